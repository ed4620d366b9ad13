//! The aarch64 Linux library, linked in process, loaded and called by a C driver
//! built with aarch64-linux-gnu-gcc and run under qemu-aarch64 on several CPU models.

mod common;

use std::process::Command;

use common::{compile, run, scratch};
use mvimg_cpu::Platform;
use mvimg_link::LinkJob;

const LIBRARY: &str = "int mvimg_twice(int a) { return 2 * a; }\n";

const DRIVER: &str = r#"
#include <dlfcn.h>
#include <stdio.h>
int main(int argc, char **argv) {
    void *h = dlopen(argv[1], RTLD_NOW);
    if (!h) { fprintf(stderr, "%s\n", dlerror()); return 2; }
    int (*twice)(int) = (int (*)(int))dlsym(h, "mvimg_twice");
    if (!twice) { fprintf(stderr, "no symbol\n"); return 3; }
    printf("%d\n", twice(21));
    return 0;
}
"#;

#[test]
fn aarch64_library_runs_under_qemu() {
    let dir = scratch("run-aarch64");
    let object = compile(LIBRARY, "aarch64-unknown-linux-gnu", &dir, "lib");
    std::fs::write(dir.join("driver.c"), DRIVER).unwrap();
    let (driver, driver_c) = (dir.join("driver"), dir.join("driver.c"));
    run(
        "aarch64-linux-gnu-gcc",
        &[
            "-o",
            driver.to_str().unwrap(),
            driver_c.to_str().unwrap(),
            "-ldl",
        ],
    );
    let target: Platform = "aarch64-unknown-linux-gnu".parse().unwrap();
    let mut job = LinkJob::new(target, vec![object], dir.join("libimg.so"));
    job.exports = vec!["mvimg_twice".into()];
    let out = job.link().unwrap();
    for cpu in ["cortex-a53", "cortex-a72", "neoverse-n1", "a64fx", "max"] {
        let run = Command::new("qemu-aarch64")
            .args(["-L", "/usr/aarch64-linux-gnu", "-cpu", cpu])
            .arg(&driver)
            .arg(&out.output)
            .output()
            .expect("qemu-aarch64 runs (ci/setup installs qemu-user)");
        assert!(
            run.status.success(),
            "{cpu}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&run.stdout), "42\n", "{cpu}");
    }
}
