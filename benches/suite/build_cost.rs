//! Part 4, build cost: `mvimg build` (a process, like the compiler it is
//! compared with) against `clang-22 -O2 -c` of the same bitcode for one
//! target; wall time, peak memory and image size against the number of
//! targets, selective cloning against clone_all; the parallel speed-up of a
//! 4-target build on this machine's cores.

use std::fmt::Write;
use std::path::Path;
use std::process::Command;

use anyhow::Result;

use crate::common::{measure, paired_ratio, Cost, Ctx, Stats};

/// The six targets of the sweep, in list order.
const TARGETS: [&str; 6] = [
    "generic",
    "sandybridge",
    "haswell",
    "skylake-avx512",
    "znver4",
    "sapphirerapids",
];

fn mvimg(list: &str, threads: Option<usize>, emit_obj: bool, input: &Path, out: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mvimg"));
    command.args(["build", "-C", list]);
    if let Some(threads) = threads {
        command.arg("-j").arg(threads.to_string());
    }
    if emit_obj {
        command.args(["--emit", "obj"]);
    }
    command.arg("-o").arg(out).arg(input);
    command
}

fn clang_o2(input: &Path, out: &Path) -> Command {
    let mut command = Command::new("clang-22");
    command
        .args(["-O2", "-fPIC", "-c", "-o"])
        .arg(out)
        .arg(input);
    command
}

fn list_of(k: usize, clone_all: bool) -> String {
    TARGETS[..k]
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if clone_all && i > 0 {
                format!("{t},clone_all")
            } else {
                (*t).to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(";")
}

fn size_kib(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len() / 1024)
}

fn seconds(costs: &[Cost]) -> Vec<f64> {
    costs.iter().map(|c| c.seconds).collect()
}

fn peak_mib(costs: &[Cost]) -> f64 {
    costs.iter().map(|c| c.peak_kib).max().unwrap_or(0) as f64 / 1024.0
}

pub fn run(ctx: &Ctx) -> Result<String> {
    let dir = ctx.subdir("build")?;
    let sqlite = ctx.sqlite_bitcode()?;
    let zstd = ctx.zstd_bitcode()?;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut out = String::from("### 4. Build cost\n\n");

    // Single target, one thread, one object: mvimg against clang-22.
    let rounds = ctx.rounds(3);
    let _ = writeln!(
        out,
        "One target (`generic`), one object, one thread: `mvimg build -C generic --emit obj -j 1` \
         against `clang-22 -O2 -fPIC -c` of the same bitcode; s, median (min–max) of {rounds} \
         interleaved rounds.\n\n\
         | module | bitcode KiB | clang-22 -O2 -c s | mvimg build s | ratio | peak MiB clang / mvimg |\n\
         |---|---:|---:|---:|---:|---:|"
    );
    for (name, input) in [("sqlite3", &sqlite), ("zstd", &zstd)] {
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            theirs.push(measure(&mut clang_o2(input, &dir.join("clang.o")))?);
            ours.push(measure(&mut mvimg(
                "generic",
                Some(1),
                true,
                input,
                &dir.join("mvimg.o"),
            ))?);
        }
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} | {:.0} / {:.0} |",
            size_kib(input),
            Stats::of(&seconds(&theirs)).show(2),
            Stats::of(&seconds(&ours)).show(2),
            paired_ratio(&seconds(&ours), &seconds(&theirs)).show(2),
            peak_mib(&theirs),
            peak_mib(&ours)
        );
    }

    // Target count, selective against clone_all, on zstd (two rounds: the
    // whole suite must stay within 20 minutes).
    let rounds = ctx.rounds(2);
    let _ = writeln!(
        out,
        "\nTargets (the first k of `{}`), zstd, a linked image, every core ({cores}); \
         s, median (min–max) of {rounds} rounds; ratio: to the 1-target build.\n\n\
         | targets | cloning | wall s | ratio to 1 target | peak MiB | image KiB |\n\
         |---:|---|---:|---:|---:|---:|",
        TARGETS.join(";")
    );
    let mut rows: Vec<(usize, bool)> = (1..=TARGETS.len()).map(|k| (k, false)).collect();
    rows.push((TARGETS.len(), true));
    let mut costs: Vec<Vec<Cost>> = rows.iter().map(|_| Vec::new()).collect();
    for _ in 0..rounds {
        for (r, &(k, all)) in rows.iter().enumerate() {
            let image = dir.join(format!("zstd-{k}-{all}.so"));
            costs[r].push(measure(&mut mvimg(
                &list_of(k, all),
                None,
                false,
                &zstd,
                &image,
            ))?);
        }
    }
    for (r, &(k, all)) in rows.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {k} | {} | {} | {} | {:.0} | {} |",
            if all { "clone_all" } else { "selective" },
            Stats::of(&seconds(&costs[r])).show(2),
            paired_ratio(&seconds(&costs[r]), &seconds(&costs[0])).show(2),
            peak_mib(&costs[r]),
            size_kib(&dir.join(format!("zstd-{k}-{all}.so")))
        );
    }

    // Parallel speed-up of a 4-target build (two rounds, as above).
    let rounds = ctx.rounds(2);
    let list = list_of(4, false);
    let (mut one, mut all) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        one.push(measure(&mut mvimg(
            &list,
            Some(1),
            false,
            &sqlite,
            &dir.join("p1.so"),
        ))?);
        all.push(measure(&mut mvimg(
            &list,
            Some(cores),
            false,
            &sqlite,
            &dir.join("pn.so"),
        ))?);
    }
    let _ = writeln!(
        out,
        "\nParallel code generation, sqlite3 for `{list}`: 1 thread {} s, {cores} threads {} s; \
         speed-up {} (median (min–max) of {rounds} interleaved rounds).",
        Stats::of(&seconds(&one)).show(2),
        Stats::of(&seconds(&all)).show(2),
        paired_ratio(&seconds(&one), &seconds(&all)).show(2)
    );
    Ok(out)
}
