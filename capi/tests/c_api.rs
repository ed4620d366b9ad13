//! mvimg's C API used from C, as a runtime's image builder uses it
//! (tests/c/api_test.c): the program builds an image of tests/c/kernels.c
//! for x86_64 Linux (with a data object, a build record and a runtime
//! library), for AArch64 Linux and for x86_64 Windows, checks each before
//! load for this machine and named CPUs (and is refused for a runtime ABI
//! the images do not record), loads the x86_64 image and calls into it, and
//! feeds the API NULLs, a bad list, a bad setting, garbage IR, a missing
//! library and a file that is no image. Then the same program runs under
//! valgrind: no invalid access, no leak.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Where cargo put the crate's libraries: `target/<profile>/deps`, beside
/// this test. (Cargo copies them up to `target/<profile>` only when the
/// library itself is what was asked for, as in `cargo build -p mvimg-capi`;
/// under `cargo test` that copy is missing or older than this build.)
fn library_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's path");
    exe.parent()
        .expect("target/<profile>/deps/<test>")
        .to_owned()
}

fn run(command: &mut Command) -> Output {
    let shown = format!("{command:?}");
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{shown}: {e} (ci/setup installs it)"));
    assert!(
        out.status.success(),
        "{shown} failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The README's IR recipe for `target`: clang-22 at -O2 with LLVM's passes
/// left to mvimg.
fn ir(source: &Path, target: &str, out: &Path) -> PathBuf {
    run(Command::new("clang-22")
        .args(["-O2", "-Xclang", "-disable-llvm-passes", "-emit-llvm", "-c"])
        .arg(format!("--target={target}"))
        .arg(source)
        .arg("-o")
        .arg(out));
    out.to_owned()
}

#[test]
fn a_c_program_builds_checks_loads_and_calls_images_through_the_c_api() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let c = here.join("tests").join("c");
    let lib = library_dir();
    assert!(
        lib.join("libmvimg_capi.so").is_file(),
        "{} has no libmvimg_capi.so: cargo builds it with the crate's tests",
        lib.display()
    );
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("capi");
    let _ = std::fs::remove_dir_all(&work);
    for dir in ["aarch64", "windows"] {
        std::fs::create_dir_all(work.join(dir)).expect("work directory");
    }

    // The runtime library, for each platform.
    let rt = c.join("rtmini.c");
    run(Command::new("gcc")
        .args(["-shared", "-fPIC", "-O2", "-o"])
        .arg(work.join("librtmini.so"))
        .arg(&rt));
    run(Command::new("aarch64-linux-gnu-gcc")
        .args(["-shared", "-fPIC", "-O2", "-o"])
        .arg(work.join("aarch64").join("librtmini.so"))
        .arg(&rt));
    run(Command::new("x86_64-w64-mingw32-gcc")
        .args(["-shared", "-O2", "-o"])
        .arg(work.join("windows").join("rtmini.dll"))
        .arg(&rt)
        .arg(format!(
            "-Wl,--out-implib,{}",
            work.join("windows").join("librtmini.dll.a").display()
        )));

    let kernels = c.join("kernels.c");
    let linux = ir(
        &kernels,
        "x86_64-unknown-linux-gnu",
        &work.join("kernels.bc"),
    );
    let aarch64 = ir(
        &kernels,
        "aarch64-unknown-linux-gnu",
        &work.join("kernels-aarch64.bc"),
    );
    let windows = ir(
        &kernels,
        "x86_64-w64-windows-gnu",
        &work.join("kernels-windows.bc"),
    );

    // The program, compiled as a C build would: the header and the library.
    let program = work.join("api_test");
    run(Command::new("gcc")
        .args(["-std=gnu11", "-Wall", "-Wextra", "-Werror", "-g", "-o"])
        .arg(&program)
        .arg(c.join("api_test.c"))
        .arg(format!("-I{}", here.join("include").display()))
        .arg(format!("-L{}", lib.display()))
        .arg(format!("-Wl,-rpath,{}", lib.display()))
        .args(["-lmvimg_capi", "-ldl"]));

    let args = [&work, &linux, &aarch64, &windows];
    let out = run(Command::new(&program).args(args));
    let stdout = String::from_utf8_lossy(&out.stdout);
    eprintln!("{stdout}");
    for expected in [
        "version: mvimg ",
        "built x86_64-unknown-linux-gnu",
        "built aarch64-unknown-linux-gnu",
        "built x86_64-w64-windows-gnu",
        "check ", // decisions, with the targets named
        "scaled_dot: 14850.0",
        "blob_sum: 10",
        "garbage IR: ",
        "not an image: ",
    ] {
        assert!(stdout.contains(expected), "no `{expected}` in:\n{stdout}");
    }
    assert!(stdout.trim_end().ends_with("ok"), "{stdout}");
    // The images are what the API says: the x86_64 one is an ELF shared
    // library, the Windows one a PE DLL.
    let elf = std::fs::read(work.join("libkernels.so")).expect("the x86_64 image");
    assert_eq!(&elf[..4], b"\x7fELF");
    let dll = std::fs::read(work.join("windows").join("kernels.dll")).expect("the DLL");
    assert_eq!(&dll[..2], b"MZ");

    // The same program under valgrind: no invalid read or write, no use of
    // uninitialized memory, nothing definitely or indirectly lost (it found
    // every build leaking its IR inputs and the init's IR: inkwell forgets
    // the buffers LLVM 22 no longer consumes). One read inside glibc's
    // dynamic loader is suppressed (valgrind.supp says why).
    let out = run(Command::new("valgrind")
        .args([
            "--error-exitcode=99",
            "--leak-check=full",
            "--errors-for-leak-kinds=definite,indirect",
            "--show-leak-kinds=definite,indirect",
            "--track-origins=no",
        ])
        .arg(format!(
            "--suppressions={}",
            c.join("valgrind.supp").display()
        ))
        .arg(&program)
        .args(args));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("ERROR SUMMARY: 0 errors"),
        "valgrind:\n{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout)
        .trim_end()
        .ends_with("ok"));
}
