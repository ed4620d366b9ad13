//! Real-world IR (issue 15): code nobody here wrote — LevelDB 1.22 (C++, from
//! leveldb-sys's bundled sources, fetched by `cargo vendor`) and a Rust cdylib
//! with std, sha2 and regex (fat-LTO bitcode of the whole crate graph) — and a
//! minimal regression for each problem found on real code (tests/data/realworld).
//! Each is built with mvimg's default list, linked with the toolchain runtime,
//! loaded by a plain C driver linked against the image and nothing else, and
//! compared with the ordinary build of the same code: natively on every target
//! this host can run (`MVIMG_FORCE_TARGET`), under `qemu-x86_64 -cpu
//! Nehalem|Haswell` and, for AArch64 images, `qemu-aarch64 -cpu
//! cortex-a53|neoverse-n1|a64fx`. `mvimg inspect` and `mvimg explain` read
//! every image built here.

mod common;
#[path = "../link/tests/common/wine.rs"]
mod wine;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use common::{check_readers, mingw_runtime_dlls, run_ok, scratch, vendored};
use mvimg::codegen::{build, link_image, BuildOptions};
use mvimg::cpu::TargetList;

const X86: &str = "x86_64-unknown-linux-gnu";
const ARM: &str = "aarch64-unknown-linux-gnu";
const WINDOWS: &str = "x86_64-w64-windows-gnu";

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Whether `source` is C++.
fn is_cxx(source: &Path) -> bool {
    source.extension().is_some_and(|e| e == "cc" || e == "cpp")
}

/// `clang-22` (C) or `clang++-22` (C++) `-O1 -fPIC -emit-llvm -c` of
/// `source` for `triple` at `out`.
fn bitcode(source: &Path, triple: &str, flags: &[&str], out: &Path) -> PathBuf {
    let compiler = if is_cxx(source) {
        "clang++-22"
    } else {
        "clang-22"
    };
    let mut args = vec!["-O1", "-fPIC", "-emit-llvm", "-c"];
    let target = format!("--target={triple}");
    args.push(&target);
    args.extend_from_slice(flags);
    args.extend(["-o", path(out), path(source)]);
    run_ok(compiler, &args);
    out.to_path_buf()
}

/// `items` mapped on two threads (the machines have two cores), in order.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let half = items.len().div_ceil(2);
    std::thread::scope(|scope| {
        let first = scope.spawn(|| items[..half].iter().map(&work).collect::<Vec<_>>());
        let mut out: Vec<R> = items[half..].iter().map(&work).collect();
        let mut all = first.join().unwrap();
        all.append(&mut out);
        all
    })
}

/// An image of `inputs` for `triple` with the triple's default list, at
/// `dir/name`; `partitions` forces the split. Then `mvimg inspect` and
/// `mvimg explain` must read it. Returns the image and its target count.
fn image(
    dir: &Path,
    inputs: &[PathBuf],
    triple: &str,
    partitions: Option<usize>,
    name: &str,
) -> (PathBuf, usize) {
    let platform: mvimg::cpu::Platform = triple.parse().unwrap();
    let (arch, os) = (platform.arch, platform.os);
    let targets = TargetList::default_for(arch, os)
        .resolve(arch, None)
        .unwrap();
    let options = BuildOptions {
        triple: Some(triple.into()),
        partitions,
        ..BuildOptions::default()
    };
    let built = build(inputs, &targets, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
    if let Some(parts) = partitions {
        assert_eq!(
            built.objects.len(),
            parts,
            "{name}: every partition defines something"
        );
    }
    let out = dir.join(name);
    link_image(&built, &out).unwrap_or_else(|e| panic!("{name}: {e}"));
    check_readers(&out, targets.targets.len());
    (out, targets.targets.len())
}

/// A C driver compiled by `compiler` from `sources` and report.c (which
/// prints the image's selection), linked against the library `lib` (by its
/// file name, found beside it at run time) and nothing else.
fn driver(compiler: &str, sources: &[&Path], flags: &[&str], lib: &Path, out: &Path) -> PathBuf {
    let dir = lib.parent().unwrap();
    let name = lib.file_name().unwrap().to_str().unwrap();
    let report = data("realworld/report.c");
    let mut args = vec!["-O1", "-o", path(out), path(&report)];
    args.extend(sources.iter().map(|s| path(s)));
    args.extend_from_slice(flags);
    let search = format!("-L{}", path(dir));
    let link = format!("-l:{name}");
    let image_name = format!("-DIMAGE_NAME=\"{name}\"");
    let rpath = format!("-Wl,-rpath,{}", path(dir));
    args.extend([search.as_str(), link.as_str(), image_name.as_str()]);
    if !compiler.contains("mingw") {
        args.push(rpath.as_str());
    }
    run_ok(compiler, &args);
    out.to_path_buf()
}

/// wine64 (the shared rule, link/tests/common/wine.rs), as a `&str`.
fn wine64() -> &'static str {
    static PATH: OnceLock<String> = OnceLock::new();
    PATH.get_or_init(|| wine::wine64().display().to_string())
}

/// The environment of every wine run: the tests' shared prefix.
fn wine_env() -> [(&'static str, &'static str); 2] {
    static PREFIX: OnceLock<String> = OnceLock::new();
    let prefix = PREFIX.get_or_init(|| wine::prefix().to_str().unwrap().to_owned());
    [("WINEPREFIX", prefix.as_str()), ("WINEDEBUG", "-all")]
}

/// Runs a Windows driver under wine on every target this host can run
/// (forced with MVIMG_FORCE_TARGET, which the image reads from its PEB).
fn windows_everywhere(program: &Path, targets: usize, expect: Expect<'_>, what: &str) {
    let env = wine_env();
    let wine = [wine64()];
    let natural = execute(&wine, program, &env);
    check(&natural, expect, &format!("{what}, under wine"));
    let mut ran = 0;
    for t in 0..targets {
        let index = t.to_string();
        let mut forced = env.to_vec();
        forced.push(("MVIMG_FORCE_TARGET", &index));
        let out = execute(&wine, program, &forced);
        check(
            &out,
            expect,
            &format!("{what}, MVIMG_FORCE_TARGET={t} under wine"),
        );
        let s = selected(&out);
        assert!(
            s == t as i64 || s == -1,
            "{what}: MVIMG_FORCE_TARGET={t} selected {s}"
        );
        ran += usize::from(s == t as i64);
    }
    assert!(
        ran >= targets - 1,
        "{what}: {ran} of {targets} targets ran under wine"
    );
}

/// A command running `program` under `wrapper` (qemu, runuser, ...), or
/// alone when it is empty.
fn wrapped(wrapper: &[&str], program: &Path) -> Command {
    match wrapper.split_first() {
        Some((first, rest)) => {
            let mut c = Command::new(first);
            c.args(rest).arg(program);
            c
        }
        None => Command::new(program),
    }
}

/// Runs `program` (under `wrapper`, if any) with `env`; returns its output.
fn execute(wrapper: &[&str], program: &Path, env: &[(&str, &str)]) -> Output {
    let mut command = wrapped(wrapper, program);
    command.env_remove("MVIMG_FORCE_TARGET");
    command.env_remove("MVIMG_HOST_FEATURES");
    command.env_remove("MVIMG_HOST_CPU");
    command.env("RUST_BACKTRACE", "0");
    command.envs(env.iter().copied());
    command
        .output()
        .unwrap_or_else(|e| panic!("{wrapper:?} {}: {e}", program.display()))
}

/// The target the image selected, from the driver's `mvimg selected N`.
fn selected(out: &Output) -> i64 {
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("mvimg selected "))
        .unwrap_or_else(|| panic!("no selection in:\n{stderr}"))
        .trim()
        .parse()
        .unwrap()
}

/// What a run must show: its standard output, or only its success.
#[derive(Clone, Copy)]
enum Expect<'a> {
    /// Exactly this standard output (the ordinary build's).
    Stdout(&'a str),
    /// Success and this text on standard error (the code's own checks).
    Stderr(&'a str),
}

fn check(out: &Output, expect: Expect<'_>, what: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{what}: {}\n{stderr}", out.status);
    match expect {
        Expect::Stdout(text) => {
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                text,
                "{what}\n{stderr}"
            )
        }
        Expect::Stderr(text) => assert!(stderr.contains(text), "{what}: no {text:?} in\n{stderr}"),
    }
}

/// Runs an x86_64 driver (with `env`) on every target: forced natively
/// where this host can run it, and under qemu-x86_64 as Nehalem (target 0)
/// and Haswell (target 2). Every target but one this host lacks the
/// features for must have run.
fn x86_everywhere(
    program: &Path,
    env: &[(&str, &str)],
    targets: usize,
    expect: Expect<'_>,
    what: &str,
) {
    let mut ran = vec![false; targets];
    let natural = execute(&[], program, env);
    check(&natural, expect, &format!("{what}, natively"));
    for (t, ran_t) in ran.iter_mut().enumerate() {
        let index = t.to_string();
        let mut forced = env.to_vec();
        forced.push(("MVIMG_FORCE_TARGET", &index));
        let out = execute(&[], program, &forced);
        check(&out, expect, &format!("{what}, MVIMG_FORCE_TARGET={t}"));
        match selected(&out) {
            s if s == t as i64 => *ran_t = true,
            -1 => assert!(
                String::from_utf8_lossy(&out.stderr).contains("this host lacks"),
                "{what}: target {t} refused without a reason"
            ),
            s => panic!("{what}: MVIMG_FORCE_TARGET={t} selected {s}"),
        }
    }
    for (cpu, want) in [("Nehalem", 0usize), ("Haswell", 2)] {
        let out = execute(&["qemu-x86_64", "-cpu", cpu], program, env);
        check(&out, expect, &format!("{what}, qemu-x86_64 -cpu {cpu}"));
        assert_eq!(selected(&out), want as i64, "{what} under {cpu}");
        ran[want] = true;
    }
    for (t, ran) in ran.iter().enumerate() {
        if !ran {
            eprintln!("{what}: target {t} needs features neither this host nor qemu has");
        }
    }
    assert!(
        ran.iter().filter(|r| **r).count() >= targets - 1,
        "{what}: {ran:?}"
    );
}

/// Runs an AArch64 driver (with `env`) under qemu-aarch64 as three CPUs,
/// each with its own selection and forced to target 0; the three must not
/// all select the same target.
fn aarch64_everywhere(program: &Path, env: &[(&str, &str)], expect: Expect<'_>, what: &str) {
    let mut selections = Vec::new();
    for cpu in ["cortex-a53", "neoverse-n1", "a64fx"] {
        let wrapper = ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", "-cpu", cpu];
        let out = execute(&wrapper, program, env);
        check(&out, expect, &format!("{what}, qemu-aarch64 -cpu {cpu}"));
        let s = selected(&out);
        assert!(s > 0, "{what} under {cpu} selected {s}");
        selections.push(s);
        let mut forced = env.to_vec();
        forced.push(("MVIMG_FORCE_TARGET", "0"));
        let out = execute(&wrapper, program, &forced);
        check(&out, expect, &format!("{what}, target 0 under {cpu}"));
        assert_eq!(selected(&out), 0, "{what}: forced target 0 under {cpu}");
    }
    selections.dedup();
    assert!(
        selections.len() > 1,
        "{what}: every CPU selected {selections:?}"
    );
}

/// The ordinary build's standard output of `driver` against `lib`.
fn ordinary_output(program: &Path) -> String {
    let out = execute(&[], program, &[]);
    assert!(
        out.status.success(),
        "{}: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn c_regressions_behave_like_the_ordinary_build() {
    let checked = Library {
        name: "regress",
        sources: vec![data("realworld/regress.c")],
        // With debug info, which every partition carries its share of.
        flags: &|_| vec!["-g".to_owned()],
        driver_source: data("realworld/regress_driver.c"),
        runtime_dlls: Vec::new(),
        // Every definition's neighbours in other partitions: aliases, the
        // ifunc, TLS, the constructor and the label table each cross.
        partitions: Some(4),
        windows_like_linux: false,
    }
    .check_everywhere();
    // Every way of taking an address agrees, from inside and outside.
    let expected = &checked.expected;
    assert!(
        expected.contains("identity 1023\noutside 1 1 1\n"),
        "{expected}"
    );
    assert!(
        expected.contains("local alias 3828124300 3828124300 1\n"),
        "{expected}"
    );
    // The computed goto: each clone jumps through its own label table, and
    // the function's address in data is still the function.
    assert!(
        expected.contains("interp 49150 2147483643 1\n"),
        "{expected}"
    );
    // Windows: the constructor ran from the image's DllMainCRTStartup, the
    // TLS variable has the image's TLS directory.
    let lines = checked.windows_expected.replace("\r\n", "\n");
    assert!(lines.contains("table 9 65025\nidentity 1023\n"), "{lines}");
    assert!(lines.contains("tls 8 9\n"), "{lines}");

    // The same Windows image from `mvimg build --emit obj` and `mvimg link
    // --runtime`: the object's own DllMainCRTStartup (the image's init) is
    // the entry point.
    let split_dir = checked.dir.join("obj-then-link");
    std::fs::create_dir_all(&split_dir).unwrap();
    let object = split_dir.join("regress.o");
    let dll = split_dir.join("libregress.dll");
    let mvimg = env!("CARGO_BIN_EXE_mvimg");
    let bc = &checked.bitcode[2][0];
    run_ok(
        mvimg,
        &["build", "--emit", "obj", "-o", path(&object), path(bc)],
    );
    run_ok(
        mvimg,
        &[
            "link",
            "--runtime",
            "--target",
            WINDOWS,
            "-o",
            path(&dll),
            path(&object),
        ],
    );
    let program = driver(
        "x86_64-w64-mingw32-gcc",
        &[&data("realworld/regress_driver.c")],
        &[],
        &dll,
        &split_dir.join("driver.exe"),
    );
    let out = execute(&[wine64()], &program, &wine_env());
    let what = "C regressions (Windows, obj + link)";
    check(&out, Expect::Stdout(&checked.windows_expected), what);
    assert!(selected(&out) >= 0, "{what}: the init did not run");
}

#[test]
fn cxx_regressions_across_partitions_behave_like_the_ordinary_build() {
    // Four partitions: templates, inline functions and the hidden
    // __clang_call_terminate are defined in one and used from others.
    let checked = Library {
        name: "regresscpp",
        sources: vec![data("realworld/regress.cpp")],
        flags: &|_| Vec::new(),
        driver_source: data("realworld/regress_cpp_driver.c"),
        runtime_dlls: mingw_runtime_dlls(),
        partitions: Some(4),
        windows_like_linux: true,
    }
    .check_everywhere();
    let needed = common::needed_libraries(&checked.images[0]);
    assert!(needed.iter().any(|n| n == "libstdc++.so.6"), "{needed:?}");
}

/// LevelDB's library sources (what its CMakeLists builds for POSIX).
fn leveldb_sources(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for sub in ["db", "table", "util", "helpers/memenv"] {
        for entry in std::fs::read_dir(root.join(sub)).unwrap() {
            let p = entry.unwrap().path();
            let name = p.file_name().unwrap().to_str().unwrap().to_owned();
            let excluded = ["_test.cc", "_bench.cc", "db_bench.cc", "leveldbutil.cc"]
                .iter()
                .any(|s| name.ends_with(s))
                || [
                    "env_windows.cc",
                    "testutil.cc",
                    "testharness.cc",
                    "histogram.cc",
                ]
                .contains(&name.as_str());
            if name.ends_with(".cc") && !excluded {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn leveldb_passes_its_own_c_test_and_unit_tests_on_every_target() {
    let root = vendored().join("leveldb-sys/deps/leveldb-1.22");
    let dir = scratch("realworld-leveldb");
    // What CMake would record in port/port_config.h for Linux.
    std::fs::create_dir_all(dir.join("include/port")).unwrap();
    std::fs::write(
        dir.join("include/port/port_config.h"),
        "#define HAVE_FDATASYNC 1\n#define HAVE_FULLFSYNC 0\n#define HAVE_CRC32C 0\n\
         #define HAVE_SNAPPY 0\n#define LEVELDB_IS_BIG_ENDIAN 0\n",
    )
    .unwrap();
    let config = format!("-I{}", path(&dir.join("include")));
    let own = format!("-I{}", path(&root));
    let public = format!("-I{}", path(&root.join("include")));
    let flags = [
        "-std=c++11",
        config.as_str(),
        own.as_str(),
        public.as_str(),
        "-DLEVELDB_PLATFORM_POSIX=1",
        "-DLEVELDB_COMPILE_LIBRARY",
        "-DLEVELDB_SHARED_LIBRARY",
    ];
    let sources = leveldb_sources(&root);
    assert!(sources.len() >= 35, "{sources:?}");
    // LevelDB's own C API test, its main renamed, behind a main that also
    // reports the image's selection.
    let c_test = root.join("db/c_test.c");
    let wrapper = dir.join("main.c");
    std::fs::write(
        &wrapper,
        "#undef main\nint leveldb_c_test_main(int, char **);\nvoid report_selection(void);\n\
         int main(int argc, char **argv) {\n  int status = leveldb_c_test_main(argc, argv);\n\
         report_selection();\n  return status;\n}\n",
    )
    .unwrap();
    let c_flags = [public.as_str(), "-Dmain=leveldb_c_test_main"];

    let object_name = |p: &PathBuf| {
        p.strip_prefix(&root)
            .unwrap()
            .to_str()
            .unwrap()
            .replace('/', "_")
    };
    // The ordinary build: clang++-22 -O2 objects, linked by clang++-22.
    let ordinary_dir = dir.join("ordinary");
    std::fs::create_dir_all(&ordinary_dir).unwrap();
    let objects = in_parallel(&sources, |s| {
        let o = ordinary_dir.join(object_name(s) + ".o");
        let mut args = vec!["-O2", "-fPIC", "-c", "-o", path(&o), path(s)];
        args.extend_from_slice(&flags);
        run_ok("clang++-22", &args);
        o
    });
    let ordinary = ordinary_dir.join("libleveldb.so");
    let mut args = vec!["-shared", "-o", path(&ordinary)];
    args.extend(objects.iter().map(|o| path(o)));
    run_ok("clang++-22", &args);
    let program = driver(
        "gcc",
        &[&wrapper, &c_test],
        &c_flags,
        &ordinary,
        &ordinary_dir.join("c_test"),
    );
    let tmp = dir.join("db-ordinary");
    let out = execute(&[], &program, &[("TEST_TMPDIR", path(&tmp))]);
    check(&out, Expect::Stderr("PASS"), "LevelDB, ordinary build");
    // LevelDB's own C++ unit tests (its test harness), against the ordinary
    // library: each program's summary line is what the image must give.
    let unit = |compiler: &str, lib: &Path, sub: &Path| {
        leveldb_unit_tests(&root, compiler, &flags, lib, sub)
    };
    let ordinary_units = unit("g++", &ordinary, &ordinary_dir.join("unit"));
    let mut passed = Vec::new();
    for (name, program) in &ordinary_units {
        let out = execute(&[], program, &[("TEST_TMPDIR", path(&tmp))]);
        check(
            &out,
            Expect::Stderr("==== PASSED"),
            &format!("{name}, ordinary"),
        );
        let summary = String::from_utf8_lossy(&out.stderr)
            .lines()
            .find(|l| l.starts_with("==== PASSED"))
            .unwrap()
            .to_owned();
        passed.push(summary);
    }

    for (triple, sub) in [(X86, "x86_64"), (ARM, "aarch64")] {
        let triple_dir = dir.join(sub);
        std::fs::create_dir_all(&triple_dir).unwrap();
        let bitcodes = in_parallel(&sources, |s| {
            bitcode(s, triple, &flags, &triple_dir.join(object_name(s) + ".bc"))
        });
        let (lib, targets) = image(&triple_dir, &bitcodes, triple, None, "libleveldb.so");
        let compiler = if triple == X86 {
            "gcc"
        } else {
            "aarch64-linux-gnu-gcc"
        };
        let program = driver(
            compiler,
            &[&wrapper, &c_test],
            &c_flags,
            &lib,
            &triple_dir.join("c_test"),
        );
        // c_test checks every answer itself and prints PASS at the end.
        let db = triple_dir.join("db");
        let env = [("TEST_TMPDIR", path(&db))];
        if triple == X86 {
            x86_everywhere(&program, &env, targets, Expect::Stderr("PASS"), "LevelDB");
            exports_match(&lib, &ordinary);
        } else {
            aarch64_everywhere(&program, &env, Expect::Stderr("PASS"), "LevelDB (AArch64)");
        }
        let compiler = if triple == X86 {
            "g++"
        } else {
            "aarch64-linux-gnu-g++"
        };
        let units = unit(compiler, &lib, &triple_dir.join("unit"));
        for ((name, program), summary) in units.iter().zip(&passed) {
            let what = format!("LevelDB {name} ({sub})");
            if triple == X86 {
                x86_everywhere(program, &env, targets, Expect::Stderr(summary), &what);
            } else if !LEVELDB_SLOW_UNIT_TESTS.contains(&name.as_str()) {
                aarch64_everywhere(program, &env, Expect::Stderr(summary), &what);
            }
        }
    }
}

/// LevelDB's unit tests that take seconds under qemu-aarch64 (run natively
/// and under qemu-x86_64 only).
const LEVELDB_SLOW_UNIT_TESTS: [&str; 4] = ["arena", "skiplist", "table", "env"];

/// LevelDB's own C++ unit tests (its test harness, util/testharness.cc),
/// each a program linked against `lib` with `compiler`, in `dir`, that runs
/// every test of its file and then reports the image's selection. Returns
/// (name, program), in a fixed order.
fn leveldb_unit_tests(
    root: &Path,
    compiler: &str,
    flags: &[&str],
    lib: &Path,
    dir: &Path,
) -> Vec<(String, PathBuf)> {
    const TESTS: [&str; 19] = [
        "util/arena",
        "util/bloom",
        "util/cache",
        "util/coding",
        "util/crc32c",
        "util/hash",
        "util/logging",
        "util/status",
        "db/dbformat",
        "db/filename",
        "db/log",
        "db/skiplist",
        "db/version_edit",
        "db/version_set",
        "db/write_batch",
        "table/filter_block",
        "table/table",
        "helpers/memenv/memenv",
        "util/env",
    ];
    std::fs::create_dir_all(dir).unwrap();
    let c_compiler = compiler.replace("g++", "gcc");
    let report = dir.join("report.o");
    run_ok(
        &c_compiler,
        &[
            "-O1",
            "-c",
            "-o",
            path(&report),
            path(&data("realworld/report.c")),
        ],
    );
    let main = dir.join("main.cc");
    std::fs::write(
        &main,
        "int leveldb_unit_main(int, char **);
extern \"C\" void report_selection(void);
         int main(int argc, char **argv) {\n  int status = leveldb_unit_main(argc, argv);\n         report_selection();\n  return status;\n}\n",
    )
    .unwrap();
    let library_dir = format!("-L{}", path(lib.parent().unwrap()));
    let link = format!("-l:{}", lib.file_name().unwrap().to_str().unwrap());
    let rpath = format!("-Wl,-rpath,{}", path(lib.parent().unwrap()));
    in_parallel(&TESTS, |test| {
        let name = test.rsplit('/').next().unwrap().to_owned();
        let program = dir.join(format!("{name}_test"));
        let source = root.join(format!("{test}_test.cc"));
        let object = dir.join(format!("{name}_test.o"));
        let mut args = vec!["-O1", "-c", "-Dmain=leveldb_unit_main", "-o", path(&object)];
        args.extend_from_slice(flags);
        args.push(path(&source));
        run_ok(compiler, &args);
        let harness = [
            root.join("util/testharness.cc"),
            root.join("util/testutil.cc"),
        ];
        let mut args = vec!["-O1", "-o", path(&program), path(&main), path(&object)];
        args.extend(harness.iter().map(|h| path(h)));
        args.extend(flags.iter().copied());
        args.extend([
            path(&report),
            library_dir.as_str(),
            link.as_str(),
            rpath.as_str(),
            "-lpthread",
            "-ldl",
        ]);
        run_ok(compiler, &args);
        (name, program)
    })
}

/// The image exports every strong symbol the ordinary library exports, and
/// nothing else but inline (vague-linkage) definitions and mvimg's own.
/// (Inline functions the whole-module optimizer inlined everywhere are
/// gone, as in any LTO build.)
fn exports_match(image: &Path, ordinary: &Path) {
    use object::{Object, ObjectSymbol};
    let symbols = |p: &Path| -> Vec<(String, bool)> {
        let bytes = std::fs::read(p).unwrap();
        let file = object::File::parse(&*bytes).unwrap();
        let mut out: Vec<(String, bool)> = file
            .dynamic_symbols()
            .filter(|s| !s.is_undefined() && s.is_global())
            .map(|s| (s.name().unwrap().to_owned(), s.is_weak()))
            .collect();
        out.sort();
        out
    };
    let image_symbols = symbols(image);
    let ordinary_symbols = symbols(ordinary);
    let mvimg_own = |n: &str| n.starts_with("mvimg_");
    for (name, weak) in &ordinary_symbols {
        if !weak {
            assert!(
                image_symbols.iter().any(|(n, _)| n == name),
                "the image does not export {name}"
            );
        }
    }
    for (name, _) in &image_symbols {
        assert!(
            mvimg_own(name) || ordinary_symbols.iter().any(|(n, _)| n == name),
            "the image exports {name}, the ordinary library does not"
        );
    }
}

#[test]
fn rust_cdylib_with_std_behaves_like_the_ordinary_build() {
    let (expected, lib, ordinary) = rust_cdylib_everywhere("rust-kat", "rust_kat", "rk_report");
    assert!(expected.contains("panic caught true\n"), "{expected}");
    // The unwinder and the C library, as the ordinary cdylib records them.
    let needed = common::needed_libraries(&lib);
    for library in ["libgcc_s.so.1", "libc.so.6"] {
        assert!(needed.iter().any(|n| n == library), "{needed:?}");
        assert!(common::needed_libraries(&ordinary)
            .iter()
            .any(|n| n == library));
    }
}

/// A second crate graph whose code runs threads (rayon's pool) and picks
/// its own code by CPU feature inside the image (memchr's runtime dispatch),
/// with serde_json and flate2 (miniz_oxide): the image computes what cargo's
/// cdylib computes on every target.
#[test]
fn rust_crate_graph_with_threads_and_own_dispatch_behaves_like_the_ordinary_build() {
    let (expected, _, _) = rust_cdylib_everywhere("rust-graph", "rust_graph", "rg_report");
    for line in [
        "rayon sorted true ",
        "memchr zeros ",
        "needles 201 first [0, 9973, 19946]",
        "json items 5000 ",
        "json error expected value at line 1 column 13\n",
        "round trip true\n",
    ] {
        assert!(expected.contains(line), "{line:?} in {expected}");
    }
}

/// The Rust cdylib `crate_name` of tests/data/`dir`, built by cargo (the
/// ordinary build) and as an image from its fat-LTO bitcode (std included),
/// run by a C driver calling `report(buf, len)` on every target: the image
/// must print what the ordinary cdylib prints. Returns that output, the
/// image and the ordinary library.
fn rust_cdylib_everywhere(
    dir_name: &str,
    crate_name: &str,
    report: &str,
) -> (String, PathBuf, PathBuf) {
    let dir = scratch(&format!("realworld-{dir_name}"));
    let manifest = data(&format!("{dir_name}/Cargo.toml"));
    let cargo = |target_dir: &Path, args: &[&str], lto: bool| {
        let mut command = Command::new("cargo");
        command
            .args(args)
            .args(["--release", "--locked", "--manifest-path", path(&manifest)])
            .env("CARGO_TARGET_DIR", target_dir)
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS");
        if lto {
            command.env("CARGO_PROFILE_RELEASE_LTO", "fat");
            command.args(["--", "--emit=llvm-bc"]);
        }
        let out = command.output().expect("cargo runs");
        assert!(
            out.status.success(),
            "cargo {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    // The ordinary build: the cdylib cargo links.
    let ordinary_target = dir.join("target-ordinary");
    cargo(&ordinary_target, &["build"], false);
    let file = format!("lib{crate_name}.so");
    let ordinary = ordinary_target.join("release").join(&file);
    // The image's input: fat-LTO bitcode of the whole crate graph, std
    // included.
    let lto_target = dir.join("target-lto");
    cargo(&lto_target, &["rustc", "--lib"], true);
    let bc = lto_target.join(format!("release/deps/{crate_name}.bc"));

    let driver_source = dir.join("driver.c");
    std::fs::write(
        &driver_source,
        format!(
            "#include <stdio.h>\n#include <stddef.h>\nsize_t {report}(char *, size_t);\n\
             void report_selection(void);\nstatic char buf[1 << 16];\nint main(void) {{\n\
             {report}(buf, sizeof buf);\n  fputs(buf, stdout);\n  report_selection();\n  \
             return 0;\n}}\n"
        ),
    )
    .unwrap();
    let ordinary_dir = ordinary.parent().unwrap();
    let expected = ordinary_output(&driver(
        "gcc",
        &[&driver_source],
        &[],
        &ordinary,
        &ordinary_dir.join("driver"),
    ));
    let (lib, targets) = image(&dir, &[bc], X86, None, &file);
    let program = driver("gcc", &[&driver_source], &[], &lib, &dir.join("driver"));
    x86_everywhere(
        &program,
        &[],
        targets,
        Expect::Stdout(&expected),
        &format!("Rust cdylib {crate_name}"),
    );
    (expected, lib, ordinary)
}

/// A library — real code nobody here wrote, or a regression — whose
/// `sources`, compiled with `flags(triple)`, built into an image for x86_64
/// Linux, AArch64 Linux and x86_64 Windows and run by `driver_source`
/// everywhere, must print what the ordinary build (`clang -O2 -shared` of the
/// same sources) prints. Windows drivers find `runtime_dlls` beside them.
struct Library<'a> {
    name: &'a str,
    sources: Vec<PathBuf>,
    flags: &'a dyn Fn(&str) -> Vec<String>,
    driver_source: PathBuf,
    runtime_dlls: Vec<PathBuf>,
    /// Forces the parallel split.
    partitions: Option<usize>,
    /// Whether the Windows driver prints what the Linux one prints.
    windows_like_linux: bool,
}

/// What [`Library::check_everywhere`] built and saw.
struct Checked {
    dir: PathBuf,
    /// The ordinary build's output on Linux and on Windows.
    expected: String,
    windows_expected: String,
    /// The images and their bitcode, for x86_64 Linux, AArch64 Linux and
    /// x86_64 Windows.
    images: [PathBuf; 3],
    bitcode: [Vec<PathBuf>; 3],
}

impl Library<'_> {
    fn object_name(p: &Path) -> String {
        let sub = p.parent().unwrap().file_name().unwrap().to_str().unwrap();
        format!("{sub}-{}", p.file_stem().unwrap().to_str().unwrap())
    }

    fn ordinary(&self, dir: &Path, triple: &str, file: &str) -> PathBuf {
        std::fs::create_dir_all(dir).unwrap();
        let cxx = self.sources.iter().any(|p| is_cxx(p));
        let out = dir.join(file);
        let target = format!("--target={triple}");
        let flags = (self.flags)(triple);
        let mut args = vec![target.as_str(), "-O2", "-fPIC", "-shared", "-o", path(&out)];
        args.extend(flags.iter().map(String::as_str));
        args.extend(self.sources.iter().map(|s| path(s)));
        // What a user links the ordinary library with: LLD for MinGW, libm.
        args.push(if triple == WINDOWS {
            "-fuse-ld=lld"
        } else {
            "-lm"
        });
        run_ok(if cxx { "clang++-22" } else { "clang-22" }, &args);
        out
    }

    fn check_everywhere(&self) -> Checked {
        let dir = scratch(&format!("realworld-{}", self.name));
        let so = format!("lib{}.so", self.name);
        // Drivers see the library's headers and definitions too.
        let (x86_flags, windows_flags) = ((self.flags)(X86), (self.flags)(WINDOWS));
        let x86_flags: Vec<&str> = x86_flags.iter().map(String::as_str).collect();
        let windows_flags: Vec<&str> = windows_flags.iter().map(String::as_str).collect();
        let dll = format!("lib{}.dll", self.name);
        let ordinary = self.ordinary(&dir.join("ordinary"), X86, &so);
        let expected = ordinary_output(&driver(
            "gcc",
            &[&self.driver_source],
            &x86_flags,
            &ordinary,
            &dir.join("ordinary/driver"),
        ));
        assert!(!expected.contains("FAILED"), "{expected}");
        let win_ordinary = self.ordinary(&dir.join("windows-ordinary"), WINDOWS, &dll);
        for dll in &self.runtime_dlls {
            for sub in ["windows-ordinary", "windows"] {
                std::fs::create_dir_all(dir.join(sub)).unwrap();
                std::fs::copy(dll, dir.join(sub).join(dll.file_name().unwrap())).unwrap();
            }
        }
        let mingw = "x86_64-w64-mingw32-gcc";
        let program = driver(
            mingw,
            &[&self.driver_source],
            &windows_flags,
            &win_ordinary,
            &dir.join("windows-ordinary/driver.exe"),
        );
        let out = execute(&[wine64()], &program, &wine_env());
        check(
            &out,
            Expect::Stderr(""),
            &format!("{}, ordinary DLL under wine", self.name),
        );
        let win_expected = String::from_utf8(out.stdout).unwrap();
        if self.windows_like_linux {
            assert_eq!(
                win_expected.replace("\r\n", "\n"),
                expected,
                "{}",
                self.name
            );
        }

        let mut images = Vec::new();
        let mut bitcode_files = Vec::new();
        for (triple, sub) in [(X86, "x86_64"), (ARM, "aarch64"), (WINDOWS, "windows")] {
            let triple_dir = dir.join(sub);
            std::fs::create_dir_all(&triple_dir).unwrap();
            let flags = (self.flags)(triple);
            let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
            let bitcodes = in_parallel(&self.sources, |s| {
                let out = triple_dir.join(Self::object_name(s) + ".bc");
                bitcode(s, triple, &flags, &out)
            });
            let file = if triple == WINDOWS { &dll } else { &so };
            let (lib, targets) = image(&triple_dir, &bitcodes, triple, self.partitions, file);
            images.push(lib.clone());
            bitcode_files.push(bitcodes);
            let what = format!("{} ({sub})", self.name);
            match triple {
                X86 => {
                    let program = driver(
                        "gcc",
                        &[&self.driver_source],
                        &flags,
                        &lib,
                        &triple_dir.join("driver"),
                    );
                    x86_everywhere(&program, &[], targets, Expect::Stdout(&expected), &what);
                }
                ARM => {
                    let program = driver(
                        "aarch64-linux-gnu-gcc",
                        &[&self.driver_source],
                        &flags,
                        &lib,
                        &triple_dir.join("driver"),
                    );
                    aarch64_everywhere(&program, &[], Expect::Stdout(&expected), &what);
                }
                _ => {
                    let program = driver(
                        mingw,
                        &[&self.driver_source],
                        &flags,
                        &lib,
                        &triple_dir.join("driver.exe"),
                    );
                    windows_everywhere(&program, targets, Expect::Stdout(&win_expected), &what);
                }
            }
        }
        Checked {
            dir,
            expected,
            windows_expected: win_expected,
            images: images.try_into().unwrap(),
            bitcode: bitcode_files.try_into().unwrap(),
        }
    }
}

/// The files with extension `ext` in `dirs`, sorted.
fn files_in(dirs: &[PathBuf], ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in dirs {
        for entry in std::fs::read_dir(dir).unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|e| e == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// zstd-sys's bundled zstd: its lib/ directory and the library's C files.
fn zstd_sources() -> (PathBuf, Vec<PathBuf>) {
    let lib = vendored().join("zstd-sys/zstd/lib");
    let dirs = ["common", "compress", "decompress"].map(|d| lib.join(d));
    let sources = files_in(&dirs, "c");
    (lib, sources)
}

#[test]
fn zstd_compresses_like_the_ordinary_build_everywhere() {
    let (lib, sources) = zstd_sources();
    assert!(sources.len() >= 20, "{sources:?}");
    let include = format!("-I{}", path(&lib));
    let flags = move |_: &str| {
        [
            include.as_str(),
            "-DZSTD_DISABLE_ASM",
            "-DDYNAMIC_BMI2=0",
            "-DZSTD_MULTITHREAD=0",
        ]
        .map(str::to_owned)
        .to_vec()
    };
    Library {
        name: "zstd",
        sources,
        flags: &flags,
        driver_source: data("realworld/zstd_driver.c"),
        runtime_dlls: Vec::new(),
        partitions: None,
        windows_like_linux: true,
    }
    .check_everywhere();
}

/// The size of each `.debug_*` section of `file` (llvm-size), by name.
fn debug_sections(file: &Path) -> std::collections::BTreeMap<String, u64> {
    let out = Command::new("llvm-size-22")
        .args(["-A", path(file)])
        .output()
        .unwrap();
    common::stdout_of(&out, "llvm-size-22 -A")
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let name = fields.next()?;
            let size = fields.next()?.parse().ok()?;
            name.starts_with(".debug_").then(|| (name.to_owned(), size))
        })
        .collect()
}

/// How many compile units `file`'s DWARF has (llvm-dwarfdump).
fn units(file: &Path) -> usize {
    let dump = Command::new("llvm-dwarfdump-22")
        .args(["--debug-info", path(file)])
        .output()
        .unwrap();
    common::stdout_of(&dump, "llvm-dwarfdump-22 --debug-info")
        .matches("DW_TAG_compile_unit")
        .count()
}

/// Checks that llvm-dwarfdump's verifier finds no error in `file`'s DWARF.
fn verify_dwarf(file: &Path) {
    let verify = Command::new("llvm-dwarfdump-22")
        .args(["--verify", path(file)])
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&verify.stdout);
    assert!(
        verify.status.success() && report.contains("No errors."),
        "{}: {report}",
        file.display()
    );
}

#[test]
fn zstd_with_debug_info_describes_it_once_and_debugs_like_the_ordinary_build() {
    // zstd's 26 units share headers (ZSTD_CCtx, ZSTD_matchState_t, ...): the
    // ordinary build describes those types once per unit; each partition of
    // an image, before, described every copy its code reached (its own
    // units' and those of every unit it inlined from).
    let (lib, sources) = zstd_sources();
    let dir = scratch("realworld-zstd-debug");
    let include = format!("-I{}", path(&lib));
    let flags = [
        include.as_str(),
        "-DZSTD_DISABLE_ASM",
        "-DDYNAMIC_BMI2=0",
        "-DZSTD_MULTITHREAD=0",
        "-g",
    ];
    let bitcode: Vec<PathBuf> = in_parallel(&sources, |source| {
        let name = source.file_stem().unwrap().to_str().unwrap();
        bitcode(source, X86, &flags, &dir.join(format!("{name}.bc")))
    });
    let (split, _) = image(&dir, &bitcode, X86, None, "libzstd.so");
    let (whole, _) = image(&dir, &bitcode, X86, Some(1), "libzstd-one.so");
    let ordinary = dir.join("ordinary/libzstd.so");
    std::fs::create_dir_all(ordinary.parent().unwrap()).unwrap();
    let mut args = vec!["-O2", "-fPIC", "-shared", "-o", path(&ordinary)];
    args.extend(flags);
    args.extend(sources.iter().map(|s| path(s)));
    run_ok("clang-22", &args);

    let info = |file: &Path| debug_sections(file)[".debug_info"];
    let (split_info, whole_info, ordinary_info) = (info(&split), info(&whole), info(&ordinary));
    // (Not the ordinary library: GNU ld's merged strings trip the verifier.)
    verify_dwarf(&split);
    verify_dwarf(&whole);
    let units = [&split, &whole, &ordinary].map(|f| units(f));
    eprintln!(
        ".debug_info: split image {split_info} bytes in {} units, one-partition image \
         {whole_info} in {}, ordinary {ordinary_info} in {}",
        units[0], units[1], units[2]
    );
    // The one-partition image is the ordinary build's description plus its
    // clones' (one description per unit, as in the ordinary build); the
    // split image stays within 1.2x of it.
    assert!(
        split_info * 10 <= whole_info * 12,
        "split image's .debug_info {split_info} > 1.2 x one-partition image's {whole_info}"
    );
    assert_eq!(
        units[1], units[2],
        "the one-partition image has the ordinary build's units"
    );
    assert!(
        units[0] <= 4 * units[2],
        "{} units in the split image, against {} in the ordinary build",
        units[0],
        units[2]
    );

    // A user debugs the image: a breakpoint in a function the image clones,
    // a backtrace through code inlined across units, the arguments and a
    // structure member printed, as with the ordinary build.
    let program = driver(
        "clang-22",
        &[&data("realworld/zstd_driver.c")],
        &["-g"],
        &split,
        &dir.join("driver"),
    );
    let gdb = Command::new("gdb")
        .args([
            "-q",
            "-batch",
            "-ex",
            "set breakpoint pending on",
            "-ex",
            "break ZSTD_compressBlock_doubleFast",
            "-ex",
            "run",
            "-ex",
            "bt",
            "-ex",
            "print ms->cParams.minMatch",
            "-ex",
            "kill",
        ])
        .arg(&program)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&gdb.stdout);
    assert!(
        said.contains("ZSTD_compressBlock_doubleFast (ms=")
            && said.contains("compress/zstd_double_fast.c:")
            && said.contains(" ZSTD_compress (dst=")
            && said.contains("compress/zstd_compress.c:"),
        "gdb's backtrace in the image:\n{said}\n{}",
        String::from_utf8_lossy(&gdb.stderr)
    );
    let member = said
        .lines()
        .find_map(|l| l.strip_prefix("$1 = "))
        .unwrap_or_else(|| panic!("gdb printed no member:\n{said}"));
    let min_match: u32 = member.trim().parse().unwrap();
    assert!((3..=7).contains(&min_match), "minMatch {min_match}");
}

/// Lua 5.4 (lua-src's bundled sources) as an image: a script with known
/// output — errors thrown and caught through pcall/xpcall (longjmp across
/// clones), coroutines yielding across pcall, string and number formatting,
/// sorts with Lua comparators — prints what the ordinary build prints on
/// every target natively and under qemu, as an AArch64 image and as a
/// Windows DLL (against the ordinary DLL: MinGW's printf spells some
/// numbers its own way).
#[test]
fn lua_runs_its_scripts_like_the_ordinary_build_everywhere() {
    let root = vendored().join("lua-src/lua-5.4.8");
    let sources: Vec<PathBuf> = files_in(std::slice::from_ref(&root), "c")
        .into_iter()
        .filter(|p| !["lua.c", "luac.c"].iter().any(|n| p.ends_with(n)))
        .collect();
    assert!(sources.len() >= 30, "{sources:?}");
    let include = format!("-I{}", path(&root));
    let flags = move |triple: &str| {
        let platform = if triple == WINDOWS {
            "-DLUA_BUILD_AS_DLL"
        } else {
            "-DLUA_USE_LINUX"
        };
        vec![include.clone(), platform.to_owned()]
    };
    let checked = Library {
        name: "lua",
        sources,
        flags: &flags,
        driver_source: data("realworld/lua_driver.c"),
        runtime_dlls: Vec::new(),
        partitions: None,
        windows_like_linux: false,
    }
    .check_everywhere();
    for line in [
        "pcall\t4\tfalse\tscript:6: attempt to index a nil value (local 't')\n",
        "nested\tfalse\t20\n",
        "resume\ttrue\tfalse\tscript:40: inside z\n",
        "bad comparator\tfalse\tinvalid order function for sorting\n",
        "done\n",
    ] {
        assert!(
            checked.expected.contains(line),
            "{line:?} in {}",
            checked.expected
        );
    }
}

/// zlib's own test programs (test/example.c and a test/minigzip.c round
/// trip, from Debian's zlib source package) against zlib as an image give
/// the ordinary build's output on every target natively and under qemu, as
/// an AArch64 image and as a Windows DLL.
#[test]
fn zlib_passes_its_own_tests_like_the_ordinary_build_everywhere() {
    let root = common::debian_source("zlib");
    let sources: Vec<PathBuf> = [
        "adler32", "compress", "crc32", "deflate", "gzclose", "gzlib", "gzread", "gzwrite",
        "infback", "inffast", "inflate", "inftrees", "trees", "uncompr", "zutil",
    ]
    .iter()
    .map(|name| root.join(format!("{name}.c")))
    .collect();
    let (include, tests) = (
        format!("-I{}", path(&root)),
        format!("-I{}", path(&root.join("test"))),
    );
    let flags = move |triple: &str| {
        let mut flags = vec![include.clone(), tests.clone()];
        if triple != WINDOWS {
            // What zlib's configure finds on Linux.
            flags.push("-DHAVE_UNISTD_H".to_owned());
        }
        flags
    };
    let checked = Library {
        name: "z",
        sources,
        flags: &flags,
        driver_source: data("realworld/zlib_driver.c"),
        runtime_dlls: Vec::new(),
        partitions: None,
        // zlibCompileFlags() differs (a 32-bit long on Windows).
        windows_like_linux: false,
    }
    .check_everywhere();
    for line in [
        "zlib version 1.2.13",
        "uncompress(): hello, hello!\n",
        "gzgets() after gzseek:  hello!\n",
        "large_inflate(): OK\n",
        "inflate with dictionary: hello, hello!\n",
        "round trip ok\n",
    ] {
        assert!(
            checked.expected.contains(line),
            "{line:?} in {}",
            checked.expected
        );
    }
}

/// SQLite's own TCL test files, run by its `testfixture` (built as its
/// Makefile builds it, from Debian's sqlite3 source package) against the
/// library as an image: each file's failures and summary must be the
/// ordinary library's, natively on every target this host runs and under
/// qemu as Nehalem and Haswell (a shorter list there). Run as root (as CI
/// is) a few checks fail in the ordinary build too (a read-only file is
/// writable to root); they must fail the same way. The whole `veryquick`
/// set refuses to run as root: `ci/sqlite-tests` runs it as another user.
#[test]
fn sqlite_passes_its_own_tcl_tests_like_the_ordinary_build() {
    let (testfixture_image, testfixture_ordinary, tests, targets) =
        sqlite_testfixtures("realworld-sqlite-tcl");
    let dir = testfixture_image
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .to_path_buf();
    let files = [
        "select1", "select4", "func", "expr", "where", "join", "window1", "json101", "trigger1",
        "insert", "update", "delete", "fkey1", "misc1", "date", "collate1", "like", "cast",
        "alter", "subquery",
    ];
    let under_qemu = ["select1", "expr", "where", "window1", "json101", "delete"];
    // Each file's failure lines and summary, without the host's name.
    let outcome = |program: &Path, wrapper: &[&str], force: Option<&str>, file: &str| {
        let cwd = dir.join(format!("run-{file}"));
        let _ = std::fs::remove_dir_all(&cwd);
        std::fs::create_dir_all(&cwd).unwrap();
        let mut command = wrapped(wrapper, program);
        command
            .arg(tests.join(format!("{file}.test")))
            .current_dir(&cwd)
            .env("MVIMG_REPORT_SELECTION", "1")
            .env_remove("MVIMG_FORCE_TARGET");
        if let Some(t) = force {
            command.env("MVIMG_FORCE_TARGET", t);
        }
        let out = command.output().unwrap();
        let lines = tcl_outcome(&String::from_utf8_lossy(&out.stdout), file);
        let selected = String::from_utf8_lossy(&out.stderr)
            .lines()
            .rev()
            .find_map(|l| l.strip_prefix("mvimg selected "))
            .map(|n| n.trim().parse::<i64>().unwrap());
        (lines, selected)
    };
    let mut checked = 0;
    for file in files {
        let (expected, none) = outcome(&testfixture_ordinary, &[], None, file);
        assert_eq!(none, None, "the ordinary testfixture reported a selection");
        let summary = expected.last().unwrap().clone();
        assert!(
            !summary.starts_with("0 errors out of 1 "),
            "{file}: {summary}"
        );
        let mut runs: Vec<(Vec<&str>, Option<String>)> = vec![(Vec::new(), None)];
        runs.extend((0..targets).map(|t| (Vec::new(), Some(t.to_string()))));
        if under_qemu.contains(&file) {
            runs.push((vec!["qemu-x86_64", "-cpu", "Nehalem"], None));
            runs.push((vec!["qemu-x86_64", "-cpu", "Haswell"], None));
        }
        for (wrapper, force) in &runs {
            let (got, selected) = outcome(&testfixture_image, wrapper, force.as_deref(), file);
            let selected = selected.expect("the image's testfixture reports its selection");
            if let Some(t) = force {
                if selected != t.parse::<i64>().unwrap() {
                    // A target this host cannot run: the init refused it.
                    continue;
                }
            }
            assert_eq!(
                got, expected,
                "{file}: {wrapper:?} forced {force:?} (selected {selected})"
            );
            checked += 1;
        }
    }
    eprintln!(
        "SQLite's TCL tests: {} files, {checked} runs like the ordinary build",
        files.len()
    );

    // `ci/sqlite-tests`: the whole `veryquick` set, which refuses to run as
    // root (as another user then), for the ordinary library, the image on
    // the target this host selects and the image forced to target 0.
    if std::env::var_os("MVIMG_SQLITE_VERYQUICK").is_none() {
        return;
    }
    let as_user: Vec<&str> = if is_root() {
        vec!["runuser", "-u", "nobody", "--"]
    } else {
        Vec::new()
    };
    let veryquick = |program: &Path, force: Option<&str>, label: &str| {
        let cwd = dir.join(format!("veryquick-{label}"));
        let _ = std::fs::remove_dir_all(&cwd);
        std::fs::create_dir_all(&cwd).unwrap();
        run_ok("chmod", &["777", path(&cwd)]);
        let mut command = wrapped(&as_user, program);
        command
            .arg(tests.join("veryquick.test"))
            .current_dir(&cwd)
            .env_remove("MVIMG_FORCE_TARGET");
        if let Some(t) = force {
            command.env("MVIMG_FORCE_TARGET", t);
        }
        let started = std::time::Instant::now();
        let out = command.output().unwrap();
        let lines = tcl_outcome(
            &String::from_utf8_lossy(&out.stdout),
            &format!("veryquick ({label})"),
        );
        eprintln!(
            "veryquick, {label}: {} ({:.0} s)",
            lines.last().unwrap(),
            started.elapsed().as_secs_f64()
        );
        lines
    };
    let expected = veryquick(&testfixture_ordinary, None, "ordinary");
    assert_eq!(
        veryquick(&testfixture_image, None, "image"),
        expected,
        "veryquick: the image on its selected target"
    );
    assert_eq!(
        veryquick(&testfixture_image, Some("0"), "image-target0"),
        expected,
        "veryquick: the image forced to target 0"
    );
}

/// What a run of SQLite's TCL tests (`what`) printed that must match the
/// ordinary build's: its failure lines and its summary without the host.
fn tcl_outcome(text: &str, what: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .lines()
        .filter(|l| l.starts_with("! ") || l.starts_with("Failures on these tests:"))
        .map(str::to_owned)
        .collect();
    let summary = text
        .lines()
        .find(|l| l.contains(" errors out of "))
        .unwrap_or_else(|| panic!("{what}: no summary in\n{text}"));
    lines.push(summary.split(" on ").next().unwrap().to_owned());
    lines
}

/// Whether this process runs as root.
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// SQLite's `testfixture` as its Makefile builds it (from Debian's sqlite3
/// source package: configure, `make sqlite3.c`, the command `make -n
/// testfixture` prints) but with the library apart: once against the
/// ordinary `clang-22 -O2 -fPIC -shared` library of the same amalgamation
/// and flags, once against an image of it (the README's IR, the default
/// list). Each also prints the image's selection at exit. Returns the two
/// programs, the test directory and the image's target count.
fn sqlite_testfixtures(name: &str) -> (PathBuf, PathBuf, PathBuf, usize) {
    let root = common::debian_source("sqlite3");
    let dir = scratch(name);
    let build = dir.join("build");
    std::fs::create_dir_all(&build).unwrap();
    let configure = Command::new(root.join("configure"))
        .args(["--with-tcl=/usr/lib/tcl8.6", "--disable-shared"])
        .current_dir(&build)
        .output()
        .unwrap();
    assert!(
        configure.status.success(),
        "configure: {}",
        String::from_utf8_lossy(&configure.stderr)
    );
    let make = Command::new("make")
        .arg("sqlite3.c")
        .current_dir(&build)
        .output()
        .unwrap();
    assert!(
        make.status.success(),
        "make sqlite3.c: {}",
        String::from_utf8_lossy(&make.stderr)
    );
    let plan = Command::new("make")
        .args(["-n", "testfixture"])
        .current_dir(&build)
        .output()
        .unwrap();
    let plan = String::from_utf8_lossy(&plan.stdout).replace("\\\n", " ");
    let line = plan
        .lines()
        .find(|l| l.contains("-o testfixture"))
        .expect("make -n testfixture prints the link");
    let words: Vec<String> = line
        .split_whitespace()
        .skip_while(|w| *w != "gcc")
        .skip(1)
        .map(|w| w.replace('"', ""))
        .collect();
    let flags: Vec<&str> = words
        .iter()
        .filter(|w| w.starts_with("-D") || w.starts_with("-I"))
        .map(String::as_str)
        .collect();
    let sources: Vec<PathBuf> = words
        .iter()
        .filter(|w| w.ends_with(".c") && *w != "sqlite3.c")
        .map(|w| build.join(w))
        .collect();
    assert!(sources.len() > 50, "{sources:?}");
    let amalgamation = build.join("sqlite3.c");
    // Flags such as -I. are relative to the build directory.
    let in_build = |program: &str, args: &[&str]| {
        let out = Command::new(program)
            .args(args)
            .current_dir(&build)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{program} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let ordinary = build.join("ordinary/libsqlite3.so");
    std::fs::create_dir_all(ordinary.parent().unwrap()).unwrap();
    let mut args = vec!["-O2", "-fPIC", "-shared", "-w", "-o", path(&ordinary)];
    args.extend(&flags);
    args.extend([path(&amalgamation), "-lm", "-lz"]);
    in_build("clang-22", &args);
    let bc = build.join("sqlite3.bc");
    let mut args = mvimg::codegen::inputs::CLANG_IR_FLAGS.to_vec();
    args.extend(["-fPIC", "-w", "-o", path(&bc)]);
    args.extend(&flags);
    args.push(path(&amalgamation));
    in_build("clang-22", &args);
    let image_dir = build.join("image");
    std::fs::create_dir_all(&image_dir).unwrap();
    let (image, targets) = image(&image_dir, &[bc], X86, None, "libsqlite3.so");
    // The selection, printed at exit (testfixture's main is Tcl's) when
    // MVIMG_REPORT_SELECTION is set — and taken out of the environment, so
    // that the child testfixtures some tests start print nothing extra
    // (Tcl's exec takes any standard error output as a failure message).
    let at_exit = build.join("at_exit.c");
    std::fs::write(
        &at_exit,
        "#include <stdlib.h>\nvoid report_selection(void);\nstatic int report;\n\
         __attribute__((constructor)) static void at_start(void) {\n\
           if (getenv(\"MVIMG_REPORT_SELECTION\")) { report = 1; unsetenv(\"MVIMG_REPORT_SELECTION\"); }\n}\n\
         __attribute__((destructor)) static void at_exit(void) { if (report) report_selection(); }\n",
    )
    .unwrap();
    let report = data("realworld/report.c");
    let link = |lib: &Path| {
        let program = lib.parent().unwrap().join("testfixture");
        let search = format!("-L{}", path(lib.parent().unwrap()));
        let rpath = format!("-Wl,-rpath,{}", path(lib.parent().unwrap()));
        let mut args = vec!["-O2", "-w", "-o", path(&program)];
        args.extend(&flags);
        args.extend(sources.iter().map(|s| path(s)));
        args.extend([
            path(&at_exit),
            path(&report),
            &search,
            "-l:libsqlite3.so",
            &rpath,
        ]);
        args.extend(["-ltcl8.6", "-lm", "-lz", "-lpthread"]);
        in_build("gcc", &args);
        program
    };
    (link(&image), link(&ordinary), root.join("test"), targets)
}

#[test]
fn snappy_compresses_like_the_ordinary_build_everywhere() {
    let root = vendored().join("leveldb-sys/deps/snappy-1.1.7");
    let dir = scratch("realworld-snappy-config");
    // What Snappy's CMake configure writes into snappy-stubs-public.h, per
    // platform (Windows has no sys/uio.h).
    let template = std::fs::read_to_string(root.join("snappy-stubs-public.h.in")).unwrap();
    for (platform, uio) in [("posix", "1"), ("windows", "0")] {
        let header = template
            .replace("${HAVE_STDINT_H_01}", "1")
            .replace("${HAVE_STDDEF_H_01}", "1")
            .replace("${HAVE_SYS_UIO_H_01}", uio)
            .replace("${SNAPPY_MAJOR}", "1")
            .replace("${SNAPPY_MINOR}", "1")
            .replace("${SNAPPY_PATCHLEVEL}", "7");
        std::fs::create_dir_all(dir.join(platform)).unwrap();
        std::fs::write(dir.join(platform).join("snappy-stubs-public.h"), header).unwrap();
    }
    let sources = [
        "snappy.cc",
        "snappy-sinksource.cc",
        "snappy-stubs-internal.cc",
        "snappy-c.cc",
    ]
    .iter()
    .map(|f| root.join(f))
    .collect();
    let flags = move |triple: &str| {
        let platform = if triple == WINDOWS {
            "windows"
        } else {
            "posix"
        };
        vec![
            format!("-I{}", path(&dir.join(platform))),
            format!("-I{}", path(&root)),
        ]
    };
    Library {
        name: "snappy",
        sources,
        flags: &flags,
        driver_source: data("realworld/snappy_driver.c"),
        runtime_dlls: mingw_runtime_dlls(),
        partitions: None,
        windows_like_linux: true,
    }
    .check_everywhere();
}

#[test]
fn sqlite_answers_like_the_ordinary_build_everywhere() {
    let root = vendored().join("libsqlite3-sys/sqlite3");
    let include = format!("-I{}", path(&root));
    let flags = move |_: &str| {
        [
            include.as_str(),
            "-DSQLITE_OMIT_LOAD_EXTENSION",
            "-DSQLITE_ENABLE_MATH_FUNCTIONS",
        ]
        .map(str::to_owned)
        .to_vec()
    };
    Library {
        name: "sqlite3",
        sources: vec![root.join("sqlite3.c")],
        flags: &flags,
        driver_source: data("realworld/sqlite_driver.c"),
        runtime_dlls: Vec::new(),
        partitions: None,
        windows_like_linux: true,
    }
    .check_everywhere();
}

#[test]
fn windows_dllexport_decides_the_exports_as_in_the_ordinary_dll() {
    use object::Object;
    let dir = scratch("realworld-dllexport");
    let source = dir.join("api.c");
    std::fs::write(
        &source,
        "__declspec(dllexport) int api_sum(const int *p, int n) {\n\
         \x20   int s = 0;\n    for (int i = 0; i < n; i++) s += p[i];\n    return s;\n}\n\
         int helper_not_exported(int x) { return x * 3; }\n\
         __declspec(dllexport) int api_value = 7;\n",
    )
    .unwrap();
    let exports = |dll: &Path| -> Vec<String> {
        let bytes = std::fs::read(dll).unwrap();
        let file = object::File::parse(&*bytes).unwrap();
        let mut names: Vec<String> = file
            .exports()
            .unwrap()
            .iter()
            .map(|e| String::from_utf8_lossy(e.name()).into_owned())
            .filter(|n| !n.starts_with("mvimg_"))
            .collect();
        names.sort();
        names
    };
    let ordinary = dir.join("ordinary.dll");
    run_ok(
        "clang-22",
        &[
            &format!("--target={WINDOWS}"),
            "-O2",
            "-shared",
            "-fuse-ld=lld",
            "-o",
            path(&ordinary),
            path(&source),
        ],
    );
    assert_eq!(exports(&ordinary), ["api_sum", "api_value"]);
    let bc = bitcode(&source, WINDOWS, &[], &dir.join("api.bc"));
    let (dll, _) = image(&dir, &[bc], WINDOWS, None, "api.dll");
    assert_eq!(exports(&dll), exports(&ordinary));
}

#[test]
fn macos_images_of_the_c_regressions_link_and_read_back() {
    use object::Object;
    // No macOS runtime here: the images are built, linked, read back by
    // `mvimg inspect` and `explain` (in `image`), and their exports checked.
    let dir = scratch("realworld-macos");
    let source = data("realworld/regress.c");
    for (triple, file) in [
        ("x86_64-apple-macosx10.13.0", "libregress-x86_64.dylib"),
        ("arm64-apple-macosx11.0.0", "libregress-arm64.dylib"),
    ] {
        // Freestanding: this machine has no macOS headers (stdint.h is
        // clang's own).
        let bc = bitcode(
            &source,
            triple,
            &["-ffreestanding"],
            &dir.join(format!("{file}.bc")),
        );
        let (dylib, _) = image(&dir, &[bc], triple, None, file);
        let bytes = std::fs::read(&dylib).unwrap();
        let parsed = object::File::parse(&*bytes).unwrap();
        let exports: Vec<String> = parsed
            .exports()
            .unwrap()
            .iter()
            .map(|e| String::from_utf8_lossy(e.name()).into_owned())
            .collect();
        for name in [
            "_rg_work",
            "_rg_table",
            "_rg_data",
            "_rg_tls",
            "_rg_ops",
            "_rg_protected",
            "_mvimg_dispatch_data",
            "_mvimg_selected_target",
        ] {
            assert!(
                exports.iter().any(|e| e == name),
                "{triple}: no {name} in {exports:?}"
            );
        }
    }
}
