//! Known answers from a crate graph that runs threads and picks its own
//! code by CPU feature inside the library: rayon (a parallel sort and sum on
//! its thread pool), memchr (its runtime-dispatched byte and substring
//! search), serde_json (parse, walk, serialize) and flate2 with miniz_oxide
//! (deflate and inflate). `rg_report` writes one line per check.

use std::fmt::Write;

use flate2::read::{DeflateDecoder, DeflateEncoder};
use flate2::Compression;
use rayon::prelude::*;
use std::io::Read;

/// A deterministic byte stream (an LCG's high bits).
fn stream(len: usize, mut state: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (state >> 56) as u8
        })
        .collect()
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
}

fn report() -> String {
    let mut out = String::new();

    // rayon: a parallel sort and reductions on the global pool.
    let mut numbers: Vec<u64> = stream(8 * 400_000, 7)
        .chunks(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
        .collect();
    numbers.par_sort_unstable();
    let sum: u128 = numbers.par_iter().map(|&n| u128::from(n % 1_000_003)).sum();
    let evens = numbers.par_iter().filter(|&&n| n % 2 == 0).count();
    writeln!(
        out,
        "rayon sorted {} first {} last {} sum {sum} evens {evens}",
        numbers.windows(2).all(|w| w[0] <= w[1]),
        numbers[0],
        numbers[numbers.len() - 1]
    )
    .unwrap();
    let words: Vec<String> = (0..20_000).map(|i| format!("w{}", (i * 7919) % 10_007)).collect();
    let mut sorted = words.clone();
    sorted.par_sort();
    writeln!(out, "rayon strings {} {} {}", sorted[0], sorted[10_000], sorted[19_999]).unwrap();

    // memchr: byte search and substring search (SSE2/AVX2 or NEON, chosen
    // by the crate at run time).
    let mut hay = stream(2_000_000, 11);
    for i in (0..hay.len()).step_by(9_973) {
        hay[i..i + 6].copy_from_slice(b"needle");
    }
    let zeros = memchr::memchr_iter(0, &hay).count();
    let pairs = memchr::memchr2_iter(b'n', b'e', &hay).count();
    let finder = memchr::memmem::Finder::new(b"needle");
    let found: Vec<usize> = finder.find_iter(&hay).take(3).collect();
    writeln!(
        out,
        "memchr zeros {zeros} n|e {pairs} needles {} first {found:?} last {:?}",
        finder.find_iter(&hay).count(),
        memchr::memrchr(b'n', &hay)
    )
    .unwrap();

    // serde_json: a generated document parsed, walked and written back.
    let mut doc = String::from("{\"items\":[");
    for i in 0..5_000 {
        if i > 0 {
            doc.push(',');
        }
        write!(
            doc,
            "{{\"id\":{i},\"name\":\"item {i}\",\"price\":{}.{:02},\"tags\":[\"t{}\",\"u{}\"],\"ok\":{}}}",
            i * 3 % 997,
            i % 100,
            i % 7,
            i % 13,
            i % 3 == 0
        )
        .unwrap();
    }
    doc.push_str("],\"note\":\"unicode \\u00e9\\u20ac \\ud83d\\ude00\"}");
    let value: serde_json::Value = serde_json::from_str(&doc).unwrap();
    let items = value["items"].as_array().unwrap();
    let total: f64 = items.iter().map(|i| i["price"].as_f64().unwrap()).sum();
    let ok = items.iter().filter(|i| i["ok"].as_bool() == Some(true)).count();
    let written = serde_json::to_string(&value).unwrap();
    writeln!(
        out,
        "json items {} total {total:.2} ok {ok} note {} bytes {} hash {:016x}",
        items.len(),
        value["note"].as_str().unwrap(),
        written.len(),
        fnv(written.as_bytes())
    )
    .unwrap();
    writeln!(
        out,
        "json error {}",
        serde_json::from_str::<serde_json::Value>("{\"a\": [1, 2,, 3]}").unwrap_err()
    )
    .unwrap();

    // flate2 with miniz_oxide: deflate at two levels, inflate back.
    let mut text = Vec::new();
    for i in 0..60_000u32 {
        write!(text_writer(&mut text), "line {} of the report, value {}\n", i, i * i % 977).unwrap();
    }
    for level in [1, 6, 9] {
        let mut packed = Vec::new();
        DeflateEncoder::new(&text[..], Compression::new(level))
            .read_to_end(&mut packed)
            .unwrap();
        let mut back = Vec::new();
        DeflateDecoder::new(&packed[..]).read_to_end(&mut back).unwrap();
        writeln!(
            out,
            "deflate level {level}: {} -> {} bytes, hash {:016x}, round trip {}",
            text.len(),
            packed.len(),
            fnv(&packed),
            back == text
        )
        .unwrap();
    }
    out
}

/// `bytes` as a `fmt::Write` target.
fn text_writer(bytes: &mut Vec<u8>) -> impl std::fmt::Write + '_ {
    struct Bytes<'a>(&'a mut Vec<u8>);
    impl std::fmt::Write for Bytes<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.extend_from_slice(s.as_bytes());
            Ok(())
        }
    }
    Bytes(bytes)
}

/// Writes the report (NUL-terminated, truncated to `cap`) into `buf` and
/// returns its full length.
///
/// # Safety
/// `buf` points at `cap` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn rg_report(buf: *mut u8, cap: usize) -> usize {
    let text = report();
    let n = text.len().min(cap.saturating_sub(1));
    if cap > 0 {
        unsafe {
            std::ptr::copy_nonoverlapping(text.as_ptr(), buf, n);
            *buf.add(n) = 0;
        }
    }
    text.len()
}
