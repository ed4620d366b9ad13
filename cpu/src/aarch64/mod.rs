//! AArch64: where each feature is reported (Linux HWCAP bits), CPU naming, the clone rules and
//! the default target lists. The CPU and feature tables are in `generated.rs`.

use serde::Serialize;

use crate::feature::Feature;

#[rustfmt::skip]
pub(crate) mod generated;
pub use generated::*;

pub mod macos;
pub mod naming;

/// One of the Linux auxiliary-vector capability words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HwcapWord {
    /// `AT_HWCAP`.
    Hwcap,
    /// `AT_HWCAP2`.
    Hwcap2,
    /// `AT_HWCAP3` (Linux 6.16 and later).
    Hwcap3,
}

/// Where the host reports an AArch64 feature: every listed bit must be set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct HwcapSource {
    /// The (word, bit) pairs, all required.
    pub bits: &'static [(HwcapWord, u8)],
}

use HwcapWord::{Hwcap as H1, Hwcap2 as H2, Hwcap3 as H3};

const fn hwcap(bits: &'static [(HwcapWord, u8)]) -> HwcapSource {
    HwcapSource { bits }
}

/// Every AArch64 feature Linux reports, with the `AT_HWCAP`/`AT_HWCAP2` bits
/// (arch/arm64/include/uapi/asm/hwcap.h) that must all be set. Where one LLVM
/// feature covers several kernel capabilities (LLVM's `aes` is AES and PMULL,
/// `sha2` is SHA1 and SHA2, `sha3` is SHA3 and SHA512, `sm4` is SM3 and SM4),
/// all of them are required. Features absent here (architecture versions,
/// `ras`, `spe`, `perfmon`, ABI options, tuning hints) have no HWCAP bit.
static DETECTION: &[(Feature, HwcapSource)] = &[
    (FP_ARMV8, hwcap(&[(H1, 0)])),
    (NEON, hwcap(&[(H1, 1)])),
    (AES, hwcap(&[(H1, 3), (H1, 4)])),
    (SHA2, hwcap(&[(H1, 5), (H1, 6)])),
    (CRC, hwcap(&[(H1, 7)])),
    (LSE, hwcap(&[(H1, 8)])),
    (FULLFP16, hwcap(&[(H1, 9), (H1, 10)])),
    (RDM, hwcap(&[(H1, 12)])),
    (JSCONV, hwcap(&[(H1, 13)])),
    (COMPLXNUM, hwcap(&[(H1, 14)])),
    (RCPC, hwcap(&[(H1, 15)])),
    (CCPP, hwcap(&[(H1, 16)])),
    (SHA3, hwcap(&[(H1, 17), (H1, 21)])),
    (SM4, hwcap(&[(H1, 18), (H1, 19)])),
    (DOTPROD, hwcap(&[(H1, 20)])),
    (SVE, hwcap(&[(H1, 22)])),
    (FP16FML, hwcap(&[(H1, 23)])),
    (DIT, hwcap(&[(H1, 24)])),
    (LSE2, hwcap(&[(H1, 25)])),
    (RCPC_IMMO, hwcap(&[(H1, 26)])),
    (FLAGM, hwcap(&[(H1, 27)])),
    (SSBS, hwcap(&[(H1, 28)])),
    (SB, hwcap(&[(H1, 29)])),
    (PAUTH, hwcap(&[(H1, 30), (H1, 31)])),
    (CCDP, hwcap(&[(H2, 0)])),
    (SVE2, hwcap(&[(H2, 1)])),
    (SVE_AES, hwcap(&[(H2, 2), (H2, 3)])),
    (SVE2_AES, hwcap(&[(H2, 1), (H2, 2), (H2, 3)])),
    (SVE_BITPERM, hwcap(&[(H2, 4)])),
    (SVE2_BITPERM, hwcap(&[(H2, 1), (H2, 4)])),
    (SVE_SHA3, hwcap(&[(H2, 5)])),
    (SVE2_SHA3, hwcap(&[(H2, 1), (H2, 5)])),
    (SVE_SM4, hwcap(&[(H2, 6)])),
    (SVE2_SM4, hwcap(&[(H2, 1), (H2, 6)])),
    (ALTNZCV, hwcap(&[(H2, 7)])),
    (FPTOINT, hwcap(&[(H2, 8)])),
    (F32MM, hwcap(&[(H2, 10)])),
    (F64MM, hwcap(&[(H2, 11)])),
    (I8MM, hwcap(&[(H2, 13)])),
    (BF16, hwcap(&[(H2, 14)])),
    (RAND, hwcap(&[(H2, 16)])),
    (BTI, hwcap(&[(H2, 17)])),
    (MTE, hwcap(&[(H2, 18)])),
    (ECV, hwcap(&[(H2, 19)])),
    (SME, hwcap(&[(H2, 23)])),
    (SME_I16I64, hwcap(&[(H2, 24)])),
    (SME_F64F64, hwcap(&[(H2, 25)])),
    (SME_FA64, hwcap(&[(H2, 30)])),
    (WFXT, hwcap(&[(H2, 31)])),
    (CSSC, hwcap(&[(H2, 34)])),
    (SVE2P1, hwcap(&[(H2, 36)])),
    (SME2, hwcap(&[(H2, 37)])),
    (SME2P1, hwcap(&[(H2, 38)])),
    (SME_B16B16, hwcap(&[(H2, 41)])),
    (SME_F16F16, hwcap(&[(H2, 42)])),
    (MOPS, hwcap(&[(H2, 43)])),
    (HBC, hwcap(&[(H2, 44)])),
    (SVE_B16B16, hwcap(&[(H2, 45)])),
    (RCPC3, hwcap(&[(H2, 46)])),
    (LSE128, hwcap(&[(H2, 47)])),
    (LUT, hwcap(&[(H2, 49)])),
    (FAMINMAX, hwcap(&[(H2, 50)])),
    (FP8, hwcap(&[(H2, 51)])),
    (FP8FMA, hwcap(&[(H2, 52)])),
    (FP8DOT4, hwcap(&[(H2, 53)])),
    (FP8DOT2, hwcap(&[(H2, 54)])),
    (SME_LUTV2, hwcap(&[(H2, 57)])),
    (SME_F8F16, hwcap(&[(H2, 58)])),
    (SME_F8F32, hwcap(&[(H2, 59)])),
    (SSVE_FP8FMA, hwcap(&[(H2, 60)])),
    (SSVE_FP8DOT4, hwcap(&[(H2, 61)])),
    (SSVE_FP8DOT2, hwcap(&[(H2, 62)])),
    (LSFE, hwcap(&[(H3, 2)])),
    (LS64, hwcap(&[(H3, 3)])),
];

/// The detection table (see [`crate::Database::detection_table`]).
pub(crate) fn detection_table() -> &'static [(Feature, HwcapSource)] {
    DETECTION
}

/// Features whose instructions a compiler never emits in user code (see
/// [`crate::Database::matched`]): `ssbs` sets speculation control state.
pub(crate) static NOT_EMITTED: &[Feature] = &[SSBS];

/// The default AArch64 target list for Linux and Windows (Julia's official
/// release list). `rand` and `fpac` are disabled on `neoverse-512tvb` because
/// Graviton 3 lacks them though LLVM's CPU has them.
pub const DEFAULT_TARGETS: &str = "generic;cortex-a57;thunderx2t99;carmel,clone_all;apple-m1,base(3);neoverse-512tvb,-rand,-fpac,base(3)";

/// The default AArch64 target list for macOS: every Apple silicon Mac is at least
/// an M1.
pub const DEFAULT_TARGETS_MACOS: &str = "generic;apple-m1,clone_all";

/// Julia's AArch64 clone rules (processor_arm.cpp): no math rule (NEON always has
/// FMA); SIMD when SVE or other new vector instructions arrive, float16 and
/// bfloat16 when they become native.
pub(crate) static CLONE_RULES: crate::clone_rules::CloneRulesRef =
    crate::clone_rules::CloneRulesRef::new(
        &[],
        &[
            SVE,
            SVE2,
            SVE2P1,
            SVE_BITPERM,
            SVE2_BITPERM,
            SVE_AES,
            SVE2_AES,
            SVE_SHA3,
            SVE2_SHA3,
            SVE_SM4,
            SVE2_SM4,
            F32MM,
            F64MM,
            I8MM,
            DOTPROD,
            RDM,
        ],
        &[FULLFP16, FP16FML],
        &[BF16],
        &[],
    );
