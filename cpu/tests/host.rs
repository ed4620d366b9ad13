//! Host descriptions from recorded data: AArch64 /proc/cpuinfo texts (big.LITTLE,
//! AT_HWCAP lines), x86 cpuinfo texts, macOS sysctl output, the host summary, and
//! property tests that no input makes a parser panic.

use mvimg_cpu::aarch64::macos::Sysctls;
use mvimg_cpu::cpuinfo::{aarch64_features, CpuInfo, Hwcaps};
use mvimg_cpu::replay::CpuidDump;
use mvimg_cpu::{Arch, Host, VectorWidth};
use proptest::prelude::*;

fn arm_block(index: usize, part: &str, features: &str) -> String {
    format!(
        "processor\t: {index}\nBogoMIPS\t: 48.00\nFeatures\t: {features}\nCPU implementer\t: 0x41\n\
         CPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: {part}\nCPU revision\t: 0\n\n"
    )
}

const N1_FEATURES: &str =
    "fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs";

#[test]
fn neoverse_n1_cpuinfo_gives_name_features_and_level() {
    let text: String = (0..4).map(|i| arm_block(i, "0xd0c", N1_FEATURES)).collect();
    let host = Host::from_text(&text, "n1.txt").unwrap();
    assert_eq!(host.name, "neoverse-n1");
    let d = host.describe();
    assert_eq!(d.arch, Arch::Aarch64);
    assert_eq!(d.vector_width, VectorWidth::Fixed(128));
    assert_eq!(d.level, "v8.2a", "{:?}", d.features);
    for f in [
        "aes", "sha2", "crc", "lse", "fullfp16", "rdm", "rcpc", "dotprod", "ccpp", "ssbs",
    ] {
        assert!(
            d.features.iter().any(|x| x == f),
            "{f} missing from {:?}",
            d.features
        );
    }
    assert!(!d.features.iter().any(|x| x == "sve"));
    assert!(host.source.unwrap().contains("n1.txt: cpuinfo"));
}

#[test]
fn big_little_features_are_those_every_core_has() {
    // An X925 + A725 system where only the big cores report sve2: the host does
    // not have sve2, and LLVM's rule names the pair after the big core.
    let big = format!("{N1_FEATURES} sve sve2 i8mm bf16");
    let little = format!("{N1_FEATURES} i8mm");
    let text = [arm_block(0, "0xd87", &little), arm_block(1, "0xd85", &big)].concat();
    let host = Host::from_text(&text, "bl.txt").unwrap();
    assert_eq!(host.name, "cortex-x925");
    let names = host.features.names();
    assert!(names.contains(&"i8mm"));
    assert!(!names.contains(&"sve2") && !names.contains(&"sve") && !names.contains(&"bf16"));
}

#[test]
fn at_hwcap_lines_replace_the_features_lines() {
    // AT_HWCAP: fp asimd aes pmull (bits 0, 1, 3, 4); AT_HWCAP2: sve2 (bit 1);
    // AT_HWCAP3: lsfe (bit 2).
    let text = format!(
        "{}AT_HWCAP: 0x1b\nAT_HWCAP2: 0x2\nAT_HWCAP3: 0x4\n",
        arm_block(0, "0xd4f", N1_FEATURES)
    );
    let info = CpuInfo::parse(&text).unwrap();
    let (caps, unknown) = info.hwcaps();
    assert!(unknown.is_empty());
    assert_eq!(caps.words, [0x1b, 0x2, 0x4]);
    assert_eq!(
        caps.names(),
        ["fp", "asimd", "aes", "pmull", "sve2", "lsfe"]
    );
    let features = aarch64_features(&caps);
    let names = features.names();
    assert!(names.contains(&"aes") && names.contains(&"sve2") && names.contains(&"lsfe"));
    // sha2 was in the Features line, but the capability words win.
    assert!(!names.contains(&"sha2"));
    let host = Host::from_cpuinfo(&info);
    assert_eq!(host.name, "neoverse-v2");
}

#[test]
fn unknown_kernel_feature_names_are_reported_not_fatal() {
    let (caps, unknown) = Hwcaps::from_names(["fp", "asimd", "shiny-new-thing"]);
    assert_eq!(caps.words[0], 0b11);
    assert_eq!(unknown, ["shiny-new-thing"]);
}

#[test]
fn without_midr_the_name_comes_from_features() {
    let text = format!("Features\t: {N1_FEATURES}\n");
    let host = Host::from_text(&text, "features-only").unwrap();
    // The best database CPU whose every detectable feature the host has.
    let db = Arch::Aarch64.database();
    let cpu = db.cpu(&host.name).unwrap();
    let needs = cpu
        .features()
        .difference(&db.tuning())
        .intersection(&db.matched());
    assert!(needs.is_subset(&host.features), "{}", host.name);
    assert!(host.source.unwrap().contains("name by features"));
}

#[test]
fn x86_cpuinfo_text_gives_name_and_flags() {
    let text = "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 85\n\
        model name\t: Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz\n\
        flags\t\t: fpu cx8 cmov mmx fxsr sse sse2 pni pclmulqdq ssse3 fma cx16 sse4_1 sse4_2 movbe \
        popcnt aes xsave avx f16c rdrand lahf_lm lm abm 3dnowprefetch fsgsbase bmi1 avx2 bmi2 \
        invpcid avx512f avx512dq rdseed adx clflushopt clwb avx512cd avx512bw avx512vl xsaveopt \
        xsavec xsaves pku avx512_vnni\n";
    let host = Host::from_text(text, "clx.txt").unwrap();
    assert_eq!(host.name, "cascadelake");
    let d = host.describe();
    assert_eq!(d.level, "x86-64-v4");
    assert_eq!(d.vector_width, VectorWidth::Fixed(512));
    // Linux has no flag for prefetchi: it is unknown, not absent.
    let db = Arch::X86_64.database();
    assert!(!host.checked.contains(db.feature("prefetchi").unwrap()));
    assert!(host.checked.contains(db.feature("avx512vnni").unwrap()));
}

/// `sysctl hw` output in the form macOS prints it, with the values of an M1
/// (CPU family Firestorm/Icestorm); M1 has no BF16, I8MM or SME.
const M1_SYSCTL: &str = "hw.ncpu: 8\nhw.cpufamily: 458787763\nhw.cpusubfamily: 2\n\
hw.optional.floatingpoint: 1\nhw.optional.neon: 1\nhw.optional.armv8_crc32: 1\n\
hw.optional.arm.FEAT_AES: 1\nhw.optional.arm.FEAT_PMULL: 1\nhw.optional.arm.FEAT_SHA1: 1\n\
hw.optional.arm.FEAT_SHA256: 1\nhw.optional.arm.FEAT_SHA512: 1\nhw.optional.arm.FEAT_SHA3: 1\n\
hw.optional.arm.FEAT_LSE: 1\nhw.optional.arm.FEAT_LSE2: 1\nhw.optional.arm.FEAT_FP16: 1\n\
hw.optional.arm.FEAT_FHM: 1\nhw.optional.arm.FEAT_DotProd: 1\nhw.optional.arm.FEAT_RDM: 1\n\
hw.optional.arm.FEAT_JSCVT: 1\nhw.optional.arm.FEAT_FCMA: 1\nhw.optional.arm.FEAT_LRCPC: 1\n\
hw.optional.arm.FEAT_LRCPC2: 1\nhw.optional.arm.FEAT_DPB: 1\nhw.optional.arm.FEAT_DPB2: 1\n\
hw.optional.arm.FEAT_FlagM: 1\nhw.optional.arm.FEAT_FlagM2: 1\nhw.optional.arm.FEAT_FRINTTS: 1\n\
hw.optional.arm.FEAT_SB: 1\nhw.optional.arm.FEAT_SSBS: 1\nhw.optional.arm.FEAT_DIT: 1\n\
hw.optional.arm.FEAT_BF16: 0\nhw.optional.arm.FEAT_I8MM: 0\nhw.optional.arm.FEAT_ECV: 1\n\
hw.optional.arm.FEAT_PAuth: 1\nhw.optional.arm.FEAT_BTI: 0\nhw.optional.arm.FEAT_SME: 0\n\
machdep.cpu.brand_string: Apple M1\n";

#[test]
fn macos_sysctl_values_give_apple_m1() {
    let sysctls = Sysctls::parse(M1_SYSCTL).unwrap();
    assert_eq!(sysctls.llvm_name(), Some("apple-m1"));
    let host = Host::from_sysctls(&sysctls);
    assert_eq!(host.name, "apple-m1");
    let names = host.features.names();
    for f in [
        "aes",
        "sha3",
        "dotprod",
        "fp16fml",
        "rcpc-immo",
        "pauth",
        "ssbs",
    ] {
        assert!(names.contains(&f), "{f}: {names:?}");
    }
    for f in ["bf16", "i8mm", "sme", "bti"] {
        assert!(!names.contains(&f), "{f}");
    }
    // FEAT_CSSC is not in this output (older macOS): unknown, not absent.
    let db = Arch::Aarch64.database();
    assert!(!host.checked.contains(db.feature("cssc").unwrap()));
    assert!(host.checked.contains(db.feature("bf16").unwrap()));
    assert_eq!(Host::from_text(M1_SYSCTL, "m1").unwrap().name, "apple-m1");
    // An unknown (newer) family is taken to be the newest LLVM knows.
    let newer = Sysctls::parse("hw.cpufamily: 1234\n").unwrap();
    assert_eq!(newer.llvm_name(), Some("apple-m4"));
    let e = Sysctls::parse("hw.optional.arm.FEAT_AES: yes\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 1") && e.contains("FEAT_AES"), "{e}");
}

#[test]
fn malformed_cpuinfo_is_an_error_naming_the_line() {
    let e = CpuInfo::parse("processor\t: 0\nCPU part\t: 0xzzz\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 2") && e.contains("part number"), "{e}");
    let e = CpuInfo::parse("processor\t: 0\nCPU implementer\t: 0x1234\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 2") && e.contains("0xff"), "{e}");
    let e = CpuInfo::parse("hello world\n").unwrap_err().to_string();
    assert!(e.contains("no `processor`"), "{e}");
    let e = Host::from_text("", "empty.txt").unwrap_err().to_string();
    assert!(e.starts_with("empty.txt: "), "{e}");
    // Where: the input, the reader, the line, what was found.
    match Host::from_text("processor\t: 0\nCPU implementer\t: 0x1234\n", "node.txt") {
        Err(mvimg_cpu::Error::Description(d)) => {
            assert_eq!(d.input.as_deref(), Some("node.txt"));
            assert_eq!(d.format, mvimg_cpu::DescriptionFormat::Cpuinfo);
            assert_eq!(d.line, Some(2));
            assert!(
                d.found.as_deref().is_some_and(|f| f.contains("0x1234")),
                "{d:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    // LLVM's report with an item that is not +f/-f (a multi-byte first
    // character used to panic) or names no feature.
    assert!(matches!(
        Host::from_llvm_report(Arch::X86_64, "haswell", "+avx,éavx2"),
        Err(mvimg_cpu::Error::Description(d)) if d.format == mvimg_cpu::DescriptionFormat::LlvmReport
    ));
    assert!(matches!(
        Host::from_llvm_report(Arch::X86_64, "haswell", "+avx9"),
        Err(mvimg_cpu::Error::UnknownHostName {
            given_in: mvimg_cpu::GivenIn::LlvmReport,
            ..
        })
    ));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn cpuinfo_parser_never_panics(text in "(processor|Features|flags|CPU part|CPU implementer|CPU variant|AT_HWCAP2?|vendor_id|cpu family|model|Hardware|[a-z ]{0,6})[ \t]{0,2}:?[ \t]{0,2}(0x[0-9a-fA-F]{0,18}|[0-9]{0,22}|fp asimd sve|GenuineIntel|[ -~]{0,12})\n{0,2}") {
        let _ = CpuInfo::parse(&text);
        let _ = Host::from_text(&text, "fuzz");
    }

    #[test]
    fn cpuinfo_parser_never_panics_on_many_lines(lines in proptest::collection::vec("(processor|Features|CPU part|CPU implementer|CPU variant|AT_HWCAP|cpu family|model|flags)\t: (0x[0-9a-f]{1,17}|[0-9]{1,21}|fp asimd|avx2 lm)", 0..12)) {
        let text = lines.join("\n");
        if let Ok(info) = CpuInfo::parse(&text) {
            let host = Host::from_cpuinfo(&info);
            let _ = host.describe();
        }
    }

    #[test]
    fn cpuid_dump_parser_never_panics(lines in proptest::collection::vec("(CPUID [0-9A-F]{8}[: \t]{1,2}[0-9A-Fa-z-]{0,40}( \\[SL [0-9A-Fz]{1,3}\\])?|basic_cpuid\\[[0-9a-z]{0,11}\\]=[0-9a-f ]{0,40}|ext_cpuid\\[[0-9]{1,11}\\]=[0-9a-f ]{0,40}|-{0,90}|[ -~]{0,20})", 0..10)) {
        let text = lines.join("\n");
        if let Ok(dump) = CpuidDump::parse(&text) {
            let host = Host::from_cpuid(&dump);
            let _ = host.describe();
        }
    }

    #[test]
    fn sysctl_parser_never_panics(text in "(hw\\.cpufamily|hw\\.optional\\.arm\\.FEAT_[A-Za-z0-9]{1,8}|hw\\.[a-z.]{0,10}|[ -~]{0,10})[:=] ?([0-9]{0,22}|[ -~]{0,8})\n?") {
        if let Ok(s) = Sysctls::parse(&text) {
            let _ = Host::from_sysctls(&s).describe();
        }
    }
}

/// This machine's /proc/cpuinfo against its CPUID: the same name, and over the
/// features Linux's flags speak about, the same answers (the kernel clears
/// flags of state it does not enable, as mvimg's XCR0 check does).
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn live_cpuinfo_agrees_with_live_cpuid() {
    let text = std::fs::read_to_string("/proc/cpuinfo").unwrap();
    let from_text = Host::from_text(&text, "/proc/cpuinfo").unwrap();
    let live = Host::detect().unwrap();
    assert_eq!(from_text.name, live.name);
    let mut compared = from_text.checked;
    // Linux hides RDSEED on AMD Zen 5 (the erratum where 16- and 32-bit RDSEED
    // return zero while reporting success); CPUID still sets the bit.
    if live.name == "znver5" {
        compared.remove(Arch::X86_64.database().feature("rdseed").unwrap());
    }
    let a = from_text.features.intersection(&compared);
    let b = live.features.intersection(&compared);
    println!("{} features compared", compared.len());
    assert_eq!(
        a,
        b,
        "cpuinfo only: {}; CPUID only: {}",
        a.difference(&b),
        b.difference(&a)
    );
}

/// The naming tables handed to an image's own init give what the naming
/// functions give (the init repeats only the rules around the lookups).
#[test]
fn naming_tables_for_the_image_init_agree_with_the_naming_rules() {
    use mvimg_cpu::aarch64::naming::{llvm_name, part_names, CoreSummary};
    use mvimg_cpu::x86_64::naming::{intel_family6_models, Signature, Vendor};
    let mut seen = std::collections::BTreeSet::new();
    for (implementer, part, name) in part_names() {
        // The first entry of an (implementer, part) pair is the one that counts.
        if implementer == 0x53 || !seen.insert((implementer, part)) {
            continue;
        }
        let cores = CoreSummary {
            implementer,
            part,
            variant: 0,
            hardware: String::new(),
            parts: vec![part],
        };
        assert_eq!(llvm_name(&cores), name, "{implementer:#x} {part:#x}");
    }
    assert!(seen.len() > 50);
    let features = mvimg_cpu::FeatureSet::empty(Arch::X86_64);
    let mut models = 0;
    for (model, name) in intel_family6_models() {
        let signature = Signature {
            vendor: Vendor::Intel,
            family: 6,
            model,
            stepping: 0,
        };
        assert_eq!(
            mvimg_cpu::x86_64::naming::llvm_name(&signature, &features),
            Some(name),
            "{model:#x}"
        );
        models += 1;
    }
    assert!(models > 70, "{models} models");
}

/// `Host::detect` takes the leaves glibc read at start-up from glibc's
/// copy (no CPUID trap in a VM): each such leaf says what the CPU says
/// (leaf 1's EBX but for the APIC ID of the core glibc ran on), and the
/// host detected equals the one every leaf asked of the CPU gives.
#[cfg(all(target_arch = "x86_64", target_os = "linux", target_env = "gnu"))]
#[test]
fn glibcs_copy_of_the_leaves_is_what_the_cpu_says() {
    use mvimg_cpu::detect::{Cpuid, LiveCpuid, OnceCpuid, ProcessCpuid};
    let process = ProcessCpuid::new();
    let leaf0 = LiveCpuid.cpuid(0, 0);
    let vendor: Vec<u8> = [leaf0[1], leaf0[3], leaf0[2]]
        .iter()
        .flat_map(|r| r.to_le_bytes())
        .collect();
    let vendor = String::from_utf8_lossy(&vendor).into_owned();
    // Debian 12's glibc is 2.36: it has the copy on Intel and AMD CPUs.
    if vendor == "GenuineIntel" || vendor == "AuthenticAMD" {
        assert!(process.uses_glibc(), "{vendor}");
    }
    let (max_basic, max_extended) = (leaf0[0], LiveCpuid.cpuid(0x8000_0000, 0)[0]);
    let max_leaf7_subleaf = LiveCpuid.cpuid(7, 0)[0];
    let mut compared = 0;
    for (leaf, subleaf) in [
        (1, 0),
        (7, 0),
        (7, 1),
        (0xd, 1),
        (0x14, 0),
        (0x19, 0),
        (0x8000_0001, 0),
        (0x8000_0007, 0),
        (0x8000_0008, 0),
    ] {
        let present = if leaf >= 0x8000_0000 {
            leaf <= max_extended
        } else {
            leaf <= max_basic && (leaf != 7 || subleaf <= max_leaf7_subleaf)
        };
        if !present {
            continue;
        }
        let (mut kept, mut live) = (process.cpuid(leaf, subleaf), LiveCpuid.cpuid(leaf, subleaf));
        if leaf == 1 {
            kept[1] &= 0x00ff_ffff;
            live[1] &= 0x00ff_ffff;
        }
        assert_eq!(kept, live, "leaf {leaf:#x}.{subleaf} ({vendor})");
        compared += 1;
    }
    assert!(compared >= 4, "{compared} leaves compared");
    let every_leaf = Host::from_cpuid(&OnceCpuid::new(LiveCpuid));
    let detected = Host::detect().unwrap();
    assert_eq!(detected.name, every_leaf.name);
    assert_eq!(detected.features, every_leaf.features);
}
