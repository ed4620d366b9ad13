//! Part 5, incremental and distributed builds: a rebuild of SQLite after a
//! one-function edit with the object cache (warmed by the build before the
//! edit) against the same rebuild without it; a build on two Dask workers
//! on this machine against the local build (on one machine this measures
//! the overhead of distributing, not a speed-up).

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};
use mvimg::codegen::remote::LocalCluster;

use crate::common::{measure, output, paired_ratio, Cost, Ctx, Stats};

/// The list of the builds here: a baseline and a clone_all target.
const LIST: &str = "generic;haswell,clone_all";

/// The one-function edit (the line count stays).
const FROM: &str =
    "SQLITE_API int sqlite3_libversion_number(void){ return SQLITE_VERSION_NUMBER; }";
const TO: &str =
    "SQLITE_API int sqlite3_libversion_number(void){ return SQLITE_VERSION_NUMBER + 1; }";

/// SQLite compiled as README "Producing IR" says, from `dir/NAME/sqlite3.c`
/// (one source file name for both variants: it is in the bitcode).
fn sqlite_bc(ctx: &Ctx, name: &str, edited: bool) -> Result<PathBuf> {
    let source = ctx
        .crate_source("libsqlite3-sys")?
        .join("sqlite3")
        .join("sqlite3.c");
    let text = std::fs::read_to_string(&source)
        .with_context(|| format!("reading {}", source.display()))?;
    anyhow::ensure!(text.contains(FROM), "{} has no `{FROM}`", source.display());
    let dir = ctx.subdir(&format!("incremental/{name}"))?;
    std::fs::write(
        dir.join("sqlite3.c"),
        if edited { text.replace(FROM, TO) } else { text },
    )?;
    let bc = dir.join("sqlite3.bc");
    output(
        Command::new("clang-22")
            .current_dir(&dir)
            .args(mvimg::codegen::inputs::CLANG_IR_FLAGS)
            .arg("-fPIC")
            .args(["sqlite3.c", "-o"])
            .arg(&bc),
    )?;
    Ok(bc)
}

fn mvimg(input: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mvimg"));
    command
        .args(["build", "-q", "-C", LIST])
        .args(extra)
        .arg("-o")
        .arg(out)
        .arg(input)
        .env_remove("MVIMG_CACHE");
    command
}

fn seconds(costs: &[Cost]) -> Vec<f64> {
    costs.iter().map(|c| c.seconds).collect()
}

/// The Python with Dask distributed: $MVIMG_PYTHON (ci/bench sets it).
fn python() -> Result<PathBuf> {
    std::env::var_os("MVIMG_PYTHON")
        .map(PathBuf::from)
        .context("MVIMG_PYTHON is not set: run ci/bench (ci/setup installs Dask distributed into target/dask-venv)")
}

pub fn run(ctx: &Ctx) -> Result<String> {
    let dir = ctx.subdir("incremental")?;
    let original = sqlite_bc(ctx, "original", false)?;
    let edited = sqlite_bc(ctx, "edited", true)?;
    let mut out = String::from("### 6. Incremental and distributed builds\n\n");
    // mvimg writes into existing directories only.
    for sub in ["a", "b", "c", "d", "l"] {
        std::fs::create_dir_all(dir.join(sub))?;
    }

    // Each round: a fresh cache warmed by the original's build, then the
    // edited input built with that cache and without one.
    let rounds = ctx.rounds(3);
    let (mut warm, mut cached, mut clean) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let cache = dir.join(format!("cache{round}"));
        let cache_arg = cache.to_string_lossy().into_owned();
        warm.push(measure(&mut mvimg(
            &original,
            &dir.join("a/libsqlite.so"),
            &["--cache", &cache_arg],
        ))?);
        cached.push(measure(&mut mvimg(
            &edited,
            &dir.join("b/libsqlite.so"),
            &["--cache", &cache_arg],
        ))?);
        clean.push(measure(&mut mvimg(
            &edited,
            &dir.join("c/libsqlite.so"),
            &[],
        ))?);
        let _ = std::fs::remove_dir_all(&cache);
    }
    let _ = writeln!(
        out,
        "SQLite (README IR), `{LIST}`, every core: the rebuild after a one-function edit \
         (`sqlite3_libversion_number`) with the object cache the build before the edit filled, \
         against the same rebuild without a cache; s, median (min–max) of {rounds} rounds, ratio \
         paired by round.\n\n\
         | build | s | ratio to no cache |\n|---|---:|---:|\n\
         | before the edit, empty cache (fills it) | {} | {} |\n\
         | after the edit, no cache | {} | 1 |\n\
         | after the edit, with the cache | {} | {} |",
        Stats::of(&seconds(&warm)).show(2),
        paired_ratio(&seconds(&warm), &seconds(&clean)).show(2),
        Stats::of(&seconds(&clean)).show(2),
        Stats::of(&seconds(&cached)).show(2),
        paired_ratio(&seconds(&cached), &seconds(&clean)).show(2),
    );

    // Distributed on two local one-thread workers against the local build.
    let rounds = ctx.rounds(2);
    let cluster = LocalCluster::start(&python()?, &ctx.subdir("incremental/cluster")?, 2)?;
    let file = cluster.scheduler_file().to_string_lossy().into_owned();
    let (mut local, mut distributed) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        local.push(measure(&mut mvimg(
            &original,
            &dir.join("l/libsqlite.so"),
            &[],
        ))?);
        distributed.push(measure(&mut mvimg(
            &original,
            &dir.join("d/libsqlite.so"),
            // Trusted: each action once (the untrusted default runs each
            // on two workers, twice the cluster's work).
            &[
                "--executor",
                "dask",
                "--scheduler-file",
                &file,
                "--trust-workers",
            ],
        ))?);
    }
    drop(cluster);
    anyhow::ensure!(
        std::fs::read(dir.join("l/libsqlite.so"))? == std::fs::read(dir.join("d/libsqlite.so"))?,
        "the distributed image differs from the local one"
    );
    let _ = writeln!(
        out,
        "\nSQLite, `{LIST}`: built on two trusted Dask workers (`--trust-workers`: each action \
         once; one thread each) on this machine against the local build on every core; one machine, so this is the cost of shipping partitions \
         and starting `mvimg compile-partition` per step, not a speed-up. Local {} s, \
         distributed {} s, ratio {} (median (min–max) of {rounds} rounds; the images are \
         byte-identical).",
        Stats::of(&seconds(&local)).show(2),
        Stats::of(&seconds(&distributed)).show(2),
        paired_ratio(&seconds(&distributed), &seconds(&local)).show(2),
    );
    Ok(out)
}
