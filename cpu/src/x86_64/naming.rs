//! The x86 CPU name from CPUID: vendor, family and model, by the rules of LLVM 22's
//! `sys::getHostCPUName` (Intel and AMD), with the same feature-based guesses for
//! family-6 Intel models LLVM does not list. Names LLVM returns for 32-bit parts
//! (`pentium4`, `athlon-xp`, ...) are kept as LLVM spells them; [`host_cpu_name`]
//! turns the result into a database CPU.

use serde::{Deserialize, Serialize};

use super::*;
use crate::arch::Arch;
use crate::detect::Cpuid;
use crate::feature::FeatureSet;

/// The CPU vendor, from the 12-byte string of CPUID leaf 0.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vendor {
    /// `GenuineIntel`.
    Intel,
    /// `AuthenticAMD`.
    Amd,
    /// `HygonGenuine`.
    Hygon,
    /// Any other vendor string (VIA, Zhaoxin, hypervisors that hide the vendor...).
    Other(String),
}

impl Vendor {
    /// The vendor of a CPUID leaf-0 result (`EBX`, `EDX`, `ECX` spell the string).
    pub fn from_leaf0(regs: [u32; 4]) -> Vendor {
        let mut bytes = Vec::with_capacity(12);
        for word in [regs[1], regs[3], regs[2]] {
            bytes.extend_from_slice(&word.to_le_bytes());
        }
        Vendor::from_name(&String::from_utf8_lossy(&bytes))
    }

    /// The vendor a vendor string names (`vendor_id` in /proc/cpuinfo).
    pub fn from_name(name: &str) -> Vendor {
        match name {
            "GenuineIntel" => Vendor::Intel,
            "AuthenticAMD" => Vendor::Amd,
            "HygonGenuine" => Vendor::Hygon,
            other => Vendor::Other(other.to_owned()),
        }
    }

    /// The vendor string.
    pub fn name(&self) -> &str {
        match self {
            Vendor::Intel => "GenuineIntel",
            Vendor::Amd => "AuthenticAMD",
            Vendor::Hygon => "HygonGenuine",
            Vendor::Other(name) => name,
        }
    }
}

/// Vendor, display family and display model: what CPU naming keys on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// The vendor.
    pub vendor: Vendor,
    /// The display family: base family, plus the extended family when the base is 0xF.
    pub family: u32,
    /// The display model: base model, plus the extended model shifted left 4 when
    /// the base family is 6 or 0xF.
    pub model: u32,
    /// The stepping.
    pub stepping: u32,
}

impl Signature {
    /// Reads the signature from leaves 0 and 1. `None` when the CPU reports no
    /// leaf 1.
    pub fn read(cpu: &(impl Cpuid + ?Sized)) -> Option<Signature> {
        let leaf0 = cpu.cpuid(0, 0);
        if leaf0[0] < 1 {
            return None;
        }
        Some(Signature::from_eax(
            Vendor::from_leaf0(leaf0),
            cpu.cpuid(1, 0)[0],
        ))
    }

    /// The signature encoded in `CPUID.1:EAX`.
    pub fn from_eax(vendor: Vendor, eax: u32) -> Signature {
        let base_family = eax >> 8 & 0xf;
        let mut family = base_family;
        let mut model = eax >> 4 & 0xf;
        if base_family == 0xf {
            family += eax >> 20 & 0xff;
        }
        if base_family == 6 || base_family == 0xf {
            model += (eax >> 16 & 0xf) << 4;
        }
        Signature {
            vendor,
            family,
            model,
            stepping: eax & 0xf,
        }
    }
}

/// Intel family 6 models with one name, from Intel's model numbers as LLVM 22 lists them.
const INTEL_FAMILY6: &[(&[u32], &str)] = &[
    (&[0x0f, 0x16], "core2"),
    (&[0x17, 0x1d], "penryn"),
    (&[0x1a, 0x1e, 0x1f, 0x2e], "nehalem"),
    (&[0x25, 0x2c, 0x2f], "westmere"),
    (&[0x2a, 0x2d], "sandybridge"),
    (&[0x3a, 0x3e], "ivybridge"),
    (&[0x3c, 0x3f, 0x45, 0x46], "haswell"),
    (&[0x3d, 0x47, 0x4f, 0x56], "broadwell"),
    (&[0x4e, 0x5e, 0x8e, 0x9e, 0xa5, 0xa6], "skylake"),
    (&[0xa7], "rocketlake"),
    (&[0x66], "cannonlake"),
    (&[0x7d, 0x7e], "icelake-client"),
    (&[0x8c, 0x8d], "tigerlake"),
    (&[0x97, 0x9a], "alderlake"),
    (&[0xbe], "gracemont"),
    (&[0xb7, 0xba, 0xbf], "raptorlake"),
    (&[0xaa, 0xac], "meteorlake"),
    (&[0xc5, 0xb5], "arrowlake"),
    (&[0xc6], "arrowlake-s"),
    (&[0xbd], "lunarlake"),
    (&[0xcc], "pantherlake"),
    (&[0xd5], "wildcatlake"),
    (&[0xad], "graniterapids"),
    (&[0xae], "graniterapids-d"),
    (&[0x6a, 0x6c], "icelake-server"),
    (&[0xcf], "emeraldrapids"),
    (&[0x8f], "sapphirerapids"),
    (&[0x1c, 0x26, 0x27, 0x35, 0x36], "bonnell"),
    (&[0x37, 0x4a, 0x4d, 0x5a, 0x5d, 0x4c], "silvermont"),
    (&[0x5c, 0x5f], "goldmont"),
    (&[0x7a], "goldmont-plus"),
    (&[0x86, 0x8a, 0x96, 0x9c], "tremont"),
    (&[0xaf], "sierraforest"),
    (&[0xb6], "grandridge"),
    (&[0xdd], "clearwaterforest"),
    (&[0x57], "knl"),
    (&[0x85], "knm"),
];

/// Every Intel family-6 model LLVM 22 names by number alone, with its name (for
/// tables that repeat these rules elsewhere, such as an image's own init).
pub fn intel_family6_models() -> impl Iterator<Item = (u32, &'static str)> {
    INTEL_FAMILY6
        .iter()
        .flat_map(|(models, name)| models.iter().map(move |m| (*m, *name)))
}

/// The name LLVM 22's `sys::getHostCPUName` gives a CPU with this signature and
/// these features (as detected: CPUID bits gated by OS state). `None` where LLVM
/// says `generic`: an unknown vendor (Hygon, VIA, Zhaoxin included) or an
/// unlisted Intel/AMD family.
pub fn llvm_name(signature: &Signature, features: &FeatureSet) -> Option<&'static str> {
    debug_assert_eq!(features.arch(), Arch::X86_64);
    let has = |f| features.contains(f);
    let Signature { family, model, .. } = *signature;
    match signature.vendor {
        Vendor::Intel => intel_name(family, model, &has),
        Vendor::Amd => amd_name(family, model, &has),
        Vendor::Hygon | Vendor::Other(_) => None,
    }
}

fn intel_name(
    family: u32,
    model: u32,
    has: &dyn Fn(crate::Feature) -> bool,
) -> Option<&'static str> {
    Some(match family {
        3 => "i386",
        4 => "i486",
        5 if has(MMX) => "pentium-mmx",
        5 => "pentium",
        6 => {
            if model == 0x55 {
                // Skylake-SP and its refreshes share the model number.
                return Some(if has(AVX512BF16) {
                    "cooperlake"
                } else if has(AVX512VNNI) {
                    "cascadelake"
                } else {
                    "skylake-avx512"
                });
            }
            match INTEL_FAMILY6
                .iter()
                .find(|(models, _)| models.contains(&model))
            {
                Some((_, name)) => name,
                None => intel_family6_guess(has),
            }
        }
        0xf if has(F64BIT) => "nocona",
        0xf if has(SSE3) => "prescott",
        0xf => "pentium4",
        0x12 if matches!(model, 0x01 | 0x03) => "novalake",
        0x13 if model == 0x01 => "diamondrapids",
        _ => return None,
    })
}

/// LLVM's guess for a family-6 Intel model it does not list: the newest
/// generation whose characteristic feature is present.
fn intel_family6_guess(has: &dyn Fn(crate::Feature) -> bool) -> &'static str {
    let by_feature: &[(crate::Feature, &'static str)] = &[
        (AVX512VP2INTERSECT, "tigerlake"),
        (AVX512VBMI2, "icelake-client"),
        (AVX512VBMI, "cannonlake"),
        (AVX512BF16, "cooperlake"),
        (AVX512VNNI, "cascadelake"),
        (AVX512VL, "skylake-avx512"),
    ];
    if let Some((_, name)) = by_feature.iter().find(|(f, _)| has(*f)) {
        return name;
    }
    if has(CLFLUSHOPT) {
        return if has(SHA) { "goldmont" } else { "skylake" };
    }
    let rest: &[(crate::Feature, &'static str)] =
        &[(ADX, "broadwell"), (AVX2, "haswell"), (AVX, "sandybridge")];
    if let Some((_, name)) = rest.iter().find(|(f, _)| has(*f)) {
        return name;
    }
    if has(SSE4_2) {
        return if has(MOVBE) { "silvermont" } else { "nehalem" };
    }
    if has(SSE4_1) {
        return "penryn";
    }
    if has(SSSE3) {
        return if has(MOVBE) { "bonnell" } else { "core2" };
    }
    let old: &[(crate::Feature, &'static str)] = &[
        (F64BIT, "core2"),
        (SSE3, "yonah"),
        (SSE2, "pentium-m"),
        (SSE, "pentium3"),
        (MMX, "pentium2"),
    ];
    old.iter()
        .find(|(f, _)| has(*f))
        .map_or("pentiumpro", |(_, name)| name)
}

fn amd_name(family: u32, model: u32, has: &dyn Fn(crate::Feature) -> bool) -> Option<&'static str> {
    let in_any = |ranges: &[(u32, u32)]| ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&model));
    Some(match family {
        4 => "i486",
        5 => match model {
            6 | 7 => "k6",
            8 => "k6-2",
            9 | 13 => "k6-3",
            10 => "geode",
            _ => "pentium",
        },
        6 if has(SSE) => "athlon-xp",
        6 => "athlon",
        15 if has(SSE3) => "k8-sse3",
        15 => "k8",
        16 | 18 => "amdfam10",
        20 => "btver1",
        21 => match model {
            0x60..=0x7f => "bdver4",
            0x30..=0x3f => "bdver3",
            0x02 | 0x10..=0x1f => "bdver2",
            _ => "bdver1",
        },
        22 => "btver2",
        23 => {
            // Zen 2 model ranges; every other family-17h model is Zen (or Zen+).
            let zen2 = [
                (0x30, 0x3f),
                (0x47, 0x47),
                (0x60, 0x7f),
                (0x84, 0x87),
                (0x90, 0xaf),
            ];
            if in_any(&zen2) {
                "znver2"
            } else {
                "znver1"
            }
        }
        25 => {
            let zen4 = [(0x10, 0x1f), (0x60, 0x7f), (0xa0, 0xaf)];
            if in_any(&zen4) {
                "znver4"
            } else {
                "znver3"
            }
        }
        26 => "znver5",
        _ => return None,
    })
}

/// How [`host_cpu_name`] arrived at its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameSource {
    /// LLVM 22's family/model rules.
    FamilyModel,
    /// Hygon family 18h (Dhyana), a licensed Zen 1: `znver1`, as GCC and Julia
    /// name it (LLVM 22 does not recognise the vendor and says `generic`).
    Hygon,
    /// No rule applies, or the rule gives a 32-bit CPU: the database CPU with the
    /// most features the host has.
    Features,
}

/// The database CPU that names a host with this signature and features, and how
/// it was chosen.
pub fn host_cpu_name(
    signature: Option<&Signature>,
    features: &FeatureSet,
) -> (&'static str, NameSource) {
    let db = Arch::X86_64.database();
    if let Some(signature) = signature {
        if let Some(cpu) = llvm_name(signature, features).and_then(|name| db.cpu(name)) {
            return (cpu.name(), NameSource::FamilyModel);
        }
        if signature.vendor == Vendor::Hygon && signature.family == 0x18 {
            return ("znver1", NameSource::Hygon);
        }
    }
    (
        features.arch().database().best_by_features(features),
        NameSource::Features,
    )
}
