//! Reading an image file without loading it: its dispatch data, checked like
//! the loader checks it, with the code size of every body taken from the
//! symbol table. Works for ELF, Mach-O and PE images of any architecture on
//! any host.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::image::format::{DispatchHead, Segment, DISPATCH_SYMBOL};
use crate::image::{DispatchData, FormatError};
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
        let (tail, address) = locate(path, &file)?;
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
        init_tables_agree(&file, &data).map_err(|detail| {
            format_error(FormatError {
                offset: 0,
                problem: crate::image::format::FormatProblem::InitTablesDisagree { detail },
            })
        })?;
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

/// The name of the init's tables in an image's symbol table.
/// Reads the head of the dispatch data of the image at `path`
/// ([`DispatchHead::parse`]) and checks the init's tables against it: what
/// decides whether and how the image loads, without reading its function
/// tables or (for an image that exports its tables) its symbol table. What
/// a loader reads before `dlopen`.
pub fn read_head(path: &Path) -> Result<DispatchHead, InspectError> {
    let mapped = Mapped::open(path)?;
    let file = object_file(path, mapped.bytes())?;
    let (tail, _) = locate(path, &file)?;
    let format_error = |error| InspectError::Format {
        path: path.to_path_buf(),
        error,
    };
    let head = DispatchHead::parse(tail).map_err(format_error)?;
    init_tables_agree(&file, &head).map_err(|detail| {
        format_error(FormatError {
            offset: 0,
            problem: crate::image::format::FormatProblem::InitTablesDisagree { detail },
        })
    })?;
    Ok(head)
}

/// `bytes` parsed as an object file.
fn object_file<'a>(path: &Path, bytes: &'a [u8]) -> Result<object::File<'a>, InspectError> {
    object::File::parse(bytes).map_err(|e| InspectError::NotAnImage {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Where the dispatch data is in `file`: its bytes to the end of their
/// section, and its address.
fn locate<'a>(path: &Path, file: &object::File<'a>) -> Result<(&'a [u8], u64), InspectError> {
    let no_data = || InspectError::NoDispatchData {
        path: path.to_path_buf(),
    };
    let wanted =
        |name: &[u8]| name.strip_prefix(b"_").unwrap_or(name) == DISPATCH_SYMBOL.as_bytes();
    // The dispatch data is exported: found through the ELF hash table as
    // the dynamic loader finds it, else among the dynamic symbols (a
    // fraction of the symbol table), the symbols or the exports.
    let address = elf_exported_address(file, DISPATCH_SYMBOL)
        .or_else(|| {
            file.dynamic_symbols()
                .chain(file.symbols())
                .find(|s| s.is_definition() && s.name_bytes().is_ok_and(wanted))
                .map(|s| s.address())
        })
        .or_else(|| {
            file.exports()
                .ok()?
                .iter()
                .find(|e| wanted(e.name()))
                .map(|e| e.address())
        })
        .ok_or_else(no_data)?;
    let section = file
        .sections()
        .find(|s| s.address() <= address && address < s.address().saturating_add(s.size()))
        .ok_or_else(no_data)?;
    let content = section.data().map_err(|_| no_data())?;
    let start = usize::try_from(address - section.address()).map_err(|_| no_data())?;
    let tail = content.get(start..).ok_or_else(no_data)?;
    Ok((tail, address))
}

/// The address of the symbol `name` defined and exported by a 64-bit ELF
/// file, looked up in its GNU hash table (a few reads, whatever the number
/// of symbols). `None` when the file has no such table or no such symbol.
fn elf_exported_address(file: &object::File<'_>, name: &str) -> Option<u64> {
    use object::read::elf::Sym;
    let object::File::Elf64(elf) = file else {
        return None;
    };
    let endian = elf.endian();
    let (table, link) = elf
        .elf_section_table()
        .gnu_hash(endian, elf.data())
        .ok()??;
    let symbols = elf.elf_dynamic_symbol_table();
    if symbols.section() != link {
        return None;
    }
    let name = name.as_bytes();
    let versions = object::read::elf::VersionTable::default();
    let (_, symbol) = table.find(
        endian,
        name,
        object::elf::gnu_hash(name),
        None,
        symbols,
        &versions,
    )?;
    (!symbol.is_undefined(endian)).then(|| symbol.st_value(endian))
}

const INIT_TABLES_SYMBOL: &str = "mvimg_init_tables";

/// Checks that the init's tables (`mvimg_init_tables`, found through the
/// symbol table; an image stripped of it cannot be checked and passes)
/// describe the targets the dispatch data describes: as many, with the same
/// names, each requiring exactly the recorded features that the tables can
/// detect and this database matches (never one that is not recorded). The
/// tables name their own features, so images of another mvimg version
/// compare too. The reason when they disagree.
fn init_tables_agree(file: &object::File<'_>, data: &DispatchHead) -> Result<(), String> {
    use crate::image::layout as l;
    // Exported since the loader reads them before dlopen: found through the
    // hash table; an image built before is searched.
    let Some(address) = elf_exported_address(file, INIT_TABLES_SYMBOL).or_else(|| {
        file.symbols()
            .find(|s| {
                s.is_definition()
                    && s.name_bytes().is_ok_and(|n| {
                        n.strip_prefix(b"_").unwrap_or(n) == INIT_TABLES_SYMBOL.as_bytes()
                    })
            })
            .map(|s| s.address())
    }) else {
        return Ok(());
    };
    let bytes = file
        .sections()
        .find(|s| s.address() <= address && address < s.address() + s.size())
        .and_then(|s| {
            let content = s.data().ok()?;
            content.get(usize::try_from(address - s.address()).ok()?..)
        })
        .ok_or("the init's tables are not in the file")?;
    let word = |i: u32| -> Result<u32, String> {
        let at = i as usize * 4;
        bytes
            .get(at..at + 4)
            .map(|b| u32::from_le_bytes(b.try_into().expect("4 bytes")))
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
    // Each mask bit's feature name.
    let feature_stride = l::INIT_FEATURE_WORDS + 2 * mask_words;
    let mut named: BTreeMap<u32, &str> = BTreeMap::new();
    for k in 0..word(l::IH_FEATURES)? {
        let at = word(l::IH_FEATURES_AT)? + k * feature_stride;
        let bit = word(at + l::IF_BIT)?;
        if bit != u32::MAX {
            named.insert(bit, string(word(at + l::IF_NAME)?)?);
        }
    }
    let detectable: std::collections::BTreeSet<&str> = named.values().copied().collect();
    let targets = word(l::IH_TARGETS)? as usize;
    if targets != data.targets.len() {
        return Err(format!(
            "{targets} targets in the tables, {} in the data",
            data.targets.len()
        ));
    }
    let db = data.arch.database();
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
        let mut needs = std::collections::BTreeSet::new();
        for w in 0..mask_words {
            let bits = word(at + l::INIT_TARGET_WORDS + w)?;
            for b in 0..32 {
                if bits >> b & 1 == 1 {
                    let name = named
                        .get(&(w * 32 + b))
                        .ok_or_else(|| format!("target {t} needs an unnamed feature bit"))?;
                    needs.insert(*name);
                }
            }
        }
        let recorded: std::collections::BTreeSet<&str> = record
            .features
            .split(',')
            .filter(|n| !n.is_empty())
            .collect();
        if let Some(extra) = needs.iter().find(|n| !recorded.contains(*n)) {
            return Err(format!(
                "target {t}'s init requires `{extra}`, which the data does not record"
            ));
        }
        let expected = recorded.iter().find(|n| {
            detectable.contains(*n)
                && !needs.contains(*n)
                && db.feature(n).is_some_and(|f| matched.contains(f))
        });
        if let Some(missing) = expected {
            return Err(format!(
                "target {t} records `{missing}`, which its init does not require"
            ));
        }
    }
    Ok(())
}
