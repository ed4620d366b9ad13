//! Differential testing with generated programs (issue 32): Csmith writes
//! random, well-defined C programs that print a checksum of their state. Each
//! is built the ordinary way (`clang-22 -O2 -fPIC -shared`, its `main`
//! renamed and called by a plain driver) and as an image — from IR made one
//! of the ways users make it (the README recipe, `-fPIC`, `-O0`, optimized
//! `-O2` IR with `--input optimized`), for a target list drawn by a seeded
//! generator (database CPUs and levels, `clone_all`, `base(n)`, `+`/`-`
//! features, `tune=`, `opt_size`/`min_size`; lists mvimg refuses are drawn
//! again) or one of Julia's published lists — and run natively unforced and
//! forced to every target of its list (a target this host cannot run is
//! refused by the image's init, which then selects as usual), and every
//! fourth program also under `qemu-x86_64 -cpu Nehalem`. The checksum must be
//! the ordinary build's every time.
//!
//! The suite runs 12 programs (seeds 1 to 12); `MVIMG_DIFFERENTIAL=N`
//! (`ci/differential N`) runs seeds 1 to N and prints the figures.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

mod common;
use common::{mvimg, run_ok, s, scratch, Rng};

/// Julia's published x86_64 lists (release, and sysimage documentation's).
const JULIA_LISTS: [&str; 2] = [
    "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1);x86-64-v4,-rdrnd,base(1)",
    "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1)",
];

/// A target list drawn from `rng`: one to four targets over the x86_64
/// database's CPUs and the levels, with options; resolved by mvimg-cpu
/// before use, so only accepted lists come out (after at most 100 draws).
fn draw_list(rng: &mut Rng) -> String {
    let db = mvimg::cpu::Arch::X86_64.database();
    let mut cpus: Vec<&str> = db.cpu_names().collect();
    cpus.extend(["x86-64-v2", "x86-64-v3", "x86-64-v4"]);
    let features = [
        "avx2", "fma", "avx512f", "bmi2", "popcnt", "sse4.2", "aes", "f16c",
    ];
    for _ in 0..100 {
        let n = 1 + rng.below(4);
        let mut targets = Vec::new();
        for t in 0..n {
            let mut target = if t == 0 && rng.below(2) == 0 {
                "generic".to_owned()
            } else {
                cpus[rng.below(cpus.len())].to_owned()
            };
            if rng.below(4) == 0 {
                let f = features[rng.below(features.len())];
                target.push_str(if rng.below(2) == 0 { ",+" } else { ",-" });
                target.push_str(f);
            }
            if t > 0 && rng.below(3) == 0 {
                target.push_str(",clone_all");
            }
            if t > 1 && rng.below(3) == 0 {
                target.push_str(&format!(",base({})", rng.below(t)));
            }
            if rng.below(6) == 0 {
                target.push_str(&format!(",tune={}", cpus[rng.below(cpus.len())]));
            }
            match rng.below(10) {
                0 => target.push_str(",opt_size"),
                1 => target.push_str(",min_size"),
                _ => {}
            }
            targets.push(target);
        }
        let list = targets.join(";");
        let accepted = list
            .parse::<mvimg::cpu::TargetList>()
            .is_ok_and(|l| l.resolve(mvimg::cpu::Arch::X86_64, None).is_ok());
        if accepted {
            return list;
        }
    }
    panic!("no accepted list in 100 draws");
}

/// How the IR of program `seed` is made: flags besides the README recipe's,
/// and whether it is optimized IR (`--input optimized`).
fn style(seed: u64) -> (&'static str, Vec<&'static str>, bool) {
    match seed % 4 {
        0 => ("the README recipe", vec![], false),
        1 => ("-fPIC", vec!["-fPIC"], false),
        2 => ("-O0", vec!["-O0"], false),
        _ => ("optimized -O2 IR", vec![], true),
    }
}

/// Runs `program` (with `wrapper` before it, and `MVIMG_FORCE_TARGET` =
/// `force`); its standard output, or `None` when it ran past the limit.
fn run(wrapper: &[&str], program: &Path, force: Option<&str>) -> Option<String> {
    let mut command = match wrapper.split_first() {
        Some((first, rest)) => {
            let mut c = Command::new(first);
            c.args(rest).arg(program);
            c
        }
        None => Command::new(program),
    };
    if let Some(t) = force {
        command.env("MVIMG_FORCE_TARGET", t);
    }
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let out = child.wait_with_output().unwrap();
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn csmith_programs_compute_the_ordinary_checksum_on_every_target() {
    let programs: u64 = std::env::var("MVIMG_DIFFERENTIAL")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(12);
    let dir = scratch("differential");
    let driver = dir.join("driver.c");
    std::fs::write(
        &driver,
        "int csmith_main(int, char **);\nint main(int c, char **v) { return csmith_main(c, v); }\n",
    )
    .unwrap();
    let include = "-I/usr/include/csmith";
    let (mut runs, mut slow, mut lists_drawn) = (0, 0, 0);
    let mut failures = Vec::new();
    for seed in 1..=programs {
        let work = dir.join(format!("p{seed}"));
        std::fs::create_dir_all(&work).unwrap();
        let src = work.join("p.c");
        let out = Command::new("csmith")
            .args(["--seed", &seed.to_string(), "-o", s(&src)])
            .output()
            .expect("csmith runs (ci/setup installs it)");
        assert!(out.status.success(), "csmith --seed {seed}");
        // The ordinary build and its checksum.
        let ordinary = work.join("ordinary/libp.so");
        std::fs::create_dir_all(ordinary.parent().unwrap()).unwrap();
        run_ok(
            "clang-22",
            &[
                "-O2",
                "-w",
                "-fPIC",
                "-shared",
                include,
                "-Dmain=csmith_main",
                "-o",
                s(&ordinary),
                s(&src),
            ],
        );
        let link = |library: &Path, exe: &Path| {
            run_ok(
                "clang-22",
                &[
                    "-w",
                    "-o",
                    s(exe),
                    s(&driver),
                    s(library),
                    &format!("-Wl,-rpath,{}", s(library.parent().unwrap())),
                ],
            );
        };
        let ordinary_exe = work.join("ordinary/driver");
        link(&ordinary, &ordinary_exe);
        let Some(expected) = run(&[], &ordinary_exe, None) else {
            // Csmith programs may run for long: such a seed is skipped.
            slow += 1;
            continue;
        };
        assert!(expected.contains("checksum = "), "seed {seed}: {expected}");
        // The image.
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ seed.wrapping_mul(0x1000_0000_01b3));
        let list = if seed % 5 == 0 {
            JULIA_LISTS[(seed / 5) as usize % JULIA_LISTS.len()].to_owned()
        } else {
            lists_drawn += 1;
            draw_list(&mut rng)
        };
        let (how, flags, optimized) = style(seed);
        let bc = work.join("p.bc");
        let mut args: Vec<&str> = if optimized {
            vec!["-O2", "-emit-llvm", "-c"]
        } else {
            mvimg::codegen::inputs::CLANG_IR_FLAGS.to_vec()
        };
        args.extend(flags.iter());
        args.extend(["-w", include, "-Dmain=csmith_main", s(&src), "-o", s(&bc)]);
        run_ok("clang-22", &args);
        let image = work.join("image/libp.so");
        std::fs::create_dir_all(image.parent().unwrap()).unwrap();
        let mut build = vec!["build", "-C", list.as_str(), "-o", s(&image), s(&bc)];
        if optimized {
            build.extend(["--input", "optimized"]);
        }
        let out = mvimg(&build);
        if !out.status.success() {
            failures.push(format!(
                "seed {seed} ({how}, `{list}`): the build failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        }
        let exe = work.join("image/driver");
        link(&image, &exe);
        let targets = list.split(';').count();
        let mut forces: Vec<Option<String>> = vec![None];
        forces.extend((0..targets).map(|t| Some(t.to_string())));
        let mut wrappers: Vec<Vec<&str>> = vec![vec![]];
        if seed % 4 == 0 {
            wrappers.push(vec!["qemu-x86_64", "-cpu", "Nehalem"]);
        }
        for wrapper in &wrappers {
            for force in &forces {
                runs += 1;
                let got = run(wrapper, &exe, force.as_deref());
                if got.as_deref() != Some(expected.as_str()) {
                    failures.push(format!(
                        "seed {seed} ({how}, `{list}`, {wrapper:?}, forced {force:?}): \
                         {got:?}, the ordinary build {expected:?}"
                    ));
                }
            }
        }
        if failures.is_empty() {
            let _ = std::fs::remove_dir_all(&work);
        }
    }
    eprintln!(
        "{programs} Csmith programs ({slow} skipped as slow), {lists_drawn} drawn lists, \
         {runs} runs: {} divergences or build failures",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
