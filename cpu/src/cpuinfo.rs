//! Linux `/proc/cpuinfo` texts, live or recorded, and the AArch64 capability
//! words (`AT_HWCAP`, `AT_HWCAP2`, `AT_HWCAP3`) a cpuinfo text or the auxiliary
//! vector gives.
//!
//! A text is untrusted: a malformed number is an error naming the line. Lines that
//! are not `key : value` and keys mvimg does not use are skipped, so texts from any
//! kernel version read. Recorded texts may add `AT_HWCAP`, `AT_HWCAP2` and
//! `AT_HWCAP3` lines (a hexadecimal value, as `LD_SHOW_AUXV=1` prints it); when
//! present they replace the capability words the `Features` lines give.

use crate::aarch64::naming::{CoreSummary, Midr};
use crate::aarch64::HwcapWord;
use crate::arch::Arch;
use crate::db::Detection;
use crate::error::{DescriptionError, DescriptionFormat, Error};
use crate::feature::FeatureSet;

/// The names Linux gives `AT_HWCAP` bits 0 to 32 in the `Features` line.
const HWCAP_NAMES: &[&str] = &[
    "fp", "asimd", "evtstrm", "aes", "pmull", "sha1", "sha2", "crc32", "atomics", "fphp",
    "asimdhp", "cpuid", "asimdrdm", "jscvt", "fcma", "lrcpc", "dcpop", "sha3", "sm3", "sm4",
    "asimddp", "sha512", "sve", "asimdfhm", "dit", "uscat", "ilrcpc", "flagm", "ssbs", "sb",
    "paca", "pacg", "gcs",
];

/// The names of `AT_HWCAP2` bits 0 to 63.
const HWCAP2_NAMES: &[&str] = &[
    "dcpodp",
    "sve2",
    "sveaes",
    "svepmull",
    "svebitperm",
    "svesha3",
    "svesm4",
    "flagm2",
    "frint",
    "svei8mm",
    "svef32mm",
    "svef64mm",
    "svebf16",
    "i8mm",
    "bf16",
    "dgh",
    "rng",
    "bti",
    "mte",
    "ecv",
    "afp",
    "rpres",
    "mte3",
    "sme",
    "smei16i64",
    "smef64f64",
    "smei8i32",
    "smef16f32",
    "smeb16f32",
    "smef32f32",
    "smefa64",
    "wfxt",
    "ebf16",
    "sveebf16",
    "cssc",
    "rprfm",
    "sve2p1",
    "sme2",
    "sme2p1",
    "smei16i32",
    "smebi32i32",
    "smeb16b16",
    "smef16f16",
    "mops",
    "hbc",
    "sveb16b16",
    "lrcpc3",
    "lse128",
    "fpmr",
    "lut",
    "faminmax",
    "f8cvt",
    "f8fma",
    "f8dp4",
    "f8dp2",
    "f8e4m3",
    "f8e5m2",
    "smelutv2",
    "smef8f16",
    "smef8f32",
    "smesf8fma",
    "smesf8dp4",
    "smesf8dp2",
    "poe",
];

/// The names of `AT_HWCAP3` bits 0 to 3.
const HWCAP3_NAMES: &[&str] = &["mte_far", "mte_store_only", "lsfe", "ls64"];

fn word_names(word: HwcapWord) -> &'static [&'static str] {
    match word {
        HwcapWord::Hwcap => HWCAP_NAMES,
        HwcapWord::Hwcap2 => HWCAP2_NAMES,
        HwcapWord::Hwcap3 => HWCAP3_NAMES,
    }
}

/// The AArch64 capability words of a process.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hwcaps {
    /// `AT_HWCAP`, `AT_HWCAP2`, `AT_HWCAP3`.
    pub words: [u64; 3],
}

impl Hwcaps {
    /// Whether `bit` of `word` is set.
    pub fn has(&self, word: HwcapWord, bit: u8) -> bool {
        bit < 64 && self.words[word as usize] >> bit & 1 == 1
    }

    /// The words a `Features` line spells; returns the names Linux uses that
    /// mvimg does not know (reported, never an error: newer kernels add names).
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> (Hwcaps, Vec<String>) {
        let mut hwcaps = Hwcaps::default();
        let mut unknown = Vec::new();
        for name in names {
            let found = [HwcapWord::Hwcap, HwcapWord::Hwcap2, HwcapWord::Hwcap3]
                .into_iter()
                .find_map(|w| {
                    word_names(w)
                        .iter()
                        .position(|n| *n == name)
                        .map(|b| (w, b))
                });
            match found {
                Some((word, bit)) => hwcaps.words[word as usize] |= 1 << bit,
                None => unknown.push(name.to_owned()),
            }
        }
        (hwcaps, unknown)
    }

    /// The kernel's names of the set bits, in bit order.
    pub fn names(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        for word in [HwcapWord::Hwcap, HwcapWord::Hwcap2, HwcapWord::Hwcap3] {
            for (bit, name) in word_names(word).iter().enumerate() {
                if self.has(word, bit as u8) {
                    out.push(*name);
                }
            }
        }
        out
    }

    /// The capability words of this process, from the auxiliary vector.
    #[cfg(all(target_arch = "aarch64", target_os = "linux"))]
    pub fn live() -> Hwcaps {
        extern "C" {
            fn getauxval(kind: std::ffi::c_ulong) -> std::ffi::c_ulong;
        }
        const AT_HWCAP: std::ffi::c_ulong = 16;
        const AT_HWCAP2: std::ffi::c_ulong = 26;
        const AT_HWCAP3: std::ffi::c_ulong = 29;
        // SAFETY: getauxval only reads the process's auxiliary vector; an absent
        // entry (an older kernel without AT_HWCAP3) reads as 0.
        let words = unsafe {
            [
                getauxval(AT_HWCAP),
                getauxval(AT_HWCAP2),
                getauxval(AT_HWCAP3),
            ]
        };
        Hwcaps {
            words: words.map(u64::from),
        }
    }
}

/// The AArch64 features the capability words report: every detection-table
/// entry is evaluated, so every detectable feature is either present or known
/// absent.
pub fn aarch64_features(hwcaps: &Hwcaps) -> FeatureSet {
    let db = Arch::Aarch64.database();
    let mut features = FeatureSet::empty(Arch::Aarch64);
    for (feature, detection) in db.detection_table() {
        if let Detection::Hwcap(source) = detection {
            if source.bits.iter().all(|&(word, bit)| hwcaps.has(word, bit)) {
                features.insert(*feature);
            }
        }
    }
    features
}

/// One `processor` block of a cpuinfo text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Processor {
    /// The `processor` number.
    pub index: Option<u32>,
    /// The `Features` (Arm) or `flags` (x86) words.
    pub features: Vec<String>,
    /// x86: `vendor_id`.
    pub vendor: Option<String>,
    /// x86: `cpu family`.
    pub family: Option<u32>,
    /// x86: `model`.
    pub model: Option<u32>,
}

/// A parsed cpuinfo text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CpuInfo {
    /// The processor blocks, in order.
    pub processors: Vec<Processor>,
    /// The `Hardware` line (the SoC on some Arm boards), empty when absent.
    pub hardware: String,
    /// Every `CPU part` value in order, as LLVM's naming reads them.
    pub parts: Vec<u16>,
    /// The implementer of the last `CPU implementer` line.
    pub implementer: Option<u8>,
    /// The last `CPU variant` line.
    pub variant: Option<u8>,
    /// Capability words given as `AT_HWCAP*` lines.
    pub auxv: Option<Hwcaps>,
}

fn cpuinfo_error(line: usize, text: &str, expected: &str) -> Error {
    DescriptionError::at(DescriptionFormat::Cpuinfo, line, text, expected)
}

/// A number written as `0x..` hexadecimal or decimal.
fn number(value: &str, line: usize, text: &str, what: &str, max: u64) -> Result<u64, Error> {
    let parsed = match value
        .strip_prefix("0x")
        .or_else(|| value.strip_prefix("0X"))
    {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => value.parse::<u64>(),
    };
    match parsed {
        Ok(v) if v <= max => Ok(v),
        _ => Err(cpuinfo_error(
            line,
            text,
            &format!("{what} (a number up to {max:#x}, hexadecimal with 0x or decimal)"),
        )),
    }
}

fn block(current: &mut Option<Processor>) -> &mut Processor {
    current.get_or_insert_with(Processor::default)
}

impl CpuInfo {
    /// Parses a cpuinfo text.
    pub fn parse(text: &str) -> Result<CpuInfo, Error> {
        let mut info = CpuInfo::default();
        let mut current: Option<Processor> = None;
        let mut auxv = Hwcaps::default();
        let mut auxv_seen = false;
        for (number_0, raw) in text.lines().enumerate() {
            let line = number_0 + 1;
            let Some((key, value)) = raw.split_once(':') else {
                continue;
            };
            let (key, value) = (key.trim(), value.trim());
            match key {
                // 32-bit Arm kernels write `Processor : ARMv7 ...` as a model line.
                "processor" if value.bytes().all(|b| b.is_ascii_digit()) => {
                    if let Some(done) = current.take() {
                        info.processors.push(done);
                    }
                    current = Some(Processor {
                        index: Some(
                            number(value, line, raw, "a processor number", u32::MAX.into())? as u32,
                        ),
                        ..Processor::default()
                    });
                }
                "Features" | "flags" => {
                    block(&mut current).features =
                        value.split_whitespace().map(str::to_owned).collect();
                }
                "CPU implementer" => {
                    let v = number(value, line, raw, "an implementer code", 0xff)? as u8;
                    info.implementer = Some(v);
                }
                "CPU variant" => {
                    let v = number(value, line, raw, "a variant", 0xf)? as u8;
                    info.variant = Some(v);
                }
                "CPU part" => {
                    let part = number(value, line, raw, "a part number", 0xfff)? as u16;
                    info.parts.push(part);
                    // A part line makes a processor block, even without a
                    // `processor` line.
                    block(&mut current);
                }
                "CPU revision" => {
                    number(value, line, raw, "a revision", 0xf)?;
                }
                "Hardware" => info.hardware = value.to_owned(),
                "vendor_id" => block(&mut current).vendor = Some(value.to_owned()),
                "cpu family" => {
                    block(&mut current).family =
                        Some(number(value, line, raw, "a CPU family", u32::MAX.into())? as u32)
                }
                "model" => {
                    block(&mut current).model =
                        Some(number(value, line, raw, "a CPU model", u32::MAX.into())? as u32)
                }
                "AT_HWCAP" | "AT_HWCAP2" | "AT_HWCAP3" => {
                    let index = match key {
                        "AT_HWCAP" => 0,
                        "AT_HWCAP2" => 1,
                        _ => 2,
                    };
                    auxv.words[index] = number(value, line, raw, "a capability word", u64::MAX)?;
                    auxv_seen = true;
                }
                _ => {}
            }
        }
        if let Some(done) = current.take() {
            info.processors.push(done);
        }
        if auxv_seen {
            info.auxv = Some(auxv);
        }
        if info.processors.is_empty() && info.auxv.is_none() {
            return Err(DescriptionError::whole(
                DescriptionFormat::Cpuinfo,
                "the text of /proc/cpuinfo: no `processor`, `Features`, `flags` or `AT_HWCAP` \
                 lines found",
            ));
        }
        Ok(info)
    }

    /// The architecture the text describes: x86 texts have `vendor_id` or `flags`.
    pub fn arch(&self) -> Arch {
        match self.x86_processor() {
            Some(_) => Arch::X86_64,
            None => Arch::Aarch64,
        }
    }

    /// The first x86 processor block (one with `vendor_id` or `cpu family`).
    pub fn x86_processor(&self) -> Option<&Processor> {
        self.processors
            .iter()
            .find(|p| p.vendor.is_some() || p.family.is_some())
    }

    /// What LLVM's Arm naming reads of this text (`None` without a `CPU part` line).
    pub fn core_summary(&self) -> Option<CoreSummary> {
        // The last implementer, variant and part lines describe the primary core.
        let primary = Midr {
            implementer: self.implementer.unwrap_or(0),
            variant: self.variant.unwrap_or(0),
            part: *self.parts.last()?,
            revision: 0,
        };
        let midrs: Vec<Midr> = self
            .parts
            .iter()
            .map(|&part| Midr { part, ..primary })
            .collect();
        CoreSummary::from_midrs(&midrs, &self.hardware)
    }

    /// The AArch64 capability words: the `AT_HWCAP*` lines when given, else the
    /// capabilities every processor's `Features` line shares (on big.LITTLE
    /// systems the cores may differ; code must run on all of them). Also returns
    /// the feature names mvimg did not recognise.
    pub fn hwcaps(&self) -> (Hwcaps, Vec<String>) {
        if let Some(auxv) = self.auxv {
            return (auxv, Vec::new());
        }
        let mut shared: Option<Hwcaps> = None;
        let mut unknown = Vec::new();
        for p in self.processors.iter().filter(|p| !p.features.is_empty()) {
            let (caps, mut u) = Hwcaps::from_names(p.features.iter().map(String::as_str));
            unknown.append(&mut u);
            shared = Some(match shared {
                None => caps,
                Some(s) => Hwcaps {
                    words: [0, 1, 2].map(|i| s.words[i] & caps.words[i]),
                },
            });
        }
        unknown.sort();
        unknown.dedup();
        (shared.unwrap_or_default(), unknown)
    }
}

/// Linux's x86 `flags` names for the features mvimg detects, where the kernel
/// reports them (arch/x86/include/asm/cpufeatures.h); the kernel clears AVX and
/// AVX-512 flags when it does not enable their register state. Features outside
/// this table are unknown in a cpuinfo text, except those LLVM derives from the
/// same CPUID bit as a listed one (crc32 from SSE4.2's, evex512 from AVX512F's).
const X86_FLAGS: &[(&str, &str)] = &[
    ("fpu", "x87"),
    ("cmov", "cmov"),
    ("cx8", "cx8"),
    ("fxsr", "fxsr"),
    ("mmx", "mmx"),
    ("sse", "sse"),
    ("sse2", "sse2"),
    ("pni", "sse3"),
    ("pclmulqdq", "pclmul"),
    ("ssse3", "ssse3"),
    ("fma", "fma"),
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
    ("lahf_lm", "sahf"),
    ("lm", "64bit"),
    ("abm", "lzcnt"),
    ("sse4a", "sse4a"),
    ("3dnowprefetch", "prfchw"),
    ("xop", "xop"),
    ("fma4", "fma4"),
    ("tbm", "tbm"),
    ("lwp", "lwp"),
    ("mwaitx", "mwaitx"),
    ("fsgsbase", "fsgsbase"),
    ("bmi1", "bmi"),
    ("avx2", "avx2"),
    ("bmi2", "bmi2"),
    ("invpcid", "invpcid"),
    ("rtm", "rtm"),
    ("avx512f", "avx512f"),
    ("avx512dq", "avx512dq"),
    ("rdseed", "rdseed"),
    ("adx", "adx"),
    ("avx512ifma", "avx512ifma"),
    ("clflushopt", "clflushopt"),
    ("clwb", "clwb"),
    ("avx512cd", "avx512cd"),
    ("sha_ni", "sha"),
    ("avx512bw", "avx512bw"),
    ("avx512vl", "avx512vl"),
    ("xsaveopt", "xsaveopt"),
    ("xsavec", "xsavec"),
    ("xsaves", "xsaves"),
    ("clzero", "clzero"),
    ("rdpru", "rdpru"),
    ("wbnoinvd", "wbnoinvd"),
    ("avx512vbmi", "avx512vbmi"),
    ("pku", "pku"),
    ("waitpkg", "waitpkg"),
    ("avx512_vbmi2", "avx512vbmi2"),
    ("gfni", "gfni"),
    ("vaes", "vaes"),
    ("vpclmulqdq", "vpclmulqdq"),
    ("avx512_vnni", "avx512vnni"),
    ("avx512_bitalg", "avx512bitalg"),
    ("avx512_vpopcntdq", "avx512vpopcntdq"),
    ("rdpid", "rdpid"),
    ("cldemote", "cldemote"),
    ("movdiri", "movdiri"),
    ("movdir64b", "movdir64b"),
    ("enqcmd", "enqcmd"),
    ("avx512_vp2intersect", "avx512vp2intersect"),
    ("serialize", "serialize"),
    ("tsxldtrk", "tsxldtrk"),
    ("pconfig", "pconfig"),
    ("amx_bf16", "amx-bf16"),
    ("avx512_fp16", "avx512fp16"),
    ("amx_tile", "amx-tile"),
    ("amx_int8", "amx-int8"),
    ("avx_vnni", "avxvnni"),
    ("avx512_bf16", "avx512bf16"),
    ("uintr", "uintr"),
    ("sgx", "sgx"),
];

/// The x86 features a `flags` line reports, and those the line speaks about.
pub fn x86_64_features_from_flags<'a>(
    flags: impl IntoIterator<Item = &'a str>,
) -> (FeatureSet, FeatureSet) {
    let db = Arch::X86_64.database();
    let flags: std::collections::BTreeSet<&str> = flags.into_iter().collect();
    let mut present = FeatureSet::empty(Arch::X86_64);
    let mut checked = FeatureSet::empty(Arch::X86_64);
    for (flag, name) in X86_FLAGS {
        let Some(feature) = db.feature(name) else {
            continue;
        };
        checked.insert(feature);
        if flags.contains(flag) {
            present.insert(feature);
        }
    }
    // A flag speaks for every feature the detection table reads from its bit.
    let listed = checked;
    let table = db.detection_table();
    let source = |f| table.iter().find(|(g, _)| *g == f).map(|(_, d)| *d);
    for (feature, detection) in table {
        for mapped in listed.iter() {
            if source(mapped) == Some(*detection) {
                checked.insert(*feature);
                if present.contains(mapped) {
                    present.insert(*feature);
                }
            }
        }
    }
    (present, checked)
}
