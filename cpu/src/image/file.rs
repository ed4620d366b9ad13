//! Reading an image file without loading it: its dispatch data, checked like
//! the loader checks it, with the code size of every body taken from the
//! symbol table. Works for ELF, Mach-O and PE images of any architecture on
//! any host.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::image::elf::ElfSections;
use crate::image::format::{DispatchHead, Segment, DISPATCH_SYMBOL};
use crate::image::source::{BlockFile, Source, Window};
use crate::image::{DispatchData, FormatError};
use crate::FeatureSet;
use object::{Object, ObjectSection, ObjectSegment, ObjectSymbol, SegmentFlags};

/// Why an image file could not be read.
#[derive(Debug)]
pub enum InspectError {
    /// The file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// Not an object file `object` can parse.
    NotAnImage {
        /// The file.
        path: PathBuf,
        /// The parser's message.
        message: String,
    },
    /// No `mvimg_dispatch_data` symbol.
    NoDispatchData {
        /// The file.
        path: PathBuf,
    },
    /// The dispatch data is malformed.
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        error: FormatError,
    },
}

impl std::fmt::Display for InspectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InspectError::Io { path, source } => {
                write!(f, "cannot read {}: {source}", path.display())
            }
            InspectError::NotAnImage { path, message } => write!(
                f,
                "{} is not an ELF, Mach-O or PE image: {message}",
                path.display()
            ),
            InspectError::NoDispatchData { path } => write!(
                f,
                "{} has no `{DISPATCH_SYMBOL}` in a section with contents: it is not an image \
                 built by mvimg",
                path.display()
            ),
            InspectError::Format { path, error } => write!(f, "{}: {error}", path.display()),
        }
    }
}

impl std::error::Error for InspectError {}

/// An image file's dispatch data and what the file says about its bodies.
#[derive(Debug)]
pub struct ImageFile {
    /// The object format (`elf`, `macho`, `pe`).
    pub format: &'static str,
    /// The dispatch data.
    pub data: DispatchData,
    /// Code bytes of the body at each offset from the data, from the symbol
    /// table (ELF sizes; Mach-O and PE: the distance to the next symbol of
    /// the section).
    pub body_sizes: BTreeMap<i64, u64>,
}

impl ImageFile {
    /// Reads and checks the image at `path`.
    pub fn read(path: &Path) -> Result<ImageFile, InspectError> {
        let mapped = Mapped::open(path)?;
        Self::parse(path, mapped.bytes())
    }

    /// Checks the image `bytes` (`path` names it in errors).
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<ImageFile, InspectError> {
        let file = object_file(path, bytes)?;
        let format = match file.format() {
            object::BinaryFormat::Elf => "elf",
            object::BinaryFormat::MachO => "macho",
            object::BinaryFormat::Pe => "pe",
            _ => "other",
        };
        let (tail, address) = locate(path, bytes, &file)?;
        let format_error = |error| InspectError::Format {
            path: path.to_path_buf(),
            error,
        };
        let data = DispatchData::parse(tail).map_err(format_error)?;

        // Judged by the segments the loader maps, with their protections, as
        // the Rust loader and the image's own init judge them.
        let relative = |a: u64| a as i64 - address as i64;
        let segments: Vec<Segment> = file
            .segments()
            .filter(|s| s.size() > 0)
            .map(|s| {
                let (executable, writable) = match s.flags() {
                    SegmentFlags::Elf { p_flags } => (
                        p_flags & object::elf::PF_X != 0,
                        p_flags & object::elf::PF_W != 0,
                    ),
                    SegmentFlags::MachO { initprot, .. } => (
                        initprot & object::macho::VM_PROT_EXECUTE != 0,
                        initprot & object::macho::VM_PROT_WRITE != 0,
                    ),
                    SegmentFlags::Coff { characteristics } => (
                        characteristics & object::pe::IMAGE_SCN_MEM_EXECUTE != 0,
                        characteristics & object::pe::IMAGE_SCN_MEM_WRITE != 0,
                    ),
                    _ => (false, false),
                };
                Segment {
                    range: relative(s.address())..relative(s.address().saturating_add(s.size())),
                    executable,
                    writable,
                }
            })
            .collect();
        let pointer = if file.is_64() { 8 } else { 4 };
        data.check_addresses(&segments, pointer, address)
            .map_err(format_error)?;
        init_tables(bytes, &file)
            .and_then(|tables| init_tables_agree(tables, &data))
            .map_err(|detail| tables_error(path, detail))?;
        // Symbol starts per section; a body's size is its ELF size, else the
        // distance to the next symbol (or the section end).
        let mut starts: BTreeMap<u64, u64> = BTreeMap::new();
        for symbol in file.symbols() {
            if symbol.is_definition() && symbol.kind() == object::SymbolKind::Text {
                let size = starts.entry(symbol.address()).or_insert(0);
                *size = (*size).max(symbol.size());
            }
        }
        let text_end = |a: u64| {
            file.sections()
                .find(|s| s.address() <= a && a < s.address() + s.size())
                .map_or(a, |s| s.address() + s.size())
        };
        let mut body_sizes = BTreeMap::new();
        let bodies = data
            .functions
            .iter()
            .map(|f| f.body)
            .chain(data.entries.iter().map(|e| e.rel));
        for rel in bodies {
            let at = (address as i64 + i64::from(rel)) as u64;
            let size = match starts.get(&at) {
                Some(&size) if size > 0 => size,
                _ => {
                    let next = starts
                        .range(at + 1..)
                        .next()
                        .map_or(u64::MAX, |(a, _)| *a)
                        .min(text_end(at));
                    next.saturating_sub(at)
                }
            };
            body_sizes.insert(i64::from(rel), size);
        }
        Ok(ImageFile {
            format,
            data,
            body_sizes,
        })
    }

    /// Code bytes of target `t`'s own bodies (its entries; for target 0 the
    /// function records' bodies).
    pub fn code_bytes(&self, t: usize) -> u64 {
        let size = |rel: i32| self.body_sizes.get(&i64::from(rel)).copied().unwrap_or(0);
        match self.data.targets.get(t) {
            Some(target) if t > 0 => self.data.entries[target.entries.clone()]
                .iter()
                .map(|e| size(e.rel))
                .sum(),
            Some(_) => self.data.functions.iter().map(|f| size(f.body)).sum(),
            None => 0,
        }
    }
}

/// One target as `mvimg inspect` shows it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TargetDescription {
    /// Its index.
    pub index: usize,
    /// The target as recorded (normalized).
    pub name: String,
    /// Its ISA features (LLVM names, comma-separated).
    pub features: String,
    /// LLVM `target-cpu`.
    pub llvm_cpu: String,
    /// LLVM `target-features`.
    pub llvm_features: String,
    /// The target it falls back to.
    pub base: Option<usize>,
    /// `clone_all`, `opt_size`, `min_size`.
    pub flags: Vec<&'static str>,
    /// The functions it has its own bodies of (target 0: none listed; it
    /// holds every function).
    pub cloned: Vec<String>,
    /// Code bytes of its own bodies.
    pub code_bytes: u64,
}

/// What `mvimg inspect` prints of an image: text (`Display`) or JSON
/// (`Serialize`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ImageDescription {
    /// The dispatch data's format version.
    pub format_version: u32,
    /// `elf`, `macho` or `pe`.
    pub object_format: &'static str,
    /// The architecture.
    pub arch: String,
    /// The target list.
    pub list: String,
    /// Each target.
    pub targets: Vec<TargetDescription>,
    /// Functions in the table.
    pub functions: usize,
    /// Of which entry points.
    pub entry_points: usize,
    /// Slots.
    pub slots: usize,
    /// Relocation cells.
    pub relocations: usize,
    /// The build record.
    pub record: BTreeMap<String, String>,
    #[serde(skip)]
    path: PathBuf,
}

impl ImageFile {
    /// The description `mvimg inspect` prints of this image, read from `path`.
    pub fn describe(&self, path: &Path) -> ImageDescription {
        use crate::image::format::{
            FORMAT_VERSION, FUNCTION_ENTRY, TARGET_CLONE_ALL, TARGET_MIN_SIZE, TARGET_OPT_SIZE,
        };
        let data = &self.data;
        let flags = |f: u32| -> Vec<&'static str> {
            [
                (TARGET_CLONE_ALL, "clone_all"),
                (TARGET_OPT_SIZE, "opt_size"),
                (TARGET_MIN_SIZE, "min_size"),
            ]
            .into_iter()
            .filter(|(bit, _)| f & bit != 0)
            .map(|(_, name)| name)
            .collect()
        };
        ImageDescription {
            format_version: FORMAT_VERSION,
            object_format: self.format,
            arch: data.arch.to_string(),
            list: data.list.clone(),
            targets: data
                .targets
                .iter()
                .enumerate()
                .map(|(t, r)| TargetDescription {
                    index: t,
                    name: r.name.clone(),
                    features: r.features.clone(),
                    llvm_cpu: r.llvm_cpu.clone(),
                    llvm_features: r.llvm_features.clone(),
                    base: r.base,
                    flags: flags(r.flags),
                    cloned: data.entries[r.entries.clone()]
                        .iter()
                        .map(|e| data.functions[e.function].name.clone())
                        .collect(),
                    code_bytes: self.code_bytes(t),
                })
                .collect(),
            functions: data.functions.len(),
            entry_points: data
                .functions
                .iter()
                .filter(|f| f.flags & FUNCTION_ENTRY != 0)
                .count(),
            slots: data.slots.len(),
            relocations: data.relocs.len(),
            record: data.record.iter().cloned().collect(),
            path: path.to_path_buf(),
        }
    }
}

impl std::fmt::Display for ImageDescription {
    /// The summary, a table of targets, the build record.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "{}: {} {} image, dispatch data version {}",
            self.path.display(),
            self.arch,
            self.object_format,
            self.format_version
        )?;
        writeln!(f, "target list: {}", self.list)?;
        writeln!(
            f,
            "{} functions in the table ({} entry points), {} slots, {} relocations",
            self.functions, self.entry_points, self.slots, self.relocations
        )?;
        writeln!(f, "target  cloned  code bytes  base  flags      name")?;
        for t in &self.targets {
            writeln!(
                f,
                "{:>6}  {:>6}  {:>10}  {:>4}  {:<9}  {}",
                t.index,
                if t.index == 0 {
                    self.functions
                } else {
                    t.cloned.len()
                },
                t.code_bytes,
                t.base.map_or("-".to_owned(), |b| b.to_string()),
                t.flags.join(","),
                t.name
            )?;
        }
        writeln!(f, "build record:")?;
        for (key, value) in &self.record {
            writeln!(f, "  {key} = {value}")?;
        }
        Ok(())
    }
}

/// A file mapped read-only (its bytes), unmapped when dropped.
struct Mapped {
    ptr: *mut libc::c_void,
    len: usize,
}

impl Mapped {
    /// The file at `path`, mapped.
    fn open(path: &Path) -> Result<Mapped, InspectError> {
        let io = |source| InspectError::Io {
            path: path.to_path_buf(),
            source,
        };
        let file = std::fs::File::open(path).map_err(io)?;
        // Mapped, not read: only the pages the checks touch are loaded (a
        // 100,000-function image is 76 MB, mostly symbol tables).
        Mapped::of(&file).map_err(io)
    }

    fn of(file: &std::fs::File) -> std::io::Result<Mapped> {
        use std::os::fd::AsRawFd;
        let meta = file.metadata()?;
        if !meta.is_file() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "not a regular file",
            ));
        }
        let len = usize::try_from(meta.len())
            .map_err(|_| std::io::Error::other("the file does not fit in memory"))?;
        if len == 0 {
            return Ok(Mapped {
                ptr: std::ptr::null_mut(),
                len: 0,
            });
        }
        // SAFETY: a private read-only mapping of an open file; checked below.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ,
                libc::MAP_PRIVATE,
                file.as_raw_fd(),
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(std::io::Error::last_os_error());
        }
        Ok(Mapped { ptr, len })
    }

    fn bytes(&self) -> &[u8] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: `len` bytes are mapped readable at `ptr` while `self` lives.
        // (A file changed by another process while mapped can change what
        // is read; the parser treats every byte as untrusted.)
        unsafe { std::slice::from_raw_parts(self.ptr.cast::<u8>(), self.len) }
    }
}

impl Drop for Mapped {
    fn drop(&mut self) {
        if self.len > 0 {
            // SAFETY: the mapping made in `of`, unmapped once.
            unsafe { libc::munmap(self.ptr, self.len) };
        }
    }
}

/// Reads the head of the dispatch data of the image at `path`
/// ([`DispatchHead::parse`]) and checks the init's tables against it: what
/// decides whether and how the image loads, without reading its function
/// tables or (for an image that exports its tables) its symbol table. What
/// a loader reads before `dlopen`.
pub fn read_head(path: &Path) -> Result<DispatchHead, InspectError> {
    let file = BlockFile::open(path).map_err(|source| InspectError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    read_head_in(path, &file)
}

/// [`read_head`] of `file`, opened at `path`. A 64-bit little-endian ELF
/// image that exports its data and tables through a GNU hash table (every
/// image mvimg links for Linux) is read a few blocks of it: its section
/// headers, the hash table's probes, the head and the tables. Any other
/// file is mapped and its symbols searched, as [`ImageFile::read`] does.
pub(crate) fn read_head_in(path: &Path, file: &BlockFile) -> Result<DispatchHead, InspectError> {
    let format_error = |error| InspectError::Format {
        path: path.to_path_buf(),
        error,
    };
    let by_blocks = ElfSections::read(file).and_then(|elf| {
        // Each to the end of its section; the tables, which are read whole,
        // only as far as their symbol's size when it has one.
        let window = |name, whole: bool| {
            let found = elf.find(file, name)?;
            let len = match found.size {
                size if whole && size > 0 => found.to_section_end.min(size),
                _ => found.to_section_end,
            };
            Some(Window {
                source: file,
                start: found.offset,
                len,
            })
        };
        let tables = window(INIT_TABLES_SYMBOL, true)?;
        Some((
            window(DISPATCH_SYMBOL, false)?,
            tables.read(0, tables.size())?.into_owned(),
        ))
    });
    if let Some((data, tables)) = by_blocks {
        let head = DispatchHead::parse_source(&data).map_err(format_error)?;
        init_tables_agree(Some(&tables), &head).map_err(|detail| tables_error(path, detail))?;
        return Ok(head);
    }
    let mapped = Mapped::open(path)?;
    let object = object_file(path, mapped.bytes())?;
    let (tail, _) = locate(path, mapped.bytes(), &object)?;
    let head = DispatchHead::parse(tail).map_err(format_error)?;
    init_tables(mapped.bytes(), &object)
        .and_then(|tables| init_tables_agree(tables, &head))
        .map_err(|detail| tables_error(path, detail))?;
    Ok(head)
}

/// The error of an image whose init's tables disagree with its data.
fn tables_error(path: &Path, detail: String) -> InspectError {
    InspectError::Format {
        path: path.to_path_buf(),
        error: FormatError {
            offset: 0,
            problem: crate::image::format::FormatProblem::InitTablesDisagree { detail },
        },
    }
}

/// `bytes` parsed as an object file.
fn object_file<'a>(path: &Path, bytes: &'a [u8]) -> Result<object::File<'a>, InspectError> {
    object::File::parse(bytes).map_err(|e| InspectError::NotAnImage {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// `name`, exported by the 64-bit little-endian ELF file `bytes` and found
/// through its GNU hash table: its bytes to the end of their section, and
/// its address.
fn elf_exported<'a>(bytes: &'a [u8], name: &str) -> Option<(&'a [u8], u64)> {
    let found = ElfSections::read(bytes)?.find(bytes, name)?;
    let start = usize::try_from(found.offset).ok()?;
    let end = start.checked_add(usize::try_from(found.to_section_end).ok()?)?;
    Some((bytes.get(start..end)?, found.address))
}

/// The definition of `name` (or `_name`, Mach-O's spelling) among the
/// symbols of `file`: its bytes to the end of their section and its
/// address. `Ok(None)` when there is none; an error when the symbol lies
/// in no section with contents.
fn defined<'a>(file: &object::File<'a>, name: &str) -> Result<Option<(&'a [u8], u64)>, ()> {
    let wanted = |n: &[u8]| n.strip_prefix(b"_").unwrap_or(n) == name.as_bytes();
    // Among the dynamic symbols (a fraction of the symbol table), the
    // symbols, the exports.
    let address = file
        .dynamic_symbols()
        .chain(file.symbols())
        .find(|s| s.is_definition() && s.name_bytes().is_ok_and(wanted))
        .map(|s| s.address())
        .or_else(|| {
            file.exports()
                .ok()?
                .iter()
                .find(|e| wanted(e.name()))
                .map(|e| e.address())
        });
    let Some(address) = address else {
        return Ok(None);
    };
    let section = file
        .sections()
        .find(|s| s.address() <= address && address < s.address().saturating_add(s.size()))
        .ok_or(())?;
    let content = section.data().map_err(|_| ())?;
    let start = usize::try_from(address - section.address()).map_err(|_| ())?;
    Ok(Some((content.get(start..).ok_or(())?, address)))
}

/// Where the dispatch data is in `file` (whose bytes are `bytes`): its
/// bytes to the end of their section, and its address. The data is
/// exported: found through the ELF hash table as the dynamic loader finds
/// it, else among the symbols.
fn locate<'a>(
    path: &Path,
    bytes: &'a [u8],
    file: &object::File<'a>,
) -> Result<(&'a [u8], u64), InspectError> {
    let no_data = || InspectError::NoDispatchData {
        path: path.to_path_buf(),
    };
    match elf_exported(bytes, DISPATCH_SYMBOL) {
        Some(found) => Ok(found),
        None => defined(file, DISPATCH_SYMBOL)
            .ok()
            .flatten()
            .ok_or_else(no_data),
    }
}

const INIT_TABLES_SYMBOL: &str = "mvimg_init_tables";

/// The init's tables of `file` (whose bytes are `bytes`), to the end of
/// their section: exported since the loader reads them before dlopen,
/// found through the hash table; an image built before is searched.
/// `None` for an image without them (stripped of its symbol table); an
/// error when the symbol lies in no section with contents.
fn init_tables<'a>(bytes: &'a [u8], file: &object::File<'a>) -> Result<Option<&'a [u8]>, String> {
    if let Some((tables, _)) = elf_exported(bytes, INIT_TABLES_SYMBOL) {
        return Ok(Some(tables));
    }
    defined(file, INIT_TABLES_SYMBOL)
        .map(|found| found.map(|(tables, _)| tables))
        .map_err(|()| "the init's tables are not in the file".to_owned())
}

/// Checks that the init's tables (`None` for an image without them: it
/// cannot be checked and passes) describe the targets the dispatch data
/// describes: as many, with the same names, each requiring exactly the
/// recorded features that the tables can detect and this database matches
/// (never one that is not recorded). The tables name their own features,
/// so images of another mvimg version compare too. The reason when they
/// disagree.
fn init_tables_agree(tables: Option<&[u8]>, data: &DispatchHead) -> Result<(), String> {
    use crate::image::layout as l;
    let Some(bytes) = tables else {
        return Ok(());
    };
    let word = |i: u32| -> Result<u32, String> {
        bytes
            .u32_at(u64::from(i) * 4)
            .ok_or_else(|| format!("the tables end before word {i}"))
    };
    let string = |offset: u32| -> Result<&str, String> {
        let at = word(l::IH_STRINGS_AT)? as usize + offset as usize;
        let tail = bytes.get(at..).ok_or("a string past the tables' end")?;
        let end = tail
            .iter()
            .position(|&b| b == 0)
            .ok_or("an unterminated string")?;
        std::str::from_utf8(&tail[..end]).map_err(|_| "a string that is not UTF-8".to_owned())
    };
    let mask_words = word(l::IH_MASK_WORDS)?;
    if mask_words == 0 || mask_words > 64 {
        return Err(format!("{mask_words} mask words"));
    }
    let db = data.arch.database();
    // Each mask bit's feature name, and the database's feature of that name.
    let feature_stride = l::INIT_FEATURE_WORDS + 2 * mask_words;
    let mut named: Vec<Option<(&str, Option<crate::Feature>)>> =
        vec![None; mask_words as usize * 32];
    let mut detectable = FeatureSet::empty(data.arch);
    for k in 0..word(l::IH_FEATURES)? {
        let at = word(l::IH_FEATURES_AT)? + k * feature_stride;
        let bit = word(at + l::IF_BIT)?;
        if let Some(slot) = named.get_mut(bit as usize) {
            let name = string(word(at + l::IF_NAME)?)?;
            let feature = db.feature(name);
            detectable.extend(feature);
            *slot = Some((name, feature));
        }
    }
    let targets = word(l::IH_TARGETS)? as usize;
    if targets != data.targets.len() {
        return Err(format!(
            "{targets} targets in the tables, {} in the data",
            data.targets.len()
        ));
    }
    let matched = db.matched();
    let target_stride = l::INIT_TARGET_WORDS + mask_words;
    for (t, record) in data.targets.iter().enumerate() {
        let at = word(l::IH_TARGETS_AT)? + t as u32 * target_stride;
        let spec = string(word(at + l::IT_SPEC)?)?;
        if spec != record.name {
            return Err(format!(
                "target {t} is `{spec}` in the tables, `{}` in the data",
                record.name
            ));
        }
        let (recorded, recorded_unknown) = record.known_features(data.arch);
        // What the init requires: features of this database, and names it
        // does not know (each must be recorded all the same).
        let mut needs = FeatureSet::empty(data.arch);
        let mut extra: Option<&str> = None;
        for w in 0..mask_words {
            let bits = word(at + l::INIT_TARGET_WORDS + w)?;
            for b in (0..32).filter(|b| bits >> b & 1 == 1) {
                let (name, feature) = named[(w * 32 + b) as usize]
                    .ok_or_else(|| format!("target {t} needs an unnamed feature bit"))?;
                let is_recorded = match feature {
                    Some(f) => {
                        needs.insert(f);
                        recorded.contains(f)
                    }
                    None => recorded_unknown.contains(&name),
                };
                if !is_recorded && extra.is_none_or(|e| name < e) {
                    extra = Some(name);
                }
            }
        }
        if let Some(extra) = extra {
            return Err(format!(
                "target {t}'s init requires `{extra}`, which the data does not record"
            ));
        }
        let expected = recorded
            .intersection(&detectable)
            .intersection(&matched)
            .difference(&needs);
        let missing = expected.iter().next();
        if let Some(missing) = missing {
            return Err(format!(
                "target {t} records `{}`, which its init does not require",
                missing.name()
            ));
        }
    }
    Ok(())
}
