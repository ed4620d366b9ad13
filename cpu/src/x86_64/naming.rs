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

/// A vendor a naming rule applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleVendor {
    /// `GenuineIntel`.
    Intel,
    /// `AuthenticAMD`.
    Amd,
    /// `HygonGenuine` (mvimg's rule; LLVM 22 names no Hygon CPU).
    Hygon,
}

impl RuleVendor {
    /// The rule vendor of a CPU vendor, if any rule can apply.
    pub fn of(vendor: &Vendor) -> Option<RuleVendor> {
        match vendor {
            Vendor::Intel => Some(RuleVendor::Intel),
            Vendor::Amd => Some(RuleVendor::Amd),
            Vendor::Hygon => Some(RuleVendor::Hygon),
            Vendor::Other(_) => None,
        }
    }
}

/// One naming rule: a CPU of `vendor`, display `family` and a display model
/// in `models` (inclusive) that has every feature of `needs` is `name`. The
/// first rule that matches decides; no rule matching means LLVM says
/// `generic`. The image's own init walks the same rows (codegen/src/init.rs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameRule {
    /// The vendor.
    pub vendor: RuleVendor,
    /// The display family.
    pub family: u32,
    /// The display models, inclusive.
    pub models: (u32, u32),
    /// Features the CPU must have (at most two).
    pub needs: &'static [crate::Feature],
    /// LLVM's name (some name 32-bit CPUs the database does not have).
    pub name: &'static str,
}

const ANY: (u32, u32) = (0, u32::MAX);

const fn rule(
    vendor: RuleVendor,
    family: u32,
    models: (u32, u32),
    needs: &'static [crate::Feature],
    name: &'static str,
) -> NameRule {
    NameRule {
        vendor,
        family,
        models,
        needs,
        name,
    }
}

const fn intel(
    models: (u32, u32),
    needs: &'static [crate::Feature],
    name: &'static str,
) -> NameRule {
    rule(RuleVendor::Intel, 6, models, needs, name)
}

const fn model(m: u32) -> (u32, u32) {
    (m, m)
}

use RuleVendor::{Amd as A, Hygon as H, Intel as I};

/// LLVM 22's `sys::getHostCPUName` rules for Intel and AMD, in its order,
/// then mvimg's Hygon rule.
pub static NAME_RULES: &[NameRule] = &[
    rule(I, 3, ANY, &[], "i386"),
    rule(I, 4, ANY, &[], "i486"),
    rule(I, 5, ANY, &[MMX], "pentium-mmx"),
    rule(I, 5, ANY, &[], "pentium"),
    // Skylake-SP and its refreshes share model 0x55.
    intel(model(0x55), &[AVX512BF16], "cooperlake"),
    intel(model(0x55), &[AVX512VNNI], "cascadelake"),
    intel(model(0x55), &[], "skylake-avx512"),
    // Family-6 models with one name, from Intel's model numbers as LLVM 22
    // lists them.
    intel(model(0x0f), &[], "core2"),
    intel(model(0x16), &[], "core2"),
    intel(model(0x17), &[], "penryn"),
    intel(model(0x1d), &[], "penryn"),
    intel(model(0x1a), &[], "nehalem"),
    intel(model(0x1e), &[], "nehalem"),
    intel(model(0x1f), &[], "nehalem"),
    intel(model(0x2e), &[], "nehalem"),
    intel(model(0x25), &[], "westmere"),
    intel(model(0x2c), &[], "westmere"),
    intel(model(0x2f), &[], "westmere"),
    intel(model(0x2a), &[], "sandybridge"),
    intel(model(0x2d), &[], "sandybridge"),
    intel(model(0x3a), &[], "ivybridge"),
    intel(model(0x3e), &[], "ivybridge"),
    intel(model(0x3c), &[], "haswell"),
    intel(model(0x3f), &[], "haswell"),
    intel(model(0x45), &[], "haswell"),
    intel(model(0x46), &[], "haswell"),
    intel(model(0x3d), &[], "broadwell"),
    intel(model(0x47), &[], "broadwell"),
    intel(model(0x4f), &[], "broadwell"),
    intel(model(0x56), &[], "broadwell"),
    intel(model(0x4e), &[], "skylake"),
    intel(model(0x5e), &[], "skylake"),
    intel(model(0x8e), &[], "skylake"),
    intel(model(0x9e), &[], "skylake"),
    intel(model(0xa5), &[], "skylake"),
    intel(model(0xa6), &[], "skylake"),
    intel(model(0xa7), &[], "rocketlake"),
    intel(model(0x66), &[], "cannonlake"),
    intel(model(0x7d), &[], "icelake-client"),
    intel(model(0x7e), &[], "icelake-client"),
    intel(model(0x8c), &[], "tigerlake"),
    intel(model(0x8d), &[], "tigerlake"),
    intel(model(0x97), &[], "alderlake"),
    intel(model(0x9a), &[], "alderlake"),
    intel(model(0xbe), &[], "gracemont"),
    intel(model(0xb7), &[], "raptorlake"),
    intel(model(0xba), &[], "raptorlake"),
    intel(model(0xbf), &[], "raptorlake"),
    intel(model(0xaa), &[], "meteorlake"),
    intel(model(0xac), &[], "meteorlake"),
    intel(model(0xc5), &[], "arrowlake"),
    intel(model(0xb5), &[], "arrowlake"),
    intel(model(0xc6), &[], "arrowlake-s"),
    intel(model(0xbd), &[], "lunarlake"),
    intel(model(0xcc), &[], "pantherlake"),
    intel(model(0xd5), &[], "wildcatlake"),
    intel(model(0xad), &[], "graniterapids"),
    intel(model(0xae), &[], "graniterapids-d"),
    intel(model(0x6a), &[], "icelake-server"),
    intel(model(0x6c), &[], "icelake-server"),
    intel(model(0xcf), &[], "emeraldrapids"),
    intel(model(0x8f), &[], "sapphirerapids"),
    intel(model(0x1c), &[], "bonnell"),
    intel(model(0x26), &[], "bonnell"),
    intel(model(0x27), &[], "bonnell"),
    intel(model(0x35), &[], "bonnell"),
    intel(model(0x36), &[], "bonnell"),
    intel(model(0x37), &[], "silvermont"),
    intel(model(0x4a), &[], "silvermont"),
    intel(model(0x4d), &[], "silvermont"),
    intel(model(0x5a), &[], "silvermont"),
    intel(model(0x5d), &[], "silvermont"),
    intel(model(0x4c), &[], "silvermont"),
    intel(model(0x5c), &[], "goldmont"),
    intel(model(0x5f), &[], "goldmont"),
    intel(model(0x7a), &[], "goldmont-plus"),
    intel(model(0x86), &[], "tremont"),
    intel(model(0x8a), &[], "tremont"),
    intel(model(0x96), &[], "tremont"),
    intel(model(0x9c), &[], "tremont"),
    intel(model(0xaf), &[], "sierraforest"),
    intel(model(0xb6), &[], "grandridge"),
    intel(model(0xdd), &[], "clearwaterforest"),
    intel(model(0x57), &[], "knl"),
    intel(model(0x85), &[], "knm"),
    // An unlisted family-6 model: the newest generation whose
    // characteristic feature is present.
    intel(ANY, &[AVX512VP2INTERSECT], "tigerlake"),
    intel(ANY, &[AVX512VBMI2], "icelake-client"),
    intel(ANY, &[AVX512VBMI], "cannonlake"),
    intel(ANY, &[AVX512BF16], "cooperlake"),
    intel(ANY, &[AVX512VNNI], "cascadelake"),
    intel(ANY, &[AVX512VL], "skylake-avx512"),
    intel(ANY, &[CLFLUSHOPT, SHA], "goldmont"),
    intel(ANY, &[CLFLUSHOPT], "skylake"),
    intel(ANY, &[ADX], "broadwell"),
    intel(ANY, &[AVX2], "haswell"),
    intel(ANY, &[AVX], "sandybridge"),
    intel(ANY, &[SSE4_2, MOVBE], "silvermont"),
    intel(ANY, &[SSE4_2], "nehalem"),
    intel(ANY, &[SSE4_1], "penryn"),
    intel(ANY, &[SSSE3, MOVBE], "bonnell"),
    intel(ANY, &[SSSE3], "core2"),
    intel(ANY, &[F64BIT], "core2"),
    intel(ANY, &[SSE3], "yonah"),
    intel(ANY, &[SSE2], "pentium-m"),
    intel(ANY, &[SSE], "pentium3"),
    intel(ANY, &[MMX], "pentium2"),
    intel(ANY, &[], "pentiumpro"),
    rule(I, 0xf, ANY, &[F64BIT], "nocona"),
    rule(I, 0xf, ANY, &[SSE3], "prescott"),
    rule(I, 0xf, ANY, &[], "pentium4"),
    rule(I, 0x12, model(0x01), &[], "novalake"),
    rule(I, 0x12, model(0x03), &[], "novalake"),
    rule(I, 0x13, model(0x01), &[], "diamondrapids"),
    rule(A, 4, ANY, &[], "i486"),
    rule(A, 5, (6, 7), &[], "k6"),
    rule(A, 5, model(8), &[], "k6-2"),
    rule(A, 5, model(9), &[], "k6-3"),
    rule(A, 5, model(13), &[], "k6-3"),
    rule(A, 5, model(10), &[], "geode"),
    rule(A, 5, ANY, &[], "pentium"),
    rule(A, 6, ANY, &[SSE], "athlon-xp"),
    rule(A, 6, ANY, &[], "athlon"),
    rule(A, 15, ANY, &[SSE3], "k8-sse3"),
    rule(A, 15, ANY, &[], "k8"),
    rule(A, 16, ANY, &[], "amdfam10"),
    rule(A, 18, ANY, &[], "amdfam10"),
    rule(A, 20, ANY, &[], "btver1"),
    rule(A, 21, (0x60, 0x7f), &[], "bdver4"),
    rule(A, 21, (0x30, 0x3f), &[], "bdver3"),
    rule(A, 21, model(0x02), &[], "bdver2"),
    rule(A, 21, (0x10, 0x1f), &[], "bdver2"),
    rule(A, 21, ANY, &[], "bdver1"),
    rule(A, 22, ANY, &[], "btver2"),
    // Zen 2 model ranges; every other family-17h model is Zen (or Zen+).
    rule(A, 23, (0x30, 0x3f), &[], "znver2"),
    rule(A, 23, model(0x47), &[], "znver2"),
    rule(A, 23, (0x60, 0x7f), &[], "znver2"),
    rule(A, 23, (0x84, 0x87), &[], "znver2"),
    rule(A, 23, (0x90, 0xaf), &[], "znver2"),
    rule(A, 23, ANY, &[], "znver1"),
    rule(A, 25, (0x10, 0x1f), &[], "znver4"),
    rule(A, 25, (0x60, 0x7f), &[], "znver4"),
    rule(A, 25, (0xa0, 0xaf), &[], "znver4"),
    rule(A, 25, ANY, &[], "znver3"),
    rule(A, 26, ANY, &[], "znver5"),
    // Hygon family 18h (Dhyana) is a licensed Zen 1: `znver1`, as GCC and
    // Julia name it; LLVM 22 does not know the vendor.
    rule(H, 0x18, ANY, &[], "znver1"),
];

/// Every Intel family-6 model LLVM 22 names by number alone, with its name.
pub fn intel_family6_models() -> impl Iterator<Item = (u32, &'static str)> {
    NAME_RULES
        .iter()
        .filter(|r| {
            r.vendor == RuleVendor::Intel
                && r.family == 6
                && r.models.0 == r.models.1
                && r.needs.is_empty()
        })
        .map(|r| (r.models.0, r.name))
}

/// The first rule of [`NAME_RULES`] for `signature` and `features`.
pub fn matching_rule(signature: &Signature, features: &FeatureSet) -> Option<&'static NameRule> {
    let vendor = RuleVendor::of(&signature.vendor)?;
    NAME_RULES.iter().find(|r| {
        r.vendor == vendor
            && r.family == signature.family
            && (r.models.0..=r.models.1).contains(&signature.model)
            && r.needs.iter().all(|f| features.contains(*f))
    })
}

/// The name LLVM 22's `sys::getHostCPUName` gives a CPU with this signature and
/// these features (as detected: CPUID bits gated by OS state). `None` where LLVM
/// says `generic`: an unknown vendor (Hygon, VIA, Zhaoxin included) or an
/// unlisted Intel/AMD family.
pub fn llvm_name(signature: &Signature, features: &FeatureSet) -> Option<&'static str> {
    debug_assert_eq!(features.arch(), Arch::X86_64);
    matching_rule(signature, features)
        .filter(|r| r.vendor != RuleVendor::Hygon)
        .map(|r| r.name)
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
    // The first matching rule decides; a name the database lacks (a 32-bit
    // CPU) leaves it to the features.
    if let Some(rule) = signature.and_then(|s| matching_rule(s, features)) {
        if let Some(cpu) = db.cpu(rule.name) {
            let how = match rule.vendor {
                RuleVendor::Hygon => NameSource::Hygon,
                _ => NameSource::FamilyModel,
            };
            return (cpu.name(), how);
        }
    }
    (
        features.arch().database().best_by_features(features),
        NameSource::Features,
    )
}
