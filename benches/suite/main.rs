//! mvimg's performance suite (`ci/bench`): load-time dispatch, call overhead,
//! kernel speed, build cost, and incremental and distributed builds, each
//! measured against what a user would pick instead, side by side in one run,
//! and whole programs against their ordinary build; the link benchmark is mvimg-link's own
//! (`link/benches/link.rs`). Writes a markdown report.
//!
//! `cargo bench --bench suite -- [dispatch] [calls] [kernels] [build]
//! [incremental] [programs]` (all six without names). Environment: `MVIMG_BENCH_SOURCES` (the directory of
//! `cargo vendor --manifest-path benches/sources/Cargo.toml`; required by
//! kernels and build), `MVIMG_BENCH_OUT` (the report file; default
//! target/bench/suite.md), `MVIMG_BENCH_DISPATCH_SIZES` (default
//! `1000,10000,100000`), `MVIMG_BENCH_ROUNDS` (scales every part's rounds:
//! `quick` for a smoke run), `MVIMG_PYTHON` (a Python with Dask
//! distributed, for incremental).

mod build_cost;
mod calls;
mod common;
mod dispatch;
mod incremental;
mod kernels;
mod programs;

use anyhow::{bail, Result};

use common::Ctx;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // A child of the dispatch benchmark: time mvimg's Rust loader.
    if let [flag, path] = args.as_slice() {
        if flag == "--load-rust" {
            return dispatch::load_rust(path);
        }
    }
    // `cargo test --benches` runs this without `--bench`: nothing to measure.
    if !args.iter().any(|a| a == "--bench") {
        return Ok(());
    }
    if std::env::consts::ARCH != "x86_64" || std::env::consts::OS != "linux" {
        bail!("the suite measures on x86_64 Linux (ifunc, target_clones, qemu-free runs)");
    }
    let mut parts: Vec<&str> = args
        .iter()
        .filter(|a| !a.starts_with('-'))
        .map(String::as_str)
        .collect();
    if parts.is_empty() {
        parts = vec![
            "dispatch",
            "calls",
            "kernels",
            "build",
            "incremental",
            "programs",
        ];
    }
    let ctx = Ctx::new()?;
    let mut report = String::new();
    for part in parts {
        let started = std::time::Instant::now();
        eprintln!("== {part}");
        let section = match part {
            "dispatch" => dispatch::run(&ctx)?,
            "calls" => calls::run(&ctx)?,
            "kernels" => kernels::run(&ctx)?,
            "build" => build_cost::run(&ctx)?,
            "incremental" => incremental::run(&ctx)?,
            "programs" => programs::run(&ctx)?,
            other => {
                bail!(
                    "unknown part `{other}`: dispatch, calls, kernels, build, incremental \
                     or programs"
                )
            }
        };
        eprintln!(
            "{section}(part {part}: {:.0} s)",
            started.elapsed().as_secs_f64()
        );
        report.push_str(&section);
        report.push('\n');
        mvimg::codegen::write_atomically(&ctx.out, report.as_bytes())?;
    }
    println!("{report}");
    Ok(())
}
