//! The Arm CPU name from the Main ID Register (MIDR_EL1) of each core, by the rules
//! of LLVM 22's `sys::detail::getHostCPUNameForARM`, and from the CPU family macOS
//! reports (`hw.cpufamily`). Names LLVM gives 32-bit Arm cores (`cortex-a9`,
//! `krait`, ...) are returned as LLVM spells them; [`host_cpu_name`] turns the
//! result into a database CPU.

use serde::{Deserialize, Serialize};

use crate::arch::Arch;
use crate::feature::FeatureSet;

/// One core's Main ID Register, split into its fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Midr {
    /// Bits 31:24, the implementer code (0x41 Arm, 0x51 Qualcomm, 0x61 Apple, ...).
    pub implementer: u8,
    /// Bits 23:20, the major revision.
    pub variant: u8,
    /// Bits 15:4, the part number.
    pub part: u16,
    /// Bits 3:0, the minor revision.
    pub revision: u8,
}

impl Midr {
    /// The fields of a raw register value (bits above 31 are reserved and ignored).
    pub fn from_raw(value: u64) -> Midr {
        Midr {
            implementer: (value >> 24 & 0xff) as u8,
            variant: (value >> 20 & 0xf) as u8,
            part: (value >> 4 & 0xfff) as u16,
            revision: (value & 0xf) as u8,
        }
    }

    /// The register value.
    pub fn raw(self) -> u64 {
        u64::from(self.implementer) << 24
            | u64::from(self.variant) << 20
            | 0xf << 16
            | u64::from(self.part) << 4
            | u64::from(self.revision)
    }
}

/// Arm Ltd. part numbers (AArch64 and 32-bit cores), as LLVM 22 names them.
const ARM_PARTS: &[(u16, &str)] = &[
    (0x926, "arm926ej-s"),
    (0xb02, "mpcore"),
    (0xb36, "arm1136j-s"),
    (0xb56, "arm1156t2-s"),
    (0xb76, "arm1176jz-s"),
    (0xc05, "cortex-a5"),
    (0xc07, "cortex-a7"),
    (0xc08, "cortex-a8"),
    (0xc09, "cortex-a9"),
    (0xc0f, "cortex-a15"),
    (0xc0e, "cortex-a17"),
    (0xc20, "cortex-m0"),
    (0xc23, "cortex-m3"),
    (0xc24, "cortex-m4"),
    (0xc27, "cortex-m7"),
    (0xd20, "cortex-m23"),
    (0xd21, "cortex-m33"),
    (0xd24, "cortex-m52"),
    (0xd22, "cortex-m55"),
    (0xd23, "cortex-m85"),
    (0xc18, "cortex-r8"),
    (0xd13, "cortex-r52"),
    (0xd16, "cortex-r52plus"),
    (0xd15, "cortex-r82"),
    (0xd14, "cortex-r82ae"),
    (0xd02, "cortex-a34"),
    (0xd04, "cortex-a35"),
    (0xd8f, "cortex-a320"),
    (0xd03, "cortex-a53"),
    (0xd05, "cortex-a55"),
    (0xd46, "cortex-a510"),
    (0xd80, "cortex-a520"),
    (0xd88, "cortex-a520ae"),
    (0xd07, "cortex-a57"),
    (0xd06, "cortex-a65"),
    (0xd43, "cortex-a65ae"),
    (0xd08, "cortex-a72"),
    (0xd09, "cortex-a73"),
    (0xd0a, "cortex-a75"),
    (0xd0b, "cortex-a76"),
    (0xd0e, "cortex-a76ae"),
    (0xd0d, "cortex-a77"),
    (0xd41, "cortex-a78"),
    (0xd42, "cortex-a78ae"),
    (0xd4b, "cortex-a78c"),
    (0xd47, "cortex-a710"),
    (0xd4d, "cortex-a715"),
    (0xd81, "cortex-a720"),
    (0xd89, "cortex-a720ae"),
    (0xd87, "cortex-a725"),
    (0xd44, "cortex-x1"),
    (0xd4c, "cortex-x1c"),
    (0xd48, "cortex-x2"),
    (0xd4e, "cortex-x3"),
    (0xd82, "cortex-x4"),
    (0xd85, "cortex-x925"),
    (0xd8a, "c1-nano"),
    (0xd8b, "c1-pro"),
    (0xd8c, "c1-ultra"),
    (0xd90, "c1-premium"),
    (0xd4a, "neoverse-e1"),
    (0xd0c, "neoverse-n1"),
    (0xd49, "neoverse-n2"),
    (0xd8e, "neoverse-n3"),
    (0xd40, "neoverse-v1"),
    (0xd4f, "neoverse-v2"),
    (0xd84, "neoverse-v3"),
    (0xd83, "neoverse-v3ae"),
];

/// Other implementers' part numbers.
const VENDOR_PARTS: &[(u8, &[(u16, &str)])] = &[
    // Broadcom and Cavium.
    (
        0x42,
        &[
            (0x516, "thunderx2t99"),
            (0xaf, "thunderx2t99"),
            (0xa1, "thunderxt88"),
        ],
    ),
    (
        0x43,
        &[
            (0x516, "thunderx2t99"),
            (0xaf, "thunderx2t99"),
            (0xa1, "thunderxt88"),
        ],
    ),
    // Fujitsu.
    (0x46, &[(0x001, "a64fx"), (0x003, "fujitsu-monaka")]),
    // HiSilicon.
    (0x48, &[(0xd01, "tsv110")]),
    // NVIDIA.
    (0x4e, &[(0x004, "carmel"), (0x010, "olympus")]),
    // Qualcomm; Kryo 2xx to 4xx cores are Arm designs.
    (
        0x51,
        &[
            (0x06f, "krait"),
            (0x201, "kryo"),
            (0x205, "kryo"),
            (0x211, "kryo"),
            (0x800, "cortex-a73"),
            (0x801, "cortex-a73"),
            (0x802, "cortex-a75"),
            (0x803, "cortex-a75"),
            (0x804, "cortex-a76"),
            (0x805, "cortex-a76"),
            (0xc00, "falkor"),
            (0xc01, "saphira"),
            (0x001, "oryon-1"),
        ],
    ),
    // Apple: M1, M2 and M3 cores.
    (
        0x61,
        &[
            (0x020, "apple-m1"),
            (0x021, "apple-m1"),
            (0x022, "apple-m1"),
            (0x023, "apple-m1"),
            (0x024, "apple-m1"),
            (0x025, "apple-m1"),
            (0x028, "apple-m1"),
            (0x029, "apple-m1"),
            (0x030, "apple-m2"),
            (0x031, "apple-m2"),
            (0x032, "apple-m2"),
            (0x033, "apple-m2"),
            (0x034, "apple-m2"),
            (0x035, "apple-m2"),
            (0x038, "apple-m2"),
            (0x039, "apple-m2"),
            (0x048, "apple-m3"),
            (0x049, "apple-m3"),
        ],
    ),
    // Arm China.
    (0x63, &[(0x132, "star-mc1"), (0xd25, "star-mc3")]),
    // Microsoft: Cobalt 100 is a Neoverse N2.
    (0x6d, &[(0xd49, "neoverse-n2")]),
    // Ampere.
    (
        0xc0,
        &[
            (0xac3, "ampere1"),
            (0xac4, "ampere1a"),
            (0xac5, "ampere1b"),
            (0xac7, "ampere1c"),
        ],
    ),
];

/// Every (implementer, part) LLVM 22 names by table lookup, with its name (for
/// tables that repeat these rules elsewhere, such as an image's own init). The
/// rules [`llvm_name`] applies before the lookup (the MSM8994/8996 SoCs, the
/// X925 + A725 pairing, Samsung's variant scheme) are not part of it.
pub fn part_names() -> impl Iterator<Item = (u8, u16, &'static str)> {
    ARM_PARTS
        .iter()
        .map(|(part, name)| (0x41, *part, *name))
        .chain(VENDOR_PARTS.iter().flat_map(|(implementer, parts)| {
            parts
                .iter()
                .map(move |(part, name)| (*implementer, *part, *name))
        }))
}

/// What LLVM's naming reads of a machine: the implementer of the primary core,
/// the SoC (`Hardware` line of /proc/cpuinfo, empty when absent), the primary
/// core's part and variant, and the distinct parts of all cores.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CoreSummary {
    /// The primary core's implementer.
    pub implementer: u8,
    /// The primary core's part.
    pub part: u16,
    /// The primary core's variant.
    pub variant: u8,
    /// The SoC name.
    pub hardware: String,
    /// Every distinct part number of the machine, sorted.
    pub parts: Vec<u16>,
}

impl CoreSummary {
    /// A summary of cores given by MIDR: the last is the primary one, as Linux
    /// lists the core it reads last.
    pub fn from_midrs(midrs: &[Midr], hardware: &str) -> Option<CoreSummary> {
        let primary = midrs.last()?;
        let mut parts: Vec<u16> = midrs.iter().map(|m| m.part).collect();
        parts.sort_unstable();
        parts.dedup();
        Some(CoreSummary {
            implementer: primary.implementer,
            part: primary.part,
            variant: primary.variant,
            hardware: hardware.to_owned(),
            parts,
        })
    }
}

/// What an Arm naming rule tests, besides the implementer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArmTest {
    /// The SoC (`Hardware` line) ends with this text.
    HardwareSuffix(&'static str),
    /// The machine's distinct parts are exactly these two.
    PartPair(u16, u16),
    /// The primary core's part.
    Part(u16),
    /// The primary core's variant and part, `variant << 12 | part`.
    VariantPart(u32),
    /// Any core of the implementer.
    Any,
}

/// One Arm naming rule: cores of `implementer` that pass `test` are `name`.
/// The first matching rule decides; none means `generic`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArmNameRule {
    /// The implementer.
    pub implementer: u8,
    /// The test.
    pub test: ArmTest,
    /// LLVM's name.
    pub name: &'static str,
}

/// LLVM 22's `getHostCPUNameForARM` rules, in its order: the SoCs that
/// report whichever core the kernel ran on (always the A53), the X925 + A725
/// pairing (named after the big core), Arm's parts, Samsung's variant
/// scheme (everything unrecognised is an M3), every other vendor's parts.
/// The image's own init walks the same rows (codegen/src/init.rs).
pub fn name_rules() -> impl Iterator<Item = ArmNameRule> {
    let arm = |test, name| ArmNameRule {
        implementer: 0x41,
        test,
        name,
    };
    [
        arm(ArmTest::HardwareSuffix("MSM8994"), "cortex-a53"),
        arm(ArmTest::HardwareSuffix("MSM8996"), "cortex-a53"),
        arm(ArmTest::PartPair(0xd85, 0xd87), "cortex-x925"),
    ]
    .into_iter()
    .chain(
        ARM_PARTS
            .iter()
            .map(move |&(part, name)| arm(ArmTest::Part(part), name)),
    )
    .chain([
        ArmNameRule {
            implementer: 0x53,
            test: ArmTest::VariantPart(0x1003),
            name: "exynos-m4",
        },
        ArmNameRule {
            implementer: 0x53,
            test: ArmTest::Any,
            name: "exynos-m3",
        },
    ])
    .chain(
        VENDOR_PARTS
            .iter()
            .filter(|(implementer, _)| *implementer != 0x53)
            .flat_map(|&(implementer, parts)| {
                parts.iter().map(move |&(part, name)| ArmNameRule {
                    implementer,
                    test: ArmTest::Part(part),
                    name,
                })
            }),
    )
}

impl ArmTest {
    fn passes(self, cores: &CoreSummary) -> bool {
        match self {
            ArmTest::HardwareSuffix(soc) => cores.hardware.ends_with(soc),
            ArmTest::PartPair(a, b) => {
                cores.parts.len() == 2 && cores.parts.contains(&a) && cores.parts.contains(&b)
            }
            ArmTest::Part(part) => cores.part == part,
            ArmTest::VariantPart(code) => {
                u32::from(cores.variant) << 12 | u32::from(cores.part) == code
            }
            ArmTest::Any => true,
        }
    }
}

/// The name LLVM 22's `getHostCPUNameForARM` gives these cores (`generic` for an
/// unknown implementer or part): the first of [`name_rules`] they pass.
pub fn llvm_name(cores: &CoreSummary) -> &'static str {
    name_rules()
        .find(|r| r.implementer == cores.implementer && r.test.passes(cores))
        .map_or("generic", |r| r.name)
}

/// Apple CPU families (`hw.cpufamily` on macOS and iOS) and LLVM 22's name for
/// each; an unlisted family is taken to be the newest, as LLVM does.
const APPLE_FAMILIES: &[(u32, &str)] = &[
    (0x37a0_9642, "apple-a7"),  // Cyclone
    (0x2c91_a47e, "apple-a8"),  // Typhoon
    (0x92fb_37c8, "apple-a9"),  // Twister
    (0x67ce_ee93, "apple-a10"), // Hurricane
    (0xe81e_7ef6, "apple-a11"), // Monsoon/Mistral
    (0x07d3_4b9f, "apple-a12"), // Vortex/Tempest
    (0x4625_04d2, "apple-a13"), // Lightning/Thunder
    (0x1b58_8bb3, "apple-m1"),  // Firestorm/Icestorm (A14, M1)
    (0xda33_d83d, "apple-m2"),  // Blizzard/Avalanche (A15, M2)
    (0x8765_edea, "apple-m3"),  // Everest/Sawtooth (A16)
    (0xfa33_415e, "apple-m3"),  // Ibiza (M3)
    (0x7201_5832, "apple-m3"),  // Palma (M3 Max)
    (0x5f4d_ea93, "apple-m3"),  // Lobos (M3 Pro)
    (0x2876_f5b5, "apple-a17"), // Coll (A17 Pro)
    (0x6f51_29ac, "apple-m4"),  // Donan (M4)
    (0x17d5_b93a, "apple-m4"),  // Brava (M4 Max)
    (0x75d4_acb9, "apple-m4"),  // Tahiti (A18 Pro)
    (0x2045_26d0, "apple-m4"),  // Tupai (A18)
];

/// Every Apple CPU family LLVM 22 lists, with its name (an unlisted family is
/// `apple-m4`, 0 is `generic`; see [`apple_family_name`]).
pub fn apple_families() -> impl Iterator<Item = (u32, &'static str)> {
    APPLE_FAMILIES.iter().copied()
}

/// The name LLVM 22 gives an Apple CPU family it does not list: the newest.
pub const APPLE_NEWEST: &str = "apple-m4";

/// The name LLVM 22 gives an Apple CPU family; 0 (unknown) is `generic`.
pub fn apple_family_name(family: u32) -> &'static str {
    if family == 0 {
        return "generic";
    }
    APPLE_FAMILIES
        .iter()
        .find(|(f, _)| *f == family)
        .map_or(APPLE_NEWEST, |(_, name)| name)
}

/// How [`host_cpu_name`] arrived at its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameSource {
    /// LLVM 22's rules for the cores' MIDR (or Apple CPU family).
    Midr,
    /// No rule applies, or it names a 32-bit core: the database CPU with the most
    /// features the host has.
    Features,
}

/// The database CPU that names a host: LLVM's name when the AArch64 database has
/// it, else the best CPU the features allow.
pub fn host_cpu_name(
    llvm: Option<&'static str>,
    features: &FeatureSet,
) -> (&'static str, NameSource) {
    let db = Arch::Aarch64.database();
    // LLVM's spelling is kept (`apple-m1`, an alias of `apple-a14`).
    match llvm.filter(|n| *n != "generic" && db.cpu(n).is_some()) {
        Some(name) => (name, NameSource::Midr),
        None => (db.best_by_features(features), NameSource::Features),
    }
}
