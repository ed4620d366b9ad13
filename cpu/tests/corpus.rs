//! Replay of the libcpuid corpus (../shared/corpus/libcpuid, real CPUID dumps of
//! 540 x86 machines, BSD-2-Clause): the features mvimg detects against
//! libcpuid's own flag lists, through the name mapping of the corpus README.

use std::path::PathBuf;

use mvimg_cpu::detect::{x86_64_features, Cpuid, OnceCpuid};
use mvimg_cpu::replay::CpuidDump;
use mvimg_cpu::{Arch, Host};

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

#[path = "../../tests/common/corpus.rs"]
mod corpus_data;

fn corpus() -> PathBuf {
    corpus_data::corpus_root()
}

/// The manifest's primary x86 rows: (file as the manifest names it, the
/// dump, libcpuid's expected flags).
fn primary_x86_dumps() -> Vec<(String, CpuidDump, String)> {
    let root = corpus();
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
    let mut out = Vec::new();
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
        out.push((
            fields[file_col].to_owned(),
            dump,
            fields[flags_col].to_owned(),
        ));
    }
    out
}

#[test]
fn libcpuid_dumps_agree_with_libcpuid_flags() {
    let db = Arch::X86_64.database();
    let (mut dumps, mut agree, mut total) = (0, 0, 0);
    let mut disagreements: Vec<String> = Vec::new();
    for (file, dump, flags) in primary_x86_dumps() {
        let ours = x86_64_features(&dump);
        let flags: Vec<&str> = flags.split_whitespace().collect();
        dumps += 1;
        for (flag, feature) in FLAG_MAP {
            let feature = db.feature(feature).unwrap();
            total += 1;
            if flags.contains(flag) == ours.contains(feature) {
                agree += 1;
            } else {
                disagreements.push(format!(
                    "{}: libcpuid {}{flag}, mvimg {}{}",
                    file,
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

/// Counts the CPUID instructions a detection issues.
struct Counting<'a> {
    dump: &'a CpuidDump,
    calls: std::cell::Cell<usize>,
}

impl Cpuid for Counting<'_> {
    fn cpuid(&self, leaf: u32, subleaf: u32) -> [u32; 4] {
        self.calls.set(self.calls.get() + 1);
        self.dump.cpuid(leaf, subleaf)
    }

    fn xcr0(&self) -> Option<u64> {
        self.dump.xcr0()
    }
}

/// `Host::detect` asks the live CPU through `OnceCpuid` (each CPUID traps
/// to the hypervisor in a VM): on every recorded CPU it gives the host that
/// asking every time gives, with at most one CPUID per leaf asked.
#[test]
fn asking_each_leaf_once_detects_the_same_host() {
    let mut dumps = 0;
    for (file, dump, _) in primary_x86_dumps() {
        let every_time = Counting {
            dump: &dump,
            calls: Default::default(),
        };
        let direct = Host::from_cpuid(&every_time);
        let once = OnceCpuid::new(Counting {
            dump: &dump,
            calls: Default::default(),
        });
        let remembered = Host::from_cpuid(&once);
        assert_eq!(remembered, direct, "{file}");
        let asked = once.inner().calls.get();
        assert!(asked <= 16, "{file}: {asked} CPUID instructions");
        assert!(
            asked * 4 < every_time.calls.get(),
            "{file}: {asked} against {}",
            every_time.calls.get()
        );
        dumps += 1;
    }
    assert!(dumps >= 480, "only {dumps} dumps read");
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
    match CpuidDump::parse("hello\n") {
        Err(mvimg_cpu::Error::Description(d)) => {
            assert_eq!(d.format, mvimg_cpu::DescriptionFormat::CpuidDump);
            assert_eq!(d.line, None);
            assert!(d.to_string().contains("none found"), "{d}");
        }
        other => panic!("{other:?}"),
    }
}

/// The LLVM 22 name libcpuid's description of a part implies: from the
/// micro-architecture directory and the codename, never from the family/model
/// numbers mvimg's rules key on. `pni` (SSE3) is libcpuid's own flag.
fn expected_llvm_name(vendor: &str, uarch: &str, codename: &str, flags: &[&str]) -> &'static str {
    let has = |f: &str| flags.contains(&f);
    let named = |keys: &[&str]| keys.iter().any(|k| codename.contains(k));
    match (vendor, uarch) {
        ("intel", "ia-32/netburst" | "ia-32/p6" | "qemu") => {
            if named(&["Prescott"]) {
                "prescott"
            } else if named(&["Willamette", "Northwood", "Prestonia"]) {
                "pentium4"
            } else if named(&["Yonah"]) {
                "yonah"
            } else if named(&["Dothan", "Banias", "Shelton"]) {
                "pentium-m"
            } else if named(&["Pentium II "]) {
                "pentium2"
            } else {
                "pentium3"
            }
        }
        ("intel", "x86-64/netburst") => "nocona",
        ("intel", "x86-64/core") => {
            if named(&[
                "Penryn",
                "Wolfdale",
                "Yorkfield",
                "Harpertown",
                "Dunnington",
            ]) {
                "penryn"
            } else {
                "core2"
            }
        }
        ("intel", "x86-64/nehalem") => {
            if named(&["Arrandale", "Clarkdale", "Gulftown", "Westmere"]) {
                "westmere"
            } else {
                "nehalem"
            }
        }
        ("intel", "x86-64/sandy-bridge") => {
            if named(&["Ivy"]) {
                "ivybridge"
            } else {
                "sandybridge"
            }
        }
        ("intel", "x86-64/haswell") => {
            if named(&["Broadwell"]) {
                "broadwell"
            } else {
                "haswell"
            }
        }
        ("intel", "x86-64/skylake") => {
            if named(&["Cascade Lake"]) {
                "cascadelake"
            } else if named(&["Skylake-X", "Skylake-SP", "Skylake-W", "Skylake-D"]) {
                "skylake-avx512"
            } else {
                "skylake"
            }
        }
        ("intel", "x86-64/palm-cove") => "cannonlake",
        ("intel", "x86-64/sunny-cove") => {
            if named(&["Ice Lake-SP", "Ice Lake-D"]) {
                "icelake-server"
            } else {
                "icelake-client"
            }
        }
        ("intel", "x86-64/willow-cove") => "tigerlake",
        ("intel", "x86-64/cypress-cove") => "rocketlake",
        ("intel", "x86-64/golden-cove") => {
            if named(&["Sapphire Rapids"]) {
                "sapphirerapids"
            } else {
                "alderlake"
            }
        }
        ("intel", "x86-64/raptor-cove") => {
            if named(&["Emerald Rapids"]) {
                "emeraldrapids"
            } else {
                "raptorlake"
            }
        }
        ("intel", "x86-64/redwood-cove") => "meteorlake",
        ("intel", "x86-64/lion-cove") => {
            if named(&["Lunar Lake"]) {
                "lunarlake"
            } else if named(&["Arrow Lake-S", "Arrow Lake-HX"]) {
                "arrowlake-s"
            } else {
                "arrowlake"
            }
        }
        ("intel", "x86-atom/bonnell" | "x86-atom/saltwell") => "bonnell",
        ("intel", "x86-atom/silvermont" | "x86-atom/airmont") => "silvermont",
        ("intel", "x86-atom/goldmont") => "goldmont",
        ("intel", "x86-atom/goldmont-plus") => "goldmont-plus",
        ("intel", "x86-atom/tremont") => "tremont",
        ("intel", "x86-atom/gracemont") => "gracemont",
        ("amd", "k5") => "pentium",
        ("amd", "k6") => {
            if named(&["K6-2"]) {
                "k6-2"
            } else if named(&["K6-III"]) {
                "k6-3"
            } else {
                "k6"
            }
        }
        ("amd", "k7") => {
            if has("sse") {
                "athlon-xp"
            } else {
                "athlon"
            }
        }
        // Griffin is family 11h, which LLVM 22 does not list.
        ("amd", "k8") if named(&["Griffin"]) => "generic",
        ("amd", "k8") => {
            if has("pni") {
                "k8-sse3"
            } else {
                "k8"
            }
        }
        ("amd", "k10") => "amdfam10",
        ("amd", "bobcat") => "btver1",
        ("amd", "jaguar") => "btver2",
        ("amd", "bulldozer") => {
            if named(&["Zambezi", "Interlagos"]) {
                "bdver1"
            } else if named(&["Vishera", "Abu Dhabi", "Trinity", "Richland"]) {
                "bdver2"
            } else if named(&["Kaveri", "Godavari", "Bald Eagle"]) {
                "bdver3"
            } else {
                "bdver4"
            }
        }
        ("amd", "zen" | "zen+") => "znver1",
        ("amd", "zen2") => "znver2",
        ("amd", "zen3" | "zen3+") => "znver3",
        ("amd", "zen4") => "znver4",
        ("amd", "zen5") => "znver5",
        // LLVM 22 names only Intel and AMD parts.
        _ => "generic",
    }
}

#[test]
fn libcpuid_dumps_are_named_by_llvm_rules() {
    use mvimg_cpu::x86_64::naming::{llvm_name, Signature};
    let root = corpus();
    let manifest = std::fs::read_to_string(root.join("libcpuid/manifest.csv")).unwrap();
    let mut lines = manifest.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| header.iter().position(|h| *h == name).unwrap();
    let (file_col, vendor_col, uarch_col, index_col, flags_col, codename_col) = (
        col("file"),
        col("vendor_dir"),
        col("uarch_dir"),
        col("cpu_type_index"),
        col("expected_flags"),
        col("expected_codename"),
    );
    let (fam_col, model_col) = (col("expected_extfamily"), col("expected_extmodel"));
    let (mut dumps, mut names_agree, mut signatures_agree, mut family7) = (0, 0, 0, 0);
    let mut disagreements = Vec::new();
    for row in lines {
        let fields: Vec<&str> = row.split(',').collect();
        if fields[vendor_col] == "arm" || fields[index_col] != "0" {
            continue;
        }
        let path =
            root.join(fields[file_col].replacen("libcpuid/tests", "libcpuid/libcpuid/tests", 1));
        let path = if path.exists() {
            path
        } else {
            root.join(fields[file_col])
        };
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let dump = CpuidDump::parse(&text).unwrap();
        let signature = Signature::read(&dump).expect("every dump has leaf 1");
        let features = x86_64_features(&dump);
        dumps += 1;
        if fields[fam_col].parse() == Ok(signature.family)
            && fields[model_col].parse() == Ok(signature.model)
        {
            signatures_agree += 1;
        } else if signature.family == 7 {
            // Zhaoxin's family 7: libcpuid adds the extended model as for family
            // 6; LLVM (and so mvimg) adds it only for families 6 and 0xF.
            family7 += 1;
        } else {
            println!(
                "  signature of {}: libcpuid {}/{}, mvimg {}/{}",
                fields[file_col],
                fields[fam_col],
                fields[model_col],
                signature.family,
                signature.model
            );
        }
        let flags: Vec<&str> = fields[flags_col].split_whitespace().collect();
        let expected = expected_llvm_name(
            fields[vendor_col],
            fields[uarch_col],
            fields[codename_col],
            &flags,
        );
        let ours = llvm_name(&signature, &features).unwrap_or("generic");
        if ours == expected {
            names_agree += 1;
        } else {
            disagreements.push(format!(
                "{} ({}, family {:#x} model {:#x}): expected {expected}, mvimg {ours}",
                fields[file_col], fields[codename_col], signature.family, signature.model
            ));
        }
    }
    let rate = names_agree as f64 / dumps as f64;
    println!("{dumps} dumps: {names_agree} names agree ({:.2}%), {signatures_agree} family/model pairs agree with libcpuid's", rate * 100.0);
    // Expected disagreement: QEMU's virtual CPU reports the Pentium M (Dothan)
    // model but also long mode, and LLVM's guess for an unlisted model takes
    // 64-bit parts to be core2.
    for d in &disagreements {
        println!("  {d}");
    }
    println!("  {family7} family-7 (Zhaoxin) signatures differ by the extended-model rule");
    assert_eq!(
        signatures_agree + family7,
        dumps,
        "display family/model decoding"
    );
    assert!(
        rate >= 0.95,
        "name agreement {:.2}% is below 95%",
        rate * 100.0
    );
}

#[test]
fn llvm_unit_test_cpuinfo_texts_give_llvm_names() {
    use mvimg_cpu::aarch64::naming::{llvm_name, CoreSummary, Midr};
    use mvimg_cpu::cpuinfo::CpuInfo;
    let root = corpus();
    let db = Arch::Aarch64.database();
    // 32-bit Arm names LLVM 22's ARM backend has (the AArch64 database does not).
    let arm32 = ["cortex-a9", "cortex-a15", "krait"];
    let known = |name: &str| name == "generic" || db.cpu(name).is_some() || arm32.contains(&name);
    let dir = root.join("llvm-host-unittest");
    let index = std::fs::read_to_string(dir.join("index.csv")).unwrap();
    let (mut checked, mut skipped) = (0, Vec::new());
    for row in index.lines().skip(1) {
        let f: Vec<&str> = row.split(',').collect();
        if !matches!(f[1], "ARM" | "AArch64") {
            continue;
        }
        if !known(f[2]) {
            skipped.push(f[2]);
            continue;
        }
        let text = std::fs::read_to_string(dir.join(f[0])).unwrap();
        let info = CpuInfo::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", f[0]));
        let name = info.core_summary().map_or("generic", |c| llvm_name(&c));
        assert_eq!(name, f[2], "{}", f[0]);
        checked += 1;
    }
    let midr = std::fs::read_to_string(dir.join("midr_index.csv")).unwrap();
    for row in midr.lines().skip(1) {
        let f: Vec<&str> = row.split(',').collect();
        let parse = |s: &str| u64::from_str_radix(s.trim_start_matches("0x"), 16).unwrap();
        let primary = Midr::from_raw(parse(f[0]));
        let mut all: Vec<Midr> = f[1].split(';').map(|m| Midr::from_raw(parse(m))).collect();
        // The primary core is the last one LLVM reads.
        all.retain(|m| *m != primary);
        all.push(primary);
        let name = llvm_name(&CoreSummary::from_midrs(&all, "").unwrap());
        if known(f[2]) {
            assert_eq!(name, f[2], "MIDR {}", f[0]);
            checked += 1;
        } else {
            skipped.push(f[2]);
        }
    }
    println!(
        "{checked} cases give LLVM's name; skipped {} whose name LLVM 22 lacks: {skipped:?}",
        skipped.len()
    );
    assert!(checked >= 60, "only {checked} cases");
}
