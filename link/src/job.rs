//! A link job, its per-flavor argument vector, and running it.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use crate::error::LinkError;
use crate::lld::{self, LldRun};
use crate::stub::{dll_entry_stub, DLL_ENTRY};
use crate::target::{Flavor, LinkArch, LinkTarget};

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

/// Options of a link; the defaults suit a self-contained image.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkOptions {
    /// ELF: the `DT_SONAME` (default: the output's file name).
    pub soname: Option<String>,
    /// ELF `--gc-sections`, Mach-O `-dead_strip`.
    pub gc_sections: bool,
    /// ELF: a GNU build-id note (`--build-id=sha1`, a hash of the content).
    pub build_id: bool,
    /// Mach-O: the minimum macOS version (default 11.0 on arm64, 10.13 on x86_64).
    pub macos_min_version: Option<String>,
    /// Mach-O: the SDK version recorded (default: the minimum version).
    pub macos_sdk_version: Option<String>,
    /// MinGW: also write an import library here.
    pub import_library: Option<PathBuf>,
    /// MinGW: add the `DllMainCRTStartup` stub when no input object defines
    /// the entry point (default true).
    pub dll_entry_stub: bool,
    /// LLD's thread count (`--threads=N`, always passed; default 1).
    pub threads: usize,
    /// Pass `--verbose` and keep LLD's trace in [`LinkOutput::lld`].
    pub verbose: bool,
    /// In process or subprocess.
    pub mode: LinkMode,
    /// MinGW: let LLD import data from DLLs that the code reads without
    /// `dllimport` ("auto-import"), recording runtime pseudo-relocations
    /// that the DLL's entry point must apply at load (mvimg's image init
    /// does, as the mingw CRT would). Off: such references fail the link.
    pub auto_import: bool,
    /// ELF: fail on symbols that neither the inputs nor the libraries define
    /// (`-z defs`). MinGW links always do; Mach-O links never do
    /// (`-undefined dynamic_lookup`).
    pub no_undefined: bool,
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions {
            soname: None,
            gc_sections: false,
            build_id: true,
            macos_min_version: None,
            macos_sdk_version: None,
            import_library: None,
            dll_entry_stub: true,
            threads: 1,
            verbose: false,
            mode: LinkMode::InProcess,
            auto_import: false,
            no_undefined: false,
        }
    }
}

/// One shared library to link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkJob {
    /// What to link for.
    pub target: LinkTarget,
    /// Object files and archives; archives are linked whole.
    pub inputs: Vec<PathBuf>,
    /// Libraries linked after the inputs: an archive gives only the members
    /// the inputs need; a shared library (or an ELF linker script naming
    /// some) is recorded as needed only when the inputs use it (ELF
    /// `--as-needed`); a MinGW import library adds only the imports used.
    pub libraries: Vec<PathBuf>,
    /// The library to write.
    pub output: PathBuf,
    /// The symbols the library exports (C names, without Mach-O's leading
    /// underscore); empty exports every global symbol.
    pub exports: Vec<String>,
    /// Options.
    pub options: LinkOptions,
}

/// A finished link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkOutput {
    /// The library written.
    pub output: PathBuf,
    /// The import library written (MinGW, when asked for).
    pub import_library: Option<PathBuf>,
    /// The arguments LLD ran with.
    pub argv: Vec<String>,
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

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

impl LinkJob {
    /// A job with default options.
    pub fn new(target: LinkTarget, inputs: Vec<PathBuf>, output: impl Into<PathBuf>) -> LinkJob {
        LinkJob {
            target,
            inputs,
            libraries: Vec::new(),
            output: output.into(),
            exports: Vec::new(),
            options: LinkOptions::default(),
        }
    }

    fn file_name(&self) -> Result<String, LinkError> {
        self.output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| {
                LinkError::InvalidJob(format!("output {} has no file name", self.output.display()))
            })
    }

    /// Checks what can be checked before running LLD.
    pub fn validate(&self) -> Result<(), LinkError> {
        if self.inputs.is_empty() {
            return Err(LinkError::InvalidJob("no input files to link".into()));
        }
        for input in &self.inputs {
            std::fs::metadata(input).map_err(|source| LinkError::MissingInput {
                path: input.clone(),
                source,
            })?;
        }
        for library in &self.libraries {
            std::fs::metadata(library).map_err(|source| LinkError::MissingInput {
                path: library.clone(),
                source,
            })?;
        }
        for export in &self.exports {
            let ok = !export.is_empty()
                && export
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || b == b'$');
            if !ok {
                return Err(LinkError::InvalidJob(format!(
                    "export {export:?} is not a symbol name (letters, digits, `_`, `.`, `$`)"
                )));
            }
        }
        if self.options.threads == 0 {
            return Err(LinkError::InvalidJob("threads must be at least 1".into()));
        }
        self.file_name()?;
        Ok(())
    }

    /// Whether an input object defines the symbol `name` (inputs that are
    /// not readable objects count as not defining it).
    fn inputs_define(&self, name: &str) -> bool {
        use object::{Object, ObjectSymbol};
        self.inputs.iter().any(|input| {
            let Ok(bytes) = std::fs::read(input) else {
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
        let mingw = self.target.flavor == Flavor::Mingw;
        Ok(LinkPaths {
            output: dir.join(&name),
            import_library: match (&self.options.import_library, mingw) {
                (Some(lib), true) => Some(dir.join(lib.file_name().ok_or_else(|| {
                    LinkError::InvalidJob(format!(
                        "import library {} has no file name",
                        lib.display()
                    ))
                })?)),
                _ => None,
            },
            exports: (!self.exports.is_empty()).then(|| {
                dir.join(match self.target.flavor {
                    Flavor::Gnu => "exports.map",
                    Flavor::Darwin => "exports.txt",
                    Flavor::Mingw => "exports.def",
                })
            }),
            stub: (mingw && self.options.dll_entry_stub && !self.inputs_define(DLL_ENTRY))
                .then(|| dir.join("dllentry.o")),
        })
    }

    /// The content of the export list file.
    pub fn export_file(&self) -> String {
        let mut text = String::new();
        match self.target.flavor {
            Flavor::Gnu => {
                text.push_str("{\n  global:\n");
                for e in &self.exports {
                    text.push_str(&format!("    {e};\n"));
                }
                text.push_str("  local: *;\n};\n");
            }
            Flavor::Darwin => {
                for e in &self.exports {
                    text.push_str(&format!("_{e}\n"));
                }
            }
            Flavor::Mingw => {
                text.push_str("EXPORTS\n");
                for e in &self.exports {
                    text.push_str(&format!("    {e}\n"));
                }
            }
        }
        text
    }

    /// The argument vector for LLD (`argv[0]` names the driver), with LLD writing
    /// to `paths`.
    pub fn argv(&self, paths: &LinkPaths) -> Result<Vec<String>, LinkError> {
        let o = &self.options;
        let mut a: Vec<String> = Vec::new();
        let mut push = |items: &[&str]| a.extend(items.iter().map(|x| x.to_string()));
        let name = self.file_name()?;
        let threads = format!("--threads={}", o.threads);
        match self.target.flavor {
            Flavor::Gnu => {
                let emulation = match self.target.arch {
                    LinkArch::X86_64 => "elf_x86_64",
                    LinkArch::Aarch64 => "aarch64linux",
                };
                let soname = o.soname.clone().unwrap_or(name);
                push(&[
                    "ld.lld",
                    "-m",
                    emulation,
                    "-shared",
                    "-o",
                    &s(&paths.output),
                ]);
                push(&["-soname", &soname, &threads, "--fatal-warnings"]);
                push(&["--hash-style=gnu", "--eh-frame-hdr"]);
                push(&["-z", "relro", "-z", "now", "-z", "noexecstack"]);
                if o.build_id {
                    push(&["--build-id=sha1"]);
                }
                if o.gc_sections {
                    push(&["--gc-sections"]);
                }
                if let Some(file) = &paths.exports {
                    push(&[
                        &format!("--version-script={}", s(file)),
                        "--no-undefined-version",
                    ]);
                }
                if o.verbose {
                    push(&["--verbose"]);
                }
                if o.no_undefined {
                    push(&["-z", "defs"]);
                }
                push(&["--whole-archive"]);
                for input in &self.inputs {
                    push(&[&s(input)]);
                }
                push(&["--no-whole-archive"]);
                if !self.libraries.is_empty() {
                    push(&["--as-needed"]);
                    for library in &self.libraries {
                        push(&[&s(library)]);
                    }
                    push(&["--no-as-needed"]);
                }
            }
            Flavor::Darwin => {
                let (arch, default_min) = match self.target.arch {
                    LinkArch::X86_64 => ("x86_64", "10.13"),
                    LinkArch::Aarch64 => ("arm64", "11.0"),
                };
                let min = o
                    .macos_min_version
                    .clone()
                    .unwrap_or_else(|| default_min.to_owned());
                let sdk = o.macos_sdk_version.clone().unwrap_or_else(|| min.clone());
                push(&[
                    "ld64.lld",
                    "-arch",
                    arch,
                    "-platform_version",
                    "macos",
                    &min,
                    &sdk,
                ]);
                push(&["-dylib", "-o", &s(&paths.output)]);
                push(&["-install_name", &format!("@rpath/{name}")]);
                push(&["-undefined", "dynamic_lookup", "-fatal_warnings", &threads]);
                if let Some(file) = &paths.exports {
                    push(&["-exported_symbols_list", &s(file)]);
                }
                if o.gc_sections {
                    push(&["-dead_strip"]);
                }
                if o.verbose {
                    push(&["--verbose"]);
                }
                push(&["-all_load"]);
                for input in &self.inputs {
                    push(&[&s(input)]);
                }
                for library in &self.libraries {
                    push(&[&s(library)]);
                }
            }
            Flavor::Mingw => {
                push(&[
                    "ld.lld",
                    "-m",
                    "i386pep",
                    "--shared",
                    "-o",
                    &s(&paths.output),
                ]);
                push(&[&threads, "--fatal-warnings", "--no-insert-timestamp"]);
                // LLD's COFF linker otherwise adds the options in $LINK and
                // $_LINK_ (link.exe's variables) to every link, in process too.
                push(&["-Xlink=-lldignoreenv"]);
                if !o.auto_import {
                    push(&["--disable-runtime-pseudo-reloc", "--disable-auto-import"]);
                }
                if let Some(lib) = &paths.import_library {
                    push(&["--out-implib", &s(lib)]);
                }
                if o.gc_sections {
                    push(&["--gc-sections"]);
                }
                if paths.exports.is_none() {
                    push(&["--export-all-symbols"]);
                    if paths.stub.is_some() {
                        push(&[&format!("--exclude-symbols={DLL_ENTRY}")]);
                    }
                }
                if o.verbose {
                    push(&["--verbose"]);
                }
                if let Some(stub) = &paths.stub {
                    push(&[&s(stub)]);
                }
                if let Some(def) = &paths.exports {
                    push(&[&s(def)]);
                }
                push(&["--whole-archive"]);
                for input in &self.inputs {
                    push(&[&s(input)]);
                }
                push(&["--no-whole-archive"]);
                for library in &self.libraries {
                    push(&[&s(library)]);
                }
            }
        }
        Ok(a)
    }

    /// Links: writes the auxiliary files into a scratch directory beside the
    /// output, runs LLD writing there, and renames the results into place. On
    /// any failure the destination is untouched and the scratch directory removed.
    pub fn link(&self) -> Result<LinkOutput, LinkError> {
        self.validate()?;
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let parent = match self.output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let dir = parent.join(format!(
            ".{}.mvimg-link-{}-{}",
            self.file_name()?,
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).map_err(io(format!("creating {}", dir.display())))?;
        let result = self.link_in(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        result
    }

    fn link_in(&self, dir: &Path) -> Result<LinkOutput, LinkError> {
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
                .map_err(|e| LinkError::InvalidJob(format!("building the DLL entry stub: {e}")))?;
            std::fs::write(stub, bytes).map_err(io(format!("writing {}", stub.display())))?;
        }
        let argv = self.argv(&paths)?;
        let run = match self.options.mode {
            LinkMode::InProcess if !lld::in_process_poisoned() => lld::run_in_process(&argv)?,
            _ => lld::run_subprocess(&argv)?,
        };
        std::fs::rename(&paths.output, &self.output).map_err(io(format!(
            "moving {} to {}",
            paths.output.display(),
            self.output.display()
        )))?;
        let import_library = match (&paths.import_library, &self.options.import_library) {
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
        Ok(LinkOutput {
            output: self.output.clone(),
            import_library,
            argv,
            lld: run,
        })
    }
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
