//! Part 7, whole programs: real libraries built two ways from the same
//! sources — the ordinary `clang-22 -O2 -fPIC -shared` build, and an mvimg
//! image for the default list from the README's IR (`-O2 -Xclang
//! -disable-llvm-passes -emit-llvm`, with `-fPIC`) — and a driver program run
//! against each, interleaved: the image on the target this machine selects,
//! the image forced to target 0, the ordinary library. Every run's output
//! must equal the ordinary build's. Beside it: sizes, build time and peak
//! memory, and the one-partition image's build (the default build must not
//! cost more than it).
//!
//! Programs: Lua 5.4 (the `lua-src` crate) running benches/suite/programs/
//! bench.lua; SQLite's `speedtest1` (from Debian's source package) on the
//! `libsqlite3-sys` amalgamation; zstd (`zstd-sys`) compressing and
//! decompressing SQLite's amalgamation through its library; a C++ workload
//! of templates, virtual calls and standard containers over four
//! translation units (benches/suite/programs/cxx_*.cpp).

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{anyhow, bail, Context, Result};

use crate::common::{measure, output, paired_ratio, Ctx, Stats};

/// One program: a library and the driver that runs it.
struct Program {
    name: &'static str,
    /// The library's name (`lib{lib}.so`).
    lib: &'static str,
    /// C (`clang-22`) or C++ (`clang++-22`).
    compiler: &'static str,
    sources: Vec<PathBuf>,
    /// Preprocessor and include flags of the library's sources.
    flags: Vec<String>,
    /// The driver's source and its compile flags.
    driver: PathBuf,
    driver_flags: Vec<String>,
    /// What the ordinary library links besides its code (`-lm`).
    libs: Vec<String>,
    /// The driver's arguments.
    args: Vec<String>,
    /// What the driver was given, for the report.
    inputs: String,
}

/// The library's C files of `dir` with extension `ext`, but `skip`, sorted.
fn files(dir: &Path, ext: &str, skip: &[&str]) -> Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .filter(|p| !skip.iter().any(|s| p.file_name().is_some_and(|n| n == *s)))
        .collect();
    out.sort();
    Ok(out)
}

/// speedtest1.c from Debian 12's `sqlite3` source package (`apt-get source`,
/// the `deb-src` entry ci/setup adds), unpacked once per run.
fn speedtest1(ctx: &Ctx) -> Result<PathBuf> {
    let dir = ctx.subdir("sqlite-source")?;
    output(Command::new("apt-get").current_dir(&dir).args([
        "source",
        "--download-only",
        "-q",
        "sqlite3",
    ]))
    .context("fetching Debian's sqlite3 source package (ci/setup adds the deb-src entry)")?;
    let tarball = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.ends_with(".orig.tar.xz") && !n.contains("-www"))
        })
        .ok_or_else(|| anyhow!("no sqlite3 .orig.tar.xz in {}", dir.display()))?;
    output(
        Command::new("tar")
            .current_dir(&dir)
            .arg("xf")
            .arg(&tarball)
            .args(["--wildcards", "*/test/speedtest1.c"]),
    )?;
    for entry in std::fs::read_dir(&dir)?.flatten() {
        let candidate = entry.path().join("test").join("speedtest1.c");
        if candidate.is_file() {
            return Ok(candidate);
        }
    }
    bail!("speedtest1.c is not in {}", tarball.display())
}

fn programs(ctx: &Ctx) -> Result<Vec<Program>> {
    let here = ctx.root.join("benches").join("suite").join("programs");
    let lua = ctx.crate_source("lua-src")?.join("lua-5.4.8");
    let sqlite = ctx.crate_source("libsqlite3-sys")?.join("sqlite3");
    let zstd = ctx.crate_source("zstd-sys")?.join("zstd").join("lib");
    let mut zstd_sources = Vec::new();
    for sub in ["common", "compress", "decompress"] {
        zstd_sources.extend(files(&zstd.join(sub), "c", &[])?);
    }
    let include = |dir: &Path| format!("-I{}", dir.display());
    Ok(vec![
        Program {
            name: "Lua 5.4.8",
            lib: "lua",
            compiler: "clang-22",
            sources: files(&lua, "c", &["lua.c", "luac.c"])?,
            flags: vec!["-DLUA_USE_LINUX".into()],
            driver: here.join("lua_main.c"),
            driver_flags: vec![include(&lua)],
            libs: vec!["-lm".into()],
            args: vec![here.join("bench.lua").display().to_string()],
            inputs: "bench.lua (recursion, string building and matching, sorts, closures, \
                     floating point, tables)"
                .into(),
        },
        Program {
            name: "SQLite speedtest1",
            lib: "sqlite3",
            compiler: "clang-22",
            sources: vec![sqlite.join("sqlite3.c")],
            flags: vec!["-DSQLITE_THREADSAFE=0".into()],
            driver: speedtest1(ctx)?,
            driver_flags: vec![include(&sqlite)],
            libs: vec!["-lm".into()],
            args: vec!["--size".into(), "40".into(), "--memdb".into()],
            inputs: "speedtest1 (SQLite 3.40.1's) --size 40 --memdb".into(),
        },
        Program {
            name: "zstd",
            lib: "zstd",
            compiler: "clang-22",
            sources: zstd_sources,
            flags: vec![
                "-DZSTD_DISABLE_ASM".into(),
                "-DZSTD_MULTITHREAD=0".into(),
                include(&zstd),
                include(&zstd.join("common")),
            ],
            driver: here.join("zstd_main.c"),
            driver_flags: vec![include(&zstd)],
            libs: Vec::new(),
            args: vec![sqlite.join("sqlite3.c").display().to_string()],
            inputs: "sqlite3.c (levels 1, 3, 9; each decompressed 5 times)".into(),
        },
        Program {
            name: "C++ shapes",
            lib: "shapes",
            compiler: "clang++-22",
            sources: [
                "cxx_shapes.cpp",
                "cxx_areas.cpp",
                "cxx_words.cpp",
                "cxx_api.cpp",
            ]
            .iter()
            .map(|f| here.join(f))
            .collect(),
            flags: Vec::new(),
            driver: here.join("cxx_main.c"),
            driver_flags: Vec::new(),
            libs: Vec::new(),
            args: Vec::new(),
            inputs: "16 rounds of 200,000 shapes and 100,000 words".into(),
        },
    ])
}

/// The three ways a program runs, in the order of each round.
const WAYS: [&str; 3] = ["image", "image target 0", "ordinary"];

struct Measured {
    name: &'static str,
    inputs: String,
    selected: String,
    /// Per way, seconds per round.
    samples: [Vec<f64>; 3],
    sizes: [u64; 2],
    /// Seconds and peak MiB: ordinary build, image, one-partition image.
    builds: [(f64, u64); 3],
    bitcode_seconds: f64,
}

/// The program's output without the times it prints (speedtest1 ends each
/// line with one), for comparing runs.
fn without_times(text: &str) -> String {
    text.lines()
        .map(|line| {
            line.split_whitespace()
                .filter(|w| {
                    !(w.ends_with('s')
                        && w.len() > 1
                        && w[..w.len() - 1]
                            .trim_start_matches('.')
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == '.'))
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn build_and_run(ctx: &Ctx, program: &Program, rounds: usize) -> Result<Measured> {
    let dir = ctx.subdir(&format!("programs-{}", program.lib))?;
    let lib_file = format!("lib{}.so", program.lib);
    // The README's IR, one bitcode file per source.
    let started = Instant::now();
    let mut bitcode = Vec::new();
    for (i, source) in program.sources.iter().enumerate() {
        let bc = dir.join(format!("{i}.bc"));
        output(
            Command::new(program.compiler)
                .args(mvimg::codegen::inputs::CLANG_IR_FLAGS)
                .arg("-fPIC")
                .args(&program.flags)
                .arg(source)
                .arg("-o")
                .arg(&bc),
        )?;
        bitcode.push(bc);
    }
    let bitcode_seconds = started.elapsed().as_secs_f64();
    let variant = |name: &str| -> Result<PathBuf> {
        let d = dir.join(name);
        std::fs::create_dir_all(&d)?;
        Ok(d)
    };
    let (ordinary, image, single) = (variant("ordinary")?, variant("image")?, variant("one")?);
    let ordinary_build = measure(
        Command::new(program.compiler)
            .args(["-O2", "-fPIC", "-shared", "-o"])
            .arg(ordinary.join(&lib_file))
            .args(&program.flags)
            .args(&program.sources)
            .args(&program.libs),
    )?;
    let mvimg = |out: &Path, extra: &[&str]| -> Result<crate::common::Cost> {
        measure(
            Command::new(env!("CARGO_BIN_EXE_mvimg"))
                .arg("build")
                .args(extra)
                .arg("-o")
                .arg(out.join(&lib_file))
                .args(&bitcode)
                .env_remove("MVIMG_CPU_TARGET")
                .env_remove("MVIMG_CACHE"),
        )
    };
    let image_build = mvimg(&image, &[])?;
    let single_build = mvimg(&single, &["--partitions", "1"])?;
    let explained: serde_json::Value = serde_json::from_str(&output(
        Command::new(env!("CARGO_BIN_EXE_mvimg"))
            .arg("explain")
            .arg(image.join(&lib_file))
            .arg("--json"),
    )?)?;
    let selected = format!(
        "{} `{}`",
        explained["selected"]["index"],
        explained["selected"]["name"].as_str().unwrap_or("?")
    );
    let driver = dir.join("driver");
    output(
        Command::new(program.compiler.replace("++", ""))
            .args(["-O2", "-o"])
            .arg(&driver)
            .arg(&program.driver)
            .args(&program.driver_flags)
            .arg(format!("-L{}", ordinary.display()))
            .arg(format!("-l{}", program.lib)),
    )?;
    let run = |way: usize| -> Result<(f64, String)> {
        let mut command = Command::new(&driver);
        command.args(&program.args);
        let lib_dir = if way == 2 { &ordinary } else { &image };
        command.env("LD_LIBRARY_PATH", lib_dir);
        command.env_remove("MVIMG_FORCE_TARGET");
        if way == 1 {
            command.env("MVIMG_FORCE_TARGET", "0");
        }
        let started = Instant::now();
        let out = output(&mut command)?;
        Ok((started.elapsed().as_secs_f64(), without_times(&out)))
    };
    let (_, expected) = run(2)?;
    let mut samples: [Vec<f64>; 3] = Default::default();
    for _ in 0..rounds {
        for (way, samples) in samples.iter_mut().enumerate() {
            let (seconds, out) = run(way)?;
            if out != expected {
                bail!(
                    "{} ({}) printed\n{out}\nwhere the ordinary build printed\n{expected}",
                    program.name,
                    WAYS[way]
                );
            }
            samples.push(seconds);
        }
    }
    let size = |d: &Path| std::fs::metadata(d.join(&lib_file)).map(|m| m.len());
    let mib = |c: &crate::common::Cost| c.peak_kib / 1024;
    Ok(Measured {
        name: program.name,
        inputs: program.inputs.clone(),
        selected,
        samples,
        sizes: [size(&ordinary)?, size(&image)?],
        builds: [
            (ordinary_build.seconds, mib(&ordinary_build)),
            (image_build.seconds, mib(&image_build)),
            (single_build.seconds, mib(&single_build)),
        ],
        bitcode_seconds,
    })
}

pub fn run(ctx: &Ctx) -> Result<String> {
    let rounds = ctx.rounds(7);
    let mut measured = Vec::new();
    for program in programs(ctx)? {
        eprintln!("   {}", program.name);
        measured.push(build_and_run(ctx, &program, rounds)?);
    }
    let mut out = String::new();
    writeln!(
        out,
        "### 7. Whole programs\n\n\
         Each library built from the same sources two ways: ordinary, `clang-22 -O2 -fPIC -shared`; \
         image, `mvimg build` for the default list from the README's IR (`-O2 -Xclang \
         -disable-llvm-passes -emit-llvm`, with `-fPIC`), default partitions. The same driver runs \
         against each, {rounds} interleaved rounds of (image on the target this machine selects, \
         image forced to target 0, ordinary); every run's output equals the ordinary build's. \
         Wall seconds per run, median (min–max); speed = ordinary time / image time, paired by \
         round (above 1: the image is faster).\n"
    )?;
    writeln!(
        out,
        "| program | inputs | selected | image s | target 0 s | ordinary s | speed selected | speed target 0 |\n\
         |---|---|---|---:|---:|---:|---:|---:|"
    )?;
    for m in &measured {
        let [image, zero, ordinary] = &m.samples;
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            m.name,
            m.inputs,
            m.selected,
            Stats::of(image).show(3),
            Stats::of(zero).show(3),
            Stats::of(ordinary).show(3),
            paired_ratio(ordinary, image).show(2),
            paired_ratio(ordinary, zero).show(2),
        )?;
    }
    writeln!(
        out,
        "\nBuild cost (one build each; every core): the ordinary build is one `clang-22 -O2 -shared` \
         process over the sources; the image's is `mvimg build` over the bitcode (making the bitcode, \
         one clang-22 per file, beside it), and the one-partition image's `mvimg build --partitions 1`. \
         Sizes are of the linked libraries (not stripped).\n\n\
         | program | ordinary KiB | image KiB | ordinary build s / MiB | bitcode s | image build s / MiB | one-partition build s / MiB | image / one-partition: time, memory |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|"
    )?;
    for m in &measured {
        let [(os, om), (is, im), (ss, sm)] = m.builds;
        writeln!(
            out,
            "| {} | {} | {} | {:.1} / {} | {:.1} | {:.1} / {} | {:.1} / {} | {:.2}, {:.2} |",
            m.name,
            m.sizes[0] / 1024,
            m.sizes[1] / 1024,
            os,
            om,
            m.bitcode_seconds,
            is,
            im,
            ss,
            sm,
            is / ss,
            im as f64 / sm.max(1) as f64,
        )?;
    }
    Ok(out)
}
