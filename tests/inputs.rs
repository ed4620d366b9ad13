//! How the input was produced: IR that an optimizing front end already
//! vectorized gets a warning naming its functions and the commands of the
//! README's "Producing IR"; IR produced by those commands gets none, and
//! builds images that compute what the ordinary build computes.

use std::path::Path;
use std::process::Command;

mod common;
use common::{mvimg, run_ok, s, scratch};

/// A loop LLVM vectorizes at -O2, and a driver that checks it.
const SAXPY: &str = r#"
void saxpy(float *restrict y, const float *restrict x, float a, int n) {
    for (int i = 0; i < n; i++) y[i] += a * x[i];
}
"#;

const RUST_SAXPY: &str = r#"
#[no_mangle]
pub extern "C" fn saxpy(y: *mut f32, x: *const f32, a: f32, n: i32) {
    let (y, x) = unsafe {
        (
            std::slice::from_raw_parts_mut(y, n as usize),
            std::slice::from_raw_parts(x, n as usize),
        )
    };
    for (yi, xi) in y.iter_mut().zip(x) {
        *yi += a * *xi;
    }
}
"#;

const DRIVER: &str = r#"
#include <stdio.h>
void saxpy(float *y, const float *x, float a, int n);
int main(void) {
    float x[1003], y[1003];
    for (int i = 0; i < 1003; i++) { x[i] = (float)i; y[i] = 1.0f; }
    saxpy(y, x, 0.5f, 1003);
    double sum = 0;
    for (int i = 0; i < 1003; i++) sum += y[i];
    printf("%.1f\n", sum);
    return 0;
}
"#;

/// Links `dir/driver.c` against `library` as `dir/driver-<name>` and runs
/// it (with `MVIMG_FORCE_TARGET=force` when given); its standard output.
fn run_driver(dir: &Path, library: &Path, name: &str, force: Option<&str>) -> String {
    let exe = dir.join(format!("driver-{name}"));
    run_ok(
        "gcc",
        &[
            "-o",
            s(&exe),
            s(&dir.join("driver.c")),
            s(library),
            &format!("-Wl,-rpath,{}", s(dir)),
        ],
    );
    let mut command = Command::new(&exe);
    if let Some(t) = force {
        command.env("MVIMG_FORCE_TARGET", t);
    }
    let out = command.output().unwrap();
    assert!(out.status.success(), "{name}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Builds `ir` with `generic;native` into `dir/lib<name>.so`, runs the
/// driver against it; returns mvimg's stderr.
fn build_and_run(dir: &Path, name: &str, ir: &Path) -> String {
    let image = dir.join(format!("lib{name}.so"));
    let out = mvimg(&["build", "-C", "generic;native", "-o", s(&image), s(ir)]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{name}: {stderr}");
    // sum of 1 + i/2 over 0..1003
    assert_eq!(run_driver(dir, &image, name, None), "252254.5\n", "{name}");
    stderr
}

#[test]
fn optimized_input_is_warned_about_and_the_readme_commands_are_not() {
    let dir = scratch("inputs");
    std::fs::write(dir.join("saxpy.c"), SAXPY).unwrap();
    std::fs::write(dir.join("saxpy.rs"), RUST_SAXPY).unwrap();
    std::fs::write(dir.join("driver.c"), DRIVER).unwrap();
    let c = s(&dir.join("saxpy.c")).to_owned();
    let rs = s(&dir.join("saxpy.rs")).to_owned();
    // What a user has: optimized bitcode.
    let cases: [(&str, &str, Vec<String>, bool); 4] = [
        (
            "clang-o2",
            "clang-22",
            vec!["-O2".into(), "-emit-llvm".into(), "-c".into(), c.clone()],
            true,
        ),
        (
            "rustc-o2",
            "rustc",
            vec![
                "--crate-type=cdylib".into(),
                "-C".into(),
                "opt-level=2".into(),
                "--emit=llvm-bc".into(),
                rs.clone(),
            ],
            true,
        ),
        // The README's commands ("Producing IR").
        (
            "clang-readme",
            "clang-22",
            vec![
                "-O2".into(),
                "-Xclang".into(),
                "-disable-llvm-passes".into(),
                "-emit-llvm".into(),
                "-c".into(),
                c.clone(),
            ],
            false,
        ),
        (
            "rustc-readme",
            "rustc",
            vec![
                "--crate-type=cdylib".into(),
                "-C".into(),
                "opt-level=2".into(),
                "-C".into(),
                "no-prepopulate-passes".into(),
                "--emit=llvm-bc".into(),
                rs.clone(),
            ],
            false,
        ),
    ];
    for (name, program, args, warned) in cases {
        let bc = dir.join(format!("{name}.bc"));
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args.extend(["-o", s(&bc)]);
        run_ok(program, &args);
        let stderr = build_and_run(&dir, name, &bc);
        let warning = stderr.contains("already vectorized");
        assert_eq!(warning, warned, "{name}: {stderr}");
        if warned {
            assert!(
                stderr
                    .contains("1 function of the input has loops LLVM already vectorized (saxpy)")
                    && stderr.contains("-disable-llvm-passes")
                    && stderr.contains("no-prepopulate-passes"),
                "{name}: {stderr}"
            );
        }
    }
}

/// Calls every kernel of examples/kernels/kernels.c on small integer data
/// (so every summation order gives the same exact result) and prints them.
const KERNELS_DRIVER: &str = r#"
#include <stdio.h>
#include <stddef.h>
void saxpy(float *restrict y, const float *restrict x, float a, size_t n);
float dot(const float *x, const float *y, size_t n);
void matmul(float *restrict c, const float *restrict a, const float *restrict b, size_t n);
void stencil(double *restrict out, const double *restrict in, size_t n);
unsigned checksum(const unsigned char *p, size_t n);
enum { N = 1001, M = 37 };
static float x[N], y[N], a[M * M], b[M * M], c[M * M];
static double in[N], out[N];
static unsigned char bytes[N];
int main(void) {
    for (int i = 0; i < N; i++) {
        x[i] = (float)(i % 13); y[i] = (float)(i % 7);
        in[i] = (double)(i % 11); bytes[i] = (unsigned char)(i * 7);
    }
    for (int i = 0; i < M * M; i++) { a[i] = (float)(i % 5); b[i] = (float)(i % 3); }
    saxpy(y, x, 2.0f, N);
    double s = 0;
    for (int i = 0; i < N; i++) s += y[i];
    matmul(c, a, b, M);
    double m = 0;
    for (int i = 0; i < M * M; i++) m += c[i];
    stencil(out, in, N);
    double t = 0;
    for (int i = 0; i < N; i++) t += out[i];
    printf("saxpy %.1f dot %.1f matmul %.1f stencil %.2f checksum %u\n", s, dot(x, y, N), m, t,
           checksum(bytes, N));
    return 0;
}
"#;

/// `--input optimized` on clang -O2 bitcode: the clones get the target
/// passes only, build faster, and compute on every kernel what the full
/// pipeline's image and the ordinary build compute, on every target this
/// host runs.
#[test]
fn optimized_input_builds_compute_what_full_builds_compute() {
    let dir = scratch("inputs-optimized");
    let kernels = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/kernels/kernels.c");
    std::fs::write(dir.join("driver.c"), KERNELS_DRIVER).unwrap();
    let bc = dir.join("kernels.bc");
    run_ok(
        "clang-22",
        &[
            "-O2",
            "-fPIC",
            "-emit-llvm",
            "-c",
            s(&kernels),
            "-o",
            s(&bc),
        ],
    );
    // The ordinary build.
    let ordinary = dir.join("libordinary.so");
    run_ok(
        "clang-22",
        &["-O2", "-fPIC", "-shared", s(&kernels), "-o", s(&ordinary)],
    );
    let run =
        |library: &Path, name: &str, force: Option<&str>| run_driver(&dir, library, name, force);
    let expected = run(&ordinary, "ordinary", None);
    assert!(expected.starts_with("saxpy "), "{expected}");
    let list = "generic;x86-64-v2;haswell;x86-64-v4";
    for input in ["unoptimized", "optimized"] {
        let image = dir.join(format!("lib{input}.so"));
        let out = mvimg(&[
            "build",
            "-C",
            list,
            "--input",
            input,
            "-o",
            s(&image),
            s(&bc),
        ]);
        assert!(out.status.success(), "{input}: {out:?}");
        // Every target this host can run.
        let mut ran = 0;
        for t in 0..4 {
            let target = mvimg_cpu_target(list, t);
            if !runs_here(&target) {
                continue;
            }
            let got = run(&image, &format!("{input}-{t}"), Some(&t.to_string()));
            assert_eq!(got, expected, "{input}, target {t}");
            ran += 1;
        }
        // generic and x86-64-v2 run on any machine CI has.
        assert!(ran >= 2, "{input}: {ran} targets ran");
        eprintln!("{input}: {ran} targets ran");
    }
}

/// Target `t` of `list`, resolved for x86_64.
fn mvimg_cpu_target(list: &str, t: usize) -> mvimg::cpu::ResolvedTarget {
    let list: mvimg::cpu::TargetList = list.parse().unwrap();
    list.resolve(mvimg::cpu::Arch::X86_64, None)
        .unwrap()
        .targets[t]
        .clone()
}

/// Whether this machine has every feature `target` needs.
fn runs_here(target: &mvimg::cpu::ResolvedTarget) -> bool {
    let host = mvimg::cpu::Host::detect().unwrap();
    mvimg::cpu::select::missing_features(target, &host).is_empty()
}
