//! x86_64: where each feature is reported (CPUID and XCR0), the clone rules and
//! the default target list. The CPU and feature tables are in `generated.rs`.

use serde::Serialize;

use crate::feature::Feature;

#[rustfmt::skip]
pub(crate) mod generated;
pub use generated::*;

pub mod naming;

/// A CPUID output register.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reg {
    /// EAX.
    Eax,
    /// EBX.
    Ebx,
    /// ECX.
    Ecx,
    /// EDX.
    Edx,
}

/// Processor state the OS must enable in XCR0 before a feature may be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OsState {
    /// No extra state.
    None,
    /// XMM and YMM state (XCR0 bits 1 and 2), and OSXSAVE.
    Avx,
    /// AVX state plus opmask, ZMM_Hi256 and Hi16_ZMM (XCR0 bits 5 to 7).
    Avx512,
    /// Tile configuration and tile data (XCR0 bits 17 and 18), and OSXSAVE.
    Amx,
}

/// The CPUID test for one feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "test", rename_all = "snake_case")]
pub enum CpuidTest {
    /// One bit of one leaf's register.
    Bit {
        /// The leaf (EAX input).
        leaf: u32,
        /// The sub-leaf (ECX input).
        subleaf: u32,
        /// The output register.
        reg: Reg,
        /// The bit number.
        bit: u8,
    },
    /// AVX10 at a version: `CPUID.(7,1):EDX[19]` and `CPUID.(0x24,0):EBX[7:0]` >= version.
    Avx10 {
        /// The minimum AVX10 version.
        version: u8,
    },
}

/// Where the host reports an x86 feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CpuidSource {
    /// The CPUID test.
    pub test: CpuidTest,
    /// The OS state it also needs.
    pub state: OsState,
}

const fn bit(leaf: u32, subleaf: u32, reg: Reg, bit: u8, state: OsState) -> CpuidSource {
    CpuidSource {
        test: CpuidTest::Bit {
            leaf,
            subleaf,
            reg,
            bit,
        },
        state,
    }
}

const fn avx10(version: u8) -> CpuidSource {
    CpuidSource {
        test: CpuidTest::Avx10 { version },
        state: OsState::Avx512,
    }
}

use OsState::{Amx, Avx, Avx512, None as Plain};
use Reg::{Eax, Ebx, Ecx, Edx};

/// Every x86 feature a host reports, with the CPUID bit and the XCR0 state it
/// needs. Bits are those of the Intel SDM and AMD APM, in the order of the leaves;
/// the OS-state rules are LLVM 22's (`sys::getHostCPUFeatures`). Features absent
/// here (`nopl`, `retpoline`, tuning hints, ...) have no CPUID bit.
static DETECTION: &[(Feature, CpuidSource)] = &[
    // Leaf 1, EDX.
    (X87, bit(1, 0, Edx, 0, Plain)),
    (CX8, bit(1, 0, Edx, 8, Plain)),
    (CMOV, bit(1, 0, Edx, 15, Plain)),
    (MMX, bit(1, 0, Edx, 23, Plain)),
    (FXSR, bit(1, 0, Edx, 24, Plain)),
    (SSE, bit(1, 0, Edx, 25, Plain)),
    (SSE2, bit(1, 0, Edx, 26, Plain)),
    // Leaf 1, ECX.
    (SSE3, bit(1, 0, Ecx, 0, Plain)),
    (PCLMUL, bit(1, 0, Ecx, 1, Plain)),
    (SSSE3, bit(1, 0, Ecx, 9, Plain)),
    (FMA, bit(1, 0, Ecx, 12, Avx)),
    (CX16, bit(1, 0, Ecx, 13, Plain)),
    (SSE4_1, bit(1, 0, Ecx, 19, Plain)),
    (SSE4_2, bit(1, 0, Ecx, 20, Plain)),
    // CRC32 is part of SSE4.2; LLVM splits it out as its own feature.
    (CRC32, bit(1, 0, Ecx, 20, Plain)),
    (MOVBE, bit(1, 0, Ecx, 22, Plain)),
    (POPCNT, bit(1, 0, Ecx, 23, Plain)),
    (AES, bit(1, 0, Ecx, 25, Plain)),
    (XSAVE, bit(1, 0, Ecx, 26, Avx)),
    (AVX, bit(1, 0, Ecx, 28, Avx)),
    (F16C, bit(1, 0, Ecx, 29, Avx)),
    (RDRND, bit(1, 0, Ecx, 30, Plain)),
    // Leaf 7, sub-leaf 0, EBX.
    (FSGSBASE, bit(7, 0, Ebx, 0, Plain)),
    (SGX, bit(7, 0, Ebx, 2, Plain)),
    (BMI, bit(7, 0, Ebx, 3, Plain)),
    (AVX2, bit(7, 0, Ebx, 5, Avx)),
    (BMI2, bit(7, 0, Ebx, 8, Plain)),
    (INVPCID, bit(7, 0, Ebx, 10, Plain)),
    (RTM, bit(7, 0, Ebx, 11, Plain)),
    (AVX512F, bit(7, 0, Ebx, 16, Avx512)),
    // LLVM 22 keeps `evex512` as a standalone feature; ZMM registers exist exactly
    // when AVX-512F is usable.
    (EVEX512, bit(7, 0, Ebx, 16, Avx512)),
    (AVX512DQ, bit(7, 0, Ebx, 17, Avx512)),
    (RDSEED, bit(7, 0, Ebx, 18, Plain)),
    (ADX, bit(7, 0, Ebx, 19, Plain)),
    (AVX512IFMA, bit(7, 0, Ebx, 21, Avx512)),
    (CLFLUSHOPT, bit(7, 0, Ebx, 23, Plain)),
    (CLWB, bit(7, 0, Ebx, 24, Plain)),
    (AVX512CD, bit(7, 0, Ebx, 28, Avx512)),
    (SHA, bit(7, 0, Ebx, 29, Plain)),
    (AVX512BW, bit(7, 0, Ebx, 30, Avx512)),
    (AVX512VL, bit(7, 0, Ebx, 31, Avx512)),
    // Leaf 7, sub-leaf 0, ECX.
    (AVX512VBMI, bit(7, 0, Ecx, 1, Avx512)),
    (PKU, bit(7, 0, Ecx, 4, Plain)),
    (WAITPKG, bit(7, 0, Ecx, 5, Plain)),
    (AVX512VBMI2, bit(7, 0, Ecx, 6, Avx512)),
    (SHSTK, bit(7, 0, Ecx, 7, Plain)),
    (GFNI, bit(7, 0, Ecx, 8, Plain)),
    (VAES, bit(7, 0, Ecx, 9, Avx)),
    (VPCLMULQDQ, bit(7, 0, Ecx, 10, Avx)),
    (AVX512VNNI, bit(7, 0, Ecx, 11, Avx512)),
    (AVX512BITALG, bit(7, 0, Ecx, 12, Avx512)),
    (AVX512VPOPCNTDQ, bit(7, 0, Ecx, 14, Avx512)),
    (RDPID, bit(7, 0, Ecx, 22, Plain)),
    (KL, bit(7, 0, Ecx, 23, Plain)),
    (CLDEMOTE, bit(7, 0, Ecx, 25, Plain)),
    (MOVDIRI, bit(7, 0, Ecx, 27, Plain)),
    (MOVDIR64B, bit(7, 0, Ecx, 28, Plain)),
    (ENQCMD, bit(7, 0, Ecx, 29, Plain)),
    // Leaf 7, sub-leaf 0, EDX.
    (UINTR, bit(7, 0, Edx, 5, Plain)),
    (AVX512VP2INTERSECT, bit(7, 0, Edx, 8, Avx512)),
    (SERIALIZE, bit(7, 0, Edx, 14, Plain)),
    (TSXLDTRK, bit(7, 0, Edx, 16, Plain)),
    (PCONFIG, bit(7, 0, Edx, 18, Plain)),
    (AMX_BF16, bit(7, 0, Edx, 22, Amx)),
    (AVX512FP16, bit(7, 0, Edx, 23, Avx512)),
    (AMX_TILE, bit(7, 0, Edx, 24, Amx)),
    (AMX_INT8, bit(7, 0, Edx, 25, Amx)),
    // Leaf 7, sub-leaf 1, EAX.
    (SHA512, bit(7, 1, Eax, 0, Plain)),
    (SM3, bit(7, 1, Eax, 1, Plain)),
    (SM4, bit(7, 1, Eax, 2, Plain)),
    (RAOINT, bit(7, 1, Eax, 3, Plain)),
    (AVXVNNI, bit(7, 1, Eax, 4, Avx)),
    (AVX512BF16, bit(7, 1, Eax, 5, Avx512)),
    (CMPCCXADD, bit(7, 1, Eax, 7, Plain)),
    (AMX_FP16, bit(7, 1, Eax, 21, Amx)),
    (HRESET, bit(7, 1, Eax, 22, Plain)),
    (AVXIFMA, bit(7, 1, Eax, 23, Avx)),
    (MOVRS, bit(7, 1, Eax, 31, Plain)),
    // Leaf 7, sub-leaf 1, EDX (not EBX: see the reference on Julia's mistake).
    (AVXVNNIINT8, bit(7, 1, Edx, 4, Avx)),
    (AVXNECONVERT, bit(7, 1, Edx, 5, Avx)),
    (AMX_COMPLEX, bit(7, 1, Edx, 8, Amx)),
    (AVXVNNIINT16, bit(7, 1, Edx, 10, Avx)),
    (PREFETCHI, bit(7, 1, Edx, 14, Plain)),
    (USERMSR, bit(7, 1, Edx, 15, Plain)),
    // APX-F (EDX bit 21) is one CPUID bit for all of LLVM's APX features.
    (EGPR, bit(7, 1, Edx, 21, Plain)),
    (PUSH2POP2, bit(7, 1, Edx, 21, Plain)),
    (PPX, bit(7, 1, Edx, 21, Plain)),
    (NDD, bit(7, 1, Edx, 21, Plain)),
    (CCMP, bit(7, 1, Edx, 21, Plain)),
    (NF, bit(7, 1, Edx, 21, Plain)),
    (CF, bit(7, 1, Edx, 21, Plain)),
    (ZU, bit(7, 1, Edx, 21, Plain)),
    // Leaf 0xD, sub-leaf 1, EAX.
    (XSAVEOPT, bit(0xd, 1, Eax, 0, Avx)),
    (XSAVEC, bit(0xd, 1, Eax, 1, Avx)),
    (XSAVES, bit(0xd, 1, Eax, 3, Avx)),
    // Leaf 0x14, sub-leaf 0, EBX.
    (PTWRITE, bit(0x14, 0, Ebx, 4, Plain)),
    // Leaf 0x19, EBX.
    (WIDEKL, bit(0x19, 0, Ebx, 2, Plain)),
    // Leaf 0x1E, sub-leaf 1, EAX.
    (AMX_FP8, bit(0x1e, 1, Eax, 4, Amx)),
    (AMX_TF32, bit(0x1e, 1, Eax, 6, Amx)),
    (AMX_AVX512, bit(0x1e, 1, Eax, 7, Amx)),
    (AMX_MOVRS, bit(0x1e, 1, Eax, 8, Amx)),
    // AVX10: leaf 7.1 EDX bit 19, version in leaf 0x24 EBX[7:0]. Every AVX10
    // implementation has 512-bit vectors, so the -512 spellings detect alike.
    (AVX10_1, avx10(1)),
    (AVX10_1_512, avx10(1)),
    (AVX10_2, avx10(2)),
    (AVX10_2_512, avx10(2)),
    // Leaf 0x80000001, ECX.
    (SAHF, bit(0x8000_0001, 0, Ecx, 0, Plain)),
    (LZCNT, bit(0x8000_0001, 0, Ecx, 5, Plain)),
    (SSE4A, bit(0x8000_0001, 0, Ecx, 6, Plain)),
    (PRFCHW, bit(0x8000_0001, 0, Ecx, 8, Plain)),
    (XOP, bit(0x8000_0001, 0, Ecx, 11, Avx)),
    (LWP, bit(0x8000_0001, 0, Ecx, 15, Plain)),
    (FMA4, bit(0x8000_0001, 0, Ecx, 16, Avx)),
    (TBM, bit(0x8000_0001, 0, Ecx, 21, Plain)),
    (MWAITX, bit(0x8000_0001, 0, Ecx, 29, Plain)),
    // Leaf 0x80000001, EDX.
    (F64BIT, bit(0x8000_0001, 0, Edx, 29, Plain)),
    // Leaf 0x80000008, EBX.
    (CLZERO, bit(0x8000_0008, 0, Ebx, 0, Plain)),
    (RDPRU, bit(0x8000_0008, 0, Ebx, 4, Plain)),
    (WBNOINVD, bit(0x8000_0008, 0, Ebx, 9, Plain)),
];

/// The detection table (see [`crate::Database::detection_table`]).
pub(crate) fn detection_table() -> &'static [(Feature, CpuidSource)] {
    DETECTION
}

/// Features of instructions only the kernel may execute (see
/// [`crate::Database::matched`]).
pub(crate) static PRIVILEGED: &[Feature] = &[INVPCID, PCONFIG, WBNOINVD];

/// The default x86_64 target list (Julia's official release list): a generic
/// baseline, a full AVX clone, and partial AVX2 and AVX-512 clones that fall back
/// to the AVX one. `rdrnd` and `xsaveopt` are disabled because LLVM does not use
/// them for code generation and some hosts (rr, some VMs) hide them. One
/// change from Julia's: the AVX-512 target (`x86-64-v4`, which does not imply
/// `pclmul`) requires `pclmul`, which its fallback (`sandybridge`) has: a host
/// selecting it runs sandybridge code for what it does not clone.
pub const DEFAULT_TARGETS: &str =
    "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1);x86-64-v4,+pclmul,-rdrnd,base(1)";

/// Julia's x86 clone rules (processor_x86.cpp), extended with the vector features
/// LLVM 22 has that Julia's table predates (AVX-VNNI-INT*, AVX-IFMA,
/// AVX-NE-CONVERT, AVX10).
pub(crate) static CLONE_RULES: crate::clone_rules::CloneRulesRef =
    crate::clone_rules::CloneRulesRef::new(
        &[FMA, FMA4],
        &[
            SSE3,
            SSSE3,
            SSE4_1,
            SSE4_2,
            AVX,
            AVX2,
            VAES,
            VPCLMULQDQ,
            SSE4A,
            AVX512F,
            AVX512DQ,
            AVX512IFMA,
            AVX512CD,
            AVX512BW,
            AVX512VL,
            AVX512VBMI,
            AVX512VPOPCNTDQ,
            AVXVNNI,
            AVX512VBMI2,
            AVX512VNNI,
            AVX512BITALG,
            AVX512BF16,
            AVX512VP2INTERSECT,
            AVX512FP16,
            AVXIFMA,
            AVXVNNIINT8,
            AVXVNNIINT16,
            AVXNECONVERT,
            AVX10_1,
            AVX10_2,
        ],
        &[AVX512FP16],
        &[AVX512BF16],
        &["knl", "knm"],
    );
