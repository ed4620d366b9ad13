//! Known answers from std and a real crate graph: hashing (sha2), regular
//! expressions (regex), unwinding (a caught panic), thread-locals, threads,
//! hash maps and formatting. `rk_report` writes one line per check.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::Write;

use regex::Regex;
use sha2::{Digest, Sha256, Sha512};

thread_local! {
    static CALLS: Cell<u32> = const { Cell::new(0) };
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn report() -> String {
    let mut out = String::new();
    CALLS.with(|c| c.set(c.get() + 1));
    writeln!(out, "sha256(abc) {}", hex(&Sha256::digest(b"abc"))).unwrap();
    let big: Vec<u8> = (0..1_000_000u32).map(|i| (i * 2_654_435_761 >> 13) as u8).collect();
    writeln!(out, "sha512(1M) {}", hex(&Sha512::digest(&big))).unwrap();
    let text = "2024-01-15 alpha, 1999-12-31 beta; 2026-12-02 gamma and 12-02 not";
    let dates = Regex::new(r"(\d{4})-(\d{2})-(\d{2}) (\w+)").unwrap();
    for caps in dates.captures_iter(text) {
        writeln!(out, "date {} {} {} {}", &caps[1], &caps[2], &caps[3], &caps[4]).unwrap();
    }
    let words = Regex::new(r"(?i)\b[a-z]{5,}\b").unwrap();
    writeln!(out, "long words {}", words.find_iter(text).count()).unwrap();
    let caught = std::panic::catch_unwind(|| {
        let v: Vec<u32> = Vec::new();
        v[3]
    });
    writeln!(out, "panic caught {}", caught.is_err()).unwrap();
    let handles: Vec<_> = (0..4u64)
        .map(|t| {
            std::thread::spawn(move || {
                CALLS.with(|c| c.set(c.get() + 10));
                let sum: u64 = (0..100_000u64).map(|i| i * i % (t + 7)).sum();
                (sum, CALLS.with(Cell::get))
            })
        })
        .collect();
    for h in handles {
        let (sum, calls) = h.join().unwrap();
        writeln!(out, "thread sum {sum} tls {calls}").unwrap();
    }
    let mut counts: HashMap<char, usize> = HashMap::new();
    for ch in text.chars().filter(|c| c.is_alphabetic()) {
        *counts.entry(ch).or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort();
    writeln!(out, "letters {counts:?}").unwrap();
    writeln!(out, "float {:.6}", (1..1000).map(|i| (i as f64).sqrt().sin()).sum::<f64>()).unwrap();
    writeln!(out, "main tls {}", CALLS.with(Cell::get)).unwrap();
    out
}

/// Writes the report (NUL-terminated, truncated to `cap`) into `buf` and
/// returns its full length.
///
/// # Safety
/// `buf` points at `cap` writable bytes.
#[no_mangle]
pub unsafe extern "C" fn rk_report(buf: *mut u8, cap: usize) -> usize {
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
