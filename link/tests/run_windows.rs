//! The x86_64 Windows DLL, linked in process, loaded with LoadLibrary and called
//! by a driver built with x86_64-w64-mingw32-gcc and run under wine64.

mod common;

use common::{compile, run, scratch, wine};
use mvimg_cpu::Platform;
use mvimg_link::{DataImports, LinkInput, LinkJob};

/// No CRT: the DLL's entry point is mvimg-link's stub.
const LIBRARY: &str = r#"
int mvimg_counter = 40;
int mvimg_add(int a, int b) { return a + b; }
int mvimg_twice(int a) { return mvimg_add(a, a); }
int mvimg_bump(void) { return ++mvimg_counter; }
int mvimg_hidden(int a) { return a - 1; }
"#;

const DRIVER: &str = r#"
#include <windows.h>
#include <stdio.h>
int main(int argc, char **argv) {
    HMODULE h = LoadLibraryA(argv[1]);
    if (!h) { printf("LoadLibrary failed: %lu\n", GetLastError()); return 2; }
    int (*twice)(int) = (int (*)(int))GetProcAddress(h, "mvimg_twice");
    int (*bump)(void) = (int (*)(void))GetProcAddress(h, "mvimg_bump");
    int *counter = (int *)GetProcAddress(h, "mvimg_counter");
    if (!twice || !bump || !counter) { printf("missing export\n"); return 3; }
    int b = bump();
    printf("twice=%d bump=%d counter=%d hidden=%s\n", twice(21), b, *counter,
           GetProcAddress(h, "mvimg_hidden") ? "exported" : "absent");
    return FreeLibrary(h) ? 0 : 4;
}
"#;

#[test]
fn windows_dll_is_loaded_by_a_mingw_program_under_wine() {
    let dir = scratch("run-windows");
    let lib_o = compile(LIBRARY, "x86_64-w64-windows-gnu", &dir, "lib");
    std::fs::write(dir.join("driver.c"), DRIVER).unwrap();
    let (exe, driver_c) = (dir.join("driver.exe"), dir.join("driver.c"));
    run(
        "x86_64-w64-mingw32-gcc",
        &[
            "-O1",
            "-o",
            exe.to_str().unwrap(),
            driver_c.to_str().unwrap(),
        ],
    );
    let target: Platform = "x86_64-w64-windows-gnu".parse().unwrap();
    let mut job = LinkJob::new(target, vec![lib_o], dir.join("img.dll"));
    job.exports = ["mvimg_twice", "mvimg_bump", "mvimg_counter"]
        .map(String::from)
        .to_vec();
    let out = job.link().unwrap();
    let run = wine::command(&exe)
        .arg(&out.output)
        .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
        .output()
        .expect("wine64 runs (ci/setup installs it)");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "exit {:?}: {stdout}{}",
        run.status.code(),
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        stdout.replace('\r', ""),
        "twice=42 bump=41 counter=41 hidden=absent\n"
    );
}

/// Calls `int NAME(void)` of the DLL argv[1] and prints the result.
const CALLER: &str = r#"
#include <windows.h>
#include <stdio.h>
int main(int argc, char **argv) {
    HMODULE h = LoadLibraryA(argv[1]);
    if (!h) { printf("LoadLibrary failed: %lu\n", GetLastError()); return 2; }
    int (*f)(void) = (int (*)(void))GetProcAddress(h, argv[2]);
    if (!f) { printf("missing export\n"); return 3; }
    printf("%d\n", f());
    return 0;
}
"#;

#[test]
fn data_of_another_dll_is_read_through_its_import_library() {
    let dir = scratch("run-windows-data");
    let windows: Platform = "x86_64-w64-windows-gnu".parse().unwrap();
    // The provider: a DLL exporting a function and data, with its import
    // library, linked by mvimg-link itself.
    let provider = compile(
        "int provided_value = 1234;\nint provided_twice(int x) { return 2 * x; }\n",
        "x86_64-w64-windows-gnu",
        &dir,
        "provider",
    );
    let mut job = LinkJob::new(windows.clone(), vec![provider], dir.join("prov.dll"));
    job.exports = vec!["provided_twice".into()];
    job.spec.export_data = vec!["provided_value".into()];
    job.spec.import_library = Some(dir.join("libprov.dll.a"));
    job.link().unwrap();
    // The consumer reads the data as clang compiles `extern int`: through a
    // `.refptr` cell, which the default (auto-import, no runtime
    // pseudo-relocations) points at the import address table.
    let consumer = compile(
        "extern int provided_value;\nint provided_twice(int);\n\
         int consumer_get(void) { return provided_value + provided_twice(3); }\n",
        "x86_64-w64-windows-gnu",
        &dir,
        "consumer",
    );
    let mut job = LinkJob::new(windows.clone(), vec![consumer], dir.join("cons.dll"));
    job.exports = vec!["consumer_get".into()];
    job.spec.search_paths = vec![dir.clone()];
    job.spec.inputs.push(LinkInput::Library("prov".into()));
    job.link().unwrap();
    std::fs::write(dir.join("caller.c"), CALLER).unwrap();
    let exe = dir.join("caller.exe");
    run(
        "x86_64-w64-mingw32-gcc",
        &[
            "-o",
            exe.to_str().unwrap(),
            dir.join("caller.c").to_str().unwrap(),
        ],
    );
    let out = wine::command(&exe)
        .arg("cons.dll")
        .arg("consumer_get")
        .current_dir(&dir)
        .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
        .output()
        .expect("wine64 runs (ci/setup installs it)");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).replace('\r', ""),
        "1240\n",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // An address of imported data in initialized data needs patching at
    // load (a runtime pseudo-relocation): refused by default, naming it.
    let pointer = compile(
        "extern int provided_value;\nint *consumer_ptr = &provided_value;\n\
         int consumer_read(void) { return *consumer_ptr; }\n",
        "x86_64-w64-windows-gnu",
        &dir,
        "pointer",
    );
    let mut job = LinkJob::new(windows, vec![pointer], dir.join("ptr.dll"));
    job.spec.search_paths = vec![dir.clone()];
    job.spec.inputs.push(LinkInput::Library("prov".into()));
    let e = job.link().unwrap_err().to_string();
    assert!(e.contains("provided_value") && e.contains("pseudo"), "{e}");
    assert!(!dir.join("ptr.dll").exists());
    // Allowing them takes code that applies them at load (the mingw CRT's
    // or mvimg's image init: tests/realworld.rs), which LLD asks for.
    job.options.data_imports = DataImports::PseudoRelocations;
    let e = job.link().unwrap_err().to_string();
    assert!(e.contains("_pei386_runtime_relocator"), "{e}");
}
