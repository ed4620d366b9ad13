//! The `mvimg` command line: parses arguments, calls the library, prints.

use std::io::IsTerminal as _;
use std::io::Write as _;
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};
use clap::{Parser, Subcommand};
use mvimg::cpu::SelectOptions;
use mvimg::cpu::{Arch, Host, Os, ResolvedTargets, TargetList};

#[derive(Parser)]
#[command(name = "mvimg", version, about = "Multi-versioned native images")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// `KEY=VALUE` of `--record`.
fn parse_record(text: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .ok_or_else(|| format!("`{text}` is not KEY=VALUE"))
}

/// What an image or library links besides its own objects, by meaning
/// What the input IR is (README, "Producing IR").
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Input {
    /// Not optimized yet: every clone gets the whole -O pipeline.
    Unoptimized,
    /// Already optimized by the front end: the clones get the vectorizers
    /// and cleanup (mvimg_codegen::TARGET_PASSES), not -O2 again.
    Optimized,
}

/// How `mvimg build` runs: what the input is, memory, progress, the report.
#[derive(clap::Args)]
struct RunArgs {
    /// What the input IR is.
    #[arg(long, value_enum, default_value = "unoptimized")]
    input: Input,
    /// The memory the build may use, in MiB (default: half of physical
    /// memory): it bounds the partitions compiled at once. The output is
    /// the same for any budget.
    #[arg(long, value_name = "MIB", value_parser = clap::value_parser!(u64).range(1..))]
    memory_budget: Option<u64>,
    /// No progress line (it is shown only on a terminal, after 2 seconds).
    #[arg(short, long)]
    quiet: bool,
    /// Print the phases' times, the partitions compiled at once, the cache's
    /// hits and the peak memory to stderr.
    #[arg(long)]
    report: bool,
    /// Write the report as JSON to FILE, for build scripts: the phases and
    /// their times, peak memory, partitions, the cache's hits and misses,
    /// the warnings, the output and the target this machine selects in it.
    #[arg(long, value_name = "FILE")]
    report_json: Option<std::path::PathBuf>,
    /// The object cache: compiled partitions are kept here and reused by
    /// later builds (README, "Incremental builds"). The output is the same
    /// with or without it.
    #[arg(long, value_name = "DIR", env = "MVIMG_CACHE")]
    cache: Option<std::path::PathBuf>,
    /// The most the cache may hold after a build (least recently used
    /// entries go): bytes, or with a K, M or G suffix (powers of 1024).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, requires = "cache")]
    cache_max_size: Option<u64>,
    /// Where partitions compile: here, or on a Dask cluster (README,
    /// "Building on a cluster").
    #[arg(long, value_enum, default_value = "local")]
    executor: ExecutorKind,
    /// The Dask scheduler's address (`tcp://HOST:8786`).
    #[arg(long, value_name = "ADDRESS", conflicts_with = "scheduler_file")]
    scheduler: Option<String>,
    /// The file `dask scheduler --scheduler-file` wrote.
    #[arg(long, value_name = "FILE")]
    scheduler_file: Option<std::path::PathBuf>,
    /// The mvimg the Dask workers run (default: this one's path, for
    /// workers that share its file system).
    #[arg(long, value_name = "PATH")]
    worker_mvimg: Option<std::path::PathBuf>,
    /// Trust the Dask workers: run each action once and let its result into
    /// the object cache (untrusted, the default, each action runs on two
    /// workers whose results must agree — or is recompiled here when no
    /// second worker confirmed it — and is used for this build only).
    #[arg(long)]
    trust_workers: bool,
    /// Recompile this share (0 to 1) of the workers' results here and
    /// compare them byte for byte; a difference stops the build, naming
    /// the worker. Verified results may enter the cache.
    #[arg(long, value_name = "FRACTION", value_parser = parse_fraction, default_value_t = 0.0)]
    verify_remote: f64,
    /// TLS to the scheduler (a `tls://` address): the CA certificate the
    /// cluster's certificates are signed by (with --tls-cert and --tls-key;
    /// without them, Dask's own configuration decides).
    #[arg(long, value_name = "FILE", requires_all = ["tls_cert", "tls_key"])]
    tls_ca: Option<std::path::PathBuf>,
    /// This client's TLS certificate (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_ca")]
    tls_cert: Option<std::path::PathBuf>,
    /// This client's TLS private key (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_ca")]
    tls_key: Option<std::path::PathBuf>,
}

/// A number from 0 to 1 (`--verify-remote`).
fn parse_fraction(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(f) if (0.0..=1.0).contains(&f) => Ok(f),
        _ => Err(format!(
            "`{text}` is not a fraction from 0 to 1 (0.1 checks a tenth)"
        )),
    }
}

/// Where partitions compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ExecutorKind {
    /// In this process.
    Local,
    /// On Dask distributed workers (needs --scheduler or --scheduler-file).
    Dask,
}

/// A size in bytes: digits, optionally followed by K, M or G (powers of
/// 1024; a trailing B or iB is allowed).
fn parse_size(text: &str) -> std::result::Result<u64, String> {
    let t = text.trim();
    let t = t
        .strip_suffix("iB")
        .or_else(|| t.strip_suffix('B'))
        .unwrap_or(t);
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'K' | 'k')) => (&t[..i], 10),
        Some((i, 'M' | 'm')) => (&t[..i], 20),
        Some((i, 'G' | 'g')) => (&t[..i], 30),
        _ => (t, 0),
    };
    let value: u64 = digits.trim().parse().map_err(|_| {
        format!("`{text}` is not a size: give bytes or a number with K, M or G (`512M`, `4G`)")
    })?;
    value
        .checked_mul(1u64 << shift)
        .ok_or_else(|| format!("`{text}` is too large"))
}

/// (docs/LINKING.md). Inputs are linked in this order: --object files,
/// --whole-archive archives, -l libraries.
#[derive(clap::Args)]
struct LinkArgs {
    /// A directory searched for -l libraries (repeatable, in order).
    #[arg(short = 'L', value_name = "DIR")]
    search_paths: Vec<std::path::PathBuf>,
    /// A library by name, found on the -L directories: ELF libNAME.so or
    /// .a (recorded as DT_NEEDED), Mach-O libNAME.tbd/.dylib/.a, Windows
    /// libNAME.dll.a, NAME.dll.a, libNAME.a, NAME.lib (an import library).
    #[arg(short = 'l', value_name = "NAME")]
    libraries: Vec<String>,
    /// One more file, linked unchanged beside the code: an object (a
    /// serialized heap, a table), an archive (only the members used), or a
    /// shared or import library (repeatable).
    #[arg(long = "object", value_name = "FILE")]
    objects: Vec<std::path::PathBuf>,
    /// An archive linked whole, every member (repeatable).
    #[arg(long = "whole-archive", value_name = "FILE")]
    whole_archives: Vec<std::path::PathBuf>,
    /// A run-time search path: `$ORIGIN` (ELF), `@loader_path` (Mach-O);
    /// not for Windows (repeatable).
    #[arg(long = "rpath", value_name = "PATH")]
    rpaths: Vec<std::ffi::OsString>,
    /// Export a data symbol that a linked object defines (repeatable;
    /// Windows: exported as DATA).
    #[arg(long = "export-data", value_name = "SYM")]
    export_data: Vec<String>,
    /// Windows: also write the import library of the DLL.
    #[arg(long = "implib", value_name = "FILE")]
    implib: Option<std::path::PathBuf>,
    /// A raw argument for LLD, passed last (repeatable).
    #[arg(long = "link-arg", value_name = "ARG", allow_hyphen_values = true)]
    link_args: Vec<std::ffi::OsString>,
    /// Fail on symbols nothing linked defines (ELF -z defs, Mach-O
    /// -undefined error; Windows always does).
    #[arg(long, conflicts_with = "allow_undefined")]
    no_undefined: bool,
    /// Leave undefined symbols to the loader (ELF; Mach-O flat lookup);
    /// not for Windows.
    #[arg(long)]
    allow_undefined: bool,
}

impl LinkArgs {
    /// What the flags ask of the link: the inputs in link order (--object
    /// files, --whole-archive archives, -l libraries), then each meaning.
    fn spec(&self) -> mvimg::link::LinkSpec {
        use mvimg::link::{LinkInput, LinkSpec, Undefined};
        let mut spec = LinkSpec::default();
        spec.inputs = self.objects.iter().map(LinkInput::classify).collect();
        spec.inputs
            .extend(self.whole_archives.iter().map(|path| LinkInput::Archive {
                path: path.clone(),
                whole: true,
            }));
        spec.inputs
            .extend(self.libraries.iter().cloned().map(LinkInput::Library));
        spec.search_paths = self.search_paths.clone();
        spec.rpaths = self.rpaths.clone();
        spec.export_data = self.export_data.clone();
        spec.link_args = self.link_args.clone();
        spec.import_library = self.implib.clone();
        spec.undefined = match (self.no_undefined, self.allow_undefined) {
            (true, _) => Some(Undefined::Error),
            (_, true) => Some(Undefined::Allow),
            _ => None,
        };
        spec
    }
}

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Resolve a target list and show, per target, what LLVM gets and what is cloned.
    Targets {
        /// Architecture the list is for (default: this machine's).
        #[arg(long)]
        arch: Option<Arch>,
        /// Operating system, for the default list (default: this machine's).
        #[arg(long)]
        os: Option<Os>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The target list; default: $MVIMG_CPU_TARGET, else the default list for
        /// the architecture and OS.
        list: Option<String>,
    },
    /// Choose the target a host runs, and say why every other target was not chosen.
    Select {
        /// Architecture the list is for (default: this machine's).
        #[arg(long)]
        arch: Option<Arch>,
        /// Operating system of the host, for the default list (default:
        /// this machine's).
        #[arg(long)]
        os: Option<Os>,
        /// Describe the host as this database CPU instead of this machine.
        #[arg(long, value_name = "NAME", conflicts_with = "from")]
        host_cpu: Option<String>,
        /// Describe the host by recorded data: `mvimg host --json` output, a
        /// CPUID dump, a /proc/cpuinfo text or macOS `sysctl hw` output.
        #[arg(long, value_name = "FILE")]
        from: Option<std::path::PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The target list; default: $MVIMG_CPU_TARGET, else the default list.
        list: Option<String>,
    },
    /// Describe this machine's CPU (or a recorded one): name, features, vector
    /// width and level.
    Host {
        /// Recorded data instead of this machine: a CPUID dump (AIDA64 or libcpuid
        /// format), a /proc/cpuinfo text (optionally with AT_HWCAP lines) or macOS
        /// `sysctl hw` output.
        #[arg(long, value_name = "FILE", conflicts_with = "llvm")]
        from: Option<std::path::PathBuf>,
        /// Describe this machine as LLVM 22's own host detection sees it
        /// (getHostCPUName, getHostCPUFeatures), for comparison.
        #[arg(long)]
        llvm: bool,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Link objects into a shared library for a target (.so, .dylib or .dll) with
    /// LLD 22 running in this process.
    Link {
        /// Target triple: x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu,
        /// x86_64-apple-darwin, aarch64-apple-darwin or x86_64-w64-windows-gnu.
        #[arg(long)]
        target: String,
        /// A symbol to export (repeatable); with --export-data, none exports
        /// every global symbol.
        #[arg(long = "export", value_name = "SYM")]
        exports: Vec<String>,
        /// Print the linker command line and LLD's trace.
        #[arg(long)]
        verbose: bool,
        /// Run the ld.lld-22/ld64.lld-22 executable instead of LLD in process.
        #[arg(long)]
        subprocess: bool,
        /// Also link the target's toolchain runtime (compiler builtins, C
        /// library, libm, unwinder, C++ runtime, as needed), as `mvimg build`
        /// does, and fail on symbols nothing defines; Windows: data imports
        /// that need patching at load are allowed (the image init of
        /// `mvimg build --emit obj` objects applies them).
        #[arg(long)]
        runtime: bool,
        #[command(flatten)]
        link: LinkArgs,
        /// The library to write.
        #[arg(short = 'o', value_name = "OUT")]
        output: std::path::PathBuf,
        /// Object files, archives (member by member) and libraries, linked
        /// before the --object, --whole-archive and -l inputs.
        #[arg(required = true)]
        inputs: Vec<std::path::PathBuf>,
    },
    /// Read and verify one IR file as a build would, and say whether it is
    /// valid (what `mvimg build` runs in a child process for each input, so
    /// that a crash of LLVM's reader on a malformed file cannot end the
    /// build's own process).
    #[command(name = "check-input", hide = true)]
    CheckInput {
        /// The IR file.
        input: std::path::PathBuf,
    },
    /// Compile one step of one partition (what a distributed build's
    /// workers run; README, "Building on a cluster").
    #[command(name = "compile-partition")]
    CompilePartition {
        /// `optimize` (bitcode in, optimized bitcode and the names it uses
        /// out) or `emit` (optimized bitcode in, object out).
        #[arg(value_enum)]
        step: PartitionStep,
        /// The build's partition spec (JSON); refused unless this mvimg
        /// made it.
        #[arg(long, value_name = "FILE")]
        spec: std::path::PathBuf,
        /// emit: the linkages to give back (JSON).
        #[arg(long, value_name = "FILE")]
        restore: Option<std::path::PathBuf>,
        /// optimize: where the names the partition uses go (JSON).
        #[arg(long, value_name = "FILE")]
        used: Option<std::path::PathBuf>,
        /// The output: bitcode (optimize) or the object (emit).
        #[arg(long, value_name = "FILE")]
        output: std::path::PathBuf,
        /// The partition's bitcode.
        input: std::path::PathBuf,
    },
    /// Multiversion LLVM IR (.ll or .bc) for a target list and write an object
    /// or a linked image (.so, .dylib, .dll).
    Build {
        /// The target list (default: $MVIMG_CPU_TARGET, else the default list
        /// for the triple).
        #[arg(short = 'C', long = "cpu-target", value_name = "LIST")]
        list: Option<String>,
        /// Target triple (default: the inputs').
        #[arg(long)]
        target: Option<String>,
        /// What to write: `image` (linked with mvimg-link) or `obj` (one
        /// object: the module is compiled as one partition, on one thread).
        #[arg(long, value_enum, default_value = "image")]
        emit: Emit,
        /// Code generation threads (default: every core). The output is the
        /// same for any count.
        #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        threads: Option<u16>,
        /// Partitions to split the module into (default: from its size;
        /// Mach-O: one). The output depends on it.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        partitions: Option<u16>,
        /// Also write the clone plan as JSON to this file.
        #[arg(long, value_name = "FILE")]
        plan: Option<std::path::PathBuf>,
        /// An entry point (repeatable); default: every exported function.
        #[arg(long = "entry", value_name = "NAME")]
        entries: Vec<String>,
        /// LLVM optimization level, 0 to 3.
        #[arg(short = 'O', default_value_t = 2, value_parser = clap::value_parser!(u8).range(0..=3))]
        opt_level: u8,
        /// Do not link the toolchain runtime (compiler builtins, C library,
        /// libm, unwinder, C++ runtime): undefined symbols are left to the
        /// loader instead of failing the build.
        #[arg(long)]
        no_runtime: bool,
        /// Record KEY=VALUE in the image's build record (repeatable): a
        /// compatibility key a runtime checks before loading the image
        /// (`check-bounds=yes`, `debug-level=1`).
        #[arg(long = "record", value_name = "KEY=VALUE", value_parser = parse_record)]
        record: Vec<(String, String)>,
        /// Layer the image on this base image (a package image on a system
        /// image): link against it and record its name and content hash.
        #[arg(long, value_name = "IMAGE")]
        base: Option<std::path::PathBuf>,
        /// Windows: the base image's import library.
        #[arg(long = "base-implib", value_name = "FILE", requires = "base")]
        base_implib: Option<std::path::PathBuf>,
        /// Build for a fleet (repeatable): plan the target list from these
        /// nodes (as `mvimg fleet plan` takes them), build one image per
        /// platform of the inputs into the directory -o names, and write
        /// the plan and each node's selection beside them.
        #[arg(long = "fleet", value_name = "NODE", conflicts_with_all = ["list", "target", "plan", "base"])]
        fleet: Vec<String>,
        /// With --fleet: at most N targets per list.
        #[arg(long, value_name = "N", requires = "fleet")]
        max_targets: Option<usize>,
        #[command(flatten)]
        link: LinkArgs,
        #[command(flatten)]
        run: RunArgs,
        /// The file to write (with --fleet: the directory).
        #[arg(short = 'o', value_name = "OUT")]
        output: std::path::PathBuf,
        /// LLVM IR files (.ll text or .bc bitcode), linked together.
        #[arg(required = true)]
        inputs: Vec<std::path::PathBuf>,
    },
    /// Show what an image holds: its targets, how many functions each
    /// clones and their code bytes, slots, relocations, format version.
    Inspect {
        /// The image (.so, .dylib or .dll, any architecture).
        image: std::path::PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Say which of an image's targets this host (or a described one) would
    /// select, and why each other target was not chosen.
    Explain {
        /// The image.
        image: std::path::PathBuf,
        /// Describe the host as this database CPU instead of this machine.
        #[arg(long, value_name = "NAME", conflicts_with = "from")]
        host_cpu: Option<String>,
        /// Describe the host by recorded data (`mvimg host --json` output,
        /// CPUID dump, /proc/cpuinfo, `sysctl hw` output).
        #[arg(long, value_name = "FILE")]
        from: Option<std::path::PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Decide, from the image's file alone (nothing of it runs), whether this
    /// host (or a described one) may load it: a target it can run, and a
    /// build record that meets the requirements. Exit status 0 (loadable),
    /// 1 (refused, with every reason) or 2 (no decision: the image or the
    /// host description cannot be read, or the arguments are wrong; with
    /// --json the error is a JSON object with `image` and `error`).
    Check {
        /// The image (.so, .dylib or .dll, any architecture).
        image: std::path::PathBuf,
        /// Describe the host as this database CPU instead of this machine.
        #[arg(long, value_name = "NAME", conflicts_with = "from")]
        host_cpu: Option<String>,
        /// Describe the host by recorded data (`mvimg host --json` output,
        /// CPUID dump, /proc/cpuinfo, `sysctl hw` output).
        #[arg(long, value_name = "FILE")]
        from: Option<std::path::PathBuf>,
        /// Require the build record to hold KEY with VALUE (repeatable).
        #[arg(long = "require", value_name = "KEY=VALUE", value_parser = parse_record)]
        require: Vec<(String, String)>,
        /// Require the image to be optimized at least at this level.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u8).range(0..=3))]
        min_opt: Option<u8>,
        /// The base image it is to be loaded on (a layered image built
        /// against another base is refused).
        #[arg(long, value_name = "IMAGE")]
        base: Option<std::path::PathBuf>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Plan target lists for the nodes of a cluster, or check an image
    /// against them (docs/FLEET.md).
    #[command(subcommand)]
    Fleet(FleetCommand),
    /// List every CPU LLVM 22 knows for an architecture, with its feature count.
    Cpus {
        /// Architecture (default: this machine's).
        #[arg(long)]
        arch: Option<Arch>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum FleetCommand {
    /// Plan one target list per architecture of the fleet: target 0 runs on
    /// every node, every class of nodes gets a target for its own CPU and
    /// features; print each node's target, what it lacks and loses.
    Plan {
        /// Only this architecture's nodes.
        #[arg(long)]
        arch: Option<Arch>,
        /// At most N targets per list (target 0 included): classes are
        /// merged where the nodes lose least.
        #[arg(long, value_name = "N")]
        max_targets: Option<usize>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The nodes: `mvimg host --json` output, /proc/cpuinfo, CPUID dumps,
        /// `sysctl hw` output, directories of them, or `cpu:NAME[,+f,-f]`;
        /// each optionally `*COUNT`.
        #[arg(required = true, value_name = "NODE")]
        nodes: Vec<String>,
    },
    /// Say which target of an image each node selects, and why; exit 1 if a
    /// node cannot run it.
    Check {
        /// The image (.so, .dylib or .dll).
        image: std::path::PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The nodes, as for `mvimg fleet plan`.
        #[arg(required = true, value_name = "NODE")]
        nodes: Vec<String>,
    },
}

fn fleet_plan(
    arch: Option<Arch>,
    max_targets: Option<usize>,
    json_out: bool,
    nodes: &[String],
) -> Result<()> {
    let nodes = mvimg::cpu::fleet::Node::read_all(nodes).map_err(cpu_error)?;
    let mut options = mvimg::cpu::fleet::PlanOptions::new();
    options.arch = arch;
    options.max_targets = max_targets;
    let plan = mvimg::cpu::fleet::plan(&nodes, &options).map_err(cpu_error)?;
    print(&plan, json_out)?;
    Ok(())
}

fn fleet_check(path: &std::path::Path, json_out: bool, nodes: &[String]) -> Result<()> {
    let nodes = mvimg::cpu::fleet::Node::read_all(nodes).map_err(cpu_error)?;
    let image = mvimg::inspect::ImageFile::read(path)?;
    let resolved = image
        .data
        .resolved_targets()
        .with_context(|| path.display().to_string())?;
    let report = mvimg::cpu::fleet::check(&resolved, &nodes).map_err(cpu_error)?;
    print(&report, json_out)?;
    if !report.runs_everywhere() {
        std::process::exit(1);
    }
    Ok(())
}

/// Prints a report as JSON or as its text.
fn print<T: serde::Serialize + std::fmt::Display>(value: &T, json_out: bool) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if json_out {
        writeln!(out, "{}", serde_json::to_string_pretty(value)?)?;
    } else {
        write!(out, "{value}")?;
    }
    Ok(())
}

fn arch_or_host(arch: Option<Arch>) -> Result<Arch> {
    arch.or_else(Arch::host).with_context(|| {
        format!(
            "this machine ({}) has no CPU database; pass --arch x86_64 or --arch aarch64",
            std::env::consts::ARCH
        )
    })
}

/// The build host as LLVM sees it: what `native` means.
fn llvm_native() -> Result<Host> {
    mvimg::codegen::llvm_host().context("describing the build host for `native`")
}

fn print_targets(resolved: &ResolvedTargets, json_out: bool) -> Result<()> {
    let description = resolved.describe();
    print(&description, json_out)?;
    Ok(())
}

fn targets(arch: Option<Arch>, os: Option<Os>, json_out: bool, list: Option<String>) -> Result<()> {
    let resolved = resolve_list(arch_or_host(arch)?, os.unwrap_or_else(Os::host), list)?;
    for warning in resolved.unselectable() {
        eprintln!("warning: {warning}");
    }
    print_targets(&resolved, json_out)
}

/// The list given, else `$MVIMG_CPU_TARGET`, else the default, resolved for
/// `arch` (`native` as LLVM describes this machine).
fn resolve_list(arch: Arch, os: Os, list: Option<String>) -> Result<ResolvedTargets> {
    let parsed = TargetList::chosen(list.as_deref(), arch, os).map_err(cpu_error)?;
    let native = if parsed.uses_native() {
        Some(llvm_native()?)
    } else {
        None
    };
    parsed.resolve(arch, native.as_ref()).map_err(cpu_error)
}

/// The host described by `file`, or this machine.
fn detect_host(from: Option<&std::path::Path>) -> Result<Host> {
    match from {
        Some(path) => {
            let text =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            let text = String::from_utf8_lossy(&text);
            Host::from_text(&text, &path.display().to_string()).map_err(cpu_error)
        }
        None => Host::detect().map_err(cpu_error),
    }
}

fn host(from: Option<std::path::PathBuf>, llvm: bool, json_out: bool) -> Result<()> {
    let host = if llvm {
        llvm_native()?
    } else {
        detect_host(from.as_deref())?
    };
    let description = host.describe();
    let mut out = std::io::stdout().lock();
    if json_out {
        writeln!(out, "{}", serde_json::to_string_pretty(&description)?)?;
        return Ok(());
    }
    write!(out, "{description}")?;
    Ok(())
}

fn select(
    (arch, os): (Option<Arch>, Option<Os>),
    host_cpu: Option<String>,
    from: Option<std::path::PathBuf>,
    json_out: bool,
    list: Option<String>,
) -> Result<()> {
    let host = described_host(arch, host_cpu, from)?;
    // The default list of the host's OS: this machine's unless --os says.
    let resolved = resolve_list(host.arch(), os.unwrap_or_else(Os::host), list)?;
    report_selection(&resolved, host, json_out)
}

/// The host `--host-cpu` or `--from` describes (or this machine), for `arch`
/// when given.
fn described_host(
    arch: Option<Arch>,
    host_cpu: Option<String>,
    from: Option<std::path::PathBuf>,
) -> Result<Host> {
    let recorded = match &from {
        Some(path) => Some(detect_host(Some(path))?),
        None => None,
    };
    let arch = match (&recorded, arch) {
        (Some(host), None) => host.arch(),
        (_, arch) => arch_or_host(arch)?,
    };
    let host = match host_cpu {
        Some(name) => Host::named(arch, &name).map_err(cpu_error)?,
        None => match recorded {
            Some(host) => host,
            None => detect_host(None)?,
        },
    };
    Ok(host)
}

/// Selects from `resolved` for `host` (with the environment's overrides) and
/// prints what was chosen and why every other target was not.
fn report_selection(resolved: &ResolvedTargets, host: Host, json_out: bool) -> Result<()> {
    let report = mvimg::cpu::select::report(resolved, &host, &SelectOptions::from_env())
        .map_err(cpu_error)?;
    print(&report, json_out)?;
    Ok(())
}

fn inspect(path: &std::path::Path, json_out: bool) -> Result<()> {
    let description = mvimg::inspect::ImageFile::read(path)?.describe(path);
    print(&description, json_out)?;
    Ok(())
}

fn explain(
    path: &std::path::Path,
    host_cpu: Option<String>,
    from: Option<std::path::PathBuf>,
    json_out: bool,
) -> Result<()> {
    let image = mvimg::inspect::ImageFile::read(path)?;
    let data = &image.data;
    let host = described_host(Some(data.arch), host_cpu, from)?;
    // The targets as the image recorded them (never re-resolved against the
    // described host), as the image's own init selects.
    let resolved = data
        .resolved_targets()
        .with_context(|| path.display().to_string())?;
    report_selection(&resolved, host, json_out)
}

#[allow(clippy::too_many_arguments)]
fn link(
    target: &str,
    exports: Vec<String>,
    verbose: bool,
    subprocess: bool,
    runtime: bool,
    link: LinkArgs,
    output: std::path::PathBuf,
    inputs: Vec<std::path::PathBuf>,
) -> Result<()> {
    use mvimg::link::{LinkInput, LinkJob};
    let platform: mvimg::cpu::Platform = target.parse().map_err(cpu_error)?;
    let mut job = LinkJob::new(platform.clone(), Vec::new(), output);
    job.spec = link.spec();
    job.spec
        .inputs
        .splice(0..0, inputs.into_iter().map(LinkInput::classify));
    job.exports = exports;
    if runtime {
        // Objects of `mvimg build --emit obj`.
        job.link_as_image(true)?;
    }
    job.options.verbose = verbose;
    if subprocess {
        job.options.mode = mvimg::link::LinkMode::Subprocess;
    }
    let out = job.link()?;
    let mut stderr = std::io::stderr().lock();
    if verbose {
        writeln!(stderr, "{}", out.command_line())?;
        write!(stderr, "{}", out.lld.stdout)?;
    }
    // Warnings LLD printed without failing the link.
    write!(stderr, "{}", out.lld.stderr)?;
    Ok(())
}

/// `mvimg check`: prints the decision; refused is exit status 1.
#[allow(clippy::too_many_arguments, reason = "one per command-line option")]
fn check(
    path: &std::path::Path,
    host_cpu: Option<String>,
    from: Option<std::path::PathBuf>,
    require: Vec<(String, String)>,
    min_opt: Option<u8>,
    base: Option<std::path::PathBuf>,
    json_out: bool,
) -> Result<()> {
    let image = mvimg::inspect::ImageFile::read(path)?;
    let host = described_host(Some(image.data.arch), host_cpu, from)?;
    let base = match base {
        Some(base) => {
            let file = mvimg::inspect::ImageFile::read(&base)?;
            Some(mvimg::cpu::image::BaseImage::of(&base, &file.data))
        }
        None => None,
    };
    let requirements = mvimg::cpu::image::Requirements {
        keys: require,
        min_opt_level: min_opt,
        base,
    };
    let decision = mvimg::cpu::image::check(
        &image.data,
        &host,
        &SelectOptions::from_env(),
        &requirements,
    );
    let report = mvimg::cpu::image::CheckReport::new(&path.display().to_string(), &host, &decision);
    print(&report, json_out)?;
    if decision.is_err() {
        std::process::exit(1);
    }
    Ok(())
}

/// What `mvimg build` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum Emit {
    /// A linked shared library.
    Image,
    /// The object file.
    Obj,
}

#[allow(clippy::too_many_arguments)]
fn build(
    list: Option<String>,
    target: Option<String>,
    emit: Emit,
    plan: Option<std::path::PathBuf>,
    entries: Vec<String>,
    opt_level: u8,
    no_runtime: bool,
    record: Vec<(String, String)>,
    base: (Option<std::path::PathBuf>, Option<std::path::PathBuf>),
    (fleet, max_targets): (Vec<String>, Option<usize>),
    (link, run): (LinkArgs, RunArgs),
    (threads, partitions): (Option<u16>, Option<u16>),
    output: std::path::PathBuf,
    inputs: Vec<std::path::PathBuf>,
) -> Result<()> {
    use mvimg::codegen::{Entries, ImageBuilder};
    if !fleet.is_empty() && emit == Emit::Obj {
        bail!(
            "--fleet builds linked images into the directory -o names; it does not take --emit obj"
        );
    }
    // Where the build writes, checked before it runs: no directory is
    // created, and no input (or the plan) is overwritten.
    if fleet.is_empty() {
        mvimg::codegen::check_destination(&output, &inputs)?;
    }
    if let Some(plan) = &plan {
        let mut taken = inputs.clone();
        taken.push(output.clone());
        mvimg::codegen::check_destination(plan, &taken)?;
    }
    let entries = if entries.is_empty() {
        Entries::Exported
    } else {
        Entries::Named(entries)
    };
    let mut image = mvimg::codegen::ImageLink::default();
    image.spec = link.spec();
    (image.base, image.base_import_library) = base;
    // A status line only on a terminal, and not with --quiet.
    let show_progress = !run.quiet && std::io::stderr().is_terminal();
    let cache = match &run.cache {
        Some(dir) => Some(std::sync::Arc::new(
            mvimg::codegen::cache::ObjectCache::open(dir, run.cache_max_size)
                .map_err(mvimg::codegen::Error::Cache)?,
        )),
        None => None,
    };
    let executor = executor(&run)?;
    // Each input read and verified in a child process before the build:
    // LLVM's reader trusts its bytes, and a malformed file that crashes it
    // or exhausts memory must end the child, not this build (a second parse
    // of each input).
    check_inputs(&inputs, threads)?;
    // Every setting but the inputs, the triple and the list.
    let configure = |builder: ImageBuilder<'static>| -> ImageBuilder<'static> {
        let mut builder = builder
            .opt_level(opt_level)
            .runtime(!no_runtime)
            .entries(entries.clone())
            .link(image.clone());
        for (key, value) in &record {
            builder = builder.record(key.clone(), value.clone());
        }
        if let Some(threads) = threads {
            builder = builder.threads(usize::from(threads));
        }
        if let Some(partitions) = partitions {
            builder = builder.partitions(usize::from(partitions));
        }
        if emit == Emit::Obj {
            builder = builder.partitions(1);
        }
        if run.input == Input::Optimized {
            builder = builder.input(mvimg::codegen::InputKind::Optimized);
        }
        if let Some(mib) = run.memory_budget {
            builder = builder.memory_budget(mib.saturating_mul(1 << 20));
        }
        if let Some(cache) = &cache {
            builder = builder.cache(cache.clone());
        }
        builder = builder.executor(executor.clone());
        if show_progress {
            let line = progress_line();
            builder = builder.progress(move |p| line(p));
        }
        builder
    };
    let codegen_error = |e| match e {
        mvimg::codegen::Error::Cpu(e) => cpu_error(e),
        other => anyhow::Error::new(other),
    };
    if !fleet.is_empty() {
        let nodes = mvimg::cpu::fleet::Node::read_all(&fleet).map_err(cpu_error)?;
        let mut options = mvimg::cpu::fleet::PlanOptions::new();
        options.max_targets = max_targets;
        let built =
            mvimg::codegen::fleet::build_fleet(&nodes, &options, &inputs, &output, &configure)
                .map_err(codegen_error)?;
        let mut out = std::io::stdout().lock();
        write!(out, "{}", built.plan)?;
        for image in &built.images {
            writeln!(out, "\n{}:", image.path.display())?;
            write!(out, "{}", image.check)?;
        }
        drop(out);
        if !built.runs_everywhere() {
            std::process::exit(1);
        }
        return Ok(());
    }
    let mut builder = configure(ImageBuilder::new());
    for input in inputs {
        builder = builder.ir_file(input);
    }
    if let Some(triple) = target {
        builder = builder.triple(triple);
    }
    // The list given, else $MVIMG_CPU_TARGET, else (in the builder) the
    // platform's default.
    if let Some(list) = TargetList::given(list.as_deref()).map_err(cpu_error)? {
        builder = builder.target_list(list);
    }
    let built = builder.build();
    if show_progress {
        // Clear the progress line.
        eprint!("\r\x1b[K");
    }
    let built = built.map_err(codegen_error)?;
    for warning in built.warnings() {
        eprintln!("warning: {warning}");
    }
    if run.report {
        eprint!("{}", built.report());
    }
    if let Some(path) = plan {
        mvimg::codegen::write_atomically(&path, built.plan.to_json().as_bytes())?;
    }
    match emit {
        Emit::Obj => mvimg::codegen::write_atomically(&output, &built.objects[0])?,
        Emit::Image => {
            let out = built.link(&output)?;
            write!(std::io::stderr().lock(), "{}", out.lld.stderr)?;
        }
    }
    if let Some(path) = &run.report_json {
        let json = report_json(&built, &output, emit == Emit::Image);
        let text = serde_json::to_string_pretty(&json)? + "\n";
        mvimg::codegen::write_atomically(path, text.as_bytes())?;
    }
    Ok(())
}

/// `--report-json`: the library's report with the warnings, the output and,
/// for an image of this machine's architecture, the target it selects here
/// (`null` otherwise, or with the reason it runs nowhere here).
fn report_json(
    built: &mvimg::codegen::Built,
    output: &std::path::Path,
    image: bool,
) -> serde_json::Value {
    let mut json = built.report().to_json();
    json["warnings"] = serde_json::json!(built.warnings());
    json["output"] = serde_json::json!(output.display().to_string());
    json["emitted"] = serde_json::json!(if image { "image" } else { "object" });
    json["triple"] = serde_json::json!(built.platform.triple());
    let selected = image
        .then(|| mvimg::inspect::ImageFile::read(output).ok())
        .flatten()
        .filter(|file| Some(file.data.arch) == mvimg::cpu::Arch::host())
        .and_then(|file| {
            described_host(Some(file.data.arch), None, None)
                .ok()
                .map(|host| (file, host))
        })
        .map(|(file, host)| {
            match mvimg::cpu::image::check(
                &file.data,
                &host,
                &SelectOptions::from_env(),
                &mvimg::cpu::image::Requirements::default(),
            ) {
                Ok(selection) => serde_json::json!({
                    "host": host.name,
                    "index": selection.index,
                    "name": selection.name,
                }),
                Err(refusals) => serde_json::json!({
                    "host": host.name,
                    "refused": refusals.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
                }),
            }
        });
    json["selected_here"] = serde_json::json!(selected);
    json
}

/// Checks each of `inputs` in a child process
/// ([`mvimg::codegen::inputs::check_in_child`]), `threads` (default: every
/// core) at once; the first failure in input order is the error.
fn check_inputs(inputs: &[std::path::PathBuf], threads: Option<u16>) -> Result<()> {
    let me = std::env::current_exe().context("finding this mvimg to check the inputs")?;
    let width = threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, usize::from),
        usize::from,
    );
    for chunk in inputs.chunks(width.max(1)) {
        let results: Vec<_> = std::thread::scope(|scope| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|input| {
                    let me = &me;
                    scope.spawn(move || {
                        let size = std::fs::metadata(input).map_or(0, |m| m.len());
                        let limits = mvimg::codegen::inputs::ChildLimits::for_size(size);
                        mvimg::codegen::inputs::check_in_child(me, input, limits).map_err(Box::new)
                    })
                })
                .collect();
            handles.into_iter().map(|h| h.join()).collect()
        });
        for result in results {
            result.map_err(|_| anyhow::anyhow!("checking an input panicked"))??;
        }
    }
    Ok(())
}

/// The executor `mvimg build`'s options ask for.
fn executor(run: &RunArgs) -> Result<mvimg::codegen::remote::Executor> {
    use mvimg::codegen::remote::{DaskOptions, Executor, Scheduler};
    let scheduler = match (&run.scheduler, &run.scheduler_file) {
        (Some(address), _) => Some(Scheduler::Address(address.clone())),
        (None, Some(file)) => Some(Scheduler::File(file.clone())),
        (None, None) => None,
    };
    match (run.executor, scheduler) {
        (ExecutorKind::Local, None) => Ok(Executor::Local),
        (ExecutorKind::Local, Some(_)) => {
            bail!("--scheduler and --scheduler-file are for --executor dask")
        }
        (ExecutorKind::Dask, None) => bail!(
            "--executor dask needs the scheduler: --scheduler tcp://HOST:8786 or \
             --scheduler-file FILE (README, \"Building on a cluster\")"
        ),
        (ExecutorKind::Dask, Some(scheduler)) => {
            let mut options = DaskOptions::new(scheduler);
            options.worker_mvimg = match &run.worker_mvimg {
                Some(path) => path.clone(),
                None => {
                    std::env::current_exe().context("finding this mvimg's path for the workers")?
                }
            };
            options.trust_workers = run.trust_workers;
            options.verify_fraction = run.verify_remote;
            if let (Some(ca), Some(cert), Some(key)) = (&run.tls_ca, &run.tls_cert, &run.tls_key) {
                options.tls = Some(mvimg::codegen::remote::TlsFiles {
                    ca: ca.clone(),
                    cert: cert.clone(),
                    key: key.clone(),
                });
            }
            Ok(Executor::Dask(options))
        }
    }
}

/// A step of a partition's compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum PartitionStep {
    /// Bitcode in, optimized bitcode out.
    Optimize,
    /// Optimized bitcode in, object out.
    Emit,
}

fn compile_partition(
    step: PartitionStep,
    spec: &std::path::Path,
    restore: Option<&std::path::Path>,
    used: Option<&std::path::Path>,
    output: &std::path::Path,
    input: &std::path::Path,
) -> Result<()> {
    use mvimg::codegen::partition::{emit_partition, optimize_partition, PartitionSpec, Restore};
    let read = |path: &std::path::Path| {
        std::fs::read(path).with_context(|| format!("reading {}", path.display()))
    };
    let spec: PartitionSpec = serde_json::from_slice(&read(spec)?)
        .with_context(|| format!("{} is not a partition spec", spec.display()))?;
    spec.check()?;
    let bitcode = read(input)?;
    match step {
        PartitionStep::Optimize => {
            let used_path = used.context("the optimize step needs --used FILE")?;
            let optimized = optimize_partition(&spec, &bitcode)?;
            mvimg::codegen::write_atomically(output, &optimized.bitcode)?;
            mvimg::codegen::write_atomically(used_path, &serde_json::to_vec(&optimized.used)?)?;
        }
        PartitionStep::Emit => {
            let restore_path = restore.context("the emit step needs --restore FILE")?;
            let list: Vec<Restore> = serde_json::from_slice(&read(restore_path)?)
                .with_context(|| format!("{} is not a restore list", restore_path.display()))?;
            let object = emit_partition(&spec, &bitcode, &list)?;
            mvimg::codegen::write_atomically(output, &object)?;
        }
    }
    Ok(())
}

fn cpus(arch: Option<Arch>, json_out: bool) -> Result<()> {
    print(&arch_or_host(arch)?.database().listing(), json_out)
}

/// A progress callback that keeps one status line on stderr (a terminal),
/// from 2 seconds into the build: phase, steps done of total, elapsed time
/// and the time the phase has left at its pace so far.
fn progress_line() -> impl Fn(&mvimg::codegen::resources::Progress) + Send + Sync {
    let phase_start: std::sync::Mutex<(&'static str, std::time::Duration)> =
        std::sync::Mutex::new(("", std::time::Duration::ZERO));
    move |p| {
        let mut start = phase_start.lock().unwrap_or_else(|e| e.into_inner());
        if start.0 != p.phase {
            *start = (p.phase, p.elapsed);
        }
        if p.elapsed < std::time::Duration::from_secs(2) {
            return;
        }
        let mut line = format!("mvimg: {}", p.phase);
        if p.total > 1 {
            line += &format!(" {}/{} partitions", p.done, p.total);
        }
        line += &format!(", {:.0} s", p.elapsed.as_secs_f64());
        if let Some(eta) = p.phase_eta(p.elapsed - start.1) {
            line += &format!(", about {:.0} s left in this phase", eta.as_secs_f64());
        }
        eprint!("\r\x1b[K{line}");
    }
}

/// A library error with, for target lists, the excerpt that shows where.
fn cpu_error(e: mvimg::cpu::Error) -> anyhow::Error {
    match e.as_target_list() {
        Some(list) => anyhow::anyhow!("{e}\n{}", list.snippet()),
        None => anyhow::Error::new(e),
    }
}

/// What `--version` prints after the name: mvimg's version, the LLVM it
/// builds with (in process) and the platforms it builds images for.
fn version_text() -> String {
    format!(
        "{}\nLLVM {} (code generation and LLD, in process)\nbuilds images for: {}",
        env!("CARGO_PKG_VERSION"),
        mvimg::codegen::llvm_version(),
        mvimg::cpu::SUPPORTED_TRIPLES.join(", ")
    )
}

fn main() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    // Leaked once: clap keeps the version for the life of the process.
    let version: &'static str = Box::leak(version_text().into_boxed_str());
    let matches = Cli::command().version(version).get_matches();
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let result = match cli.command {
        Command::Targets {
            arch,
            os,
            json,
            list,
        } => targets(arch, os, json, list),
        Command::Select {
            arch,
            os,
            host_cpu,
            from,
            json,
            list,
        } => select((arch, os), host_cpu, from, json, list),
        Command::Host { from, llvm, json } => host(from, llvm, json),
        Command::Cpus { arch, json } => cpus(arch, json),
        Command::Fleet(FleetCommand::Plan {
            arch,
            max_targets,
            json,
            nodes,
        }) => fleet_plan(arch, max_targets, json, &nodes),
        Command::Fleet(FleetCommand::Check { image, json, nodes }) => {
            fleet_check(&image, json, &nodes)
        }
        Command::Inspect { image, json } => inspect(&image, json),
        Command::Explain {
            image,
            host_cpu,
            from,
            json,
        } => explain(&image, host_cpu, from, json),
        Command::Check {
            image,
            host_cpu,
            from,
            require,
            min_opt,
            base,
            json,
        } => {
            // 0 loadable, 1 refused (inside), 2 cannot decide: the image or
            // the host description cannot be read (clap's bad arguments are
            // 2 as well); with --json the error is JSON too.
            return match check(&image, host_cpu, from, require, min_opt, base, json) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    if json {
                        let error = serde_json::json!({
                            "image": image.display().to_string(),
                            "error": format!("{e:#}"),
                        });
                        println!("{error}");
                    }
                    eprintln!("error: {e:#}");
                    ExitCode::from(2)
                }
            };
        }
        Command::CheckInput { input } => {
            mvimg::codegen::check_input(&input).map_err(anyhow::Error::new)
        }
        Command::CompilePartition {
            step,
            spec,
            restore,
            used,
            output,
            input,
        } => compile_partition(
            step,
            &spec,
            restore.as_deref(),
            used.as_deref(),
            &output,
            &input,
        ),
        Command::Build {
            list,
            target,
            emit,
            plan,
            entries,
            opt_level,
            no_runtime,
            record,
            base,
            base_implib,
            fleet,
            max_targets,
            link,
            run,
            threads,
            partitions,
            output,
            inputs,
        } => build(
            list,
            target,
            emit,
            plan,
            entries,
            opt_level,
            no_runtime,
            record,
            (base, base_implib),
            (fleet, max_targets),
            (link, run),
            (threads, partitions),
            output,
            inputs,
        ),
        Command::Link {
            target,
            exports,
            verbose,
            subprocess,
            runtime,
            link: link_args,
            output,
            inputs,
        } => link(
            &target, exports, verbose, subprocess, runtime, link_args, output, inputs,
        ),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`mvimg cpus | head`) is not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {}", full_message(&e));
            if let Some(hint) = cli_hint(&e) {
                eprintln!("hint: {hint}");
            }
            ExitCode::FAILURE
        }
    }
}

/// Every cause of `e`, joined by ": ", mvimg's own errors in their long form
/// (`{:#}`: a link error with LLD's diagnostics and command line).
fn full_message(e: &anyhow::Error) -> String {
    e.chain()
        .map(|cause| {
            if let Some(error) = cause.downcast_ref::<mvimg::codegen::Error>() {
                format!("{error:#}")
            } else if let Some(error) = cause.downcast_ref::<mvimg::link::LinkError>() {
                format!("{error:#}")
            } else {
                cause.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(": ")
}

/// What the command line offers for a library error that speaks in the
/// library's terms (the library names no flag): the flag that does it.
fn cli_hint(e: &anyhow::Error) -> Option<&'static str> {
    use mvimg::cpu::{Error as CpuError, FleetProblem};
    for cause in e.chain() {
        if let Some(error) = cause.downcast_ref::<mvimg::codegen::Error>() {
            match error {
                mvimg::codegen::Error::Undefined { os, .. } if *os != mvimg::cpu::Os::Windows => {
                    return Some("`--allow-undefined` leaves undefined symbols to the loader");
                }
                mvimg::codegen::Error::BaseImportLibrary { .. } => {
                    return Some(
                        "`--base-implib FILE` gives it; `--implib FILE` writes it when the \
                         base is built",
                    );
                }
                mvimg::codegen::Error::Cache(_) => {
                    return Some("`--cache DIR` gives another cache directory");
                }
                _ => {}
            }
        }
        if let Some(mvimg::codegen::cache::CacheError { .. }) = cause.downcast_ref() {
            return Some("`--cache DIR` gives another cache directory");
        }
        if let Some(CpuError::Fleet(problem)) = cause.downcast_ref::<CpuError>() {
            return match problem {
                FleetProblem::MaxTargetsZero => Some("`--max-targets 0` allows no list"),
                FleetProblem::NoNodesForArch { .. } => {
                    Some("drop `--arch`, or give it the nodes' architecture")
                }
                _ => None,
            };
        }
    }
    None
}
