//! Part 2, call overhead: a call-bound loop (each result is the next call's
//! argument) through (a) a direct call, (b) an mvimg slot, (c) an mvimg
//! exported entry, (d) an ifunc's PLT entry, (c', d') the pointers `dlsym`
//! returns for both, (e) an atomic function pointer as the `multiversion`
//! crate dispatches. The callee is `x + 1` everywhere.
//!
//! (b) is measured where slots are used: shared code of the image (c/calls.ll:
//! `run_slot`, which no target clones, calling `mv_inc`, which every target
//! clones); beside it, the same loop calling an uncloned function directly
//! (`run_direct`). The other loops are in the driver (c/calls.c), which is
//! linked against both libraries and calls `mv_inc` and `ifunc_inc` through
//! their PLT entries.

use std::fmt::Write;
use std::process::Command;

use anyhow::{bail, Result};
use mvimg::codegen::plan::SlotReason;

use crate::common::{output, paired_ratio, Ctx, Stats};

/// The ways, as the driver names them, and the table's words.
const WAYS: [(&str, &str); 8] = [
    (
        "direct",
        "(a) direct call (driver → function in the driver)",
    ),
    (
        "image_direct",
        "(a') direct call inside the image (shared code → uncloned function)",
    ),
    ("slot", "(b) mvimg slot (shared code → selected clone)"),
    (
        "entry",
        "(c) mvimg exported entry (driver → PLT → selected clone: an IFUNC on glibc)",
    ),
    ("ifunc", "(d) ifunc (driver → PLT → selected clone)"),
    (
        "entry_dlsym",
        "(c') mvimg exported entry through the pointer `dlsym` returns (the selected clone)",
    ),
    (
        "ifunc_dlsym",
        "(d') ifunc through the pointer `dlsym` returns (the selected clone)",
    ),
    (
        "atomic",
        "(e) atomic function pointer (`multiversion` crate style)",
    ),
];

pub fn run(ctx: &Ctx) -> Result<String> {
    let dir = ctx.subdir("calls")?;
    let image = dir.join("libmvcalls.so");
    let plan = dir.join("plan.json");
    output(
        Command::new(env!("CARGO_BIN_EXE_mvimg"))
            .args([
                "build",
                "-C",
                "generic;haswell;x86-64-v4",
                "--input",
                "optimized",
            ])
            .arg("--plan")
            .arg(&plan)
            .arg("-o")
            .arg(&image)
            .arg(ctx.c_source("calls.ll")),
    )?;
    // The shapes the benchmark relies on, from the build's own plan.
    let plan: mvimg::codegen::ClonePlan = serde_json::from_slice(&std::fs::read(&plan)?)?;
    let function = |name: &str| plan.functions.iter().find(|f| f.name == name);
    match (function("mv_inc"), function("run_slot")) {
        (Some(inc), Some(shared))
            if inc.clones.len() == 2
                && inc.slot.contains(&SlotReason::SharedCaller)
                && inc.slot.contains(&SlotReason::Entry)
                && shared.clones.is_empty() => {}
        _ => bail!("calls.ll was not planned as the benchmark needs (mv_inc cloned with a slot, run_slot shared)"),
    }
    output(
        Command::new("clang-22")
            .args(["-O2", "-fPIC", "-shared", "-fuse-ld=lld", "-o"])
            .arg(dir.join("libifunccalls.so"))
            .arg(ctx.c_source("calls_ifunc.c")),
    )?;
    let driver = dir.join("calls");
    ctx.driver(
        &driver,
        &["calls.c", "calls_local.c"],
        &[
            format!("-L{}", dir.display()),
            "-lmvcalls".into(),
            "-lifunccalls".into(),
            format!("-Wl,-rpath,{}", dir.display()),
        ],
    )?;
    let rounds = ctx.rounds(15);
    let calls = 50_000_000u64;
    // One warm-up round, not counted.
    let out = output(
        Command::new(&driver)
            .arg(calls.to_string())
            .arg((rounds + 1).to_string()),
    )?;
    let mut samples = vec![Vec::new(); WAYS.len()];
    for (i, line) in out.lines().enumerate() {
        let (way, ns) = line
            .split_once(' ')
            .ok_or_else(|| anyhow::anyhow!("unexpected line from the driver: {line:?}"))?;
        let k = WAYS
            .iter()
            .position(|w| w.0 == way)
            .ok_or_else(|| anyhow::anyhow!("unknown way {way:?}"))?;
        if i >= WAYS.len() {
            samples[k].push(ns.parse::<f64>()?);
        }
    }
    if samples.iter().any(|s| s.len() != rounds) {
        bail!(
            "the driver printed {} lines for {rounds} rounds",
            out.lines().count()
        );
    }
    let mut table = format!(
        "### 2. Call overhead\n\n\
         {calls} calls per sample, ns per call, median (min–max) of {rounds} rounds; \
         ratio: to the ifunc call in the same round.\n\n\
         | way | ns per call | ratio to ifunc |\n|---|---:|---:|\n"
    );
    let ifunc = &samples[WAYS.iter().position(|w| w.0 == "ifunc").unwrap_or(0)];
    for (k, (_, name)) in WAYS.iter().enumerate() {
        let _ = writeln!(
            table,
            "| {name} | {} | {} |",
            Stats::of(&samples[k]).show(3),
            paired_ratio(&samples[k], ifunc).show(3)
        );
    }
    Ok(table)
}
