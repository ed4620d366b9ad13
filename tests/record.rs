//! The build record and refusal before load: `native` recorded as the build
//! host's CPU so that the image's own init, the Rust loader, `explain` and
//! `check` all select over the stored features; caller keys read back by C
//! hosts (`mvimg_image_record`); images refused (no runnable target, a key
//! that differs, a lower opt level) before any of their code runs, proved by
//! a constructor that writes a marker file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use mvimg::cpu::image::Refusal;
use mvimg::cpu::{Arch, Host, Image, LoadError, OpenOptions};

mod common;
use common::{all_output as text, mvimg, mvimg_fails, mvimg_ok, run_ok, s, scratch};

/// A kernel worth cloning, and a constructor that leaves a marker file when
/// the image's code runs (MARKER is set when compiling).
const SOURCE: &str = r#"
#include <stdio.h>
void saxpy(float *restrict y, const float *restrict x, float a, int n) {
    for (int i = 0; i < n; i++) y[i] += a * x[i];
}
int probe(void) { return 7; }
#ifdef MARKER
__attribute__((constructor)) static void mark(void) {
    FILE *f = fopen(MARKER, "w");
    if (f) fclose(f);
}
#endif
"#;

/// Prints what the image's init selected and some record values.
const DRIVER: &str = r#"
#include <dlfcn.h>
#include <stdio.h>
int main(int argc, char **argv) {
    void *h = dlopen(argv[1], RTLD_NOW);
    if (!h) { printf("load failed: %s\n", dlerror()); return 1; }
    int (*selected)(void) = (int (*)(void))dlsym(h, "mvimg_selected_target");
    const char *(*record)(const char *) = (const char *(*)(const char *))dlsym(h, "mvimg_image_record");
    const char *bounds = record("check-bounds"), *opt = record("mvimg.opt-level");
    const char *none = record("no-such-key");
    printf("selected %d check-bounds %s opt %s none %s\n", selected(), bounds ? bounds : "-",
           opt ? opt : "-", none ? none : "-");
    return 0;
}
"#;

/// `mvimg` under `qemu-x86_64 -cpu cpu`.
fn mvimg_on(cpu: &str, args: &[&str]) -> Output {
    Command::new("qemu-x86_64")
        .args(["-cpu", cpu, env!("CARGO_BIN_EXE_mvimg")])
        .args(args)
        .output()
        .expect("qemu-x86_64 runs (ci/setup installs qemu-user)")
}

/// IR of SOURCE (with `defines`) for x86_64 Linux at `dir/name.ll`.
fn ir(dir: &Path, name: &str, defines: &[String]) -> PathBuf {
    let c = dir.join(format!("{name}.c"));
    std::fs::write(&c, SOURCE).unwrap();
    let ll = dir.join(format!("{name}.ll"));
    let mut args = vec![
        "-O1".to_owned(),
        "-S".into(),
        "-emit-llvm".into(),
        "-fPIC".into(),
        "--target=x86_64-unknown-linux-gnu".into(),
    ];
    args.extend_from_slice(defines);
    args.extend(["-o".into(), s(&ll).into(), s(&c).into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    run_ok("clang-22", &args);
    ll
}

fn host(cpu: &str) -> Host {
    Host::from_cpu(Arch::X86_64.database().cpu(cpu).unwrap())
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn native_is_recorded_and_every_selector_agrees() {
    // As a child process described as a Nehalem (MVIMG_HOST_CPU, which the
    // image's init reads): the init and the Rust loader both take target 0.
    if let Some(path) = common::child_case() {
        let loaded = Image::open(&path, &OpenOptions::from_env()).unwrap();
        assert_eq!(loaded.selection().index, 0);
        assert_eq!(loaded.own_selection(), Some(0));
        return;
    }
    let dir = scratch("record-native");
    let ll = ir(&dir, "k", &[]);
    let image = dir.join("libnative.so");
    mvimg_ok(&[
        "build",
        "-C",
        "generic;native",
        "--record",
        "check-bounds=yes",
        "-o",
        s(&image),
        s(&ll),
    ]);
    // The word `native` is not stored: the build host's CPU and features are.
    let inspect = mvimg(&["inspect", "--json", s(&image)]);
    let doc: serde_json::Value = serde_json::from_slice(&inspect.stdout).unwrap();
    let list = doc["list"].as_str().unwrap();
    assert!(
        list.starts_with("generic;") && !list.contains("native"),
        "{list}"
    );
    // LLVM's name for this CPU (its baseline when LLVM cannot name it).
    let llvm_host = match mvimg::codegen::llvm_host_cpu_name().as_str() {
        "generic" => "x86-64".to_owned(),
        name => name.to_owned(),
    };
    assert_eq!(doc["targets"][1]["llvm_cpu"], llvm_host.as_str(), "{doc}");
    assert_eq!(doc["record"]["check-bounds"], "yes");
    assert_eq!(doc["record"]["mvimg.opt-level"], "2");
    assert_eq!(
        doc["record"]["mvimg.version"],
        env!("CARGO_PKG_VERSION"),
        "{doc}"
    );

    std::fs::write(dir.join("driver.c"), DRIVER).unwrap();
    let driver = dir.join("driver");
    run_ok("gcc", &["-o", s(&driver), s(&dir.join("driver.c")), "-ldl"]);
    // Under qemu's Nehalem nothing but the baseline can run: the init, the
    // explain and check of that machine, and the Rust loader for it, all 0.
    let init = Command::new("qemu-x86_64")
        .args(["-cpu", "Nehalem"])
        .arg(&driver)
        .arg(&image)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&init.stdout),
        "selected 0 check-bounds yes opt 2 none -\n"
    );
    let explain = mvimg_on("Nehalem", &["explain", "--json", s(&image)]);
    let doc: serde_json::Value = serde_json::from_slice(&explain.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", text(&explain)));
    assert_eq!(doc["selected"]["index"], 0, "{doc}");
    let check = mvimg_on("Nehalem", &["check", "--json", s(&image)]);
    let doc: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(doc["selected"], 0, "{doc}");
    common::run_as_child(
        "native_is_recorded_and_every_selector_agrees",
        s(&dir.join("libnative.so")),
        &[("MVIMG_HOST_CPU", "nehalem")],
    );
    // On the build host itself, the native target, everywhere.
    let native = Command::new(&driver).arg(&image).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&native.stdout),
        "selected 1 check-bounds yes opt 2 none -\n"
    );
    let explain = mvimg(&["explain", "--json", s(&image)]);
    let doc: serde_json::Value = serde_json::from_slice(&explain.stdout).unwrap();
    assert_eq!(doc["selected"]["index"], 1, "{doc}");
    let copy = dir.join("libnative-here.so");
    std::fs::copy(&image, &copy).unwrap();
    let loaded = Image::open(&copy, &OpenOptions::default()).unwrap();
    assert_eq!(loaded.selection().index, 1);
    assert_eq!(loaded.own_selection(), Some(1));
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn refused_images_run_none_of_their_code() {
    let dir = scratch("record-refused");
    let marker = dir.join("constructor-ran");
    let ll = ir(&dir, "k", &[format!("-DMARKER=\"{}\"", s(&marker))]);
    let image = dir.join("libstrict.so");
    mvimg_ok(&[
        "build",
        "-C",
        "haswell;skylake-avx512",
        "--record",
        "check-bounds=yes",
        "-O",
        "2",
        "-o",
        s(&image),
        s(&ll),
    ]);
    assert!(!marker.exists());
    let refused = |options: &OpenOptions, name: &str| -> Vec<Refusal> {
        let copy = dir.join(format!("lib{name}.so"));
        std::fs::copy(&image, &copy).unwrap();
        let result = Image::open(&copy, options);
        assert!(!marker.exists(), "{name}: the image's constructor ran");
        match result {
            Err(LoadError::Refused { reasons, .. }) => reasons,
            other => panic!("{name}: {other:?}"),
        }
    };
    // (a) No target a Nehalem can run.
    let reasons = refused(&OpenOptions::default().host(host("nehalem")), "nehalem");
    match &reasons[..] {
        [Refusal::NoRunnableTarget(e)] => {
            assert_eq!(e.targets.len(), 2);
            assert!(e.targets[0].missing.contains(&"avx2".to_owned()), "{e}");
            assert!(e.targets[1].missing.contains(&"avx512f".to_owned()), "{e}");
        }
        other => panic!("{other:?}"),
    }
    // (b) A key that differs, a key that is missing, a lower opt level:
    // every reason at once.
    let options = OpenOptions::default()
        .host(host("haswell"))
        .require("check-bounds", "no")
        .require("inline", "yes")
        .min_opt_level(mvimg::cpu::OptLevel::O3);
    let reasons = refused(&options, "keys");
    assert_eq!(
        reasons,
        [
            Refusal::Record {
                key: "check-bounds".into(),
                required: "no".into(),
                found: Some("yes".into()),
            },
            Refusal::Record {
                key: "inline".into(),
                required: "yes".into(),
                found: None,
            },
            Refusal::OptLevel {
                required: mvimg::cpu::OptLevel::O3,
                found: Some("2".into()),
            },
        ]
    );
    let message = LoadError::Refused {
        path: image.clone(),
        reasons,
    }
    .to_string();
    assert!(
        message.contains("built with check-bounds=yes; check-bounds=no is required")
            && message.contains("at least -O3"),
        "{message}"
    );

    // `mvimg check`: the same decisions, exit status 1, nothing loaded.
    let check = |args: &[&str]| {
        let mut all = vec!["check", s(&image)];
        all.extend_from_slice(args);
        mvimg(&all)
    };
    let out = check(&["--host-cpu", "nehalem"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("avx2") && text(&out).contains("refused"),
        "{}",
        text(&out)
    );
    let out = check(&["--host-cpu", "haswell", "--require", "check-bounds=no"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("check-bounds=no is required"),
        "{}",
        text(&out)
    );
    let out = check(&["--host-cpu", "haswell", "--min-opt", "3", "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["loadable"], false);
    assert_eq!(doc["reasons"][0]["refusal"], "opt_level");
    let out = mvimg_on("Nehalem", &["check", s(&image)]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    // A higher opt level than required is accepted, as Julia accepts it.
    let out = check(&[
        "--host-cpu",
        "skylake-avx512",
        "--require",
        "check-bounds=yes",
        "--min-opt",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(text(&out).contains("selects target 1"), "{}", text(&out));
    assert!(!marker.exists(), "mvimg check ran the image's code");

    // Accepted, it loads, and then its constructor runs: the marker works.
    let loaded = Image::open(
        &image,
        &OpenOptions::default()
            .host(host("haswell"))
            .require("check-bounds", "yes")
            .min_opt_level(mvimg::cpu::OptLevel::O2),
    )
    .unwrap();
    assert_eq!(loaded.selection().index, 0);
    assert!(marker.exists(), "the constructor of a loaded image runs");
}

#[test]
fn bad_record_keys_are_refused_at_build() {
    let dir = scratch("record-keys");
    let ll = ir(&dir, "k", &[]);
    let out_path = dir.join("libk.so");
    for (record, expected) in [
        ("mvimg.version=9", "reserved"),
        ("bad key=1", "is not a key"),
        ("novalue", "is not KEY=VALUE"),
    ] {
        mvimg_fails(
            &["build", "--record", record, "-o", s(&out_path), s(&ll)],
            expected,
            &out_path,
        );
    }
    let out = mvimg(&[
        "build",
        "--record",
        "a=1",
        "--record",
        "a=2",
        "-o",
        s(&out_path),
        s(&ll),
    ]);
    assert!(text(&out).contains("given twice"), "{}", text(&out));
}
