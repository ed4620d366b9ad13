//! What a new user does first: the README's IR recipe on a small C or C++
//! library, made every way clang makes IR (Debian's default PIE, `-fPIE`,
//! `-fPIC`, `-fno-pic`, `-O0`), with the lists people write (`-C generic`,
//! `generic;haswell`, ...) and Julia's own lists pasted from
//! `JULIA_CPU_TARGET`; Julia-shaped IR with its FMA queries; and each wrong
//! turn of a first hour (a missing directory, the input as the output, a text
//! file as bitcode, a misspelt target), answered with a clear message and
//! nothing lost.

use std::path::Path;
use std::process::Command;

mod common;
#[path = "../link/tests/common/wine.rs"]
mod wine;
use common::{mvimg, mvimg_fails, mvimg_ok, run_ok, s, scratch, stdout_of};

/// A C library with what breaks non-PIC IR in a shared object: exported
/// functions, an exported variable, a thread-local one, a function pointer
/// in data and a loop that partial targets clone.
const C_LIBRARY: &str = r#"
int counter;
__thread int calls;
static int twice(int x) { return 2 * x; }
int (*op)(int) = twice;
int add1(int x) { return x + 1; }
int bump(void) { calls++; return ++counter; }
long sum(const int *v, int n) { long s = 0; for (int i = 0; i < n; i++) s += op(v[i]); return s; }
int calls_here(void) { return calls; }
"#;

const C_DRIVER: &str = r#"
#include <stdio.h>
int add1(int); int bump(void); long sum(const int *, int); int calls_here(void);
extern int counter;
int main(void) {
    int v[100];
    for (int i = 0; i < 100; i++) v[i] = i * 3 - 50;
    bump(); bump();
    printf("%d %d %d %ld %d\n", add1(41), bump(), counter, sum(v, 100), calls_here());
    return 0;
}
"#;

/// C++ with a vtable, a static object with a constructor, and a template.
const CXX_LIBRARY: &str = r#"
#include <vector>
struct Shape { virtual ~Shape() {} virtual long area() const = 0; };
struct Rect : Shape { long w, h; Rect(long a, long b) : w(a), h(b) {} long area() const override { return w * h; } };
struct Square : Rect { Square(long a) : Rect(a, a) {} };
static std::vector<long> table = {3, 1, 4, 1, 5, 9, 2, 6};
template <class T> T total(const std::vector<T> &v) { T s = 0; for (auto x : v) s += x; return s; }
extern "C" long shapes(int n) {
    long s = total(table);
    for (int i = 0; i < n; i++) {
        Shape *p = (i % 2) ? static_cast<Shape *>(new Rect(i, 2)) : new Square(i);
        s += p->area();
        delete p;
    }
    return s;
}
"#;

const CXX_DRIVER: &str = r#"
#include <stdio.h>
long shapes(int);
int main(void) { printf("%ld\n", shapes(1000)); return 0; }
"#;

/// How the IR was made: clang's flags besides the README recipe's.
const STYLES: [(&str, &[&str]); 5] = [
    ("default (PIE on Debian)", &[]),
    ("-fPIE", &["-fPIE"]),
    ("-fPIC", &["-fPIC"]),
    ("-fno-pic", &["-fno-pic"]),
    ("-O0", &["-O0"]),
];

/// The lists of the README and of first attempts, and the default (empty).
const X86_LISTS: [&str; 5] = [
    "generic",
    "generic;haswell",
    "generic;x86-64-v3",
    "x86-64-v2;znver4",
    "",
];

/// Builds `source` (C or C++) the ordinary way and as images made from each
/// IR style with each list; every image's driver prints what the ordinary
/// build's prints, on the target each CPU selects and forced to each target
/// of the list (a target a CPU cannot run is refused by the image's init,
/// which then selects as usual): x86_64 natively and under `qemu-x86_64
/// -cpu Nehalem|Haswell`, AArch64 under `qemu-aarch64 -cpu
/// cortex-a53|neoverse-n1`.
fn recipe_everywhere(
    name: &str,
    source: (&str, &str),
    driver: &str,
    arch: &str,
    lists: &[&str],
    styles: &[(&str, &[&str])],
) {
    let dir = scratch(&format!("firstcontact-{name}"));
    let (file, text) = source;
    let src = dir.join(file);
    std::fs::write(&src, text).unwrap();
    let drv = dir.join("driver.c");
    std::fs::write(&drv, driver).unwrap();
    let cxx = file.ends_with(".cpp");
    let compiler = if cxx { "clang++-22" } else { "clang-22" };
    // Where the drivers run: natively (None) or as a qemu CPU.
    let (triple, cc, cpus): (&str, &str, Vec<Option<&str>>) = match arch {
        "x86_64" => (
            "x86_64-unknown-linux-gnu",
            "clang-22",
            vec![None, Some("Nehalem"), Some("Haswell")],
        ),
        _ => (
            "aarch64-unknown-linux-gnu",
            "aarch64-linux-gnu-gcc",
            vec![Some("cortex-a53"), Some("neoverse-n1")],
        ),
    };
    let target = format!("--target={triple}");
    let link_driver = |library: &Path, exe: &Path| {
        let rpath = format!("-Wl,-rpath,{}", s(library.parent().unwrap()));
        let mut args = vec!["-o", s(exe), s(&drv), s(library), rpath.as_str()];
        if cc == "clang-22" {
            args.insert(0, "-w");
        }
        run_ok(cc, &args);
    };
    let run = |exe: &Path, cpu: Option<&str>, force: Option<&str>| -> String {
        let mut command = match cpu {
            Some(cpu) if arch == "x86_64" => {
                let mut c = Command::new("qemu-x86_64");
                c.args(["-cpu", cpu]).arg(exe);
                c
            }
            Some(cpu) => {
                let mut c = Command::new("qemu-aarch64");
                c.args(["-L", "/usr/aarch64-linux-gnu", "-cpu", cpu])
                    .arg(exe);
                c
            }
            None => Command::new(exe),
        };
        if let Some(t) = force {
            command.env("MVIMG_FORCE_TARGET", t);
        }
        stdout_of(
            &command.output().unwrap(),
            &format!("{} on {cpu:?}, forced {force:?}", exe.display()),
        )
    };
    // The ordinary build.
    let ordinary = dir.join("ordinary").join("libwork.so");
    std::fs::create_dir_all(ordinary.parent().unwrap()).unwrap();
    let mut args = vec![
        target.as_str(),
        "-O2",
        "-fPIC",
        "-shared",
        "-o",
        s(&ordinary),
        s(&src),
    ];
    if cxx {
        args.push("-lstdc++");
    }
    run_ok(compiler, &args);
    let ordinary_exe = dir.join("ordinary").join("driver");
    link_driver(&ordinary, &ordinary_exe);
    let expected = run(&ordinary_exe, cpus[0], None);
    assert!(!expected.trim().is_empty());

    for (i, (style, flags)) in styles.iter().enumerate() {
        let bc = dir.join(format!("style{i}.bc"));
        let mut extra = vec![target.as_str()];
        extra.extend(flags.iter());
        common::recipe_ir(compiler, &extra, &src, &bc);
        for (j, list) in lists.iter().enumerate() {
            let image = dir.join(format!("s{i}l{j}")).join("libwork.so");
            std::fs::create_dir_all(image.parent().unwrap()).unwrap();
            let mut args = vec!["build"];
            if !list.is_empty() {
                args.extend(["-C", list]);
            }
            args.extend(["-o", s(&image), s(&bc)]);
            let out = mvimg(&args);
            assert!(
                out.status.success(),
                "{name}: IR made {style}, list {list:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let exe = image.with_file_name("driver");
            link_driver(&image, &exe);
            // Every target of the list (the default list's, when empty).
            let targets = if list.is_empty() {
                let arch = arch.parse::<mvimg::cpu::Arch>().unwrap();
                mvimg::cpu::default_target_list(arch, mvimg::cpu::Os::Linux)
                    .split(';')
                    .count()
            } else {
                list.split(';').count()
            };
            let forces: Vec<Option<String>> = std::iter::once(None)
                .chain((0..targets).map(|t| Some(t.to_string())))
                .collect();
            for cpu in &cpus {
                for force in &forces {
                    assert_eq!(
                        run(&exe, *cpu, force.as_deref()),
                        expected,
                        "{name}: IR made {style}, list {list:?}, on {cpu:?}, forced {force:?}"
                    );
                }
            }
        }
    }
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn readme_recipe_c_builds_with_any_list_and_any_pic_state() {
    recipe_everywhere(
        "c",
        ("work.c", C_LIBRARY),
        C_DRIVER,
        "x86_64",
        &X86_LISTS,
        &STYLES,
    );
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn readme_recipe_cxx_builds_with_any_list_and_any_pic_state() {
    recipe_everywhere(
        "cxx",
        ("work.cpp", CXX_LIBRARY),
        CXX_DRIVER,
        "x86_64",
        &X86_LISTS,
        &STYLES[..3],
    );
}

#[test]
fn readme_recipe_c_builds_for_aarch64_lists_under_qemu() {
    recipe_everywhere(
        "c-aarch64",
        ("work.c", C_LIBRARY),
        C_DRIVER,
        "aarch64",
        &[
            "generic",
            "generic;neoverse-n1",
            "cortex-a53;neoverse-n1,clone_all",
            "",
        ],
        &STYLES[..3],
    );
}

/// Julia's published lists (its binary releases' x86_64 and AArch64 lists,
/// and the one its system-image documentation and PackageCompiler suggest).
const JULIA_X86: [&str; 2] = [
    "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1);x86-64-v4,-rdrnd,base(1)",
    "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1)",
];
const JULIA_AARCH64: &str =
    "generic;cortex-a57;thunderx2t99;carmel,clone_all;apple-m1,base(3);neoverse-512tvb,base(3)";

/// Which target `mvimg select` picks for `list` on the database CPU `cpu`
/// with `MVIMG_HOST_FEATURES=change` applied.
fn selected(arch: &str, list: &str, cpu: &str, change: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_mvimg"))
        .args(["select", "--arch", arch, "--host-cpu", cpu, "--json", list])
        .env("MVIMG_HOST_FEATURES", change)
        .env_remove("MVIMG_FORCE_TARGET")
        .output()
        .unwrap();
    let text = stdout_of(&out, &format!("select {list} on {cpu} {change}"));
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["selected"]["index"].to_string()
}

/// Julia's lists are accepted as pasted; a partial target takes its base
/// chain's features, so an AVX-512 host without PCLMULQDQ (which the
/// `sandybridge` bodies target 3 falls back to may use) selects neither
/// target 3 nor target 2, and the images run under qemu as each CPU selects.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn julias_published_lists_build_and_select_only_runnable_targets() {
    // The selection rule, on database CPUs.
    let list = JULIA_X86[0];
    assert_eq!(selected("x86_64", list, "skylake-avx512", ""), "3");
    assert_eq!(selected("x86_64", list, "skylake-avx512", "-pclmul"), "0");
    assert_eq!(selected("x86_64", list, "haswell", ""), "2");
    assert_eq!(selected("x86_64", list, "haswell", "-pclmul"), "0");
    assert_eq!(selected("x86_64", list, "nehalem", ""), "0");
    let targets = stdout_of(
        &mvimg(&["targets", "--arch", "x86_64", list]),
        "mvimg targets",
    );
    assert!(
        targets.contains("from base      pclmul"),
        "target 3 shows what it takes from its base:\n{targets}"
    );
    assert_eq!(selected("aarch64", JULIA_AARCH64, "neoverse-n1", ""), "3");
    assert_eq!(selected("aarch64", JULIA_AARCH64, "cortex-a53", ""), "1");

    // Images: built, and each runs what its CPU selects.
    let dir = scratch("firstcontact-julia");
    let src = dir.join("k.c");
    std::fs::write(&src, common::KERNELS).unwrap();
    let driver = dir.join("driver.c");
    std::fs::write(
        &driver,
        "#include <stdio.h>\nint probe(void);\nint mvimg_selected_target(void);\n\
         int main(void) { printf(\"target %d\\nprobe %d\\n\", mvimg_selected_target(), probe()); return 0; }\n",
    )
    .unwrap();
    for (i, list) in JULIA_X86.iter().enumerate() {
        let bc = dir.join("k.bc");
        common::recipe_ir("clang-22", &[], &src, &bc);
        let image = dir.join(format!("x{i}")).join("libk.so");
        std::fs::create_dir_all(image.parent().unwrap()).unwrap();
        mvimg_ok(&["build", "-C", list, "-o", s(&image), s(&bc)]);
        let exe = image.with_file_name("driver");
        run_ok(
            "gcc",
            &[
                "-o",
                s(&exe),
                s(&driver),
                s(&image),
                &format!("-Wl,-rpath,{}", s(image.parent().unwrap())),
            ],
        );
        for (cpu, target) in [("Nehalem", 0), ("SandyBridge", 1), ("Haswell", 2)] {
            let out = Command::new("qemu-x86_64")
                .args(["-cpu", cpu])
                .arg(&exe)
                .output()
                .expect("qemu-x86_64 runs (ci/setup installs qemu-user)");
            let text = stdout_of(&out, &format!("{list} under qemu {cpu}"));
            assert!(
                text.starts_with(&format!("target {target}\n")),
                "{list} on {cpu}: {text}"
            );
            assert_eq!(
                common::probe(&text),
                common::probe_of(list, mvimg::cpu::Arch::X86_64, target),
                "{list} on {cpu}"
            );
        }
    }
    let bc = dir.join("ka.bc");
    common::recipe_ir(
        "clang-22",
        &["--target=aarch64-unknown-linux-gnu"],
        &src,
        &bc,
    );
    let image = dir.join("arm").join("libk.so");
    std::fs::create_dir_all(image.parent().unwrap()).unwrap();
    mvimg_ok(&["build", "-C", JULIA_AARCH64, "-o", s(&image), s(&bc)]);
    let exe = image.with_file_name("driver");
    run_ok(
        "aarch64-linux-gnu-gcc",
        &[
            "-o",
            s(&exe),
            s(&driver),
            s(&image),
            &format!("-Wl,-rpath,{}", s(image.parent().unwrap())),
        ],
    );
    for (cpu, target) in [("cortex-a53", 1), ("neoverse-n1", 3)] {
        let out = Command::new("qemu-aarch64")
            .args(["-L", "/usr/aarch64-linux-gnu", "-cpu", cpu])
            .arg(&exe)
            .output()
            .expect("qemu-aarch64 runs (ci/setup installs qemu-user)");
        let text = stdout_of(&out, &format!("Julia's AArch64 list under qemu {cpu}"));
        assert!(
            text.starts_with(&format!("target {target}\n")),
            "{cpu}: {text}"
        );
    }
}

/// IR in the shape Julia's code generator writes: a loop asking
/// `julia.cpu.have_fma.f64()` (and `.f32()`), Julia's `julia.mv.*`
/// annotations beside. Built for `generic;haswell`: Nehalem's body answers 0,
/// Haswell's 1, as Julia's pass answers.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn julia_fma_queries_are_answered_per_clone() {
    let dir = scratch("firstcontact-julia-fma");
    let ll = dir.join("julia.ll");
    std::fs::write(
        &ll,
        r#"target triple = "x86_64-unknown-linux-gnu"

declare i1 @julia.cpu.have_fma.f64()
declare i1 @julia.cpu.have_fma.f32()

define i64 @julia_fma_paths(i64 %n) #0 {
top:
  br label %loop
loop:
  %i = phi i64 [ 0, %top ], [ %next, %loop ]
  %acc = phi i64 [ 0, %top ], [ %sum, %loop ]
  %fma64 = call i1 @julia.cpu.have_fma.f64()
  %fma32 = call i1 @julia.cpu.have_fma.f32()
  %a = zext i1 %fma64 to i64
  %b = zext i1 %fma32 to i64
  %both = add i64 %a, %b
  %sum = add i64 %acc, %both
  %next = add i64 %i, 1
  %done = icmp eq i64 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i64 %sum
}

attributes #0 = { "julia.mv.reloc" "probe-stack"="inline-asm" }

!llvm.module.flags = !{!0}
!0 = !{i32 1, !"julia.mv.enable", i32 1}
"#,
    )
    .unwrap();
    let image = dir.join("libjulia.so");
    mvimg_ok(&["build", "-C", "generic;haswell", "-o", s(&image), s(&ll)]);
    let driver = dir.join("driver.c");
    std::fs::write(
        &driver,
        "#include <stdio.h>\nlong julia_fma_paths(long);\n\
         int main(void) { printf(\"%ld\\n\", julia_fma_paths(10)); return 0; }\n",
    )
    .unwrap();
    let exe = dir.join("driver");
    run_ok(
        "gcc",
        &[
            "-o",
            s(&exe),
            s(&driver),
            s(&image),
            &format!("-Wl,-rpath,{}", s(&dir)),
        ],
    );
    for (cpu, expected) in [("Nehalem", "0\n"), ("Haswell", "20\n")] {
        let out = Command::new("qemu-x86_64")
            .args(["-cpu", cpu])
            .arg(&exe)
            .output()
            .expect("qemu-x86_64 runs");
        assert_eq!(stdout_of(&out, cpu), expected, "{cpu}");
    }
    // A type Julia does not ask about is refused, naming the query.
    let bad = dir.join("bad.ll");
    std::fs::write(
        &bad,
        "declare i1 @julia.cpu.have_fma.f80()\n\
         define i1 @q() { %r = call i1 @julia.cpu.have_fma.f80()\n ret i1 %r }\n",
    )
    .unwrap();
    let out_path = dir.join("libbad.so");
    mvimg_fails(
        &[
            "build",
            "-C",
            "generic;haswell",
            "-o",
            s(&out_path),
            s(&bad),
        ],
        "julia.cpu.have_fma.f80",
        &out_path,
    );
}

/// A first hour's wrong turns: each gets a message that names the problem
/// and what to do, and nothing is created or lost.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn a_first_hours_wrong_turns_get_clear_answers() {
    let dir = scratch("firstcontact-wrong-turns");
    let src = dir.join("small.c");
    std::fs::write(&src, "int add1(int x) { return x + 1; }\n").unwrap();
    let bc = dir.join("small.bc");
    common::recipe_ir("clang-22", &[], &src, &bc);
    let bitcode = std::fs::read(&bc).unwrap();

    // An AArch64 CPU in a list for x86_64 IR: `build` has --target, not --arch.
    let out_path = dir.join("libsmall.so");
    let text = mvimg_fails(
        &[
            "build",
            "-C",
            "generic;neoverse-n1",
            "-o",
            s(&out_path),
            s(&bc),
        ],
        "it is an aarch64 CPU",
        &out_path,
    );
    assert!(
        text.contains("--target aarch64-unknown-linux-gnu"),
        "{text}"
    );

    // -o into a missing directory: refused before building; nothing created.
    let missing = dir.join("no").join("such").join("libsmall.so");
    let text = mvimg_fails(
        &["build", "-o", s(&missing), s(&bc)],
        "does not exist; create it first",
        &missing,
    );
    assert!(!dir.join("no").exists(), "{text}");
    // -o naming a directory (existing, or with a trailing slash).
    let out = mvimg(&["build", "-o", s(&dir), s(&bc)]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("it is a directory"));
    let slash = format!("{}/", dir.join("newdir").display());
    let out = mvimg(&["build", "-o", &slash, s(&bc)]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("it is a directory"));
    assert!(!dir.join("newdir").exists());

    // -o equal to the input (also --emit obj, --plan): refused, input kept.
    for extra in [&[][..], &["--emit", "obj"][..]] {
        let mut args = vec!["build"];
        args.extend(extra);
        args.extend(["-o", s(&bc), s(&bc)]);
        let out = mvimg(&args);
        assert!(!out.status.success(), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("which the build reads or writes too"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(std::fs::read(&bc).unwrap(), bitcode, "the input is intact");
    }
    let out = mvimg(&["build", "--plan", s(&bc), "-o", s(&out_path), s(&bc)]);
    assert!(!out.status.success());
    assert_eq!(std::fs::read(&bc).unwrap(), bitcode);
    assert!(!out_path.exists());

    // Bad input files: each refused with `needle`, blamed on the file (never
    // "a bug in mvimg"), nothing left at the destination.
    let refused = |name: &str, text: &str, needle: &str| -> String {
        let input = dir.join(name);
        std::fs::write(&input, text).unwrap();
        let said = mvimg_fails(
            &[
                "build",
                "-C",
                "generic;haswell",
                "-o",
                s(&out_path),
                s(&input),
            ],
            needle,
            &out_path,
        );
        assert!(
            said.contains(name) && !said.contains("a bug in mvimg"),
            "{said}"
        );
        said
    };
    // A text file given as bitcode: named once, said to be neither.
    let text = refused(
        "notbitcode.bc",
        "hello, this is not IR\n",
        "is neither LLVM bitcode nor LLVM IR text",
    );
    assert_eq!(text.matches("notbitcode.bc").count(), 1, "{text}");
    // Invalid IR is blamed on the input, not on mvimg.
    refused(
        "invalid.ll",
        "define i32 @f(i32 %x) {\nentry:\n  ret i32 %y\nother:\n  %y = add i32 %x, 1\n  ret i32 %y\n}\n",
        "is not valid LLVM IR",
    );
    // A symbol name that is not UTF-8 (legal in LLVM) is refused by name.
    let text = refused(
        "bytes.ll",
        "define i32 @\"k\\FF\"() {\n  ret i32 1\n}\n",
        "is not UTF-8",
    );
    assert!(text.contains("k\\xff"), "{text}");
    // A function outside address space 0 (found by mutating bitcode: it
    // once reached the slots and failed as "a bug in mvimg") is refused.
    refused(
        "spaced.ll",
        "define i32 @f(i32 %x) addrspace(4) {\n  ret i32 %x\n}\n",
        "in address space 4",
    );

    // A misspelt forced target gets a did-you-mean.
    let out = Command::new(env!("CARGO_BIN_EXE_mvimg"))
        .args([
            "select",
            "--arch",
            "x86_64",
            "--host-cpu",
            "skylake",
            "generic;haswell",
        ])
        .env("MVIMG_FORCE_TARGET", "haswel")
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("did you mean `haswell`?"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // `select` takes a list: its refusal speaks of the list.
    let out = mvimg(&[
        "select",
        "--arch",
        "x86_64",
        "--host-cpu",
        "nehalem",
        "haswell",
    ]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("no target of the list can run"), "{text}");
    assert!(!text.contains("of this image"), "{text}");

    // --version names LLVM and the platforms.
    let text = stdout_of(&mvimg(&["--version"]), "--version");
    assert!(
        text.contains("LLVM 22.") && text.contains("x86_64-w64-windows-gnu"),
        "{text}"
    );

    // `check`: 0 loadable, 1 refused, 2 cannot read; --json errors are JSON.
    let image = dir.join("libok.so");
    mvimg_ok(&["build", "-C", "generic;haswell", "-o", s(&image), s(&bc)]);
    let code = |args: &[&str]| mvimg(args).status.code();
    assert_eq!(
        code(&["check", s(&image), "--host-cpu", "haswell"]),
        Some(0)
    );
    assert_eq!(
        code(&[
            "check",
            s(&image),
            "--host-cpu",
            "haswell",
            "--require",
            "no.such=1"
        ]),
        Some(1)
    );
    assert_eq!(code(&["check", s(&dir.join("notbitcode.bc"))]), Some(2));
    let out = mvimg(&["check", "--json", s(&dir.join("absent.so"))]);
    assert_eq!(out.status.code(), Some(2));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        json["error"].as_str().unwrap().contains("absent.so"),
        "{json}"
    );

    // A host description with a misspelt feature: the error names the file.
    let described = dir.join("node.json");
    let this_host = stdout_of(&mvimg(&["host", "--json"]), "mvimg host --json");
    assert!(this_host.contains("\"sse2\""), "{this_host}");
    std::fs::write(&described, this_host.replacen("\"sse2\"", "\"sse2x\"", 1)).unwrap();
    let out = mvimg(&["explain", s(&image), "--from", s(&described)]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        text.contains("node.json") && text.contains("sse2x"),
        "{text}"
    );

    // A cross-built AArch64 image examined here: says what to pass.
    let arm_bc = dir.join("arm.bc");
    common::recipe_ir(
        "clang-22",
        &["--target=aarch64-unknown-linux-gnu"],
        &src,
        &arm_bc,
    );
    let arm = dir.join("libarm.so");
    mvimg_ok(&["build", "-o", s(&arm), s(&arm_bc)]);
    let out = mvimg(&["explain", s(&arm)]);
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--host-cpu NAME"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout_of(
        &mvimg(&["explain", s(&arm), "--host-cpu", "neoverse-n1"]),
        "explain",
    );
    assert!(text.contains("selects target"), "{text}");

    // clang's target_clones names (`f.arch_x86-64-v3.0`) are exported as
    // the ordinary library exports them.
    let tc = dir.join("tc.c");
    std::fs::write(
        &tc,
        "__attribute__((target_clones(\"arch=x86-64-v3\", \"default\"))) int f(int x) { return x * 3; }\n",
    )
    .unwrap();
    let tc_bc = dir.join("tc.bc");
    common::recipe_ir("clang-22", &[], &tc, &tc_bc);
    let tc_so = dir.join("libtc.so");
    mvimg_ok(&["build", "-o", s(&tc_so), s(&tc_bc)]);
    let exports = common::elf_exports(&tc_so);
    assert!(
        exports.iter().any(|e| e.starts_with("f.arch_x86-64-v3")),
        "{exports:?}"
    );

    // What a killed build left beside its destination (its lock released
    // with it) is removed by the next build there; a live one's is kept.
    let stale = dir.join(".libok.so.mvimg-objects-999999-000000001-0");
    std::fs::create_dir(&stale).unwrap();
    std::fs::write(stale.join(".mvimg-lock"), b"").unwrap();
    std::fs::write(stale.join("part0.o"), b"half a build").unwrap();
    mvimg_ok(&["build", "-C", "generic;haswell", "-o", s(&image), s(&bc)]);
    assert!(
        !stale.exists(),
        "the killed build's scratch directory is removed"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".mvimg-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // Bitcode whose triple names a macOS version links for that version.
    let mac_bc = dir.join("mac.bc");
    common::recipe_ir(
        "clang-22",
        &["--target=x86_64-apple-macosx11.0"],
        &src,
        &mac_bc,
    );
    mvimg_ok(&["build", "-o", s(&dir.join("libmac.dylib")), s(&mac_bc)]);
}

/// A full disk at the destination: the build says so, naming the directory,
/// and leaves nothing there (a 96 KiB tmpfs; mounting it needs root, which
/// ci/setup's machines give, directly or through sudo).
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn a_full_disk_is_named_and_nothing_is_left_there() {
    let dir = scratch("firstcontact-full-disk");
    let src = dir.join("k.c");
    // Enough code that its objects do not fit in 96 KiB.
    let mut text = String::from(common::KERNELS);
    for i in 0..200 {
        text.push_str(&format!(
            "double f{i}(const double *x, int n) {{ double s = {i}; for (int j = 0; j < n; j++) s = s * 1.5 + x[j] / (j + {i} + 1); return s; }}\n"
        ));
    }
    std::fs::write(&src, text).unwrap();
    let bc = dir.join("k.bc");
    common::recipe_ir("clang-22", &[], &src, &bc);
    let small = dir.join("small");
    std::fs::create_dir_all(&small).unwrap();
    let as_root = |args: &[&str]| {
        // SAFETY: getuid has no preconditions.
        let root = unsafe { libc::getuid() } == 0;
        let mut command = if root {
            Command::new(args[0])
        } else {
            let mut c = Command::new("sudo");
            c.arg("-n").arg(args[0]);
            c
        };
        let out = command.args(&args[1..]).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} (as root): {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    as_root(&["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", s(&small)]);
    let image = small.join("libk.so");
    let out = mvimg(&["build", "-o", s(&image), s(&bc)]);
    let listing: Vec<_> = std::fs::read_dir(&small)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    as_root(&["umount", s(&small)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "built into a 96 KiB disk");
    assert!(
        (stderr.contains("is full") || stderr.contains("No space left on device"))
            && stderr.contains(s(&small)),
        "{stderr}"
    );
    assert!(listing.is_empty(), "left behind: {listing:?}");
}

/// Windows C++ that uses `std::shared_ptr` (libstdc++'s gthreads read the
/// MinGW CRT's `_CRT_MT`): the DLL links and runs under wine as the
/// ordinary MinGW build computes.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn windows_cxx_with_shared_ptr_links_and_runs() {
    let dir = scratch("firstcontact-windows-shared-ptr");
    let src = dir.join("sp.cpp");
    std::fs::write(
        &src,
        r#"#include <memory>
#include <vector>
struct Node { long v; std::shared_ptr<Node> next; };
extern "C" __declspec(dllexport) long chain(int n) {
    std::shared_ptr<Node> head;
    for (int i = 0; i < n; i++) head = std::make_shared<Node>(Node{i, head});
    long s = 0;
    for (auto p = head; p; p = p->next) s += p->v * p.use_count();
    return s;
}
"#,
    )
    .unwrap();
    let bc = dir.join("sp.bc");
    common::recipe_ir(
        "clang++-22",
        &["--target=x86_64-w64-windows-gnu"],
        &src,
        &bc,
    );
    let dll = dir.join("sp.dll");
    mvimg_ok(&["build", "-o", s(&dll), s(&bc)]);
    let driver = dir.join("driver.c");
    std::fs::write(
        &driver,
        "#include <stdio.h>\n#include <windows.h>\nint main(void) {\n\
         HMODULE h = LoadLibraryA(\"sp.dll\"); if (!h) { printf(\"LoadLibrary failed\\n\"); return 1; }\n\
         long (*chain)(int) = (long (*)(int))GetProcAddress(h, \"chain\");\n\
         printf(\"%ld\\n\", chain(100)); return 0; }\n",
    )
    .unwrap();
    let exe = dir.join("driver.exe");
    run_ok(
        "x86_64-w64-mingw32-gcc",
        &["-O2", "-o", s(&exe), s(&driver)],
    );
    // libstdc++-6.dll and libgcc_s_seh-1.dll beside the program, as a
    // MinGW program ships them.
    for dll in common::mingw_runtime_dlls() {
        std::fs::copy(&dll, dir.join(dll.file_name().unwrap())).unwrap();
    }
    let out = wine::command(&exe)
        .current_dir(&dir)
        .output()
        .expect("wine64 runs (ci/setup installs it)");
    // Each node's value times the count of its owners while visited (the
    // walk's own pointer and the previous node's `next`: 2, the head 2).
    let expected: i64 = (0..100).map(|v| v * 2).sum();
    assert_eq!(
        stdout_of(&out, "the driver under wine").trim(),
        expected.to_string()
    );
}
