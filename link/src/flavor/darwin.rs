//! Mach-O dylibs through `ld64.lld`.

use std::ffi::OsStr;
use std::path::Path;

use mvimg_cpu::Arch;

use super::{Args, Linker, Meaning, Start};
use crate::policy::Undefined;

pub(crate) struct Darwin;

impl Linker for Darwin {
    fn refuse(&self, meaning: Meaning) -> Option<&'static str> {
        match meaning {
            Meaning::ImportLibrary => Some("Mach-O dylibs need no import library"),
            Meaning::DataImports => Some("Mach-O code reads other images' data through the GOT"),
            Meaning::Rpath | Meaning::Soname | Meaning::AllowUndefined | Meaning::MacosVersion => {
                None
            }
        }
    }

    fn start(&self, a: &mut Args, s: &Start<'_>) {
        let arch = match s.platform.arch {
            Arch::X86_64 => "x86_64",
            Arch::Aarch64 => "arm64",
        };
        // The inputs' triple decides when it names a version (its objects
        // are built for it), else the architecture's default.
        let (major, minor) = s
            .platform
            .macos_version()
            .unwrap_or_else(|| super::macos_default_min(s.platform.arch));
        let default_min = format!("{major}.{minor}");
        let min = s.macos.0.unwrap_or(&default_min);
        let sdk = s.macos.1.unwrap_or(min);
        a.push([
            "ld64.lld",
            "-arch",
            arch,
            "-platform_version",
            "macos",
            min,
            sdk,
        ]);
        a.push(["-dylib", "-o"]);
        a.push([s.output]);
        let install_name = match s.soname {
            Some(name) => name.to_owned(),
            None => format!("@rpath/{}", s.file_name),
        };
        a.push(["-install_name", &install_name]);
        a.push(["-fatal_warnings", &format!("--threads={}", s.threads)]);
    }

    fn build_id(&self, a: &mut Args, build_id: Option<bool>) {
        // ld64.lld writes an LC_UUID (a hash of the content) by default.
        if build_id == Some(false) {
            a.push(["-no_uuid"]);
        }
    }

    fn gc_sections(&self, a: &mut Args) {
        a.push(["-dead_strip"]);
    }

    fn undefined(&self, a: &mut Args, policy: Option<Undefined>) {
        match policy.unwrap_or(Undefined::Allow) {
            Undefined::Allow => a.push(["-undefined", "dynamic_lookup"]),
            Undefined::Error => a.push(["-undefined", "error"]),
        }
    }

    fn export_list(&self, a: &mut Args, file: &Path) {
        a.push([OsStr::new("-exported_symbols_list"), file.as_os_str()]);
    }

    fn export_all(&self, _a: &mut Args, _except: Option<&str>) {}

    fn export_file(&self, functions: &[String], data: &[String]) -> String {
        functions
            .iter()
            .chain(data)
            .map(|e| format!("_{e}\n"))
            .collect()
    }

    fn export_file_name(&self) -> &'static str {
        "exports.txt"
    }

    fn archive(&self, a: &mut Args, path: &Path, whole: bool) {
        if whole {
            a.push([OsStr::new("-force_load"), path.as_os_str()]);
        } else {
            a.push([path]);
        }
    }

    fn library_names(&self, name: &str) -> Vec<String> {
        vec![
            format!("lib{name}.tbd"),
            format!("lib{name}.dylib"),
            format!("lib{name}.so"),
            format!("lib{name}.a"),
        ]
    }
}
