//! Differential testing with generated programs (issue 32): Csmith writes
//! random, well-defined C programs that print a checksum of their state. Each
//! is built the ordinary way (`-O2 -fPIC -shared`, its `main` renamed and
//! called by a plain driver) and as an image — from IR made one of the ways
//! users make it (the README recipe, `-fPIC`, `-O0`, optimized `-O2` IR with
//! `--input optimized`), for a target list drawn by a seeded generator
//! (database CPUs and levels, `clone_all`, `base(n)`, `+`/`-` features,
//! `tune=`, `opt_size`/`min_size`; lists mvimg refuses are drawn again) or
//! one of Julia's published lists — and run unforced and forced to every
//! target of its list the CPU can run (an override `mvimg select` refuses,
//! the image's init refuses too, keeping target 0):
//! - x86_64 Linux natively, and every fourth program also under
//!   `qemu-x86_64 -cpu Nehalem`;
//! - every tenth program (seed ≡ 7 mod 10) as an AArch64 image under
//!   `qemu-aarch64 -cpu cortex-a53` and `neoverse-n1`, against the ordinary
//!   AArch64 build under the same qemu (`char` is unsigned there);
//! - every twentieth (seed ≡ 13 mod 20) as a Windows image under wine,
//!   against the ordinary DLL, clang-22's with LLD as the image's IR is
//!   (`long` is 32-bit there).
//!
//! The checksum must be the ordinary build's every time. The suite runs 14
//! programs (seeds 1 to 14: one AArch64, one Windows); `MVIMG_DIFFERENTIAL=N`
//! (`ci/differential N [FIRST]`) runs seeds FIRST to FIRST+N-1 and prints the
//! figures every 50 programs; `MVIMG_DIFFERENTIAL_PLATFORMS=Aarch64,Windows`
//! keeps only the seeds of those platforms. The first x86_64 Linux divergence or build
//! failure of a run is reduced with C-Vise to a small program that still
//! shows it (and stays well defined: its ordinary and UBSan builds agree),
//! whose path the failure names, to be kept as a regression test.
//!
//! Generated C++ (a generator here: virtual calls, templates, exceptions,
//! tables of function pointers, constructors, thread-locals across three
//! units) is compared the same way (`MVIMG_DIFFERENTIAL_CXX=N`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use mvimg::cpu::Arch;

mod common;
#[path = "../link/tests/common/wine.rs"]
mod wine;
use common::{mvimg, run_ok, s, scratch, Rng};

/// Julia's published lists: x86_64 (release, and its sysimage
/// documentation's) and AArch64 (release).
const JULIA_X86: [&str; 2] = [
    "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1);x86-64-v4,-rdrnd,base(1)",
    "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1)",
];
const JULIA_AARCH64: &str =
    "generic;cortex-a57;thunderx2t99;carmel,clone_all;apple-m1,base(3);neoverse-512tvb,base(3)";

/// A target list drawn from `rng`: one to four targets over `arch`'s
/// database CPUs (and the x86_64 levels), with options; resolved by
/// mvimg-cpu before use, so only accepted lists come out (after at most 100
/// draws).
fn draw_list(rng: &mut Rng, arch: Arch) -> String {
    let db = arch.database();
    let mut cpus: Vec<&str> = db.cpu_names().collect();
    let features: &[&str] = match arch {
        Arch::X86_64 => {
            cpus.extend(["x86-64-v2", "x86-64-v3", "x86-64-v4"]);
            &[
                "avx2", "fma", "avx512f", "bmi2", "popcnt", "sse4.2", "aes", "f16c",
            ]
        }
        Arch::Aarch64 => &["crc", "dotprod", "sve", "lse", "rcpc", "fullfp16"],
    };
    for _ in 0..100 {
        let n = 1 + rng.below(4);
        let mut targets = Vec::new();
        for t in 0..n {
            // AArch64 lists start at `generic`: the qemu models here are modest.
            let mut target = if t == 0 && (arch == Arch::Aarch64 || rng.below(2) == 0) {
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
            .is_ok_and(|l| l.resolve(arch, None).is_ok());
        if accepted {
            return list;
        }
    }
    panic!("no accepted list in 100 draws");
}

/// How the IR of program `seed` is made: a name, flags besides the README
/// recipe's, and whether it is optimized IR (`--input optimized`).
fn style(seed: u64) -> (&'static str, Vec<&'static str>, bool) {
    match seed % 4 {
        0 => ("the README recipe", vec![], false),
        1 => ("-fPIC", vec!["-fPIC"], false),
        2 => ("-O0", vec!["-O0"], false),
        _ => ("optimized -O2 IR", vec![], true),
    }
}

/// Where a program is built and run.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Platform {
    Linux,
    Aarch64,
    Windows,
}

impl Platform {
    fn of(seed: u64) -> Platform {
        if seed % 10 == 7 {
            Platform::Aarch64
        } else if seed % 20 == 13 {
            Platform::Windows
        } else {
            Platform::Linux
        }
    }

    fn triple(self) -> &'static str {
        match self {
            Platform::Linux => "x86_64-unknown-linux-gnu",
            Platform::Aarch64 => "aarch64-unknown-linux-gnu",
            Platform::Windows => "x86_64-w64-windows-gnu",
        }
    }

    fn arch(self) -> Arch {
        match self {
            Platform::Aarch64 => Arch::Aarch64,
            _ => Arch::X86_64,
        }
    }

    /// The library's file name.
    fn library(self) -> &'static str {
        match self {
            Platform::Windows => "p.dll",
            _ => "libp.so",
        }
    }

    /// How `main` is renamed (and, on Windows, exported).
    fn rename(self) -> &'static str {
        match self {
            Platform::Windows => "-Dmain=__declspec(dllexport) csmith_main",
            _ => "-Dmain=csmith_main",
        }
    }

    /// The ordinary build of `src` into `library`: clang-22 for every
    /// platform, as the image's IR is clang-22's. (MinGW's gcc is no
    /// reference for it: it lays out bit-fields as clang's `-mno-ms-bitfields`
    /// does, clang-22 for `x86_64-w64-windows-gnu` as MSVC does, and a program
    /// that depends on the layout computes another checksum with each, even
    /// at -O0 — Csmith seed 1733: gcc CC98FB94, clang-22 762DEDF.)
    fn ordinary(self, src: &Path, library: &Path) {
        let target = format!("--target={}", self.triple());
        let rename = self.rename();
        let out = s(library);
        let mut args = vec![
            "-O2",
            "-w",
            "-I/usr/include/csmith",
            rename,
            "-o",
            out,
            s(src),
        ];
        args.extend([target.as_str(), "-shared"]);
        match self {
            Platform::Windows => args.push("-fuse-ld=lld"),
            _ => args.push("-fPIC"),
        }
        run_ok("clang-22", &args);
    }

    /// A driver that calls `csmith_main` of `library`, at `exe`.
    fn link(self, work: &Path, library: &Path, exe: &Path) {
        let rpath = format!("-Wl,-rpath,{}", s(library.parent().unwrap()));
        match self {
            Platform::Linux => {
                let driver = work.join("driver.c");
                std::fs::write(&driver, DRIVER).unwrap();
                run_ok(
                    "clang-22",
                    &["-w", "-o", s(exe), s(&driver), s(library), &rpath],
                );
            }
            Platform::Aarch64 => {
                let driver = work.join("driver.c");
                std::fs::write(&driver, DRIVER).unwrap();
                run_ok(
                    "aarch64-linux-gnu-gcc",
                    &["-o", s(exe), s(&driver), s(library), &rpath],
                );
            }
            Platform::Windows => {
                let driver = work.join("driver.c");
                std::fs::write(&driver, WINDOWS_DRIVER).unwrap();
                run_ok("x86_64-w64-mingw32-gcc", &["-O2", "-o", s(exe), s(&driver)]);
            }
        }
    }

    /// The ways each build runs: a wrapper command (empty: natively) and
    /// the database CPU it emulates (`None`: this machine).
    fn runners(self, seed: u64) -> Vec<(Vec<&'static str>, Option<&'static str>)> {
        match self {
            Platform::Linux if seed.is_multiple_of(4) => vec![
                (vec![], None),
                (vec!["qemu-x86_64", "-cpu", "Nehalem"], Some("nehalem")),
            ],
            Platform::Linux => vec![(vec![], None)],
            Platform::Aarch64 => ["cortex-a53", "neoverse-n1"]
                .iter()
                .map(|cpu| {
                    let wrapper = vec!["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", "-cpu", cpu];
                    (wrapper, Some(*cpu))
                })
                .collect(),
            Platform::Windows => vec![(vec!["wine"], None)],
        }
    }
}

fn arch_name(arch: Arch) -> &'static str {
    match arch {
        Arch::X86_64 => "x86_64",
        Arch::Aarch64 => "aarch64",
    }
}

const DRIVER: &str =
    "int csmith_main(int, char **);\nint main(int c, char **v) { return csmith_main(c, v); }\n";

const WINDOWS_DRIVER: &str = r#"#include <windows.h>
int main(int c, char **v) {
    HMODULE h = LoadLibraryA("p.dll");
    if (!h) return 99;
    int (*m)(int, char **) = (int (*)(int, char **))GetProcAddress(h, "csmith_main");
    return m(c, v);
}
"#;

/// Runs `program` in its directory (with `wrapper` before it; `wine` is
/// wine64 in the tests' shared prefix, and `MVIMG_FORCE_TARGET` = `force`);
/// its standard output without carriage returns, or `None` when it ran
/// past the limit.
fn run(wrapper: &[&str], program: &Path, force: Option<&str>) -> Option<String> {
    let mut command = match wrapper.split_first() {
        Some((&"wine", _)) => wine::command(program),
        Some((first, rest)) => {
            let mut c = Command::new(first);
            c.args(rest).arg(program);
            c
        }
        None => Command::new(program),
    };
    command.current_dir(program.parent().unwrap());
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
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let out = child.wait_with_output().unwrap();
    Some(String::from_utf8_lossy(&out.stdout).replace('\r', ""))
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn csmith_programs_compute_the_ordinary_checksum_on_every_target() {
    let programs: u64 = std::env::var("MVIMG_DIFFERENTIAL")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(14);
    // Where a long run starts (to continue one): seeds first..first+programs.
    let first: u64 = std::env::var("MVIMG_DIFFERENTIAL_FIRST")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    // Runs of other seed ranges (the suite's and a long one) use their own
    // directories, so that they can run at once.
    let dir = scratch(&format!("differential-{first}-{programs}"));
    let (mut runs, mut slow, mut lists_drawn, mut unrunnable) = (0, 0, 0, 0);
    // Runs and programs (with at least one run) per platform.
    let mut per_platform = std::collections::BTreeMap::new();
    let mut programs_per_platform = std::collections::BTreeMap::new();
    let mut failures = Vec::new();
    // The first x86_64 Linux failure of a run is reduced (C-Vise), once,
    // for at most MVIMG_REDUCE_SECONDS (default 600).
    let mut reduced_one: Option<u64> = None;
    let reduce_seconds: u64 = std::env::var("MVIMG_REDUCE_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(600);
    let mut done = 0u64;
    let progress = |done: u64,
                    seed: u64,
                    (slow, lists_drawn, runs, unrunnable): (u64, u64, u64, u64),
                    (per_platform, programs_per_platform): (
        &std::collections::BTreeMap<String, u64>,
        &std::collections::BTreeMap<String, u64>,
    ),
                    failures: usize| {
        eprintln!(
            "{done} Csmith programs (seeds {first}..={seed}; {slow} skipped: slow or crashing in \
             the ordinary build, or past the limit at -O0 like clang's -O0 build), {lists_drawn} drawn lists, {runs} runs {per_platform:?} \
             of programs {programs_per_platform:?} \
             ({unrunnable} CPU and list pairs with no runnable target): {failures} divergences \
             or build failures"
        );
    };
    // Only seeds of these platforms (`MVIMG_DIFFERENTIAL_PLATFORMS`, e.g.
    // `Aarch64,Windows`; all by default): to add AArch64 and Windows
    // programs to a run without the x86_64 Linux ones.
    let only: Option<Vec<String>> = std::env::var("MVIMG_DIFFERENTIAL_PLATFORMS")
        .ok()
        .map(|v| v.split(',').map(|p| p.trim().to_owned()).collect());
    for seed in first..first + programs {
        let platform = Platform::of(seed);
        if only
            .as_ref()
            .is_some_and(|only| !only.contains(&format!("{platform:?}")))
        {
            continue;
        }
        done += 1;
        if done.is_multiple_of(50) {
            progress(
                done - 1,
                seed - 1,
                (slow, lists_drawn, runs, unrunnable),
                (&per_platform, &programs_per_platform),
                failures.len(),
            );
        }
        let work = dir.join(format!("p{seed}"));
        std::fs::create_dir_all(work.join("ordinary")).unwrap();
        std::fs::create_dir_all(work.join("image")).unwrap();
        let src = work.join("p.c");
        let out = Command::new("csmith")
            .args(["--seed", &seed.to_string(), "-o", s(&src)])
            .output()
            .expect("csmith runs (ci/setup installs it)");
        assert!(out.status.success(), "csmith --seed {seed}");
        let runners = platform.runners(seed);
        // The ordinary build and its checksum (under the first runner).
        let ordinary: PathBuf = work.join("ordinary").join(platform.library());
        platform.ordinary(&src, &ordinary);
        let ordinary_exe = work.join("ordinary/driver.exe");
        platform.link(&work.join("ordinary"), &ordinary, &ordinary_exe);
        // Csmith programs may run for long, and a few crash in the
        // ordinary build (deep recursion): such a seed is skipped.
        let expected = match run(&runners[0].0, &ordinary_exe, None) {
            Some(text) if text.contains("checksum = ") => text,
            _ => {
                slow += 1;
                let _ = std::fs::remove_dir_all(&work);
                continue;
            }
        };
        // The image.
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ seed.wrapping_mul(0x1000_0000_01b3));
        let list = match (platform, seed % 5) {
            (Platform::Aarch64, 0) => JULIA_AARCH64.to_owned(),
            (_, 0) => JULIA_X86[(seed / 5) as usize % JULIA_X86.len()].to_owned(),
            _ => {
                lists_drawn += 1;
                draw_list(&mut rng, platform.arch())
            }
        };
        let (how, flags, optimized) = style(seed);
        let bc = work.join("p.bc");
        let mut args: Vec<&str> = if optimized {
            vec!["-O2", "-emit-llvm", "-c"]
        } else {
            mvimg::codegen::inputs::CLANG_IR_FLAGS.to_vec()
        };
        let target = format!("--target={}", platform.triple());
        args.extend(flags.iter());
        args.extend([
            target.as_str(),
            "-w",
            "-I/usr/include/csmith",
            platform.rename(),
            s(&src),
            "-o",
            s(&bc),
        ]);
        run_ok("clang-22", &args);
        let image = work.join("image").join(platform.library());
        let mut build = vec!["build", "-C", list.as_str(), "-o", s(&image), s(&bc)];
        if optimized {
            build.extend(["--input", "optimized"]);
        }
        let out = mvimg(&build);
        // The first x86_64 Linux failure of the run is reduced; what its
        // message says of that.
        let mut reduce_first = |symptom: &Symptom<'_>| {
            if platform != Platform::Linux || reduced_one.is_some() {
                return String::new();
            }
            reduced_one = Some(seed);
            let result = reduce(
                &src,
                &work,
                &list,
                (&flags, optimized),
                symptom,
                reduce_seconds,
            );
            reduction_note(&result)
        };
        if !out.status.success() {
            let stderr = String::from_utf8_lossy(&out.stderr);
            let line = stderr.lines().next().unwrap_or("error").trim().to_owned();
            let note = reduce_first(&Symptom::Build(&line));
            failures.push(format!(
                "seed {seed} ({platform:?}, {how}, `{list}`): the build failed: {stderr}{note}"
            ));
            continue;
        }
        let exe = work.join("image/driver.exe");
        platform.link(&work.join("image"), &image, &exe);
        // IR made at -O0 keeps -O0 code (`optnone`): a program only -O2
        // makes fast (Csmith's loops whose results -O2 proves unused) runs
        // past the limit in the image as in clang's own -O0 build of the
        // source. Such a seed is skipped as slow when the -O0 build is as
        // slow; a hang of the image alone stays a failure.
        if how == "-O0" && platform == Platform::Linux && run(&[], &exe, None).is_none() {
            let o0 = work.join("o0");
            run_ok(
                "clang-22",
                &["-O0", "-w", "-I/usr/include/csmith", "-o", s(&o0), s(&src)],
            );
            if run(&[], &o0, None).is_none() {
                slow += 1;
                let _ = std::fs::remove_dir_all(&work);
                continue;
            }
        }
        if platform == Platform::Windows {
            for dll in common::mingw_runtime_dlls() {
                std::fs::copy(&dll, work.join("image").join(dll.file_name().unwrap())).unwrap();
            }
        }
        let targets = list.split(';').count();
        let mut forces: Vec<Option<String>> = vec![None];
        forces.extend((0..targets).map(|t| Some(t.to_string())));
        let runs_before = runs;
        for (runner, cpu) in &runners {
            // What the CPU may run: a target forced where `mvimg select`
            // accepts the same override (an override the init refuses keeps
            // target 0, which such a CPU may not run), and nothing at all
            // where no target of the list can run (the init says so).
            let accepts = |force: Option<&str>| {
                let mut select = vec!["select", "--arch", arch_name(platform.arch())];
                if let Some(cpu) = cpu {
                    select.extend(["--host-cpu", cpu]);
                }
                select.push(list.as_str());
                let mut command = Command::new(env!("CARGO_BIN_EXE_mvimg"));
                command.args(&select).env_remove("MVIMG_FORCE_TARGET");
                if let Some(t) = force {
                    command.env("MVIMG_FORCE_TARGET", t);
                }
                command.output().unwrap().status.success()
            };
            if !accepts(None) {
                unrunnable += 1;
                continue;
            }
            // Under another CPU the ordinary build's own answer is the
            // reference (it does not depend on the CPU, but is checked).
            let reference = if runner == &runners[0].0 {
                Some(expected.clone())
            } else {
                run(runner, &ordinary_exe, None)
            };
            for force in &forces {
                if force.is_some() && !accepts(force.as_deref()) {
                    continue;
                }
                runs += 1;
                *per_platform.entry(format!("{platform:?}")).or_insert(0) += 1;
                let got = run(runner, &exe, force.as_deref());
                if got != reference {
                    let note = reduce_first(&Symptom::Diverges {
                        runner,
                        force: force.as_deref(),
                    });
                    failures.push(format!(
                        "seed {seed} ({platform:?}, {how}, `{list}`, {runner:?}, forced {force:?}): \
                         {got:?}, the ordinary build {reference:?}{note}"
                    ));
                }
            }
        }
        if runs > runs_before {
            *programs_per_platform
                .entry(format!("{platform:?}"))
                .or_insert(0) += 1;
        }
        if failures.is_empty() {
            let _ = std::fs::remove_dir_all(&work);
        }
    }
    progress(
        done,
        first + programs - 1,
        (slow, lists_drawn, runs, unrunnable),
        (&per_platform, &programs_per_platform),
        failures.len(),
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// What a failing x86_64 Linux program did wrong, for [`reduce`].
enum Symptom<'a> {
    /// `mvimg build` failed with this line in its message.
    Build(&'a str),
    /// The image, run under `runner` forced to `force`, printed something
    /// else than the ordinary build.
    Diverges {
        runner: &'a [&'a str],
        force: Option<&'a str>,
    },
}

/// Reduces the Csmith program `src` (an x86_64 Linux one) with C-Vise to a
/// small program that still shows `symptom` for the list `list` and IR made
/// with `ir_flags` (`optimized`: `--input optimized`), in `dir/reduced/p.c`.
/// A candidate counts only if its ordinary build, and gcc's `-O0` build with
/// UndefinedBehaviorSanitizer, print the same checksum (so the reduction
/// keeps the program well defined). Returns the reduced file and its size,
/// or why there is none. C-Vise runs at most `seconds`.
fn reduce(
    src: &Path,
    dir: &Path,
    list: &str,
    (ir_flags, optimized): (&[&str], bool),
    symptom: &Symptom<'_>,
    seconds: u64,
) -> Result<(PathBuf, u64), String> {
    let work = dir.join("reduced");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let reduced = work.join("p.c");
    std::fs::copy(src, &reduced).map_err(|e| e.to_string())?;
    std::fs::write(work.join("driver.c"), DRIVER).map_err(|e| e.to_string())?;
    let quote = |t: &str| format!("'{}'", t.replace('\'', r"'\''"));
    let mut ir: Vec<String> = if optimized {
        vec!["-O2".into(), "-emit-llvm".into(), "-c".into()]
    } else {
        mvimg::codegen::inputs::CLANG_IR_FLAGS
            .iter()
            .map(|f| (*f).to_owned())
            .collect()
    };
    ir.extend(ir_flags.iter().map(|f| (*f).to_owned()));
    let ir = ir.iter().map(|f| quote(f)).collect::<Vec<_>>().join(" ");
    let input = if optimized { "--input optimized" } else { "" };
    let mvimg = quote(env!("CARGO_BIN_EXE_mvimg"));
    let driver = quote(s(&work.join("driver.c")));
    let csmith = "-w -I/usr/include/csmith -Dmain=csmith_main";
    let check = match symptom {
        Symptom::Build(line) => format!(
            "if {mvimg} build -C {list} {input} -o img.so p.bc 2> build.err; then exit 1; fi\n\
             grep -qF -- {line} build.err\n",
            list = quote(list),
            line = quote(line),
        ),
        Symptom::Diverges { runner, force } => format!(
            "{mvimg} build -C {list} {input} -o img.so p.bc 2>/dev/null || exit 1\n\
             clang-22 -w -o img {driver} ./img.so -Wl,-rpath,\"$PWD\" || exit 1\n\
             b=$({force} timeout 20 {runner} ./img 2>/dev/null)\n\
             [ \"$b\" != \"$a\" ]\n",
            list = quote(list),
            force = force.map_or(String::new(), |t| format!("MVIMG_FORCE_TARGET={t}")),
            runner = runner
                .iter()
                .map(|r| quote(r))
                .collect::<Vec<_>>()
                .join(" "),
        ),
    };
    let script = work.join("interesting.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/bash\n# C-Vise's interestingness test (tests/differential.rs)\n\
             clang-22 -O2 -fPIC -shared {csmith} -o ord.so p.c || exit 1\n\
             clang-22 -w -o ord {driver} ./ord.so -Wl,-rpath,\"$PWD\" || exit 1\n\
             a=$(timeout 10 ./ord 2>/dev/null) || exit 1\n\
             case \"$a\" in *'checksum = '*) ;; *) exit 1;; esac\n\
             gcc -O0 -fsanitize=undefined -fno-sanitize-recover=all -w -I/usr/include/csmith -o ub p.c || exit 1\n\
             u=$(timeout 20 ./ub 2>/dev/null) || exit 1\n\
             [ \"$u\" = \"$a\" ] || exit 1\n\
             clang-22 {ir} {csmith} p.c -o p.bc || exit 1\n\
             {check}"
        ),
    )
    .map_err(|e| e.to_string())?;
    run_ok("chmod", &["755", s(&script)]);
    // The symptom must hold for the original program, or there is nothing
    // to reduce.
    let first = Command::new(&script)
        .current_dir(&work)
        .status()
        .map_err(|e| e.to_string())?;
    if !first.success() {
        return Err(format!(
            "the interestingness test {} does not hold for the original program",
            script.display()
        ));
    }
    let out = Command::new("timeout")
        .arg(seconds.to_string())
        .args(["cvise", "--n", "2", "--timeout", "60", "--tidy"])
        .arg(&script)
        .arg("p.c")
        .current_dir(&work)
        .output()
        .map_err(|e| format!("cvise runs (ci/setup installs it): {e}"))?;
    let size = std::fs::metadata(&reduced)
        .map_err(|e| e.to_string())?
        .len();
    if !out.status.success() && size == std::fs::metadata(src).map_err(|e| e.to_string())?.len() {
        return Err(format!(
            "cvise: {}",
            String::from_utf8_lossy(&out.stderr)
                .lines()
                .last()
                .unwrap_or("")
        ));
    }
    Ok((reduced, size))
}

/// What a failure's message says of its reduction.
fn reduction_note(result: &Result<(PathBuf, u64), String>) -> String {
    match result {
        Ok((file, size)) => format!(
            "\n  reduced by C-Vise to {} ({size} bytes): keep it as a regression test",
            file.display()
        ),
        Err(why) => format!("\n  not reduced: {why}"),
    }
}

/// A small generator of C++ programs for the shapes Csmith's C lacks: a
/// class hierarchy with virtual calls made through base pointers, templates
/// instantiated for several types, exceptions thrown in one translation unit
/// and caught in another, tables of function pointers to another unit's
/// functions and address comparisons across units, constructors of globals,
/// and thread-locals read by the main thread and a second thread. Integer
/// arithmetic only (unsigned, so well defined; no floating point, whose
/// contraction into FMA legitimately differs between targets). Every unit
/// folds what it computed into `gen_run`'s checksum.
mod cxx_gen {
    use super::Rng;

    /// An unsigned 64-bit expression over `x`, `i` and `acc`, at most
    /// `depth` deep.
    fn expression(rng: &mut Rng, depth: usize) -> String {
        if depth == 0 || rng.below(4) == 0 {
            return match rng.below(4) {
                0 => "x".into(),
                1 => "i".into(),
                2 => "acc".into(),
                _ => format!("{}ull", rng.next() % 100_000),
            };
        }
        let (a, b) = (expression(rng, depth - 1), expression(rng, depth - 1));
        match rng.below(9) {
            0 => format!("({a} + {b})"),
            1 => format!("({a} - {b})"),
            2 => format!("({a} * {b})"),
            3 => format!("({a} ^ {b})"),
            4 => format!("({a} >> {})", 1 + rng.below(63)),
            5 => format!("({a} << {})", 1 + rng.below(63)),
            6 => format!("({a} % {}ull)", 1 + rng.below(1000)),
            7 => format!("(({a} < {b}) ? {a} : {b})"),
            _ => format!("(({a} & {b}) | {})", rng.below(256)),
        }
    }

    /// A loop body computing `acc` from `x` over `n` rounds.
    fn body(rng: &mut Rng) -> String {
        let rounds = 1 + rng.below(40);
        format!(
            "    unsigned long long acc = {}ull;\n    for (unsigned long long i = 0; i < {rounds}; ++i) {{\n        acc = {};\n    }}\n    return acc;\n",
            rng.next() % 1000,
            expression(rng, 3)
        )
    }

    /// The program of `seed`: (file name, text) for the shared header and
    /// `units` translation units; unit 0 defines `gen_run`.
    pub fn program(seed: u64, units: usize) -> Vec<(String, String)> {
        let mut rng = Rng(0x51ed_270b_27a1_3c0d ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let classes = 2 + rng.below(3);
        let functions = 3 + rng.below(4);
        let mut header = String::from(
            "#pragma once\n#include <cstddef>\n\
             struct Shape {\n    virtual ~Shape();\n\
             virtual unsigned long long f(unsigned long long x) const = 0;\n\
             virtual unsigned long long g(unsigned long long x) const { return x * 3 + 1; }\n};\n\
             struct Failure { unsigned long long code; };\n\
             template <typename T, int N> T mix(T x) {\n    for (int i = 0; i < N; ++i) x = T(x * T(2654435761u) + T(i)) ^ T(x >> 7);\n    return x;\n}\n\
             unsigned long long fold(unsigned long long h, unsigned long long v);\n",
        );
        for u in 0..units {
            header += &format!(
                "Shape *make_{u}(int which);\n\
                 unsigned long long thrower_{u}(unsigned long long v);\n\
                 extern unsigned long long (*const table_{u}[{functions}])(unsigned long long);\n\
                 unsigned long long unit_{u}(unsigned long long x);\n\
                 extern unsigned long long state_{u};\n\
                 extern thread_local unsigned long long tls_{u};\n\
                 const void *address_{u}(int which);\n"
            );
            for k in 0..functions {
                header += &format!("unsigned long long fn_{u}_{k}(unsigned long long x);\n");
            }
        }
        let mut files = vec![("gen.h".to_owned(), header)];
        for u in 0..units {
            let next = (u + 1) % units;
            let mut text = String::from("#include \"gen.h\"\n\n");
            if u == 0 {
                text += "Shape::~Shape() {}\n\
                         unsigned long long fold(unsigned long long h, unsigned long long v) {\n    \
                         return (h ^ v) * 1099511628211ull + (h >> 29);\n}\n";
            }
            text += &format!(
                "unsigned long long state_{u};\nthread_local unsigned long long tls_{u} = {};\n",
                rng.below(1000)
            );
            // A global whose constructor runs at load.
            text += &format!(
                "namespace {{\nstruct Init {{\n    Init() {{\n        unsigned long long x = {}ull, acc = 0;\n        for (unsigned long long i = 0; i < 16; ++i) acc = {};\n        state_{u} = acc;\n    }}\n}} init;\n}}\n",
                rng.next() % 10_000,
                expression(&mut rng, 2)
            );
            for k in 0..functions {
                text += &format!(
                    "unsigned long long fn_{u}_{k}(unsigned long long x) {{\n    tls_{u} += x & 15;\n{}}}\n",
                    body(&mut rng)
                );
            }
            // A table of the next unit's functions.
            let entries: Vec<String> = (0..functions)
                .map(|_| format!("fn_{next}_{}", rng.below(functions)))
                .collect();
            text += &format!(
                "unsigned long long (*const table_{u}[{functions}])(unsigned long long) = {{{}}};\n",
                entries.join(", ")
            );
            text += &format!(
                "const void *address_{u}(int which) {{\n    switch (which % 3) {{\n    case 0: return (const void *)&fn_{u}_0;\n    case 1: return &state_{u};\n    default: return (const void *)table_{u}[0];\n    }}\n}}\n"
            );
            for c in 0..classes {
                let g = if rng.below(2) == 0 {
                    format!(
                        "    unsigned long long g(unsigned long long x) const override {{\n{}    }}\n",
                        body(&mut rng).replace("\n    ", "\n        ")
                    )
                } else {
                    String::new()
                };
                text += &format!(
                    "namespace {{\nstruct C{c} final : Shape {{\n    unsigned long long k = {}ull;\n    unsigned long long f(unsigned long long x) const override {{\n        x += k;\n{}    }}\n{g}}};\n}}\n",
                    rng.next() % 1000,
                    body(&mut rng).replace("\n    ", "\n        ")
                );
            }
            text += &format!("Shape *make_{u}(int which) {{\n    switch (which % {classes}) {{\n");
            for c in 0..classes {
                text += &format!("    case {c}: return new C{c};\n");
            }
            text += "    default: return nullptr;\n    }\n}\n";
            let modulus = 3 + rng.below(9);
            text += &format!(
                "unsigned long long thrower_{u}(unsigned long long v) {{\n    if (v % {modulus} == 1) throw Failure{{v * 7 + {u}}};\n    return mix<unsigned, {}>(unsigned(v)) + mix<unsigned long long, {}>(v);\n}}\n",
                1 + rng.below(5),
                1 + rng.below(5)
            );
            // The unit's own work: calls through the next unit's table, the
            // next unit's thrower caught here, virtual calls.
            text += &format!(
                "unsigned long long unit_{u}(unsigned long long x) {{\n    unsigned long long h = state_{u};\n    for (int i = 0; i < {functions}; ++i) h = fold(h, table_{u}[i](x + i));\n    for (unsigned long long v = 0; v < 24; ++v) {{\n        try {{\n            h = fold(h, thrower_{next}(x + v));\n        }} catch (const Failure &f) {{\n            h = fold(h, f.code);\n        }}\n    }}\n    for (int w = 0; w < {}; ++w) {{\n        Shape *s = make_{next}(w);\n        h = fold(h, s->f(x + w));\n        h = fold(h, s->g(h));\n        delete s;\n    }}\n    h = fold(h, table_{u}[0] == &fn_{next}_0);\n    h = fold(h, address_{next}(0) == (const void *)&fn_{next}_0);\n    h = fold(h, address_{next}(1) == &state_{next});\n    h = fold(h, address_{next}(2) == (const void *)table_{next}[0]);\n    return h;\n}}\n",
                2 * classes
            );
            if u == 0 {
                text += "#include <thread>\n\
                         extern \"C\" unsigned long long gen_run(void) {\n    unsigned long long h = 0;\n";
                for v in 0..units {
                    text += &format!("    h = fold(h, unit_{v}(h));\n");
                }
                text += "    unsigned long long other = 0;\n    std::thread t([&] {\n";
                for v in 0..units {
                    text += &format!("        other = fold(other, unit_{v}({v}));\n");
                    text += &format!("        other = fold(other, tls_{v});\n");
                }
                text += "    });\n    t.join();\n    h = fold(h, other);\n";
                for v in 0..units {
                    text += &format!("    h = fold(h, tls_{v});\n");
                }
                text += "    return h;\n}\n";
            }
            files.push((format!("unit{u}.cpp"), text));
        }
        files
    }
}

/// Generated C++ programs (the generator above: virtual calls, templates,
/// exceptions across units, function-pointer tables and address comparisons
/// across units, constructors, thread-locals and a second thread), three
/// translation units each, built the ordinary way (`clang++-22 -O2 -fPIC
/// -shared -pthread`) and as an image from IR made one of the ways users
/// make it, for a drawn target list (or Julia's), with 1 to 4 partitions
/// forced by seed; run natively unforced and forced to every target this
/// host runs, and every third program under `qemu-x86_64 -cpu Nehalem`:
/// `gen_run`'s checksum must be the ordinary build's. The suite runs 8
/// programs; `MVIMG_DIFFERENTIAL_CXX=N` runs seeds 1 to N.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn generated_cxx_programs_compute_the_ordinary_checksum_on_every_target() {
    let programs: u64 = std::env::var("MVIMG_DIFFERENTIAL_CXX")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8);
    let dir = scratch("differential-cxx");
    let driver = dir.join("driver.c");
    std::fs::write(
        &driver,
        "#include <stdio.h>\nunsigned long long gen_run(void);\n\
         int main(void) { printf(\"checksum = %llx\\n\", gen_run()); return 0; }\n",
    )
    .unwrap();
    let (mut runs, mut failures) = (0, Vec::new());
    for seed in 1..=programs {
        let work = dir.join(format!("p{seed}"));
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir_all(work.join("ordinary")).unwrap();
        std::fs::create_dir_all(work.join("image")).unwrap();
        let files = cxx_gen::program(seed, 3);
        let mut units = Vec::new();
        for (name, text) in &files {
            let path = work.join(name);
            std::fs::write(&path, text).unwrap();
            if name.ends_with(".cpp") {
                units.push(path);
            }
        }
        let link = |lib: &Path, exe: &Path| {
            let search = format!("-L{}", s(lib.parent().unwrap()));
            let rpath = format!("-Wl,-rpath,{}", s(lib.parent().unwrap()));
            run_ok(
                "gcc",
                &[
                    "-O1",
                    "-o",
                    s(exe),
                    s(&driver),
                    &search,
                    "-l:libgen.so",
                    &rpath,
                ],
            );
        };
        let ordinary = work.join("ordinary/libgen.so");
        let mut args = vec![
            "-O2",
            "-fPIC",
            "-shared",
            "-pthread",
            "-w",
            "-o",
            s(&ordinary),
        ];
        args.extend(units.iter().map(|u| s(u)));
        run_ok("clang++-22", &args);
        let ordinary_exe = work.join("ordinary/driver");
        link(&ordinary, &ordinary_exe);
        let expected = run(&[], &ordinary_exe, None)
            .filter(|t| t.starts_with("checksum = "))
            .unwrap_or_else(|| panic!("seed {seed}: the ordinary build did not finish"));

        let mut rng = Rng(0xc2b2_ae3d_27d4_eb4f ^ seed.wrapping_mul(0x1656_67b1_9e37_79f9));
        let list = if seed.is_multiple_of(5) {
            JULIA_X86[(seed / 5) as usize % JULIA_X86.len()].to_owned()
        } else {
            draw_list(&mut rng, Arch::X86_64)
        };
        let (how, flags, optimized) = style(seed);
        let mut bitcode = Vec::new();
        for unit in &units {
            let bc = unit.with_extension("bc");
            let mut args: Vec<&str> = if optimized {
                vec!["-O2", "-emit-llvm", "-c"]
            } else {
                mvimg::codegen::inputs::CLANG_IR_FLAGS.to_vec()
            };
            args.extend(flags.iter());
            args.extend(["-w", s(unit), "-o", s(&bc)]);
            run_ok("clang++-22", &args);
            bitcode.push(bc);
        }
        let image = work.join("image/libgen.so");
        let partitions = (1 + seed % 4).to_string();
        let mut build = vec![
            "build",
            "-C",
            list.as_str(),
            "--partitions",
            partitions.as_str(),
            "-o",
            s(&image),
        ];
        build.extend(bitcode.iter().map(|b| s(b)));
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
        let mut runners: Vec<(Vec<&str>, Option<&str>)> = vec![(Vec::new(), None)];
        if seed.is_multiple_of(3) {
            runners.push((vec!["qemu-x86_64", "-cpu", "Nehalem"], Some("nehalem")));
        }
        for (runner, cpu) in &runners {
            let accepts = |force: Option<&str>| {
                let mut select = vec!["select", "--arch", "x86_64"];
                if let Some(cpu) = cpu {
                    select.extend(["--host-cpu", cpu]);
                }
                select.push(list.as_str());
                let mut command = Command::new(env!("CARGO_BIN_EXE_mvimg"));
                command.args(&select).env_remove("MVIMG_FORCE_TARGET");
                if let Some(t) = force {
                    command.env("MVIMG_FORCE_TARGET", t);
                }
                command.output().unwrap().status.success()
            };
            if !accepts(None) {
                continue;
            }
            let mut forces: Vec<Option<String>> = vec![None];
            forces.extend((0..targets).map(|t| Some(t.to_string())));
            for force in &forces {
                if force.is_some() && !accepts(force.as_deref()) {
                    continue;
                }
                runs += 1;
                let got = run(runner, &exe, force.as_deref());
                if got.as_deref() != Some(expected.as_str()) {
                    failures.push(format!(
                        "seed {seed} ({how}, `{list}`, {partitions} partitions, {runner:?}, \
                         forced {force:?}): {got:?}, the ordinary build {expected:?}"
                    ));
                }
            }
        }
        if failures.is_empty() && std::env::var_os("MVIMG_DIFFERENTIAL_KEEP").is_none() {
            let _ = std::fs::remove_dir_all(&work);
        }
    }
    eprintln!(
        "{programs} generated C++ programs, {runs} runs: {} divergences or build failures",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The reducer itself: a Csmith program whose image build fails (here for a
/// reason that holds for every program: a misspelt CPU in the list) is
/// shrunk by C-Vise within a short budget, and the reduced program still
/// builds ordinarily, runs clean under UndefinedBehaviorSanitizer with the
/// same checksum, and still shows the symptom.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn the_reducer_shrinks_a_failing_program_and_keeps_its_symptom() {
    let dir = scratch("differential-reducer");
    let src = dir.join("p.c");
    run_ok(
        "csmith",
        &["--seed", "3", "--max-funcs", "4", "-o", s(&src)],
    );
    let before = std::fs::metadata(&src).unwrap().len();
    let symptom = Symptom::Build("did you mean");
    let (reduced, size) = reduce(&src, &dir, "generic;haswel", (&[], false), &symptom, 45)
        .unwrap_or_else(|why| panic!("{why}"));
    eprintln!("reduced {before} bytes to {size}");
    assert!(size < before, "{size} bytes from {before}");
    let script = reduced.parent().unwrap().join("interesting.sh");
    let status = Command::new(&script)
        .current_dir(reduced.parent().unwrap())
        .status()
        .unwrap();
    assert!(status.success(), "the reduced program lost its symptom");
}
