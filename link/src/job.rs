//! A link job: what to link, by meaning, and running it. The flavor of the
//! job's platform translates each meaning ([`crate::flavor`]); this file
//! holds what every flavor shares: checking the job, finding libraries,
//! ordering the meanings, the scratch directory and the rename into place.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use mvimg_cpu::Platform;

use crate::error::{JobProblem, LinkError};
use crate::flavor::{Args, Flavor, Linker, Meaning, Start};
use crate::lld::{self, LldRun};
pub use crate::policy::{DataImports, Undefined};
use crate::stub::{dll_entry_stub, DLL_ENTRY};

/// Where LLD runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LinkMode {
    /// In this process, unless LLD has reported it cannot run again (then as
    /// [`LinkMode::Subprocess`]).
    #[default]
    InProcess,
    /// The `ld.lld-22` / `ld64.lld-22` executable.
    Subprocess,
}

/// One input of a link, by meaning, in command-line order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkInput {
    /// An object file, linked in full.
    Object(PathBuf),
    /// An archive (`.a`, `.lib`): with `whole`, every member; else only the
    /// members that define a symbol something before it needs.
    Archive {
        /// The archive.
        path: PathBuf,
        /// Link every member.
        whole: bool,
    },
    /// A library by name (`-l NAME`), found on the search path as the
    /// flavor's linker finds it: ELF `libNAME.so`, `libNAME.a`; Mach-O
    /// `libNAME.tbd`, `.dylib`, `.so`, `.a`; Windows `libNAME.dll.a`,
    /// `NAME.dll.a`, `libNAME.a`, `NAME.lib`, `libNAME.dll`, `NAME.dll`.
    /// A shared library is recorded as needed (ELF `DT_NEEDED`, Mach-O
    /// `LC_LOAD_DYLIB`, a PE import).
    Library(String),
    /// A library given as a file: an ELF shared object (or a linker script
    /// naming some), a Mach-O dylib or `.tbd` stub, a Windows import library
    /// or DLL.
    LibraryFile(PathBuf),
}

impl LinkInput {
    /// What the file at `path` is, from its content: an archive (import
    /// libraries are archives) is linked member by member, an ELF shared
    /// object, a Mach-O dylib, a `.tbd` stub or a PE DLL as a library, and
    /// anything else as an object (an unreadable file too: the link names
    /// it).
    pub fn classify(path: impl Into<PathBuf>) -> LinkInput {
        use object::FileKind;
        let path = path.into();
        let head = read_head(&path, 4096).unwrap_or_default();
        if head.starts_with(ARCHIVE_MAGIC) {
            return LinkInput::Archive { path, whole: false };
        }
        let library = head.starts_with(b"--- !tapi-tbd")
            || match FileKind::parse(&head[..]) {
                Ok(FileKind::Elf64) => elf_is_shared(&head),
                Ok(FileKind::MachO64) => head.get(12..16) == Some(&6u32.to_le_bytes()[..]),
                Ok(FileKind::Pe64) => true,
                _ => false,
            };
        if library {
            LinkInput::LibraryFile(path)
        } else {
            LinkInput::Object(path)
        }
    }
}

/// Whether an ELF header (little-endian, 64-bit) is a shared object's.
fn elf_is_shared(head: &[u8]) -> bool {
    const ET_DYN: u16 = 3;
    head.get(16..18) == Some(&ET_DYN.to_le_bytes()[..])
}

/// Up to `n` first bytes of a file.
fn read_head(path: &Path, n: u64) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)?.take(n).read_to_end(&mut head)?;
    Ok(head)
}

/// Options of a link; the defaults suit a self-contained image.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LinkOptions {
    /// The library's own name: ELF `DT_SONAME` (default: the output's file
    /// name), Mach-O install name (default: `@rpath/` and the file name).
    /// Windows: not applicable (a DLL's name is its file name).
    pub soname: Option<String>,
    /// ELF `--gc-sections`, Mach-O `-dead_strip`, PE `--gc-sections`.
    pub gc_sections: bool,
    /// A content hash identifying the build: `None` is the flavor's default
    /// (ELF: a GNU build-id note, `--build-id=sha1`; Mach-O: an `LC_UUID`;
    /// PE: none); `Some(true)` asks for one (PE: `--build-id`),
    /// `Some(false)` for none (ELF: no note; Mach-O: `-no_uuid`).
    pub build_id: Option<bool>,
    /// Mach-O: the minimum macOS version (default 11.0 on arm64, 10.13 on x86_64).
    pub macos_min_version: Option<String>,
    /// Mach-O: the SDK version recorded (default: the minimum version).
    pub macos_sdk_version: Option<String>,
    /// Windows: add the `DllMainCRTStartup` stub when no input object
    /// defines the entry point (default true).
    pub dll_entry_stub: bool,
    /// LLD's thread count (`--threads=N`, always passed; default 1).
    pub threads: usize,
    /// Pass `--verbose` and keep LLD's trace in [`LinkOutput::lld`].
    pub verbose: bool,
    /// In process or subprocess.
    pub mode: LinkMode,
    /// Windows: how code reads data of other DLLs (default
    /// [`DataImports::Refptr`]); not applicable elsewhere.
    pub data_imports: DataImports,
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions {
            soname: None,
            gc_sections: false,
            build_id: None,
            macos_min_version: None,
            macos_sdk_version: None,
            dll_entry_stub: true,
            threads: 1,
            verbose: false,
            mode: LinkMode::InProcess,
            data_imports: DataImports::default(),
        }
    }
}

/// What a link is asked for beyond its own objects, by meaning: declared
/// once, and used by the command line (`mvimg build`'s and `mvimg link`'s
/// flags), the image builder (`mvimg_codegen::ImageLink`) and the job
/// ([`LinkJob::spec`]), whose platform's flavor translates each meaning.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct LinkSpec {
    /// Objects, archives and libraries, in command-line order (an archive
    /// resolves only symbols needed by what comes before it).
    pub inputs: Vec<LinkInput>,
    /// Directories searched for [`LinkInput::Library`], in order.
    pub search_paths: Vec<PathBuf>,
    /// Run-time search paths of the library (ELF `DT_RUNPATH`, Mach-O
    /// `LC_RPATH`), such as `$ORIGIN` or `@loader_path/../lib`; not
    /// applicable to Windows.
    pub rpaths: Vec<OsString>,
    /// Exported data symbols. Windows: exported as `DATA` (the import
    /// library has no call thunk for them, only `__imp_NAME`); elsewhere
    /// the same as [`LinkJob::exports`].
    pub export_data: Vec<String>,
    /// Raw linker arguments, passed last, for what has no meaning here.
    pub link_args: Vec<OsString>,
    /// What happens to symbols nothing defines; `None` is the flavor's
    /// default: ELF and Mach-O leave them to the loader, Windows fails.
    pub undefined: Option<Undefined>,
    /// Windows: also write an import library here.
    pub import_library: Option<PathBuf>,
}

/// One shared library to link.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct LinkJob {
    /// What to link for.
    pub platform: Platform,
    /// What is linked beside the objects and how ([`LinkJob::new`] puts the
    /// objects first among its inputs).
    pub spec: LinkSpec,
    /// The toolchain runtime ([`crate::toolchain_runtime`]), linked last; a
    /// shared library in it is recorded as needed only when something uses
    /// it (ELF `--as-needed`).
    pub runtime: Vec<PathBuf>,
    /// The library to write.
    pub output: PathBuf,
    /// The symbols the library exports (C names, without Mach-O's leading
    /// underscore), functions or data; with no data exports either
    /// ([`LinkSpec::export_data`]), empty exports every global symbol.
    pub exports: Vec<String>,
    /// Options.
    pub options: LinkOptions,
}

/// A finished link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkOutput {
    /// The library written.
    pub output: PathBuf,
    /// The import library written (Windows, when asked for).
    pub import_library: Option<PathBuf>,
    /// The arguments LLD ran with.
    pub argv: Vec<OsString>,
    /// What LLD printed.
    pub lld: LldRun,
}

/// The auxiliary files of one link and where LLD writes before the rename.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkPaths {
    /// Where LLD writes the library.
    pub output: PathBuf,
    /// Where LLD writes the import library.
    pub import_library: Option<PathBuf>,
    /// The export list (version script, exported-symbols list or .def file).
    pub exports: Option<PathBuf>,
    /// The DLL entry stub object.
    pub stub: Option<PathBuf>,
}

/// The first bytes of a Unix archive.
const ARCHIVE_MAGIC: &[u8] = b"!<arch>\n";

impl LinkJob {
    /// A job linking `objects` (object files) with default options.
    pub fn new(platform: Platform, objects: Vec<PathBuf>, output: impl Into<PathBuf>) -> LinkJob {
        LinkJob {
            platform,
            spec: LinkSpec {
                inputs: objects.into_iter().map(LinkInput::Object).collect(),
                ..LinkSpec::default()
            },
            runtime: Vec::new(),
            output: output.into(),
            exports: Vec::new(),
            options: LinkOptions::default(),
        }
    }

    /// Links the objects as an mvimg image's (objects mvimg-codegen built,
    /// which carry the image init): on Windows the init applies MinGW's
    /// runtime pseudo-relocations (so data read from other DLLs without
    /// `dllimport` is imported that way); with `runtime`, the toolchain
    /// runtime ([`crate::toolchain_runtime`]) is linked and, on Linux,
    /// undefined symbols are an error unless [`LinkSpec::undefined`] was
    /// set (an image with the runtime resolves everything it needs).
    pub fn link_as_image(&mut self, runtime: bool) -> Result<(), LinkError> {
        if self.platform.os == mvimg_cpu::Os::Windows {
            self.options.data_imports = DataImports::PseudoRelocations;
        }
        if runtime {
            self.runtime = crate::toolchain_runtime(&self.platform)?;
            if self.platform.os == mvimg_cpu::Os::Linux {
                self.spec.undefined = self.spec.undefined.or(Some(Undefined::Error));
            }
        }
        Ok(())
    }

    /// The flavor that links the job.
    pub fn flavor(&self) -> Flavor {
        Flavor::of(&self.platform)
    }

    fn linker(&self) -> &'static dyn Linker {
        self.flavor().linker()
    }

    fn file_name(&self) -> Result<String, LinkError> {
        self.output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| {
                LinkError::InvalidJob(JobProblem::NoFileName {
                    what: "output",
                    path: self.output.clone(),
                })
            })
    }

    /// Checks what can be checked before running LLD: the inputs exist and
    /// are what they are given as, every library is found, every option
    /// applies to the flavor, export names are symbol names.
    pub fn validate(&self) -> Result<(), LinkError> {
        if !self
            .spec
            .inputs
            .iter()
            .any(|i| matches!(i, LinkInput::Object(_) | LinkInput::Archive { .. }))
        {
            return Err(LinkError::InvalidJob(JobProblem::NoObjects));
        }
        self.check_settings()
    }

    /// What [`LinkJob::validate`] checks but the presence of an object: a
    /// job of an image's settings checked before its objects are built.
    pub fn check_settings(&self) -> Result<(), LinkError> {
        for input in &self.spec.inputs {
            match input {
                LinkInput::Object(path) => {
                    if starts_with(path, ARCHIVE_MAGIC)? {
                        return Err(LinkError::InvalidJob(JobProblem::ArchiveAsObject {
                            path: path.clone(),
                        }));
                    }
                }
                LinkInput::Archive { path, .. } => {
                    if !starts_with(path, ARCHIVE_MAGIC)? {
                        return Err(LinkError::InvalidJob(JobProblem::NotAnArchive {
                            path: path.clone(),
                        }));
                    }
                }
                LinkInput::LibraryFile(path) => {
                    std::fs::metadata(path).map_err(|source| LinkError::MissingInput {
                        path: path.clone(),
                        source,
                    })?;
                }
                LinkInput::Library(name) => {
                    self.find_library(name)?;
                }
            }
        }
        for library in &self.runtime {
            std::fs::metadata(library).map_err(|source| LinkError::MissingInput {
                path: library.clone(),
                source,
            })?;
        }
        for export in self.exports.iter().chain(&self.spec.export_data) {
            // Every export list quotes or lists names whole; what none can
            // hold exactly (quotes, wildcards, spaces, control characters)
            // is refused. clang's `target_clones` names (`f.arch_x86-64-v3.0`)
            // and C++'s mangled names pass.
            let ok = !export.is_empty()
                && export.bytes().all(|b| {
                    b.is_ascii_graphic() && !matches!(b, b'"' | b'*' | b'?' | b'[' | b']' | b'#')
                        || b >= 0x80
                });
            if !ok {
                return Err(LinkError::InvalidJob(JobProblem::BadExport {
                    name: export.clone(),
                }));
            }
        }
        if self.options.threads == 0 {
            return Err(LinkError::InvalidJob(JobProblem::ZeroThreads));
        }
        self.check_applicable()?;
        self.file_name()?;
        Ok(())
    }

    /// Fails on the first option given that the flavor has no meaning for.
    fn check_applicable(&self) -> Result<(), LinkError> {
        let o = &self.options;
        let given: [(Meaning, Option<String>); 6] = [
            (
                Meaning::Rpath,
                self.spec
                    .rpaths
                    .first()
                    .map(|r| format!("rpath `{}`", r.to_string_lossy())),
            ),
            (
                Meaning::Soname,
                o.soname.as_ref().map(|n| format!("soname `{n}`")),
            ),
            (
                Meaning::ImportLibrary,
                self.spec
                    .import_library
                    .as_ref()
                    .map(|p| format!("import library {}", p.display())),
            ),
            (
                Meaning::AllowUndefined,
                (self.spec.undefined == Some(Undefined::Allow))
                    .then(|| "allowing undefined symbols".into()),
            ),
            (
                Meaning::MacosVersion,
                o.macos_min_version
                    .as_ref()
                    .or(o.macos_sdk_version.as_ref())
                    .map(|v| format!("macOS version {v}")),
            ),
            (
                Meaning::DataImports,
                (o.data_imports != DataImports::default())
                    .then(|| format!("data imports {:?}", o.data_imports)),
            ),
        ];
        for (meaning, option) in given {
            if let (Some(option), Some(reason)) = (option, self.linker().refuse(meaning)) {
                return Err(LinkError::NotApplicable {
                    option,
                    meaning: meaning.name(),
                    platform: self.platform.to_string(),
                    reason,
                });
            }
        }
        Ok(())
    }

    /// Where `-l name` is found: the first file of the flavor's names for it
    /// in the first search directory that has one.
    pub fn find_library(&self, name: &str) -> Result<PathBuf, LinkError> {
        let names = self.linker().library_names(name);
        let plain = !name.is_empty() && !name.contains(['/', '\\']) && !name.starts_with(':');
        if plain {
            for dir in &self.spec.search_paths {
                for file in &names {
                    let path = dir.join(file);
                    if path.is_file() {
                        return Ok(path);
                    }
                }
            }
        }
        Err(LinkError::LibraryNotFound {
            name: name.to_owned(),
            tried: if plain { names } else { Vec::new() },
            searched: self.spec.search_paths.clone(),
        })
    }

    /// Whether an input object defines the symbol `name` (objects that are
    /// not readable count as not defining it).
    fn objects_define(&self, name: &str) -> bool {
        use object::{Object, ObjectSymbol};
        self.spec.inputs.iter().any(|input| {
            let LinkInput::Object(path) = input else {
                return false;
            };
            let Ok(bytes) = std::fs::read(path) else {
                return false;
            };
            let Ok(file) = object::File::parse(&*bytes) else {
                return false;
            };
            let defined = file.symbols().any(|s| {
                !s.is_undefined() && s.is_global() && s.name_bytes() == Ok(name.as_bytes())
            });
            defined
        })
    }

    /// The auxiliary paths of a link whose scratch directory is `dir`.
    pub fn paths_in(&self, dir: &Path) -> Result<LinkPaths, LinkError> {
        let name = self.file_name()?;
        let mingw = self.flavor() == Flavor::Mingw;
        Ok(LinkPaths {
            output: dir.join(&name),
            import_library: match &self.spec.import_library {
                Some(lib) => Some(dir.join(lib.file_name().ok_or_else(|| {
                    LinkError::InvalidJob(JobProblem::NoFileName {
                        what: "import library",
                        path: lib.clone(),
                    })
                })?)),
                None => None,
            },
            exports: (!self.exports.is_empty() || !self.spec.export_data.is_empty())
                .then(|| dir.join(self.linker().export_file_name())),
            stub: (mingw && self.options.dll_entry_stub && !self.objects_define(DLL_ENTRY))
                .then(|| dir.join("dllentry.o")),
        })
    }

    /// The content of the export list file.
    pub fn export_file(&self) -> String {
        self.linker()
            .export_file(&self.exports, &self.spec.export_data)
    }

    /// The argument vector for LLD (`argv[0]` names the driver), with LLD
    /// writing to `paths`.
    pub fn argv(&self, paths: &LinkPaths) -> Result<Vec<OsString>, LinkError> {
        self.check_applicable()?;
        let o = &self.options;
        let l = self.linker();
        let mut a = Args::default();
        let file_name = self.file_name()?;
        l.start(
            &mut a,
            &Start {
                platform: &self.platform,
                output: &paths.output,
                soname: o.soname.as_deref(),
                file_name: &file_name,
                threads: o.threads,
                macos: (
                    o.macos_min_version.as_deref(),
                    o.macos_sdk_version.as_deref(),
                ),
            },
        );
        l.build_id(&mut a, o.build_id);
        if o.gc_sections {
            l.gc_sections(&mut a);
        }
        l.undefined(&mut a, self.spec.undefined);
        if self.flavor() == Flavor::Mingw {
            l.data_imports(&mut a, o.data_imports);
        }
        if let Some(lib) = &paths.import_library {
            l.import_library(&mut a, lib);
        }
        match &paths.exports {
            Some(file) => l.export_list(&mut a, file),
            None => l.export_all(&mut a, paths.stub.as_ref().map(|_| DLL_ENTRY)),
        }
        if o.verbose {
            l.verbose(&mut a);
        }
        for rpath in &self.spec.rpaths {
            l.rpath(&mut a, rpath);
        }
        for dir in &self.spec.search_paths {
            l.search_path(&mut a, dir);
        }
        if let Some(stub) = &paths.stub {
            l.objects(&mut a, &[stub]);
        }
        let mut objects: Vec<&Path> = Vec::new();
        for input in &self.spec.inputs {
            if let LinkInput::Object(path) = input {
                objects.push(path);
                continue;
            }
            if !objects.is_empty() {
                l.objects(&mut a, &objects);
                objects.clear();
            }
            match input {
                LinkInput::Object(_) => {}
                LinkInput::Archive { path, whole } => l.archive(&mut a, path, *whole),
                LinkInput::Library(name) => l.library(&mut a, name),
                LinkInput::LibraryFile(path) => l.library_file(&mut a, path),
            }
        }
        if !objects.is_empty() {
            l.objects(&mut a, &objects);
        }
        let runtime: Vec<&Path> = self.runtime.iter().map(PathBuf::as_path).collect();
        l.runtime(&mut a, &runtime);
        a.push(&self.spec.link_args);
        Ok(a.0)
    }

    /// Refuses to link into `dir` when its file system has less room than
    /// the objects take: LLD maps its output and dies of SIGBUS on a full
    /// disk, which would also end in-process linking for the process.
    fn check_space(&self, dir: &Path) -> Result<(), LinkError> {
        let needed: u64 = self
            .spec
            .inputs
            .iter()
            .filter_map(|input| match input {
                LinkInput::Object(path) => std::fs::metadata(path).ok().map(|m| m.len()),
                _ => None,
            })
            .sum();
        match free_bytes(dir) {
            Some(free) if free < needed => Err(LinkError::DiskFull {
                dir: self
                    .output
                    .parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
                    .to_path_buf(),
                free,
                needed,
            }),
            _ => Ok(()),
        }
    }

    /// Links: writes the auxiliary files into a scratch directory beside the
    /// output, runs LLD writing there, and renames the results into place. On
    /// any failure the destination is untouched and the scratch directory removed.
    pub fn link(&self) -> Result<LinkOutput, LinkError> {
        self.validate()?;
        let scratch = crate::Scratch::beside(&self.output, "link").map_err(io(format!(
            "creating a scratch directory beside {}",
            self.output.display()
        )))?;
        self.link_in(scratch.path())
    }

    fn link_in(&self, dir: &Path) -> Result<LinkOutput, LinkError> {
        self.check_space(dir)?;
        let paths = self.paths_in(dir)?;
        if let Some(file) = &paths.exports {
            std::fs::write(file, self.export_file())
                .map_err(io(format!("writing {}", file.display())))?;
        }
        if let Some(stub) = &paths.stub {
            // The stub never changes: built once per process.
            static STUB: OnceLock<Result<Vec<u8>, String>> = OnceLock::new();
            let bytes = STUB
                .get_or_init(|| dll_entry_stub().map_err(|e| e.to_string()))
                .as_ref()
                .map_err(|e| LinkError::InvalidJob(JobProblem::EntryStub { message: e.clone() }))?;
            std::fs::write(stub, bytes).map_err(io(format!("writing {}", stub.display())))?;
        }
        let argv = self.argv(&paths)?;
        let run = match self.options.mode {
            LinkMode::InProcess if !lld::in_process_poisoned() => lld::run_in_process(&argv)?,
            _ => lld::run_subprocess(&argv)?,
        };
        // The import library first: the library itself is the last thing to
        // appear at the destination.
        let import_library = match (&paths.import_library, &self.spec.import_library) {
            (Some(from), Some(to)) => {
                std::fs::rename(from, to).map_err(io(format!(
                    "moving {} to {}",
                    from.display(),
                    to.display()
                )))?;
                Some(to.clone())
            }
            _ => None,
        };
        std::fs::rename(&paths.output, &self.output).map_err(io(format!(
            "moving {} to {}",
            paths.output.display(),
            self.output.display()
        )))?;
        Ok(LinkOutput {
            output: self.output.clone(),
            import_library,
            argv,
            lld: run,
        })
    }
}

/// Whether the file at `path` starts with `magic` (fails when it cannot be
/// read).
fn starts_with(path: &Path, magic: &[u8]) -> Result<bool, LinkError> {
    let head = read_head(path, magic.len() as u64).map_err(|source| LinkError::MissingInput {
        path: path.to_owned(),
        source,
    })?;
    Ok(head == magic)
}

impl LinkOutput {
    /// The arguments LLD ran with, as a shell line.
    pub fn command_line(&self) -> String {
        lld::shell_line(&self.argv)
    }
}

/// An I/O error while doing `action`.
fn io(action: String) -> impl FnOnce(std::io::Error) -> LinkError {
    move |source| LinkError::Io { action, source }
}

/// Bytes free to this user on the file system of `dir` (`None` where it
/// cannot be asked).
#[cfg(unix)]
fn free_bytes(dir: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let path = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    let mut stat = std::mem::MaybeUninit::<libc::statvfs>::uninit();
    // SAFETY: `path` is a NUL-terminated string and `stat` is valid for
    // one write of a `statvfs`.
    let rc = unsafe { libc::statvfs(path.as_ptr(), stat.as_mut_ptr()) };
    if rc != 0 {
        return None;
    }
    // SAFETY: statvfs succeeded, so it filled `stat`.
    let stat = unsafe { stat.assume_init() };
    #[allow(
        clippy::unnecessary_cast,
        reason = "the field types differ by platform"
    )]
    Some(stat.f_bavail as u64 * stat.f_frsize as u64)
}

#[cfg(not(unix))]
fn free_bytes(_: &Path) -> Option<u64> {
    None
}
