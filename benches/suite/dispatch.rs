//! Part 1, load-time dispatch: `dlopen(RTLD_NOW)` of an mvimg image (its own
//! init selects and fills the slots) and `Image::open` of the same image (the
//! Rust loader) against a library of the same C functions built by clang-22
//! with `target_clones` (a glibc ifunc per function), with the same three
//! variants, at 1,000 / 10,000 / 100,000 functions.
//!
//! Function `f<i>` calls `f<i-1>`, so every ifunc is also called from inside
//! its library: the dynamic loader runs every resolver at RTLD_NOW, as it
//! would for a library whose functions call each other. Each sample is a
//! fresh process; the three loads alternate round after round.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use mvimg::cpu::{Image, OpenOptions};

use crate::common::{measure, output, paired_ratio, Ctx, Stats};

/// The variants on both sides.
const CLONES: &str = r#""default", "arch=haswell", "arch=x86-64-v4""#;
const LIST: &str = "generic;haswell,clone_all;x86-64-v4,clone_all";

/// Child mode: times `Image::open` of `path` and prints
/// `NANOSECONDS 0 SELECTED` as the C driver does.
pub fn load_rust(path: &str) -> Result<()> {
    let start = Instant::now();
    let image =
        Image::open(path, &OpenOptions::default()).with_context(|| format!("opening {path}"))?;
    let ns = start.elapsed().as_nanos();
    println!("{ns} 0 {}", image.selection().index);
    Ok(())
}

/// The C source of `n` functions, `parts` translation units; with
/// `target_clones` on every definition when `clones`.
fn sources(n: usize, parts: usize, clones: bool) -> Vec<String> {
    let mut out = vec![String::new(); parts];
    let per = n.div_ceil(parts);
    for i in 0..n {
        let text = &mut out[i / per];
        if text.is_empty() && i > 0 {
            let _ = writeln!(text, "unsigned f{}(unsigned);", i - 1);
        }
        if clones {
            let _ = write!(text, "__attribute__((target_clones({CLONES}))) ");
        }
        if i == 0 {
            let _ = writeln!(text, "unsigned f0(unsigned x) {{ return x * 7u; }}");
        } else {
            let _ = writeln!(
                text,
                "unsigned f{i}(unsigned x) {{ return x ? f{}(x - 1) * 3u + {i}u : {i}u; }}",
                i - 1
            );
        }
    }
    out
}

/// One size: the two libraries and their build times.
struct Size {
    n: usize,
    ifunc: PathBuf,
    mvimg: PathBuf,
    ifunc_build: f64,
    mvimg_build: f64,
    /// `mvimg build` alone: (threads, seconds, peak resident KiB).
    mvimg_runs: Vec<(usize, f64, u64)>,
    /// File sizes in bytes: the ifunc library, the image (`clone_all`), the
    /// image of the list without `clone_all`, the ordinary one-target
    /// library.
    bytes: [u64; 4],
}

/// The list of [`LIST`]'s targets without `clone_all`: Julia's default
/// semantics, where a target clones only the functions that gain from it.
const SELECTIVE_LIST: &str = "generic;haswell;x86-64-v4";

fn build(ctx: &Ctx, n: usize) -> Result<Size> {
    let dir = ctx.subdir(&format!("dispatch-{n}"))?;
    // The ifunc library: two translation units compiled in parallel (the two
    // cores), linked by ld.lld-22 as the mvimg image is.
    let start = Instant::now();
    let mut children = Vec::new();
    let mut objects = Vec::new();
    for (k, text) in sources(n, 2, true).into_iter().enumerate() {
        let c = dir.join(format!("ifunc{k}.c"));
        let o = dir.join(format!("ifunc{k}.o"));
        std::fs::write(&c, text)?;
        children.push(
            Command::new("clang-22")
                .args(["-O2", "-fPIC", "-c", "-o"])
                .arg(&o)
                .arg(&c)
                .spawn()
                .context("starting clang-22")?,
        );
        objects.push(o);
    }
    for mut child in children {
        if !child.wait()?.success() {
            bail!(
                "clang-22 failed on the target_clones source in {}",
                dir.display()
            );
        }
    }
    let ifunc = dir.join("libifunc.so");
    output(
        Command::new("clang-22")
            .args(["-shared", "-fuse-ld=lld", "-Wl,-z,relro,-z,now", "-o"])
            .arg(&ifunc)
            .args(&objects),
    )?;
    let ifunc_build = start.elapsed().as_secs_f64();

    // The mvimg image: the same functions without attributes, to bitcode as
    // the README's "Producing IR" says (clang's -O2 front end, LLVM's
    // passes left to mvimg: each side optimizes each variant once), then
    // `mvimg build` for the same three variants on every core.
    let start = Instant::now();
    let c = dir.join("plain.c");
    let bc = dir.join("plain.bc");
    std::fs::write(&c, sources(n, 1, false).concat())?;
    output(
        Command::new("clang-22")
            .args(mvimg::codegen::inputs::CLANG_IR_FLAGS)
            .args(["-fPIC", "-o"])
            .arg(&bc)
            .arg(&c),
    )?;
    let mvimg = dir.join("libmvimg.so");
    let cost = measure(
        Command::new(env!("CARGO_BIN_EXE_mvimg"))
            .args(["build", "-C", LIST, "-o"])
            .arg(&mvimg)
            .arg(&bc),
    )?;
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let mut mvimg_runs = vec![(threads, cost.seconds, cost.peak_kib)];
    let mvimg_build = start.elapsed().as_secs_f64();
    // Peak memory on one thread too (the 100,000-function build only with
    // MVIMG_BENCH_DISPATCH_ONE_THREAD=1: it takes about 7 minutes).
    if threads > 1 && (n < 100_000 || std::env::var_os("MVIMG_BENCH_DISPATCH_ONE_THREAD").is_some())
    {
        let cost = measure(
            Command::new(env!("CARGO_BIN_EXE_mvimg"))
                .args(["build", "-j", "1", "-C", LIST, "-o"])
                .arg(dir.join("libmvimg-j1.so"))
                .arg(&bc),
        )?;
        mvimg_runs.push((1, cost.seconds, cost.peak_kib));
    }
    // Sizes beside: the image of the same targets without clone_all, and
    // the ordinary one-target library of the same source.
    let selective = dir.join("libmvimg-selective.so");
    output(
        Command::new(env!("CARGO_BIN_EXE_mvimg"))
            .args(["build", "-C", SELECTIVE_LIST, "-o"])
            .arg(&selective)
            .arg(&bc),
    )?;
    let ordinary = dir.join("libordinary.so");
    output(
        Command::new("clang-22")
            .args(["-O2", "-fPIC", "-shared", "-fuse-ld=lld", "-o"])
            .arg(&ordinary)
            .arg(&c),
    )?;
    let size = |path: &Path| -> Result<u64> { Ok(std::fs::metadata(path)?.len()) };
    let bytes = [
        size(&ifunc)?,
        size(&mvimg)?,
        size(&selective)?,
        size(&ordinary)?,
    ];
    Ok(Size {
        n,
        ifunc,
        mvimg,
        ifunc_build,
        mvimg_build,
        mvimg_runs,
        bytes,
    })
}

/// One load in a fresh process: (nanoseconds, result of f<n-1>(20), selected).
fn load(command: &mut Command) -> Result<(f64, u64, i64)> {
    let out = output(command)?;
    let fields: Vec<&str> = out.split_whitespace().collect();
    match fields.as_slice() {
        [ns, value, selected] => Ok((ns.parse()?, value.parse()?, selected.parse()?)),
        _ => bail!("unexpected output of a load: {out:?}"),
    }
}

/// The three ways of loading, in the table's order.
const WAYS: [&str; 4] = [
    "glibc ifunc (clang-22 target_clones)",
    "mvimg image, its own init",
    "mvimg image, Rust loader (Image::open)",
    "mvimg image, Rust loader in a process linking LLVM",
];

pub fn run(ctx: &Ctx) -> Result<String> {
    let sizes: Vec<usize> = match std::env::var("MVIMG_BENCH_DISPATCH_SIZES") {
        Ok(v) => v
            .split(',')
            .map(|s| s.trim().parse())
            .collect::<Result<_, _>>()
            .context("MVIMG_BENCH_DISPATCH_SIZES: comma-separated function counts")?,
        // The 100,000-function row takes about 11 minutes (both builds
        // and the loads): only when asked for, to keep ci/bench within 20
        // minutes (MVIMG_BENCH_DISPATCH_SIZES=1000,10000,100000).
        Err(_) => vec![1_000, 10_000],
    };
    let dir = ctx.subdir("dispatch")?;
    let driver = dir.join("load");
    ctx.driver(&driver, &["load.c"], &["-ldl".into()])?;
    let mut built = Vec::new();
    for &n in &sizes {
        built.push(build(ctx, n)?);
        eprintln!("  built {n}-function libraries");
    }
    // The loader timed in a process as small as the C driver (mvimg-cpu's
    // open_image example: ci/bench builds it) and in this one, which links
    // LLVM: every symbol lookup of the image's relocations also searches
    // the libraries a process links, so the same dlopen costs more here.
    let me = std::env::current_exe()?;
    let small = me
        .parent()
        .and_then(Path::parent)
        .map(|profile| profile.join("examples/open_image"))
        .context("the suite runs from target/<profile>/deps")?;
    if !small.is_file() {
        bail!(
            "{} is missing: `cargo build --release -p mvimg-cpu --example open_image` \
             (ci/bench builds it)",
            small.display()
        );
    }
    let rounds = ctx.rounds(11);
    // samples[size][way]
    let mut samples = vec![vec![Vec::new(); WAYS.len()]; built.len()];
    for round in 0..=rounds {
        for (s, size) in built.iter().enumerate() {
            let last = format!("f{}", size.n - 1);
            let commands = [
                (&driver, size.ifunc.as_path()),
                (&driver, size.mvimg.as_path()),
                (&small, size.mvimg.as_path()),
                (&me, size.mvimg.as_path()),
            ];
            let mut values = Vec::new();
            for (way, (program, lib)) in commands.iter().enumerate() {
                let mut command = Command::new(program);
                match way {
                    2 => command.arg(lib),
                    3 => command.arg("--load-rust").arg(lib),
                    _ => command.arg(lib).arg(&last).arg("20"),
                };
                let (ns, value, selected) = load(&mut command)?;
                if way == 1 && selected < 0 {
                    bail!("the {}-function image selected no target", size.n);
                }
                values.push(value);
                // Round 0 warms the page cache and is not counted.
                if round > 0 {
                    samples[s][way].push(ns / 1e6);
                }
            }
            if values[0] != values[1] {
                bail!(
                    "f{}(20) is {} in the ifunc library and {} in the mvimg image",
                    size.n - 1,
                    values[0],
                    values[1]
                );
            }
        }
    }

    let mut out = format!(
        "### 1. Load-time dispatch\n\n\
         `dlopen(RTLD_NOW)` in a fresh process, ms, median (min–max) of {rounds} rounds; \
         three variants each (`{LIST}` against target_clones {CLONES}); every function \
         calls the previous one. Ratios: to the ifunc library and (for the Rust loader) \
         to the image's own init, in the same round.\n\n\
         | functions | way | load ms | ratio to ifunc | ratio to the init | µs per function |\n\
         |---:|---|---:|---:|---:|---:|\n"
    );
    for (s, size) in built.iter().enumerate() {
        for (way, name) in WAYS.iter().enumerate() {
            let stats = Stats::of(&samples[s][way]);
            let ratio = paired_ratio(&samples[s][way], &samples[s][0]);
            let to_init = if way >= 2 {
                paired_ratio(&samples[s][way], &samples[s][1]).show(2)
            } else {
                "—".to_owned()
            };
            let _ = writeln!(
                out,
                "| {} | {name} | {} | {} | {to_init} | {:.3} |",
                size.n,
                stats.show(2),
                ratio.show(2),
                stats.median * 1e3 / size.n as f64
            );
        }
    }
    if built.len() > 1 {
        let _ = writeln!(
            out,
            "\nGrowth (median load time at each size over the previous size's, for \
             {}x the functions):\n",
            built[1].n / built[0].n
        );
        for (way, name) in WAYS.iter().enumerate() {
            let steps: Vec<String> = built
                .windows(2)
                .enumerate()
                .map(|(s, w)| {
                    let a = Stats::of(&samples[s][way]).median;
                    let b = Stats::of(&samples[s + 1][way]).median;
                    format!("{}→{}: {:.1}x", w[0].n, w[1].n, b / a)
                })
                .collect();
            let _ = writeln!(out, "- {name}: {}", steps.join(", "));
        }
    }
    let _ = writeln!(
        out,
        "\nLibrary size (bytes, not stripped; ratio to the target_clones library): \
         the ifunc library, the image for `{LIST}`, the image for `{SELECTIVE_LIST}` \
         (Julia's default: a target clones what gains from it) and the ordinary \
         one-target library (`clang-22 -O2 -shared` of the same source).\n\n\
         | functions | target_clones | image, clone_all | image, selective | one target |\n\
         |---:|---:|---:|---:|---:|"
    );
    for b in &built {
        let show = |k: usize| {
            format!(
                "{} ({:.2})",
                b.bytes[k],
                b.bytes[k] as f64 / b.bytes[0] as f64
            )
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            b.n,
            show(0),
            show(1),
            show(2),
            show(3)
        );
    }
    let _ = writeln!(
        out,
        "\nBuild time (one build each, s): {}",
        built
            .iter()
            .map(|b| format!(
                "{} functions: ifunc library {:.1} (2 clang-22 processes), mvimg {:.1} \
                 (clang-22 to bitcode, then `mvimg build`)",
                b.n, b.ifunc_build, b.mvimg_build
            ))
            .collect::<Vec<_>>()
            .join("; ")
    );
    let _ = writeln!(
        out,
        "\n`mvimg build` alone (the bitcode made), by thread count: {}",
        built
            .iter()
            .map(|b| {
                let runs: Vec<String> = b
                    .mvimg_runs
                    .iter()
                    .map(|(threads, s, kib)| {
                        format!("{threads} thread(s) {s:.1} s, peak {} MiB", kib / 1024)
                    })
                    .collect();
                format!("{} functions: {}", b.n, runs.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ")
    );
    Ok(out)
}
