//! The linker flavors and the meanings each translates. A link is described
//! by meanings (an object, an archive linked whole, a library by name, an
//! rpath, the undefined-symbol policy, ...); [`Linker`] has one verb per
//! meaning and each flavor (gnu.rs, darwin.rs, mingw.rs) spells it in its own
//! flags, in one place. Which meanings apply to a flavor is decided by
//! [`Linker::refuse`] before any argument is built.

mod darwin;
mod gnu;
mod mingw;

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use mvimg_cpu::{Os, Platform};

use crate::error::{JobProblem, LinkError};
use crate::policy::{DataImports, Undefined};

/// The minimum macOS version (major, minor) mvimg links for by default: the
/// oldest each architecture's clang and Rust targets support.
pub(crate) fn macos_default_min(arch: mvimg_cpu::Arch) -> (u32, u32) {
    match arch {
        mvimg_cpu::Arch::X86_64 => (10, 13),
        mvimg_cpu::Arch::Aarch64 => (11, 0),
    }
}

/// The linker flavor: the object format and the driver conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flavor {
    /// ELF shared libraries (`ld.lld`), Linux.
    Gnu,
    /// Mach-O dylibs (`ld64.lld`), macOS.
    Darwin,
    /// PE DLLs through LLD's MinGW driver (`ld.lld -m i386pep`), Windows.
    Mingw,
}

impl Flavor {
    /// Every flavor.
    pub const ALL: [Flavor; 3] = [Flavor::Gnu, Flavor::Darwin, Flavor::Mingw];

    /// The flavor that links for `platform`.
    pub fn of(platform: &Platform) -> Flavor {
        match platform.os {
            Os::Linux => Flavor::Gnu,
            Os::Macos => Flavor::Darwin,
            Os::Windows => Flavor::Mingw,
        }
    }

    /// The flavor's name: `gnu`, `darwin` or `mingw`.
    pub fn name(self) -> &'static str {
        match self {
            Flavor::Gnu => "gnu",
            Flavor::Darwin => "darwin",
            Flavor::Mingw => "mingw",
        }
    }

    /// The translator of the flavor.
    pub(crate) fn linker(self) -> &'static dyn Linker {
        match self {
            Flavor::Gnu => &gnu::Gnu,
            Flavor::Darwin => &darwin::Darwin,
            Flavor::Mingw => &mingw::Mingw,
        }
    }
}

impl fmt::Display for Flavor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Flavor {
    type Err = LinkError;

    fn from_str(text: &str) -> Result<Flavor, LinkError> {
        Flavor::ALL
            .into_iter()
            .find(|f| f.name() == text)
            .ok_or_else(|| {
                LinkError::InvalidJob(JobProblem::UnknownFlavor {
                    name: text.to_owned(),
                })
            })
    }
}

/// An argument vector being built.
#[derive(Default)]
pub(crate) struct Args(pub(crate) Vec<OsString>);

impl Args {
    /// Appends arguments.
    pub(crate) fn push<I, S>(&mut self, items: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.0
            .extend(items.into_iter().map(|s| s.as_ref().to_os_string()));
    }

    /// Appends `prefix` and `value` as one argument (`--opt=VALUE`).
    pub(crate) fn joined(&mut self, prefix: &str, value: impl AsRef<OsStr>) {
        let mut arg = OsString::from(prefix);
        arg.push(value.as_ref());
        self.0.push(arg);
    }
}

/// What the common part of the driver hands a flavor at the start of a link.
pub(crate) struct Start<'a> {
    /// The platform.
    pub(crate) platform: &'a Platform,
    /// Where LLD writes the library.
    pub(crate) output: &'a Path,
    /// The library's own name (ELF soname, Mach-O install name), when set;
    /// else the flavor's default from `file_name`.
    pub(crate) soname: Option<&'a str>,
    /// The output's file name.
    pub(crate) file_name: &'a str,
    /// LLD's thread count.
    pub(crate) threads: usize,
    /// Mach-O: the minimum macOS version and the SDK version.
    pub(crate) macos: (Option<&'a str>, Option<&'a str>),
}

/// One verb per meaning of a link; each flavor spells them.
pub(crate) trait Linker: Sync {
    /// Why `meaning` does not apply to this flavor, or `None` when it does.
    fn refuse(&self, meaning: Meaning) -> Option<&'static str>;
    /// The driver, output, shared-library mode and the fixed options.
    fn start(&self, a: &mut Args, start: &Start<'_>);
    /// A build-id (`Some(true)`), none (`Some(false)`), or the flavor's
    /// default (`None`).
    fn build_id(&self, a: &mut Args, build_id: Option<bool>);
    /// Remove sections nothing references.
    fn gc_sections(&self, a: &mut Args);
    /// The undefined-symbol policy; `None` is the flavor's default.
    fn undefined(&self, a: &mut Args, policy: Option<Undefined>);
    /// How code reads data that lives in another DLL (MinGW only).
    fn data_imports(&self, _a: &mut Args, _imports: DataImports) {}
    /// Write an import library there (MinGW only).
    fn import_library(&self, _a: &mut Args, _path: &Path) {}
    /// Export only what the export list (written by [`Linker::export_file`])
    /// names.
    fn export_list(&self, a: &mut Args, file: &Path);
    /// Export every global symbol except `except`.
    fn export_all(&self, a: &mut Args, except: Option<&str>);
    /// The export list's content: `functions` and `data` by their C names.
    fn export_file(&self, functions: &[String], data: &[String]) -> String;
    /// The file name of the export list.
    fn export_file_name(&self) -> &'static str;
    // The spellings below are the same in all three of LLD's drivers (their
    // GNU-ld-style options); a flavor overrides what it spells otherwise.

    /// A run-time search path of the library (refused for PE before).
    fn rpath(&self, a: &mut Args, rpath: &OsStr) {
        a.push([OsStr::new("-rpath"), rpath]);
    }
    /// A directory searched for libraries named with [`Linker::library`].
    fn search_path(&self, a: &mut Args, dir: &Path) {
        a.push([OsStr::new("-L"), dir.as_os_str()]);
    }
    /// LLD's trace.
    fn verbose(&self, a: &mut Args) {
        a.push(["--verbose"]);
    }
    /// The objects: each is linked in full.
    fn objects(&self, a: &mut Args, objects: &[&Path]) {
        a.push(objects);
    }
    /// An archive: whole, or only the members that resolve a symbol.
    fn archive(&self, a: &mut Args, path: &Path, whole: bool) {
        if whole {
            a.push([OsStr::new("--whole-archive"), path.as_os_str()]);
            a.push(["--no-whole-archive"]);
        } else {
            a.push([path]);
        }
    }
    /// A library by name, found on the search path.
    fn library(&self, a: &mut Args, name: &str) {
        a.joined("-l", name);
    }
    /// A library given as a file (shared library, import library, stub).
    fn library_file(&self, a: &mut Args, path: &Path) {
        a.push([path]);
    }
    /// The toolchain runtime: libraries recorded as needed only when used.
    fn runtime(&self, a: &mut Args, libraries: &[&Path]) {
        a.push(libraries);
    }
    /// The file names `-l name` finds in one directory, in LLD's order.
    fn library_names(&self, name: &str) -> Vec<String>;
}

/// A meaning that not every flavor has.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// A run-time search path.
    Rpath,
    /// The library's own name.
    Soname,
    /// Writing an import library.
    ImportLibrary,
    /// Leaving undefined symbols to the loader.
    AllowUndefined,
    /// macOS minimum or SDK version.
    MacosVersion,
    /// A choice of how data is imported from DLLs.
    DataImports,
}

impl Meaning {
    /// The option's name in messages.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Meaning::Rpath => "an rpath",
            Meaning::Soname => "a soname / install name",
            Meaning::ImportLibrary => "an import library",
            Meaning::AllowUndefined => "allowing undefined symbols",
            Meaning::MacosVersion => "a macOS version",
            Meaning::DataImports => "a data-import mode",
        }
    }
}
