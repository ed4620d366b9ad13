//! Real links with in-process LLD 22: objects compiled by clang-22 for each
//! target, linked, then loaded (x86_64 ELF, natively) or read back with the
//! `object` crate (every flavor).

mod common;

use std::path::{Path, PathBuf};

use common::{clang_triple, compile, exported, scratch};
use mvimg_cpu::Platform;
use mvimg_link::{LinkError, LinkJob, LinkMode};
use object::{Object, ObjectSymbol};

const SOURCE: &str = "int mvimg_add(int a, int b) { return a + b; }\n\
                      int mvimg_twice(int a) { return mvimg_add(a, a); }\n\
                      int mvimg_hidden(int a) { return a - 1; }\n";

/// Compiles SOURCE for `triple` with clang-22.
fn object_for(triple: &str, dir: &Path) -> PathBuf {
    compile(SOURCE, clang_triple(triple), dir, &format!("lib-{triple}"))
}

fn job(triple: &str, dir: &Path, output: &str) -> LinkJob {
    let target: Platform = triple.parse().unwrap();
    let mut job = LinkJob::new(target, vec![object_for(triple, dir)], dir.join(output));
    job.exports = vec!["mvimg_add".into(), "mvimg_twice".into()];
    job
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn x86_64_linux_library_is_loaded_and_called() {
    use std::ffi::{c_char, c_int, c_void, CString};
    extern "C" {
        fn dlopen(path: *const c_char, flags: c_int) -> *mut c_void;
        fn dlsym(handle: *mut c_void, name: *const c_char) -> *mut c_void;
    }
    let dir = scratch("elf-x86_64");
    let out = job("x86_64-unknown-linux-gnu", &dir, "libimg.so")
        .link()
        .unwrap();
    assert!(out.lld.in_process);
    let bytes = std::fs::read(&out.output).unwrap();
    assert_eq!(exported(&bytes), ["mvimg_add", "mvimg_twice"]);
    let path = CString::new(out.output.to_str().unwrap()).unwrap();
    // SAFETY: loading a library we just linked from our own C source; RTLD_NOW.
    let handle = unsafe { dlopen(path.as_ptr(), 2) };
    assert!(!handle.is_null());
    let sym = CString::new("mvimg_twice").unwrap();
    // SAFETY: the symbol is `int mvimg_twice(int)`.
    let twice: extern "C" fn(c_int) -> c_int =
        unsafe { std::mem::transmute(dlsym(handle, sym.as_ptr())) };
    assert_eq!(twice(21), 42);
    let hidden = CString::new("mvimg_hidden").unwrap();
    // SAFETY: dlsym only looks the name up.
    assert!(
        unsafe { dlsym(handle, hidden.as_ptr()) }.is_null(),
        "not exported"
    );
}

#[test]
fn aarch64_linux_library_has_soname_and_exports() {
    let dir = scratch("elf-aarch64");
    let out = job("aarch64-unknown-linux-gnu", &dir, "libimg.so")
        .link()
        .unwrap();
    let bytes = std::fs::read(&out.output).unwrap();
    let file = object::File::parse(&*bytes).unwrap();
    assert_eq!(file.architecture(), object::Architecture::Aarch64);
    assert_eq!(exported(&bytes), ["mvimg_add", "mvimg_twice"]);
}

#[test]
fn darwin_dylibs_have_install_name_build_version_and_exports() {
    for (triple, arch, minos) in [
        (
            "x86_64-apple-darwin",
            object::Architecture::X86_64,
            (10u32, 13u32),
        ),
        (
            "aarch64-apple-darwin",
            object::Architecture::Aarch64,
            (11, 0),
        ),
    ] {
        let dir = scratch(&format!("macho-{triple}"));
        let out = job(triple, &dir, "libimg.dylib")
            .link()
            .unwrap_or_else(|e| panic!("{triple}: {e}"));
        let bytes = std::fs::read(&out.output).unwrap();
        let file = object::File::parse(&*bytes).unwrap();
        assert_eq!(file.architecture(), arch, "{triple}");
        assert_eq!(exported(&bytes), ["_mvimg_add", "_mvimg_twice"], "{triple}");
        let macho = object::read::macho::MachOFile64::<object::Endianness>::parse(&*bytes).unwrap();
        let endian = macho.endian();
        let mut commands = macho.macho_load_commands().unwrap();
        let (mut id, mut version) = (None, None);
        while let Some(cmd) = commands.next().unwrap() {
            if cmd.cmd() == object::macho::LC_ID_DYLIB {
                let dylib: &object::macho::DylibCommand<object::Endianness> = cmd.data().unwrap();
                id = Some(
                    String::from_utf8_lossy(cmd.string(endian, dylib.dylib.name).unwrap())
                        .into_owned(),
                );
            }
            if let Some(build) = cmd.build_version().unwrap() {
                let v = build.minos.get(endian);
                version = Some((build.platform.get(endian), (v >> 16, v >> 8 & 0xff)));
            }
            // Before macOS 10.14 the minimum version has its own load command.
            if cmd.cmd() == object::macho::LC_VERSION_MIN_MACOSX {
                let min: &object::macho::VersionMinCommand<object::Endianness> =
                    cmd.data().unwrap();
                let v = min.version.get(endian);
                version = Some((object::macho::PLATFORM_MACOS, (v >> 16, v >> 8 & 0xff)));
            }
        }
        assert_eq!(id.as_deref(), Some("@rpath/libimg.dylib"), "{triple}");
        assert_eq!(
            version,
            Some((object::macho::PLATFORM_MACOS, minos)),
            "{triple}"
        );
    }
}

#[test]
fn mingw_dll_exports_and_entry_point() {
    let dir = scratch("pe");
    let mut job = job("x86_64-w64-windows-gnu", &dir, "img.dll");
    job.spec.import_library = Some(dir.join("libimg.dll.a"));
    let out = job.link().unwrap();
    let bytes = std::fs::read(&out.output).unwrap();
    let file = object::File::parse(&*bytes).unwrap();
    assert_eq!(file.format(), object::BinaryFormat::Pe);
    assert_eq!(exported(&bytes), ["mvimg_add", "mvimg_twice"]);
    let entry = file.entry();
    let entry_sym = file.symbols().find(|s| s.name() == Ok("DllMainCRTStartup"));
    if let Some(sym) = entry_sym {
        assert_eq!(sym.address(), entry);
    }
    assert!(entry != 0, "the DLL has the stub as its entry point");
    assert!(out.import_library.unwrap().exists());
}

#[test]
fn linking_twice_gives_identical_bytes() {
    for (triple, name) in [
        ("x86_64-unknown-linux-gnu", "libimg.so"),
        ("aarch64-unknown-linux-gnu", "libimg.so"),
        ("x86_64-apple-darwin", "libimg.dylib"),
        ("aarch64-apple-darwin", "libimg.dylib"),
        ("x86_64-w64-windows-gnu", "img.dll"),
    ] {
        let dir = scratch(&format!("twice-{triple}"));
        let j = job(triple, &dir, name);
        j.link().unwrap();
        let first = std::fs::read(&j.output).unwrap();
        j.link().unwrap();
        assert_eq!(first, std::fs::read(&j.output).unwrap(), "{triple}");
    }
}

#[test]
fn bad_inputs_are_error_values_and_the_process_survives() {
    let dir = scratch("errors");
    let e = "sparc-sun-solaris"
        .parse::<Platform>()
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("sparc-sun-solaris") && e.contains("supported"),
        "{e}"
    );
    let e = "x86_64-pc-windows-msvc"
        .parse::<Platform>()
        .unwrap_err()
        .to_string();
    assert!(e.contains("gnu"), "{e}");

    let mut missing = job("x86_64-unknown-linux-gnu", &dir, "libmissing.so");
    missing
        .spec
        .inputs
        .push(mvimg_link::LinkInput::Object(dir.join("nope.o")));
    match missing.link().unwrap_err() {
        LinkError::MissingInput { path, .. } => assert!(path.ends_with("nope.o")),
        other => panic!("{other}"),
    }

    // An undefined export is an error too.
    let mut bad_export = job("x86_64-unknown-linux-gnu", &dir, "libexp.so");
    bad_export.exports.push("not_defined_anywhere".into());
    let error = bad_export.link().unwrap_err();
    let text = error.to_string();
    assert!(text.contains("not_defined_anywhere"), "{text}");
    // `{}` is one sentence; `{:#}`, the diagnostics and the command line
    // (also through the accessors).
    assert_eq!(text.lines().count(), 1, "{text}");
    let long = format!("{error:#}");
    let command = error.command().expect("LLD ran");
    assert!(
        long.contains(command) && long.contains("command: "),
        "{long}"
    );
    assert!(command.contains("libexp.so"), "{command}");
    assert!(error
        .diagnostics()
        .is_some_and(|d| d.contains("not_defined_anywhere")));
    // The process still links afterwards, in process unless LLD said otherwise.
    let out = job("x86_64-unknown-linux-gnu", &dir, "libafter.so")
        .link()
        .unwrap();
    assert!(out.output.exists());
    // No scratch directories are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".mvimg-link-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn eight_threads_fifty_links_each() {
    let dir = scratch("threads");
    let objects: Vec<(String, PathBuf)> = [
        "x86_64-unknown-linux-gnu",
        "aarch64-apple-darwin",
        "x86_64-w64-windows-gnu",
    ]
    .iter()
    .map(|t| (t.to_string(), object_for(t, &dir)))
    .collect();
    std::thread::scope(|scope| {
        for thread in 0..8 {
            let objects = &objects;
            let dir = &dir;
            scope.spawn(move || {
                for i in 0..50 {
                    let (triple, obj) = &objects[(thread + i) % objects.len()];
                    let name = format!("t{thread}-{i}.lib");
                    let mut j =
                        LinkJob::new(triple.parse().unwrap(), vec![obj.clone()], dir.join(&name));
                    j.exports = vec!["mvimg_add".into()];
                    let out = j
                        .link()
                        .unwrap_or_else(|e| panic!("{triple} {thread}/{i}: {e}"));
                    let bytes = std::fs::read(&out.output).unwrap();
                    let names = exported(&bytes);
                    assert!(
                        names.iter().any(|n| n.ends_with("mvimg_add")),
                        "{triple}: {names:?}"
                    );
                }
            });
        }
    });
}

#[test]
fn subprocess_mode_gives_the_same_library() {
    for (triple, name) in [
        ("x86_64-unknown-linux-gnu", "libimg.so"),
        ("aarch64-apple-darwin", "libimg.dylib"),
    ] {
        let dir = scratch(&format!("sub-{triple}"));
        let mut j = job(triple, &dir, name);
        j.link().unwrap();
        let in_process = std::fs::read(&j.output).unwrap();
        j.options.mode = LinkMode::Subprocess;
        let out = j.link().unwrap();
        assert!(!out.lld.in_process);
        assert_eq!(in_process, std::fs::read(&j.output).unwrap(), "{triple}");
    }
}
