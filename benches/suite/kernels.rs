//! Part 3, kernel speed: the bundled numeric kernels (examples/kernels) and
//! zstd (compression level 3 and decompression of SQLite's amalgamation, 9
//! MB of C) built from the same bitcode: mvimg images for the default list,
//! for `generic;native` and for a fleet plan that has this machine as one
//! node (each image's init selects the clone), clang-22 -O2 -march=native,
//! and each mvimg image forced to its generic target. The
//! driver (c/kernels.c) runs them interleaved in one process and checks that
//! the results agree.

use std::fmt::Write;
use std::process::Command;

use anyhow::{anyhow, bail, Result};
use mvimg::cpu::{default_target_list, Arch, Os};

use crate::common::{output, paired_ratio, Ctx, Stats};

/// `text` (LLVM IR) without the `target-cpu`, `target-features` and
/// `tune-cpu` function attributes, so that the command line's `-march`
/// decides, as it would for IR without them.
fn strip_target_attributes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let next = [
            "\"target-cpu\"=\"",
            "\"target-features\"=\"",
            "\"tune-cpu\"=\"",
        ]
        .iter()
        .filter_map(|key| rest.find(key).map(|at| (at, key.len())))
        .min();
        let Some((at, key)) = next else {
            out.push_str(rest);
            return out;
        };
        out.push_str(&rest[..at]);
        let value = &rest[at + key..];
        rest = value.find('"').map_or("", |end| &value[end + 1..]);
    }
}

/// The label of the image built with `mvimg build --fleet`.
const FLEET: &str = "fleet plan (this machine + tests/data/fleet/x86_64)";

/// The samples of one image: per workload, (selected, native, generic) times.
struct Measured {
    list: String,
    selected: String,
    names: Vec<String>,
    samples: Vec<[Vec<f64>; 3]>,
}

pub fn run(ctx: &Ctx) -> Result<String> {
    let dir = ctx.subdir("kernels")?;
    let kernels = dir.join("kernels.bc");
    output(
        Command::new("clang-22")
            .args(["-O1", "-fPIC", "-emit-llvm", "-c", "-o"])
            .arg(&kernels)
            .arg(ctx.root.join("examples").join("kernels").join("kernels.c")),
    )?;
    let zstd = ctx.zstd_bitcode()?;

    // The same IR for -march=native: linked, target attributes dropped.
    let all = dir.join("all.bc");
    output(
        Command::new("llvm-link-22")
            .arg("-o")
            .arg(&all)
            .arg(&kernels)
            .arg(&zstd),
    )?;
    let text = output(Command::new("llvm-dis-22").arg(&all).arg("-o").arg("-"))?;
    let native_ll = dir.join("native.ll");
    std::fs::write(&native_ll, strip_target_attributes(&text))?;
    let native = dir.join("libnative.so");
    output(
        Command::new("clang-22")
            .args([
                "-O2",
                "-march=native",
                "-fPIC",
                "-shared",
                "-fuse-ld=lld",
                "-o",
            ])
            .arg(&native)
            .arg(&native_ll),
    )?;

    let driver = dir.join("kernels");
    ctx.driver(&driver, &["kernels.c"], &["-ldl".into(), "-lm".into()])?;
    let input = ctx
        .crate_source("libsqlite3-sys")?
        .join("sqlite3")
        .join("sqlite3.c");
    let rounds = ctx.rounds(11);

    // The default list; `generic;native`: a clone for exactly this
    // machine's CPU and features, as a user building for this kind of node
    // would ask for; and the list `mvimg fleet plan` makes for a fleet of
    // this machine (its `mvimg host --json`) and the ten x86 machines of
    // tests/data/fleet, built with `mvimg build --fleet`.
    let host = mvimg::codegen::llvm_host_cpu_name();
    let this_node = dir.join("this-machine.json");
    std::fs::write(
        &this_node,
        output(Command::new(env!("CARGO_BIN_EXE_mvimg")).args(["host", "--json"]))?,
    )?;
    let fleet_dir = ctx
        .root
        .join("tests")
        .join("data")
        .join("fleet")
        .join("x86_64");
    // MVIMG_BENCH_KERNEL_LISTS (lists separated by `|`) replaces them, to
    // compare lists by hand.
    let lists: Vec<String> = match std::env::var("MVIMG_BENCH_KERNEL_LISTS") {
        Ok(given) => given.split('|').map(str::to_owned).collect(),
        Err(_) => vec![
            default_target_list(Arch::X86_64, Os::Linux).to_owned(),
            "generic;native".to_owned(),
            FLEET.to_owned(),
        ],
    };
    let mut measured = Vec::new();
    for (l, list) in lists.iter().enumerate() {
        let image = dir.join(format!("libwork{l}.so"));
        if list == FLEET {
            let out = dir.join("fleet");
            output(
                Command::new(env!("CARGO_BIN_EXE_mvimg"))
                    .arg("build")
                    .arg("--fleet")
                    .arg(&this_node)
                    .arg("--fleet")
                    .arg(&fleet_dir)
                    .arg("-o")
                    .arg(&out)
                    .arg(&kernels)
                    .arg(&zstd),
            )?;
            std::fs::copy(out.join("libkernels-x86_64-linux.so"), &image)?;
        } else {
            output(
                Command::new(env!("CARGO_BIN_EXE_mvimg"))
                    .args(["build", "-C", list, "-o"])
                    .arg(&image)
                    .arg(&kernels)
                    .arg(&zstd),
            )?;
        }
        let generic = dir.join(format!("libwork{l}-generic.so"));
        std::fs::copy(&image, &generic)?;
        let explained = output(
            Command::new(env!("CARGO_BIN_EXE_mvimg"))
                .arg("explain")
                .arg(&image)
                .arg("--json"),
        )?;
        let explained: serde_json::Value = serde_json::from_str(&explained)?;
        let selected = explained["selected"]["name"]
            .as_str()
            .unwrap_or("?")
            .to_owned();
        let out = output(
            Command::new(&driver)
                .arg(&image)
                .arg(&native)
                .arg(&generic)
                .arg(&input)
                .arg(rounds.to_string()),
        )?;
        let (names, samples) = parse(&out)?;
        measured.push(Measured {
            list: list.clone(),
            selected,
            names,
            samples,
        });
    }

    let mut table = format!(
        "### 3. Kernel speed\n\n\
         Time per run, µs, median (min–max) of {rounds} interleaved rounds, for three images \
         of the same bitcode: one for the default list, one for `generic;native` (this machine's \
         CPU, `{host}` to LLVM, with the features it reports), one built by `mvimg build --fleet` \
         for a fleet of this machine (its `mvimg host --json`) and the ten x86 machines of \
         tests/data/fleet (the planned list is in the row). native: the same bitcode (target attributes dropped) by \
         `clang-22 -O2 -march=native`. generic: the image with `MVIMG_FORCE_TARGET=0`. \
         Ratios are speeds (time of the other over time of the selected clone, paired by \
         round): above 1 the selected clone is faster.\n\n\
         | list → selected | workload | selected µs | native µs | generic µs | selected vs native | selected vs generic |\n\
         |---|---|---:|---:|---:|---:|---:|\n"
    );
    for m in &measured {
        for (w, name) in m.names.iter().enumerate() {
            let [sel, nat, gen] = &m.samples[w];
            let us = |v: &[f64]| {
                let s = Stats::of(v);
                Stats {
                    median: s.median / 1e3,
                    min: s.min / 1e3,
                    max: s.max / 1e3,
                }
                .show(1)
            };
            let _ = writeln!(
                table,
                "| `{}` → {} | {name} | {} | {} | {} | {} | {} |",
                m.list,
                m.selected,
                us(sel),
                us(nat),
                us(gen),
                paired_ratio(nat, sel).show(2),
                paired_ratio(gen, sel).show(2)
            );
        }
    }
    let _ = writeln!(
        table,
        "\nzstd compresses (level 3) and decompresses SQLite's sqlite3.c ({} bytes); the \
         float kernels run on L1/L2-resident arrays (2,048 floats; 64×64 matrices).",
        std::fs::metadata(&input)?.len()
    );
    Ok(table)
}

/// The driver's lines, as workload names and per-workload samples.
#[allow(clippy::type_complexity)]
fn parse(out: &str) -> Result<(Vec<String>, Vec<[Vec<f64>; 3]>)> {
    let mut names: Vec<String> = Vec::new();
    let mut samples: Vec<[Vec<f64>; 3]> = Vec::new();
    for line in out.lines() {
        let mut fields = line.split_whitespace();
        let (Some(work), Some(lib), Some(ns)) = (fields.next(), fields.next(), fields.next())
        else {
            bail!("unexpected line from the kernel driver: {line:?}");
        };
        let k = ["selected", "native", "generic"]
            .iter()
            .position(|l| *l == lib)
            .ok_or_else(|| anyhow!("unknown library {lib:?}"))?;
        let w = match names.iter().position(|n| n == work) {
            Some(w) => w,
            None => {
                names.push(work.to_owned());
                samples.push(Default::default());
                names.len() - 1
            }
        };
        samples[w][k].push(ns.parse::<f64>()?);
    }
    Ok((names, samples))
}
