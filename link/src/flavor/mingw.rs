//! PE DLLs through LLD's MinGW driver (`ld.lld -m i386pep`).

use std::ffi::OsStr;
use std::path::Path;

use super::{Args, Linker, Meaning, Start};
use crate::policy::{DataImports, Undefined};

pub(crate) struct Mingw;

impl Linker for Mingw {
    fn refuse(&self, meaning: Meaning) -> Option<&'static str> {
        match meaning {
            Meaning::Rpath => Some(
                "Windows finds DLLs beside the executable and on PATH, not on a search path \
                 recorded in the DLL",
            ),
            Meaning::Soname => Some("a DLL's name is its file name"),
            Meaning::AllowUndefined => Some(
                "a DLL resolves every symbol at link time: link the import library of the DLL \
                 that defines it (-l NAME)",
            ),
            Meaning::MacosVersion => Some("it is a Mach-O load command"),
            Meaning::ImportLibrary | Meaning::DataImports => None,
        }
    }

    fn start(&self, a: &mut Args, s: &Start<'_>) {
        a.push(["ld.lld", "-m", "i386pep", "--shared", "-o"]);
        a.push([s.output]);
        a.push([
            &format!("--threads={}", s.threads),
            "--fatal-warnings",
            "--no-insert-timestamp",
        ]);
        // LLD's COFF linker otherwise adds the options in $LINK and $_LINK_
        // (link.exe's variables) to every link, in process too.
        a.push(["-Xlink=-lldignoreenv"]);
    }

    fn build_id(&self, a: &mut Args, build_id: Option<bool>) {
        if build_id == Some(true) {
            a.push(["--build-id"]);
        }
    }

    fn gc_sections(&self, a: &mut Args) {
        a.push(["--gc-sections"]);
    }

    fn undefined(&self, _a: &mut Args, _policy: Option<Undefined>) {
        // Always resolved at link time; `Allow` is refused before.
    }

    fn data_imports(&self, a: &mut Args, imports: DataImports) {
        match imports {
            DataImports::DllImportOnly => {
                a.push(["--disable-runtime-pseudo-reloc", "--disable-auto-import"])
            }
            // Auto-import on: LLD points clang's `.refptr` cells (and any
            // pointer-sized reference) at the import address table; a
            // reference that would need patching at run time fails the link.
            DataImports::Refptr => a.push(["--disable-runtime-pseudo-reloc"]),
            DataImports::PseudoRelocations => {}
        }
    }

    fn import_library(&self, a: &mut Args, path: &Path) {
        a.push([OsStr::new("--out-implib"), path.as_os_str()]);
    }

    fn export_list(&self, a: &mut Args, file: &Path) {
        a.push([file]);
    }

    fn export_all(&self, a: &mut Args, except: Option<&str>) {
        a.push(["--export-all-symbols"]);
        if let Some(symbol) = except {
            a.joined("--exclude-symbols=", symbol);
        }
    }

    fn export_file(&self, functions: &[String], data: &[String]) -> String {
        let mut text = String::from("EXPORTS\n");
        // Quoted, so that names with `-`, `.` or `@` stay whole.
        for e in functions {
            text.push_str(&format!("    \"{e}\"\n"));
        }
        // DATA: the import library gets no call thunk, only `__imp_NAME`.
        for e in data {
            text.push_str(&format!("    \"{e}\" DATA\n"));
        }
        text
    }

    fn export_file_name(&self) -> &'static str {
        "exports.def"
    }

    fn library_names(&self, name: &str) -> Vec<String> {
        // LLD's MinGW driver: import libraries first, then static ones,
        // then the DLL itself.
        vec![
            format!("lib{name}.dll.a"),
            format!("{name}.dll.a"),
            format!("lib{name}.a"),
            format!("{name}.lib"),
            format!("lib{name}.dll"),
            format!("{name}.dll"),
        ]
    }
}
