//! What the parts share: the working directory, the fetched sources, running
//! and timing commands, and statistics.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};

/// The run's settings and directories.
pub struct Ctx {
    /// The repository.
    pub root: PathBuf,
    /// Scratch space for this run (emptied at the start).
    pub dir: PathBuf,
    /// The report file.
    pub out: PathBuf,
    /// A smoke run (`MVIMG_BENCH_ROUNDS=quick`): two rounds per part.
    pub quick: bool,
}

impl Ctx {
    /// Reads the environment and prepares the scratch directory.
    pub fn new() -> Result<Ctx> {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join("target").join("bench").join("work");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        let out = std::env::var_os("MVIMG_BENCH_OUT")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target").join("bench").join("suite.md"));
        let quick = std::env::var("MVIMG_BENCH_ROUNDS").is_ok_and(|v| v == "quick");
        Ok(Ctx {
            root,
            dir,
            out,
            quick,
        })
    }

    /// `full` rounds, or 2 in a quick run.
    pub fn rounds(&self, full: usize) -> usize {
        if self.quick {
            2
        } else {
            full
        }
    }

    /// A fresh subdirectory of the scratch space.
    pub fn subdir(&self, name: &str) -> Result<PathBuf> {
        let dir = self.dir.join(name);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(dir)
    }

    /// A file of the suite's C sources (benches/suite/c).
    pub fn c_source(&self, name: &str) -> PathBuf {
        self.root.join("benches").join("suite").join("c").join(name)
    }

    /// Compiles the suite's C driver `sources` (files of benches/suite/c)
    /// with `clang-22 -O2` into `out`, with the further arguments `extra`.
    pub fn driver(&self, out: &Path, sources: &[&str], extra: &[String]) -> Result<()> {
        let mut command = Command::new("clang-22");
        command.args(["-O2", "-o"]).arg(out);
        for source in sources {
            command.arg(self.c_source(source));
        }
        output(command.args(extra))?;
        Ok(())
    }

    /// The unpacked source directory of the fetched crate `name`.
    pub fn crate_source(&self, name: &str) -> Result<PathBuf> {
        let Some(vendor) = std::env::var_os("MVIMG_BENCH_SOURCES") else {
            bail!(
                "MVIMG_BENCH_SOURCES is not set: run ci/bench, which fetches the C sources \
                 with `cargo vendor --manifest-path benches/sources/Cargo.toml DIR`"
            );
        };
        let dir = Path::new(&vendor).join(name);
        if !dir.is_dir() {
            bail!(
                "{} is missing: MVIMG_BENCH_SOURCES must be the directory cargo vendor wrote",
                dir.display()
            );
        }
        Ok(dir)
    }

    /// SQLite's amalgamation (libsqlite3-sys's bundled copy) as LLVM bitcode,
    /// compiled once per run by clang-22 -O1 (mvimg and clang then optimize it
    /// at -O2).
    pub fn sqlite_bitcode(&self) -> Result<PathBuf> {
        let out = self.dir.join("sqlite3.bc");
        if !out.exists() {
            let source = self
                .crate_source("libsqlite3-sys")?
                .join("sqlite3")
                .join("sqlite3.c");
            output(
                Command::new("clang-22")
                    .args(["-O1", "-fPIC", "-emit-llvm", "-c", "-DSQLITE_THREADSAFE=0"])
                    .arg("-o")
                    .arg(&out)
                    .arg(&source),
            )?;
        }
        Ok(out)
    }

    /// zstd's compression and decompression library (zstd-sys's bundled
    /// copy, assembly and runtime BMI2 dispatch off) as one LLVM bitcode
    /// module.
    pub fn zstd_bitcode(&self) -> Result<PathBuf> {
        let out = self.dir.join("zstd.bc");
        if !out.exists() {
            let lib = self.crate_source("zstd-sys")?.join("zstd").join("lib");
            let parts = self.subdir("zstd-parts")?;
            let mut objects = Vec::new();
            for sub in ["common", "compress", "decompress"] {
                let mut files: Vec<PathBuf> = std::fs::read_dir(lib.join(sub))?
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.extension().is_some_and(|x| x == "c"))
                    .collect();
                files.sort();
                for file in files {
                    let bc = parts.join(format!(
                        "{sub}-{}.bc",
                        file.file_stem().unwrap_or_default().to_string_lossy()
                    ));
                    output(
                        Command::new("clang-22")
                            .args(["-O1", "-fPIC", "-emit-llvm", "-c"])
                            .args([
                                "-DZSTD_DISABLE_ASM",
                                "-DDYNAMIC_BMI2=0",
                                "-DZSTD_MULTITHREAD=0",
                            ])
                            .arg(format!("-I{}", lib.display()))
                            .arg(format!("-I{}", lib.join("common").display()))
                            .arg("-o")
                            .arg(&bc)
                            .arg(&file),
                    )?;
                    objects.push(bc);
                }
            }
            output(
                Command::new("llvm-link-22")
                    .arg("-o")
                    .arg(&out)
                    .args(&objects),
            )?;
        }
        Ok(out)
    }
}

/// Runs `command`; its standard output, or an error with its standard error.
pub fn output(command: &mut Command) -> Result<String> {
    let shown = format!("{command:?}");
    let output = command
        .output()
        .with_context(|| format!("starting {shown} (ci/setup installs the tools)"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(20).collect();
        bail!(
            "{shown} failed ({}):\n{}",
            output.status,
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        );
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Wall time and peak resident memory of one run of `command`.
pub struct Cost {
    /// Seconds.
    pub seconds: f64,
    /// The child's peak resident set, KiB.
    pub peak_kib: u64,
}

/// Runs `command` and measures it (wait4's rusage of that child alone).
pub fn measure(command: &mut Command) -> Result<Cost> {
    let shown = format!("{command:?}");
    let start = Instant::now();
    let child = command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .with_context(|| format!("starting {shown}"))?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not yet waited for; the pointers are valid.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let seconds = start.elapsed().as_secs_f64();
    if waited != pid {
        bail!("waiting for {shown}: {}", std::io::Error::last_os_error());
    }
    if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        let mut stderr = String::new();
        if let Some(mut pipe) = child.stderr {
            use std::io::Read;
            let _ = pipe.read_to_string(&mut stderr);
        }
        bail!("{shown} failed (wait status {status}):\n{stderr}");
    }
    Ok(Cost {
        seconds,
        peak_kib: usage.ru_maxrss as u64,
    })
}

/// Median and range of samples.
#[derive(Clone, Copy)]
pub struct Stats {
    /// The median.
    pub median: f64,
    /// The smallest sample.
    pub min: f64,
    /// The largest sample.
    pub max: f64,
}

impl Stats {
    /// Of `samples` (at least one).
    pub fn of(samples: &[f64]) -> Stats {
        let mut s = samples.to_vec();
        s.sort_by(f64::total_cmp);
        let n = s.len();
        let median = if n % 2 == 1 {
            s[n / 2]
        } else {
            (s[n / 2 - 1] + s[n / 2]) / 2.0
        };
        Stats {
            median,
            min: s[0],
            max: s[n - 1],
        }
    }

    /// "median (min–max)" with `digits` decimals.
    pub fn show(&self, digits: usize) -> String {
        format!(
            "{:.d$} ({:.d$}–{:.d$})",
            self.median,
            self.min,
            self.max,
            d = digits
        )
    }
}

/// The ratio of medians `a / b`, and its range over the per-round ratios
/// (samples paired by round).
pub fn paired_ratio(a: &[f64], b: &[f64]) -> Stats {
    let ratios: Vec<f64> = a.iter().zip(b).map(|(x, y)| x / y).collect();
    Stats::of(&ratios)
}
