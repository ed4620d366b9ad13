//! Distributed builds on Dask (README, "Building on a cluster"): a scheduler
//! and two workers on 127.0.0.1 ([`LocalCluster`]), started from the Python
//! ci/setup installs Dask distributed into (target/dask-venv, or
//! $MVIMG_PYTHON) and ended by their process ids.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use mvimg::codegen::remote::LocalCluster;

mod common;
use common::{plain2_of, s, scratch, small_library, sqlite_bc};

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

/// Waits until the build `child` sends actions to the cluster: its private
/// actions directory exists (two minutes at most, the build still running).
fn wait_for_actions(child: &mut std::process::Child) {
    let prefix = format!(".mvimg-dask.mvimg-actions-{}-", child.id());
    let start = Instant::now();
    while !std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().starts_with(&prefix))
    {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build ended before any task ran"
        );
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "no task started in 120 s"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
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
    // Once the build has sent its tasks (the split takes seconds), without
    // waiting longer: a wait would race the build's end.
    wait_for_actions(&mut child);
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

/// A `--worker-mvimg` wrapper that runs this mvimg, then, for the emit
/// step, does `then` to the object (`$OUT`); it leaves a marker file in
/// `dir` each time it changed one.
fn wrapper(dir: &Path, name: &str, then: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!(
            "#!/bin/sh\n\"{real}\" \"$@\" || exit $?\n\
             if [ \"$2\" = emit ]; then OUT=output.o; MARK=\"{mark}\"; {then}; fi\n",
            real = env!("CARGO_BIN_EXE_mvimg"),
            mark = dir.join(format!("{name}.changed")).display(),
        ),
    )
    .unwrap();
    common::run_ok("chmod", &["755", s(&path)]);
    path
}

/// Workers are untrusted by default: a worker's result is checked (an
/// object of the platform, bitcode), confirmed by a second worker or
/// recompiled here, and never enters the cache, so neither a worker
/// returning garbage nor one returning a valid object that computes
/// something else (an immediate changed: `x + 10` made `x + 11`) gets into
/// an image or poisons later builds: each stops the build, naming the
/// worker. Two builds whose drivers have the
/// same process id (each in its own PID namespace) on one scheduler get
/// their own images.
#[test]
fn lying_and_garbage_workers_poison_nothing_and_equal_pids_do_not_mix() {
    let dir = scratch("dask-adversary");
    let (bc, answer) = small_library(&dir, "small", 10);
    let cache = dir.join("cache");
    let cluster = LocalCluster::start(&python(), &dir, 1).unwrap();
    let file = cluster.scheduler_file();
    let parts = ["--partitions", "4", "--cache", s(&cache)];
    let on = |worker: &Path| -> Vec<String> {
        [
            "--executor",
            "dask",
            "--scheduler-file",
            s(&file),
            "--worker-mvimg",
            s(worker),
        ]
        .iter()
        .chain(parts.iter())
        .map(|a| a.to_string())
        .collect()
    };
    // `lea eax, [rdi + 10]` becomes `lea eax, [rdi + 11]`.
    let lying = wrapper(
        &dir,
        "lying.sh",
        "python3 -c 'import sys; p=sys.argv[1]; b=open(p,\"rb\").read(); c=b.replace(b\"\\x8d\\x47\\x0a\", b\"\\x8d\\x47\\x0b\"); open(p,\"wb\").write(c); sys.exit(0 if c == b else 7)' \"$OUT\" || touch \"$MARK\"",
    );
    let garbage = wrapper(
        &dir,
        "garbage.sh",
        "echo garbage > \"$OUT\"; touch \"$MARK\"",
    );

    // Garbage: the build stops, naming the worker; nothing is left.
    let out_path = dir.join("garbage/libsmall.so");
    let args = on(&garbage);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = build_command(&bc, &out_path, &args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "built from garbage");
    assert!(dir.join("garbage.sh.changed").exists(), "the wrapper ran");
    assert!(
        stderr.contains("worker tcp://") && stderr.contains("not what the step makes"),
        "{stderr}"
    );
    assert!(!out_path.exists());

    // A lie, verified: the build stops, naming the worker.
    let verified = dir.join("verified/libsmall.so");
    let mut args = on(&lying);
    args.extend(["--verify-remote".into(), "1".into()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = build_command(&bc, &verified, &args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(dir.join("lying.sh.changed").exists(), "the lie was told");
    assert!(!output.status.success(), "a verified lie was linked");
    assert!(
        stderr.contains("differs from the one compiled here"),
        "{stderr}"
    );
    assert!(!verified.exists());

    // A lie with the default settings on a cluster of one worker: no second
    // worker can confirm a result, so each is recompiled here and the lie
    // stops the build; then a local build from the same cache: the lie did
    // not enter the cache.
    let told = dir.join("told/libsmall.so");
    let args = on(&lying);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = build_command(&bc, &told, &args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "an unconfirmed lie was linked");
    assert!(
        stderr.contains("worker tcp://") && stderr.contains("differs from the one compiled here"),
        "{stderr}"
    );
    assert!(!told.exists());
    let local = dir.join("local/libsmall.so");
    build(&bc, &local, &parts);
    assert_eq!(plain2_of(&dir, &local), answer, "the cache was poisoned");

    // Two workers, one of which lies (the wrapper lies only under the
    // first worker's process): every action runs on both, the two disagree,
    // the build compiles the action here and stops naming the liar — never
    // a wrong image. The honest pair builds (tests above and
    // sqlite_builds_on_two_workers...).
    let pair_dir = dir.join("pair");
    std::fs::create_dir_all(&pair_dir).unwrap();
    let pair = LocalCluster::start(&python(), &pair_dir, 2).unwrap();
    let liar_pid = pair.worker_ids()[0];
    let one_liar = wrapper(
        &dir,
        "one-liar.sh",
        &format!(
            "if [ \"$PPID\" = {liar_pid} ]; then python3 -c 'import sys; p=sys.argv[1]; b=open(p,\"rb\").read(); c=b.replace(b\"\\x8d\\x47\\x0a\", b\"\\x8d\\x47\\x0b\"); open(p,\"wb\").write(c); sys.exit(0 if c == b else 7)' \"$OUT\" || touch \"$MARK\"; fi"
        ),
    );
    let pair_file = pair.scheduler_file();
    let caught = dir.join("caught/libsmall.so");
    let output = build_command(
        &bc,
        &caught,
        &[
            "--executor",
            "dask",
            "--scheduler-file",
            s(&pair_file),
            "--worker-mvimg",
            s(&one_liar),
            "--partitions",
            "4",
        ],
    )
    .output()
    .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(dir.join("one-liar.sh.changed").exists(), "the lie was told");
    assert!(!output.status.success(), "one worker's lie was linked");
    assert!(
        stderr.contains("worker tcp://") && stderr.contains("differs from the one compiled here"),
        "{stderr}"
    );
    assert!(!caught.exists());
    drop(pair);

    // Equal process ids on one scheduler: two builds at once, each in its
    // own PID namespace (so both drivers have the same PID), of libraries
    // that differ; each image computes its own.
    let (bc2, answer2) = small_library(&dir, "other", 20);
    let plain = |out: &Path, ir: &Path| {
        let mut command = Command::new("unshare");
        command
            .args(["--pid", "--fork", env!("CARGO_BIN_EXE_mvimg")])
            .args(["build", "-C", LIST, "-q", "--partitions", "4"])
            .args(["--executor", "dask", "--scheduler-file", s(&file)])
            .arg(ir)
            .arg("-o")
            .arg(out)
            .env("MVIMG_PYTHON", python())
            .env_remove("MVIMG_CACHE")
            .env_remove("MVIMG_CPU_TARGET");
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        command.stderr(Stdio::piped()).spawn().unwrap()
    };
    for round in 0..3 {
        let (a, b) = (
            dir.join(format!("pid{round}a/libsmall.so")),
            dir.join(format!("pid{round}b/libsmall.so")),
        );
        let (ca, cb) = (plain(&a, &bc), plain(&b, &bc2));
        for child in [ca, cb] {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "unshare --pid --fork mvimg build (root, as in CI): {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_eq!(plain2_of(&dir, &a), answer, "round {round}: a");
        assert_eq!(plain2_of(&dir, &b), answer2, "round {round}: b");
    }
}

/// The scheduler killed while a build's tasks run: the build compiles the
/// rest here and says so in one line (no Python traceback); the image is
/// the local build's, byte for byte. A dead scheduler address falls back
/// once per build, not once per step (one connection timeout, not two).
#[test]
fn a_scheduler_lost_mid_build_leaves_one_line_and_the_local_image() {
    let dir = scratch("dask-lost-scheduler");
    let ir = dir.join("synth.ll");
    std::fs::write(
        &ir,
        mvimg::codegen::synth::module(2000, "x86_64-unknown-linux-gnu"),
    )
    .unwrap();
    let local = dir.join("local/libsynth.so");
    let started = Instant::now();
    build(&ir, &local, &["--partitions", "16"]);
    let local_time = started.elapsed();

    let mut cluster = LocalCluster::start(&python(), &dir, 1).unwrap();
    let file = cluster.scheduler_file();
    let lost = dir.join("lost/libsynth.so");
    let mut child = build_command(
        &ir,
        &lost,
        &[
            "--partitions",
            "16",
            "--executor",
            "dask",
            "--scheduler-file",
            s(&file),
        ],
    )
    .stdout(Stdio::null())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    wait_for_actions(&mut child);
    cluster.kill_scheduler().unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("Traceback"), "{stderr}");
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning: compiled here"))
        .collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    same_bytes(&local, &lost);

    // Nothing listens on the scheduler's port now: one wait, not one per
    // step (two steps: optimize and emit).
    let dead = dir.join("dead/libsynth.so");
    let started = Instant::now();
    let said = build(
        &ir,
        &dead,
        &[
            "--partitions",
            "16",
            "--executor",
            "dask",
            "--scheduler",
            "tcp://127.0.0.1:9",
        ],
    );
    // One 10 s wait over the local build's time; a wait per step (two)
    // would add 20 s.
    assert!(
        started.elapsed() < local_time + Duration::from_secs(16),
        "{:?} against {local_time:?} here: {said}",
        started.elapsed()
    );
    assert_eq!(said.matches("warning: compiled here").count(), 1, "{said}");
    same_bytes(&local, &dead);
}

/// A certificate authority and one certificate for 127.0.0.1 signed by it
/// (openssl, as ci/setup installs it), in `dir`.
fn certificates(dir: &Path) -> mvimg::codegen::remote::TlsFiles {
    let (ca_key, ca) = (dir.join("ca.key"), dir.join("ca.pem"));
    let (key, csr, cert) = (
        dir.join("node.key"),
        dir.join("node.csr"),
        dir.join("node.pem"),
    );
    let ext = dir.join("ext.cnf");
    std::fs::write(&ext, "subjectAltName=IP:127.0.0.1,DNS:localhost\n").unwrap();
    let openssl = |args: &[&str]| common::run_ok("openssl", args);
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=mvimg test CA",
        "-keyout",
        s(&ca_key),
        "-out",
        s(&ca),
    ]);
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-keyout",
        s(&key),
        "-out",
        s(&csr),
    ]);
    openssl(&[
        "x509",
        "-req",
        "-in",
        s(&csr),
        "-CA",
        s(&ca),
        "-CAkey",
        s(&ca_key),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        s(&ext),
        "-out",
        s(&cert),
    ]);
    mvimg::codegen::remote::TlsFiles { ca, cert, key }
}

/// A build on a TLS cluster (scheduler on `tls://`, certificates made here):
/// with the CA, certificate and key it builds there, byte for byte the
/// local image; without them it cannot connect and compiles here, saying so.
#[test]
fn a_build_on_a_tls_cluster() {
    let dir = scratch("dask-tls");
    let (ir, answer) = small_library(&dir, "small", 10);
    let local = dir.join("local/libsmall.so");
    build(&ir, &local, &["--partitions", "4"]);
    let tls = certificates(&dir);
    let cluster = LocalCluster::start_tls(&python(), &dir, 1, &tls).unwrap();
    let file = cluster.scheduler_file();
    let address = std::fs::read_to_string(&file).unwrap();
    assert!(address.contains("tls://127.0.0.1"), "{address}");
    let remote = dir.join("tls/libsmall.so");
    let on_cluster = [
        "--partitions",
        "4",
        "--executor",
        "dask",
        "--scheduler-file",
        s(&file),
    ];
    let mut with_certificates = on_cluster.to_vec();
    with_certificates.extend([
        "--tls-ca",
        s(&tls.ca),
        "--tls-cert",
        s(&tls.cert),
        "--tls-key",
        s(&tls.key),
    ]);
    let said = build(&ir, &remote, &with_certificates);
    assert!(said.contains("distributed: "), "{said}");
    assert!(!said.contains("compiled here"), "{said}");
    same_bytes(&local, &remote);
    assert_eq!(plain2_of(&dir, &remote), answer);
    // No certificate: the scheduler refuses the connection.
    let plain = dir.join("plain/libsmall.so");
    let said = build(&ir, &plain, &on_cluster);
    assert!(said.contains("warning: compiled here"), "{said}");
    same_bytes(&local, &plain);
}
