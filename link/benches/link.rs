//! Link cost: the same objects linked into an x86_64 Linux shared library by
//! mvimg-link in process, by mvimg-link running the `ld.lld-22` executable with
//! the same arguments, and by `gcc -shared` (GNU ld). The three run interleaved,
//! round after round, so that machine noise falls on all alike; the table gives
//! each one's median and spread and its ratio to the in-process median.
//!
//! Environment: MVIMG_BENCH_ROUNDS (default 15), MVIMG_BENCH_OUT (also write
//! the markdown table to this file).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use mvimg_cpu::Platform;
use mvimg_link::{LinkJob, LinkMode};

/// A set of objects to link.
struct Workload {
    name: String,
    objects: Vec<PathBuf>,
    functions: usize,
    bytes: u64,
}

/// Generates `files` C files of `functions` functions each (a small loop and a
/// call to the previous function, so that there are relocations) and compiles
/// them with clang-22 -O1 -fPIC.
fn workload(dir: &Path, name: &str, files: usize, functions: usize) -> Workload {
    let dir = dir.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    let mut objects = Vec::new();
    let mut bytes = 0;
    for f in 0..files {
        let mut source = String::new();
        for i in 0..functions {
            let previous = if i == 0 {
                "0".to_owned()
            } else {
                format!("f{f}_{}(n - 1)", i - 1)
            };
            source.push_str(&format!(
                "long f{f}_{i}(long n) {{ long s = 0; for (long k = 0; k < n; k++) \
                 s += k * {i}; return s + {previous}; }}\n"
            ));
        }
        let src = dir.join(format!("o{f}.c"));
        let obj = dir.join(format!("o{f}.o"));
        std::fs::write(&src, source).unwrap();
        let ok = Command::new("clang-22")
            .args(["-c", "-O1", "-fPIC", "-o"])
            .arg(&obj)
            .arg(&src)
            .status()
            .expect("clang-22 runs")
            .success();
        assert!(ok, "clang-22 {}", src.display());
        bytes += std::fs::metadata(&obj).unwrap().len();
        objects.push(obj);
    }
    Workload {
        name: name.to_owned(),
        objects,
        functions: files * functions,
        bytes,
    }
}

/// One way of linking a workload into `output`.
#[derive(Clone, Copy, PartialEq)]
enum Linker {
    InProcess,
    LldExecutable,
    GccShared,
}

impl Linker {
    const ALL: [Linker; 3] = [Linker::InProcess, Linker::LldExecutable, Linker::GccShared];

    fn name(self) -> &'static str {
        match self {
            Linker::InProcess => "mvimg-link, LLD in process",
            Linker::LldExecutable => "mvimg-link, ld.lld-22 executable",
            Linker::GccShared => "gcc -shared (GNU ld)",
        }
    }

    fn link(self, work: &Workload, output: &Path) -> Duration {
        let start = Instant::now();
        match self {
            Linker::InProcess | Linker::LldExecutable => {
                let target: Platform = "x86_64-unknown-linux-gnu".parse().unwrap();
                let mut job = LinkJob::new(target, work.objects.clone(), output);
                if self == Linker::LldExecutable {
                    job.options.mode = LinkMode::Subprocess;
                }
                let out = job.link().unwrap();
                assert_eq!(out.lld.in_process, self == Linker::InProcess);
            }
            Linker::GccShared => {
                let ok = Command::new("gcc")
                    .args(["-shared", "-nostdlib", "-Wl,-z,relro,-z,now", "-o"])
                    .arg(output)
                    .args(&work.objects)
                    .status()
                    .expect("gcc runs")
                    .success();
                assert!(ok);
            }
        }
        start.elapsed()
    }
}

fn median_and_spread(mut times: Vec<Duration>) -> (f64, f64, f64) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    (
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
    )
}

fn main() {
    // `cargo test --benches` runs this with no `--bench`: nothing to measure.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let rounds: usize = std::env::var("MVIMG_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-link");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let workloads = [
        workload(&dir, "small", 1, 3),
        workload(&dir, "large", 40, 1000),
    ];
    let mut table = String::from(
        "| objects | linker | median ms | min–max ms | ratio to in-process |\n\
         |---|---|---:|---:|---:|\n",
    );
    for work in &workloads {
        // One warm-up link each (page cache, LLD's first-use initialisation).
        for linker in Linker::ALL {
            linker.link(work, &dir.join("warm.so"));
        }
        let mut times = vec![Vec::new(); Linker::ALL.len()];
        for _ in 0..rounds {
            for (i, linker) in Linker::ALL.iter().enumerate() {
                times[i].push(linker.link(work, &dir.join(format!("{}-{i}.so", work.name))));
            }
        }
        let summaries: Vec<_> = times.into_iter().map(median_and_spread).collect();
        let base = summaries[0].0;
        for (linker, (median, min, max)) in Linker::ALL.iter().zip(&summaries) {
            table.push_str(&format!(
                "| {} ({} objects, {} functions, {} KiB) | {} | {median:.2} | {min:.2}–{max:.2} | {:.2}x |\n",
                work.name,
                work.objects.len(),
                work.functions,
                work.bytes / 1024,
                linker.name(),
                median / base,
            ));
        }
    }
    println!("link benchmark, {rounds} interleaved rounds, --threads=1 for LLD\n\n{table}");
    if let Ok(path) = std::env::var("MVIMG_BENCH_OUT") {
        std::fs::write(path, &table).unwrap();
    }
}
