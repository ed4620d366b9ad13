//! The command line's grammar: every command, its flags and how each is
//! parsed (clap's derive).

use clap::{Parser, Subcommand};
use mvimg::codegen::InputKind;
use mvimg::cpu::{Arch, OptLevel, Os};

#[derive(Parser)]
#[command(name = "mvimg", version, about = "Multi-versioned native images")]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// `KEY=VALUE` of `--record`.
pub(crate) fn parse_record(text: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .ok_or_else(|| format!("`{text}` is not KEY=VALUE"))
}

/// `--input`: one of [`InputKind::NAMES`] (README, "Producing IR"):
/// `unoptimized` (every clone gets the whole -O pipeline) or `optimized`
/// (already optimized by the front end: the clones get the vectorizers and
/// cleanup, mvimg_codegen::TARGET_PASSES, not -O2 again).
fn input_kind() -> impl clap::builder::TypedValueParser<Value = InputKind> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(InputKind::NAMES.map(|(name, _)| name))
        .map(|name| name.parse().expect("a possible value is a kind"))
}

/// `-O N` and `--min-opt-level N`: an [`OptLevel`], 0 to 3.
fn opt_level() -> impl clap::builder::TypedValueParser<Value = OptLevel> {
    use clap::builder::TypedValueParser;
    clap::value_parser!(u8).try_map(OptLevel::try_from)
}

/// How `mvimg build` runs: what the input is, memory, progress, the report.
#[derive(clap::Args)]
pub(crate) struct RunArgs {
    /// What the input IR is: `unoptimized` (every clone gets the whole -O
    /// pipeline) or `optimized` (by the front end: the clones get the
    /// vectorizers and cleanup, not -O2 again).
    #[arg(long, default_value = "unoptimized", value_parser = input_kind())]
    pub(crate) input: InputKind,
    /// The memory the build may use, in MiB (default: half of physical
    /// memory): it bounds the partitions compiled at once. The output is
    /// the same for any budget.
    #[arg(long, value_name = "MIB", value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) memory_budget: Option<u64>,
    /// No progress line (it is shown only on a terminal, after 2 seconds).
    #[arg(short, long)]
    pub(crate) quiet: bool,
    /// Print the phases' times, the partitions compiled at once, the cache's
    /// hits and the peak memory to stderr.
    #[arg(long)]
    pub(crate) report: bool,
    /// Write the report as JSON to FILE, for build scripts: the phases and
    /// their times, peak memory, partitions, the cache's hits and misses,
    /// the warnings, the output and the target this machine selects in it.
    #[arg(long, value_name = "FILE")]
    pub(crate) report_json: Option<std::path::PathBuf>,
    /// The object cache: compiled partitions are kept here and reused by
    /// later builds (README, "Incremental builds"). The output is the same
    /// with or without it.
    #[arg(long, value_name = "DIR", env = "MVIMG_CACHE")]
    pub(crate) cache: Option<std::path::PathBuf>,
    /// The most the cache may hold after a build (least recently used
    /// entries go): bytes, or with a K, M or G suffix (powers of 1024).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, requires = "cache")]
    pub(crate) cache_max_size: Option<u64>,
    /// Where partitions compile: here, or on a Dask cluster (README,
    /// "Building on a cluster").
    #[arg(long, value_enum, default_value = "local")]
    pub(crate) executor: ExecutorKind,
    /// The Dask scheduler's address (`tcp://HOST:8786`).
    #[arg(long, value_name = "ADDRESS", conflicts_with = "scheduler_file")]
    pub(crate) scheduler: Option<String>,
    /// The file `dask scheduler --scheduler-file` wrote.
    #[arg(long, value_name = "FILE")]
    pub(crate) scheduler_file: Option<std::path::PathBuf>,
    /// The mvimg the Dask workers run (default: this one's path, for
    /// workers that share its file system).
    #[arg(long, value_name = "PATH")]
    pub(crate) worker_mvimg: Option<std::path::PathBuf>,
    /// Trust the Dask workers: run each action once and let its result into
    /// the object cache (untrusted, the default, each action runs on two
    /// workers whose results must agree — or is recompiled here when no
    /// second worker confirmed it — and is used for this build only).
    #[arg(long)]
    pub(crate) trust_workers: bool,
    /// Recompile this share (0 to 1) of the workers' results here and
    /// compare them byte for byte; a difference stops the build, naming
    /// the worker. Verified results may enter the cache.
    #[arg(long, value_name = "FRACTION", value_parser = parse_fraction, default_value_t = 0.0)]
    pub(crate) verify_remote: f64,
    /// TLS to the scheduler (a `tls://` address): the CA certificate the
    /// cluster's certificates are signed by (with --tls-cert and --tls-key;
    /// without them, Dask's own configuration decides).
    #[arg(long, value_name = "FILE", requires_all = ["tls_cert", "tls_key"])]
    pub(crate) tls_ca: Option<std::path::PathBuf>,
    /// This client's TLS certificate (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_ca")]
    pub(crate) tls_cert: Option<std::path::PathBuf>,
    /// This client's TLS private key (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_ca")]
    pub(crate) tls_key: Option<std::path::PathBuf>,
}

/// A number from 0 to 1 (`--verify-remote`).
pub(crate) fn parse_fraction(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(f) if (0.0..=1.0).contains(&f) => Ok(f),
        _ => Err(format!(
            "`{text}` is not a fraction from 0 to 1 (0.1 checks a tenth)"
        )),
    }
}

/// Where partitions compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExecutorKind {
    /// In this process.
    Local,
    /// On Dask distributed workers (needs --scheduler or --scheduler-file).
    Dask,
}

/// A size in bytes: digits, optionally followed by K, M or G (powers of
/// 1024; a trailing B or iB is allowed).
pub(crate) fn parse_size(text: &str) -> std::result::Result<u64, String> {
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

/// What an image or library links besides its own objects, by meaning
/// (docs/LINKING.md). Inputs are linked in this order: --object files,
/// --whole-archive archives, -l libraries.
#[derive(clap::Args)]
pub(crate) struct LinkArgs {
    /// A directory searched for -l libraries (repeatable, in order).
    #[arg(short = 'L', value_name = "DIR")]
    pub(crate) search_paths: Vec<std::path::PathBuf>,
    /// A library by name, found on the -L directories: ELF libNAME.so or
    /// .a (recorded as DT_NEEDED), Mach-O libNAME.tbd/.dylib/.a, Windows
    /// libNAME.dll.a, NAME.dll.a, libNAME.a, NAME.lib (an import library).
    #[arg(short = 'l', value_name = "NAME")]
    pub(crate) libraries: Vec<String>,
    /// One more file, linked unchanged beside the code: an object (a
    /// serialized heap, a table), an archive (only the members used), or a
    /// shared or import library (repeatable).
    #[arg(long = "object", value_name = "FILE")]
    pub(crate) objects: Vec<std::path::PathBuf>,
    /// An archive linked whole, every member (repeatable).
    #[arg(long = "whole-archive", value_name = "FILE")]
    pub(crate) whole_archives: Vec<std::path::PathBuf>,
    /// A run-time search path: `$ORIGIN` (ELF), `@loader_path` (Mach-O);
    /// not for Windows (repeatable).
    #[arg(long = "rpath", value_name = "PATH")]
    pub(crate) rpaths: Vec<std::ffi::OsString>,
    /// Export a data symbol that a linked object defines (repeatable;
    /// Windows: exported as DATA).
    #[arg(long = "export-data", value_name = "SYM")]
    pub(crate) export_data: Vec<String>,
    /// Windows: also write the import library of the DLL.
    #[arg(long = "implib", value_name = "FILE")]
    pub(crate) implib: Option<std::path::PathBuf>,
    /// A raw argument for LLD, passed last (repeatable).
    #[arg(long = "link-arg", value_name = "ARG", allow_hyphen_values = true)]
    pub(crate) link_args: Vec<std::ffi::OsString>,
    /// Fail on symbols nothing linked defines (ELF -z defs, Mach-O
    /// -undefined error; Windows always does).
    #[arg(long, conflicts_with = "allow_undefined")]
    pub(crate) no_undefined: bool,
    /// Leave undefined symbols to the loader (ELF; Mach-O flat lookup);
    /// not for Windows.
    #[arg(long)]
    pub(crate) allow_undefined: bool,
}

impl LinkArgs {
    /// What the flags ask of the link: the inputs in link order (--object
    /// files, --whole-archive archives, -l libraries), then each meaning.
    pub(crate) fn spec(&self) -> mvimg::link::LinkSpec {
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
pub(crate) enum Command {
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
    Build(BuildArgs),
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
        #[arg(long, value_name = "N", value_parser = opt_level())]
        min_opt: Option<OptLevel>,
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
pub(crate) enum FleetCommand {
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

/// What `mvimg build` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Emit {
    /// A linked shared library.
    Image,
    /// The object file.
    Obj,
}

/// A step of a partition's compile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum PartitionStep {
    /// Bitcode in, optimized bitcode out.
    Optimize,
    /// Optimized bitcode in, object out.
    Emit,
}

/// `mvimg build`'s flags.
#[derive(clap::Args)]
pub(crate) struct BuildArgs {
    /// The target list (default: $MVIMG_CPU_TARGET, else the default list
    /// for the triple).
    #[arg(short = 'C', long = "cpu-target", value_name = "LIST")]
    pub(crate) list: Option<String>,
    /// Target triple (default: the inputs').
    #[arg(long)]
    pub(crate) target: Option<String>,
    /// What to write: `image` (linked with mvimg-link) or `obj` (one
    /// object: the module is compiled as one partition, on one thread).
    #[arg(long, value_enum, default_value = "image")]
    pub(crate) emit: Emit,
    /// Code generation threads (default: every core). The output is the
    /// same for any count.
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) threads: Option<u16>,
    /// Partitions to split the module into (default: from its size;
    /// Mach-O: one). The output depends on it.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(crate) partitions: Option<u16>,
    /// Also write the clone plan as JSON to this file.
    #[arg(long, value_name = "FILE")]
    pub(crate) plan: Option<std::path::PathBuf>,
    /// An entry point (repeatable); default: every exported function.
    #[arg(long = "entry", value_name = "NAME")]
    pub(crate) entries: Vec<String>,
    /// LLVM optimization level, 0 to 3.
    #[arg(short = 'O', default_value = "2", value_parser = opt_level())]
    pub(crate) opt_level: OptLevel,
    /// Do not link the toolchain runtime (compiler builtins, C library,
    /// libm, unwinder, C++ runtime): undefined symbols are left to the
    /// loader instead of failing the build.
    #[arg(long)]
    pub(crate) no_runtime: bool,
    /// Record KEY=VALUE in the image's build record (repeatable): a
    /// compatibility key a runtime checks before loading the image
    /// (`check-bounds=yes`, `debug-level=1`).
    #[arg(long = "record", value_name = "KEY=VALUE", value_parser = parse_record)]
    pub(crate) record: Vec<(String, String)>,
    /// Layer the image on this base image (a package image on a system
    /// image): link against it and record its name and content hash.
    #[arg(long, value_name = "IMAGE")]
    pub(crate) base: Option<std::path::PathBuf>,
    /// Windows: the base image's import library.
    #[arg(long = "base-implib", value_name = "FILE", requires = "base")]
    pub(crate) base_implib: Option<std::path::PathBuf>,
    /// Build for a fleet (repeatable): plan the target list from these
    /// nodes (as `mvimg fleet plan` takes them), build one image per
    /// platform of the inputs into the directory -o names, and write
    /// the plan and each node's selection beside them.
    #[arg(long = "fleet", value_name = "NODE", conflicts_with_all = ["list", "target", "plan", "base"])]
    pub(crate) fleet: Vec<String>,
    /// With --fleet: at most N targets per list.
    #[arg(long, value_name = "N", requires = "fleet")]
    pub(crate) max_targets: Option<usize>,
    #[command(flatten)]
    pub(crate) link: LinkArgs,
    #[command(flatten)]
    pub(crate) run: RunArgs,
    /// The file to write (with --fleet: the directory).
    #[arg(short = 'o', value_name = "OUT")]
    pub(crate) output: std::path::PathBuf,
    /// LLVM IR files (.ll text or .bc bitcode), linked together.
    #[arg(required = true)]
    pub(crate) inputs: Vec<std::path::PathBuf>,
}
