//! Reading the dispatch data (docs/FORMAT.md, version 2) from untrusted bytes.
//!
//! [`DispatchData::parse`] checks everything that can be checked without
//! knowing where the image is mapped: magic, version, header size, counts,
//! that the parts follow each other in the documented order and lie inside
//! the data and inside the bytes given, every string, every index, every base,
//! the entry ranges and their order. Addresses (the *rel* words) are checked by the caller against
//! the image's segments ([`DispatchData::check_addresses`]).

use std::fmt;
use std::ops::Range;

use super::layout::{self, *};
pub use super::layout::{
    FORMAT_VERSION, FUNCTION_ENTRY, FUNCTION_SLOT, TARGET_CLONE_ALL, TARGET_MIN_SIZE,
    TARGET_OPT_SIZE,
};
use crate::image::source::Source;
use crate::{Arch, FeatureSet, ResolvedTargets, TargetList};

/// The exported symbol of the dispatch data.
pub const DISPATCH_SYMBOL: &str = "mvimg_dispatch_data";
pub use super::layout::MAGIC;
/// Words in the header.
pub const HEADER_WORDS: u32 = layout::HEADER_WORDS;
/// Words in a target record.
pub const TARGET_WORDS: u32 = layout::TARGET_WORDS;
/// Words in a build-record entry (a key and a value).
pub const RECORD_WORDS: u32 = layout::BUILD_RECORD_WORDS;
/// Build-record key: the mvimg version that built the image.
pub const RECORD_MVIMG_VERSION: &str = "mvimg.version";
/// Build-record key: the LLVM version that compiled it.
pub const RECORD_LLVM_VERSION: &str = "mvimg.llvm-version";
/// Build-record key: the target triple.
pub const RECORD_TRIPLE: &str = "mvimg.triple";
/// Build-record key: LLVM's optimization level, `0` to `3`.
pub const RECORD_OPT_LEVEL: &str = "mvimg.opt-level";
/// Build-record key of a layered image: the name of the base image it was
/// built against (its soname, install name or DLL name).
pub const RECORD_BASE: &str = "mvimg.base";
/// Build-record key of a layered image: the base image's content hash
/// ([`DispatchData::hash`], 16 hex digits).
pub const RECORD_BASE_HASH: &str = "mvimg.base-hash";
/// The prefix of the keys mvimg writes itself; a caller's keys have no
/// such prefix.
pub const RECORD_RESERVED_PREFIX: &str = "mvimg.";
/// Words in a function record.
pub const FUNCTION_WORDS: u32 = layout::FUNCTION_WORDS;
/// Words in an entry, slot or relocation record.
pub const PAIR_WORDS: u32 = layout::ENTRY_WORDS;
/// `base` of target 0.
pub const NO_BASE: u32 = u32::MAX;

/// The byte offset of word `k` of a record.
fn word(k: u32) -> u64 {
    u64::from(k) * 4
}

/// The 64-bit FNV-1a hash of `bytes`.
pub fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Whether `key` can be a build-record key: letters, digits, `-`, `_`, `.`,
/// not empty.
pub fn is_record_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The header's architecture code.
pub fn arch_code(arch: Arch) -> u32 {
    match arch {
        Arch::X86_64 => 1,
        Arch::Aarch64 => 2,
    }
}

/// Why dispatch data was rejected: what was wrong and where (byte offset from
/// the start of the data).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    /// Byte offset of the offending word or part (0 for problems found by
    /// [`DispatchData::check_addresses`], which concern addresses, not bytes
    /// of the data).
    pub offset: u64,
    /// What is wrong.
    pub problem: FormatProblem,
}

/// A part of the dispatch data, as [`FormatProblem`] names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataPart {
    /// The fixed header.
    Header,
    /// The target records.
    Targets,
    /// The function records.
    Functions,
    /// The entry records.
    Entries,
    /// The slot records.
    Slots,
    /// The relocation records.
    Relocations,
    /// The build record.
    BuildRecord,
    /// The string area.
    Strings,
}

impl DataPart {
    /// One record of the part, as messages name it (`entry`, `slot`,
    /// `relocation`; the parts without pair records are named whole).
    pub fn record_name(self) -> &'static str {
        match self {
            DataPart::Entries => "entry",
            DataPart::Slots => "slot",
            DataPart::Relocations => "relocation",
            DataPart::Targets => "target",
            DataPart::Functions => "function",
            DataPart::BuildRecord => "build record",
            DataPart::Header => "header",
            DataPart::Strings => "string",
        }
    }
}

impl fmt::Display for DataPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DataPart::Header => "header",
            DataPart::Targets => "targets",
            DataPart::Functions => "functions",
            DataPart::Entries => "entries",
            DataPart::Slots => "slots",
            DataPart::Relocations => "relocations",
            DataPart::BuildRecord => "build record",
            DataPart::Strings => "strings",
        })
    }
}

/// A code address the data records, as [`FormatProblem::OutsideCode`] names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodeAddress {
    /// The target-0 body of a function.
    Function {
        /// The function's index.
        index: usize,
        /// Its symbol name.
        name: String,
    },
    /// The body of an entry record.
    Entry {
        /// The entry's index.
        index: usize,
    },
}

impl fmt::Display for CodeAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeAddress::Function { index, name } => {
                write!(f, "the target-0 body of function {index} ({name})")
            }
            CodeAddress::Entry { index } => write!(f, "the body of entry {index}"),
        }
    }
}

/// What is wrong with dispatch data (the kind of each reason
/// [`DispatchData::parse`], [`DispatchData::check_addresses`],
/// [`DispatchHead::resolved_targets`] and the loader give).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormatProblem {
    /// A word lies past the end of the bytes given.
    Truncated {
        /// How many bytes there are.
        len: u64,
    },
    /// The first 8 bytes are not `MVIMGDSP`.
    BadMagic,
    /// A format version this reader does not know.
    Version {
        /// The version stored.
        found: u32,
    },
    /// A header of another size than this version's.
    HeaderWords {
        /// The header size stored, in words.
        found: u32,
    },
    /// An architecture code other than 1 (x86_64) and 2 (aarch64).
    UnknownArch {
        /// The code stored.
        code: u32,
    },
    /// `total_size` is more than the bytes there are.
    TotalSizePastEnd {
        /// The size stored.
        total_size: u32,
        /// How many bytes there are.
        len: u64,
    },
    /// `total_size` is not a whole header and words.
    TotalSizeNotWords {
        /// The size stored.
        total_size: u32,
    },
    /// `total_size` is not where the strings end.
    TotalSizeNotStringsEnd {
        /// The size stored.
        total_size: u32,
        /// Where the strings end.
        strings_end: u64,
    },
    /// No target records.
    NoTargets,
    /// A part does not start right after the previous one.
    PartMisplaced {
        /// The part.
        part: DataPart,
        /// The part before it.
        previous: DataPart,
        /// Where it starts.
        start: u64,
        /// Where it should start.
        expected: u64,
    },
    /// A part runs past `total_size`.
    PartPastEnd {
        /// The part.
        part: DataPart,
        /// Its bytes.
        range: Range<u64>,
        /// The size stored.
        total_size: u32,
    },
    /// A string and its NUL run past the string area.
    StringPastArea {
        /// The string's offset in the area.
        offset: u64,
        /// Its length.
        len: u64,
        /// The area's size.
        area: u64,
    },
    /// A string is not followed by a NUL.
    StringNotTerminated {
        /// The string's offset in the area.
        offset: u64,
        /// Its length.
        len: u64,
    },
    /// A name (of a function, target, CPU, key) is empty.
    EmptyName,
    /// A string is not UTF-8 or holds a NUL.
    NotText,
    /// A function record with flags this version does not define.
    FunctionFlags {
        /// The function's index.
        function: usize,
        /// The flags stored.
        flags: u32,
    },
    /// An entry, slot or relocation names a function that does not exist.
    NoSuchFunction {
        /// The part of the record.
        part: DataPart,
        /// The record's index.
        index: usize,
        /// The function index stored.
        function: u32,
        /// How many functions there are.
        function_count: u32,
    },
    /// A build-record key with other characters than letters, digits, `-`,
    /// `_`, `.`.
    RecordKey {
        /// The record's index.
        index: usize,
        /// The key.
        key: String,
    },
    /// Build-record keys not sorted and unique.
    RecordOrder {
        /// The record's index.
        index: usize,
        /// Its key.
        key: String,
        /// The key before it.
        previous: String,
    },
    /// Target 0 has a base.
    BaseOfTargetZero,
    /// A target's base is not target 0 or an earlier `clone_all` target.
    BadBase {
        /// The target.
        target: usize,
        /// The base stored.
        base: u32,
    },
    /// A target record with flags this version does not define.
    TargetFlags {
        /// The target.
        target: usize,
        /// The flags stored.
        flags: u32,
    },
    /// A target's entries are not within the entry records (or target 0
    /// has entries).
    EntriesOutOfRange {
        /// The target.
        target: usize,
        /// Its entry records.
        range: Range<u64>,
        /// How many entry records there are.
        entry_count: u32,
    },
    /// A target's entries are not sorted by function, or one is listed twice.
    EntriesUnsorted {
        /// The target.
        target: usize,
    },
    /// A `clone_all` target without an entry for every function.
    CloneAllEntries {
        /// The target.
        target: usize,
        /// Its entries.
        count: u64,
        /// How many functions there are.
        function_count: u32,
    },
    /// The stored list does not name the target records.
    ListMismatch {
        /// The stored list.
        list: String,
        /// The targets' names.
        names: Vec<String>,
    },
    /// A body lies outside the image's executable segments.
    OutsideCode {
        /// Which body.
        what: CodeAddress,
        /// Its offset from the dispatch data.
        rel: i32,
    },
    /// A slot or relocation cell is not an aligned pointer in writable data.
    BadCell {
        /// [`DataPart::Slots`] or [`DataPart::Relocations`].
        part: DataPart,
        /// The record's index.
        index: usize,
        /// The cell's offset from the dispatch data.
        rel: i32,
    },
    /// The stored target list does not parse.
    ListParse {
        /// The parser's message.
        error: String,
    },
    /// The stored target list does not resolve with this mvimg's database.
    ListResolve {
        /// The resolver's message.
        error: String,
        /// The mvimg version that built the image, when recorded.
        built_by: Option<String>,
    },
    /// The image's own init selects from tables (`mvimg_init_tables`) that
    /// say something else than the dispatch data: the file was changed
    /// after it was built (readers and the init would choose differently).
    InitTablesDisagree {
        /// What differs.
        detail: String,
    },
    /// The stored list resolves to another number of targets than stored.
    ListTargetCount {
        /// The stored list.
        list: String,
        /// Targets of the list.
        resolved: usize,
        /// Target records.
        stored: usize,
    },
    /// A target needs a feature this mvimg's database does not know.
    UnknownFeature {
        /// The target.
        target: usize,
        /// The feature's name.
        feature: String,
        /// The mvimg version that built the image, when recorded.
        built_by: Option<String>,
    },
    /// The data mapped by the loader differs from the file's.
    LoadedDiffers,
}

impl fmt::Display for FormatProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let built = |by: &Option<String>| {
            by.as_ref()
                .map(|v| format!(" (built by mvimg {v})"))
                .unwrap_or_default()
        };
        match self {
            FormatProblem::Truncated { len } => {
                write!(f, "the data ends at byte {len}: the image is truncated")
            }
            FormatProblem::BadMagic => {
                f.write_str("the magic is not `MVIMGDSP`: this is not mvimg dispatch data")
            }
            FormatProblem::Version { found } => write!(
                f,
                "format version {found}; this reader knows version {FORMAT_VERSION}: \
                 rebuild the image with this mvimg or read it with the mvimg that built it"
            ),
            FormatProblem::HeaderWords { found } => write!(
                f,
                "the header has {found} words; version {FORMAT_VERSION} has {HEADER_WORDS}"
            ),
            FormatProblem::UnknownArch { code } => write!(
                f,
                "unknown architecture code {code} (1 = x86_64, 2 = aarch64)"
            ),
            FormatProblem::TotalSizePastEnd { total_size, len } => write!(
                f,
                "total_size is {total_size} bytes but only {len} are there: the image is truncated"
            ),
            FormatProblem::TotalSizeNotWords { total_size } => {
                write!(f, "total_size {total_size} is not a whole header and words")
            }
            FormatProblem::TotalSizeNotStringsEnd {
                total_size,
                strings_end,
            } => write!(
                f,
                "total_size is {total_size} but the strings end at byte {strings_end}"
            ),
            FormatProblem::NoTargets => f.write_str("no targets; an image has at least target 0"),
            FormatProblem::PartMisplaced {
                part,
                previous,
                start,
                expected,
            } => write!(
                f,
                "the {part} start at byte {start}; version {FORMAT_VERSION} puts them \
                 right after the {previous}, at byte {expected}"
            ),
            FormatProblem::PartPastEnd {
                part,
                range,
                total_size,
            } => write!(
                f,
                "the {part} (bytes {}..{}) run past the end of the data ({total_size} bytes)",
                range.start, range.end
            ),
            FormatProblem::StringPastArea { offset, len, area } => write!(
                f,
                "a string at {offset}+{len} and its NUL run past the string area ({area} bytes)"
            ),
            FormatProblem::StringNotTerminated { offset, len } => {
                write!(f, "the string at {offset}+{len} is not NUL-terminated")
            }
            FormatProblem::EmptyName => f.write_str("an empty name"),
            FormatProblem::NotText => f.write_str("a string is not UTF-8 text without NUL bytes"),
            FormatProblem::FunctionFlags { function, flags } => {
                write!(f, "function {function}: unknown flags {flags:#x}")
            }
            FormatProblem::NoSuchFunction {
                part,
                index,
                function,
                function_count,
            } => {
                write!(
                    f,
                    "{} {index} names function {function}; there are {function_count}",
                    part.record_name()
                )
            }
            FormatProblem::RecordKey { index, key } => write!(
                f,
                "build record {index}: `{key}` is not a key (letters, digits, `-`, `_`, `.`)"
            ),
            FormatProblem::RecordOrder {
                index,
                key,
                previous,
            } => write!(
                f,
                "build record {index}: key `{key}` after `{previous}`: keys are sorted and unique"
            ),
            FormatProblem::BaseOfTargetZero => {
                f.write_str("target 0 has a base; it must be 0xFFFFFFFF")
            }
            FormatProblem::BadBase { target, base } => write!(
                f,
                "target {target} falls back to target {base}: a base must be target 0 or \
                 an earlier clone_all target"
            ),
            FormatProblem::TargetFlags { target, flags } => {
                write!(f, "target {target}: unknown flags {flags:#x}")
            }
            FormatProblem::EntriesOutOfRange {
                target,
                range,
                entry_count,
            } => write!(
                f,
                "target {target}: entries {}..{} out of the {entry_count} entry records",
                range.start, range.end
            ),
            FormatProblem::EntriesUnsorted { target } => write!(
                f,
                "target {target}: entries not sorted by function, or one listed twice"
            ),
            FormatProblem::CloneAllEntries {
                target,
                count,
                function_count,
            } => write!(
                f,
                "target {target} is clone_all but has {count} entries for {function_count} \
                 functions"
            ),
            FormatProblem::ListMismatch { list, names } => write!(
                f,
                "the target list `{list}` does not name the targets `{}`",
                names.join(";")
            ),
            FormatProblem::OutsideCode { what, rel } => {
                write!(f, "{what} is at offset {rel}, outside the image's code")
            }
            FormatProblem::BadCell { part, index, rel } => {
                write!(
                    f,
                    "the cell of {} {index} is at offset {rel}, not an aligned pointer \
                     in the image's writable data",
                    part.record_name()
                )
            }
            FormatProblem::ListParse { error } => {
                write!(f, "the stored target list does not parse: {error}")
            }
            FormatProblem::ListResolve { error, built_by } => write!(
                f,
                "the stored target list does not resolve with this mvimg's CPU database{}: \
                 {error}",
                built(built_by)
            ),
            FormatProblem::InitTablesDisagree { detail } => write!(
                f,
                "the image's own init selects from tables that disagree with the dispatch \
                 data ({detail}): the file was changed after it was built; rebuild it"
            ),
            FormatProblem::ListTargetCount {
                list,
                resolved,
                stored,
            } => write!(
                f,
                "the target list `{list}` has {resolved} targets, the data {stored}"
            ),
            FormatProblem::UnknownFeature {
                target,
                feature,
                built_by,
            } => write!(
                f,
                "target {target} needs feature `{feature}`, which this mvimg's CPU database \
                 does not know{}",
                built(built_by)
            ),
            FormatProblem::LoadedDiffers => {
                f.write_str("the loaded dispatch data differs from the file's")
            }
        }
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "dispatch data, byte {}: {}", self.offset, self.problem)
    }
}

impl std::error::Error for FormatError {}

/// One target record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TargetRecord {
    /// The target as resolved at build time, normalized (`native` is stored
    /// as the build host's CPU and feature changes, never as the word).
    pub name: String,
    /// Its ISA features (LLVM names, comma-separated): what a host must have.
    pub features: String,
    /// LLVM `target-cpu` of its bodies.
    pub llvm_cpu: String,
    /// LLVM `target-features` of its bodies (may be empty).
    pub llvm_features: String,
    /// The target it falls back to (`None` for target 0).
    pub base: Option<usize>,
    /// Flags ([`TARGET_CLONE_ALL`], ...).
    pub flags: u32,
    /// Its entry records.
    pub entries: Range<usize>,
}

/// One function record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionRecord {
    /// The function's name in the input IR.
    pub name: String,
    /// Offset of the target-0 body from the data.
    pub body: i32,
    /// Flags ([`FUNCTION_ENTRY`], [`FUNCTION_SLOT`]).
    pub flags: u32,
}

/// An entry, slot or relocation record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    /// A function index.
    pub function: usize,
    /// Offset of a body (entries) or a cell (slots, relocations) from the data.
    pub rel: i32,
}

/// The part of the dispatch data that decides whether and how an image
/// loads: the architecture, the target list and its records, and the build
/// record. It is what the loader reads before `dlopen` and what every
/// selector selects from ([`super::check`]); the function tables are not
/// needed for that ([`DispatchHead::parse`] does not read them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DispatchHead {
    /// The architecture.
    pub arch: Arch,
    /// The normalized target list the image was built for.
    pub list: String,
    /// Targets, in list order.
    pub targets: Vec<TargetRecord>,
    /// The build record: (key, value) pairs, sorted by key, keys unique.
    pub record: Vec<(String, String)>,
    /// Size of the data in bytes.
    pub total_size: u32,
}

/// Parsed and checked dispatch data: its head and the function tables.
/// It dereferences to its [`DispatchHead`], so that `data.targets` reads
/// the same on either.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DispatchData {
    /// The architecture, targets and build record.
    pub head: DispatchHead,
    /// Functions.
    pub functions: Vec<FunctionRecord>,
    /// Entry records of all targets.
    pub entries: Vec<Pair>,
    /// Slot records.
    pub slots: Vec<Pair>,
    /// Relocation records.
    pub relocs: Vec<Pair>,
    /// A content hash of the data's bytes (64-bit FNV-1a): it changes with
    /// any change of the image's targets, functions, layout or record, and
    /// identifies the image a layered image was built against.
    pub hash: u64,
}

impl std::ops::Deref for DispatchData {
    type Target = DispatchHead;

    fn deref(&self) -> &DispatchHead {
        &self.head
    }
}

/// An address range of the mapped (or linked) image, relative to the start of
/// the dispatch data, with what it allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Offsets from the dispatch data: may be negative.
    pub range: Range<i64>,
    /// Holds code.
    pub executable: bool,
    /// Is writable.
    pub writable: bool,
}

struct Reader<'a, S: Source + ?Sized> {
    source: &'a S,
}

impl<S: Source + ?Sized> Reader<'_, S> {
    fn word(&self, offset: u64) -> Result<u32, FormatError> {
        self.source.u32_at(offset).ok_or(FormatError {
            offset,
            problem: FormatProblem::Truncated {
                len: self.source.size(),
            },
        })
    }
}

fn fail<T>(offset: u64, problem: FormatProblem) -> Result<T, FormatError> {
    Err(FormatError { offset, problem })
}

/// Where the parts of a dispatch data lie, and how many records each
/// holds: what the head's parse found, for the rest of the parse.
struct Parts {
    /// Each part and its byte range, in order: the header, targets,
    /// functions, entries, slots, relocations, build record, strings.
    ranges: Vec<(DataPart, Range<u64>)>,
    function_count: u32,
    entry_count: u32,
    slot_count: u32,
    reloc_count: u32,
}

/// The strings of a dispatch data: every string is UTF-8 without NUL bytes,
/// followed by a NUL (so that C hosts can use it in place); names are not
/// empty.
struct Strings<'a, S: Source + ?Sized> {
    r: Reader<'a, S>,
    area: Range<u64>,
}

impl<S: Source + ?Sized> Strings<'_, S> {
    /// The string whose (offset, length) words are at `at`.
    fn text(&self, at: u64, may_be_empty: bool) -> Result<String, FormatError> {
        let (r, strings) = (&self.r, &self.area);
        let (offset, len) = (u64::from(r.word(at)?), u64::from(r.word(at + 4)?));
        let (start, end) = (strings.start + offset, strings.start + offset + len);
        if end >= strings.end {
            return fail(
                at,
                FormatProblem::StringPastArea {
                    offset,
                    len,
                    area: strings.end - strings.start,
                },
            );
        }
        // Inside the area, which is inside the source (the head's parse
        // checked both).
        let bytes = r.source.read(start, len + 1).ok_or(FormatError {
            offset: at,
            problem: FormatProblem::Truncated {
                len: r.source.size(),
            },
        })?;
        if bytes[len as usize] != 0 {
            return fail(at, FormatProblem::StringNotTerminated { offset, len });
        }
        match String::from_utf8(bytes[..len as usize].to_vec()) {
            Ok(text) if (may_be_empty || !text.is_empty()) && !text.contains('\0') => Ok(text),
            Ok(text) if text.is_empty() => fail(at, FormatProblem::EmptyName),
            _ => fail(at, FormatProblem::NotText),
        }
    }

    /// A name: a string that is not empty.
    fn name(&self, at: u64) -> Result<String, FormatError> {
        self.text(at, false)
    }
}

impl DispatchHead {
    /// Parses and checks the head of the dispatch data at the start of
    /// `bytes` (which may extend past it): the header, that the parts
    /// follow each other in order inside the data, the targets (names,
    /// bases, flags, the bounds of their entry ranges), the build record and
    /// the list. The function tables are not read: [`DispatchData::parse`]
    /// reads and checks them too.
    pub fn parse(bytes: &[u8]) -> Result<DispatchHead, FormatError> {
        Ok(Self::parse_with_parts(bytes)?.0)
    }

    /// [`DispatchHead::parse`] of the data at the start of `source`, read
    /// only where the head lies (a file is read a few blocks of it).
    pub(crate) fn parse_source<S: Source + ?Sized>(
        source: &S,
    ) -> Result<DispatchHead, FormatError> {
        Ok(Self::parse_with_parts(source)?.0)
    }

    fn parse_with_parts<S: Source + ?Sized>(
        source: &S,
    ) -> Result<(DispatchHead, Parts), FormatError> {
        let r = Reader { source };
        if source.read(0, 8).as_deref() != Some(&MAGIC[..]) {
            return fail(0, FormatProblem::BadMagic);
        }
        let header = |k: u32| r.word(u64::from(k) * 4);
        let version = header(H_VERSION)?;
        if version != FORMAT_VERSION {
            return fail(
                u64::from(H_VERSION) * 4,
                FormatProblem::Version { found: version },
            );
        }
        let header_words = header(H_HEADER_WORDS)?;
        if header_words != HEADER_WORDS {
            return fail(
                u64::from(H_HEADER_WORDS) * 4,
                FormatProblem::HeaderWords {
                    found: header_words,
                },
            );
        }
        let arch = match header(H_ARCH)? {
            1 => Arch::X86_64,
            2 => Arch::Aarch64,
            other => {
                return fail(
                    u64::from(H_ARCH) * 4,
                    FormatProblem::UnknownArch { code: other },
                )
            }
        };
        let total_size = header(H_TOTAL_SIZE)?;
        if u64::from(total_size) > source.size() {
            return fail(
                u64::from(H_TOTAL_SIZE) * 4,
                FormatProblem::TotalSizePastEnd {
                    total_size,
                    len: source.size(),
                },
            );
        }
        if total_size % 4 != 0 || total_size < HEADER_WORDS * 4 {
            return fail(
                u64::from(H_TOTAL_SIZE) * 4,
                FormatProblem::TotalSizeNotWords { total_size },
            );
        }
        let counts = [
            header(H_TARGET_COUNT)?,
            header(H_FUNCTION_COUNT)?,
            header(H_ENTRY_COUNT)?,
            header(H_SLOT_COUNT)?,
            header(H_RELOC_COUNT)?,
            header(H_RECORD_COUNT)?,
        ];
        let [target_count, function_count, entry_count, slot_count, reloc_count, record_count] =
            counts;
        if target_count == 0 {
            return fail(u64::from(H_TARGET_COUNT) * 4, FormatProblem::NoTargets);
        }
        // Every part: (name, header word of its offset, size in bytes).
        let sizes = [
            (
                DataPart::Targets,
                H_TARGETS_OFFSET,
                u64::from(target_count) * u64::from(TARGET_WORDS) * 4,
            ),
            (
                DataPart::Functions,
                H_FUNCTIONS_OFFSET,
                u64::from(function_count) * u64::from(FUNCTION_WORDS) * 4,
            ),
            (
                DataPart::Entries,
                H_ENTRIES_OFFSET,
                u64::from(entry_count) * u64::from(PAIR_WORDS) * 4,
            ),
            (
                DataPart::Slots,
                H_SLOTS_OFFSET,
                u64::from(slot_count) * u64::from(PAIR_WORDS) * 4,
            ),
            (
                DataPart::Relocations,
                H_RELOCS_OFFSET,
                u64::from(reloc_count) * u64::from(PAIR_WORDS) * 4,
            ),
            (
                DataPart::BuildRecord,
                H_RECORD_OFFSET,
                u64::from(record_count) * u64::from(RECORD_WORDS) * 4,
            ),
            (
                DataPart::Strings,
                H_STRINGS_OFFSET,
                u64::from(header(H_STRINGS_SIZE)?),
            ),
        ];
        // The parts follow each other in this order, each right after the
        // previous one, the strings last: anything else (a swapped or moved
        // offset) is corruption.
        let mut parts: Vec<(DataPart, Range<u64>)> =
            vec![(DataPart::Header, 0..u64::from(HEADER_WORDS) * 4)];
        for (name, word, size) in sizes {
            let start = u64::from(header(word)?);
            let (previous, expected) = parts
                .last()
                .map(|(n, r)| (*n, r.end))
                .expect("the header is there");
            if start != expected {
                return fail(
                    u64::from(word) * 4,
                    FormatProblem::PartMisplaced {
                        part: name,
                        previous,
                        start,
                        expected,
                    },
                );
            }
            let end = start + size;
            if end > u64::from(total_size) {
                return fail(
                    u64::from(word) * 4,
                    FormatProblem::PartPastEnd {
                        part: name,
                        range: start..end,
                        total_size,
                    },
                );
            }
            parts.push((name, start..end));
        }
        if parts[7].1.end != u64::from(total_size) {
            return fail(
                u64::from(H_TOTAL_SIZE) * 4,
                FormatProblem::TotalSizeNotStringsEnd {
                    total_size,
                    strings_end: parts[7].1.end,
                },
            );
        }
        let offset_of = |k: usize| parts[k].1.start;
        let strings = Strings {
            r: Reader { source },
            area: parts[7].1.clone(),
        };
        let text = |at: u64, may_be_empty: bool| strings.text(at, may_be_empty);
        let string = |at: u64| strings.name(at);
        let list = string(u64::from(H_LIST) * 4)?;

        let mut record: Vec<(String, String)> = Vec::with_capacity(record_count as usize);
        for i in 0..u64::from(record_count) {
            let at = offset_of(6) + i * u64::from(RECORD_WORDS) * 4;
            let key = string(at + word(R_KEY))?;
            if !is_record_key(&key) {
                return fail(
                    at,
                    FormatProblem::RecordKey {
                        index: i as usize,
                        key,
                    },
                );
            }
            if let Some((previous, _)) = record.last() {
                if *previous >= key {
                    return fail(
                        at,
                        FormatProblem::RecordOrder {
                            index: i as usize,
                            key,
                            previous: previous.clone(),
                        },
                    );
                }
            }
            record.push((key, text(at + word(R_VALUE), true)?));
        }

        let mut targets: Vec<TargetRecord> = Vec::with_capacity(target_count as usize);
        for t in 0..target_count as usize {
            let at = offset_of(1) + t as u64 * u64::from(TARGET_WORDS) * 4;
            let base = r.word(at + word(T_BASE))?;
            let flags = r.word(at + word(T_FLAGS))?;
            let (first, count) = (
                r.word(at + word(T_FIRST_ENTRY))? as u64,
                r.word(at + word(T_ENTRY_COUNT))? as u64,
            );
            let base = match (t, base) {
                (0, NO_BASE) => None,
                (0, _) => return fail(at + word(T_BASE), FormatProblem::BaseOfTargetZero),
                (_, b)
                    if (b as usize) < t
                        && (b == 0 || targets[b as usize].flags & TARGET_CLONE_ALL != 0) =>
                {
                    Some(b as usize)
                }
                (_, b) => {
                    return fail(
                        at + word(T_BASE),
                        FormatProblem::BadBase { target: t, base: b },
                    )
                }
            };
            if flags & !(TARGET_CLONE_ALL | TARGET_OPT_SIZE | TARGET_MIN_SIZE) != 0 {
                return fail(
                    at + word(T_FLAGS),
                    FormatProblem::TargetFlags { target: t, flags },
                );
            }
            if first + count > u64::from(entry_count) || (t == 0 && count != 0) {
                return fail(
                    at + word(T_FIRST_ENTRY),
                    FormatProblem::EntriesOutOfRange {
                        target: t,
                        range: first..first + count,
                        entry_count,
                    },
                );
            }
            let range = first as usize..(first + count) as usize;
            if flags & TARGET_CLONE_ALL != 0 && count != u64::from(function_count) {
                return fail(
                    at + word(T_ENTRY_COUNT),
                    FormatProblem::CloneAllEntries {
                        target: t,
                        count,
                        function_count,
                    },
                );
            }
            targets.push(TargetRecord {
                name: string(at + word(T_NAME))?,
                features: text(at + word(T_FEATURES), true)?,
                llvm_cpu: string(at + word(T_LLVM_CPU))?,
                llvm_features: text(at + word(T_LLVM_FEATURES), true)?,
                base,
                flags,
                entries: range,
            });
        }
        let names: Vec<&str> = targets.iter().map(|t| t.name.as_str()).collect();
        if list.split(';').ne(names.iter().copied()) {
            return fail(
                u64::from(H_LIST) * 4,
                FormatProblem::ListMismatch {
                    list: list.clone(),
                    names: names.iter().map(|n| n.to_string()).collect(),
                },
            );
        }
        Ok((
            DispatchHead {
                arch,
                list,
                targets,
                record,
                total_size,
            },
            Parts {
                ranges: parts,
                function_count,
                entry_count,
                slot_count,
                reloc_count,
            },
        ))
    }
}

impl DispatchData {
    /// Parses and checks the dispatch data at the start of `bytes` (which may
    /// extend past it, e.g. to the end of the section or segment): its head
    /// ([`DispatchHead::parse`]), then every function record, every index
    /// and the order of each target's entries.
    pub fn parse(bytes: &[u8]) -> Result<DispatchData, FormatError> {
        let (head, parts) = DispatchHead::parse_with_parts(bytes)?;
        let r = Reader { source: bytes };
        let Parts {
            ranges,
            function_count,
            entry_count,
            slot_count,
            reloc_count,
        } = parts;
        let offset_of = |k: usize| ranges[k].1.start;
        let strings = Strings {
            r: Reader { source: bytes },
            area: ranges[7].1.clone(),
        };
        let string = |at: u64| strings.name(at);
        let mut functions = Vec::with_capacity(function_count as usize);
        for i in 0..u64::from(function_count) {
            let at = offset_of(2) + i * u64::from(FUNCTION_WORDS) * 4;
            let flags = r.word(at + word(F_FLAGS))?;
            if flags & !(FUNCTION_ENTRY | FUNCTION_SLOT) != 0 {
                return fail(
                    at + word(F_FLAGS),
                    FormatProblem::FunctionFlags {
                        function: i as usize,
                        flags,
                    },
                );
            }
            functions.push(FunctionRecord {
                name: string(at + word(F_NAME))?,
                body: r.word(at + word(F_BODY))? as i32,
                flags,
            });
        }
        let pairs = |part: usize, count: u32, what: DataPart| -> Result<Vec<Pair>, FormatError> {
            (0..u64::from(count))
                .map(|i| {
                    let at = offset_of(part) + i * u64::from(PAIR_WORDS) * 4;
                    let function = r.word(at + word(E_FUNCTION))?;
                    if function >= function_count {
                        return fail(
                            at,
                            FormatProblem::NoSuchFunction {
                                part: what,
                                index: i as usize,
                                function,
                                function_count,
                            },
                        );
                    }
                    Ok(Pair {
                        function: function as usize,
                        rel: r.word(at + word(E_BODY))? as i32,
                    })
                })
                .collect()
        };
        let entries = pairs(3, entry_count, DataPart::Entries)?;
        let slots = pairs(4, slot_count, DataPart::Slots)?;
        let relocs = pairs(5, reloc_count, DataPart::Relocations)?;
        for (t, target) in head.targets.iter().enumerate() {
            if entries[target.entries.clone()]
                .windows(2)
                .any(|w| w[0].function >= w[1].function)
            {
                let at = offset_of(1) + t as u64 * u64::from(TARGET_WORDS) * 4;
                return fail(
                    at + word(T_FIRST_ENTRY),
                    FormatProblem::EntriesUnsorted { target: t },
                );
            }
        }
        Ok(DispatchData {
            hash: content_hash(&bytes[..head.total_size as usize]),
            head,
            functions,
            entries,
            slots,
            relocs,
        })
    }
}

impl TargetRecord {
    /// Its recorded features that `arch`'s database knows, and the names
    /// of those it does not (an image of a newer mvimg), in record order.
    pub(crate) fn known_features(&self, arch: Arch) -> (FeatureSet, Vec<&str>) {
        let db = arch.database();
        let mut known = FeatureSet::empty(arch);
        let mut unknown = Vec::new();
        for name in self.features.split(',').filter(|n| !n.is_empty()) {
            match db.feature(name) {
                Some(feature) => known.insert(feature),
                None => unknown.push(name),
            }
        }
        (known, unknown)
    }
}

impl DispatchHead {
    /// The value of build-record key `key`.
    pub fn record_value(&self, key: &str) -> Option<&str> {
        self.record
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .map(|i| self.record[i].1.as_str())
    }
}

impl DispatchData {
    /// The offset (from the data) of the body target `t` uses for function
    /// `f`: its own entry, else its base's, else the target-0 body. `None`
    /// when `t` or `f` is out of range.
    pub fn body(&self, t: usize, f: usize) -> Option<i32> {
        let target = self.targets.get(t)?;
        let own = &self.entries[target.entries.clone()];
        if let Ok(k) = own.binary_search_by_key(&f, |p| p.function) {
            return Some(own[k].rel);
        }
        match target.base {
            Some(base) => self.body(base, f),
            None => self.functions.get(f).map(|r| r.body),
        }
    }

    /// The index of the function named `name`.
    pub fn function_index(&self, name: &str) -> Option<usize> {
        self.functions.iter().position(|f| f.name == name)
    }

    /// Checks every address against the image's segments (offsets relative to
    /// the data): bodies must be in an executable segment, slot and
    /// relocation cells in a writable one, whole, and at addresses that are
    /// multiples of `pointer_size` (`data_address` is the data's own
    /// address, in memory or in the linked file).
    pub fn check_addresses(
        &self,
        segments: &[Segment],
        pointer_size: u64,
        data_address: u64,
    ) -> Result<(), FormatError> {
        let inside = |start: i64, len: i64, want: fn(&Segment) -> bool| {
            segments
                .iter()
                .any(|s| want(s) && s.range.start <= start && start + len <= s.range.end)
        };
        let code = |rel: i32, what: CodeAddress| {
            if inside(i64::from(rel), 1, |s| s.executable) {
                Ok(())
            } else {
                fail(0, FormatProblem::OutsideCode { what, rel })
            }
        };
        for (index, f) in self.functions.iter().enumerate() {
            code(
                f.body,
                CodeAddress::Function {
                    index,
                    name: f.name.clone(),
                },
            )?;
        }
        for (index, e) in self.entries.iter().enumerate() {
            code(e.rel, CodeAddress::Entry { index })?;
        }
        for (part, cells) in [
            (DataPart::Slots, &self.slots),
            (DataPart::Relocations, &self.relocs),
        ] {
            for (i, c) in cells.iter().enumerate() {
                let address = data_address.wrapping_add(c.rel as i64 as u64);
                if !inside(i64::from(c.rel), pointer_size as i64, |s| s.writable)
                    || !address.is_multiple_of(pointer_size)
                {
                    return fail(
                        0,
                        FormatProblem::BadCell {
                            part,
                            index: i,
                            rel: c.rel,
                        },
                    );
                }
            }
        }
        Ok(())
    }
}

impl DispatchHead {
    /// The image's targets as it recorded them, for selection: the stored
    /// list resolved without a host (a version-2 image never stores
    /// `native`), with each target's ISA features, LLVM CPU and LLVM
    /// features taken from its record. Every selector (the image's own
    /// init, the loader, `explain`, `check`) selects over these stored
    /// features, so all agree whatever machine reads the image.
    pub fn resolved_targets(&self) -> Result<ResolvedTargets, FormatError> {
        let wrong = |problem: FormatProblem| FormatError {
            offset: u64::from(H_LIST) * 4,
            problem,
        };
        let built_by = self.record_value(RECORD_MVIMG_VERSION).map(str::to_owned);
        let list: TargetList = self.list.parse().map_err(|e: crate::Error| {
            wrong(FormatProblem::ListParse {
                error: e.to_string(),
            })
        })?;
        let mut resolved = list.resolve(self.arch, None).map_err(|e| {
            wrong(FormatProblem::ListResolve {
                error: e.to_string(),
                built_by: built_by.clone(),
            })
        })?;
        if resolved.targets.len() != self.targets.len() {
            return Err(wrong(FormatProblem::ListTargetCount {
                list: self.list.clone(),
                resolved: resolved.targets.len(),
                stored: self.targets.len(),
            }));
        }
        let db = self.arch.database();
        for (t, (target, record)) in resolved.targets.iter_mut().zip(&self.targets).enumerate() {
            let (isa, unknown) = record.known_features(self.arch);
            if let Some(name) = unknown.first() {
                return Err(wrong(FormatProblem::UnknownFeature {
                    target: t,
                    feature: (*name).to_owned(),
                    built_by: built_by.clone(),
                }));
            }
            // Tuning hints as resolved; what a host must have as recorded.
            target.features = target.features.intersection(&db.tuning()).union(&isa);
            target.llvm_cpu = record.llvm_cpu.clone();
            target.llvm_features = record.llvm_features.clone();
        }
        Ok(resolved)
    }
}
