//! The main job on the bundled example: numeric kernels (kernels.c) compiled
//! by clang-22 to LLVM IR, multiversioned for the default target list of this
//! machine (or `MVIMG_CPU_TARGET`), linked into a shared library in process,
//! loaded and dispatched by mvimg's loader, run, checked against the generic
//! clone (`MVIMG_FORCE_TARGET=0`) and timed against it.
//!
//! `cargo run --release --example kernels` (what `ci/example` runs).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use mvimg::codegen::{build, link_image, BuildOptions};
use mvimg::cpu::{Arch, Image, OpenOptions, Os, TargetList};

type Saxpy = extern "C" fn(*mut f32, *const f32, f32, usize);
type Dot = extern "C" fn(*const f32, *const f32, usize) -> f32;
type Matmul = extern "C" fn(*mut f32, *const f32, *const f32, usize);
type Stencil = extern "C" fn(*mut f64, *const f64, usize);
type Checksum = extern "C" fn(*const u8, usize) -> u32;

/// The kernels of one loaded image.
struct Kernels {
    saxpy: Saxpy,
    dot: Dot,
    matmul: Matmul,
    stencil: Stencil,
    checksum: Checksum,
}

impl Kernels {
    /// Target `target`'s bodies of the kernels in `image` (the kernels are
    /// leaves: they call no other dispatched function).
    fn of(image: &Image, target: usize) -> Result<Kernels> {
        // SAFETY: the signatures of kernels.c.
        unsafe {
            Ok(Kernels {
                saxpy: image.target_function(target, "saxpy").context("saxpy")?,
                dot: image.target_function(target, "dot").context("dot")?,
                matmul: image.target_function(target, "matmul").context("matmul")?,
                stencil: image
                    .target_function(target, "stencil")
                    .context("stencil")?,
                checksum: image
                    .target_function(target, "checksum")
                    .context("checksum")?,
            })
        }
    }
}

/// Inputs, and a run of one kernel returning a digest of its result.
struct Work {
    x: Vec<f32>,
    y: Vec<f32>,
    a: Vec<f32>,
    b: Vec<f32>,
    d: Vec<f64>,
    bytes: Vec<u8>,
}

const N: usize = 1 << 16;
const M: usize = 128;

impl Work {
    fn new() -> Work {
        Work {
            x: (0..N).map(|i| (i % 251) as f32 * 0.01).collect(),
            y: (0..N).map(|i| (i % 127) as f32 * 0.02).collect(),
            a: (0..M * M).map(|i| (i % 17) as f32 * 0.125).collect(),
            b: (0..M * M).map(|i| (i % 13) as f32 * 0.25).collect(),
            d: (0..N).map(|i| (i % 101) as f64 * 0.5).collect(),
            bytes: (0..N * 4).map(|i| (i * 7 % 256) as u8).collect(),
        }
    }

    /// Runs kernel `name` of `k` once; returns a number summarizing the result.
    fn run(&self, k: &Kernels, name: &str) -> f64 {
        match name {
            "saxpy" => {
                let mut y = self.y.clone();
                for _ in 0..16 {
                    (k.saxpy)(y.as_mut_ptr(), self.x.as_ptr(), 1.5, N);
                }
                y.iter().map(|v| f64::from(*v)).sum()
            }
            "dot" => (0..16)
                .map(|_| f64::from((k.dot)(self.x.as_ptr(), self.y.as_ptr(), N)))
                .sum(),
            "matmul" => {
                let mut c = vec![0.0f32; M * M];
                (k.matmul)(c.as_mut_ptr(), self.a.as_ptr(), self.b.as_ptr(), M);
                c.iter().map(|v| f64::from(*v)).sum()
            }
            "stencil" => {
                let (mut a, mut b) = (self.d.clone(), vec![0.0f64; N]);
                for _ in 0..8 {
                    (k.stencil)(b.as_mut_ptr(), a.as_ptr(), N);
                    std::mem::swap(&mut a, &mut b);
                }
                a.iter().sum()
            }
            "checksum" => f64::from((k.checksum)(self.bytes.as_ptr(), self.bytes.len())),
            _ => unreachable!(),
        }
    }
}

/// Median time of one run of `name`, over 15 samples of enough runs to take
/// ~10 ms each.
fn time(work: &Work, k: &Kernels, name: &str) -> Duration {
    let start = Instant::now();
    let mut runs = 0u32;
    while start.elapsed() < Duration::from_millis(10) {
        std::hint::black_box(work.run(k, name));
        runs += 1;
    }
    let mut samples: Vec<Duration> = (0..15)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..runs {
                std::hint::black_box(work.run(k, name));
            }
            start.elapsed() / runs
        })
        .collect();
    samples.sort();
    samples[samples.len() / 2]
}

/// A copy of `image` under `name`: each copy is its own dlopen instance with
/// its own slots.
fn copy(image: &Path, name: &str) -> Result<PathBuf> {
    let to = image.with_file_name(name);
    std::fs::copy(image, &to).with_context(|| format!("copying {}", image.display()))?;
    Ok(to)
}

fn main() -> Result<()> {
    let arch = match std::env::consts::ARCH {
        "x86_64" => Arch::X86_64,
        "aarch64" => Arch::Aarch64,
        other => bail!("the example runs on x86_64 or aarch64 Linux, not {other}"),
    };
    let triple = format!("{arch}-unknown-linux-gnu");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target").join("mvimg-example");
    std::fs::create_dir_all(&dir)?;
    let source = root.join("examples").join("kernels").join("kernels.c");
    let bitcode = dir.join("kernels.bc");
    let status = Command::new("clang-22")
        // -O1: clang does not vectorize yet; each target's clone is
        // vectorized by mvimg's -O2 for its own CPU.
        .args([
            "-O1",
            "-fPIC",
            "-c",
            "-emit-llvm",
            &format!("--target={triple}"),
            "-o",
        ])
        .arg(&bitcode)
        .arg(&source)
        .status()
        .context("running clang-22 (ci/setup installs it)")?;
    if !status.success() {
        bail!("clang-22 failed on {}", source.display());
    }

    // $MVIMG_CPU_TARGET, else this machine's default list; `native` is this
    // machine as mvimg detects it.
    let list = TargetList::chosen(None, arch, Os::host())?;
    let native = if list.uses_native() {
        Some(mvimg::cpu::Host::detect()?)
    } else {
        None
    };
    let targets = list.resolve(arch, native.as_ref())?;
    let started = Instant::now();
    let built = build(&[bitcode], &targets, &BuildOptions::default())?;
    let image = dir.join("libkernels.so");
    link_image(&built, &image)?;
    println!(
        "built {} from {} for `{list}` in {:.2} s",
        image.display(),
        source.display(),
        started.elapsed().as_secs_f64()
    );
    for t in &built.plan.targets {
        let cloned: Vec<&str> = built
            .plan
            .functions
            .iter()
            .filter(|f| f.clones.iter().any(|c| c.target == t.index))
            .map(|f| f.name.as_str())
            .collect();
        println!(
            "  target {} {}: {}",
            t.index,
            t.spec,
            if t.index == 0 {
                "every base body".to_owned()
            } else {
                format!("clones {}", cloned.join(", "))
            }
        );
    }

    // The image's init selects when it is loaded; the loader predicted the
    // same target from the file (it refuses to load otherwise).
    let selected = Image::open(
        copy(&image, "libkernels-selected.so")?,
        &OpenOptions::from_env(),
    )?;
    let s = selected.selection();
    println!("\nthis machine selects target {}: {}", s.index, s.name);
    // The image selected on its own when it was loaded; the loader agrees.
    match selected.own_selection() {
        Some(own) if own == s.index => println!("  (the image's own init selected {own} too)"),
        own => bail!(
            "the image's own init selected {own:?}, the loader {}",
            s.index
        ),
    }
    for r in &s.rejected {
        println!("  not {} {}: {}", r.index, r.name, s.why(r));
    }

    let work = Work::new();
    // The selected bodies against target 0's bodies of the same image.
    let (fast, base) = (Kernels::of(&selected, s.index)?, Kernels::of(&selected, 0)?);
    println!(
        "\n| kernel | target {} | target 0 (generic) | speed-up |\n|---|---:|---:|---:|",
        s.index
    );
    for name in ["saxpy", "dot", "matmul", "stencil", "checksum"] {
        let (a, b) = (work.run(&fast, name), work.run(&base, name));
        // Reassociated float sums may differ in the last bits.
        if (a - b).abs() > 1e-4 * a.abs().max(1.0) {
            bail!(
                "{name}: target {} gives {a}, the generic clone {b}",
                s.index
            );
        }
        let (ta, tb) = (time(&work, &fast, name), time(&work, &base, name));
        println!(
            "| {name} | {:.1} µs | {:.1} µs | {:.2}x |",
            ta.as_secs_f64() * 1e6,
            tb.as_secs_f64() * 1e6,
            tb.as_secs_f64() / ta.as_secs_f64()
        );
    }
    println!("\nresults agree between the selected and the generic clones");
    Ok(())
}
