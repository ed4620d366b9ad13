//! The aarch64 CPU database, generated from LLVM 22.1.8's MC subtarget tables and
//! target parser by `cargo run -p mvimg-codegen --features cpu-db-generator --bin mvimg-gen-cpu-db`.
//! Do not edit: regenerate. codegen/tests/cpu_db.rs fails when the live LLVM
//! disagrees with this file.
//!
//! 349 features, 82 CPUs, 16 aliases.

use crate::arch::Arch;
use crate::table_rows::{AliasRow, CpuRow, FeatureRow};
use crate::feature::{Feature, FeatureSet};

/// The LLVM version these tables were generated from.
pub const LLVM_VERSION: &str = "22.1.8";

pub(crate) static FEATURES: &[FeatureRow] = &[
    FeatureRow { name: "CONTEXTIDREL2", description: "Enable RW operand CONTEXTIDR_EL2", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "a320", description: "Cortex-A320 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000004000000, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x2c00000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a35", description: "Cortex-A35 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a510", description: "Cortex-A510 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x2c00000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a520", description: "Cortex-A520 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x2c00000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a520ae", description: "Cortex-A520AE ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x2800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a53", description: "Cortex-A53 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0010000000000000, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x2800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a55", description: "Cortex-A55 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000680, 0x0000000000000000, 0x2800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a57", description: "Cortex-A57 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0010000000800000, 0x0000010000000000, 0x0000002000008600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a64fx", description: "Fujitsu A64FX processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0001000002000000, 0x0000000400000000, 0x0000002000000000, 0x0000000000000200, 0x0800000000010000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a65", description: "Cortex-A65 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000010000000000, 0x0000000000008680, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a710", description: "Cortex-A710 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a715", description: "Cortex-A715 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a72", description: "Cortex-A72 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000800000, 0x0000010000000000, 0x0000000000008600, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a720", description: "Cortex-A720 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a720ae", description: "Cortex-A720AE ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a73", description: "Cortex-A73 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000800000, 0x0000010000000000, 0x0000000000000600, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a75", description: "Cortex-A75 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000800000, 0x0000010000000000, 0x0000000000000600, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a76", description: "Cortex-A76 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040800000, 0x0000010000000000, 0x0000000000000600, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a77", description: "Cortex-A77 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040800000, 0x0000010000002000, 0x0000000000000600, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a78", description: "Cortex-A78 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040800000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a78ae", description: "Cortex-A78AE ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040800000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "a78c", description: "Cortex-A78C ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040800000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "addr-lsl-slow-14", description: "Address operands with shift amount of 1 or 4 are slow", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "aes", description: "Enable AES support", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "aggressive-fma", description: "Enable Aggressive FMA for floating-point.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "aggressive-interleaving", description: "Make use of aggressive interleaving during vectorization", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "all", description: "Enable all instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "alternate-sextload-cvt-f32-pattern", description: "Use alternative pattern for sextload convert to f32", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "altnzcv", description: "Enable alternative NZCV format for floating point comparisons", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0200000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "alu-lsl-fast", description: "Add/Sub operations with lsl shift <= 4 are cheap", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "am", description: "Enable Armv8.4-A Activity Monitors extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ampere1", description: "Ampere Computing Ampere-1 processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0001000042000000, 0x0000000000002000, 0x0000002008008680, 0x0000000000000000, 0x0800000000030000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "ampere1a", description: "Ampere Computing Ampere-1A processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0001000042000000, 0x0000000000002000, 0x0000002008008780, 0x0000000000000000, 0x0800000000030000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "ampere1b", description: "Ampere Computing Ampere-1B processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0001000042000000, 0x0000010000002000, 0x0000002008008680, 0x0000000000000200, 0x0800000000030000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "ampere1c", description: "Ampere Computing Ampere-1C processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0001000042000000, 0x0000010000002000, 0x0000002000008680, 0x0000000000000200, 0x0800000000010000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "amvs", description: "Enable Armv8.6-A Activity Monitors Virtualization support", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000080000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "apple-a10", description: "Apple A10", implies: FeatureSet::from_words(Arch::Aarch64, [0x0003000010000000, 0x0000000040000000, 0x0800000000001400, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]), tuning: true },
    FeatureRow { name: "apple-a11", description: "Apple A11", implies: FeatureSet::from_words(Arch::Aarch64, [0x0003000010000000, 0x0000000040000000, 0x0800000000001400, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]), tuning: true },
    FeatureRow { name: "apple-a12", description: "Apple A12", implies: FeatureSet::from_words(Arch::Aarch64, [0x0003000010000000, 0x0000000040000000, 0x0800000000001400, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]), tuning: true },
    FeatureRow { name: "apple-a13", description: "Apple A13", implies: FeatureSet::from_words(Arch::Aarch64, [0x0003000010000000, 0x0000000040000000, 0x0800000000001400, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]), tuning: true },
    FeatureRow { name: "apple-a14", description: "Apple A14", implies: FeatureSet::from_words(Arch::Aarch64, [0x0003000012000000, 0x0000000040000000, 0x080000200000bc80, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]), tuning: true },
    FeatureRow { name: "apple-a15", description: "Apple A15", implies: FeatureSet::from_words(Arch::Aarch64, [0x0003000010000000, 0x0000000040000000, 0x080000200000be80, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]), tuning: true },
    FeatureRow { name: "apple-a16", description: "Apple A16", implies: FeatureSet::from_words(Arch::Aarch64, [0x0003000010000000, 0x0000000040000000, 0x080000200000be80, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]), tuning: true },
    FeatureRow { name: "apple-a17", description: "Apple A17", implies: FeatureSet::from_words(Arch::Aarch64, [0x0003000010000000, 0x0000000040000000, 0x080000200000be80, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]), tuning: true },
    FeatureRow { name: "apple-a7", description: "Apple A7 (the CPU formerly known as Cyclone)", implies: FeatureSet::from_words(Arch::Aarch64, [0x0003000010000000, 0x0000000040000000, 0x0800000000001400, 0x0000000000000000, 0x0000000000010000, 0x000000001f100000]), tuning: true },
    FeatureRow { name: "apple-m4", description: "Apple M4", implies: FeatureSet::from_words(Arch::Aarch64, [0x0003000010000000, 0x0000000040000000, 0x080000200000be80, 0x0000000000000000, 0x0000000000000000, 0x000000001d100000]), tuning: true },
    FeatureRow { name: "apple-m5", description: "Apple M5", implies: FeatureSet::from_words(Arch::Aarch64, [0x0003000010000000, 0x0000000040000000, 0x080000200000be80, 0x0000000000000000, 0x0000000000000000, 0x000000001d100000]), tuning: true },
    FeatureRow { name: "arith-bcc-fusion", description: "CPU fuses arithmetic+bcc operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "arith-cbz-fusion", description: "CPU fuses arithmetic + cbz/cbnz operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "ascend-store-address", description: "Schedule vector stores by ascending address", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "avoid-ldapur", description: "Prefer add+ldapr to offset ldapur", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "balance-fp-ops", description: "balance mix of odd and even D-registers for fp multiply(-accumulate) ops", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "bf16", description: "Enable BFloat16 Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "brbe", description: "Enable Branch Record Buffer Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "bti", description: "Enable Branch Target Identification", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "btie", description: "Enable Enhanced Branch Target Identification extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "c1-nano", description: "C1-Nano ARM Processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x2c00000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "c1-premium", description: "C1-Premium ARM Processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000000000, 0x0000000000006600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "c1-pro", description: "C1-Pro ARM Processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "c1-ultra", description: "C1-Ultra ARM Processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000000000, 0x0000000000006600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "call-saved-x10", description: "Make X10 callee saved.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "call-saved-x11", description: "Make X11 callee saved.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "call-saved-x12", description: "Make X12 callee saved.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "call-saved-x13", description: "Make X13 callee saved.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "call-saved-x14", description: "Make X14 callee saved.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "call-saved-x15", description: "Make X15 callee saved.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "call-saved-x18", description: "Make X18 callee saved.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "call-saved-x8", description: "Make X8 callee saved.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "call-saved-x9", description: "Make X9 callee saved.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "carmel", description: "Nvidia Carmel processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "ccdp", description: "Enable Armv8.5-A Cache Clean to Point of Deep Persistence", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ccidx", description: "Enable Armv8.3-A Extend of the CCSIDR number of sets", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ccpp", description: "Enable Armv8.2-A data Cache Clean to Point of Persistence", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "chk", description: "Enable Armv8.0-A Check Feature Status Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "clrbhb", description: "Enable Clear BHB instruction", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "cmh", description: "Enable Armv9.7-A Contention Management Hints", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "cmp-bcc-fusion", description: "CPU fuses cmp+bcc operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "cmpbr", description: "Enable Armv9.6-A base compare and branch instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "complxnum", description: "Enable Armv8.3-A Floating-point complex number support", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "cortex-a725", description: "Cortex-A725 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "cortex-r82", description: "Cortex-R82 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "cortex-r82ae", description: "Cortex-R82-AE ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "cortex-x1", description: "Cortex-X1 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040800000, 0x0000010000002000, 0x0000000000000600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "cortex-x2", description: "Cortex-X2 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000002000, 0x0000000000000600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "cortex-x3", description: "Cortex-X3 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000000000, 0x0000000000000600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "cortex-x4", description: "Cortex-X4 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000000000, 0x0000000000006600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "cortex-x925", description: "Cortex-X925 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000000000, 0x0000000000006600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "cpa", description: "Enable Armv9.5-A Checked Pointer Arithmetic", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "crc", description: "Enable Armv8.0-A CRC-32 checksum instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "crypto", description: "Enable cryptographic instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x1000000000000000, 0x0000200000000000, 0x0001000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "cssc", description: "Enable Common Short Sequence Compression (CSSC) instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "d128", description: "Enable Armv9.4-A 128-bit Page Table Descriptors, System Registers and instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000180000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "disable-fast-inc-vl", description: "Do not prefer INC/DEC, ALL, { 1, 2, 4 } over ADDVL", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "disable-latency-sched-heuristic", description: "Disable latency scheduling heuristic", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "disable-ldp", description: "Do not emit ldp", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "disable-maximize-scalable-bandwidth", description: "Determine the maximum scalable vector length for a loop by the largest scalar type rather than the smallest", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "disable-stp", description: "Do not emit stp", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "disable-unpredicated-ld-st-lower", description: "Disable lowering unpredicated loads/stores as LDR/STR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "dit", description: "Enable Armv8.4-A Data Independent Timing instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "dotprod", description: "Enable dot product support", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ecv", description: "Enable enhanced counter virtualization extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "el2vmsa", description: "Enable Exception Level 2 Virtual Memory System Architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "el3", description: "Enable Exception Level 3", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "enable-select-opt", description: "Enable the select optimize pass for select loop heuristics", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "ete", description: "Enable Embedded Trace Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0040000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "execute-only", description: "Enable the generation of execute only code.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "exynos-cheap-as-move", description: "Use Exynos specific handling of cheap instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "exynosm3", description: "Samsung Exynos-M3 processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0800080000000000, 0x000000200000a680, 0x0000000000000200, 0x0800000000010000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "exynosm4", description: "Samsung Exynos-M4 processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0003000040000000, 0x0800080000000000, 0x000000200000ae80, 0x0000000000000000, 0x0800000000010000, 0x0000000018000000]), tuning: true },
    FeatureRow { name: "f16f32dot", description: "Enable Armv9.7-A Advanced SIMD half-precision dot product accumulate to single-precision", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000040, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "f16f32mm", description: "Enable Armv9.7-A Advanced SIMD half-precision matrix multiply-accumulate to single-precision", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000040, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "f16mm", description: "Enable Armv9.7-A non-widening half-precision matrix multiply-accumulate", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000040, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "f32mm", description: "Enable Matrix Multiply FP32 Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000040, 0x0000000000000000, 0x0000000000080000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "f64mm", description: "Enable Matrix Multiply FP64 Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000040, 0x0000000000000000, 0x0000000000080000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "f8f16mm", description: "Enable Armv9.6-A FP8 to Half-Precision Matrix Multiplication", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x5000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "f8f32mm", description: "Enable Armv9.6-A FP8 to Single-Precision Matrix Multiplication", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x5000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "falkor", description: "Qualcomm Falkor processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000000000000000, 0x0000002000000000, 0x0010000000000200, 0x0800000000010000, 0x0000000018000000]), tuning: true },
    FeatureRow { name: "faminmax", description: "Enable FAMIN and FAMAX instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fgt", description: "Enable fine grained virtualization traps extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fix-cortex-a53-835769", description: "Mitigate Cortex-A53 Erratum 835769", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "flagm", description: "Enable Armv8.4-A Flag Manipulation instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fmv", description: "Enable Function Multi Versioning support.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "force-32bit-jump-tables", description: "Force jump table entries to be 32-bits wide except at MinSize", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fp-armv8", description: "Enable Armv8.0-A Floating Point Extensions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fp16fml", description: "Enable FP16 FML instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000040, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fp8", description: "Enable FP8 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fp8dot2", description: "Enable FP8 2-way dot instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x5000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fp8dot4", description: "Enable FP8 4-way dot instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x5000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fp8fma", description: "Enable Armv9.5-A FP8 multiply-add instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x5000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fpac", description: "Enable Armv8.3-A Pointer Authentication Faulting enhancement", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fprcvt", description: "Enable Armv9.6-A base convert instructions for SIMD&FP scalar register operands of different input and output sizes", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fptoint", description: "Enable FRInt[32|64][Z|X] instructions that round a floating-point number to an integer (in FP format) forcing it to fit into a 32- or 64-bit int", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fujitsu-monaka", description: "Fujitsu FUJITSU-MONAKA processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0001000000000000, 0x0000010000000000, 0x0000000000000000, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fullfp16", description: "Enable half-precision floating-point data processing", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "fuse-address", description: "CPU fuses address generation and memory operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fuse-addsub-2reg-const1", description: "CPU fuses (a + b + 1) and (a - b - 1)", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fuse-adrp-add", description: "CPU fuses adrp+add operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fuse-aes", description: "CPU fuses AES crypto operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fuse-arith-logic", description: "CPU fuses arithmetic and logic operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fuse-crypto-eor", description: "CPU fuses AES/PMULL and EOR operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fuse-csel", description: "CPU can fuse CMP and CSEL operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fuse-cset", description: "CPU can fuse CMP and CSET operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "fuse-literals", description: "CPU fuses literal generation operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "gcie", description: "Enable GICv5 (Generic Interrupt Controller) CPU Interface Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "gcs", description: "Enable Armv9.4-A Guarded Call Stack Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000400, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "harden-sls-blr", description: "Harden against straight line speculation across BLR instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "harden-sls-nocomdat", description: "Generate thunk code for SLS mitigation in the normal text section", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "harden-sls-retbr", description: "Harden against straight line speculation across RET and BR instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "hbc", description: "Enable Armv8.8-A Hinted Conditional Branches Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "hcx", description: "Enable Armv8.7-A HCRX_EL2 system register", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "i8mm", description: "Enable Matrix Multiply Int8 Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ite", description: "Enable Armv9.4-A Instrumentation Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000020000000000, 0x0000000000000000, 0x0000000000000000, 0x0040000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "jsconv", description: "Enable Armv8.3-A JavaScript FP conversion instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "kryo", description: "Qualcomm Kryo processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000000000000000, 0x0000002000000000, 0x0000000000000200, 0x0800000000010000, 0x0000000018000000]), tuning: true },
    FeatureRow { name: "ldp-aligned-only", description: "In order to emit ldp, first check if the load will be aligned to 2 * element_size", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "lor", description: "Enable Armv8.1-A Limited Ordering Regions extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ls64", description: "Enable Armv8.7-A LD64B/ST64B Accelerator Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "lscp", description: "Enable Armv9.7-A Load-acquire and store-release pair extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "lse", description: "Enable Armv8.1-A Large System Extension (LSE) atomic instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "lse128", description: "Enable Armv9.4-A 128-bit Atomic instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000080000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "lse2", description: "Enable Armv8.4-A Large System Extension 2 (LSE2) atomicity rules", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "lsfe", description: "Enable Armv9.6-A base Atomic floating-point in-memory instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "lsui", description: "Enable Armv9.6-A unprivileged load/store instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "lut", description: "Enable Lookup Table instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "max-interleave-factor-4", description: "Set the MaxInterleaveFactor to 4 (from the default 2)", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "mec", description: "Enable Memory Encryption Contexts Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000100000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "mops", description: "Enable Armv8.8-A memcpy and memset acceleration instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "mops-go", description: "Enable memset acceleration granule only", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000088000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "mpam", description: "Enable Armv8.4-A Memory system Partitioning and Monitoring extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "mpamv2", description: "Enable Armv9.7-A MPAMv2 Lookaside Buffer Invalidate instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "mte", description: "Enable Memory Tagging Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "mtetc", description: "Enable Virtual Memory Tagging Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000080000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "neon", description: "Enable Advanced SIMD instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "neoverse512tvb", description: "Neoverse 512-TVB ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000000000, 0x0000002000000600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "neoversee1", description: "Neoverse E1 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "neoversen1", description: "Neoverse N1 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040800000, 0x0000010000000000, 0x0000000000000600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "neoversen2", description: "Neoverse N2 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010100000000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "neoversen3", description: "Neoverse N3 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000000000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "neoversev1", description: "Neoverse V1 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040800000, 0x0000010100000000, 0x0400000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "neoversev2", description: "Neoverse V2 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010040002000, 0x0000002000006600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "neoversev3", description: "Neoverse V3 ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000000000, 0x0000002000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "neoversev3AE", description: "Neoverse V3AE ARM processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000000000, 0x0000002000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "nmi", description: "Enable Armv8.8-A Non-maskable Interrupts", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "no-bti-at-return-twice", description: "Don't place a BTI instruction after a return-twice", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "no-neg-immediates", description: "Convert immediates and instructions to their negated or complemented equivalent when the immediate does not fit in the encoding.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "no-sve-fp-ld1r", description: "Avoid using LD1RX instructions for FP", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "no-zcz-fpr64", description: "Has no zero-cycle zeroing instructions for FPR64 registers", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "nv", description: "Enable Armv8.4-A Nested Virtualization Enchancement", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "occmo", description: "Enable Armv9.6-A Outer cacheable cache maintenance operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "olympus", description: "NVIDIA Olympus processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000002000, 0x0000002000000600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "oryon-1", description: "Nuvia Inc Oryon processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x328001f802008280, 0x10002222928016d0, 0x0023c0000005a44e, 0xc920400000000120, 0x000000000002008f]), tuning: true },
    FeatureRow { name: "outline-atomics", description: "Enable out of line atomics to support LSE instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "pan", description: "Enable Armv8.1-A Privileged Access-Never extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "pan-rwv", description: "Enable Armv8.2-A PAN s1e1R and s1e1W Variants", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000002, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "pauth", description: "Enable Armv8.3-A Pointer Authentication extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "pauth-lr", description: "Enable Armv9.5-A PAC enhancements", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "pcdphint", description: "Enable Armv9.6-A Producer Consumer Data Placement hints", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "perfmon", description: "Enable Armv8.0-A PMUv3 Performance Monitors extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "poe2", description: "Enable Stage 1 Permission Overlays Extension 2 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "pops", description: "Enable Armv9.6-A Point Of Physical Storage (PoPS) DC instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "predictable-select-expensive", description: "Prefer likely predicted branches over selects", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "predres", description: "Enable Armv8.5-A execution and data prediction invalidation instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "prfm-slc-target", description: "Enable SLC target for PRFM instruction", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "rand", description: "Enable Random Number generation instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ras", description: "Enable Armv8.0-A Reliability, Availability and Serviceability Extensions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "rasv2", description: "Enable Armv8.9-A Reliability, Availability and Serviceability Extensions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000002000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "rcpc", description: "Enable support for RCPC extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "rcpc-immo", description: "Enable Armv8.4-A RCPC instructions with Immediate Offsets", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000008000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "rcpc3", description: "Enable Armv8.9-A RCPC instructions for A64 and Advanced SIMD and floating-point instruction set", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000018000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "rdm", description: "Enable Armv8.1-A Rounding Double Multiply Add/Subtract instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-lr-for-ra", description: "Reserve LR for call use only", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x1", description: "Reserve X1, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x10", description: "Reserve X10, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x11", description: "Reserve X11, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x12", description: "Reserve X12, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x13", description: "Reserve X13, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x14", description: "Reserve X14, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x15", description: "Reserve X15, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x18", description: "Reserve X18, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x2", description: "Reserve X2, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x20", description: "Reserve X20, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x21", description: "Reserve X21, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x22", description: "Reserve X22, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x23", description: "Reserve X23, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x24", description: "Reserve X24, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x25", description: "Reserve X25, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x26", description: "Reserve X26, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x27", description: "Reserve X27, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x28", description: "Reserve X28, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x3", description: "Reserve X3, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x4", description: "Reserve X4, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x5", description: "Reserve X5, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x6", description: "Reserve X6, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x7", description: "Reserve X7, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "reserve-x9", description: "Reserve X9, making it unavailable as a GPR", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "rme", description: "Enable Realm Management Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "saphira", description: "Qualcomm Saphira processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000000000000000, 0x0000002000000000, 0x0000000000000200, 0x0800000000010000, 0x0000000018000000]), tuning: true },
    FeatureRow { name: "sb", description: "Enable Armv8.5-A Speculation Barrier", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sel2", description: "Enable Armv8.4-A Secure Exception Level 2 extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sha2", description: "Enable SHA1 and SHA256 support", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sha3", description: "Enable SHA512 and SHA3 support", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0001000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "slow-misaligned-128store", description: "Misaligned 128 bit stores are slow", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "slow-paired-128", description: "Paired 128 bit loads and stores are slow", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "slow-strqro-store", description: "STR of Q register with register offset is slow", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "sm4", description: "Enable SM3 and SM4 support", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme", description: "Enable Scalable Matrix Extension (SME)", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme-b16b16", description: "Enable SME2.1 ZA-targeting non-widening BFloat16 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000400002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme-f16f16", description: "Enable SME non-widening Float16 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme-f64f64", description: "Enable Scalable Matrix Extension (SME) F64F64 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme-f8f16", description: "Enable Scalable Matrix Extension (SME) F8F16 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x5000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme-f8f32", description: "Enable Scalable Matrix Extension (SME) F8F32 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x5000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme-fa64", description: "Enable the full A64 instruction set in streaming SVE mode", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000020080000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme-i16i64", description: "Enable Scalable Matrix Extension (SME) I16I64 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme-lutv2", description: "Enable Scalable Matrix Extension (SME) LUTv2 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme-mop4", description: "Enable SME Quarter-tile outer product instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme-tmop", description: "Enable SME Structured sparsity outer product instructions.", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme2", description: "Enable Scalable Matrix Extension 2 (SME2) instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme2p1", description: "Enable Scalable Matrix Extension 2.1 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme2p2", description: "Enable Armv9.6-A Scalable Matrix Extension 2.2 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000006, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sme2p3", description: "Enable Armv9.7-A Scalable Matrix Extension 2.3 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x000000000000000e, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "spe", description: "Enable Statistical Profiling extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "spe-eef", description: "Enable extra register in the Statistical Profiling Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "specres2", description: "Enable Speculation Restriction Instruction", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000400, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "specrestrict", description: "Enable architectural speculation restriction", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ssbs", description: "Enable Speculative Store Bypass Safe bit", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ssve-aes", description: "Enable Armv9.6-A SVE AES support in streaming SVE mode", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000001000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000100002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ssve-bitperm", description: "Enable Armv9.6-A SVE BitPerm support in streaming SVE mode", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000002000002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ssve-fexpa", description: "Enable SVE FEXPA instruction in Streaming SVE mode", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x1000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ssve-fp8dot2", description: "Enable SVE2 FP8 2-way dot product instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x5000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ssve-fp8dot4", description: "Enable SVE2 FP8 4-way dot product instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x5000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "ssve-fp8fma", description: "Enable SVE2 FP8 multiply-add instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0020000000000000, 0x5000000000000000, 0x0000200000000040, 0x0040000000000000, 0x0000000000000002, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "store-pair-suppress", description: "Enable Store Pair Suppression heuristics", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "stp-aligned-only", description: "In order to emit stp, first check if the store will be aligned to 2 * element_size", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "strict-align", description: "Disallow all unaligned memory access", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "sve", description: "Enable Scalable Vector Extension (SVE) instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000040, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve-aes", description: "Enable SVE AES and quadword SVE polynomial multiply instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x1000000000000000, 0x0000200000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve-aes2", description: "Enable Armv9.6-A SVE multi-vector AES and multi-vector quadword polynomial multiply instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve-b16b16", description: "Enable SVE2 non-widening and SME2 Z-targeting non-widening BFloat16 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve-b16mm", description: "Enable Armv9.7-A SVE non-widening BFloat16 matrix multiply-accumulate", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000040, 0x0000000000000000, 0x0000000000080000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve-bfscale", description: "Enable Armv9.6-A SVE BFloat16 scaling instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve-bitperm", description: "Enable bit permutation SVE2 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve-f16f32mm", description: "Enable Armv9.6-A FP16 to FP32 Matrix Multiply instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000040, 0x0000000000000000, 0x0000000000080000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve-sha3", description: "Enable SVE SHA3 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0003000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve-sm4", description: "Enable SVE SM4 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000000, 0x0020000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve2", description: "Enable Scalable Vector Extension 2 (SVE2) instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000040, 0x0000000000000000, 0x0000000000080000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve2-aes", description: "Shorthand for +sve2+sve-aes", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x1000000000000000, 0x0000200000000040, 0x0000000000000000, 0x0000000020180000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve2-bitperm", description: "Shorthand for +sve2+sve-bitperm", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000040, 0x0000000000000000, 0x0000000022080000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve2-sha3", description: "Shorthand for +sve2+sve-sha3", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000040, 0x0003000000000000, 0x0000000028080000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve2-sm4", description: "Shorthand for +sve2+sve-sm4", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000200000000040, 0x0020000000000000, 0x0000000030080000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve2p1", description: "Enable Scalable Vector Extension 2.1 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000040, 0x0000000000000000, 0x0000000020080000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve2p2", description: "Enable Armv9.6-A Scalable Vector Extension 2.2 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000040, 0x0000000000000000, 0x0000000420080000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "sve2p3", description: "Enable Armv9.7-A Scalable Vector Extension 2.3 instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000000000000000, 0x0000000000000040, 0x0000000000000000, 0x0000000c20080000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tagged-globals", description: "Use an instruction sequence for taking the address of a global that allows a memory tag in the upper address bits", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tev", description: "Enable TIndex Exception-like Vector instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "the", description: "Enable Armv8.9-A Translation Hardening Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "thunderx", description: "Cavium ThunderX processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000200, 0x0800000000010000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "thunderx2t99", description: "Cavium ThunderX2 processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0001000002000000, 0x0000000000000000, 0x0000002000000000, 0x0000000000000200, 0x0800000000010000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "thunderx3t110", description: "Marvell ThunderX3 processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0011000002000000, 0x0000000000000000, 0x0000002000000000, 0x0000000000000200, 0x0800000000050000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "thunderxt81", description: "Cavium ThunderX processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000200, 0x0800000000010000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "thunderxt83", description: "Cavium ThunderX processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000200, 0x0800000000010000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "thunderxt88", description: "Cavium ThunderX processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000200, 0x0800000000010000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "tlb-rmi", description: "Enable Armv8.4-A TLB Range and Maintenance instructions", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tlbid", description: "Enable Armv9.7-A TLBI Domains extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tlbiw", description: "Enable Armv9.5-A TLBI VMALL for Dirty State", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tpidr-el1", description: "Permit use of TPIDR_EL1 for the TLS base", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tpidr-el2", description: "Permit use of TPIDR_EL2 for the TLS base", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tpidr-el3", description: "Permit use of TPIDR_EL3 for the TLS base", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tpidrro-el0", description: "Permit use of TPIDRRO_EL0 for the TLS base", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tracev8.4", description: "Enable Armv8.4-A Trace extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "trbe", description: "Enable Trace Buffer Extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "tsv110", description: "HiSilicon TS-V110 processors", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000400, 0x0000000000000000, 0x0800000000010000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "uaops", description: "Enable Armv8.2-A UAO PState", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "use-experimental-zeroing-pseudos", description: "Hint to the compiler that the MOVPRFX instruction is merged with destructive operations", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "use-fixed-over-scalable-if-equal-cost", description: "Prefer fixed width loop vectorization over scalable if the cost-model assigns equal costs", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "use-postra-scheduler", description: "Schedule again after register allocation", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "use-reciprocal-square-root", description: "Use the reciprocal square root approximation", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "use-wzr-to-vec-move", description: "Move from WZR to insert 0 into vector registers", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "v8.1a", description: "Support ARM v8.1a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000001, 0x100000c002000000, 0x0000200090000000, 0x0000000000040002, 0x0000000000000000, 0x0000000000020080]), tuning: false },
    FeatureRow { name: "v8.2a", description: "Support ARM v8.2a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000001, 0x100000c002000200, 0x0000200090000000, 0x0000000000042006, 0x4100000000000000, 0x0000000000020080]), tuning: false },
    FeatureRow { name: "v8.3a", description: "Support ARM v8.3a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000001, 0x100000c002008200, 0x0000200092000000, 0x000000000004a00e, 0xc100000000000000, 0x0000000000020080]), tuning: false },
    FeatureRow { name: "v8.4a", description: "Support ARM v8.4a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000080000001, 0x120000d802008200, 0x1000220292000000, 0x000080000005a00e, 0xc120400000000000, 0x0000000000020081]), tuning: false },
    FeatureRow { name: "v8.5a", description: "Support ARM v8.5a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00800000a0000001, 0x120000d802008280, 0x1000220292000010, 0x0000c0000005a40e, 0xc120400000000100, 0x0000000000020083]), tuning: false },
    FeatureRow { name: "v8.6a", description: "Support ARM v8.6a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x128000f802008280, 0x1000220292800010, 0x0000c0000005a40e, 0xc120400000000100, 0x0000000000020087]), tuning: false },
    FeatureRow { name: "v8.7a", description: "Support ARM v8.7a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x128000f802008280, 0x1000220292c00010, 0x0000c0000005a40e, 0xc120400000000100, 0x00000000000e008f]), tuning: false },
    FeatureRow { name: "v8.8a", description: "Support ARM v8.8a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x128000f802008280, 0x1080228292e00010, 0x0000c0000005a40e, 0xc120400000000100, 0x00000000000e009f]), tuning: false },
    FeatureRow { name: "v8.9a", description: "Support ARM v8.9a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x128000f80a008e80, 0x1080228292e00010, 0x0000c0000005ec0e, 0xc120400000000180, 0x00000000000e00bf]), tuning: false },
    FeatureRow { name: "v8a", description: "Support ARM v8a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x000000c000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "v8r", description: "Support ARM v8r architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000001, 0x0200000802000200, 0x0000000080000000, 0x000080000001a00e, 0x0120400000000100, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "v9.1a", description: "Support ARM v9.1a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x128000f802008280, 0x1000220292800010, 0x0000c0000005a40e, 0xc120400000000100, 0x000000000003008f]), tuning: false },
    FeatureRow { name: "v9.2a", description: "Support ARM v9.2a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x128000f802008280, 0x1000220292c00010, 0x0000c0000005a40e, 0xc120400000000100, 0x00000000000f029f]), tuning: false },
    FeatureRow { name: "v9.3a", description: "Support ARM v9.3a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x128000f802008280, 0x1080228292e00010, 0x0000c0000005a40e, 0xc120400000000100, 0x00000000000f06bf]), tuning: false },
    FeatureRow { name: "v9.4a", description: "Support ARM v9.4a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x128000f80a008e80, 0x1080228292e00010, 0x0000c0000005ec0e, 0xc120400000000180, 0x00000000000f0eff]), tuning: false },
    FeatureRow { name: "v9.5a", description: "Support ARM v9.5a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x128000f80b008e80, 0x1080228292e00010, 0x0000c0000005ec0e, 0xc120400000000180, 0x00000000000f1eff]), tuning: false },
    FeatureRow { name: "v9.6a", description: "Support ARM v9.6a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x128000f80b00ce80, 0x3080228a92e00010, 0x0000c0000005ec0e, 0xc120400000000180, 0x00000000000f3eff]), tuning: false },
    FeatureRow { name: "v9.7a", description: "Support ARM v9.7a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x128040f80b00ce80, 0x3080228a92e00058, 0x0000c0000005ec0e, 0xc120401c20080180, 0x00000000000f7eff]), tuning: false },
    FeatureRow { name: "v9a", description: "Support ARM v9a architecture", implies: FeatureSet::from_words(Arch::Aarch64, [0x00800000a0000001, 0x120000d802008280, 0x1000220292000010, 0x0000c0000005a40e, 0xc120400000000100, 0x0000000000020087]), tuning: false },
    FeatureRow { name: "vh", description: "Enable Armv8.1-A Virtual Host extension", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000001, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "wfxt", description: "Enable Armv8.7-A WFET and WFIT instruction", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "xs", description: "Enable Armv8.7-A limited-TLB-maintenance instruction", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "zcm-fpr128", description: "Has zero-cycle register moves for FPR128 registers", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "zcm-fpr32", description: "Has zero-cycle register moves for FPR32 registers", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "zcm-fpr64", description: "Has zero-cycle register moves for FPR64 registers", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "zcm-gpr32", description: "Has zero-cycle register moves for GPR32 registers", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: false },
    FeatureRow { name: "zcm-gpr64", description: "Has zero-cycle register moves for GPR64 registers", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "zcz-fp-workaround", description: "The zero-cycle floating-point zeroing instruction has a bug", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "zcz-fpr128", description: "Has zero-cycle zeroing instructions for FPR128 registers", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "zcz-gpr32", description: "Has zero-cycle zeroing instructions for GPR32 registers", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
    FeatureRow { name: "zcz-gpr64", description: "Has zero-cycle zeroing instructions for GPR64 registers", implies: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]), tuning: true },
];

pub(crate) static CPUS: &[CpuRow] = &[
    CpuRow { name: "a64fx", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000c002008200, 0x0000200090000040, 0x0001000000042046, 0xc100000000080000, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0001000002000200, 0x0000000400000000, 0x0000002000000000, 0x0000000000000200, 0x0800000000010000, 0x0000000000000000]) },
    CpuRow { name: "ampere1", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x128000f802008380, 0x1000220292800050, 0x0003c0000005b44e, 0xc120400000000300, 0x000000000002008f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0001000142000000, 0x0000000000002000, 0x0000002008008680, 0x0000000000000000, 0x0800000000030000, 0x0000000000000000]) },
    CpuRow { name: "ampere1a", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x128000f802008380, 0x10002a0292800050, 0x0023c0000005b44e, 0xc120400000000300, 0x000000000002008f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0001000242000000, 0x0000000000002000, 0x0000002008008780, 0x0000000000000000, 0x0800000000030000, 0x0000000000000000]) },
    CpuRow { name: "ampere1b", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x128000f80a008380, 0x10002a0292c00050, 0x0023c0000005b44e, 0xc120400000000300, 0x00000000000e009f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0001000442000000, 0x0000010000002000, 0x0000002008008680, 0x0000000000000200, 0x0800000000030000, 0x0000000000000000]) },
    CpuRow { name: "ampere1c", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x72c000f80a008380, 0x10002a1292c00052, 0x0023c0000005b44e, 0xc120400038580300, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0001000842000000, 0x0000010000002000, 0x0000002000008680, 0x0000000000000200, 0x0800000000010000, 0x0000000000000000]) },
    CpuRow { name: "apple-a10", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000c002000000, 0x0000200010000000, 0x0001000000040042, 0x0000000000000000, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003002010000000, 0x0000000040000000, 0x0800000000001400, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]) },
    CpuRow { name: "apple-a11", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000c002000200, 0x0000200090000040, 0x0001000000042046, 0xc100000000000000, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003004010000000, 0x0000000040000000, 0x0800000000001400, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]) },
    CpuRow { name: "apple-a12", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000c002008200, 0x0000200092000040, 0x000100000004a04e, 0xc100000000000000, 0x0000000000020081]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003008010000000, 0x0000000040000000, 0x0800000000001400, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]) },
    CpuRow { name: "apple-a13", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000081000001, 0x320000d802008200, 0x1000220292000040, 0x000380000005a04e, 0xc120400000000000, 0x0000000000020083]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003010010000000, 0x0000000040000000, 0x0800000000001400, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]) },
    CpuRow { name: "apple-a14", features: FeatureSet::from_words(Arch::Aarch64, [0x00000000a1000001, 0x320000d802008280, 0x1000220292000050, 0x0003c0000005a44e, 0xc120400000000300, 0x0000000000020083]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003020012000000, 0x0000000040000000, 0x080000200000bc80, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]) },
    CpuRow { name: "apple-a15", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x328000f802008280, 0x1000220292800054, 0x0003c0000005a44e, 0xc120400000000300, 0x000000000002008f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003040010000000, 0x0000000040000000, 0x080000200000be80, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]) },
    CpuRow { name: "apple-a16", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x328000f802008280, 0x1000220292c00054, 0x0003c0000005a44e, 0xc120400000000300, 0x000000000002008f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003080010000000, 0x0000000040000000, 0x080000200000be80, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]) },
    CpuRow { name: "apple-a17", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x328000f802008280, 0x1000220292c00054, 0x0003c0000005a44e, 0xc120400000000300, 0x000000000002008f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003100010000000, 0x0000000040000000, 0x080000200000be80, 0x0000000000000000, 0x0000000000010000, 0x000000001d100000]) },
    CpuRow { name: "apple-a7", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c000000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003200010000000, 0x0000000040000000, 0x0800000000001400, 0x0000000000000000, 0x0000000000010000, 0x000000001f100000]) },
    CpuRow { name: "apple-m4", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x328000f802008280, 0x1000220292c00054, 0x2243c0000005a44e, 0xc120400000000102, 0x00000000000e009f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003400010000000, 0x0000000040000000, 0x080000200000be80, 0x0000000000000000, 0x0000000000000000, 0x000000001d100000]) },
    CpuRow { name: "apple-m5", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x328000f80a008280, 0x10002a0292e00054, 0x23c3c0000005a44e, 0xc120400000400186, 0x00000000000e009f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003800010000000, 0x0000000040000000, 0x080000200000be80, 0x0000000000000000, 0x0000000000000000, 0x000000001d100000]) },
    CpuRow { name: "c1-nano", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008f80, 0x10802a8292e00054, 0x0040c0000007a44e, 0xc160400022080382, 0x00000000000f0ebf]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0200000000000000, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x2c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "c1-premium", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008f80, 0x10802a8292e00054, 0x0040c0000007a44e, 0xc1604000220803e2, 0x00000000000f0ebf]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0408000040000000, 0x0000010000000000, 0x0000000000006600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "c1-pro", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008f80, 0x10802a8292e00054, 0x0040c0000007a44e, 0xc1604000220803e2, 0x00000000000f0ebf]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0800000040000000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "c1-ultra", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008f80, 0x10802a8292e00054, 0x0040c0000007a44e, 0xc1604000220803e2, 0x00000000000f0ebf]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x1008000040000000, 0x0000010000000000, 0x0000000000006600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "carmel", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000c002000200, 0x0000200090000040, 0x0001000000042006, 0xc100000000000000, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000040, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a320", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008380, 0x10002a0292c00050, 0x0000c0000005a44e, 0xc160400022080300, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000004000002, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x2c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a34", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000004, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a35", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000004, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a510", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00000a0000001, 0x320002d802008380, 0x10002a0292800054, 0x0000c0000005a44e, 0xc160400022080300, 0x0000000000030087]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000008, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x2c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a520", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008380, 0x10002a0292c00054, 0x0000c0000005a44e, 0xc160400022080300, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000010, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x2c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a520ae", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008380, 0x10002a0292c00054, 0x0000c0000005a44e, 0xc160400022080300, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000020, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x2800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a53", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0010000000000040, 0x0000000000000000, 0x0000000000000600, 0x0000000000000000, 0x2800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a55", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x000100000004a046, 0xc100000000000000, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000080, 0x0000000000000000, 0x0000000000000680, 0x0000000000000000, 0x2800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a57", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0010000000800100, 0x0000010000000000, 0x0000002000008600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a65", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x000100000004a046, 0xc100000000000200, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000400, 0x0000010000000000, 0x0000000000008680, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a65ae", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x000100000004a046, 0xc100000000000200, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000400, 0x0000010000000000, 0x0000000000008680, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a710", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00000a0000001, 0x320002d802008380, 0x10002a0292800054, 0x0000c0000005a44e, 0xc160400022080300, 0x0000000000030087]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000800, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a715", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00000a0000001, 0x320002d802008380, 0x10002a0292800054, 0x0000c0000005a44e, 0xc160400022080320, 0x0000000000030087]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040001000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a72", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000802000, 0x0000010000000000, 0x0000000000008600, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a720", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008380, 0x10002a0292c00054, 0x0000c0000005a44e, 0xc160400022080360, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040004000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a720ae", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008380, 0x10002a0292c00054, 0x0000c0000005a44e, 0xc160400022080360, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040008000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a725", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008380, 0x10002a0292c00054, 0x0000c0000005a44e, 0xc160400022080360, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000012000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a73", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000810000, 0x0000010000000000, 0x0000000000000600, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a75", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x000100000004a046, 0xc100000000000000, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000820000, 0x0000010000000000, 0x0000000000000600, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a76", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x000100000004a046, 0xc100000000000200, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040840000, 0x0000010000000000, 0x0000000000000600, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a76ae", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x000100000004a046, 0xc100000000000200, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040840000, 0x0000010000000000, 0x0000000000000600, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a77", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x000100000004a046, 0xc100000000000200, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040880000, 0x0000010000002000, 0x0000000000000600, 0x0000000000000200, 0x0000000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a78", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x000100000004a046, 0xc100000000000220, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040900000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a78ae", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x000100000004a046, 0xc100000000000220, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040a00000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-a78c", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x120000d002000200, 0x0000200090000040, 0x000100000004a04e, 0xc100000000000220, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040c00000, 0x0000010000002000, 0x0000000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-r82", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000001, 0x3200001802008280, 0x0000200082000044, 0x0000c0000005a44e, 0x0120400000000300, 0x0000000000000100]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000020000, 0x0000000000000000, 0x0000000000000000, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-r82ae", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000001, 0x3200001802008280, 0x0000200082000044, 0x0000c0000005a44e, 0x0120400000000300, 0x0000000000000100]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000040000, 0x0000000000000000, 0x0000000000000000, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-x1", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x000100000004a046, 0xc100000000000220, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040800000, 0x0000010000082000, 0x0000000000000600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-x1c", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x120000d002000200, 0x0000200290000040, 0x000100000005a04e, 0xc100000000000220, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040800000, 0x0000010000082000, 0x0000000000000600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-x2", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00000a0000001, 0x320002d802008380, 0x10002a0292800054, 0x0000c0000005a44e, 0xc160400022080300, 0x0000000000030087]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000102000, 0x0000000000000600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-x3", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00000a0000001, 0x320002d802008380, 0x10002a0292800054, 0x0000c0000005a44e, 0xc160400022080320, 0x0000000000030087]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000200000, 0x0000000000000600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-x4", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008380, 0x10002a0292c00054, 0x0000c0000005a44e, 0xc160400022080360, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000400000, 0x0000000000006600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "cortex-x925", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008380, 0x10002a0292c00054, 0x0000c0000005a44e, 0xc160400022080360, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000800000, 0x0000000000006600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "exynos-m3", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0800180000000000, 0x000000200000a680, 0x0000000000000200, 0x0800000000010000, 0x0000000000000000]) },
    CpuRow { name: "exynos-m4", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x0001000000042046, 0xc100000000000000, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003000040000000, 0x0800280000000000, 0x000000200000ae80, 0x0000000000000000, 0x0800000000010000, 0x0000000018000000]) },
    CpuRow { name: "exynos-m5", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x0001000000042046, 0xc100000000000000, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0003000040000000, 0x0800280000000000, 0x000000200000ae80, 0x0000000000000000, 0x0800000000010000, 0x0000000018000000]) },
    CpuRow { name: "falkor", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000040040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0020000000000000, 0x0000002000000000, 0x0010000000000200, 0x0800000000010000, 0x0000000018000000]) },
    CpuRow { name: "fujitsu-monaka", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0xf2c002f802008b80, 0x108022d2b2e00057, 0x0023d0000005b44e, 0xc16040003a180380, 0x00000000000f0ebf]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0001000000000000, 0x0000010000000000, 0x0000000000000020, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "gb10", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x328002f802008380, 0x10002a0292c00054, 0x0023c0000005a44e, 0xc16040003a180360, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000800000, 0x0000000000006600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "generic", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x1000020000000000, 0x0000200000000000, 0x0000000000000000, 0x0040000000000000, 0x0000000000000000]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000010000000000, 0x0000000000000600, 0x0000000000000000, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "grace", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00000a1000001, 0x320002d802008380, 0x10002a0292800054, 0x0023c0000005a44e, 0xc16040003a180320, 0x0000000000030087]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010040002000, 0x0010002000006600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "kryo", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000000000000000, 0x0000002004000000, 0x0000000000000200, 0x0800000000010000, 0x0000000018000000]) },
    CpuRow { name: "neoverse-512tvb", features: FeatureSet::from_words(Arch::Aarch64, [0x0020000081000001, 0x320000d802008380, 0x1000220292800044, 0x002380000005b04e, 0xc120400000080220, 0x0000000000020083]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000000000, 0x0000402000000600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "neoverse-e1", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x000100000004a046, 0xc100000000000200, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000800000000600, 0x0000000000000000, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "neoverse-n1", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000d002000200, 0x0000200090000040, 0x000100000004a046, 0xc100000000000220, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040800000, 0x0000010000000000, 0x0001000000000600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "neoverse-n2", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00000a0000001, 0x320002d802008380, 0x10002a0292800054, 0x0000c0000005a44e, 0xc160400022080300, 0x0000000000030087]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010100000000, 0x0002000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "neoverse-n3", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a0000001, 0x328002f802008380, 0x10002a0292c00054, 0x0000c0000005b44e, 0xc160400022080360, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000000000, 0x0004000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "neoverse-v1", features: FeatureSet::from_words(Arch::Aarch64, [0x0020000081000001, 0x320000d802008380, 0x1000220292800040, 0x002380000005b04e, 0xc120400000080220, 0x0000000000020083]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040800000, 0x0000010100000000, 0x0408000000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "neoverse-v2", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00000a0000001, 0x320002d802008380, 0x10002a0292800054, 0x0000c0000005b44e, 0xc160400022080320, 0x0000000000030087]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010040002000, 0x0010002000006600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "neoverse-v3", features: FeatureSet::from_words(Arch::Aarch64, [0x00e00010a0000001, 0x328002f802008380, 0x10002a02b2c00054, 0x0000d0000005b44e, 0xc160400022080360, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000000000, 0x0020002000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "neoverse-v3ae", features: FeatureSet::from_words(Arch::Aarch64, [0x00e00010a0000001, 0x328002f802008380, 0x10002a02b2c00054, 0x0000d0000005b44e, 0xc160400022080360, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0008000040000000, 0x0000010000000000, 0x0040002000006600, 0x0000000000000200, 0x0800000000000000, 0x0000000000000000]) },
    CpuRow { name: "olympus", features: FeatureSet::from_words(Arch::Aarch64, [0x00e00010a1000001, 0xf2c002f802008780, 0x10002a52b2c00057, 0x0023d0000005b44e, 0xc16040003a180360, 0x00000000000f069f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000010000002000, 0x4000002000000600, 0x0000000000000200, 0x0c00000000000000, 0x0000000000000000]) },
    CpuRow { name: "oryon-1", features: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x128000f802008380, 0x1000220292800010, 0x0023c0000005b44e, 0xc120400000000320, 0x000000000002008f]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x00a00010a1000001, 0x328001f802008280, 0x90002222928016d0, 0x0023c0000005a44e, 0xc920400000000120, 0x000000000002008f]) },
    CpuRow { name: "saphira", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000081000001, 0x120000d802008300, 0x1000220292000000, 0x000180000005a04e, 0xc120400000000020, 0x0000000000020083]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000040000000, 0x0000000000000000, 0x0000002000000000, 0x0000200000000200, 0x0800000000010000, 0x0000000018000000]) },
    CpuRow { name: "thunderx", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000200, 0x0800010000010000, 0x0000000000000000]) },
    CpuRow { name: "thunderx2t99", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000c002000000, 0x0000200090000000, 0x0001000000040002, 0x4000000000000000, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0001000002000000, 0x0000000000000000, 0x0000002000000000, 0x0000000000000200, 0x0800020000010000, 0x0000000000000000]) },
    CpuRow { name: "thunderx3t110", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x100000c002008300, 0x0000200092000000, 0x000100000004a04e, 0xc100000000000000, 0x0000000000020081]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0011000002000000, 0x0000000000000000, 0x0000002000000000, 0x0000000000000200, 0x0800040000050000, 0x0000000000000000]) },
    CpuRow { name: "thunderxt81", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000200, 0x0800080000010000, 0x0000000000000000]) },
    CpuRow { name: "thunderxt83", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000200, 0x0800100000010000, 0x0000000000000000]) },
    CpuRow { name: "thunderxt88", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000000, 0x100000c002000000, 0x0000200000000000, 0x0001000000000040, 0x0000000000000000, 0x0000000000000080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000200, 0x0800200000010000, 0x0000000000000000]) },
    CpuRow { name: "tsv110", features: FeatureSet::from_words(Arch::Aarch64, [0x0000000001000001, 0x300000d002008200, 0x0000200092000040, 0x0001000000042046, 0xc100000000000020, 0x0000000000020080]), tuning: FeatureSet::from_words(Arch::Aarch64, [0x0000000000000000, 0x0000000000000000, 0x0000000000000400, 0x0000000000000000, 0x0880000000010000, 0x0000000000000000]) },
];

pub(crate) static ALIASES: &[AliasRow] = &[
    AliasRow { name: "apple-a18", cpu: 14 },
    AliasRow { name: "apple-a19", cpu: 15 },
    AliasRow { name: "apple-a8", cpu: 13 },
    AliasRow { name: "apple-a9", cpu: 13 },
    AliasRow { name: "apple-m1", cpu: 9 },
    AliasRow { name: "apple-m2", cpu: 10 },
    AliasRow { name: "apple-m3", cpu: 11 },
    AliasRow { name: "apple-s10", cpu: 11 },
    AliasRow { name: "apple-s4", cpu: 7 },
    AliasRow { name: "apple-s5", cpu: 7 },
    AliasRow { name: "apple-s6", cpu: 8 },
    AliasRow { name: "apple-s7", cpu: 8 },
    AliasRow { name: "apple-s8", cpu: 8 },
    AliasRow { name: "apple-s9", cpu: 11 },
    AliasRow { name: "cobalt-100", cpu: 66 },
    AliasRow { name: "cyclone", cpu: 13 },
];

/// `CONTEXTIDREL2`: Enable RW operand CONTEXTIDR\_EL2
pub const CONTEXTIDREL2: Feature = Feature::from_index(Arch::Aarch64, 0);

/// `a320`: Cortex-A320 ARM processors
pub const A320: Feature = Feature::from_index(Arch::Aarch64, 1);

/// `a35`: Cortex-A35 ARM processors
pub const A35: Feature = Feature::from_index(Arch::Aarch64, 2);

/// `a510`: Cortex-A510 ARM processors
pub const A510: Feature = Feature::from_index(Arch::Aarch64, 3);

/// `a520`: Cortex-A520 ARM processors
pub const A520: Feature = Feature::from_index(Arch::Aarch64, 4);

/// `a520ae`: Cortex-A520AE ARM processors
pub const A520AE: Feature = Feature::from_index(Arch::Aarch64, 5);

/// `a53`: Cortex-A53 ARM processors
pub const A53: Feature = Feature::from_index(Arch::Aarch64, 6);

/// `a55`: Cortex-A55 ARM processors
pub const A55: Feature = Feature::from_index(Arch::Aarch64, 7);

/// `a57`: Cortex-A57 ARM processors
pub const A57: Feature = Feature::from_index(Arch::Aarch64, 8);

/// `a64fx`: Fujitsu A64FX processors
pub const A64FX: Feature = Feature::from_index(Arch::Aarch64, 9);

/// `a65`: Cortex-A65 ARM processors
pub const A65: Feature = Feature::from_index(Arch::Aarch64, 10);

/// `a710`: Cortex-A710 ARM processors
pub const A710: Feature = Feature::from_index(Arch::Aarch64, 11);

/// `a715`: Cortex-A715 ARM processors
pub const A715: Feature = Feature::from_index(Arch::Aarch64, 12);

/// `a72`: Cortex-A72 ARM processors
pub const A72: Feature = Feature::from_index(Arch::Aarch64, 13);

/// `a720`: Cortex-A720 ARM processors
pub const A720: Feature = Feature::from_index(Arch::Aarch64, 14);

/// `a720ae`: Cortex-A720AE ARM processors
pub const A720AE: Feature = Feature::from_index(Arch::Aarch64, 15);

/// `a73`: Cortex-A73 ARM processors
pub const A73: Feature = Feature::from_index(Arch::Aarch64, 16);

/// `a75`: Cortex-A75 ARM processors
pub const A75: Feature = Feature::from_index(Arch::Aarch64, 17);

/// `a76`: Cortex-A76 ARM processors
pub const A76: Feature = Feature::from_index(Arch::Aarch64, 18);

/// `a77`: Cortex-A77 ARM processors
pub const A77: Feature = Feature::from_index(Arch::Aarch64, 19);

/// `a78`: Cortex-A78 ARM processors
pub const A78: Feature = Feature::from_index(Arch::Aarch64, 20);

/// `a78ae`: Cortex-A78AE ARM processors
pub const A78AE: Feature = Feature::from_index(Arch::Aarch64, 21);

/// `a78c`: Cortex-A78C ARM processors
pub const A78C: Feature = Feature::from_index(Arch::Aarch64, 22);

/// `addr-lsl-slow-14`: Address operands with shift amount of 1 or 4 are slow
pub const ADDR_LSL_SLOW_14: Feature = Feature::from_index(Arch::Aarch64, 23);

/// `aes`: Enable AES support
pub const AES: Feature = Feature::from_index(Arch::Aarch64, 24);

/// `aggressive-fma`: Enable Aggressive FMA for floating-point.
pub const AGGRESSIVE_FMA: Feature = Feature::from_index(Arch::Aarch64, 25);

/// `aggressive-interleaving`: Make use of aggressive interleaving during vectorization
pub const AGGRESSIVE_INTERLEAVING: Feature = Feature::from_index(Arch::Aarch64, 26);

/// `all`: Enable all instructions
pub const ALL: Feature = Feature::from_index(Arch::Aarch64, 27);

/// `alternate-sextload-cvt-f32-pattern`: Use alternative pattern for sextload convert to f32
pub const ALTERNATE_SEXTLOAD_CVT_F32_PATTERN: Feature = Feature::from_index(Arch::Aarch64, 28);

/// `altnzcv`: Enable alternative NZCV format for floating point comparisons
pub const ALTNZCV: Feature = Feature::from_index(Arch::Aarch64, 29);

/// `alu-lsl-fast`: Add/Sub operations with lsl shift \<= 4 are cheap
pub const ALU_LSL_FAST: Feature = Feature::from_index(Arch::Aarch64, 30);

/// `am`: Enable Armv8.4-A Activity Monitors extension
pub const AM: Feature = Feature::from_index(Arch::Aarch64, 31);

/// `ampere1`: Ampere Computing Ampere-1 processors
pub const AMPERE1: Feature = Feature::from_index(Arch::Aarch64, 32);

/// `ampere1a`: Ampere Computing Ampere-1A processors
pub const AMPERE1A: Feature = Feature::from_index(Arch::Aarch64, 33);

/// `ampere1b`: Ampere Computing Ampere-1B processors
pub const AMPERE1B: Feature = Feature::from_index(Arch::Aarch64, 34);

/// `ampere1c`: Ampere Computing Ampere-1C processors
pub const AMPERE1C: Feature = Feature::from_index(Arch::Aarch64, 35);

/// `amvs`: Enable Armv8.6-A Activity Monitors Virtualization support
pub const AMVS: Feature = Feature::from_index(Arch::Aarch64, 36);

/// `apple-a10`: Apple A10
pub const APPLE_A10: Feature = Feature::from_index(Arch::Aarch64, 37);

/// `apple-a11`: Apple A11
pub const APPLE_A11: Feature = Feature::from_index(Arch::Aarch64, 38);

/// `apple-a12`: Apple A12
pub const APPLE_A12: Feature = Feature::from_index(Arch::Aarch64, 39);

/// `apple-a13`: Apple A13
pub const APPLE_A13: Feature = Feature::from_index(Arch::Aarch64, 40);

/// `apple-a14`: Apple A14
pub const APPLE_A14: Feature = Feature::from_index(Arch::Aarch64, 41);

/// `apple-a15`: Apple A15
pub const APPLE_A15: Feature = Feature::from_index(Arch::Aarch64, 42);

/// `apple-a16`: Apple A16
pub const APPLE_A16: Feature = Feature::from_index(Arch::Aarch64, 43);

/// `apple-a17`: Apple A17
pub const APPLE_A17: Feature = Feature::from_index(Arch::Aarch64, 44);

/// `apple-a7`: Apple A7 (the CPU formerly known as Cyclone)
pub const APPLE_A7: Feature = Feature::from_index(Arch::Aarch64, 45);

/// `apple-m4`: Apple M4
pub const APPLE_M4: Feature = Feature::from_index(Arch::Aarch64, 46);

/// `apple-m5`: Apple M5
pub const APPLE_M5: Feature = Feature::from_index(Arch::Aarch64, 47);

/// `arith-bcc-fusion`: CPU fuses arithmetic+bcc operations
pub const ARITH_BCC_FUSION: Feature = Feature::from_index(Arch::Aarch64, 48);

/// `arith-cbz-fusion`: CPU fuses arithmetic + cbz/cbnz operations
pub const ARITH_CBZ_FUSION: Feature = Feature::from_index(Arch::Aarch64, 49);

/// `ascend-store-address`: Schedule vector stores by ascending address
pub const ASCEND_STORE_ADDRESS: Feature = Feature::from_index(Arch::Aarch64, 50);

/// `avoid-ldapur`: Prefer add+ldapr to offset ldapur
pub const AVOID_LDAPUR: Feature = Feature::from_index(Arch::Aarch64, 51);

/// `balance-fp-ops`: balance mix of odd and even D-registers for fp multiply(-accumulate) ops
pub const BALANCE_FP_OPS: Feature = Feature::from_index(Arch::Aarch64, 52);

/// `bf16`: Enable BFloat16 Extension
pub const BF16: Feature = Feature::from_index(Arch::Aarch64, 53);

/// `brbe`: Enable Branch Record Buffer Extension
pub const BRBE: Feature = Feature::from_index(Arch::Aarch64, 54);

/// `bti`: Enable Branch Target Identification
pub const BTI: Feature = Feature::from_index(Arch::Aarch64, 55);

/// `btie`: Enable Enhanced Branch Target Identification extension
pub const BTIE: Feature = Feature::from_index(Arch::Aarch64, 56);

/// `c1-nano`: C1-Nano ARM Processors
pub const C1_NANO: Feature = Feature::from_index(Arch::Aarch64, 57);

/// `c1-premium`: C1-Premium ARM Processors
pub const C1_PREMIUM: Feature = Feature::from_index(Arch::Aarch64, 58);

/// `c1-pro`: C1-Pro ARM Processors
pub const C1_PRO: Feature = Feature::from_index(Arch::Aarch64, 59);

/// `c1-ultra`: C1-Ultra ARM Processors
pub const C1_ULTRA: Feature = Feature::from_index(Arch::Aarch64, 60);

/// `call-saved-x10`: Make X10 callee saved.
pub const CALL_SAVED_X10: Feature = Feature::from_index(Arch::Aarch64, 61);

/// `call-saved-x11`: Make X11 callee saved.
pub const CALL_SAVED_X11: Feature = Feature::from_index(Arch::Aarch64, 62);

/// `call-saved-x12`: Make X12 callee saved.
pub const CALL_SAVED_X12: Feature = Feature::from_index(Arch::Aarch64, 63);

/// `call-saved-x13`: Make X13 callee saved.
pub const CALL_SAVED_X13: Feature = Feature::from_index(Arch::Aarch64, 64);

/// `call-saved-x14`: Make X14 callee saved.
pub const CALL_SAVED_X14: Feature = Feature::from_index(Arch::Aarch64, 65);

/// `call-saved-x15`: Make X15 callee saved.
pub const CALL_SAVED_X15: Feature = Feature::from_index(Arch::Aarch64, 66);

/// `call-saved-x18`: Make X18 callee saved.
pub const CALL_SAVED_X18: Feature = Feature::from_index(Arch::Aarch64, 67);

/// `call-saved-x8`: Make X8 callee saved.
pub const CALL_SAVED_X8: Feature = Feature::from_index(Arch::Aarch64, 68);

/// `call-saved-x9`: Make X9 callee saved.
pub const CALL_SAVED_X9: Feature = Feature::from_index(Arch::Aarch64, 69);

/// `carmel`: Nvidia Carmel processors
pub const CARMEL: Feature = Feature::from_index(Arch::Aarch64, 70);

/// `ccdp`: Enable Armv8.5-A Cache Clean to Point of Deep Persistence
pub const CCDP: Feature = Feature::from_index(Arch::Aarch64, 71);

/// `ccidx`: Enable Armv8.3-A Extend of the CCSIDR number of sets
pub const CCIDX: Feature = Feature::from_index(Arch::Aarch64, 72);

/// `ccpp`: Enable Armv8.2-A data Cache Clean to Point of Persistence
pub const CCPP: Feature = Feature::from_index(Arch::Aarch64, 73);

/// `chk`: Enable Armv8.0-A Check Feature Status Extension
pub const CHK: Feature = Feature::from_index(Arch::Aarch64, 74);

/// `clrbhb`: Enable Clear BHB instruction
pub const CLRBHB: Feature = Feature::from_index(Arch::Aarch64, 75);

/// `cmh`: Enable Armv9.7-A Contention Management Hints
pub const CMH: Feature = Feature::from_index(Arch::Aarch64, 76);

/// `cmp-bcc-fusion`: CPU fuses cmp+bcc operations
pub const CMP_BCC_FUSION: Feature = Feature::from_index(Arch::Aarch64, 77);

/// `cmpbr`: Enable Armv9.6-A base compare and branch instructions
pub const CMPBR: Feature = Feature::from_index(Arch::Aarch64, 78);

/// `complxnum`: Enable Armv8.3-A Floating-point complex number support
pub const COMPLXNUM: Feature = Feature::from_index(Arch::Aarch64, 79);

/// `cortex-a725`: Cortex-A725 ARM processors
pub const CORTEX_A725: Feature = Feature::from_index(Arch::Aarch64, 80);

/// `cortex-r82`: Cortex-R82 ARM processors
pub const CORTEX_R82: Feature = Feature::from_index(Arch::Aarch64, 81);

/// `cortex-r82ae`: Cortex-R82-AE ARM processors
pub const CORTEX_R82AE: Feature = Feature::from_index(Arch::Aarch64, 82);

/// `cortex-x1`: Cortex-X1 ARM processors
pub const CORTEX_X1: Feature = Feature::from_index(Arch::Aarch64, 83);

/// `cortex-x2`: Cortex-X2 ARM processors
pub const CORTEX_X2: Feature = Feature::from_index(Arch::Aarch64, 84);

/// `cortex-x3`: Cortex-X3 ARM processors
pub const CORTEX_X3: Feature = Feature::from_index(Arch::Aarch64, 85);

/// `cortex-x4`: Cortex-X4 ARM processors
pub const CORTEX_X4: Feature = Feature::from_index(Arch::Aarch64, 86);

/// `cortex-x925`: Cortex-X925 ARM processors
pub const CORTEX_X925: Feature = Feature::from_index(Arch::Aarch64, 87);

/// `cpa`: Enable Armv9.5-A Checked Pointer Arithmetic
pub const CPA: Feature = Feature::from_index(Arch::Aarch64, 88);

/// `crc`: Enable Armv8.0-A CRC-32 checksum instructions
pub const CRC: Feature = Feature::from_index(Arch::Aarch64, 89);

/// `crypto`: Enable cryptographic instructions
pub const CRYPTO: Feature = Feature::from_index(Arch::Aarch64, 90);

/// `cssc`: Enable Common Short Sequence Compression (CSSC) instructions
pub const CSSC: Feature = Feature::from_index(Arch::Aarch64, 91);

/// `d128`: Enable Armv9.4-A 128-bit Page Table Descriptors, System Registers and instructions
pub const D128: Feature = Feature::from_index(Arch::Aarch64, 92);

/// `disable-fast-inc-vl`: Do not prefer INC/DEC, ALL, { 1, 2, 4 } over ADDVL
pub const DISABLE_FAST_INC_VL: Feature = Feature::from_index(Arch::Aarch64, 93);

/// `disable-latency-sched-heuristic`: Disable latency scheduling heuristic
pub const DISABLE_LATENCY_SCHED_HEURISTIC: Feature = Feature::from_index(Arch::Aarch64, 94);

/// `disable-ldp`: Do not emit ldp
pub const DISABLE_LDP: Feature = Feature::from_index(Arch::Aarch64, 95);

/// `disable-maximize-scalable-bandwidth`: Determine the maximum scalable vector length for a loop by the largest scalar type rather than the smallest
pub const DISABLE_MAXIMIZE_SCALABLE_BANDWIDTH: Feature = Feature::from_index(Arch::Aarch64, 96);

/// `disable-stp`: Do not emit stp
pub const DISABLE_STP: Feature = Feature::from_index(Arch::Aarch64, 97);

/// `disable-unpredicated-ld-st-lower`: Disable lowering unpredicated loads/stores as LDR/STR
pub const DISABLE_UNPREDICATED_LD_ST_LOWER: Feature = Feature::from_index(Arch::Aarch64, 98);

/// `dit`: Enable Armv8.4-A Data Independent Timing instructions
pub const DIT: Feature = Feature::from_index(Arch::Aarch64, 99);

/// `dotprod`: Enable dot product support
pub const DOTPROD: Feature = Feature::from_index(Arch::Aarch64, 100);

/// `ecv`: Enable enhanced counter virtualization extension
pub const ECV: Feature = Feature::from_index(Arch::Aarch64, 101);

/// `el2vmsa`: Enable Exception Level 2 Virtual Memory System Architecture
pub const EL2VMSA: Feature = Feature::from_index(Arch::Aarch64, 102);

/// `el3`: Enable Exception Level 3
pub const EL3: Feature = Feature::from_index(Arch::Aarch64, 103);

/// `enable-select-opt`: Enable the select optimize pass for select loop heuristics
pub const ENABLE_SELECT_OPT: Feature = Feature::from_index(Arch::Aarch64, 104);

/// `ete`: Enable Embedded Trace Extension
pub const ETE: Feature = Feature::from_index(Arch::Aarch64, 105);

/// `execute-only`: Enable the generation of execute only code.
pub const EXECUTE_ONLY: Feature = Feature::from_index(Arch::Aarch64, 106);

/// `exynos-cheap-as-move`: Use Exynos specific handling of cheap instructions
pub const EXYNOS_CHEAP_AS_MOVE: Feature = Feature::from_index(Arch::Aarch64, 107);

/// `exynosm3`: Samsung Exynos-M3 processors
pub const EXYNOSM3: Feature = Feature::from_index(Arch::Aarch64, 108);

/// `exynosm4`: Samsung Exynos-M4 processors
pub const EXYNOSM4: Feature = Feature::from_index(Arch::Aarch64, 109);

/// `f16f32dot`: Enable Armv9.7-A Advanced SIMD half-precision dot product accumulate to single-precision
pub const F16F32DOT: Feature = Feature::from_index(Arch::Aarch64, 110);

/// `f16f32mm`: Enable Armv9.7-A Advanced SIMD half-precision matrix multiply-accumulate to single-precision
pub const F16F32MM: Feature = Feature::from_index(Arch::Aarch64, 111);

/// `f16mm`: Enable Armv9.7-A non-widening half-precision matrix multiply-accumulate
pub const F16MM: Feature = Feature::from_index(Arch::Aarch64, 112);

/// `f32mm`: Enable Matrix Multiply FP32 Extension
pub const F32MM: Feature = Feature::from_index(Arch::Aarch64, 113);

/// `f64mm`: Enable Matrix Multiply FP64 Extension
pub const F64MM: Feature = Feature::from_index(Arch::Aarch64, 114);

/// `f8f16mm`: Enable Armv9.6-A FP8 to Half-Precision Matrix Multiplication
pub const F8F16MM: Feature = Feature::from_index(Arch::Aarch64, 115);

/// `f8f32mm`: Enable Armv9.6-A FP8 to Single-Precision Matrix Multiplication
pub const F8F32MM: Feature = Feature::from_index(Arch::Aarch64, 116);

/// `falkor`: Qualcomm Falkor processors
pub const FALKOR: Feature = Feature::from_index(Arch::Aarch64, 117);

/// `faminmax`: Enable FAMIN and FAMAX instructions
pub const FAMINMAX: Feature = Feature::from_index(Arch::Aarch64, 118);

/// `fgt`: Enable fine grained virtualization traps extension
pub const FGT: Feature = Feature::from_index(Arch::Aarch64, 119);

/// `fix-cortex-a53-835769`: Mitigate Cortex-A53 Erratum 835769
pub const FIX_CORTEX_A53_835769: Feature = Feature::from_index(Arch::Aarch64, 120);

/// `flagm`: Enable Armv8.4-A Flag Manipulation instructions
pub const FLAGM: Feature = Feature::from_index(Arch::Aarch64, 121);

/// `fmv`: Enable Function Multi Versioning support.
pub const FMV: Feature = Feature::from_index(Arch::Aarch64, 122);

/// `force-32bit-jump-tables`: Force jump table entries to be 32-bits wide except at MinSize
pub const FORCE_32BIT_JUMP_TABLES: Feature = Feature::from_index(Arch::Aarch64, 123);

/// `fp-armv8`: Enable Armv8.0-A Floating Point Extensions
pub const FP_ARMV8: Feature = Feature::from_index(Arch::Aarch64, 124);

/// `fp16fml`: Enable FP16 FML instructions
pub const FP16FML: Feature = Feature::from_index(Arch::Aarch64, 125);

/// `fp8`: Enable FP8 instructions
pub const FP8: Feature = Feature::from_index(Arch::Aarch64, 126);

/// `fp8dot2`: Enable FP8 2-way dot instructions
pub const FP8DOT2: Feature = Feature::from_index(Arch::Aarch64, 127);

/// `fp8dot4`: Enable FP8 4-way dot instructions
pub const FP8DOT4: Feature = Feature::from_index(Arch::Aarch64, 128);

/// `fp8fma`: Enable Armv9.5-A FP8 multiply-add instructions
pub const FP8FMA: Feature = Feature::from_index(Arch::Aarch64, 129);

/// `fpac`: Enable Armv8.3-A Pointer Authentication Faulting enhancement
pub const FPAC: Feature = Feature::from_index(Arch::Aarch64, 130);

/// `fprcvt`: Enable Armv9.6-A base convert instructions for SIMD&FP scalar register operands of different input and output sizes
pub const FPRCVT: Feature = Feature::from_index(Arch::Aarch64, 131);

/// `fptoint`: Enable FRInt\[32|64\]\[Z|X\] instructions that round a floating-point number to an integer (in FP format) forcing it to fit into a 32- or 64-bit int
pub const FPTOINT: Feature = Feature::from_index(Arch::Aarch64, 132);

/// `fujitsu-monaka`: Fujitsu FUJITSU-MONAKA processors
pub const FUJITSU_MONAKA: Feature = Feature::from_index(Arch::Aarch64, 133);

/// `fullfp16`: Enable half-precision floating-point data processing
pub const FULLFP16: Feature = Feature::from_index(Arch::Aarch64, 134);

/// `fuse-address`: CPU fuses address generation and memory operations
pub const FUSE_ADDRESS: Feature = Feature::from_index(Arch::Aarch64, 135);

/// `fuse-addsub-2reg-const1`: CPU fuses (a + b + 1) and (a - b - 1)
pub const FUSE_ADDSUB_2REG_CONST1: Feature = Feature::from_index(Arch::Aarch64, 136);

/// `fuse-adrp-add`: CPU fuses adrp+add operations
pub const FUSE_ADRP_ADD: Feature = Feature::from_index(Arch::Aarch64, 137);

/// `fuse-aes`: CPU fuses AES crypto operations
pub const FUSE_AES: Feature = Feature::from_index(Arch::Aarch64, 138);

/// `fuse-arith-logic`: CPU fuses arithmetic and logic operations
pub const FUSE_ARITH_LOGIC: Feature = Feature::from_index(Arch::Aarch64, 139);

/// `fuse-crypto-eor`: CPU fuses AES/PMULL and EOR operations
pub const FUSE_CRYPTO_EOR: Feature = Feature::from_index(Arch::Aarch64, 140);

/// `fuse-csel`: CPU can fuse CMP and CSEL operations
pub const FUSE_CSEL: Feature = Feature::from_index(Arch::Aarch64, 141);

/// `fuse-cset`: CPU can fuse CMP and CSET operations
pub const FUSE_CSET: Feature = Feature::from_index(Arch::Aarch64, 142);

/// `fuse-literals`: CPU fuses literal generation operations
pub const FUSE_LITERALS: Feature = Feature::from_index(Arch::Aarch64, 143);

/// `gcie`: Enable GICv5 (Generic Interrupt Controller) CPU Interface Extension
pub const GCIE: Feature = Feature::from_index(Arch::Aarch64, 144);

/// `gcs`: Enable Armv9.4-A Guarded Call Stack Extension
pub const GCS: Feature = Feature::from_index(Arch::Aarch64, 145);

/// `harden-sls-blr`: Harden against straight line speculation across BLR instructions
pub const HARDEN_SLS_BLR: Feature = Feature::from_index(Arch::Aarch64, 146);

/// `harden-sls-nocomdat`: Generate thunk code for SLS mitigation in the normal text section
pub const HARDEN_SLS_NOCOMDAT: Feature = Feature::from_index(Arch::Aarch64, 147);

/// `harden-sls-retbr`: Harden against straight line speculation across RET and BR instructions
pub const HARDEN_SLS_RETBR: Feature = Feature::from_index(Arch::Aarch64, 148);

/// `hbc`: Enable Armv8.8-A Hinted Conditional Branches Extension
pub const HBC: Feature = Feature::from_index(Arch::Aarch64, 149);

/// `hcx`: Enable Armv8.7-A HCRX\_EL2 system register
pub const HCX: Feature = Feature::from_index(Arch::Aarch64, 150);

/// `i8mm`: Enable Matrix Multiply Int8 Extension
pub const I8MM: Feature = Feature::from_index(Arch::Aarch64, 151);

/// `ite`: Enable Armv9.4-A Instrumentation Extension
pub const ITE: Feature = Feature::from_index(Arch::Aarch64, 152);

/// `jsconv`: Enable Armv8.3-A JavaScript FP conversion instructions
pub const JSCONV: Feature = Feature::from_index(Arch::Aarch64, 153);

/// `kryo`: Qualcomm Kryo processors
pub const KRYO: Feature = Feature::from_index(Arch::Aarch64, 154);

/// `ldp-aligned-only`: In order to emit ldp, first check if the load will be aligned to 2 \* element\_size
pub const LDP_ALIGNED_ONLY: Feature = Feature::from_index(Arch::Aarch64, 155);

/// `lor`: Enable Armv8.1-A Limited Ordering Regions extension
pub const LOR: Feature = Feature::from_index(Arch::Aarch64, 156);

/// `ls64`: Enable Armv8.7-A LD64B/ST64B Accelerator Extension
pub const LS64: Feature = Feature::from_index(Arch::Aarch64, 157);

/// `lscp`: Enable Armv9.7-A Load-acquire and store-release pair extension
pub const LSCP: Feature = Feature::from_index(Arch::Aarch64, 158);

/// `lse`: Enable Armv8.1-A Large System Extension (LSE) atomic instructions
pub const LSE: Feature = Feature::from_index(Arch::Aarch64, 159);

/// `lse128`: Enable Armv9.4-A 128-bit Atomic instructions
pub const LSE128: Feature = Feature::from_index(Arch::Aarch64, 160);

/// `lse2`: Enable Armv8.4-A Large System Extension 2 (LSE2) atomicity rules
pub const LSE2: Feature = Feature::from_index(Arch::Aarch64, 161);

/// `lsfe`: Enable Armv9.6-A base Atomic floating-point in-memory instructions
pub const LSFE: Feature = Feature::from_index(Arch::Aarch64, 162);

/// `lsui`: Enable Armv9.6-A unprivileged load/store instructions
pub const LSUI: Feature = Feature::from_index(Arch::Aarch64, 163);

/// `lut`: Enable Lookup Table instructions
pub const LUT: Feature = Feature::from_index(Arch::Aarch64, 164);

/// `max-interleave-factor-4`: Set the MaxInterleaveFactor to 4 (from the default 2)
pub const MAX_INTERLEAVE_FACTOR_4: Feature = Feature::from_index(Arch::Aarch64, 165);

/// `mec`: Enable Memory Encryption Contexts Extension
pub const MEC: Feature = Feature::from_index(Arch::Aarch64, 166);

/// `mops`: Enable Armv8.8-A memcpy and memset acceleration instructions
pub const MOPS: Feature = Feature::from_index(Arch::Aarch64, 167);

/// `mops-go`: Enable memset acceleration granule only
pub const MOPS_GO: Feature = Feature::from_index(Arch::Aarch64, 168);

/// `mpam`: Enable Armv8.4-A Memory system Partitioning and Monitoring extension
pub const MPAM: Feature = Feature::from_index(Arch::Aarch64, 169);

/// `mpamv2`: Enable Armv9.7-A MPAMv2 Lookaside Buffer Invalidate instructions
pub const MPAMV2: Feature = Feature::from_index(Arch::Aarch64, 170);

/// `mte`: Enable Memory Tagging Extension
pub const MTE: Feature = Feature::from_index(Arch::Aarch64, 171);

/// `mtetc`: Enable Virtual Memory Tagging Extension
pub const MTETC: Feature = Feature::from_index(Arch::Aarch64, 172);

/// `neon`: Enable Advanced SIMD instructions
pub const NEON: Feature = Feature::from_index(Arch::Aarch64, 173);

/// `neoverse512tvb`: Neoverse 512-TVB ARM processors
pub const NEOVERSE512TVB: Feature = Feature::from_index(Arch::Aarch64, 174);

/// `neoversee1`: Neoverse E1 ARM processors
pub const NEOVERSEE1: Feature = Feature::from_index(Arch::Aarch64, 175);

/// `neoversen1`: Neoverse N1 ARM processors
pub const NEOVERSEN1: Feature = Feature::from_index(Arch::Aarch64, 176);

/// `neoversen2`: Neoverse N2 ARM processors
pub const NEOVERSEN2: Feature = Feature::from_index(Arch::Aarch64, 177);

/// `neoversen3`: Neoverse N3 ARM processors
pub const NEOVERSEN3: Feature = Feature::from_index(Arch::Aarch64, 178);

/// `neoversev1`: Neoverse V1 ARM processors
pub const NEOVERSEV1: Feature = Feature::from_index(Arch::Aarch64, 179);

/// `neoversev2`: Neoverse V2 ARM processors
pub const NEOVERSEV2: Feature = Feature::from_index(Arch::Aarch64, 180);

/// `neoversev3`: Neoverse V3 ARM processors
pub const NEOVERSEV3: Feature = Feature::from_index(Arch::Aarch64, 181);

/// `neoversev3AE`: Neoverse V3AE ARM processors
pub const NEOVERSEV3AE: Feature = Feature::from_index(Arch::Aarch64, 182);

/// `nmi`: Enable Armv8.8-A Non-maskable Interrupts
pub const NMI: Feature = Feature::from_index(Arch::Aarch64, 183);

/// `no-bti-at-return-twice`: Don't place a BTI instruction after a return-twice
pub const NO_BTI_AT_RETURN_TWICE: Feature = Feature::from_index(Arch::Aarch64, 184);

/// `no-neg-immediates`: Convert immediates and instructions to their negated or complemented equivalent when the immediate does not fit in the encoding.
pub const NO_NEG_IMMEDIATES: Feature = Feature::from_index(Arch::Aarch64, 185);

/// `no-sve-fp-ld1r`: Avoid using LD1RX instructions for FP
pub const NO_SVE_FP_LD1R: Feature = Feature::from_index(Arch::Aarch64, 186);

/// `no-zcz-fpr64`: Has no zero-cycle zeroing instructions for FPR64 registers
pub const NO_ZCZ_FPR64: Feature = Feature::from_index(Arch::Aarch64, 187);

/// `nv`: Enable Armv8.4-A Nested Virtualization Enchancement
pub const NV: Feature = Feature::from_index(Arch::Aarch64, 188);

/// `occmo`: Enable Armv9.6-A Outer cacheable cache maintenance operations
pub const OCCMO: Feature = Feature::from_index(Arch::Aarch64, 189);

/// `olympus`: NVIDIA Olympus processors
pub const OLYMPUS: Feature = Feature::from_index(Arch::Aarch64, 190);

/// `oryon-1`: Nuvia Inc Oryon processors
pub const ORYON_1: Feature = Feature::from_index(Arch::Aarch64, 191);

/// `outline-atomics`: Enable out of line atomics to support LSE instructions
pub const OUTLINE_ATOMICS: Feature = Feature::from_index(Arch::Aarch64, 192);

/// `pan`: Enable Armv8.1-A Privileged Access-Never extension
pub const PAN: Feature = Feature::from_index(Arch::Aarch64, 193);

/// `pan-rwv`: Enable Armv8.2-A PAN s1e1R and s1e1W Variants
pub const PAN_RWV: Feature = Feature::from_index(Arch::Aarch64, 194);

/// `pauth`: Enable Armv8.3-A Pointer Authentication extension
pub const PAUTH: Feature = Feature::from_index(Arch::Aarch64, 195);

/// `pauth-lr`: Enable Armv9.5-A PAC enhancements
pub const PAUTH_LR: Feature = Feature::from_index(Arch::Aarch64, 196);

/// `pcdphint`: Enable Armv9.6-A Producer Consumer Data Placement hints
pub const PCDPHINT: Feature = Feature::from_index(Arch::Aarch64, 197);

/// `perfmon`: Enable Armv8.0-A PMUv3 Performance Monitors extension
pub const PERFMON: Feature = Feature::from_index(Arch::Aarch64, 198);

/// `poe2`: Enable Stage 1 Permission Overlays Extension 2 instructions
pub const POE2: Feature = Feature::from_index(Arch::Aarch64, 199);

/// `pops`: Enable Armv9.6-A Point Of Physical Storage (PoPS) DC instructions
pub const POPS: Feature = Feature::from_index(Arch::Aarch64, 200);

/// `predictable-select-expensive`: Prefer likely predicted branches over selects
pub const PREDICTABLE_SELECT_EXPENSIVE: Feature = Feature::from_index(Arch::Aarch64, 201);

/// `predres`: Enable Armv8.5-A execution and data prediction invalidation instructions
pub const PREDRES: Feature = Feature::from_index(Arch::Aarch64, 202);

/// `prfm-slc-target`: Enable SLC target for PRFM instruction
pub const PRFM_SLC_TARGET: Feature = Feature::from_index(Arch::Aarch64, 203);

/// `rand`: Enable Random Number generation instructions
pub const RAND: Feature = Feature::from_index(Arch::Aarch64, 204);

/// `ras`: Enable Armv8.0-A Reliability, Availability and Serviceability Extensions
pub const RAS: Feature = Feature::from_index(Arch::Aarch64, 205);

/// `rasv2`: Enable Armv8.9-A Reliability, Availability and Serviceability Extensions
pub const RASV2: Feature = Feature::from_index(Arch::Aarch64, 206);

/// `rcpc`: Enable support for RCPC extension
pub const RCPC: Feature = Feature::from_index(Arch::Aarch64, 207);

/// `rcpc-immo`: Enable Armv8.4-A RCPC instructions with Immediate Offsets
pub const RCPC_IMMO: Feature = Feature::from_index(Arch::Aarch64, 208);

/// `rcpc3`: Enable Armv8.9-A RCPC instructions for A64 and Advanced SIMD and floating-point instruction set
pub const RCPC3: Feature = Feature::from_index(Arch::Aarch64, 209);

/// `rdm`: Enable Armv8.1-A Rounding Double Multiply Add/Subtract instructions
pub const RDM: Feature = Feature::from_index(Arch::Aarch64, 210);

/// `reserve-lr-for-ra`: Reserve LR for call use only
pub const RESERVE_LR_FOR_RA: Feature = Feature::from_index(Arch::Aarch64, 211);

/// `reserve-x1`: Reserve X1, making it unavailable as a GPR
pub const RESERVE_X1: Feature = Feature::from_index(Arch::Aarch64, 212);

/// `reserve-x10`: Reserve X10, making it unavailable as a GPR
pub const RESERVE_X10: Feature = Feature::from_index(Arch::Aarch64, 213);

/// `reserve-x11`: Reserve X11, making it unavailable as a GPR
pub const RESERVE_X11: Feature = Feature::from_index(Arch::Aarch64, 214);

/// `reserve-x12`: Reserve X12, making it unavailable as a GPR
pub const RESERVE_X12: Feature = Feature::from_index(Arch::Aarch64, 215);

/// `reserve-x13`: Reserve X13, making it unavailable as a GPR
pub const RESERVE_X13: Feature = Feature::from_index(Arch::Aarch64, 216);

/// `reserve-x14`: Reserve X14, making it unavailable as a GPR
pub const RESERVE_X14: Feature = Feature::from_index(Arch::Aarch64, 217);

/// `reserve-x15`: Reserve X15, making it unavailable as a GPR
pub const RESERVE_X15: Feature = Feature::from_index(Arch::Aarch64, 218);

/// `reserve-x18`: Reserve X18, making it unavailable as a GPR
pub const RESERVE_X18: Feature = Feature::from_index(Arch::Aarch64, 219);

/// `reserve-x2`: Reserve X2, making it unavailable as a GPR
pub const RESERVE_X2: Feature = Feature::from_index(Arch::Aarch64, 220);

/// `reserve-x20`: Reserve X20, making it unavailable as a GPR
pub const RESERVE_X20: Feature = Feature::from_index(Arch::Aarch64, 221);

/// `reserve-x21`: Reserve X21, making it unavailable as a GPR
pub const RESERVE_X21: Feature = Feature::from_index(Arch::Aarch64, 222);

/// `reserve-x22`: Reserve X22, making it unavailable as a GPR
pub const RESERVE_X22: Feature = Feature::from_index(Arch::Aarch64, 223);

/// `reserve-x23`: Reserve X23, making it unavailable as a GPR
pub const RESERVE_X23: Feature = Feature::from_index(Arch::Aarch64, 224);

/// `reserve-x24`: Reserve X24, making it unavailable as a GPR
pub const RESERVE_X24: Feature = Feature::from_index(Arch::Aarch64, 225);

/// `reserve-x25`: Reserve X25, making it unavailable as a GPR
pub const RESERVE_X25: Feature = Feature::from_index(Arch::Aarch64, 226);

/// `reserve-x26`: Reserve X26, making it unavailable as a GPR
pub const RESERVE_X26: Feature = Feature::from_index(Arch::Aarch64, 227);

/// `reserve-x27`: Reserve X27, making it unavailable as a GPR
pub const RESERVE_X27: Feature = Feature::from_index(Arch::Aarch64, 228);

/// `reserve-x28`: Reserve X28, making it unavailable as a GPR
pub const RESERVE_X28: Feature = Feature::from_index(Arch::Aarch64, 229);

/// `reserve-x3`: Reserve X3, making it unavailable as a GPR
pub const RESERVE_X3: Feature = Feature::from_index(Arch::Aarch64, 230);

/// `reserve-x4`: Reserve X4, making it unavailable as a GPR
pub const RESERVE_X4: Feature = Feature::from_index(Arch::Aarch64, 231);

/// `reserve-x5`: Reserve X5, making it unavailable as a GPR
pub const RESERVE_X5: Feature = Feature::from_index(Arch::Aarch64, 232);

/// `reserve-x6`: Reserve X6, making it unavailable as a GPR
pub const RESERVE_X6: Feature = Feature::from_index(Arch::Aarch64, 233);

/// `reserve-x7`: Reserve X7, making it unavailable as a GPR
pub const RESERVE_X7: Feature = Feature::from_index(Arch::Aarch64, 234);

/// `reserve-x9`: Reserve X9, making it unavailable as a GPR
pub const RESERVE_X9: Feature = Feature::from_index(Arch::Aarch64, 235);

/// `rme`: Enable Realm Management Extension
pub const RME: Feature = Feature::from_index(Arch::Aarch64, 236);

/// `saphira`: Qualcomm Saphira processors
pub const SAPHIRA: Feature = Feature::from_index(Arch::Aarch64, 237);

/// `sb`: Enable Armv8.5-A Speculation Barrier
pub const SB: Feature = Feature::from_index(Arch::Aarch64, 238);

/// `sel2`: Enable Armv8.4-A Secure Exception Level 2 extension
pub const SEL2: Feature = Feature::from_index(Arch::Aarch64, 239);

/// `sha2`: Enable SHA1 and SHA256 support
pub const SHA2: Feature = Feature::from_index(Arch::Aarch64, 240);

/// `sha3`: Enable SHA512 and SHA3 support
pub const SHA3: Feature = Feature::from_index(Arch::Aarch64, 241);

/// `slow-misaligned-128store`: Misaligned 128 bit stores are slow
pub const SLOW_MISALIGNED_128STORE: Feature = Feature::from_index(Arch::Aarch64, 242);

/// `slow-paired-128`: Paired 128 bit loads and stores are slow
pub const SLOW_PAIRED_128: Feature = Feature::from_index(Arch::Aarch64, 243);

/// `slow-strqro-store`: STR of Q register with register offset is slow
pub const SLOW_STRQRO_STORE: Feature = Feature::from_index(Arch::Aarch64, 244);

/// `sm4`: Enable SM3 and SM4 support
pub const SM4: Feature = Feature::from_index(Arch::Aarch64, 245);

/// `sme`: Enable Scalable Matrix Extension (SME)
pub const SME: Feature = Feature::from_index(Arch::Aarch64, 246);

/// `sme-b16b16`: Enable SME2.1 ZA-targeting non-widening BFloat16 instructions
pub const SME_B16B16: Feature = Feature::from_index(Arch::Aarch64, 247);

/// `sme-f16f16`: Enable SME non-widening Float16 instructions
pub const SME_F16F16: Feature = Feature::from_index(Arch::Aarch64, 248);

/// `sme-f64f64`: Enable Scalable Matrix Extension (SME) F64F64 instructions
pub const SME_F64F64: Feature = Feature::from_index(Arch::Aarch64, 249);

/// `sme-f8f16`: Enable Scalable Matrix Extension (SME) F8F16 instructions
pub const SME_F8F16: Feature = Feature::from_index(Arch::Aarch64, 250);

/// `sme-f8f32`: Enable Scalable Matrix Extension (SME) F8F32 instructions
pub const SME_F8F32: Feature = Feature::from_index(Arch::Aarch64, 251);

/// `sme-fa64`: Enable the full A64 instruction set in streaming SVE mode
pub const SME_FA64: Feature = Feature::from_index(Arch::Aarch64, 252);

/// `sme-i16i64`: Enable Scalable Matrix Extension (SME) I16I64 instructions
pub const SME_I16I64: Feature = Feature::from_index(Arch::Aarch64, 253);

/// `sme-lutv2`: Enable Scalable Matrix Extension (SME) LUTv2 instructions
pub const SME_LUTV2: Feature = Feature::from_index(Arch::Aarch64, 254);

/// `sme-mop4`: Enable SME Quarter-tile outer product instructions
pub const SME_MOP4: Feature = Feature::from_index(Arch::Aarch64, 255);

/// `sme-tmop`: Enable SME Structured sparsity outer product instructions.
pub const SME_TMOP: Feature = Feature::from_index(Arch::Aarch64, 256);

/// `sme2`: Enable Scalable Matrix Extension 2 (SME2) instructions
pub const SME2: Feature = Feature::from_index(Arch::Aarch64, 257);

/// `sme2p1`: Enable Scalable Matrix Extension 2.1 instructions
pub const SME2P1: Feature = Feature::from_index(Arch::Aarch64, 258);

/// `sme2p2`: Enable Armv9.6-A Scalable Matrix Extension 2.2 instructions
pub const SME2P2: Feature = Feature::from_index(Arch::Aarch64, 259);

/// `sme2p3`: Enable Armv9.7-A Scalable Matrix Extension 2.3 instructions
pub const SME2P3: Feature = Feature::from_index(Arch::Aarch64, 260);

/// `spe`: Enable Statistical Profiling extension
pub const SPE: Feature = Feature::from_index(Arch::Aarch64, 261);

/// `spe-eef`: Enable extra register in the Statistical Profiling Extension
pub const SPE_EEF: Feature = Feature::from_index(Arch::Aarch64, 262);

/// `specres2`: Enable Speculation Restriction Instruction
pub const SPECRES2: Feature = Feature::from_index(Arch::Aarch64, 263);

/// `specrestrict`: Enable architectural speculation restriction
pub const SPECRESTRICT: Feature = Feature::from_index(Arch::Aarch64, 264);

/// `ssbs`: Enable Speculative Store Bypass Safe bit
pub const SSBS: Feature = Feature::from_index(Arch::Aarch64, 265);

/// `ssve-aes`: Enable Armv9.6-A SVE AES support in streaming SVE mode
pub const SSVE_AES: Feature = Feature::from_index(Arch::Aarch64, 266);

/// `ssve-bitperm`: Enable Armv9.6-A SVE BitPerm support in streaming SVE mode
pub const SSVE_BITPERM: Feature = Feature::from_index(Arch::Aarch64, 267);

/// `ssve-fexpa`: Enable SVE FEXPA instruction in Streaming SVE mode
pub const SSVE_FEXPA: Feature = Feature::from_index(Arch::Aarch64, 268);

/// `ssve-fp8dot2`: Enable SVE2 FP8 2-way dot product instructions
pub const SSVE_FP8DOT2: Feature = Feature::from_index(Arch::Aarch64, 269);

/// `ssve-fp8dot4`: Enable SVE2 FP8 4-way dot product instructions
pub const SSVE_FP8DOT4: Feature = Feature::from_index(Arch::Aarch64, 270);

/// `ssve-fp8fma`: Enable SVE2 FP8 multiply-add instructions
pub const SSVE_FP8FMA: Feature = Feature::from_index(Arch::Aarch64, 271);

/// `store-pair-suppress`: Enable Store Pair Suppression heuristics
pub const STORE_PAIR_SUPPRESS: Feature = Feature::from_index(Arch::Aarch64, 272);

/// `stp-aligned-only`: In order to emit stp, first check if the store will be aligned to 2 \* element\_size
pub const STP_ALIGNED_ONLY: Feature = Feature::from_index(Arch::Aarch64, 273);

/// `strict-align`: Disallow all unaligned memory access
pub const STRICT_ALIGN: Feature = Feature::from_index(Arch::Aarch64, 274);

/// `sve`: Enable Scalable Vector Extension (SVE) instructions
pub const SVE: Feature = Feature::from_index(Arch::Aarch64, 275);

/// `sve-aes`: Enable SVE AES and quadword SVE polynomial multiply instructions
pub const SVE_AES: Feature = Feature::from_index(Arch::Aarch64, 276);

/// `sve-aes2`: Enable Armv9.6-A SVE multi-vector AES and multi-vector quadword polynomial multiply instructions
pub const SVE_AES2: Feature = Feature::from_index(Arch::Aarch64, 277);

/// `sve-b16b16`: Enable SVE2 non-widening and SME2 Z-targeting non-widening BFloat16 instructions
pub const SVE_B16B16: Feature = Feature::from_index(Arch::Aarch64, 278);

/// `sve-b16mm`: Enable Armv9.7-A SVE non-widening BFloat16 matrix multiply-accumulate
pub const SVE_B16MM: Feature = Feature::from_index(Arch::Aarch64, 279);

/// `sve-bfscale`: Enable Armv9.6-A SVE BFloat16 scaling instructions
pub const SVE_BFSCALE: Feature = Feature::from_index(Arch::Aarch64, 280);

/// `sve-bitperm`: Enable bit permutation SVE2 instructions
pub const SVE_BITPERM: Feature = Feature::from_index(Arch::Aarch64, 281);

/// `sve-f16f32mm`: Enable Armv9.6-A FP16 to FP32 Matrix Multiply instructions
pub const SVE_F16F32MM: Feature = Feature::from_index(Arch::Aarch64, 282);

/// `sve-sha3`: Enable SVE SHA3 instructions
pub const SVE_SHA3: Feature = Feature::from_index(Arch::Aarch64, 283);

/// `sve-sm4`: Enable SVE SM4 instructions
pub const SVE_SM4: Feature = Feature::from_index(Arch::Aarch64, 284);

/// `sve2`: Enable Scalable Vector Extension 2 (SVE2) instructions
pub const SVE2: Feature = Feature::from_index(Arch::Aarch64, 285);

/// `sve2-aes`: Shorthand for +sve2+sve-aes
pub const SVE2_AES: Feature = Feature::from_index(Arch::Aarch64, 286);

/// `sve2-bitperm`: Shorthand for +sve2+sve-bitperm
pub const SVE2_BITPERM: Feature = Feature::from_index(Arch::Aarch64, 287);

/// `sve2-sha3`: Shorthand for +sve2+sve-sha3
pub const SVE2_SHA3: Feature = Feature::from_index(Arch::Aarch64, 288);

/// `sve2-sm4`: Shorthand for +sve2+sve-sm4
pub const SVE2_SM4: Feature = Feature::from_index(Arch::Aarch64, 289);

/// `sve2p1`: Enable Scalable Vector Extension 2.1 instructions
pub const SVE2P1: Feature = Feature::from_index(Arch::Aarch64, 290);

/// `sve2p2`: Enable Armv9.6-A Scalable Vector Extension 2.2 instructions
pub const SVE2P2: Feature = Feature::from_index(Arch::Aarch64, 291);

/// `sve2p3`: Enable Armv9.7-A Scalable Vector Extension 2.3 instructions
pub const SVE2P3: Feature = Feature::from_index(Arch::Aarch64, 292);

/// `tagged-globals`: Use an instruction sequence for taking the address of a global that allows a memory tag in the upper address bits
pub const TAGGED_GLOBALS: Feature = Feature::from_index(Arch::Aarch64, 293);

/// `tev`: Enable TIndex Exception-like Vector instructions
pub const TEV: Feature = Feature::from_index(Arch::Aarch64, 294);

/// `the`: Enable Armv8.9-A Translation Hardening Extension
pub const THE: Feature = Feature::from_index(Arch::Aarch64, 295);

/// `thunderx`: Cavium ThunderX processors
pub const THUNDERX: Feature = Feature::from_index(Arch::Aarch64, 296);

/// `thunderx2t99`: Cavium ThunderX2 processors
pub const THUNDERX2T99: Feature = Feature::from_index(Arch::Aarch64, 297);

/// `thunderx3t110`: Marvell ThunderX3 processors
pub const THUNDERX3T110: Feature = Feature::from_index(Arch::Aarch64, 298);

/// `thunderxt81`: Cavium ThunderX processors
pub const THUNDERXT81: Feature = Feature::from_index(Arch::Aarch64, 299);

/// `thunderxt83`: Cavium ThunderX processors
pub const THUNDERXT83: Feature = Feature::from_index(Arch::Aarch64, 300);

/// `thunderxt88`: Cavium ThunderX processors
pub const THUNDERXT88: Feature = Feature::from_index(Arch::Aarch64, 301);

/// `tlb-rmi`: Enable Armv8.4-A TLB Range and Maintenance instructions
pub const TLB_RMI: Feature = Feature::from_index(Arch::Aarch64, 302);

/// `tlbid`: Enable Armv9.7-A TLBI Domains extension
pub const TLBID: Feature = Feature::from_index(Arch::Aarch64, 303);

/// `tlbiw`: Enable Armv9.5-A TLBI VMALL for Dirty State
pub const TLBIW: Feature = Feature::from_index(Arch::Aarch64, 304);

/// `tpidr-el1`: Permit use of TPIDR\_EL1 for the TLS base
pub const TPIDR_EL1: Feature = Feature::from_index(Arch::Aarch64, 305);

/// `tpidr-el2`: Permit use of TPIDR\_EL2 for the TLS base
pub const TPIDR_EL2: Feature = Feature::from_index(Arch::Aarch64, 306);

/// `tpidr-el3`: Permit use of TPIDR\_EL3 for the TLS base
pub const TPIDR_EL3: Feature = Feature::from_index(Arch::Aarch64, 307);

/// `tpidrro-el0`: Permit use of TPIDRRO\_EL0 for the TLS base
pub const TPIDRRO_EL0: Feature = Feature::from_index(Arch::Aarch64, 308);

/// `tracev8.4`: Enable Armv8.4-A Trace extension
pub const TRACEV8_4: Feature = Feature::from_index(Arch::Aarch64, 309);

/// `trbe`: Enable Trace Buffer Extension
pub const TRBE: Feature = Feature::from_index(Arch::Aarch64, 310);

/// `tsv110`: HiSilicon TS-V110 processors
pub const TSV110: Feature = Feature::from_index(Arch::Aarch64, 311);

/// `uaops`: Enable Armv8.2-A UAO PState
pub const UAOPS: Feature = Feature::from_index(Arch::Aarch64, 312);

/// `use-experimental-zeroing-pseudos`: Hint to the compiler that the MOVPRFX instruction is merged with destructive operations
pub const USE_EXPERIMENTAL_ZEROING_PSEUDOS: Feature = Feature::from_index(Arch::Aarch64, 313);

/// `use-fixed-over-scalable-if-equal-cost`: Prefer fixed width loop vectorization over scalable if the cost-model assigns equal costs
pub const USE_FIXED_OVER_SCALABLE_IF_EQUAL_COST: Feature = Feature::from_index(Arch::Aarch64, 314);

/// `use-postra-scheduler`: Schedule again after register allocation
pub const USE_POSTRA_SCHEDULER: Feature = Feature::from_index(Arch::Aarch64, 315);

/// `use-reciprocal-square-root`: Use the reciprocal square root approximation
pub const USE_RECIPROCAL_SQUARE_ROOT: Feature = Feature::from_index(Arch::Aarch64, 316);

/// `use-wzr-to-vec-move`: Move from WZR to insert 0 into vector registers
pub const USE_WZR_TO_VEC_MOVE: Feature = Feature::from_index(Arch::Aarch64, 317);

/// `v8.1a`: Support ARM v8.1a architecture
pub const V8_1A: Feature = Feature::from_index(Arch::Aarch64, 318);

/// `v8.2a`: Support ARM v8.2a architecture
pub const V8_2A: Feature = Feature::from_index(Arch::Aarch64, 319);

/// `v8.3a`: Support ARM v8.3a architecture
pub const V8_3A: Feature = Feature::from_index(Arch::Aarch64, 320);

/// `v8.4a`: Support ARM v8.4a architecture
pub const V8_4A: Feature = Feature::from_index(Arch::Aarch64, 321);

/// `v8.5a`: Support ARM v8.5a architecture
pub const V8_5A: Feature = Feature::from_index(Arch::Aarch64, 322);

/// `v8.6a`: Support ARM v8.6a architecture
pub const V8_6A: Feature = Feature::from_index(Arch::Aarch64, 323);

/// `v8.7a`: Support ARM v8.7a architecture
pub const V8_7A: Feature = Feature::from_index(Arch::Aarch64, 324);

/// `v8.8a`: Support ARM v8.8a architecture
pub const V8_8A: Feature = Feature::from_index(Arch::Aarch64, 325);

/// `v8.9a`: Support ARM v8.9a architecture
pub const V8_9A: Feature = Feature::from_index(Arch::Aarch64, 326);

/// `v8a`: Support ARM v8a architecture
pub const V8A: Feature = Feature::from_index(Arch::Aarch64, 327);

/// `v8r`: Support ARM v8r architecture
pub const V8R: Feature = Feature::from_index(Arch::Aarch64, 328);

/// `v9.1a`: Support ARM v9.1a architecture
pub const V9_1A: Feature = Feature::from_index(Arch::Aarch64, 329);

/// `v9.2a`: Support ARM v9.2a architecture
pub const V9_2A: Feature = Feature::from_index(Arch::Aarch64, 330);

/// `v9.3a`: Support ARM v9.3a architecture
pub const V9_3A: Feature = Feature::from_index(Arch::Aarch64, 331);

/// `v9.4a`: Support ARM v9.4a architecture
pub const V9_4A: Feature = Feature::from_index(Arch::Aarch64, 332);

/// `v9.5a`: Support ARM v9.5a architecture
pub const V9_5A: Feature = Feature::from_index(Arch::Aarch64, 333);

/// `v9.6a`: Support ARM v9.6a architecture
pub const V9_6A: Feature = Feature::from_index(Arch::Aarch64, 334);

/// `v9.7a`: Support ARM v9.7a architecture
pub const V9_7A: Feature = Feature::from_index(Arch::Aarch64, 335);

/// `v9a`: Support ARM v9a architecture
pub const V9A: Feature = Feature::from_index(Arch::Aarch64, 336);

/// `vh`: Enable Armv8.1-A Virtual Host extension
pub const VH: Feature = Feature::from_index(Arch::Aarch64, 337);

/// `wfxt`: Enable Armv8.7-A WFET and WFIT instruction
pub const WFXT: Feature = Feature::from_index(Arch::Aarch64, 338);

/// `xs`: Enable Armv8.7-A limited-TLB-maintenance instruction
pub const XS: Feature = Feature::from_index(Arch::Aarch64, 339);

/// `zcm-fpr128`: Has zero-cycle register moves for FPR128 registers
pub const ZCM_FPR128: Feature = Feature::from_index(Arch::Aarch64, 340);

/// `zcm-fpr32`: Has zero-cycle register moves for FPR32 registers
pub const ZCM_FPR32: Feature = Feature::from_index(Arch::Aarch64, 341);

/// `zcm-fpr64`: Has zero-cycle register moves for FPR64 registers
pub const ZCM_FPR64: Feature = Feature::from_index(Arch::Aarch64, 342);

/// `zcm-gpr32`: Has zero-cycle register moves for GPR32 registers
pub const ZCM_GPR32: Feature = Feature::from_index(Arch::Aarch64, 343);

/// `zcm-gpr64`: Has zero-cycle register moves for GPR64 registers
pub const ZCM_GPR64: Feature = Feature::from_index(Arch::Aarch64, 344);

/// `zcz-fp-workaround`: The zero-cycle floating-point zeroing instruction has a bug
pub const ZCZ_FP_WORKAROUND: Feature = Feature::from_index(Arch::Aarch64, 345);

/// `zcz-fpr128`: Has zero-cycle zeroing instructions for FPR128 registers
pub const ZCZ_FPR128: Feature = Feature::from_index(Arch::Aarch64, 346);

/// `zcz-gpr32`: Has zero-cycle zeroing instructions for GPR32 registers
pub const ZCZ_GPR32: Feature = Feature::from_index(Arch::Aarch64, 347);

/// `zcz-gpr64`: Has zero-cycle zeroing instructions for GPR64 registers
pub const ZCZ_GPR64: Feature = Feature::from_index(Arch::Aarch64, 348);
