//! Distributed builds on Dask (README, "Building on a cluster"): a scheduler
//! and two workers on 127.0.0.1 ([`LocalCluster`]), started from the Python
//! ci/setup installs Dask distributed into (target/dask-venv, or
//! $MVIMG_PYTHON) and ended by their process ids.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mvimg::codegen::remote::LocalCluster;

mod common;
use common::{s, scratch, sqlite_bc};

const LIST: &str = "generic;haswell,clone_all";

/// The Python with Dask distributed. Missing, the test fails: CI installs it.
fn python() -> PathBuf {
    let python = std::env::var_os("MVIMG_PYTHON").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/dask-venv/bin/python"),
        PathBuf::from,
    );
    let ok = Command::new(&python)
        .args(["-c", "import distributed"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok,
        "{} cannot import Dask distributed: run ci/setup (it installs it into target/dask-venv)",
        python.display()
    );
    python
}

fn build_command(ir: &Path, out: &Path, extra: &[&str]) -> Command {
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let mut command = Command::new(env!("CARGO_BIN_EXE_mvimg"));
    command
        .args(["build", "-C", LIST, "--report", "-q"])
        .args(extra)
        .arg(ir)
        .arg("-o")
        .arg(out)
        .env("MVIMG_PYTHON", python())
        .env_remove("MVIMG_CACHE")
        .env_remove("MVIMG_CPU_TARGET");
    command
}

/// Runs the build; returns its stderr.
fn build(ir: &Path, out: &Path, extra: &[&str]) -> String {
    let output = build_command(ir, out, extra).output().expect("mvimg runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "mvimg build: {stderr}");
    stderr
}

/// The tasks per worker `--report` gives (`distributed: N tasks on W
/// workers; ADDRESS: n; ...`).
fn tasks_per_worker(stderr: &str) -> Vec<u64> {
    let line = stderr
        .lines()
        .find_map(|l| l.strip_prefix("distributed: "))
        .unwrap_or_else(|| panic!("no distributed report: {stderr}"));
    line.split("; ")
        .skip(1)
        .map(|part| part.rsplit(": ").next().unwrap().parse().unwrap())
        .collect()
}

fn same_bytes(a: &Path, b: &Path) {
    assert!(
        std::fs::read(a).unwrap() == std::fs::read(b).unwrap(),
        "{} and {} differ",
        a.display(),
        b.display()
    );
}

#[test]
fn sqlite_builds_on_two_workers_as_it_builds_here_even_when_one_dies() {
    let dir = scratch("dask-sqlite");
    let ir = sqlite_bc(&dir, "sqlite", |s| s);
    let local = dir.join("local/libsqlite.so");
    build(&ir, &local, &[]);

    let mut cluster = LocalCluster::start(&python(), &dir, 2).unwrap();
    let file = cluster.scheduler_file();
    let dask = ["--executor", "dask", "--scheduler-file", s(&file)];
    let distributed = dir.join("distributed/libsqlite.so");
    let said = build(&ir, &distributed, &dask);
    let per_worker = tasks_per_worker(&said);
    assert_eq!(per_worker.len(), 2, "{said}");
    assert!(per_worker.iter().all(|&n| n > 0), "{said}");
    same_bytes(&local, &distributed);

    // A worker killed while the build runs: Dask runs its tasks on the
    // other, and the image is the same.
    let survived = dir.join("survived/libsqlite.so");
    let mut child = build_command(&ir, &survived, &dask)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Once tasks are running (the split takes seconds): the task scratch
    // directories the driver's request names exist.
    let start = Instant::now();
    loop {
        let running = std::fs::read_dir(std::env::temp_dir())
            .unwrap()
            .flatten()
            .any(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with(&format!("mvimg-dask-{}-", child.id()))
            });
        if running {
            break;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build ended before any task ran"
        );
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no task started in 120 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_secs(2));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the build ended before the kill"
    );
    cluster.kill_worker(1).unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("distributed: "), "{stderr}");
    same_bytes(&local, &survived);
}

#[test]
fn without_a_reachable_scheduler_the_build_runs_here_and_says_so() {
    let dir = scratch("dask-unreachable");
    let ir = common::c_ir(&dir, "kernels", common::KERNELS, "x86_64-unknown-linux-gnu");
    let local = dir.join("local/libk.so");
    build(&ir, &local, &["--partitions", "4"]);
    // Nothing listens on the discard port of the loopback address.
    let here = dir.join("here/libk.so");
    let said = build(
        &ir,
        &here,
        &[
            "--partitions",
            "4",
            "--executor",
            "dask",
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
    );
    assert!(
        said.contains("warning: compiled here, not on the Dask cluster: cannot reach the Dask scheduler at tcp://127.0.0.1:9"),
        "{said}"
    );
    same_bytes(&local, &here);
    // A scheduler file that is not there: the same.
    let said = build(
        &ir,
        &here,
        &[
            "--partitions",
            "4",
            "--executor",
            "dask",
            "--scheduler-file",
            s(&dir.join("none.json")),
        ],
    );
    assert!(said.contains("no scheduler file at"), "{said}");
}

#[test]
fn a_worker_refuses_a_partition_from_another_mvimg() {
    let dir = scratch("dask-fingerprint");
    let spec = dir.join("spec.json");
    std::fs::write(
        &spec,
        r#"{"fingerprint":"mvimg 0.0.1 (sources 0000000000000000), LLVM 22.1.0","triple":"x86_64-unknown-linux-gnu","cpu":"x86-64","features":"","opt_level":2,"input":"unoptimized"}"#,
    )
    .unwrap();
    std::fs::write(dir.join("in.bc"), b"BC").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_mvimg"))
        .current_dir(&dir)
        .args([
            "compile-partition",
            "optimize",
            "--spec",
            "spec.json",
            "in.bc",
        ])
        .args(["--output", "out.bc", "--used", "used.json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("the build that sent the partition runs mvimg 0.0.1 (sources 0000000000000000), LLVM 22.1.0: install the same mvimg (and LLVM) on every worker"),
        "{stderr}"
    );
    assert!(!dir.join("out.bc").exists());
    // --executor dask needs a scheduler.
    let out = Command::new(env!("CARGO_BIN_EXE_mvimg"))
        .args(["build", "--executor", "dask", "x.ll", "-o", "x.so"])
        .current_dir(&dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--executor dask needs the scheduler"),
        "{stderr}"
    );
}
