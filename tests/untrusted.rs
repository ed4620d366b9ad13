//! Untrusted input files: bitcode mutated at random (bits flipped, words
//! overwritten, ranges cut or duplicated) through `mvimg build`. LLVM's
//! bitcode reader is not hardened — some of these files crash it or make it
//! allocate without bound — so the CLI reads each input in a child process
//! first. Every run must end with success or a message naming the file,
//! never a signal, never past the child's time limit.

use std::os::unix::process::ExitStatusExt;
use std::process::Command;
use std::time::{Duration, Instant};

mod common;
use common::{mutate, run_ok, s, scratch, Rng, KERNELS};
use mvimg::codegen::inputs::CLANG_IR_FLAGS;

/// How many mutated files the suite runs (`MVIMG_UNTRUSTED_RUNS` for more:
/// the figure in the README is of 10,000).
fn runs() -> usize {
    std::env::var("MVIMG_UNTRUSTED_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

#[test]
fn mutated_bitcode_never_takes_the_build_down() {
    let dir = scratch("untrusted-bitcode");
    let src = dir.join("k.c");
    std::fs::write(&src, KERNELS).unwrap();
    let seed_path = dir.join("seed.bc");
    let mut args: Vec<&str> = CLANG_IR_FLAGS.to_vec();
    args.extend([s(&src), "-o", s(&seed_path)]);
    run_ok("clang-22", &args);
    let seed = std::fs::read(&seed_path).unwrap();
    let mut rng = Rng(0x5eed_b17c_0de0_0001);
    let (mut built, mut refused, mut crashes_caught) = (0, 0, 0);
    let mut slowest = Duration::ZERO;
    let input = dir.join("input.bc");
    let image = dir.join("libout.so");
    for run in 0..runs() {
        std::fs::write(&input, mutate(&mut rng, &seed)).unwrap();
        let _ = std::fs::remove_file(&image);
        let started = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_mvimg"))
            .args([
                "build",
                "-C",
                "generic;haswell",
                "-j",
                "1",
                "-o",
                s(&image),
                s(&input),
            ])
            .output()
            .unwrap();
        slowest = slowest.max(started.elapsed());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.signal().is_none(),
            "run {run}: mvimg died of signal {:?}: {stderr}",
            out.status.signal()
        );
        match out.status.code() {
            Some(0) => built += 1,
            Some(1) => {
                refused += 1;
                // An input the reader refuses is named; a module that
                // reads but cannot build (a mutated name left undefined)
                // gets the build's own error.
                assert!(stderr.starts_with("error: "), "run {run}: {stderr}");
                if stderr.contains("LLVM") || stderr.contains(" IR") {
                    assert!(
                        stderr.contains("input.bc"),
                        "run {run}: no file named: {stderr}"
                    );
                }
                assert!(!image.exists(), "run {run}: a failed build left an image");
                if stderr.contains("crashed on it") || stderr.contains("ran out of") {
                    crashes_caught += 1;
                }
            }
            other => panic!("run {run}: exit {other:?}: {stderr}"),
        }
    }
    eprintln!(
        "{} mutated inputs: {built} built, {refused} refused ({crashes_caught} of them crashed \
         LLVM's reader in the child), slowest {:.1} s",
        runs(),
        slowest.as_secs_f64()
    );
    assert!(refused > 0 && built > 0, "{built} built, {refused} refused");
}
