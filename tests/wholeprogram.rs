//! What the ordinary build inlines, the image inlines, whatever the partition
//! count: header `static inline` helpers in C, `linkonce_odr` members in C++,
//! `available_externally` library bodies. Each program is compiled with the
//! README's recipe, built with 1, 2, 8 and 64 partitions, and compared with
//! the ordinary `-O2 -shared` build of the same sources: the calls left to the
//! helpers in the machine code, and what a driver linked against it prints.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
#[path = "../link/tests/common/wine.rs"]
mod wine;
use common::{mvimg_ok, run_ok, s, scratch, stdout_of};
use mvimg::codegen::inputs::CLANG_IR_FLAGS;

const PARTITIONS: [&str; 4] = ["1", "2", "8", "64"];

/// Writes `files` into `dir` and compiles each `.c`/`.cpp` but `driver.c`
/// to bitcode with the README's recipe; the bitcode files.
fn sources_to_bitcode(dir: &Path, files: &[(String, String)]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
        let Some((stem, ext)) = name.rsplit_once('.').filter(|_| name != "driver.c") else {
            continue;
        };
        let compiler = match ext {
            "c" => "clang-22",
            "cpp" => "clang++-22",
            _ => continue,
        };
        let (source, bc) = (dir.join(name), dir.join(format!("{stem}.bc")));
        let mut args: Vec<&str> = CLANG_IR_FLAGS.to_vec();
        args.extend([s(&source), "-o", s(&bc)]);
        run_ok(compiler, &args);
        out.push(bc);
    }
    out
}

/// The calls (and tail calls) in `library`'s machine code to functions whose
/// demangled names contain one of `callees`.
fn calls_to(library: &Path, callees: &[&str]) -> usize {
    let out = Command::new("llvm-objdump-22")
        .args(["-d", "--demangle", "--no-show-raw-insn", s(library)])
        .output()
        .expect("llvm-objdump-22 runs (ci/setup installs llvm-22)");
    assert!(
        out.status.success(),
        "llvm-objdump-22 {}",
        library.display()
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|line| line.contains("call") || line.contains("jmp"))
        .filter(|line| {
            line.split_once('<')
                .is_some_and(|(_, target)| callees.iter().any(|callee| target.contains(callee)))
        })
        .count()
}

/// Links `driver` (C) against `library` and runs it; its output.
fn run_driver(dir: &Path, driver: &Path, library: &Path, name: &str) -> String {
    let exe = dir.join(format!("driver-{name}"));
    run_ok(
        "gcc",
        &[
            "-o",
            s(&exe),
            s(driver),
            s(library),
            &format!("-Wl,-rpath,{}", s(library.parent().unwrap())),
        ],
    );
    stdout_of(
        &Command::new(&exe).output().unwrap(),
        &format!("driver on {name}"),
    )
}

/// Builds `files` as the ordinary library and as images with each partition
/// count; checks the calls left to `callees` and the driver's output.
fn compare_with_ordinary(test: &str, compiler: &str, files: &[(String, String)], callees: &[&str]) {
    let dir = scratch(test);
    let bitcode = sources_to_bitcode(&dir, files);
    let sources: Vec<PathBuf> = files
        .iter()
        .filter(|(name, _)| name != "driver.c" && (name.ends_with(".c") || name.ends_with(".cpp")))
        .map(|(name, _)| dir.join(name))
        .collect();
    let ordinary = dir.join("ordinary").join("libwork.so");
    std::fs::create_dir_all(ordinary.parent().unwrap()).unwrap();
    let mut args = vec!["-O2", "-shared", "-fPIC", "-o", s(&ordinary)];
    args.extend(sources.iter().map(|p| s(p)));
    run_ok(compiler, &args);
    let driver = dir.join("driver.c");
    let expected_calls = calls_to(&ordinary, callees);
    let expected = run_driver(&dir, &driver, &ordinary, "ordinary");
    assert!(!expected.is_empty());
    for parts in PARTITIONS {
        let image = dir.join(format!("p{parts}")).join("libwork.so");
        std::fs::create_dir_all(image.parent().unwrap()).unwrap();
        let mut args = vec!["build", "--partitions", parts, "-o", s(&image)];
        args.extend(bitcode.iter().map(|p| s(p)));
        mvimg_ok(&args);
        assert_eq!(
            calls_to(&image, callees),
            expected_calls,
            "calls to {callees:?} left in the image with {parts} partitions"
        );
        assert_eq!(
            run_driver(&dir, &driver, &image, &format!("p{parts}")),
            expected,
            "{parts} partitions"
        );
    }
}

/// Eight C files looping over a header's `static inline` helpers.
#[test]
fn header_static_inline_helpers_are_inlined_in_every_partition() {
    let mut files = vec![(
        "obj.h".to_string(),
        "typedef struct { long refcnt; long val; } Obj;\n\
         static inline long get_val(Obj *o) { return o->val; }\n\
         static inline void incref(Obj *o) { o->refcnt++; }\n"
            .to_string(),
    )];
    let mut driver = String::from("#include <stdio.h>\n#include \"obj.h\"\n");
    let mut body = String::new();
    for i in 0..8 {
        files.push((
            format!("f{i}.c"),
            format!(
                "#include \"obj.h\"\n\
                 long sum{i}(Obj **v, int n) {{ long s = 0; \
                 for (int i = 0; i < n; i++) {{ incref(v[i]); s += get_val(v[i]) * {}; }} \
                 return s; }}\n",
                i + 1
            ),
        ));
        driver.push_str(&format!("long sum{i}(Obj **v, int n);\n"));
        body.push_str(&format!("    total += sum{i}(v, 100);\n"));
    }
    driver.push_str(&format!(
        "int main(void) {{\n    static Obj o[100]; Obj *v[100];\n    \
         for (int i = 0; i < 100; i++) {{ o[i].val = i; v[i] = &o[i]; }}\n    \
         long total = 0;\n{body}    printf(\"%ld %ld\\n\", total, o[7].refcnt);\n    return 0;\n}}\n"
    ));
    files.push(("driver.c".into(), driver));
    compare_with_ordinary("wholeprogram-c", "clang-22", &files, &["get_val", "incref"]);
}

/// Eight C++ files calling a header struct's members (over `std::vector`):
/// `linkonce_odr` functions, one copy per translation unit.
#[test]
fn cxx_linkonce_members_are_inlined_in_every_partition() {
    let mut files = vec![(
        "vec.h".to_string(),
        "#include <vector>\n\
         struct Vec { std::vector<long> v; long get(int i) const { return v[i]; } \
         void push(long x) { v.push_back(x); } };\n"
            .to_string(),
    )];
    let mut driver = String::from("#include <stdio.h>\n");
    let mut body = String::new();
    for i in 0..8 {
        files.push((
            format!("f{i}.cpp"),
            format!(
                "#include \"vec.h\"\n\
                 extern \"C\" long work{i}(int n) {{ Vec a; for (int i = 0; i < n; i++) \
                 a.push(i * {}); long s = 0; for (int i = 0; i < n; i++) s += a.get(i); \
                 return s; }}\n",
                i + 1
            ),
        ));
        driver.push_str(&format!("long work{i}(int n);\n"));
        body.push_str(&format!("    total += work{i}(1000);\n"));
    }
    driver.push_str(&format!(
        "int main(void) {{\n    long total = 0;\n{body}    printf(\"%ld\\n\", total);\n    return 0;\n}}\n"
    ));
    files.push(("driver.c".into(), driver));
    compare_with_ordinary(
        "wholeprogram-cxx",
        "clang++-22",
        &files,
        &["Vec::get", "Vec::push"],
    );
}

/// `std::string`'s members that libstdc++ declares `extern template` come as
/// `available_externally` bodies, some of which the installed library does not
/// export (`_M_use_local_data`): the split once left a call to one in a
/// partition without its body, and the link failed with 2 partitions.
#[test]
fn available_externally_library_bodies_link_with_any_partition_count() {
    let files = vec![
        (
            "s.cpp".to_string(),
            "#include <string>\n\
             extern \"C\" unsigned long s1(const char *s) { std::string t(s); t += \"x\"; return t.size(); }\n\
             extern \"C\" unsigned long s2(const char *s) { std::string t(s); t += \"yy\"; return t.size(); }\n\
             extern \"C\" unsigned long s3(const char *s) { std::string t(s); t += \"zzz\"; return t.size(); }\n"
                .to_string(),
        ),
        (
            "driver.c".to_string(),
            "#include <stdio.h>\n\
             unsigned long s1(const char *), s2(const char *), s3(const char *);\n\
             int main(void) { printf(\"%lu %lu %lu\\n\", s1(\"ab\"), \
             s2(\"a long string past the local buffer\"), s3(\"\")); return 0; }\n"
                .to_string(),
        ),
    ];
    compare_with_ordinary(
        "wholeprogram-string",
        "clang++-22",
        &files,
        &["_M_use_local_data"],
    );
}

/// An `avx2` function built on the intrinsics' `always_inline` helpers,
/// called from generic code, in a Windows image: the helpers (real functions
/// with 256-bit arguments in unoptimized IR) once stayed out of line in their
/// own partition, and the target-1 body called them through call stubs built
/// for target 0, which read the arguments from the wrong place under the
/// Win64 convention (a page fault on target 1). Now they are inlined before
/// cloning; the image runs on every target of the default list under wine,
/// as the ordinary MinGW build computes.
#[test]
fn windows_avx2_intrinsics_run_on_every_target() {
    let dir = scratch("wholeprogram-windows-avx2");
    let source = dir.join("sum.c");
    std::fs::write(
        &source,
        r#"#include <immintrin.h>
__attribute__((target("avx2"))) static int sum8(const int *p) {
    __m256i v = _mm256_loadu_si256((const __m256i *)p);
    v = _mm256_mullo_epi32(v, v);
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4e));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xb1));
    return _mm_cvtsi128_si32(s);
}
__declspec(dllexport) int api(const int *p) { return sum8(p) + sum8(p + 8); }
"#,
    )
    .unwrap();
    let bc = dir.join("sum.bc");
    let mut args: Vec<&str> = CLANG_IR_FLAGS.to_vec();
    args.extend(["--target=x86_64-w64-windows-gnu", s(&source), "-o", s(&bc)]);
    run_ok("clang-22", &args);
    let image = dir.join("sum.dll");
    mvimg_ok(&[
        "build",
        "--target",
        "x86_64-w64-windows-gnu",
        "--partitions",
        "8",
        "-o",
        s(&image),
        s(&bc),
    ]);
    let driver = dir.join("driver.c");
    std::fs::write(
        &driver,
        r#"#include <stdio.h>
#include <windows.h>
int main(void) {
    HMODULE h = LoadLibraryA("sum.dll");
    if (!h) { printf("LoadLibrary failed\n"); return 1; }
    int (*api)(const int *) = (int (*)(const int *))GetProcAddress(h, "api");
    int v[16];
    for (int i = 0; i < 16; i++) v[i] = i + 1;
    printf("%d\n", api(v));
    return 0;
}
"#,
    )
    .unwrap();
    let exe = dir.join("driver.exe");
    run_ok(
        "x86_64-w64-mingw32-gcc",
        &["-O2", "-o", s(&exe), s(&driver)],
    );
    // The default x86_64 list has four targets; this host runs each (forced).
    for target in ["0", "1", "2", "3"] {
        let out = wine::command(&exe)
            .current_dir(&dir)
            .env("MVIMG_FORCE_TARGET", target)
            .output()
            .expect("wine64 runs (ci/setup installs it)");
        // The sum of the squares of 1..=16.
        assert_eq!(
            stdout_of(&out, &format!("the driver on target {target}")).trim(),
            "1496",
            "target {target}"
        );
    }
}

/// Functions that take and return 256- and 512-bit vectors by value, kept
/// out of line (`noinline`), called from a loop that every target clones and
/// (`mix`) from outside the image. The targets of the default x86_64 list
/// carry such a vector in registers of three widths, so the image passes it
/// in memory between bodies and keeps `mix`'s exported convention for its
/// callers; integer lanes, so every target computes the same bits.
const VECTOR_CALLS: &str = r#"typedef long long v4 __attribute__((vector_size(32)));
typedef long long v8 __attribute__((vector_size(64)));

__attribute__((noinline)) static v4 blend(v4 a, v4 b) { return a * b + (v4){1, 2, 3, 4}; }
__attribute__((noinline)) v4 mix(v4 a, v4 b) { return a - (b >> 1); }
__attribute__((noinline)) static v8 twist(v8 a, long long k) { return a * k + (a >> 3); }

EXPORT long long api(const long long *p, int n) {
    v4 acc = {0, 0, 0, 0};
    v8 q = {1, 2, 3, 4, 5, 6, 7, 8};
    for (int i = 0; i + 4 <= n; i += 4) {
        v4 x;
        __builtin_memcpy(&x, p + i, sizeof x);
        acc = blend(acc, x) & 0xffffff;
        acc = mix(acc, x);
        q = twist(q, i + 3) & 0xfffffffff;
    }
    long long s = 0;
    for (int j = 0; j < 4; j++) s = s * 31 + acc[j];
    for (int j = 0; j < 8; j++) s = s * 31 + q[j];
    return s;
}
"#;

/// The driver: `api` over 64 numbers, and (`DIRECT`) `mix` called from
/// outside the image with its by-value convention.
const VECTOR_DRIVER: &str = r#"#include <stdio.h>
typedef long long v4 __attribute__((vector_size(32)));
long long api(const long long *p, int n);
v4 mix(v4 a, v4 b);
int main(void) {
    long long p[64];
    for (int i = 0; i < 64; i++) p[i] = (i * 7919) % 1013 - 500;
    printf("%lld\n", api(p, 64));
#ifdef DIRECT
    v4 m = mix((v4){100, 200, 300, 400}, (v4){8, 6, 4, 2});
    printf("%lld %lld %lld %lld\n", m[0], m[1], m[2], m[3]);
#endif
    return 0;
}
"#;

/// Calls between bodies of different targets with vector arguments and
/// results, on every platform: the x86_64 Linux image natively on each target
/// of the default list (and `mix` called by a program built for the
/// baseline), the Windows image under wine on each target, the AArch64 image
/// under qemu as three CPUs and forced to target 0; each prints what the
/// ordinary build prints.
#[test]
fn cross_target_calls_with_vector_arguments_agree_on_every_platform() {
    let dir = scratch("wholeprogram-vector-calls");
    let source = dir.join("v.c");
    std::fs::write(&source, VECTOR_CALLS).unwrap();
    let driver = dir.join("driver.c");
    std::fs::write(&driver, VECTOR_DRIVER).unwrap();
    // The ordinary build and its output.
    let ordinary = dir.join("ordinary").join("libv.so");
    std::fs::create_dir_all(ordinary.parent().unwrap()).unwrap();
    run_ok(
        "clang-22",
        &[
            "-O2",
            "-w",
            "-DEXPORT=",
            "-fPIC",
            "-shared",
            "-o",
            s(&ordinary),
            s(&source),
        ],
    );
    let linux_driver = |name: &str, library: &Path| -> PathBuf {
        let exe = dir.join(name);
        run_ok(
            "clang-22",
            &[
                "-O2",
                "-w",
                "-DDIRECT",
                "-o",
                s(&exe),
                s(&driver),
                s(library),
                &format!("-Wl,-rpath,{}", s(library.parent().unwrap())),
            ],
        );
        exe
    };
    let expected = stdout_of(
        &Command::new(linux_driver("driver-ordinary", &ordinary))
            .output()
            .unwrap(),
        "the driver on the ordinary build",
    );
    let api_line = expected.lines().next().unwrap().to_owned();
    assert_eq!(
        expected.lines().nth(1),
        Some("96 197 298 399"),
        "{expected}"
    );

    // Bitcode and an image for each platform (README recipe, default list).
    let image_for = |triple: &str, export: &str, file: &str| -> PathBuf {
        let bc = dir.join(format!("{triple}.bc"));
        let mut args: Vec<&str> = CLANG_IR_FLAGS.to_vec();
        let target = format!("--target={triple}");
        let define = format!("-DEXPORT={export}");
        args.extend([target.as_str(), define.as_str(), s(&source), "-o", s(&bc)]);
        run_ok("clang-22", &args);
        let image = dir.join(triple).join(file);
        std::fs::create_dir_all(image.parent().unwrap()).unwrap();
        mvimg_ok(&["build", "--target", triple, "-o", s(&image), s(&bc)]);
        image
    };

    // x86_64 Linux, natively on each target.
    let linux = image_for("x86_64-unknown-linux-gnu", "", "libv.so");
    let exe = linux_driver("driver-linux", &linux);
    for target in ["0", "1", "2", "3"] {
        let out = Command::new(&exe)
            .env("MVIMG_FORCE_TARGET", target)
            .output()
            .unwrap();
        assert_eq!(
            stdout_of(&out, &format!("x86_64 Linux, target {target}")),
            expected,
            "x86_64 Linux, target {target}"
        );
    }

    // x86_64 Windows under wine, on each target.
    let dll = image_for("x86_64-w64-windows-gnu", "__declspec(dllexport)", "v.dll");
    let windows_driver = dir.join("windows.c");
    std::fs::write(
        &windows_driver,
        r#"#include <stdio.h>
#include <windows.h>
int main(void) {
    HMODULE h = LoadLibraryA("v.dll");
    if (!h) { printf("LoadLibrary failed\n"); return 1; }
    long long (*api)(const long long *, int) =
        (long long (*)(const long long *, int))GetProcAddress(h, "api");
    long long p[64];
    for (int i = 0; i < 64; i++) p[i] = (i * 7919) % 1013 - 500;
    printf("%lld\n", api(p, 64));
    return 0;
}
"#,
    )
    .unwrap();
    let exe = dll.parent().unwrap().join("driver.exe");
    run_ok(
        "x86_64-w64-mingw32-gcc",
        &["-O2", "-o", s(&exe), s(&windows_driver)],
    );
    for target in ["0", "1", "2", "3"] {
        let out = wine::command(&exe)
            .current_dir(dll.parent().unwrap())
            .env("MVIMG_FORCE_TARGET", target)
            .output()
            .expect("wine64 runs (ci/setup installs it)");
        assert_eq!(
            stdout_of(&out, &format!("Windows, target {target}")).trim(),
            api_line,
            "Windows, target {target}"
        );
    }

    // AArch64 Linux under qemu: three CPUs (each selecting its own target),
    // and each forced to target 0.
    let arm = image_for("aarch64-unknown-linux-gnu", "", "libv.so");
    let exe = arm.parent().unwrap().join("driver");
    run_ok(
        "aarch64-linux-gnu-gcc",
        &[
            "-O2",
            "-o",
            s(&exe),
            s(&driver),
            s(&arm),
            &format!("-Wl,-rpath,{}", s(arm.parent().unwrap())),
        ],
    );
    for cpu in ["cortex-a53", "neoverse-n1", "a64fx"] {
        for forced in [None, Some("0")] {
            let mut run = Command::new("qemu-aarch64");
            run.args(["-L", "/usr/aarch64-linux-gnu", "-cpu", cpu])
                .arg(&exe);
            if let Some(t) = forced {
                run.env("MVIMG_FORCE_TARGET", t);
            }
            let out = run
                .output()
                .expect("qemu-aarch64 runs (ci/setup installs qemu-user)");
            assert_eq!(
                stdout_of(&out, &format!("AArch64 {cpu} {forced:?}")).trim(),
                api_line,
                "AArch64 as {cpu}, forced {forced:?}"
            );
        }
    }

    // x86_64 macOS: built and linked (nothing here runs Mach-O).
    image_for("x86_64-apple-darwin", "", "libv.dylib");
}
