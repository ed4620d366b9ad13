//! Replay of the libcpuid corpus (../shared/corpus/libcpuid, real CPUID dumps of
//! 540 x86 machines, BSD-2-Clause): the features mvimg detects against
//! libcpuid's own flag lists, through the name mapping of the corpus README.

use std::path::PathBuf;

use mvimg_cpu::detect::x86_64_features;
use mvimg_cpu::replay::CpuidDump;
use mvimg_cpu::Arch;

/// libcpuid flag -> LLVM feature, for every flag both name.
const FLAG_MAP: &[(&str, &str)] = &[
    ("fpu", "x87"),
    ("cx8", "cx8"),
    ("cmov", "cmov"),
    ("mmx", "mmx"),
    ("fxsr", "fxsr"),
    ("sse", "sse"),
    ("sse2", "sse2"),
    ("pni", "sse3"),
    ("pclmul", "pclmul"),
    ("ssse3", "ssse3"),
    ("fma3", "fma"),
    ("cx16", "cx16"),
    ("sse4_1", "sse4.1"),
    ("sse4_2", "sse4.2"),
    ("movbe", "movbe"),
    ("popcnt", "popcnt"),
    ("aes", "aes"),
    ("xsave", "xsave"),
    ("avx", "avx"),
    ("f16c", "f16c"),
    ("rdrand", "rdrnd"),
    ("sgx", "sgx"),
    ("bmi1", "bmi"),
    ("avx2", "avx2"),
    ("bmi2", "bmi2"),
    ("rtm", "rtm"),
    ("avx512f", "avx512f"),
    ("avx512dq", "avx512dq"),
    ("rdseed", "rdseed"),
    ("adx", "adx"),
    ("avx512cd", "avx512cd"),
    ("sha_ni", "sha"),
    ("avx512bw", "avx512bw"),
    ("avx512vl", "avx512vl"),
    ("avx512vbmi", "avx512vbmi"),
    ("avx512vbmi2", "avx512vbmi2"),
    ("avx512vnni", "avx512vnni"),
    ("lahf_lm", "sahf"),
    ("abm", "lzcnt"),
    ("sse4a", "sse4a"),
    ("3dnowprefetch", "prfchw"),
    ("xop", "xop"),
    ("fma4", "fma4"),
    ("tbm", "tbm"),
    ("lm", "64bit"),
];

fn corpus() -> Option<PathBuf> {
    let root = std::env::var_os("MVIMG_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    root.join("libcpuid/manifest.csv").exists().then_some(root)
}

#[test]
fn libcpuid_dumps_agree_with_libcpuid_flags() {
    let Some(root) = corpus() else {
        println!("skipped: ../shared/corpus is not beside this checkout (set MVIMG_CORPUS)");
        return;
    };
    let db = Arch::X86_64.database();
    let manifest = std::fs::read_to_string(root.join("libcpuid/manifest.csv")).unwrap();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file_col, vendor_col, index_col, flags_col) = (
        col("file"),
        col("vendor_dir"),
        col("cpu_type_index"),
        col("expected_flags"),
    );
    let (mut dumps, mut agree, mut total) = (0, 0, 0);
    let mut disagreements: Vec<String> = Vec::new();
    for row in lines {
        // No field before expected_flags holds a comma.
        let fields: Vec<&str> = row.split(',').collect();
        if fields[vendor_col] == "arm" || fields[index_col] != "0" {
            continue;
        }
        let path = root.join(fields[file_col].trim_start_matches("libcpuid/").replacen(
            "tests",
            "libcpuid/tests",
            1,
        ));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let dump = CpuidDump::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let ours = x86_64_features(&dump);
        let flags: Vec<&str> = fields[flags_col].split_whitespace().collect();
        dumps += 1;
        for (flag, feature) in FLAG_MAP {
            let feature = db.feature(feature).unwrap();
            total += 1;
            if flags.contains(flag) == ours.contains(feature) {
                agree += 1;
            } else {
                disagreements.push(format!(
                    "{}: libcpuid {}{flag}, mvimg {}{}",
                    fields[file_col],
                    if flags.contains(flag) { "+" } else { "-" },
                    if ours.contains(feature) { "+" } else { "-" },
                    feature.name()
                ));
            }
        }
    }
    let rate = agree as f64 / total as f64;
    println!(
        "{dumps} dumps, {agree}/{total} flag decisions agree ({:.3}%)",
        rate * 100.0
    );
    // Disagreements by kind: libcpuid never names 3dnowprefetch on Intel parts that
    // set the PREFETCHW bit (LLVM's prfchw); LLVM, and so mvimg, count xsave only
    // when the OS enabled AVX state, libcpuid reports the raw bit.
    let mut kinds: std::collections::BTreeMap<&str, usize> = Default::default();
    for d in &disagreements {
        *kinds.entry(d.split_once(": ").unwrap().1).or_default() += 1;
    }
    for (kind, count) in &kinds {
        println!("  {count:>4} x {kind}");
    }
    // The manifest's primary x86 rows: 489 dumps (LFS-only files and the second
    // core types of hybrid parts are not primary rows).
    assert!(dumps >= 480, "only {dumps} dumps read");
    assert!(
        rate >= 0.99,
        "feature agreement {:.3}% is below 99%",
        rate * 100.0
    );
}

#[test]
fn malformed_dumps_are_errors() {
    let e = CpuidDump::parse(
        "CPUID Manufacturer: GenuineIntel\nCPUID 00000001: 000306C3-00100800-7FFAFBFF\n",
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("line 2") && e.contains("four registers"), "{e}");
    let e = CpuidDump::parse("basic_cpuid[1]=000306c3 zz 7ffafbff bfebfbff\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 1") && e.contains("hexadecimal"), "{e}");
    assert!(CpuidDump::parse("hello\n")
        .unwrap_err()
        .to_string()
        .contains("no CPUID register lines"));
}
