//! Partition steps on other machines: Dask distributed (README, "Building on
//! a cluster").
//!
//! Each step of a partition the cache does not have becomes an action shaped
//! as a remote-execution action is (REAPI's): a command line, input files by
//! name, output files by name. The command is `mvimg compile-partition`
//! with the build's [`PartitionSpec`] as an input; a worker whose mvimg has
//! another [`crate::partition::fingerprint`] refuses it. A small Python driver
//! (`codegen/python/mvimg_dask.py`, shipped inside mvimg and written next to
//! the actions when a build runs) connects to the scheduler, sends the
//! inputs, runs each action as a Dask task in a scratch directory on a
//! worker, and brings the outputs back. Dask reruns a task whose worker
//! died on another worker. When no scheduler or no worker can be reached the
//! driver says so and the build compiles here instead.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde::Serialize;

use crate::partition::PartitionSpec;
use crate::progress::Reporter;
use crate::Error;

/// The driver, as it ships.
pub const DRIVER: &str = include_str!("../python/mvimg_dask.py");

/// The driver's exit status when it could not reach a scheduler or a worker.
const UNREACHABLE: i32 = 3;
/// The driver's exit status when Python cannot import Dask distributed.
const NO_DASK: i32 = 4;

/// Where partition steps run.
#[derive(Clone, Debug, Default)]
pub enum Executor {
    /// In this process, on the build's threads.
    #[default]
    Local,
    /// As Dask tasks on a cluster's workers.
    Dask(DaskOptions),
}

/// How to reach a Dask scheduler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scheduler {
    /// Its address (`tcp://10.0.0.5:8786`).
    Address(String),
    /// The file `dask scheduler --scheduler-file` wrote.
    File(PathBuf),
}

/// A distributed build's settings.
#[derive(Clone, Debug)]
pub struct DaskOptions {
    /// The scheduler.
    pub scheduler: Scheduler,
    /// The Python that runs the driver (it must import `distributed`).
    pub python: PathBuf,
    /// The mvimg command workers run (the same mvimg; an absolute path, or
    /// a name on the workers' PATH).
    pub worker_mvimg: PathBuf,
    /// How long to wait for the scheduler and for a first worker.
    pub connect_timeout: Duration,
    /// Whether the workers are trusted to compute what they are asked.
    /// Trusted, each action runs once and its result enters the object
    /// cache. Untrusted (the default), each action runs on two workers and
    /// their results must be the same bytes (a result no second worker
    /// confirmed, as on a cluster of one worker, is recompiled here and
    /// compared); a disagreement is settled by compiling here, and the build
    /// stops naming the worker that was wrong. Untrusted results are used
    /// for this build alone (not cached) unless verified here.
    pub trust_workers: bool,
    /// The share (0 to 1) of the workers' results recompiled here and
    /// compared byte for byte (the build is deterministic, so a difference
    /// proves a worker wrong and stops the build). Which results are chosen
    /// follows from their cache keys. Verified results may enter the cache.
    pub verify_fraction: f64,
    /// TLS for the connection to the scheduler (`tls://` addresses): the
    /// CA that signed the cluster's certificates and this client's
    /// certificate and key. `None` leaves it to Dask's own configuration
    /// (`distributed.comm.tls.*`, `DASK_DISTRIBUTED__COMM__TLS__*`).
    pub tls: Option<TlsFiles>,
}

/// The files of a TLS connection to a Dask cluster (PEM).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TlsFiles {
    /// The certificate authority both sides trust.
    pub ca: PathBuf,
    /// This side's certificate.
    pub cert: PathBuf,
    /// This side's private key.
    pub key: PathBuf,
}

impl DaskOptions {
    /// Whether the result of the step whose cache key is `key` is one the
    /// build recompiles here to check ([`DaskOptions::verify_fraction`]).
    pub fn verifies(&self, key: &crate::cache::CacheKey) -> bool {
        let position = u64::from_le_bytes(key.0[..8].try_into().expect("8 bytes"));
        self.verify_fraction >= 1.0 || (position as f64) < self.verify_fraction * u64::MAX as f64
    }
}

impl DaskOptions {
    /// Options for `scheduler`: Python from `MVIMG_PYTHON` (else `python3`),
    /// `mvimg` on the workers' PATH, 10 seconds to connect.
    pub fn new(scheduler: Scheduler) -> DaskOptions {
        DaskOptions {
            scheduler,
            python: std::env::var_os("MVIMG_PYTHON")
                .map_or_else(|| PathBuf::from("python3"), PathBuf::from),
            worker_mvimg: PathBuf::from("mvimg"),
            connect_timeout: Duration::from_secs(10),
            trust_workers: false,
            verify_fraction: 0.0,
            tls: None,
        }
    }
}

/// What the distributed part of a build did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RemoteReport {
    /// Steps run on workers.
    pub tasks: usize,
    /// Steps per worker address.
    pub workers: BTreeMap<String, usize>,
    /// Why the build compiled here instead, when it did.
    pub fell_back: Option<String>,
}

impl RemoteReport {
    pub(crate) fn absorb(&mut self, outcome: &Outcome) {
        self.tasks += outcome.results.len();
        for worker in &outcome.workers {
            *self.workers.entry(worker.clone()).or_default() += 1;
        }
    }
}

impl std::fmt::Display for RemoteReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(reason) = &self.fell_back {
            return write!(f, "compiled here: {reason}");
        }
        write!(f, "{} tasks on {} workers", self.tasks, self.workers.len())?;
        for (worker, n) in &self.workers {
            write!(f, "; {worker}: {n}")?;
        }
        Ok(())
    }
}

/// One step of one partition, as a remote action: the arguments after the
/// mvimg command, the input files and the output files (names in the
/// action's scratch directory).
#[derive(Clone, Debug)]
pub(crate) struct RemoteAction {
    args: Vec<String>,
    inputs: Vec<(&'static str, Vec<u8>)>,
    outputs: Vec<&'static str>,
}

/// The spec's file name in every action.
const SPEC: &str = "spec.json";

impl RemoteAction {
    /// `mvimg compile-partition optimize`.
    pub(crate) fn optimize(bitcode: &[u8]) -> RemoteAction {
        RemoteAction {
            args: [
                "compile-partition",
                "optimize",
                "--spec",
                SPEC,
                "input.bc",
                "--output",
                "output.bc",
                "--used",
                "used.json",
            ]
            .map(String::from)
            .to_vec(),
            inputs: vec![("input.bc", bitcode.to_vec())],
            outputs: vec!["output.bc", "used.json"],
        }
    }

    /// `mvimg compile-partition emit`.
    pub(crate) fn emit(bitcode: &[u8], restore: &[u8]) -> RemoteAction {
        RemoteAction {
            args: [
                "compile-partition",
                "emit",
                "--spec",
                SPEC,
                "input.bc",
                "--restore",
                "restore.json",
                "--output",
                "output.o",
            ]
            .map(String::from)
            .to_vec(),
            inputs: vec![
                ("input.bc", bitcode.to_vec()),
                ("restore.json", restore.to_vec()),
            ],
            outputs: vec!["output.o"],
        }
    }
}

/// What the actions produced.
pub(crate) struct Outcome {
    /// Each action's output files' bytes (in its `outputs` order) and what
    /// it took on its worker.
    pub results: Vec<(Vec<Vec<u8>>, Duration)>,
    /// The worker that ran each action.
    pub workers: Vec<String>,
    /// What a second worker said of each action.
    pub replicas: Vec<Replica>,
}

/// A second worker's answer to an action (untrusted workers: every action
/// runs on two).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Replica {
    /// No replica ran (trusted workers, or a cluster of one worker), or it
    /// ran on the same worker: nothing independent to compare.
    None,
    /// Another worker computed the same bytes.
    Agreed,
    /// Another worker (named) computed other bytes (its output files).
    Disagreed(String, Vec<Vec<u8>>),
}

#[derive(serde::Deserialize)]
struct DriverResult {
    id: usize,
    worker: String,
    seconds: f64,
    #[serde(default)]
    second: Option<String>,
    #[serde(default)]
    agree: Option<bool>,
}

/// 128 random bits as hex (the kernel's), or, where it cannot be read, a
/// hash of the process id, the time and the address space's layout.
fn build_id() -> String {
    use sha2::Digest;
    let mut bytes = [0u8; 16];
    let random = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes));
    if random.is_err() {
        let mut hasher = sha2::Sha256::new();
        hasher.update(std::process::id().to_le_bytes());
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        hasher.update(now.to_le_bytes());
        hasher.update((&bytes as *const _ as usize).to_le_bytes());
        bytes.copy_from_slice(&hasher.finalize()[..16]);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 (hex) of an action: its command line and its inputs, by
/// name. The driver checks that each result carries its action's digest.
fn action_digest(argv: &[String], inputs: &[(&str, Vec<u8>)]) -> String {
    let mut parts: Vec<&[u8]> = argv.iter().map(|a| a.as_bytes()).collect();
    for (name, bytes) in inputs {
        parts.push(name.as_bytes());
        parts.push(bytes);
    }
    crate::cache::CacheKey::of(&parts).hex()
}

fn io(action: String) -> impl FnOnce(std::io::Error) -> Error {
    move |source| Error::Io { action, source }
}

/// Runs `actions` (step `step`) on the cluster `options` names. `Ok(Err)`
/// when no scheduler or worker could be reached (the caller compiles here);
/// an error when an action failed or the driver could not run.
pub(crate) fn run(
    options: &DaskOptions,
    spec: &PartitionSpec,
    step: &'static str,
    actions: &[RemoteAction],
    reporter: &Reporter,
) -> Result<Result<Outcome, String>, Error> {
    // A private directory made for this step alone (mode 0700, never one
    // that existed), removed at the end, and by a later build if this one
    // is killed.
    let scratch = mvimg_link::Scratch::beside(&std::env::temp_dir().join("mvimg-dask"), "actions")
        .map_err(io(format!(
            "creating a scratch directory in {}",
            std::env::temp_dir().display()
        )))?;
    let dir = scratch.path();
    let write = |path: &Path, bytes: &[u8]| {
        std::fs::write(path, bytes).map_err(io(format!("writing {}", path.display())))
    };
    let driver = dir.join("mvimg_dask.py");
    write(&driver, DRIVER.as_bytes())?;
    let spec_path = dir.join(SPEC);
    write(
        &spec_path,
        &serde_json::to_vec(spec).expect("a spec serializes"),
    )?;
    // Task keys are unique to this build (Dask keeps the first task of a
    // key it already has and says nothing: two builds must never share
    // one), and each result must echo its action's digest.
    let build = build_id();
    let mut tasks = Vec::new();
    for (id, action) in actions.iter().enumerate() {
        let task_dir = dir.join(format!("task{id}"));
        std::fs::create_dir_all(&task_dir)
            .map_err(io(format!("creating {}", task_dir.display())))?;
        let mut inputs = BTreeMap::new();
        inputs.insert(SPEC.to_owned(), spec_path.clone());
        for (name, bytes) in &action.inputs {
            let path = task_dir.join(name);
            write(&path, bytes)?;
            inputs.insert((*name).to_owned(), path);
        }
        let mut argv = vec![options.worker_mvimg.to_string_lossy().into_owned()];
        argv.extend(action.args.iter().cloned());
        let digest = action_digest(&argv, &action.inputs);
        tasks.push(serde_json::json!({
            "id": id,
            "digest": digest,
            "argv": argv,
            "inputs": inputs,
            "outputs": action.outputs,
            "out_dir": task_dir.join("out"),
        }));
    }
    let scheduler = match &options.scheduler {
        Scheduler::Address(address) => serde_json::json!({ "address": address }),
        Scheduler::File(path) => serde_json::json!({ "file": path }),
    };
    let mut request = serde_json::json!({
        "scheduler": scheduler,
        "timeout": options.connect_timeout.as_secs_f64(),
        "step": step,
        "build": build,
        "tasks": tasks,
        // Untrusted workers: each action on two of them, compared.
        "replicas": if options.trust_workers { 1 } else { 2 },
    });
    if let Some(tls) = &options.tls {
        request["security"] = serde_json::json!({
            "ca": tls.ca,
            "cert": tls.cert,
            "key": tls.key,
        });
    }
    let request_path = dir.join("actions.json");
    write(
        &request_path,
        &serde_json::to_vec_pretty(&request).expect("json"),
    )?;
    let results_path = dir.join("results.json");
    let stderr_path = dir.join("driver.err");
    let stderr = std::fs::File::create(&stderr_path)
        .map_err(io(format!("creating {}", stderr_path.display())))?;
    let mut child = Command::new(&options.python)
        .arg(&driver)
        .arg(&request_path)
        .arg(&results_path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(stderr)
        .spawn()
        .map_err(|source| Error::Io {
            action: format!(
                "running {} for the distributed build (set MVIMG_PYTHON to a Python with \
                 Dask distributed: pip install 'dask[distributed]')",
                options.python.display()
            ),
            source,
        })?;
    // The driver prints `done ID` as each action finishes.
    let mut done = 0;
    reporter.report(step, 0, actions.len());
    if let Some(out) = child.stdout.take() {
        for line in std::io::BufReader::new(out).lines().map_while(Result::ok) {
            if line.starts_with("done ") {
                done += 1;
                reporter.report(step, done, actions.len());
            }
        }
    }
    let status = child
        .wait()
        .map_err(io("waiting for the Dask driver".into()))?;
    let all = std::fs::read_to_string(&stderr_path).unwrap_or_default();
    // The driver's own message is its last line (Dask's log lines, if
    // any, come before it).
    let said = all
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    match status.code() {
        Some(0) => {}
        Some(UNREACHABLE) => return Ok(Err(said.to_owned())),
        Some(NO_DASK) => {
            return Err(Error::Distributed {
                message: format!(
                    "{} cannot import Dask distributed ({said}): install it (pip install \
                     'dask[distributed]') or set MVIMG_PYTHON to a Python that has it",
                    options.python.display()
                ),
            })
        }
        _ => {
            return Err(Error::Distributed {
                message: if said.is_empty() {
                    format!("the Dask driver exited with {status}")
                } else {
                    said.to_owned()
                },
            })
        }
    }
    let results: Vec<DriverResult> = std::fs::read(&results_path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .ok_or_else(|| Error::Distributed {
            message: "the Dask driver succeeded but wrote no readable results".into(),
        })?;
    let mut outcome = Outcome {
        results: Vec::new(),
        workers: Vec::new(),
        replicas: Vec::new(),
    };
    let mut by_id: BTreeMap<usize, DriverResult> = results.into_iter().map(|r| (r.id, r)).collect();
    for (id, action) in actions.iter().enumerate() {
        let result = by_id.remove(&id).ok_or_else(|| Error::Distributed {
            message: format!("the Dask driver returned no result for action {id}"),
        })?;
        let out_dir = dir.join(format!("task{id}")).join("out");
        let read = |dir: &Path, worker: &str| -> Result<Vec<Vec<u8>>, Error> {
            let mut blobs = Vec::new();
            for name in &action.outputs {
                let path = dir.join(name);
                blobs.push(std::fs::read(&path).map_err(io(format!(
                    "reading {} that worker {worker} returned",
                    path.display(),
                )))?);
            }
            Ok(blobs)
        };
        let blobs = read(&out_dir, &result.worker)?;
        let replica = match (&result.second, result.agree) {
            (Some(second), _) if *second == result.worker => Replica::None,
            (Some(_), Some(true)) => Replica::Agreed,
            (Some(second), Some(false)) => {
                Replica::Disagreed(second.clone(), read(&out_dir.join("second"), second)?)
            }
            _ => Replica::None,
        };
        outcome
            .results
            .push((blobs, Duration::from_secs_f64(result.seconds.max(0.0))));
        outcome.workers.push(result.worker);
        outcome.replicas.push(replica);
    }
    Ok(Ok(outcome))
}

/// A Dask scheduler and workers on 127.0.0.1, each a process started here
/// (workers without a nanny, so each id is the worker's), killed by id when
/// dropped: for trying a distributed build on one machine, for tests and
/// for ci/bench. A real cluster starts its workers its own way (README,
/// "Building on a cluster").
#[cfg(feature = "test-support")]
#[derive(Debug)]
pub struct LocalCluster {
    dir: PathBuf,
    scheduler: std::process::Child,
    workers: Vec<std::process::Child>,
}

#[cfg(feature = "test-support")]
impl LocalCluster {
    /// Starts a scheduler and `workers` one-thread workers with `python`
    /// (which must import `distributed`), logs and the scheduler file in
    /// `dir`; returns once every worker has registered (a minute at most).
    pub fn start(python: &Path, dir: &Path, workers: usize) -> Result<LocalCluster, Error> {
        Self::start_with(python, dir, workers, None)
    }

    /// [`LocalCluster::start`] with TLS: the scheduler listens on `tls://`
    /// and every connection (workers', clients') must present a
    /// certificate `tls.ca` signed (the scheduler and workers use `tls`'s
    /// certificate and key).
    pub fn start_tls(
        python: &Path,
        dir: &Path,
        workers: usize,
        tls: &TlsFiles,
    ) -> Result<LocalCluster, Error> {
        Self::start_with(python, dir, workers, Some(tls))
    }

    fn start_with(
        python: &Path,
        dir: &Path,
        workers: usize,
        tls: Option<&TlsFiles>,
    ) -> Result<LocalCluster, Error> {
        let tls_args: Vec<String> = match tls {
            Some(t) => vec![
                "--tls-ca-file".into(),
                t.ca.display().to_string(),
                "--tls-cert".into(),
                t.cert.display().to_string(),
                "--tls-key".into(),
                t.key.display().to_string(),
            ],
            None => Vec::new(),
        };
        let tls_args: Vec<&str> = tls_args.iter().map(String::as_str).collect();
        let file = dir.join("scheduler.json");
        let _ = std::fs::remove_file(&file);
        let log = |name: &str| {
            let path = dir.join(name);
            std::fs::File::create(&path).map_err(io(format!("creating {}", path.display())))
        };
        let spawn = |args: &[&str], log: std::fs::File| {
            Command::new(python)
                .args(["-m", "dask"])
                .args(args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(log)
                .spawn()
                .map_err(io(format!(
                    "starting `{} -m dask {}`",
                    python.display(),
                    args[0]
                )))
        };
        let file_arg = file.to_string_lossy().into_owned();
        let mut scheduler_args = vec![
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--no-dashboard",
            "--scheduler-file",
            &file_arg,
        ];
        if tls.is_some() {
            scheduler_args.extend(["--protocol", "tls"]);
        }
        scheduler_args.extend(&tls_args);
        let scheduler = spawn(&scheduler_args, log("scheduler.log")?)?;
        let mut cluster = LocalCluster {
            dir: dir.to_owned(),
            scheduler,
            workers: Vec::new(),
        };
        cluster.wait_for(&file, "\"address\"", "the scheduler's address")?;
        for w in 0..workers {
            let name = format!("worker{w}.log");
            let worker_name = format!("w{w}");
            let mut worker_args = vec![
                "worker",
                "--scheduler-file",
                &file_arg,
                "--nthreads",
                "1",
                "--no-nanny",
                "--no-dashboard",
                "--host",
                "127.0.0.1",
                "--name",
                &worker_name,
            ];
            worker_args.extend(&tls_args);
            let worker = spawn(&worker_args, log(&name)?)?;
            cluster.workers.push(worker);
            cluster.wait_for(&dir.join(&name), "Registered to", "a worker's registration")?;
        }
        Ok(cluster)
    }

    /// The scheduler file (`--scheduler-file`).
    pub fn scheduler_file(&self) -> PathBuf {
        self.dir.join("scheduler.json")
    }

    /// The process ids of the workers, in start order.
    pub fn worker_ids(&self) -> Vec<u32> {
        self.workers.iter().map(std::process::Child::id).collect()
    }

    /// Kills the scheduler (SIGKILL) and reaps it.
    pub fn kill_scheduler(&mut self) -> std::io::Result<()> {
        self.scheduler.kill()?;
        self.scheduler.wait().map(|_| ())
    }

    /// Kills worker `i` (SIGKILL by its id) and reaps it.
    pub fn kill_worker(&mut self, i: usize) -> std::io::Result<()> {
        let worker = &mut self.workers[i];
        worker.kill()?;
        worker.wait().map(|_| ())
    }

    fn wait_for(&mut self, file: &Path, needle: &str, what: &str) -> Result<(), Error> {
        let start = std::time::Instant::now();
        while !std::fs::read_to_string(file).is_ok_and(|t| t.contains(needle)) {
            if start.elapsed() > Duration::from_secs(60)
                || self.scheduler.try_wait().ok().flatten().is_some()
            {
                return Err(Error::Distributed {
                    message: format!(
                        "the local Dask cluster did not start: no {what} in {}; its logs are in {}",
                        file.display(),
                        self.dir.display()
                    ),
                });
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(())
    }
}

#[cfg(feature = "test-support")]
impl Drop for LocalCluster {
    fn drop(&mut self) {
        for child in self.workers.iter_mut().chain([&mut self.scheduler]) {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
