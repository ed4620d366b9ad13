//! Images that link against a language runtime, as Julia's system and package
//! images link against libjulia: a C runtime library (`libhostrt`: a
//! function, a data symbol, a callback into the image) is built for each
//! platform with its own toolchain; IR that calls it and reads its data is
//! built with `mvimg build -L DIR -l hostrt`, beside a data object (bytes,
//! not IR) exported with `--export-data`; a plain C driver loads the image
//! natively, under `qemu-x86_64 -cpu Nehalem`, `qemu-aarch64` and wine and
//! prints what the image computes with the runtime. Mach-O images are read
//! back: each undefined symbol bound to the runtime dylib or to flat lookup,
//! per the chosen policy.

mod common;
#[path = "../link/tests/common/macho.rs"]
mod macho;
#[path = "../link/tests/common/wine.rs"]
mod wine;

use object::read::coff::ImportType;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{c_ir, mvimg, mvimg_ok, run_ok, s, scratch, stdout_of as stdout};

/// The runtime: what the image calls, the data it reads, and a way back
/// into the image.
const HOSTRT: &str = r#"
double host_scale = 2.5;
static int (*registered)(int);
int host_callback(int x) { return 3 * x + 1; }
void host_register(int (*f)(int)) { registered = f; }
int host_call_image(int x) { return registered ? registered(x) : -1; }
"#;

/// The image's code: calls into the runtime, reads its data, and hands the
/// runtime a function of its own.
const IMAGE: &str = r#"
extern int host_callback(int);
extern double host_scale;
extern void host_register(int (*)(int));
extern int host_call_image(int);
static int image_square(int x) { return x * x + 2; }
int image_sum(int n) {
    int acc = 0;
    for (int i = 0; i < n; i++) acc += host_callback(i);
    return acc;
}
double image_scale(double v) { return v * host_scale; }
void image_scale_all(double *v, int n) {
    for (int i = 0; i < n; i++) v[i] *= host_scale;
}
int image_roundtrip(int x) {
    host_register(image_square);
    return host_call_image(x);
}
"#;

/// Loads the image and prints what it computes; the same source for Linux
/// and Windows.
const DRIVER: &str = r#"
#include <stdio.h>
#ifdef _WIN32
#include <windows.h>
#define LOAD(p) ((void *)LoadLibraryA(p))
#define SYM(h, n) ((void *)GetProcAddress((HMODULE)(h), n))
#else
#include <dlfcn.h>
#define LOAD(p) dlopen(p, RTLD_NOW)
#define SYM(h, n) dlsym(h, n)
#endif
int main(int argc, char **argv) {
    void *h = LOAD(argv[1]);
    if (!h) {
#ifndef _WIN32
        printf("load failed: %s\n", dlerror());
#else
        printf("load failed: %lu\n", (unsigned long)GetLastError());
#endif
        return 1;
    }
    int (*sum)(int) = (int (*)(int))SYM(h, "image_sum");
    double (*scale)(double) = (double (*)(double))SYM(h, "image_scale");
    void (*scale_all)(double *, int) = (void (*)(double *, int))SYM(h, "image_scale_all");
    int (*roundtrip)(int) = (int (*)(int))SYM(h, "image_roundtrip");
    int (*selected)(void) = (int (*)(void))SYM(h, "mvimg_selected_target");
    const char *heap = (const char *)SYM(h, "image_heap");
    if (!sum || !scale || !scale_all || !roundtrip || !selected || !heap) {
        printf("missing export\n");
        return 1;
    }
    double v[9] = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    scale_all(v, 9);
    double all = 0;
    for (int i = 0; i < 9; i++) all += v[i];
    printf("sum %d scale %g all %g roundtrip %d heap %s selected %d\n", sum(10), scale(4.0),
           all, roundtrip(7), heap, selected());
    return 0;
}
"#;

/// What the driver prints for target `selected`: sum of 3i+1 over 0..9,
/// 4 * 2.5, 2.5 * 45, 7 * 7 + 2.
fn expected(selected: i32) -> String {
    format!("sum 145 scale 10 all 112.5 roundtrip 51 heap serialized-heap selected {selected}\n")
}

/// The data object's content: a NUL-terminated string, as a runtime's
/// serialized heap would be bytes.
const HEAP: &[u8] = b"serialized-heap\0";

/// An object file holding HEAP as the global `image_heap` (bytes, not
/// LLVM IR).
fn heap_object(triple: &str) -> Vec<u8> {
    let platform: mvimg::cpu::Platform = triple.parse().unwrap();
    mvimg::link::data_object(&platform, "image_heap", HEAP, 16).unwrap()
}

/// Builds the image of IMAGE for `triple` in `dir` against the runtime in
/// `dir` (`-L dir -l hostrt`), with the heap object; `extra` are more
/// arguments. Returns the image.
fn build_image(dir: &Path, triple: &str, name: &str, extra: &[&str]) -> PathBuf {
    let ll = c_ir(dir, "image", IMAGE, triple);
    let heap = dir.join("heap.o");
    std::fs::write(&heap, heap_object(triple)).unwrap();
    let out = dir.join(name);
    let mut args = vec![
        "build",
        "-C",
        "generic;haswell,clone_all",
        "-o",
        s(&out),
        "-L",
        s(dir),
        "-l",
        "hostrt",
        "--object",
        s(&heap),
        "--export-data",
        "image_heap",
    ];
    if triple.parse::<mvimg::cpu::Platform>().unwrap().arch == mvimg::cpu::Arch::Aarch64 {
        args[2] = "generic;neoverse-n1,clone_all";
    }
    args.extend_from_slice(extra);
    args.push(s(&ll));
    mvimg_ok(&args);
    out
}

/// For a Linux `triple`, with `gcc` of that triple: the runtime
/// `libhostrt.so`, the image built against it with `--rpath $ORIGIN` (its
/// DT_NEEDED checked) and the driver. Returns (directory, image, driver).
fn linux_setup(triple: &str, gcc: &str) -> (PathBuf, PathBuf, PathBuf) {
    let dir = scratch(&format!("runtime-{triple}"));
    let rt = dir.join("libhostrt.so");
    std::fs::write(dir.join("hostrt.c"), HOSTRT).unwrap();
    run_ok(
        gcc,
        &["-shared", "-fPIC", "-o", s(&rt), s(&dir.join("hostrt.c"))],
    );
    let image = build_image(&dir, triple, "libimage.so", &["--rpath", "$ORIGIN"]);
    let needed = common::needed_libraries(&image);
    assert!(needed.contains(&"libhostrt.so".to_owned()), "{needed:?}");
    std::fs::write(dir.join("driver.c"), DRIVER).unwrap();
    let driver = dir.join("driver");
    run_ok(gcc, &["-o", s(&driver), s(&dir.join("driver.c")), "-ldl"]);
    (dir, image, driver)
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn x86_64_linux_image_links_the_runtime_and_runs() {
    let (dir, image, driver) = linux_setup("x86_64-unknown-linux-gnu", "gcc");
    // Natively the haswell clones run on any machine that has AVX2 (CI's
    // has); under qemu's Nehalem, the baseline. The runtime is found
    // through the image's rpath ($ORIGIN).
    let native = stdout(
        &Command::new(&driver).arg(&image).output().unwrap(),
        "native",
    );
    let host_avx2 = std::arch::is_x86_feature_detected!("avx2")
        && std::arch::is_x86_feature_detected!("fma")
        && std::arch::is_x86_feature_detected!("bmi2");
    assert_eq!(native, expected(i32::from(host_avx2)));
    let nehalem = Command::new("qemu-x86_64")
        .args(["-cpu", "Nehalem"])
        .arg(&driver)
        .arg(&image)
        .output()
        .expect("qemu-x86_64 runs (ci/setup installs qemu-user)");
    assert_eq!(stdout(&nehalem, "qemu Nehalem"), expected(0));
    // Without the rpath the runtime is not found: the rpath was what found it.
    let moved = dir.join("elsewhere");
    std::fs::create_dir_all(&moved).unwrap();
    std::fs::copy(&image, moved.join("libimage.so")).unwrap();
    let lost = Command::new(&driver)
        .arg(moved.join("libimage.so"))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&lost.stdout).contains("libhostrt.so"),
        "{lost:?}"
    );
}

#[test]
fn aarch64_linux_image_links_the_runtime_and_runs_under_qemu() {
    let (_, image, driver) = linux_setup("aarch64-unknown-linux-gnu", "aarch64-linux-gnu-gcc");
    for (cpu, selected) in [("cortex-a57", 0), ("neoverse-n1", 1)] {
        let out = Command::new("qemu-aarch64")
            .args(["-L", "/usr/aarch64-linux-gnu", "-cpu", cpu])
            .arg(&driver)
            .arg(&image)
            .output()
            .expect("qemu-aarch64 runs (ci/setup installs qemu-user)");
        assert_eq!(stdout(&out, cpu), expected(selected), "{cpu}");
    }
}

#[test]
fn windows_image_links_the_runtime_dll_through_its_import_library() {
    let dir = scratch("runtime-windows");
    std::fs::write(dir.join("hostrt.c"), HOSTRT).unwrap();
    let implib = dir.join("libhostrt.dll.a");
    run_ok(
        "x86_64-w64-mingw32-gcc",
        &[
            "-shared",
            "-o",
            s(&dir.join("hostrt.dll")),
            s(&dir.join("hostrt.c")),
            &format!("-Wl,--out-implib,{}", s(&implib)),
        ],
    );
    let image_implib = dir.join("libimage.dll.a");
    let image = build_image(
        &dir,
        "x86_64-w64-windows-gnu",
        "image.dll",
        &["--implib", s(&image_implib)],
    );
    // The image imports from hostrt.dll, data included.
    let bytes = std::fs::read(&image).unwrap();
    let imports = pe_imports(&bytes);
    for symbol in [
        "host_callback",
        "host_scale",
        "host_register",
        "host_call_image",
    ] {
        assert!(
            imports.contains(&("hostrt.dll".to_owned(), symbol.to_owned())),
            "{symbol} in {imports:?}"
        );
    }
    // The image's own import library lists the heap as data and the
    // functions as code...
    let kinds = implib_imports(&image_implib);
    assert!(
        kinds.contains(&("image_heap".to_owned(), ImportType::Data)),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&("image_sum".to_owned(), ImportType::Code)),
        "{kinds:?}"
    );
    // ... and a program linked against it (not loading the image itself)
    // reads the heap and calls through it.
    std::fs::write(dir.join("linked.c"), LINKED).unwrap();
    run_ok(
        "x86_64-w64-mingw32-gcc",
        &[
            "-o",
            s(&dir.join("linked.exe")),
            s(&dir.join("linked.c")),
            s(&image_implib),
        ],
    );
    let linked = wine::command("linked.exe")
        .current_dir(&dir)
        .output()
        .expect("wine64 runs (ci/setup installs it)");
    assert_eq!(
        stdout(&linked, "wine linked.exe").replace('\r', ""),
        "heap serialized-heap sum 145\n"
    );
    std::fs::write(dir.join("driver.c"), DRIVER).unwrap();
    let driver = dir.join("driver.exe");
    run_ok(
        "x86_64-w64-mingw32-gcc",
        &["-o", s(&driver), s(&dir.join("driver.c"))],
    );
    let out = wine::command(&driver)
        .arg("image.dll")
        .current_dir(&dir)
        .output()
        .expect("wine64 runs (ci/setup installs it)");
    let text = stdout(&out, "wine");
    let host_avx2 = cfg!(target_arch = "x86_64") && {
        #[cfg(target_arch = "x86_64")]
        {
            std::arch::is_x86_feature_detected!("avx2")
                && std::arch::is_x86_feature_detected!("fma")
                && std::arch::is_x86_feature_detected!("bmi2")
        }
        #[cfg(not(target_arch = "x86_64"))]
        false
    };
    assert_eq!(text.replace('\r', ""), expected(i32::from(host_avx2)));
}

/// A program linked against the image's import library: the heap is a
/// data import, `image_sum` a function.
const LINKED: &str = r#"
#include <stdio.h>
__declspec(dllimport) extern const char image_heap[];
int image_sum(int);
int main(void) {
    printf("heap %s sum %d\n", image_heap, image_sum(10));
    return 0;
}
"#;

/// (symbol, kind) of every short import member of an import library.
fn implib_imports(path: &Path) -> Vec<(String, ImportType)> {
    let bytes = std::fs::read(path).unwrap();
    let archive = object::read::archive::ArchiveFile::parse(&*bytes).unwrap();
    let mut out = Vec::new();
    for member in archive.members() {
        let data = member.unwrap().data(&*bytes).unwrap();
        if let Ok(import) = object::read::coff::ImportFile::parse(data) {
            out.push((
                String::from_utf8_lossy(import.symbol()).into_owned(),
                import.import_type(),
            ));
        }
    }
    out
}

/// (DLL, symbol) of every import of a PE image.
fn pe_imports(bytes: &[u8]) -> Vec<(String, String)> {
    use object::Object;
    let file = object::File::parse(bytes).unwrap();
    file.imports()
        .unwrap()
        .iter()
        .map(|i| {
            (
                String::from_utf8_lossy(i.library()).into_owned(),
                String::from_utf8_lossy(i.name()).into_owned(),
            )
        })
        .collect()
}

#[test]
fn macos_images_bind_the_runtime_dylib_or_flat_lookup_as_asked() {
    for (triple, clang) in [
        ("x86_64-apple-darwin", "x86_64-apple-macosx10.13.0"),
        ("aarch64-apple-darwin", "arm64-apple-macosx11.0.0"),
    ] {
        let dir = scratch(&format!("runtime-{triple}"));
        // The runtime dylib, linked by mvimg itself from clang's object.
        let rt_obj = dir.join("hostrt.o");
        std::fs::write(dir.join("hostrt.c"), HOSTRT).unwrap();
        run_ok(
            "clang-22",
            &[
                "-c",
                "-O2",
                &format!("--target={clang}"),
                "-o",
                s(&rt_obj),
                s(&dir.join("hostrt.c")),
            ],
        );
        mvimg_ok(&[
            "link",
            "--target",
            triple,
            "-o",
            s(&dir.join("libhostrt.dylib")),
            s(&rt_obj),
        ]);
        // Default policy: the runtime's symbols bind to its dylib (two-level
        // namespace), the rest (the init's libSystem calls) to flat lookup.
        let image = build_image(&dir, clang, "libimage.dylib", &[]);
        let ll = dir.join("image.ll");
        let found = macho::bindings(&std::fs::read(&image).unwrap());
        let ordinal = 1 + found
            .dylibs
            .iter()
            .position(|d| d == "@rpath/libhostrt.dylib")
            .unwrap_or_else(|| panic!("{triple}: {:?}", found.dylibs))
            as i64;
        let runtime = [
            "_host_call_image",
            "_host_callback",
            "_host_register",
            "_host_scale",
        ];
        let flat = i64::from(object::macho::BIND_SPECIAL_DYLIB_FLAT_LOOKUP);
        let mut others = Vec::new();
        for (name, (table, bind)) in &found.symbols {
            if runtime.contains(&name.as_str()) {
                assert_eq!(
                    (i64::from(*table), *bind),
                    (ordinal, ordinal),
                    "{triple} {name}"
                );
            } else {
                assert_eq!(*bind, flat, "{triple} {name}");
                others.push(name.clone());
            }
        }
        for name in runtime {
            assert!(found.symbols.contains_key(name), "{triple}: {name}");
        }
        assert!(!others.is_empty());
        // --no-undefined: the same link fails naming what only flat lookup
        // found; given a stub of the library that defines them (here a
        // .tbd listing them, as the SDK's libSystem.tbd does), every symbol
        // binds to a dylib.
        let failed = mvimg(&[
            "build",
            "-C",
            "generic",
            "-o",
            s(&dir.join("libstrict.dylib")),
            "-L",
            s(&dir),
            "-l",
            "hostrt",
            "--no-undefined",
            s(&ll),
        ]);
        let text = String::from_utf8_lossy(&failed.stderr);
        assert!(!failed.status.success(), "{triple}");
        assert!(
            text.contains(others[0].trim_start_matches('_')),
            "{triple}: {text}"
        );
        assert!(!dir.join("libstrict.dylib").exists());
        let tbd = dir.join("libSystem.tbd");
        std::fs::write(&tbd, system_tbd(&others)).unwrap();
        let strict = build_image(
            &dir,
            clang,
            "libstrict.dylib",
            &["--no-undefined", "--object", s(&tbd)],
        );
        let found = macho::bindings(&std::fs::read(&strict).unwrap());
        assert!(found
            .dylibs
            .contains(&"/usr/lib/libSystem.B.dylib".to_owned()));
        for (name, (table, bind)) in &found.symbols {
            assert!(
                *bind >= 1 && i64::from(*table) == *bind,
                "{triple} {name}: {bind}"
            );
        }
    }
}

/// A text stub of libSystem exporting `symbols` for both macOS architectures.
fn system_tbd(symbols: &[String]) -> String {
    format!(
        "--- !tapi-tbd\ntbd-version: 4\ntargets: [ x86_64-macos, arm64-macos ]\n\
         install-name: '/usr/lib/libSystem.B.dylib'\ncurrent-version: 1311\n\
         exports:\n  - targets: [ x86_64-macos, arm64-macos ]\n    symbols: [ {} ]\n...\n",
        symbols.join(", ")
    )
}

#[test]
fn bad_link_inputs_are_clear_errors_and_nothing_is_written() {
    let dir = scratch("runtime-errors");
    let ll_linux = c_ir(&dir, "linux", IMAGE, "x86_64-unknown-linux-gnu");
    let ll_windows = c_ir(&dir, "windows", IMAGE, "x86_64-w64-windows-gnu");
    let fails = |args: &[&str], out: &Path| -> String {
        let result = mvimg(args);
        assert!(!result.status.success(), "{args:?} succeeded");
        assert!(!out.exists(), "{args:?} left {}", out.display());
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "{args:?} left {leftovers:?}");
        String::from_utf8_lossy(&result.stderr).into_owned()
    };
    // A library on no search path: named, with where it was looked for.
    let out = dir.join("libimage.so");
    let e = fails(
        &[
            "build",
            "-o",
            s(&out),
            "-L",
            s(&dir),
            "-l",
            "hostrt",
            s(&ll_linux),
        ],
        &out,
    );
    assert!(
        e.contains("-lhostrt") && e.contains("libhostrt.so, libhostrt.a") && e.contains(s(&dir)),
        "{e}"
    );
    // Windows resolves every symbol at link time: each unresolved one is
    // named, with the way to provide it.
    let dll = dir.join("image.dll");
    let e = fails(&["build", "-o", s(&dll), s(&ll_windows)], &dll);
    for symbol in [
        "host_callback",
        "host_scale",
        "host_register",
        "host_call_image",
    ] {
        assert!(e.contains(&format!("`{symbol}`")), "{symbol}: {e}");
    }
    assert!(e.contains("-l NAME") && e.contains("import library"), "{e}");
    // Options that mean nothing for the platform.
    for (option, value, what) in [
        ("--rpath", "$ORIGIN", "rpath `$ORIGIN`"),
        ("--allow-undefined", "", "allowing undefined symbols"),
    ] {
        let mut args = vec!["build", "-o", s(&dll), option];
        if !value.is_empty() {
            args.push(value);
        }
        args.push(s(&ll_windows));
        let e = fails(&args, &dll);
        assert!(
            e.contains(what) && e.contains("x86_64-w64-windows-gnu"),
            "{option}: {e}"
        );
    }
    let e = fails(
        &[
            "build",
            "-o",
            s(&out),
            "--implib",
            s(&dir.join("x.a")),
            s(&ll_linux),
        ],
        &out,
    );
    assert!(
        e.contains("import library") && e.contains("x86_64-unknown-linux-gnu"),
        "{e}"
    );
}

/// The names in an ELF file's symbol table.
fn symbol_names(path: &Path) -> Vec<String> {
    use object::{Object, ObjectSymbol};
    let bytes = std::fs::read(path).unwrap();
    let file = object::File::parse(&*bytes).unwrap();
    file.symbols()
        .filter_map(|s| s.name().ok().map(str::to_owned))
        .collect()
}

#[test]
fn an_archive_gives_only_the_members_used_unless_linked_whole() {
    let dir = scratch("runtime-archive");
    let code =
        "extern int helper_used(int);\nint image_entry(int x) { return helper_used(x) + 1; }\n";
    let ll = c_ir(&dir, "image", code, "x86_64-unknown-linux-gnu");
    std::fs::write(
        dir.join("used.c"),
        "int helper_used(int x) { return 2 * x; }\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("unused.c"),
        "int helper_unused(int x) { return 3 * x; }\n",
    )
    .unwrap();
    for name in ["used", "unused"] {
        run_ok(
            "clang-22",
            &[
                "-c",
                "-O2",
                "-fPIC",
                "--target=x86_64-unknown-linux-gnu",
                "-o",
                s(&dir.join(format!("{name}.o"))),
                s(&dir.join(format!("{name}.c"))),
            ],
        );
    }
    let archive = dir.join("libhelpers.a");
    run_ok(
        "llvm-ar-22",
        &[
            "rcs",
            s(&archive),
            s(&dir.join("used.o")),
            s(&dir.join("unused.o")),
        ],
    );
    let some = dir.join("libsome.so");
    mvimg_ok(&["build", "-o", s(&some), "--object", s(&archive), s(&ll)]);
    let names = symbol_names(&some);
    assert!(names.iter().any(|n| n == "helper_used"), "{names:?}");
    assert!(!names.iter().any(|n| n == "helper_unused"), "{names:?}");
    let whole = dir.join("libwhole.so");
    mvimg_ok(&[
        "build",
        "-o",
        s(&whole),
        "--whole-archive",
        s(&archive),
        s(&ll),
    ]);
    let names = symbol_names(&whole);
    assert!(names.iter().any(|n| n == "helper_unused"), "{names:?}");
    // Either way the archive's code is not exported: the image exports
    // what the ordinary library of the IR exports.
    for image in [&some, &whole] {
        let exported = common::elf_exports(image);
        assert!(exported.contains(&"image_entry".to_owned()), "{exported:?}");
        assert!(
            !exported.iter().any(|e| e.starts_with("helper_")),
            "{exported:?}"
        );
    }
    // Run it: the member's code is what runs.
    #[cfg(all(target_arch = "x86_64", target_os = "linux"))]
    {
        let driver = dir.join("driver.c");
        std::fs::write(
            &driver,
            "#include <dlfcn.h>\n#include <stdio.h>\nint main(int c, char **v) {\n\
             void *h = dlopen(v[1], RTLD_NOW); if (!h) return 1;\n\
             int (*f)(int) = (int (*)(int))dlsym(h, \"image_entry\");\n\
             printf(\"%d\\n\", f(20)); return 0; }\n",
        )
        .unwrap();
        let exe = dir.join("driver");
        run_ok("gcc", &["-o", s(&exe), s(&driver), "-ldl"]);
        let out = Command::new(&exe).arg(&some).output().unwrap();
        assert_eq!(stdout(&out, "driver"), "41\n");
    }
}
