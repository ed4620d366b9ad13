//! What the ordinary build inlines, the image inlines, whatever the partition
//! count: header `static inline` helpers in C, `linkonce_odr` members in C++,
//! `available_externally` library bodies. Each program is compiled with the
//! README's recipe, built with 1, 2, 8 and 64 partitions, and compared with
//! the ordinary `-O2 -shared` build of the same sources: the calls left to the
//! helpers in the machine code, and what a driver linked against it prints.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
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
    let wine = if Path::new("/usr/lib/wine/wine64").exists() {
        "/usr/lib/wine/wine64"
    } else {
        "wine64"
    };
    let prefix = dir.join("wine");
    // The default x86_64 list has four targets; this host runs each (forced).
    for target in ["0", "1", "2", "3"] {
        let out = Command::new(wine)
            .arg(&exe)
            .current_dir(&dir)
            .env("WINEPREFIX", &prefix)
            .env("WINEDEBUG", "-all")
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
