//! Build cost of a large image-builder module: a synthetic module of 10,000
//! functions (mvimg_codegen::synth) built for the default x86_64 Linux target
//! list, on 1 thread and on every core, in interleaved rounds. Reports wall
//! time (median and min–max), the process's peak resident memory per build
//! (VmHWM, reset before each build through /proc/self/clear_refs), the image
//! size, the partition count and the clones per target.
//!
//! `cargo bench -p mvimg-codegen --bench build [-- FUNCTIONS [ROUNDS]]`;
//! `MVIMG_BENCH_PARTITIONS=N` fixes the partition count.

use std::path::Path;
use std::time::Instant;

use mvimg_codegen::{build, link_image, synth, BuildOptions};
use mvimg_cpu::{default_target_list, Arch, Os, TargetList};

/// Peak resident set of this process in KiB, from /proc/self/status.
fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the peak resident set to the current one (Linux 4.0 and later).
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let functions: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let rounds: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(3);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // MVIMG_BENCH_PARTITIONS fixes the partition count (default: automatic).
    let partitions: Option<usize> = std::env::var("MVIMG_BENCH_PARTITIONS")
        .ok()
        .and_then(|v| v.parse().ok());

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bench-build");
    std::fs::create_dir_all(&dir).unwrap();
    let ll = dir.join("synth.ll");
    std::fs::write(&ll, synth::module(functions, "x86_64-unknown-linux-gnu")).unwrap();
    let list_text = default_target_list(Arch::X86_64, Os::Linux);
    let list: TargetList = list_text.parse().unwrap();
    let targets = list.resolve(Arch::X86_64, None).unwrap();

    let mut times = [Vec::new(), Vec::new()];
    let mut peaks = [0u64, 0u64];
    let mut report = None;
    for round in 0..=rounds {
        for (k, threads) in [1, cores].into_iter().enumerate() {
            let options = BuildOptions {
                threads: Some(threads),
                partitions,
                ..BuildOptions::default()
            };
            reset_peak();
            let start = Instant::now();
            let built = build(std::slice::from_ref(&ll), &targets, &options).unwrap();
            let image = dir.join(format!("libsynth{k}.so"));
            link_image(&built, &image).unwrap();
            let seconds = start.elapsed().as_secs_f64();
            let phases: Vec<String> = built
                .phases
                .iter()
                .map(|(name, time)| format!("{name} {:.2}", time.as_secs_f64()))
                .collect();
            eprintln!(
                "round {round}, {threads} threads: {seconds:.2} s ({}; link {:.2})",
                phases.join(", "),
                seconds - built.phases.iter().map(|p| p.1.as_secs_f64()).sum::<f64>()
            );
            let peak = peak_kib().unwrap_or(0);
            // Round 0 warms up.
            if round > 0 {
                times[k].push(seconds);
                peaks[k] = peaks[k].max(peak);
            }
            let size = std::fs::metadata(&image).unwrap().len();
            report = Some((built.plan, built.objects.len(), size));
        }
    }
    let (plan, partitions, size) = report.unwrap();
    println!("synthetic module: {functions} functions; target list: {list_text}");
    println!(
        "partitions: {partitions}; image: {:.2} MiB",
        size as f64 / 1048576.0
    );
    for t in &plan.targets {
        println!(
            "  target {} ({}): {} functions cloned",
            t.index, t.spec, t.cloned
        );
    }
    println!("| threads | wall time (median, min–max, {rounds} rounds) | peak RSS |");
    println!("|---|---|---|");
    let mut medians = [0.0; 2];
    for (k, threads) in [1, cores].into_iter().enumerate() {
        let min = times[k].iter().cloned().fold(f64::INFINITY, f64::min);
        let max = times[k].iter().cloned().fold(0.0, f64::max);
        medians[k] = median(&mut times[k]);
        println!(
            "| {threads} | {:.2} s ({min:.2}–{max:.2}) | {:.0} MiB |",
            medians[k],
            peaks[k] as f64 / 1024.0
        );
    }
    println!("speed-up on {cores} cores: {:.2}x", medians[0] / medians[1]);
}
