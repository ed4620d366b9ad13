//! The x86_64 CPU database, generated from LLVM 22.1.8's MC subtarget tables and
//! target parser by `cargo run -p mvimg-codegen --features cpu-db-generator --bin mvimg-gen-cpu-db`.
//! Do not edit: regenerate. codegen/tests/cpu_db.rs fails when the live LLVM
//! disagrees with this file.
//!
//! 198 features, 62 CPUs, 32 aliases.

use crate::arch::Arch;
use crate::table_rows::{AliasRow, CpuRow, FeatureRow};
use crate::feature::{Feature, FeatureSet};

/// The LLVM version these tables were generated from.
pub const LLVM_VERSION: &str = "22.1.8";

pub(crate) static FEATURES: &[FeatureRow] = &[
    FeatureRow { name: "16bit-mode", description: "16-bit mode (i8086)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "32bit-mode", description: "32-bit mode (80386)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "64bit", description: "Support 64-bit instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "64bit-mode", description: "64-bit mode (x86_64)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "adx", description: "Support ADX instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "aes", description: "Enable AES instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000050000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "allow-light-256-bit", description: "Enable generation of 256-bit load/stores even if we prefer 128-bit", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "amx-avx512", description: "Support AMX-AVX512 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000008000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "amx-bf16", description: "Support AMX-BF16 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000008000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "amx-complex", description: "Support AMX-COMPLEX instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000008000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "amx-fp16", description: "Support AMX amx-fp16 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000008000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "amx-fp8", description: "Support AMX-FP8 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000008000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "amx-int8", description: "Support AMX-INT8 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000008000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "amx-movrs", description: "Support AMX-MOVRS instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000008000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "amx-tf32", description: "Support AMX-TF32 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000008000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "amx-tile", description: "Support AMX-TILE instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx", description: "Enable AVX instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx10.1", description: "Support AVX10.1 instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000bffe10000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx10.1-512", description: "Support AVX10.1 instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000bffe30000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx10.2", description: "Support AVX10.2 instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000bffe30000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx10.2-512", description: "Support AVX10.2 instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000bffeb0000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx2", description: "Enable AVX2 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000010000, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512bf16", description: "Support bfloat16 floating point", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000009210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512bitalg", description: "Enable AVX-512 Bit Algorithms", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000009210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512bw", description: "Enable AVX-512 Byte and Word Instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000008210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512cd", description: "Enable AVX-512 Conflict Detection Instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000008210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512dq", description: "Enable AVX-512 Doubleword and Quadword Instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000008210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512f", description: "Enable AVX-512 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000000210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512fp16", description: "Support 16-bit floating point", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000009210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512ifma", description: "Enable AVX-512 Integer Fused Multiple-Add", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000008210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512vbmi", description: "Enable AVX-512 Vector Byte Manipulation Instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000009210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512vbmi2", description: "Enable AVX-512 further Vector Byte Manipulation Instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000009210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512vl", description: "Enable AVX-512 Vector Length eXtensions", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000008210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512vnni", description: "Enable AVX-512 Vector Neural Network Instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000008210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512vp2intersect", description: "Enable AVX-512 vp2intersect", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000008210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avx512vpopcntdq", description: "Enable AVX-512 Population Count Instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x1000000008210000, 0x0000000000400000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avxifma", description: "Enable AVX-IFMA", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000210000, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avxneconvert", description: "Support AVX-NE-CONVERT instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000210000, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avxvnni", description: "Support AVX_VNNI encoding", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000210000, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avxvnniint16", description: "Enable AVX-VNNI-INT16", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000210000, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avxvnniint8", description: "Enable AVX-VNNI-INT8", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000210000, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "bmi", description: "Support BMI instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "bmi2", description: "Support BMI2 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "branch-hint", description: "Target has branch hint feature", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "branchfusion", description: "CMP/TEST can be fused with conditional branches", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "ccmp", description: "Support conditional cmp & test instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "cf", description: "Support conditional faulting", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "cldemote", description: "Enable Cache Line Demote", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "clflushopt", description: "Flush A Cache Line Optimized", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "clwb", description: "Cache Line Write Back", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "clzero", description: "Enable Cache Line Zero", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "cmov", description: "Enable conditional move instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "cmpccxadd", description: "Support CMPCCXADD instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "crc32", description: "Enable SSE 4.2 CRC32 instruction (used when SSE4.2 is supported but function is GPR only)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "cx16", description: "64-bit with cmpxchg16b (this is true for most x86-64 chips, but not the first AMD chips)", implies: FeatureSet::from_words(Arch::X86_64, [0x0080000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "cx8", description: "Support CMPXCHG8B instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "egpr", description: "Support extended general purpose register", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "enqcmd", description: "Has ENQCMD instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ermsb", description: "REP MOVS/STOS are fast", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "evex512", description: "Support ZMM and 64-bit mask instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "f16c", description: "Support 16-bit floating point conversion instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000010000, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "false-deps-getmant", description: "VGETMANTSS/SD/SH and VGETMANDPS/PD(memory version) has a false dependency on dest register", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "false-deps-lzcnt-tzcnt", description: "LZCNT/TZCNT have a false dependency on dest register", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "false-deps-mulc", description: "VF[C]MULCPH/SH has a false dependency on dest register", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "false-deps-mullq", description: "VPMULLQ has a false dependency on dest register", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "false-deps-perm", description: "VPERMD/Q/PS/PD has a false dependency on dest register", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "false-deps-popcnt", description: "POPCNT has a false dependency on dest register", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "false-deps-range", description: "VRANGEPD/PS/SD/SS has a false dependency on dest register", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-11bytenop", description: "Target can quickly decode up to 11 byte NOPs", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-15bytenop", description: "Target can quickly decode up to 15 byte NOPs", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-7bytenop", description: "Target can quickly decode up to 7 byte NOPs", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-bextr", description: "Indicates that the BEXTR instruction is implemented as a single uop with good throughput", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-dpwssd", description: "Prefer vpdpwssd instruction over vpmaddwd+vpaddd instruction sequence", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-gather", description: "Indicates if gather is reasonably fast (this is true for Skylake client and all AVX-512 CPUs)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-hops", description: "Prefer horizontal vector math instructions (haddp, phsub, etc.) over normal vector instructions with shuffles", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-imm16", description: "Prefer a i16 instruction with i16 immediate over extension to i32", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-lzcnt", description: "LZCNT instructions are as fast as most simple integer ops", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-movbe", description: "Prefer a movbe over a single-use load + bswap / single-use bswap + store", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-scalar-fsqrt", description: "Scalar SQRT is fast (disable Newton-Raphson)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-scalar-shift-masks", description: "Prefer a left/right scalar logical shift pair over a shift+and pair", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-shld-rotate", description: "SHLD can be used as a faster rotate", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-variable-crosslane-shuffle", description: "Cross-lane shuffles with variable masks are fast", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-variable-perlane-shuffle", description: "Per-lane shuffles with variable masks are fast", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-vector-fsqrt", description: "Vector SQRT is fast (disable Newton-Raphson)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fast-vector-shift-masks", description: "Prefer a left/right vector logical shift pair over a shift+and pair", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "faster-shift-than-shuffle", description: "Shifts are faster (or as fast) as shuffle", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fma", description: "Enable three-operand fused multiple-add", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000010000, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fma4", description: "Enable four-operand fused multiple-add", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000010000, 0x0000000000000000, 0x0000fd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fsgsbase", description: "Support FS/GS Base instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fsrm", description: "REP MOVSB of short lengths is faster", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fxsr", description: "Support fxsave/fxrestore instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "gfni", description: "Enable Galois Field Arithmetic Instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000050000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "harden-sls-ijmp", description: "Harden against straight line speculation across indirect JMP instructions.", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "harden-sls-ret", description: "Harden against straight line speculation across RET instructions.", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "hreset", description: "Has hreset instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "idivl-to-divb", description: "Use 8-bit divide for positive values less than 256", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "idivq-to-divl", description: "Use 32-bit divide for positive values less than 2^32", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "inline-asm-use-gpr32", description: "Enable use of GPR32 in inline assembly for APX", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "invpcid", description: "Invalidate Process-Context Identifier", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "kl", description: "Support Key Locker kl Instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000050000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "lea-sp", description: "Use LEA for adjusting the stack pointer (this is an optimization for Intel Atom processors)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "lea-uses-ag", description: "LEA instruction needs inputs at AG stage", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "lvi-cfi", description: "Prevent indirect calls/branches from using a memory operand, and precede all indirect calls/branches from a register with an LFENCE instruction to serialize control flow. Also decompose RET instructions into a POP+LFENCE+JMP sequence.", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "lvi-load-hardening", description: "Insert LFENCE instructions to prevent data speculatively injected into loads from being used maliciously.", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "lwp", description: "Enable LWP instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "lzcnt", description: "Support LZCNT instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "macrofusion", description: "Various instructions can be fused with conditional branches", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "mmx", description: "Enable MMX instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "movbe", description: "Support MOVBE instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "movdir64b", description: "Support movdir64b instruction (direct store 64 bytes)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "movdiri", description: "Support movdiri instruction (direct store integer)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "movrs", description: "Enable MOVRS", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "mwaitx", description: "Enable MONITORX/MWAITX timer functionality", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ndd", description: "Support non-destructive destination", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "nf", description: "Support status flags update suppression", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "no-bypass-delay", description: "Has no bypass delay when using the 'wrong' domain", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "no-bypass-delay-blend", description: "Has no bypass delay when using the 'wrong' blend type", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "no-bypass-delay-mov", description: "Has no bypass delay when using the 'wrong' mov type", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "no-bypass-delay-shuffle", description: "Has no bypass delay when using the 'wrong' shuffle type", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "nopl", description: "Enable NOPL instruction (generally pentium pro+)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "pad-short-functions", description: "Pad short functions (to prevent a stall when returning too early)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "pclmul", description: "Enable packed carry-less multiplication instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000050000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "pconfig", description: "platform configuration instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "pku", description: "Enable protection keys", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "popcnt", description: "Support POPCNT instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ppx", description: "Support Push-Pop Acceleration", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "prefer-128-bit", description: "Prefer 128-bit AVX instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "prefer-256-bit", description: "Prefer 256-bit AVX instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "prefer-legacy-setcc", description: "Prefer to emit legacy SetCC.", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "prefer-mask-registers", description: "Prefer AVX512 mask registers over PTEST/MOVMSK", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "prefer-movmsk-over-vtest", description: "Prefer movmsk over vtest instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "prefer-no-gather", description: "Prefer no gather instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "prefer-no-scatter", description: "Prefer no scatter instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "prefetchi", description: "Prefetch instruction with T0 or T1 Hint", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "prfchw", description: "Support PRFCHW instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ptwrite", description: "Support ptwrite instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "push2pop2", description: "Support PUSH2/POP2 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "raoint", description: "Support RAO-INT instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "rdpid", description: "Support RDPID instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "rdpru", description: "Support RDPRU instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "rdrnd", description: "Support RDRAND instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "rdseed", description: "Support RDSEED instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "retpoline", description: "Remove speculation of indirect branches from the generated code, either by avoiding them entirely or lowering them with a speculation blocking construct", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000030000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "retpoline-external-thunk", description: "When lowering an indirect call or branch using a `retpoline`, rely on the specified user provided thunk rather than emitting one ourselves. Only has effect when combined with some other retpoline feature", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000020000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "retpoline-indirect-branches", description: "Remove speculation of indirect branches from the generated code", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "retpoline-indirect-calls", description: "Remove speculation of indirect calls from the generated code", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "rtm", description: "Support RTM instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sahf", description: "Support LAHF and SAHF instructions in 64-bit mode", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sbb-dep-breaking", description: "SBB with same register has no source dependency", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "serialize", description: "Has serialize instruction", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "seses", description: "Prevent speculative execution side channel timing attacks by inserting a speculation barrier before memory reads, memory writes, and conditional branches. Implies LVI Control Flow integrity.", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000004000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sgx", description: "Enable Software Guard Extensions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sha", description: "Enable SHA instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000050000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sha512", description: "Support SHA512 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000210000, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "shstk", description: "Support CET Shadow-Stack instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "slow-3ops-lea", description: "LEA instruction with 3 ops or certain registers is slow", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "slow-incdec", description: "INC and DEC instructions are slower than ADD and SUB", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "slow-lea", description: "LEA instruction with certain arguments is slow", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "slow-pmaddwd", description: "PMADDWD is slower than PMULLD", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "slow-pmulld", description: "PMULLD instruction is slow (compared to PMULLW/PMULHW and PMULUDQ)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "slow-pmullq", description: "PMULLQ instruction is slow", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "slow-shld", description: "SHLD instruction is slow", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "slow-two-mem-ops", description: "Two memory operand instructions are slow", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "slow-unaligned-mem-16", description: "Slow unaligned 16-byte memory access", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "slow-unaligned-mem-32", description: "Slow unaligned 32-byte memory access", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "sm3", description: "Support SM3 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000010000, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sm4", description: "Support SM4 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000210000, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "soft-float", description: "Use software floating point features", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sse", description: "Enable SSE instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sse-unaligned-mem", description: "Allow unaligned memory operands with SSE instructions (this may require setting a configuration bit in the processor)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sse2", description: "Enable SSE2 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000010000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sse3", description: "Enable SSE3 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000050000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sse4.1", description: "Enable SSE 4.1 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x00008d0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sse4.2", description: "Enable SSE 4.2 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x00009d0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sse4a", description: "Support SSE 4a instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x00000d0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ssse3", description: "Enable SSSE3 instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x00000d0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tagged-globals", description: "Use an instruction sequence for taking the address of a global that allows a memory tag in the upper address bits.", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tbm", description: "Enable TBM instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tsxldtrk", description: "Support TSXLDTRK instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tuning-fast-imm-vector-shift", description: "Vector shifts are fast (2/cycle) as opposed to slow (1/cycle)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "uintr", description: "Has UINTR Instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "use-glm-div-sqrt-costs", description: "Use Goldmont specific floating point div/sqrt costs", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "use-slm-arith-costs", description: "Use Silvermont specific arithmetic costs", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "usermsr", description: "Support USERMSR instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "vaes", description: "Promote selected AES instructions to AVX512/AVX registers", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000210020, 0x0000000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "vpclmulqdq", description: "Enable vpclmulqdq instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000010000, 0x0200000000000000, 0x0000bd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "vzeroupper", description: "Should insert vzeroupper instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "waitpkg", description: "Wait and pause enhancements", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "wbnoinvd", description: "Write Back No Invalidate", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "widekl", description: "Support Key Locker wide Instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000800000000, 0x0000050000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "x32", description: "64-bit with ILP32 programming model (e.g. x32 ABI)", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "x87", description: "Enable X87 float instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "xop", description: "Enable XOP instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000010000, 0x0000000000800000, 0x0000fd0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "xsave", description: "Support xsave instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "xsavec", description: "Support xsavec instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000002, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "xsaveopt", description: "Support xsaveopt instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000002, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "xsaves", description: "Support xsaves instructions", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000002, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "zu", description: "Support zero-upper SETcc/IMUL", implies: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
];

pub(crate) static CPUS: &[CpuRow] = &[
    CpuRow { name: "alderlake", features: FeatureSet::from_words(Arch::X86_64, [0x10eb064000210034, 0x1e807a0c4d400000, 0xab00bd00052834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x00700401000f4222, 0x0408000108000004, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "amdfam10", features: FeatureSet::from_words(Arch::X86_64, [0x00c8000000000004, 0x1080020004000000, 0x80004d0000080040, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000100008000, 0x0400000200100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "arrowlake", features: FeatureSet::from_words(Arch::X86_64, [0x12fb077000210034, 0x1e807a0c4d400000, 0xab10bd00052834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x00700401000f4222, 0x0408000108000004, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "arrowlake-s", features: FeatureSet::from_words(Arch::X86_64, [0x12fb07f000210034, 0x1e807a0c4d400000, 0xab10bd60072834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x00700401000f4222, 0x0408000108000004, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "atom_sse4_2_movbe", features: FeatureSet::from_words(Arch::X86_64, [0x00e9000000000024, 0x1280180005000000, 0x8000bd0001083040, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0008000100002844, 0x04400004b0000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "bdver1", features: FeatureSet::from_words(Arch::X86_64, [0x00e8000000010024, 0x12800b0004800000, 0x8000fd0000080040, 0x0000000000000003, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000100000000000, 0x0000000100008010, 0x0400000200100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "bdver2", features: FeatureSet::from_words(Arch::X86_64, [0x10e8020000010024, 0x12800b0004c00000, 0x8002fd0000080040, 0x0000000000000003, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000100000000000, 0x000000010000a090, 0x0400000200100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "bdver3", features: FeatureSet::from_words(Arch::X86_64, [0x10e8020000010024, 0x12800b0005c00000, 0x8002fd0000080040, 0x000000000000000b, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000100000000000, 0x000000010000a090, 0x0400000200100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "bdver4", features: FeatureSet::from_words(Arch::X86_64, [0x10e8060000210024, 0x12811b0005c00000, 0x8002fd0000081040, 0x000000000000000b, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000100000000000, 0x000000010000a090, 0x0400000200100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "bonnell", features: FeatureSet::from_words(Arch::X86_64, [0x00c8000000000004, 0x0080180004000000, 0x80008d0000080000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0108003180000800, 0x0400000c00000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "broadwell", features: FeatureSet::from_words(Arch::X86_64, [0x14e8060000210014, 0x12801a0405400000, 0x8000bd0000083040, 0x000000000000000a, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x4000000000000040, 0x0060040100074024, 0x0400000008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "btver1", features: FeatureSet::from_words(Arch::X86_64, [0x00c8000000000004, 0x10800a0004000000, 0x8000cd0000080040, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000100108820, 0x0400000200100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "btver2", features: FeatureSet::from_words(Arch::X86_64, [0x10e8020000010024, 0x12801a0004000000, 0x8000fd0000080040, 0x000000000000000a, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x000000010010bca0, 0x0000000200100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cannonlake", features: FeatureSet::from_words(Arch::X86_64, [0x14e906016f210034, 0x1a801a0405400000, 0x8000bd0001083040, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x80700401000f4220, 0x0408000108000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cascadelake", features: FeatureSet::from_words(Arch::X86_64, [0x14eb06030f210034, 0x1a801a0405400000, 0x8000bd0000083040, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x80700401002f4224, 0x0408000008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "clearwaterforest", features: FeatureSet::from_words(Arch::X86_64, [0x12fb87f000210034, 0x1e807a044d400000, 0x8b90bd60072834e0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x00700401000f4222, 0x0408000108000004, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cooperlake", features: FeatureSet::from_words(Arch::X86_64, [0x14eb06030f610034, 0x1a801a0405400000, 0x8000bd0000083040, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x80700401002f4224, 0x0408000008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "core2", features: FeatureSet::from_words(Arch::X86_64, [0x00c8000000000004, 0x0080080004000000, 0x80008d0000080000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000040000000000, 0x0400000800000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "diamondrapids", features: FeatureSet::from_words(Arch::X86_64, [0x17fba7fbffebffb4, 0x3e86fa040f400000, 0x9b14bd60072835e0, 0x000000000000003e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0xa000080000000040, 0x80700401000f422b, 0x0408000100000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "emeraldrapids", features: FeatureSet::from_words(Arch::X86_64, [0x16eb864bffe19134, 0x1e807a040f400000, 0x9b14bd00052834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0xa000000000000040, 0x80700401000f422b, 0x0408000100000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "generic", features: FeatureSet::from_words(Arch::X86_64, [0x0080000000000004, 0x0000000000000000, 0x8000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000040100004020, 0x0400000008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "goldmont", features: FeatureSet::from_words(Arch::X86_64, [0x00e9000000000024, 0x1280180005000000, 0x8000bd0001083040, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0008000000002804, 0x0420000430000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "goldmont-plus", features: FeatureSet::from_words(Arch::X86_64, [0x00e9000000000024, 0x1280180005000000, 0x8000bd00010834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0008000000002800, 0x0420000430000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "gracemont", features: FeatureSet::from_words(Arch::X86_64, [0x10eb064000210034, 0x1e807a0c4d400000, 0xab00bd00052834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x00000400000c4024, 0x0400000008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "grandridge", features: FeatureSet::from_words(Arch::X86_64, [0x12fb877000210034, 0x1e807a0c4d400000, 0xab10bd00052834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x00000400000c4024, 0x0400000008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "graniterapids", features: FeatureSet::from_words(Arch::X86_64, [0x16eb864bffe19534, 0x1e807a040f400000, 0x9b14bd00052834e0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0xa000080000000040, 0x80700401000f422b, 0x0408000100000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "graniterapids-d", features: FeatureSet::from_words(Arch::X86_64, [0x16eb864bffe19734, 0x1e807a040f400000, 0x9b14bd00052834e0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0xa000080000000040, 0x80700401000f422b, 0x0408000100000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "haswell", features: FeatureSet::from_words(Arch::X86_64, [0x14e8060000210004, 0x12801a0405400000, 0x8000bd0000081000, 0x000000000000000a, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x4000000000000040, 0x0060040100074024, 0x0400000008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "icelake-client", features: FeatureSet::from_words(Arch::X86_64, [0x14e9060befa10034, 0x1a801a040f400000, 0x8300bd0001083440, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x80700401000f4220, 0x0408000100000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "icelake-server", features: FeatureSet::from_words(Arch::X86_64, [0x14eb060befa10034, 0x1e801a040f400000, 0x9300bd0001083440, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x80700401000f4220, 0x0408000100000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "ivybridge", features: FeatureSet::from_words(Arch::X86_64, [0x10e8000000010004, 0x1280080005000000, 0x8000bd0000081000, 0x000000000000000a, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0020040100014024, 0x0400001008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "k8", features: FeatureSet::from_words(Arch::X86_64, [0x0088000000000004, 0x0080080004000000, 0x8000050000000040, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000008000, 0x0400000a00100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "k8-sse3", features: FeatureSet::from_words(Arch::X86_64, [0x00c8000000000004, 0x0080080004000000, 0x80000d0000000040, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000008000, 0x0400000a00100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "knl", features: FeatureSet::from_words(Arch::X86_64, [0x10e806000a210034, 0x12801a0005400000, 0x8000bd0000083040, 0x000000000000000a, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000100002a00, 0x0000000458000002, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "knm", features: FeatureSet::from_words(Arch::X86_64, [0x10e806080a210034, 0x12801a0005400000, 0x8000bd0000083040, 0x000000000000000a, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000100002a00, 0x0000000458000002, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "lunarlake", features: FeatureSet::from_words(Arch::X86_64, [0x12fb07f000210034, 0x1e807a0c4d400000, 0xab10bd60072834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x00700401000f4222, 0x0408000108000004, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "meteorlake", features: FeatureSet::from_words(Arch::X86_64, [0x10eb064000210034, 0x1e807a0c4d400000, 0xab00bd00052834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x00700401000f4222, 0x0408000108000004, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "nehalem", features: FeatureSet::from_words(Arch::X86_64, [0x00e8000000000004, 0x1080080004000000, 0x8000bd0000080000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0020040100000000, 0x0400000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "nocona", features: FeatureSet::from_words(Arch::X86_64, [0x00c8000000000004, 0x0080080004000000, 0x80000d0000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000000000000000, 0x0400000800000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "novalake", features: FeatureSet::from_words(Arch::X86_64, [0x13fb27fbffeb0034, 0x3e86fa044d400000, 0x8b10bd60072835e0, 0x000000000000003e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x00700401000f4222, 0x0408000108000004, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "pantherlake", features: FeatureSet::from_words(Arch::X86_64, [0x12fb07f000210034, 0x1e807a044d400000, 0x8b10bd60072834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x00700401000f4222, 0x0408000108000004, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "penryn", features: FeatureSet::from_words(Arch::X86_64, [0x00c8000000000004, 0x0080080004000000, 0x80009d0000080000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000040000000000, 0x0400000800000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "raptorlake", features: FeatureSet::from_words(Arch::X86_64, [0x10eb064000210034, 0x1e807a0c4d400000, 0xab00bd00052834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x00700401000f4222, 0x0408000108000004, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "rocketlake", features: FeatureSet::from_words(Arch::X86_64, [0x14e9060befa10034, 0x1a801a040f400000, 0x8300bd0001083440, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x80700401000f4220, 0x0408000100000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "sandybridge", features: FeatureSet::from_words(Arch::X86_64, [0x00e8000000010004, 0x1280080004000000, 0x8000bd0000080000, 0x000000000000000a, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0020040100014024, 0x0400001008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "sapphirerapids", features: FeatureSet::from_words(Arch::X86_64, [0x16eb864bffe19134, 0x1e807a040f400000, 0x9b14bd00052834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0xa000000000000040, 0x80700401000f422b, 0x0408000100000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "sierraforest", features: FeatureSet::from_words(Arch::X86_64, [0x12fb877000210034, 0x1e807a0c4d400000, 0xab10bd00052834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x00000400000c4024, 0x0400000008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "silvermont", features: FeatureSet::from_words(Arch::X86_64, [0x00e8000000000004, 0x1280180004000000, 0x8000bd0000081040, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0008000100002844, 0x04400004b0000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "skylake", features: FeatureSet::from_words(Arch::X86_64, [0x14e9060000210034, 0x12801a0405400000, 0x8000bd0000083040, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x00700401000f4224, 0x0400000008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "skylake-avx512", features: FeatureSet::from_words(Arch::X86_64, [0x14eb06010f210034, 0x1a801a0405400000, 0x8000bd0000083040, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x80700401002f4224, 0x0408000008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "tigerlake", features: FeatureSet::from_words(Arch::X86_64, [0x14eb060fefa10034, 0x1a807a040f400000, 0x8300bd0005083440, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x80700401000f4220, 0x0408000100000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "tremont", features: FeatureSet::from_words(Arch::X86_64, [0x00eb000000000024, 0x128018000d000000, 0x8000bd00010834c0, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0008000000002800, 0x0420000430000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "westmere", features: FeatureSet::from_words(Arch::X86_64, [0x00e8000000000004, 0x1280080004000000, 0x8000bd0000080000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0020040100000000, 0x0400000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "x86-64", features: FeatureSet::from_words(Arch::X86_64, [0x0088000000000004, 0x0080080004000000, 0x8000050000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000040100000000, 0x0400000018000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "x86-64-v2", features: FeatureSet::from_words(Arch::X86_64, [0x00e8000000000004, 0x1080080004000000, 0x8000bd0000080000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000000, 0x0000040100014024, 0x0400001008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "x86-64-v3", features: FeatureSet::from_words(Arch::X86_64, [0x10e8060000210004, 0x10801a0004400000, 0x8000bd0000080000, 0x0000000000000002, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x4000000000000040, 0x0000040100074024, 0x0400000008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "x86-64-v4", features: FeatureSet::from_words(Arch::X86_64, [0x10e806010f210004, 0x10801a0004400000, 0x8000bd0000080000, 0x0000000000000002, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000000000000040, 0x80000401000f4224, 0x0400000008000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "znver1", features: FeatureSet::from_words(Arch::X86_64, [0x10ed060000210034, 0x12811a0005400000, 0x8000fd0001083040, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000100000000040, 0x00000001000cf8a0, 0x0400000200100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "znver2", features: FeatureSet::from_words(Arch::X86_64, [0x10ef060000210034, 0x12811a0005400000, 0x9000fd0001083c40, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000100000000040, 0x00000001000cf8a0, 0x0400000200100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "znver3", features: FeatureSet::from_words(Arch::X86_64, [0x10ef060000210034, 0x1a811a0407400000, 0x9300fd0001083c40, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000100000000040, 0x00000401000cf8a0, 0x0400000000100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "znver4", features: FeatureSet::from_words(Arch::X86_64, [0x10ef060befe10034, 0x1a811a040f400000, 0x9300fd0005083c40, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000100000000040, 0x00000401000cf9a0, 0x0400000000100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "znver5", features: FeatureSet::from_words(Arch::X86_64, [0x10ef064fefe10034, 0x1a817a040f400000, 0x9300fd0005083c60, 0x000000000000001e, 0x0000000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::X86_64, [0x0000100000000040, 0x00000401000cf9a0, 0x0400000000100000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
];

pub(crate) static ALIASES: &[AliasRow] = &[
    AliasRow { name: "arrowlake_s", cpu: 3 },
    AliasRow { name: "athlon-fx", cpu: 31 },
    AliasRow { name: "athlon64", cpu: 31 },
    AliasRow { name: "athlon64-sse3", cpu: 32 },
    AliasRow { name: "atom", cpu: 9 },
    AliasRow { name: "atom_sse4_2", cpu: 47 },
    AliasRow { name: "barcelona", cpu: 1 },
    AliasRow { name: "core-avx-i", cpu: 30 },
    AliasRow { name: "core-avx2", cpu: 27 },
    AliasRow { name: "core_2_duo_sse4_1", cpu: 41 },
    AliasRow { name: "core_2_duo_ssse3", cpu: 17 },
    AliasRow { name: "core_2nd_gen_avx", cpu: 44 },
    AliasRow { name: "core_3rd_gen_avx", cpu: 30 },
    AliasRow { name: "core_4th_gen_avx", cpu: 27 },
    AliasRow { name: "core_4th_gen_avx_tsx", cpu: 27 },
    AliasRow { name: "core_5th_gen_avx", cpu: 10 },
    AliasRow { name: "core_5th_gen_avx_tsx", cpu: 10 },
    AliasRow { name: "core_aes_pclmulqdq", cpu: 52 },
    AliasRow { name: "core_i7_sse4_2", cpu: 37 },
    AliasRow { name: "corei7", cpu: 37 },
    AliasRow { name: "corei7-avx", cpu: 44 },
    AliasRow { name: "goldmont_plus", cpu: 22 },
    AliasRow { name: "graniterapids_d", cpu: 26 },
    AliasRow { name: "icelake_client", cpu: 28 },
    AliasRow { name: "icelake_server", cpu: 29 },
    AliasRow { name: "mic_avx512", cpu: 33 },
    AliasRow { name: "opteron", cpu: 31 },
    AliasRow { name: "opteron-sse3", cpu: 32 },
    AliasRow { name: "skx", cpu: 49 },
    AliasRow { name: "skylake_avx512", cpu: 49 },
    AliasRow { name: "slm", cpu: 47 },
    AliasRow { name: "wildcatlake", cpu: 40 },
];

/// `16bit-mode`: 16-bit mode (i8086)
pub const F16BIT_MODE: Feature = Feature::from_index(Arch::X86_64, 0);

/// `32bit-mode`: 32-bit mode (80386)
pub const F32BIT_MODE: Feature = Feature::from_index(Arch::X86_64, 1);

/// `64bit`: Support 64-bit instructions
pub const F64BIT: Feature = Feature::from_index(Arch::X86_64, 2);

/// `64bit-mode`: 64-bit mode (x86\_64)
pub const F64BIT_MODE: Feature = Feature::from_index(Arch::X86_64, 3);

/// `adx`: Support ADX instructions
pub const ADX: Feature = Feature::from_index(Arch::X86_64, 4);

/// `aes`: Enable AES instructions
pub const AES: Feature = Feature::from_index(Arch::X86_64, 5);

/// `allow-light-256-bit`: Enable generation of 256-bit load/stores even if we prefer 128-bit
pub const ALLOW_LIGHT_256_BIT: Feature = Feature::from_index(Arch::X86_64, 6);

/// `amx-avx512`: Support AMX-AVX512 instructions
pub const AMX_AVX512: Feature = Feature::from_index(Arch::X86_64, 7);

/// `amx-bf16`: Support AMX-BF16 instructions
pub const AMX_BF16: Feature = Feature::from_index(Arch::X86_64, 8);

/// `amx-complex`: Support AMX-COMPLEX instructions
pub const AMX_COMPLEX: Feature = Feature::from_index(Arch::X86_64, 9);

/// `amx-fp16`: Support AMX amx-fp16 instructions
pub const AMX_FP16: Feature = Feature::from_index(Arch::X86_64, 10);

/// `amx-fp8`: Support AMX-FP8 instructions
pub const AMX_FP8: Feature = Feature::from_index(Arch::X86_64, 11);

/// `amx-int8`: Support AMX-INT8 instructions
pub const AMX_INT8: Feature = Feature::from_index(Arch::X86_64, 12);

/// `amx-movrs`: Support AMX-MOVRS instructions
pub const AMX_MOVRS: Feature = Feature::from_index(Arch::X86_64, 13);

/// `amx-tf32`: Support AMX-TF32 instructions
pub const AMX_TF32: Feature = Feature::from_index(Arch::X86_64, 14);

/// `amx-tile`: Support AMX-TILE instructions
pub const AMX_TILE: Feature = Feature::from_index(Arch::X86_64, 15);

/// `avx`: Enable AVX instructions
pub const AVX: Feature = Feature::from_index(Arch::X86_64, 16);

/// `avx10.1`: Support AVX10.1 instruction
pub const AVX10_1: Feature = Feature::from_index(Arch::X86_64, 17);

/// `avx10.1-512`: Support AVX10.1 instruction
pub const AVX10_1_512: Feature = Feature::from_index(Arch::X86_64, 18);

/// `avx10.2`: Support AVX10.2 instruction
pub const AVX10_2: Feature = Feature::from_index(Arch::X86_64, 19);

/// `avx10.2-512`: Support AVX10.2 instruction
pub const AVX10_2_512: Feature = Feature::from_index(Arch::X86_64, 20);

/// `avx2`: Enable AVX2 instructions
pub const AVX2: Feature = Feature::from_index(Arch::X86_64, 21);

/// `avx512bf16`: Support bfloat16 floating point
pub const AVX512BF16: Feature = Feature::from_index(Arch::X86_64, 22);

/// `avx512bitalg`: Enable AVX-512 Bit Algorithms
pub const AVX512BITALG: Feature = Feature::from_index(Arch::X86_64, 23);

/// `avx512bw`: Enable AVX-512 Byte and Word Instructions
pub const AVX512BW: Feature = Feature::from_index(Arch::X86_64, 24);

/// `avx512cd`: Enable AVX-512 Conflict Detection Instructions
pub const AVX512CD: Feature = Feature::from_index(Arch::X86_64, 25);

/// `avx512dq`: Enable AVX-512 Doubleword and Quadword Instructions
pub const AVX512DQ: Feature = Feature::from_index(Arch::X86_64, 26);

/// `avx512f`: Enable AVX-512 instructions
pub const AVX512F: Feature = Feature::from_index(Arch::X86_64, 27);

/// `avx512fp16`: Support 16-bit floating point
pub const AVX512FP16: Feature = Feature::from_index(Arch::X86_64, 28);

/// `avx512ifma`: Enable AVX-512 Integer Fused Multiple-Add
pub const AVX512IFMA: Feature = Feature::from_index(Arch::X86_64, 29);

/// `avx512vbmi`: Enable AVX-512 Vector Byte Manipulation Instructions
pub const AVX512VBMI: Feature = Feature::from_index(Arch::X86_64, 30);

/// `avx512vbmi2`: Enable AVX-512 further Vector Byte Manipulation Instructions
pub const AVX512VBMI2: Feature = Feature::from_index(Arch::X86_64, 31);

/// `avx512vl`: Enable AVX-512 Vector Length eXtensions
pub const AVX512VL: Feature = Feature::from_index(Arch::X86_64, 32);

/// `avx512vnni`: Enable AVX-512 Vector Neural Network Instructions
pub const AVX512VNNI: Feature = Feature::from_index(Arch::X86_64, 33);

/// `avx512vp2intersect`: Enable AVX-512 vp2intersect
pub const AVX512VP2INTERSECT: Feature = Feature::from_index(Arch::X86_64, 34);

/// `avx512vpopcntdq`: Enable AVX-512 Population Count Instructions
pub const AVX512VPOPCNTDQ: Feature = Feature::from_index(Arch::X86_64, 35);

/// `avxifma`: Enable AVX-IFMA
pub const AVXIFMA: Feature = Feature::from_index(Arch::X86_64, 36);

/// `avxneconvert`: Support AVX-NE-CONVERT instructions
pub const AVXNECONVERT: Feature = Feature::from_index(Arch::X86_64, 37);

/// `avxvnni`: Support AVX\_VNNI encoding
pub const AVXVNNI: Feature = Feature::from_index(Arch::X86_64, 38);

/// `avxvnniint16`: Enable AVX-VNNI-INT16
pub const AVXVNNIINT16: Feature = Feature::from_index(Arch::X86_64, 39);

/// `avxvnniint8`: Enable AVX-VNNI-INT8
pub const AVXVNNIINT8: Feature = Feature::from_index(Arch::X86_64, 40);

/// `bmi`: Support BMI instructions
pub const BMI: Feature = Feature::from_index(Arch::X86_64, 41);

/// `bmi2`: Support BMI2 instructions
pub const BMI2: Feature = Feature::from_index(Arch::X86_64, 42);

/// `branch-hint`: Target has branch hint feature
pub const BRANCH_HINT: Feature = Feature::from_index(Arch::X86_64, 43);

/// `branchfusion`: CMP/TEST can be fused with conditional branches
pub const BRANCHFUSION: Feature = Feature::from_index(Arch::X86_64, 44);

/// `ccmp`: Support conditional cmp & test instructions
pub const CCMP: Feature = Feature::from_index(Arch::X86_64, 45);

/// `cf`: Support conditional faulting
pub const CF: Feature = Feature::from_index(Arch::X86_64, 46);

/// `cldemote`: Enable Cache Line Demote
pub const CLDEMOTE: Feature = Feature::from_index(Arch::X86_64, 47);

/// `clflushopt`: Flush A Cache Line Optimized
pub const CLFLUSHOPT: Feature = Feature::from_index(Arch::X86_64, 48);

/// `clwb`: Cache Line Write Back
pub const CLWB: Feature = Feature::from_index(Arch::X86_64, 49);

/// `clzero`: Enable Cache Line Zero
pub const CLZERO: Feature = Feature::from_index(Arch::X86_64, 50);

/// `cmov`: Enable conditional move instructions
pub const CMOV: Feature = Feature::from_index(Arch::X86_64, 51);

/// `cmpccxadd`: Support CMPCCXADD instructions
pub const CMPCCXADD: Feature = Feature::from_index(Arch::X86_64, 52);

/// `crc32`: Enable SSE 4.2 CRC32 instruction (used when SSE4.2 is supported but function is GPR only)
pub const CRC32: Feature = Feature::from_index(Arch::X86_64, 53);

/// `cx16`: 64-bit with cmpxchg16b (this is true for most x86-64 chips, but not the first AMD chips)
pub const CX16: Feature = Feature::from_index(Arch::X86_64, 54);

/// `cx8`: Support CMPXCHG8B instructions
pub const CX8: Feature = Feature::from_index(Arch::X86_64, 55);

/// `egpr`: Support extended general purpose register
pub const EGPR: Feature = Feature::from_index(Arch::X86_64, 56);

/// `enqcmd`: Has ENQCMD instructions
pub const ENQCMD: Feature = Feature::from_index(Arch::X86_64, 57);

/// `ermsb`: REP MOVS/STOS are fast
pub const ERMSB: Feature = Feature::from_index(Arch::X86_64, 58);

/// `evex512`: Support ZMM and 64-bit mask instructions
pub const EVEX512: Feature = Feature::from_index(Arch::X86_64, 59);

/// `f16c`: Support 16-bit floating point conversion instructions
pub const F16C: Feature = Feature::from_index(Arch::X86_64, 60);

/// `false-deps-getmant`: VGETMANTSS/SD/SH and VGETMANDPS/PD(memory version) has a false dependency on dest register
pub const FALSE_DEPS_GETMANT: Feature = Feature::from_index(Arch::X86_64, 61);

/// `false-deps-lzcnt-tzcnt`: LZCNT/TZCNT have a false dependency on dest register
pub const FALSE_DEPS_LZCNT_TZCNT: Feature = Feature::from_index(Arch::X86_64, 62);

/// `false-deps-mulc`: VF\[C\]MULCPH/SH has a false dependency on dest register
pub const FALSE_DEPS_MULC: Feature = Feature::from_index(Arch::X86_64, 63);

/// `false-deps-mullq`: VPMULLQ has a false dependency on dest register
pub const FALSE_DEPS_MULLQ: Feature = Feature::from_index(Arch::X86_64, 64);

/// `false-deps-perm`: VPERMD/Q/PS/PD has a false dependency on dest register
pub const FALSE_DEPS_PERM: Feature = Feature::from_index(Arch::X86_64, 65);

/// `false-deps-popcnt`: POPCNT has a false dependency on dest register
pub const FALSE_DEPS_POPCNT: Feature = Feature::from_index(Arch::X86_64, 66);

/// `false-deps-range`: VRANGEPD/PS/SD/SS has a false dependency on dest register
pub const FALSE_DEPS_RANGE: Feature = Feature::from_index(Arch::X86_64, 67);

/// `fast-11bytenop`: Target can quickly decode up to 11 byte NOPs
pub const FAST_11BYTENOP: Feature = Feature::from_index(Arch::X86_64, 68);

/// `fast-15bytenop`: Target can quickly decode up to 15 byte NOPs
pub const FAST_15BYTENOP: Feature = Feature::from_index(Arch::X86_64, 69);

/// `fast-7bytenop`: Target can quickly decode up to 7 byte NOPs
pub const FAST_7BYTENOP: Feature = Feature::from_index(Arch::X86_64, 70);

/// `fast-bextr`: Indicates that the BEXTR instruction is implemented as a single uop with good throughput
pub const FAST_BEXTR: Feature = Feature::from_index(Arch::X86_64, 71);

/// `fast-dpwssd`: Prefer vpdpwssd instruction over vpmaddwd+vpaddd instruction sequence
pub const FAST_DPWSSD: Feature = Feature::from_index(Arch::X86_64, 72);

/// `fast-gather`: Indicates if gather is reasonably fast (this is true for Skylake client and all AVX-512 CPUs)
pub const FAST_GATHER: Feature = Feature::from_index(Arch::X86_64, 73);

/// `fast-hops`: Prefer horizontal vector math instructions (haddp, phsub, etc.) over normal vector instructions with shuffles
pub const FAST_HOPS: Feature = Feature::from_index(Arch::X86_64, 74);

/// `fast-imm16`: Prefer a i16 instruction with i16 immediate over extension to i32
pub const FAST_IMM16: Feature = Feature::from_index(Arch::X86_64, 75);

/// `fast-lzcnt`: LZCNT instructions are as fast as most simple integer ops
pub const FAST_LZCNT: Feature = Feature::from_index(Arch::X86_64, 76);

/// `fast-movbe`: Prefer a movbe over a single-use load + bswap / single-use bswap + store
pub const FAST_MOVBE: Feature = Feature::from_index(Arch::X86_64, 77);

/// `fast-scalar-fsqrt`: Scalar SQRT is fast (disable Newton-Raphson)
pub const FAST_SCALAR_FSQRT: Feature = Feature::from_index(Arch::X86_64, 78);

/// `fast-scalar-shift-masks`: Prefer a left/right scalar logical shift pair over a shift+and pair
pub const FAST_SCALAR_SHIFT_MASKS: Feature = Feature::from_index(Arch::X86_64, 79);

/// `fast-shld-rotate`: SHLD can be used as a faster rotate
pub const FAST_SHLD_ROTATE: Feature = Feature::from_index(Arch::X86_64, 80);

/// `fast-variable-crosslane-shuffle`: Cross-lane shuffles with variable masks are fast
pub const FAST_VARIABLE_CROSSLANE_SHUFFLE: Feature = Feature::from_index(Arch::X86_64, 81);

/// `fast-variable-perlane-shuffle`: Per-lane shuffles with variable masks are fast
pub const FAST_VARIABLE_PERLANE_SHUFFLE: Feature = Feature::from_index(Arch::X86_64, 82);

/// `fast-vector-fsqrt`: Vector SQRT is fast (disable Newton-Raphson)
pub const FAST_VECTOR_FSQRT: Feature = Feature::from_index(Arch::X86_64, 83);

/// `fast-vector-shift-masks`: Prefer a left/right vector logical shift pair over a shift+and pair
pub const FAST_VECTOR_SHIFT_MASKS: Feature = Feature::from_index(Arch::X86_64, 84);

/// `faster-shift-than-shuffle`: Shifts are faster (or as fast) as shuffle
pub const FASTER_SHIFT_THAN_SHUFFLE: Feature = Feature::from_index(Arch::X86_64, 85);

/// `fma`: Enable three-operand fused multiple-add
pub const FMA: Feature = Feature::from_index(Arch::X86_64, 86);

/// `fma4`: Enable four-operand fused multiple-add
pub const FMA4: Feature = Feature::from_index(Arch::X86_64, 87);

/// `fsgsbase`: Support FS/GS Base instructions
pub const FSGSBASE: Feature = Feature::from_index(Arch::X86_64, 88);

/// `fsrm`: REP MOVSB of short lengths is faster
pub const FSRM: Feature = Feature::from_index(Arch::X86_64, 89);

/// `fxsr`: Support fxsave/fxrestore instructions
pub const FXSR: Feature = Feature::from_index(Arch::X86_64, 90);

/// `gfni`: Enable Galois Field Arithmetic Instructions
pub const GFNI: Feature = Feature::from_index(Arch::X86_64, 91);

/// `harden-sls-ijmp`: Harden against straight line speculation across indirect JMP instructions.
pub const HARDEN_SLS_IJMP: Feature = Feature::from_index(Arch::X86_64, 92);

/// `harden-sls-ret`: Harden against straight line speculation across RET instructions.
pub const HARDEN_SLS_RET: Feature = Feature::from_index(Arch::X86_64, 93);

/// `hreset`: Has hreset instruction
pub const HRESET: Feature = Feature::from_index(Arch::X86_64, 94);

/// `idivl-to-divb`: Use 8-bit divide for positive values less than 256
pub const IDIVL_TO_DIVB: Feature = Feature::from_index(Arch::X86_64, 95);

/// `idivq-to-divl`: Use 32-bit divide for positive values less than 2^32
pub const IDIVQ_TO_DIVL: Feature = Feature::from_index(Arch::X86_64, 96);

/// `inline-asm-use-gpr32`: Enable use of GPR32 in inline assembly for APX
pub const INLINE_ASM_USE_GPR32: Feature = Feature::from_index(Arch::X86_64, 97);

/// `invpcid`: Invalidate Process-Context Identifier
pub const INVPCID: Feature = Feature::from_index(Arch::X86_64, 98);

/// `kl`: Support Key Locker kl Instructions
pub const KL: Feature = Feature::from_index(Arch::X86_64, 99);

/// `lea-sp`: Use LEA for adjusting the stack pointer (this is an optimization for Intel Atom processors)
pub const LEA_SP: Feature = Feature::from_index(Arch::X86_64, 100);

/// `lea-uses-ag`: LEA instruction needs inputs at AG stage
pub const LEA_USES_AG: Feature = Feature::from_index(Arch::X86_64, 101);

/// `lvi-cfi`: Prevent indirect calls/branches from using a memory operand, and precede all indirect calls/branches from a register with an LFENCE instruction to serialize control flow. Also decompose RET instructions into a POP+LFENCE+JMP sequence.
pub const LVI_CFI: Feature = Feature::from_index(Arch::X86_64, 102);

/// `lvi-load-hardening`: Insert LFENCE instructions to prevent data speculatively injected into loads from being used maliciously.
pub const LVI_LOAD_HARDENING: Feature = Feature::from_index(Arch::X86_64, 103);

/// `lwp`: Enable LWP instructions
pub const LWP: Feature = Feature::from_index(Arch::X86_64, 104);

/// `lzcnt`: Support LZCNT instruction
pub const LZCNT: Feature = Feature::from_index(Arch::X86_64, 105);

/// `macrofusion`: Various instructions can be fused with conditional branches
pub const MACROFUSION: Feature = Feature::from_index(Arch::X86_64, 106);

/// `mmx`: Enable MMX instructions
pub const MMX: Feature = Feature::from_index(Arch::X86_64, 107);

/// `movbe`: Support MOVBE instruction
pub const MOVBE: Feature = Feature::from_index(Arch::X86_64, 108);

/// `movdir64b`: Support movdir64b instruction (direct store 64 bytes)
pub const MOVDIR64B: Feature = Feature::from_index(Arch::X86_64, 109);

/// `movdiri`: Support movdiri instruction (direct store integer)
pub const MOVDIRI: Feature = Feature::from_index(Arch::X86_64, 110);

/// `movrs`: Enable MOVRS
pub const MOVRS: Feature = Feature::from_index(Arch::X86_64, 111);

/// `mwaitx`: Enable MONITORX/MWAITX timer functionality
pub const MWAITX: Feature = Feature::from_index(Arch::X86_64, 112);

/// `ndd`: Support non-destructive destination
pub const NDD: Feature = Feature::from_index(Arch::X86_64, 113);

/// `nf`: Support status flags update suppression
pub const NF: Feature = Feature::from_index(Arch::X86_64, 114);

/// `no-bypass-delay`: Has no bypass delay when using the 'wrong' domain
pub const NO_BYPASS_DELAY: Feature = Feature::from_index(Arch::X86_64, 115);

/// `no-bypass-delay-blend`: Has no bypass delay when using the 'wrong' blend type
pub const NO_BYPASS_DELAY_BLEND: Feature = Feature::from_index(Arch::X86_64, 116);

/// `no-bypass-delay-mov`: Has no bypass delay when using the 'wrong' mov type
pub const NO_BYPASS_DELAY_MOV: Feature = Feature::from_index(Arch::X86_64, 117);

/// `no-bypass-delay-shuffle`: Has no bypass delay when using the 'wrong' shuffle type
pub const NO_BYPASS_DELAY_SHUFFLE: Feature = Feature::from_index(Arch::X86_64, 118);

/// `nopl`: Enable NOPL instruction (generally pentium pro+)
pub const NOPL: Feature = Feature::from_index(Arch::X86_64, 119);

/// `pad-short-functions`: Pad short functions (to prevent a stall when returning too early)
pub const PAD_SHORT_FUNCTIONS: Feature = Feature::from_index(Arch::X86_64, 120);

/// `pclmul`: Enable packed carry-less multiplication instructions
pub const PCLMUL: Feature = Feature::from_index(Arch::X86_64, 121);

/// `pconfig`: platform configuration instruction
pub const PCONFIG: Feature = Feature::from_index(Arch::X86_64, 122);

/// `pku`: Enable protection keys
pub const PKU: Feature = Feature::from_index(Arch::X86_64, 123);

/// `popcnt`: Support POPCNT instruction
pub const POPCNT: Feature = Feature::from_index(Arch::X86_64, 124);

/// `ppx`: Support Push-Pop Acceleration
pub const PPX: Feature = Feature::from_index(Arch::X86_64, 125);

/// `prefer-128-bit`: Prefer 128-bit AVX instructions
pub const PREFER_128_BIT: Feature = Feature::from_index(Arch::X86_64, 126);

/// `prefer-256-bit`: Prefer 256-bit AVX instructions
pub const PREFER_256_BIT: Feature = Feature::from_index(Arch::X86_64, 127);

/// `prefer-legacy-setcc`: Prefer to emit legacy SetCC.
pub const PREFER_LEGACY_SETCC: Feature = Feature::from_index(Arch::X86_64, 128);

/// `prefer-mask-registers`: Prefer AVX512 mask registers over PTEST/MOVMSK
pub const PREFER_MASK_REGISTERS: Feature = Feature::from_index(Arch::X86_64, 129);

/// `prefer-movmsk-over-vtest`: Prefer movmsk over vtest instruction
pub const PREFER_MOVMSK_OVER_VTEST: Feature = Feature::from_index(Arch::X86_64, 130);

/// `prefer-no-gather`: Prefer no gather instructions
pub const PREFER_NO_GATHER: Feature = Feature::from_index(Arch::X86_64, 131);

/// `prefer-no-scatter`: Prefer no scatter instructions
pub const PREFER_NO_SCATTER: Feature = Feature::from_index(Arch::X86_64, 132);

/// `prefetchi`: Prefetch instruction with T0 or T1 Hint
pub const PREFETCHI: Feature = Feature::from_index(Arch::X86_64, 133);

/// `prfchw`: Support PRFCHW instructions
pub const PRFCHW: Feature = Feature::from_index(Arch::X86_64, 134);

/// `ptwrite`: Support ptwrite instruction
pub const PTWRITE: Feature = Feature::from_index(Arch::X86_64, 135);

/// `push2pop2`: Support PUSH2/POP2 instructions
pub const PUSH2POP2: Feature = Feature::from_index(Arch::X86_64, 136);

/// `raoint`: Support RAO-INT instructions
pub const RAOINT: Feature = Feature::from_index(Arch::X86_64, 137);

/// `rdpid`: Support RDPID instructions
pub const RDPID: Feature = Feature::from_index(Arch::X86_64, 138);

/// `rdpru`: Support RDPRU instructions
pub const RDPRU: Feature = Feature::from_index(Arch::X86_64, 139);

/// `rdrnd`: Support RDRAND instruction
pub const RDRND: Feature = Feature::from_index(Arch::X86_64, 140);

/// `rdseed`: Support RDSEED instruction
pub const RDSEED: Feature = Feature::from_index(Arch::X86_64, 141);

/// `retpoline`: Remove speculation of indirect branches from the generated code, either by avoiding them entirely or lowering them with a speculation blocking construct
pub const RETPOLINE: Feature = Feature::from_index(Arch::X86_64, 142);

/// `retpoline-external-thunk`: When lowering an indirect call or branch using a \`retpoline\`, rely on the specified user provided thunk rather than emitting one ourselves. Only has effect when combined with some other retpoline feature
pub const RETPOLINE_EXTERNAL_THUNK: Feature = Feature::from_index(Arch::X86_64, 143);

/// `retpoline-indirect-branches`: Remove speculation of indirect branches from the generated code
pub const RETPOLINE_INDIRECT_BRANCHES: Feature = Feature::from_index(Arch::X86_64, 144);

/// `retpoline-indirect-calls`: Remove speculation of indirect calls from the generated code
pub const RETPOLINE_INDIRECT_CALLS: Feature = Feature::from_index(Arch::X86_64, 145);

/// `rtm`: Support RTM instructions
pub const RTM: Feature = Feature::from_index(Arch::X86_64, 146);

/// `sahf`: Support LAHF and SAHF instructions in 64-bit mode
pub const SAHF: Feature = Feature::from_index(Arch::X86_64, 147);

/// `sbb-dep-breaking`: SBB with same register has no source dependency
pub const SBB_DEP_BREAKING: Feature = Feature::from_index(Arch::X86_64, 148);

/// `serialize`: Has serialize instruction
pub const SERIALIZE: Feature = Feature::from_index(Arch::X86_64, 149);

/// `seses`: Prevent speculative execution side channel timing attacks by inserting a speculation barrier before memory reads, memory writes, and conditional branches. Implies LVI Control Flow integrity.
pub const SESES: Feature = Feature::from_index(Arch::X86_64, 150);

/// `sgx`: Enable Software Guard Extensions
pub const SGX: Feature = Feature::from_index(Arch::X86_64, 151);

/// `sha`: Enable SHA instructions
pub const SHA: Feature = Feature::from_index(Arch::X86_64, 152);

/// `sha512`: Support SHA512 instructions
pub const SHA512: Feature = Feature::from_index(Arch::X86_64, 153);

/// `shstk`: Support CET Shadow-Stack instructions
pub const SHSTK: Feature = Feature::from_index(Arch::X86_64, 154);

/// `slow-3ops-lea`: LEA instruction with 3 ops or certain registers is slow
pub const SLOW_3OPS_LEA: Feature = Feature::from_index(Arch::X86_64, 155);

/// `slow-incdec`: INC and DEC instructions are slower than ADD and SUB
pub const SLOW_INCDEC: Feature = Feature::from_index(Arch::X86_64, 156);

/// `slow-lea`: LEA instruction with certain arguments is slow
pub const SLOW_LEA: Feature = Feature::from_index(Arch::X86_64, 157);

/// `slow-pmaddwd`: PMADDWD is slower than PMULLD
pub const SLOW_PMADDWD: Feature = Feature::from_index(Arch::X86_64, 158);

/// `slow-pmulld`: PMULLD instruction is slow (compared to PMULLW/PMULHW and PMULUDQ)
pub const SLOW_PMULLD: Feature = Feature::from_index(Arch::X86_64, 159);

/// `slow-pmullq`: PMULLQ instruction is slow
pub const SLOW_PMULLQ: Feature = Feature::from_index(Arch::X86_64, 160);

/// `slow-shld`: SHLD instruction is slow
pub const SLOW_SHLD: Feature = Feature::from_index(Arch::X86_64, 161);

/// `slow-two-mem-ops`: Two memory operand instructions are slow
pub const SLOW_TWO_MEM_OPS: Feature = Feature::from_index(Arch::X86_64, 162);

/// `slow-unaligned-mem-16`: Slow unaligned 16-byte memory access
pub const SLOW_UNALIGNED_MEM_16: Feature = Feature::from_index(Arch::X86_64, 163);

/// `slow-unaligned-mem-32`: Slow unaligned 32-byte memory access
pub const SLOW_UNALIGNED_MEM_32: Feature = Feature::from_index(Arch::X86_64, 164);

/// `sm3`: Support SM3 instructions
pub const SM3: Feature = Feature::from_index(Arch::X86_64, 165);

/// `sm4`: Support SM4 instructions
pub const SM4: Feature = Feature::from_index(Arch::X86_64, 166);

/// `soft-float`: Use software floating point features
pub const SOFT_FLOAT: Feature = Feature::from_index(Arch::X86_64, 167);

/// `sse`: Enable SSE instructions
pub const SSE: Feature = Feature::from_index(Arch::X86_64, 168);

/// `sse-unaligned-mem`: Allow unaligned memory operands with SSE instructions (this may require setting a configuration bit in the processor)
pub const SSE_UNALIGNED_MEM: Feature = Feature::from_index(Arch::X86_64, 169);

/// `sse2`: Enable SSE2 instructions
pub const SSE2: Feature = Feature::from_index(Arch::X86_64, 170);

/// `sse3`: Enable SSE3 instructions
pub const SSE3: Feature = Feature::from_index(Arch::X86_64, 171);

/// `sse4.1`: Enable SSE 4.1 instructions
pub const SSE4_1: Feature = Feature::from_index(Arch::X86_64, 172);

/// `sse4.2`: Enable SSE 4.2 instructions
pub const SSE4_2: Feature = Feature::from_index(Arch::X86_64, 173);

/// `sse4a`: Support SSE 4a instructions
pub const SSE4A: Feature = Feature::from_index(Arch::X86_64, 174);

/// `ssse3`: Enable SSSE3 instructions
pub const SSSE3: Feature = Feature::from_index(Arch::X86_64, 175);

/// `tagged-globals`: Use an instruction sequence for taking the address of a global that allows a memory tag in the upper address bits.
pub const TAGGED_GLOBALS: Feature = Feature::from_index(Arch::X86_64, 176);

/// `tbm`: Enable TBM instructions
pub const TBM: Feature = Feature::from_index(Arch::X86_64, 177);

/// `tsxldtrk`: Support TSXLDTRK instructions
pub const TSXLDTRK: Feature = Feature::from_index(Arch::X86_64, 178);

/// `tuning-fast-imm-vector-shift`: Vector shifts are fast (2/cycle) as opposed to slow (1/cycle)
pub const TUNING_FAST_IMM_VECTOR_SHIFT: Feature = Feature::from_index(Arch::X86_64, 179);

/// `uintr`: Has UINTR Instructions
pub const UINTR: Feature = Feature::from_index(Arch::X86_64, 180);

/// `use-glm-div-sqrt-costs`: Use Goldmont specific floating point div/sqrt costs
pub const USE_GLM_DIV_SQRT_COSTS: Feature = Feature::from_index(Arch::X86_64, 181);

/// `use-slm-arith-costs`: Use Silvermont specific arithmetic costs
pub const USE_SLM_ARITH_COSTS: Feature = Feature::from_index(Arch::X86_64, 182);

/// `usermsr`: Support USERMSR instructions
pub const USERMSR: Feature = Feature::from_index(Arch::X86_64, 183);

/// `vaes`: Promote selected AES instructions to AVX512/AVX registers
pub const VAES: Feature = Feature::from_index(Arch::X86_64, 184);

/// `vpclmulqdq`: Enable vpclmulqdq instructions
pub const VPCLMULQDQ: Feature = Feature::from_index(Arch::X86_64, 185);

/// `vzeroupper`: Should insert vzeroupper instructions
pub const VZEROUPPER: Feature = Feature::from_index(Arch::X86_64, 186);

/// `waitpkg`: Wait and pause enhancements
pub const WAITPKG: Feature = Feature::from_index(Arch::X86_64, 187);

/// `wbnoinvd`: Write Back No Invalidate
pub const WBNOINVD: Feature = Feature::from_index(Arch::X86_64, 188);

/// `widekl`: Support Key Locker wide Instructions
pub const WIDEKL: Feature = Feature::from_index(Arch::X86_64, 189);

/// `x32`: 64-bit with ILP32 programming model (e.g. x32 ABI)
pub const X32: Feature = Feature::from_index(Arch::X86_64, 190);

/// `x87`: Enable X87 float instructions
pub const X87: Feature = Feature::from_index(Arch::X86_64, 191);

/// `xop`: Enable XOP instructions
pub const XOP: Feature = Feature::from_index(Arch::X86_64, 192);

/// `xsave`: Support xsave instructions
pub const XSAVE: Feature = Feature::from_index(Arch::X86_64, 193);

/// `xsavec`: Support xsavec instructions
pub const XSAVEC: Feature = Feature::from_index(Arch::X86_64, 194);

/// `xsaveopt`: Support xsaveopt instructions
pub const XSAVEOPT: Feature = Feature::from_index(Arch::X86_64, 195);

/// `xsaves`: Support xsaves instructions
pub const XSAVES: Feature = Feature::from_index(Arch::X86_64, 196);

/// `zu`: Support zero-upper SETcc/IMUL
pub const ZU: Feature = Feature::from_index(Arch::X86_64, 197);
