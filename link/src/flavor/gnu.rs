//! ELF shared objects through `ld.lld`.

use std::path::Path;

use mvimg_cpu::Arch;

use super::{Args, Linker, Meaning, Start};
use crate::policy::Undefined;

pub(crate) struct Gnu;

impl Linker for Gnu {
    fn refuse(&self, meaning: Meaning) -> Option<&'static str> {
        match meaning {
            Meaning::ImportLibrary => Some("ELF shared objects need no import library"),
            Meaning::MacosVersion => Some("it is a Mach-O load command"),
            Meaning::DataImports => Some("ELF code reads other objects' data through the GOT"),
            Meaning::Rpath | Meaning::Soname | Meaning::AllowUndefined => None,
        }
    }

    fn start(&self, a: &mut Args, s: &Start<'_>) {
        let emulation = match s.platform.arch {
            Arch::X86_64 => "elf_x86_64",
            Arch::Aarch64 => "aarch64linux",
        };
        a.push(["ld.lld", "-m", emulation, "-shared", "-o"]);
        a.push([s.output]);
        a.push(["-soname", s.soname.unwrap_or(s.file_name)]);
        a.push([
            format!("--threads={}", s.threads).as_str(),
            "--fatal-warnings",
        ]);
        a.push(["--hash-style=gnu", "--eh-frame-hdr"]);
        a.push(["-z", "relro", "-z", "now", "-z", "noexecstack"]);
    }

    fn build_id(&self, a: &mut Args, build_id: Option<bool>) {
        if build_id.unwrap_or(true) {
            a.push(["--build-id=sha1"]);
        }
    }

    fn gc_sections(&self, a: &mut Args) {
        a.push(["--gc-sections"]);
    }

    fn undefined(&self, a: &mut Args, policy: Option<Undefined>) {
        if policy == Some(Undefined::Error) {
            a.push(["-z", "defs"]);
        }
    }

    fn export_list(&self, a: &mut Args, file: &Path) {
        a.joined("--version-script=", file);
        a.push(["--no-undefined-version"]);
    }

    fn export_all(&self, _a: &mut Args, _except: Option<&str>) {}

    fn export_file(&self, functions: &[String], data: &[String]) -> String {
        let mut text = String::from("{\n  global:\n");
        for e in functions.iter().chain(data) {
            // Quoted: matched exactly, whatever the name holds (`-`, `.`).
            text.push_str(&format!("    \"{e}\";\n"));
        }
        text.push_str("  local: *;\n};\n");
        text
    }

    fn export_file_name(&self) -> &'static str {
        "exports.map"
    }

    fn runtime(&self, a: &mut Args, libraries: &[&Path]) {
        if !libraries.is_empty() {
            a.push(["--as-needed"]);
            a.push(libraries);
            a.push(["--no-as-needed"]);
        }
    }

    fn library_names(&self, name: &str) -> Vec<String> {
        vec![format!("lib{name}.so"), format!("lib{name}.a")]
    }
}
