//! The dispatch data's layout (docs/FORMAT.md, version 2) and that of the
//! tables of the image's own init, each defined once:
//! every field of the header and of each record, by word, and every code
//! the init reads ([`codes`]: the magic, sentinels, detection kinds, OS
//! states, vendor and Arm test codes). The reader
//! (format.rs), the writer (mvimg-codegen's dispatch.rs), the image's own
//! init (through `mvimg_layout.h`, which codegen's build.rs generates from
//! [`c_header`]) and the test drivers use these; a test checks
//! docs/FORMAT.md's tables against them.

/// The format version this crate reads and mvimg-codegen writes.
pub const FORMAT_VERSION: u32 = 2;
/// Target flag: clone_all.
pub const TARGET_CLONE_ALL: u32 = 1;
/// Target flag: opt_size.
pub const TARGET_OPT_SIZE: u32 = 2;
/// Target flag: min_size.
pub const TARGET_MIN_SIZE: u32 = 4;
/// Function flag: an entry point.
pub const FUNCTION_ENTRY: u32 = 1;
/// Function flag: has a slot.
pub const FUNCTION_SLOT: u32 = 2;
/// The format's magic, the bytes `MVIMGDSP`.
pub const MAGIC: [u8; 8] = *b"MVIMGDSP";

/// The codes the image's own init reads in its tables and its data, each
/// defined once: mvimg-codegen's init.rs writes them, `mvimg_layout.h`
/// gives them to init.c (`MVIMG_` and the name).
pub mod codes {
    use super::MAGIC;

    /// The magic as the two little-endian words a reader of words compares.
    pub const MAGIC_WORDS: [u32; 2] = [
        u32::from_le_bytes([MAGIC[0], MAGIC[1], MAGIC[2], MAGIC[3]]),
        u32::from_le_bytes([MAGIC[4], MAGIC[5], MAGIC[6], MAGIC[7]]),
    ];
    /// The version of the init's tables (`mvimg_init_tables`' first word):
    /// the init refuses tables of another version.
    pub const TABLES_VERSION: u32 = 2;
    /// A word that names nothing: no feature bit, no CPU, no base target.
    pub const NONE: u32 = u32::MAX;
    /// An init target's CPU word when the target is `generic`.
    pub const CPU_GENERIC: u32 = u32::MAX;
    /// An init target's CPU word when the target is `native` (the build
    /// host's CPU).
    pub const CPU_NATIVE: u32 = u32::MAX - 1;
    /// A feature with no run-time detection (an init feature's `kind`).
    pub const DETECT_NONE: u32 = 0;
    /// A feature detected by a CPUID bit.
    pub const DETECT_CPUID: u32 = 1;
    /// A feature detected by the AVX10 version CPUID reports.
    pub const DETECT_AVX10: u32 = 2;
    /// A feature detected by AArch64 HWCAP bits.
    pub const DETECT_HWCAP: u32 = 3;
    /// The OS state a CPUID-detected feature needs enabled in XCR0: none.
    pub const STATE_NONE: u32 = 0;
    /// AVX state (XCR0 bits 1 and 2).
    pub const STATE_AVX: u32 = 1;
    /// AVX-512 state (XCR0 bits 5 to 7).
    pub const STATE_AVX512: u32 = 2;
    /// AMX state (XCR0 bits 17 and 18).
    pub const STATE_AMX: u32 = 3;
    /// An x86 naming rule's vendor: GenuineIntel.
    pub const VENDOR_INTEL: u32 = 1;
    /// AuthenticAMD.
    pub const VENDOR_AMD: u32 = 2;
    /// HygonGenuine.
    pub const VENDOR_HYGON: u32 = 3;
    /// An Arm naming rule's test: the part number is `a`.
    pub const ARM_PART: u32 = 0;
    /// Variant and part (`variant << 12 | part`) are `a`.
    pub const ARM_VARIANT_PART: u32 = 1;
    /// Exactly the two parts `a` and `b` (big.LITTLE).
    pub const ARM_PART_PAIR: u32 = 2;
    /// The SoC's name ends with the string at `a`.
    pub const ARM_SOC_SUFFIX: u32 = 3;
    /// Any CPU of the implementer.
    pub const ARM_ANY: u32 = 4;

    /// Every code, by its C name (without `MVIMG_`), for [`super::c_header`].
    pub const ALL: [(&str, u32); 22] = [
        ("MAGIC_0", MAGIC_WORDS[0]),
        ("MAGIC_1", MAGIC_WORDS[1]),
        ("TABLES_VERSION", TABLES_VERSION),
        ("NONE", NONE),
        ("CPU_GENERIC", CPU_GENERIC),
        ("CPU_NATIVE", CPU_NATIVE),
        ("DETECT_NONE", DETECT_NONE),
        ("DETECT_CPUID", DETECT_CPUID),
        ("DETECT_AVX10", DETECT_AVX10),
        ("DETECT_HWCAP", DETECT_HWCAP),
        ("STATE_NONE", STATE_NONE),
        ("STATE_AVX", STATE_AVX),
        ("STATE_AVX512", STATE_AVX512),
        ("STATE_AMX", STATE_AMX),
        ("VENDOR_INTEL", VENDOR_INTEL),
        ("VENDOR_AMD", VENDOR_AMD),
        ("VENDOR_HYGON", VENDOR_HYGON),
        ("ARM_PART", ARM_PART),
        ("ARM_VARIANT_PART", ARM_VARIANT_PART),
        ("ARM_PART_PAIR", ARM_PART_PAIR),
        ("ARM_SOC_SUFFIX", ARM_SOC_SUFFIX),
        ("ARM_ANY", ARM_ANY),
    ];
}

/// One field of a record: its name (as docs/FORMAT.md writes it), its first
/// word and how many words it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The name.
    pub name: &'static str,
    /// The first word, from the start of the record.
    pub word: u32,
    /// The number of words (2 for a string's offset and length).
    pub words: u32,
}

/// A record: its name, its fields in order, contiguous from word 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Record {
    /// The record's name (`header`, `target`, ...).
    pub name: &'static str,
    /// The C prefix of its word constants in `mvimg_layout.h`.
    pub c_prefix: &'static str,
    /// Its fields.
    pub fields: &'static [Field],
}

impl Record {
    /// The record's size in words.
    pub const fn words(&self) -> u32 {
        let last = self.fields[self.fields.len() - 1];
        last.word + last.words
    }
}

macro_rules! record {
    ($record:ident, $name:literal, $prefix:literal, $words:ident,
     { $($konst:ident = $field:literal : $word:literal + $n:literal),* $(,)? }) => {
        $(
            #[doc = concat!("Word of `", $field, "` in a ", $name, " record.")]
            pub const $konst: u32 = $word;
        )*
        #[doc = concat!("The ", $name, " record's fields.")]
        pub const $record: Record = Record {
            name: $name,
            c_prefix: $prefix,
            fields: &[$(Field { name: $field, word: $word, words: $n }),*],
        };
        #[doc = concat!("Words in a ", $name, " record.")]
        pub const $words: u32 = $record.words();
    };
}

record!(HEADER, "header", "MVIMG_H_", HEADER_WORDS, {
    H_MAGIC = "magic": 0 + 2,
    H_VERSION = "version": 2 + 1,
    H_HEADER_WORDS = "header_words": 3 + 1,
    H_ARCH = "arch": 4 + 1,
    H_TARGET_COUNT = "target_count": 5 + 1,
    H_FUNCTION_COUNT = "function_count": 6 + 1,
    H_ENTRY_COUNT = "entry_count": 7 + 1,
    H_SLOT_COUNT = "slot_count": 8 + 1,
    H_RELOC_COUNT = "reloc_count": 9 + 1,
    H_TARGETS_OFFSET = "targets_offset": 10 + 1,
    H_FUNCTIONS_OFFSET = "functions_offset": 11 + 1,
    H_ENTRIES_OFFSET = "entries_offset": 12 + 1,
    H_SLOTS_OFFSET = "slots_offset": 13 + 1,
    H_RELOCS_OFFSET = "relocs_offset": 14 + 1,
    H_STRINGS_OFFSET = "strings_offset": 15 + 1,
    H_STRINGS_SIZE = "strings_size": 16 + 1,
    H_TOTAL_SIZE = "total_size": 17 + 1,
    H_LIST = "list": 18 + 2,
    H_RECORD_OFFSET = "record_offset": 20 + 1,
    H_RECORD_COUNT = "record_count": 21 + 1,
});

record!(TARGET, "target", "MVIMG_T_", TARGET_WORDS, {
    T_NAME = "name": 0 + 2,
    T_FEATURES = "features": 2 + 2,
    T_LLVM_CPU = "llvm_cpu": 4 + 2,
    T_LLVM_FEATURES = "llvm_features": 6 + 2,
    T_BASE = "base": 8 + 1,
    T_FLAGS = "flags": 9 + 1,
    T_FIRST_ENTRY = "first_entry": 10 + 1,
    T_ENTRY_COUNT = "entry_count": 11 + 1,
});

record!(FUNCTION, "function", "MVIMG_F_", FUNCTION_WORDS, {
    F_NAME = "name": 0 + 2,
    F_BODY = "body": 2 + 1,
    F_FLAGS = "flags": 3 + 1,
});

record!(ENTRY, "entry", "MVIMG_E_", ENTRY_WORDS, {
    E_FUNCTION = "function": 0 + 1,
    E_BODY = "body": 1 + 1,
});

record!(CELL, "slot or relocation", "MVIMG_C_", CELL_WORDS, {
    C_FUNCTION = "function": 0 + 1,
    C_CELL = "cell": 1 + 1,
});

record!(BUILD_RECORD, "build-record entry", "MVIMG_R_", BUILD_RECORD_WORDS, {
    R_KEY = "key": 0 + 2,
    R_VALUE = "value": 2 + 2,
});

/// Every record, in the order docs/FORMAT.md describes them.
pub const RECORDS: [Record; 6] = [HEADER, TARGET, FUNCTION, ENTRY, CELL, BUILD_RECORD];

// The init's tables (`mvimg_init_tables`, internal to an image: written by
// mvimg-codegen's init.rs, read by runtime/init.c). Counts and offsets are in
// words from the tables' start; masks are `mask_words` words each and
// follow a record's fixed fields.

record!(INIT_HEADER, "init-tables header", "MVIMG_IH_", INIT_HEADER_WORDS, {
    IH_VERSION = "version": 0 + 1,
    IH_ARCH = "arch": 1 + 1,
    IH_MASK_WORDS = "mask_words": 2 + 1,
    IH_FEATURES = "features": 3 + 1,
    IH_FEATURES_AT = "features_at": 4 + 1,
    IH_CPUS = "cpus": 5 + 1,
    IH_CPUS_AT = "cpus_at": 6 + 1,
    IH_ALIASES = "aliases": 7 + 1,
    IH_ALIASES_AT = "aliases_at": 8 + 1,
    IH_TARGETS = "targets": 9 + 1,
    IH_TARGETS_AT = "targets_at": 10 + 1,
    IH_NAMES = "names": 11 + 1,
    IH_NAMES_AT = "names_at": 12 + 1,
    IH_STRINGS_AT = "strings_at": 13 + 1,
    IH_SYSCTLS = "sysctls": 14 + 1,
    IH_SYSCTLS_AT = "sysctls_at": 15 + 1,
    IH_FAMILIES = "families": 16 + 1,
    IH_FAMILIES_AT = "families_at": 17 + 1,
    IH_GENERIC = "generic": 18 + 1,
    IH_ORDER = "order": 19 + 1,
    IH_ORDER_AT = "order_at": 20 + 1,
});

record!(INIT_FEATURE, "init feature (then its enable and disable masks)", "MVIMG_IF_", INIT_FEATURE_WORDS, {
    IF_NAME = "name": 0 + 1,
    IF_BIT = "bit": 1 + 1,
    IF_KIND = "kind": 2 + 1,
    IF_D = "d": 3 + 4,
});

record!(INIT_CPU, "init CPU (then its needs and host masks)", "MVIMG_IC_", INIT_CPU_WORDS, {
    IC_NAME = "name": 0 + 1,
});

record!(INIT_TARGET, "init target (then its requirement mask)", "MVIMG_IT_", INIT_TARGET_WORDS, {
    IT_NAME = "name": 0 + 1,
    IT_SPEC = "spec": 1 + 1,
    IT_CPU = "cpu": 2 + 1,
});

record!(INIT_X86_RULE, "init x86 naming rule", "MVIMG_IX_", INIT_X86_RULE_WORDS, {
    IX_VENDOR = "vendor": 0 + 1,
    IX_FAMILY = "family": 1 + 1,
    IX_MODEL_LO = "model_lo": 2 + 1,
    IX_MODEL_HI = "model_hi": 3 + 1,
    IX_NEEDS = "needs": 4 + 2,
    IX_CPU = "cpu": 6 + 1,
});

record!(INIT_ARM_RULE, "init Arm naming rule", "MVIMG_IA_", INIT_ARM_RULE_WORDS, {
    IA_IMPLEMENTER = "implementer": 0 + 1,
    IA_TEST = "test": 1 + 1,
    IA_A = "a": 2 + 1,
    IA_B = "b": 3 + 1,
    IA_CPU = "cpu": 4 + 1,
});

/// The init tables' records.
pub const INIT_RECORDS: [Record; 6] = [
    INIT_HEADER,
    INIT_FEATURE,
    INIT_CPU,
    INIT_TARGET,
    INIT_X86_RULE,
    INIT_ARM_RULE,
];

/// `mvimg_layout.h`: the layout as C constants for the image's init
/// (`MVIMG_H_TOTAL_SIZE`, `MVIMG_T_WORDS`, ...), plus the format version,
/// the flags and the "no base" value.
pub fn c_header() -> String {
    let mut out = String::from(
        "/* Generated from mvimg-cpu's cpu/src/image/layout.rs (c_header): the\n \
         * dispatch data's layout (docs/FORMAT.md). Do not edit: a test of\n \
         * mvimg-codegen fails when it is stale (MVIMG_BLESS=1 rewrites it). */\n\
         #ifndef MVIMG_LAYOUT_H\n#define MVIMG_LAYOUT_H\n",
    );
    out.push_str(&format!(
        "enum {{ MVIMG_FORMAT_VERSION = {}, MVIMG_NO_BASE = 0xffffffffu, \
         MVIMG_TARGET_CLONE_ALL = {}, MVIMG_TARGET_OPT_SIZE = {}, MVIMG_TARGET_MIN_SIZE = {}, \
         MVIMG_FUNCTION_ENTRY = {}, MVIMG_FUNCTION_SLOT = {} }};\n",
        FORMAT_VERSION,
        TARGET_CLONE_ALL,
        TARGET_OPT_SIZE,
        TARGET_MIN_SIZE,
        FUNCTION_ENTRY,
        FUNCTION_SLOT,
    ));
    out.push_str("/* codes the init reads */\nenum {");
    for (name, value) in codes::ALL {
        out.push_str(&format!(" MVIMG_{name} = {value:#x}u,"));
    }
    out.pop();
    out.push_str(" };\n");
    for record in RECORDS.iter().chain(&INIT_RECORDS) {
        out.push_str(&format!("/* {} record */\nenum {{", record.name));
        for f in record.fields {
            out.push_str(&format!(
                " {}{} = {},",
                record.c_prefix,
                f.name.to_ascii_uppercase(),
                f.word
            ));
        }
        out.push_str(&format!(
            " {}WORDS = {} }};\n",
            record.c_prefix,
            record.words()
        ));
    }
    out.push_str("#endif\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_contiguous() {
        for record in RECORDS.into_iter().chain(INIT_RECORDS) {
            let mut next = 0;
            for f in record.fields {
                assert_eq!(f.word, next, "{}: {}", record.name, f.name);
                assert!(f.words >= 1);
                next += f.words;
            }
            assert_eq!(record.words(), next);
        }
        assert_eq!(HEADER_WORDS, 22);
        // init.rs writes each part's offset right after its count.
        for (count, at) in [
            (IH_FEATURES, IH_FEATURES_AT),
            (IH_CPUS, IH_CPUS_AT),
            (IH_ALIASES, IH_ALIASES_AT),
            (IH_TARGETS, IH_TARGETS_AT),
            (IH_NAMES, IH_NAMES_AT),
            (IH_SYSCTLS, IH_SYSCTLS_AT),
            (IH_FAMILIES, IH_FAMILIES_AT),
            (IH_ORDER, IH_ORDER_AT),
        ] {
            assert_eq!(at, count + 1);
        }
        assert_eq!(TARGET_WORDS, 12);
    }
}
