//! The mini language runtime example: a C runtime library (`minirt.c`: an
//! allocator, printing, a data symbol, a registry of named functions), a
//! system image (hand-written float kernels in `system.c`, a few hundred
//! generated functions, a serialized blob linked as an object, and a
//! function-pointer table the runtime walks at start-up, relocated to the
//! selected clones) and a package image layered on it (`package.c`), built
//! from this one machine for x86_64 and AArch64 Linux, x86_64 Windows and
//! x86_64/arm64 macOS. The system image is built through mvimg's Rust API;
//! the package image by the runtime's C side (`build_package.c`) through
//! mvimg's C API.
//!
//! Then: the Rust loader opens the x86_64 images here, checking their
//! records before anything loads (and shows a refusal); a C driver
//! (`driver.c`) loads runtime → system image → package image and runs the
//! workload natively, under `qemu-x86_64 -cpu Nehalem|Haswell`,
//! `qemu-aarch64 -cpu cortex-a53|neoverse-n1|a64fx` and wine; the macOS
//! images are checked structurally (every undefined symbol bound to the
//! runtime, the base image or flat lookup; records read back). Every run must
//! print the same workload result.
//!
//! `cargo run --release --example runtime` (what `ci/example` runs second).

#[path = "../../link/tests/common/macho.rs"]
mod macho;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{bail, ensure, Context, Result};
use mvimg::codegen::ImageBuilder;
use mvimg::cpu::image::Refusal;
use mvimg::cpu::{Arch, Image, LoadError, OpenOptions, Os, Platform};
use mvimg::link::LinkJob;

/// Generated functions in the system image.
const GENERATED: usize = 300;

/// The runtime ABI version both images record and the driver requires.
const RUNTIME_ABI: &str = "1";

/// One platform the example builds for.
struct Target {
    triple: &'static str,
    /// clang's triple (macOS: with the minimum version).
    clang: &'static str,
    /// The target list of both images.
    list: &'static str,
    /// The C compiler for the runtime and the driver (Linux, Windows).
    cc: Option<&'static str>,
}

const TARGETS: [Target; 5] = [
    Target {
        triple: "x86_64-unknown-linux-gnu",
        clang: "x86_64-unknown-linux-gnu",
        list: "generic;haswell,clone_all;x86-64-v4",
        cc: Some("gcc"),
    },
    Target {
        triple: "aarch64-unknown-linux-gnu",
        clang: "aarch64-unknown-linux-gnu",
        list: "generic;cortex-a57;neoverse-n1;a64fx",
        cc: Some("aarch64-linux-gnu-gcc"),
    },
    Target {
        triple: "x86_64-w64-windows-gnu",
        clang: "x86_64-w64-windows-gnu",
        list: "generic;haswell,clone_all;x86-64-v4",
        cc: Some("x86_64-w64-mingw32-gcc"),
    },
    Target {
        triple: "x86_64-apple-darwin",
        clang: "x86_64-apple-macosx10.13.0",
        list: "generic;haswell,clone_all",
        cc: None,
    },
    Target {
        triple: "aarch64-apple-darwin",
        clang: "arm64-apple-macosx11.0.0",
        list: "generic;apple-m1",
        cc: None,
    },
];

/// The files of one platform's build.
struct Built {
    dir: PathBuf,
    runtime: PathBuf,
    system: PathBuf,
    package: PathBuf,
}

fn run(program: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .with_context(|| format!("running {program} (ci/setup installs it)"))?;
    if !out.status.success() {
        bail!(
            "{program} {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).replace('\r', ""))
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 paths")
}

/// The generated part of the system image, `gen.c`: GENERATED small static
/// kernels (each a loop, so each is cloned), their function table and the
/// exported accessor `gen_entries`.
fn generate(dir: &Path) -> Result<()> {
    let mut c = String::from(
        "typedef double (*rt_fn)(const double *, int);\n\
         struct rt_entry { const char *name; rt_fn fn; };\n",
    );
    let mut table = String::from("static const struct rt_entry gen_table[] = {\n");
    for k in 0..GENERATED {
        let (a, b) = (1 + k % 7, 1 + k % 5);
        c.push_str(&format!(
            "static double gen_{k}(const double *x, int n) {{\n    double s = 0;\n    \
             for (int i = 0; i < n; i++) s += x[i] * {a}.0 - (double)(i % {b});\n    \
             return s / {n};\n}}\n",
            n = k + 1
        ));
        table.push_str(&format!("    {{\"gen_{k}\", gen_{k}}},\n"));
    }
    table.push_str("};\n");
    c.push_str(&table);
    c.push_str(
        "const struct rt_entry *gen_entries(int *count) {\n    \
         *count = (int)(sizeof gen_table / sizeof gen_table[0]);\n    return gen_table;\n}\n",
    );
    std::fs::write(dir.join("gen.c"), c)?;
    Ok(())
}

/// `clang-22 -O1 -fPIC` of the C file `name` (in the example's directory,
/// or `dir` for generated ones) to IR in `dir`.
fn ir(target: &Target, source: &Path, dir: &Path) -> Result<PathBuf> {
    let stem = source.file_stem().context("a file name")?.to_string_lossy();
    let ll = dir.join(format!("{stem}.ll"));
    run(
        "clang-22",
        &[
            "-O1",
            "-fPIC",
            "-S",
            "-emit-llvm",
            &format!("--target={}", target.clang),
            "-I",
            s(dir),
            "-o",
            s(&ll),
            s(source),
        ],
    )?;
    Ok(ll)
}

/// The serialized blob: 64 bytes as the global `sys_blob`, in an object
/// file (not LLVM IR).
fn blob_object(platform: &Platform) -> Result<Vec<u8>> {
    let bytes: Vec<u8> = (0..64u8).map(|i| (i * 3) % 7).collect();
    Ok(mvimg::link::data_object(platform, "sys_blob", &bytes, 16)?)
}

/// The runtime library for `target`, in `dir`.
fn runtime(target: &Target, platform: &Platform, here: &Path, dir: &Path) -> Result<PathBuf> {
    let source = here.join("minirt.c");
    match (platform.os, target.cc) {
        (Os::Windows, Some(cc)) => {
            let dll = dir.join("minirt.dll");
            let implib = format!("-Wl,--out-implib,{}", s(&dir.join("libminirt.dll.a")));
            run(cc, &["-shared", "-O2", "-o", s(&dll), s(&source), &implib])?;
            Ok(dll)
        }
        (Os::Linux, Some(cc)) => {
            let so = dir.join("libminirt.so");
            run(cc, &["-shared", "-fPIC", "-O2", "-o", s(&so), s(&source)])?;
            Ok(so)
        }
        _ => {
            // macOS: clang's object, linked into a dylib by mvimg-link.
            let object = dir.join("minirt.o");
            run(
                "clang-22",
                &[
                    "-c",
                    "-O2",
                    &format!("--target={}", target.clang),
                    "-o",
                    s(&object),
                    s(&source),
                ],
            )?;
            let dylib = dir.join("libminirt.dylib");
            LinkJob::new(platform.clone(), vec![object], &dylib).link()?;
            Ok(dylib)
        }
    }
}

/// The runtime's image builder in C (build_package.c), compiled against
/// mvimg's C API: the header in capi/include, the library cargo built with
/// this example (`cargo build -p mvimg-capi`; `cargo test` builds it with
/// the workspace).
fn c_builder(root: &Path) -> Result<PathBuf> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let exe = std::env::current_exe()?;
    // Cargo always writes the library to target/<profile>/deps; it copies
    // it up to target/<profile> only when the library is what was asked for
    // (`cargo build -p mvimg-capi`), so under `cargo test` only deps/ holds
    // this build's.
    let lib = exe
        .parent()
        .and_then(Path::parent)
        .map(|profile| profile.join("deps"))
        .context("the example runs from target/<profile>/examples")?;
    ensure!(
        lib.join("libmvimg_capi.so").is_file(),
        "{} has no libmvimg_capi.so: build mvimg's C API first (`cargo build -p mvimg-capi`, \
         with --release for a release build of this example; ci/example does)",
        lib.display()
    );
    std::fs::create_dir_all(root)?;
    let builder = root.join("build_package");
    run(
        "gcc",
        &[
            "-O1",
            "-Wall",
            "-Werror",
            "-o",
            s(&builder),
            s(&here.join("examples/runtime/build_package.c")),
            &format!("-I{}", here.join("capi/include").display()),
            &format!("-L{}", lib.display()),
            &format!("-Wl,-rpath,{}", lib.display()),
            "-lmvimg_capi",
        ],
    )?;
    Ok(builder)
}

/// Builds the runtime, the system image and (with `builder`, the C side)
/// the package image for `target`.
fn build(target: &Target, here: &Path, root: &Path, builder: &Path) -> Result<Built> {
    let platform: Platform = target.triple.parse()?;
    let dir = root.join(target.triple);
    std::fs::create_dir_all(&dir)?;
    generate(&dir)?;
    let runtime = runtime(target, &platform, here, &dir)?;
    let (system_name, package_name) = match platform.os {
        Os::Linux => ("libsystem.so", "libpackage.so"),
        Os::Macos => ("libsystem.dylib", "libpackage.dylib"),
        Os::Windows => ("system.dll", "package.dll"),
    };
    let rpath = match platform.os {
        Os::Linux => Some("$ORIGIN"),
        Os::Macos => Some("@loader_path"),
        Os::Windows => None,
    };
    let system_implib = dir.join("libsystem.dll.a");

    let mut system = ImageBuilder::new()
        .ir_file(ir(target, &here.join("system.c"), &dir)?)
        .ir_file(ir(target, &dir.join("gen.c"), &dir)?)
        .triple(target.triple)
        .target_list(target.list.parse()?)
        .search_path(&dir)
        .library("minirt")
        .object_bytes("blob.o", blob_object(&platform)?)
        .record("runtime-abi", RUNTIME_ABI);
    if let Some(rpath) = rpath {
        system = system.rpath(rpath);
    }
    if platform.os == Os::Windows {
        system = system.import_library(&system_implib);
    }
    let built = system.build()?;
    let system = dir.join(system_name);
    built.link(&system)?;
    // The tables' pointers to the static kernels are relocation cells.
    let relocations = mvimg::inspect::ImageFile::read(&system)?.data.relocs.len();
    ensure!(relocations > GENERATED, "{relocations} relocation cells");
    println!(
        "{}: system image {} ({} functions, {relocations} table cells relocated to the \
         selected clones, {} objects, {} KiB of code)",
        target.triple,
        system.display(),
        built.plan.functions.len(),
        built.objects.len(),
        built.object_bytes() / 1024
    );

    // The package image is built by the runtime's C side, through mvimg's
    // C API (build_package.c).
    let package_path = dir.join(package_name);
    let ir = ir(target, &here.join("package.c"), &dir)?;
    let mut args = vec![
        target.triple.to_owned(),
        target.list.to_owned(),
        s(&ir).to_owned(),
        s(&system).to_owned(),
        s(&dir).to_owned(),
        s(&package_path).to_owned(),
        RUNTIME_ABI.to_owned(),
        rpath.unwrap_or("-").to_owned(),
    ];
    if platform.os == Os::Windows {
        args.push(s(&system_implib).to_owned());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    print!("{}", run(s(builder), &args)?);
    Ok(Built {
        dir,
        runtime,
        system,
        package: package_path,
    })
}

/// The workload line of a driver's output.
fn workload(output: &str) -> Result<String> {
    output
        .lines()
        .find(|l| l.starts_with("workload: "))
        .map(str::to_owned)
        .with_context(|| format!("no workload line in:\n{output}"))
}

/// The driver's line for `image` (`system image: target 2 (...)`).
fn line<'a>(output: &'a str, image: &str) -> &'a str {
    output
        .lines()
        .find(|l| l.starts_with(image))
        .unwrap_or("(missing)")
}

/// The same sources built the ordinary way (gcc, no multiversioning, the
/// blob object linked in) for x86_64 Linux in `dir/ordinary`: what the
/// driver computes with them is what every mvimg build must compute.
fn ordinary(here: &Path, built: &Built, driver: &Path) -> Result<String> {
    let dir = built.dir.join("ordinary");
    std::fs::create_dir_all(&dir)?;
    let blob = dir.join("blob.o");
    std::fs::write(&blob, blob_object(&"x86_64-unknown-linux-gnu".parse()?)?)?;
    let system = dir.join("libsystem.so");
    run(
        "gcc",
        &[
            "-shared",
            "-fPIC",
            "-O2",
            "-I",
            s(&built.dir),
            "-o",
            s(&system),
            s(&here.join("system.c")),
            s(&built.dir.join("gen.c")),
            s(&blob),
            "-L",
            s(&built.dir),
            "-lminirt",
        ],
    )?;
    let package = dir.join("libpackage.so");
    run(
        "gcc",
        &[
            "-shared",
            "-fPIC",
            "-O2",
            "-o",
            s(&package),
            s(&here.join("package.c")),
            s(&system),
        ],
    )?;
    let out = Command::new(driver)
        .args([s(&built.runtime), s(&system), s(&package), "--ordinary"])
        .env("LD_LIBRARY_PATH", &built.dir)
        .output()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    ensure!(
        out.status.success() && text.contains("an ordinary build"),
        "the ordinary build: {text}"
    );
    println!("  ordinary build (gcc -O2, no mvimg): {}", workload(&text)?);
    workload(&text)
}

/// Runs the driver, under `runner` (qemu and its options) unless it is
/// empty, and returns its output.
fn drive(runner: &[&str], built: &Built, driver: &Path, label: &str) -> Result<String> {
    let (program, mut args) = match runner.split_first() {
        Some((program, options)) => {
            let mut args = options.to_vec();
            args.push(s(driver));
            (*program, args)
        }
        None => (s(driver), Vec::new()),
    };
    args.extend([s(&built.runtime), s(&built.system), s(&built.package)]);
    let out = run(program, &args).with_context(|| label.to_owned())?;
    println!(
        "  {label}: {} | {} | {}",
        line(&out, "system image"),
        line(&out, "package image"),
        workload(&out)?
    );
    Ok(out)
}

/// The Rust loader on the x86_64 Linux images: decisions before loading,
/// then the images loaded, each selecting for its own code.
fn rust_loader(built: &Built) -> Result<()> {
    let options = OpenOptions::from_env()
        .require("runtime-abi", RUNTIME_ABI)
        .min_opt_level(mvimg::cpu::OptLevel::O2);
    let system = Image::open(&built.system, &options)?;
    let explain = |image: &Image| {
        let s = image.selection();
        let why: Vec<String> = s
            .rejected
            .iter()
            .map(|r| format!("not {} ({}): {}", r.index, r.name, s.why(r)))
            .collect();
        format!("target {} ({}); {}", s.index, s.name, why.join("; "))
    };
    println!("  Rust loader: system image: {}", explain(&system));
    // A package required to be built for another runtime ABI is refused
    // before anything of it is loaded.
    match Image::open(
        &built.package,
        &OpenOptions::from_env()
            .require("runtime-abi", "2")
            .base(&system),
    ) {
        Err(LoadError::Refused { reasons, .. }) => {
            ensure!(matches!(reasons[..], [Refusal::Record { .. }]));
            println!("  Rust loader: refused as asked: {}", reasons[0]);
        }
        other => bail!("expected a refusal, got {other:?}"),
    }
    let package = Image::open(&built.package, &options.clone().base(&system))?;
    println!("  Rust loader: package image: {}", explain(&package));
    ensure!(system.own_selection() == Some(system.selection().index));
    Ok(())
}

/// Checks a macOS image's bindings: every undefined symbol bound to one of
/// `dylibs` or to flat lookup; returns how many bind to each dylib.
fn macos_bindings(image: &Path, dylibs: &[&str]) -> Result<Vec<usize>> {
    let found = macho::bindings(&std::fs::read(image)?);
    let flat = i64::from(object::macho::BIND_SPECIAL_DYLIB_FLAT_LOOKUP);
    let mut counts = vec![0; dylibs.len() + 1];
    for (name, (_, bind)) in &found.symbols {
        let dylib = (*bind >= 1)
            .then(|| found.dylibs.get(*bind as usize - 1))
            .flatten();
        match dylib.and_then(|d| dylibs.iter().position(|x| x == d)) {
            Some(k) => counts[k] += 1,
            None if *bind == flat => counts[dylibs.len()] += 1,
            None => bail!("{}: {name} is bound to {bind} ({dylib:?})", image.display()),
        }
    }
    Ok(counts)
}

fn main() -> Result<()> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/runtime");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/mvimg-runtime-example");
    let _ = std::fs::remove_dir_all(&root);
    let mut results: Vec<(String, String)> = Vec::new();
    let mut expected: Option<String> = None;
    let builder = c_builder(&root)?;
    for target in &TARGETS {
        let built = build(target, &here, &root, &builder)?;
        let platform: Platform = target.triple.parse()?;
        match (platform.os, platform.arch, target.cc) {
            (Os::Linux, arch, Some(cc)) => {
                let driver = built.dir.join("driver");
                run(
                    cc,
                    &["-O1", "-o", s(&driver), s(&here.join("driver.c")), "-ldl"],
                )?;
                let runs: Vec<(&str, Vec<&str>)> = match arch {
                    Arch::X86_64 => vec![
                        ("native", vec![]),
                        ("qemu Nehalem", vec!["qemu-x86_64", "-cpu", "Nehalem"]),
                        ("qemu Haswell", vec!["qemu-x86_64", "-cpu", "Haswell"]),
                    ],
                    Arch::Aarch64 => ["cortex-a53", "neoverse-n1", "a64fx"]
                        .iter()
                        .map(|cpu| {
                            (
                                *cpu,
                                vec!["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu", "-cpu", cpu],
                            )
                        })
                        .collect(),
                };
                for (label, runner) in runs {
                    let out = drive(&runner, &built, &driver, label)?;
                    results.push((format!("{} {label}", target.triple), workload(&out)?));
                }
                if arch == Arch::X86_64 {
                    rust_loader(&built)?;
                    expected = Some(ordinary(&here, &built, &driver)?);
                }
            }
            (Os::Windows, _, Some(cc)) => {
                let driver = built.dir.join("driver.exe");
                run(cc, &["-O1", "-o", s(&driver), s(&here.join("driver.c"))])?;
                let wine = if Path::new("/usr/lib/wine/wine64").exists() {
                    "/usr/lib/wine/wine64"
                } else {
                    "wine64"
                };
                // The caller's prefix (the tests share one), else one here.
                let prefix = std::env::var_os("WINEPREFIX")
                    .map_or_else(|| built.dir.join("wine-prefix"), PathBuf::from);
                let out = Command::new(wine)
                    .arg(&driver)
                    .args(["minirt.dll", "system.dll", "package.dll"])
                    .current_dir(&built.dir)
                    .env("WINEPREFIX", &prefix)
                    .env("WINEDEBUG", "-all")
                    .output()
                    .context("running wine64 (ci/setup installs it)")?;
                let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
                ensure!(out.status.success(), "wine: {text}");
                println!(
                    "  wine: {} | {} | {}",
                    line(&text, "system image"),
                    line(&text, "package image"),
                    workload(&text)?
                );
                results.push((format!("{} wine", target.triple), workload(&text)?));
            }
            _ => {
                let system = macos_bindings(&built.system, &["@rpath/libminirt.dylib"])?;
                let package = macos_bindings(
                    &built.package,
                    &["@rpath/libsystem.dylib", "@rpath/libminirt.dylib"],
                )?;
                ensure!(system[0] > 0 && package[0] > 0 && package[1] > 0);
                for image in [&built.system, &built.package] {
                    let file = mvimg::inspect::ImageFile::read(image)?;
                    ensure!(file.data.record_value("runtime-abi") == Some(RUNTIME_ABI));
                }
                let file = mvimg::inspect::ImageFile::read(&built.package)?;
                ensure!(file.data.record_value("mvimg.base") == Some("libsystem.dylib"));
                println!(
                    "  read back: system image binds {} symbols to libminirt, {} by flat \
                     lookup; package image {} to libsystem, {} to libminirt, {} by flat \
                     lookup; records hold runtime-abi={RUNTIME_ABI} and the base",
                    system[0], system[1], package[0], package[1], package[2]
                );
            }
        }
    }
    let expected = expected.context("no ordinary build ran")?;
    for (run, result) in &results {
        ensure!(
            *result == expected,
            "{run} computed `{result}`, the ordinary build `{expected}`"
        );
    }
    println!(
        "every run ({}) computed what the ordinary build computes: `{expected}`",
        results.len()
    );
    Ok(())
}
