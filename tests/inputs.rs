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

/// Builds `ir` with `generic;native` into `dir/lib<name>.so`, runs the
/// driver against it; returns mvimg's stderr.
fn build_and_run(dir: &Path, name: &str, ir: &Path) -> String {
    let image = dir.join(format!("lib{name}.so"));
    let out = mvimg(&["build", "-C", "generic;native", "-o", s(&image), s(ir)]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{name}: {stderr}");
    let exe = dir.join(format!("driver-{name}"));
    run_ok(
        "gcc",
        &[
            "-o",
            s(&exe),
            s(&dir.join("driver.c")),
            s(&image),
            &format!("-Wl,-rpath,{}", s(dir)),
        ],
    );
    let run = Command::new(&exe).output().unwrap();
    assert!(run.status.success());
    // sum of 1 + i/2 over 0..1003
    assert_eq!(String::from_utf8_lossy(&run.stdout), "252254.5\n", "{name}");
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
