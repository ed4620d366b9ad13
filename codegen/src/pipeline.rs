//! The build pipeline: IR in (files, bytes, modules), multiversioned,
//! optimized and emitted as objects, with what the link needs beside them.
//! [`ImageBuilder`] is the entry point; [`build`] and [`load`] are the
//! file-based shortcuts over the same steps.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::{Linkage, Module};
use inkwell::targets::{TargetMachine, TargetTriple};
use mvimg_cpu::image::{BaseImage, ImageFile};
use mvimg_cpu::select::VectorWidth;
use mvimg_cpu::{Host, ObjectFormat, OptLevel, Platform, ResolvedTargets, TargetList};
use mvimg_link::{LinkInput, LinkSpec, Undefined};

use crate::analysis::{analyze, is_original, scan_uses};
use crate::cache::ObjectCache;
use crate::dispatch::DISPATCH_SYMBOL;
use crate::exports::{defined_symbols, name_bytes, symbol_definitions, ExportRule};
use crate::image_link::{ImageLink, ObjectBytes};
use crate::machine::target_machine;
use crate::parallel::{automatic_partitions, Codegen};
use crate::plan::{plan, ClonePlan};
use crate::progress::Clock;
use crate::record::BuildRecord;
use crate::Error;

/// Which functions are entry points.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Entries {
    /// Every definition with a linkage that leaves a symbol (external, weak,
    /// linkonce, common) and default or protected visibility (on Windows,
    /// only the `dllexport` ones when there are any): what the ordinary
    /// shared library exports. Its functions are the entry points.
    #[default]
    Exported,
    /// These definitions (functions, variables, aliases, ifuncs), which
    /// must be defined; the functions among them are the entry points.
    Named(Vec<String>),
}

/// How to build.
#[derive(Clone, Debug)]
pub struct BuildOptions {
    /// The target triple; `None` takes the inputs' (they must agree).
    pub triple: Option<String>,
    /// The entry points.
    pub entries: Entries,
    /// LLVM's optimization level, 0 to 3 (default 2).
    pub opt_level: OptLevel,
    /// Threads for code generation; `None` uses every available core. The
    /// output does not depend on it.
    pub threads: Option<usize>,
    /// Partitions (objects) to split the module into; `None` chooses from the
    /// module's size ([`automatic_partitions`]). The output depends on it.
    /// Mach-O builds always use one: LLVM's Mach-O writers cannot encode the
    /// dispatch data's offsets to symbols defined in another object.
    pub partitions: Option<usize>,
    /// Link the toolchain runtime of the triple, as clang's driver does for a
    /// shared library ([`mvimg_link::toolchain_runtime`]): the compiler
    /// builtins, and the C library, libm, the unwinder and the C++ runtime
    /// recorded as needed when the code uses them; a symbol that nothing
    /// defines is then a link error (ELF, PE). Default true; false leaves
    /// undefined symbols to the loader.
    pub runtime: bool,
    /// The caller's build-record keys and values (`check-bounds`, `yes`),
    /// recorded in the image beside mvimg's own (`mvimg.*`) facts.
    pub record: Vec<(String, String)>,
    /// The memory the build may use, in bytes: it bounds the partitions
    /// compiled at once ([`crate::resources::MemoryPlan`]); `None`: half
    /// of physical memory ([`crate::resources::default_budget`]). The
    /// output does not depend on it.
    pub memory_budget: Option<u64>,
    /// Called as phases and partitions finish (from the build's threads).
    pub progress: Option<crate::progress::ProgressFn>,
    /// Whether the input is already optimized (default: not; README,
    /// "Producing IR").
    pub input: crate::machine::InputKind,
    /// The object cache (README, "Incremental builds"); `None`: none. The
    /// output does not depend on it.
    pub cache: Option<std::sync::Arc<crate::cache::ObjectCache>>,
    /// Where partitions compile (README, "Building on a cluster"). The
    /// output does not depend on it.
    pub executor: crate::remote::Executor,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            triple: None,
            entries: Entries::Exported,
            opt_level: OptLevel::O2,
            threads: None,
            partitions: None,
            runtime: true,
            record: Vec::new(),
            memory_budget: None,
            progress: None,
            input: crate::machine::InputKind::Unoptimized,
            cache: None,
            executor: crate::remote::Executor::Local,
        }
    }
}

/// What a build produced.
#[derive(Debug)]
pub struct Built {
    /// The platform built for.
    pub platform: Platform,
    /// The clone plan.
    pub plan: ClonePlan,
    /// The object files' bytes, one per partition that defines something.
    pub objects: Vec<Vec<u8>>,
    /// The symbols the image exports, sorted: with [`Entries::Exported`]
    /// every definition the ordinary shared library of the inputs exports
    /// (functions, variables, TLS variables, aliases, ifuncs that codegen
    /// kept), else the named entries; and the dispatch data and the init's
    /// exports.
    pub exports: Vec<String>,
    /// The exports that are data (variables), a subset of `exports`.
    pub data_exports: Vec<String>,
    /// Whether [`crate::link_image`] links the toolchain runtime
    /// ([`BuildOptions::runtime`]).
    pub runtime: bool,
    /// What the image links besides its own code.
    pub link: ImageLink,
    /// Wall time of each phase, in order: `load`, `prelink`
    /// ([`crate::prelink`]), `multiversion`, then
    /// `optimize+emit` (one partition) or `split`, `optimize`, `emit`.
    pub phases: Vec<(&'static str, std::time::Duration)>,
    /// Targets of the list that no host would select
    /// ([`mvimg_cpu::ResolvedTargets::unselectable`]): their clones only add
    /// size. A caller shows them as warnings.
    pub unselectable: Vec<mvimg_cpu::select::Unselectable>,
    /// Input functions LLVM had already vectorized
    /// ([`crate::inputs::prevectorized`]); a caller shows it as a warning.
    pub prevectorized: Option<crate::inputs::Prevectorized>,
    /// How many partitions were compiled at once and why (`None` for a
    /// one-partition build); a caller shows it as a warning when
    /// [`crate::resources::MemoryPlan::throttled`].
    pub memory: Option<crate::resources::MemoryPlan>,
    /// The process's peak resident memory when the objects were done, in
    /// bytes (it includes what the caller held before the build).
    pub peak_memory: Option<u64>,
    /// What the object cache did in this build, when it had one.
    pub cache: Option<crate::cache::CacheStats>,
    /// What the distributed build did, when it was one; a caller shows
    /// [`crate::remote::RemoteReport::fell_back`] as a warning.
    pub remote: Option<crate::remote::RemoteReport>,
}

impl Built {
    /// What the build took: phases, partitions at a time, peak memory.
    pub fn report(&self) -> crate::report::BuildReport {
        crate::report::BuildReport {
            phases: self.phases.clone(),
            objects: self.objects.len(),
            memory: self.memory.clone(),
            peak_memory: self.peak_memory,
            cache: self.cache.clone(),
            remote: self.remote.clone(),
        }
    }

    /// What a caller shows as warnings, one sentence each: targets no host
    /// would select, inputs LLVM had already vectorized, partitions
    /// compiled fewer at a time than threads (or over the memory budget),
    /// and a distributed build that compiled here instead.
    pub fn warnings(&self) -> Vec<String> {
        let mut warnings: Vec<String> = self.unselectable.iter().map(|w| w.to_string()).collect();
        warnings.extend(self.prevectorized.iter().map(|w| w.to_string()));
        warnings.extend(
            self.memory
                .iter()
                .filter(|m| m.throttled() || m.over_budget())
                .map(|m| m.to_string()),
        );
        warnings.extend(
            self.remote
                .as_ref()
                .and_then(|r| r.fell_back.as_ref())
                .map(|r| format!("compiled here, not on the Dask cluster: {r}")),
        );
        warnings
    }

    /// The size in bytes of the objects.
    pub fn object_bytes(&self) -> usize {
        self.objects.iter().map(Vec::len).sum()
    }
}

/// IR given to a build.
enum Ir<'ctx> {
    /// A `.ll` or `.bc` file.
    File(PathBuf),
    /// IR text or bitcode in memory, named for messages and as the module's
    /// identifier.
    Bytes { name: String, bytes: Vec<u8> },
    /// A module of the builder's context.
    Module(Module<'ctx>),
}

impl Ir<'_> {
    /// What messages call the input.
    fn label(&self) -> PathBuf {
        match self {
            Ir::File(path) => path.clone(),
            Ir::Bytes { name, .. } => PathBuf::from(name),
            Ir::Module(module) => PathBuf::from(module.get_name().to_string_lossy().into_owned()),
        }
    }
}

/// The targets of a build: a list resolved once the platform is known, or
/// already resolved.
#[derive(Clone, Debug)]
enum Targets {
    List(TargetList),
    Resolved(ResolvedTargets),
}

/// Builds an image: IR in any form, the target list, code generation and
/// link options; [`ImageBuilder::build`] returns what was built, which
/// [`Built::link`] links or whose single object [`crate::write_atomically`]
/// writes. `mvimg build` is one caller of it.
///
/// ```no_run
/// # fn main() -> Result<(), mvimg_codegen::Error> {
/// use mvimg_codegen::ImageBuilder;
/// let built = ImageBuilder::new()
///     .ir_file("kernels.bc")
///     .target_list("generic;haswell,clone_all".parse()?)
///     .search_path("/opt/runtime/lib")
///     .library("hostrt")
///     .build()?;
/// built.link("libkernels.so".as_ref())?;
/// # Ok(()) }
/// ```
pub struct ImageBuilder<'ctx> {
    context: Option<&'ctx Context>,
    ir: Vec<Ir<'ctx>>,
    targets: Option<Targets>,
    native: Option<Host>,
    options: BuildOptions,
    link: ImageLink,
}

impl ImageBuilder<'static> {
    /// A builder that makes its own LLVM context (it takes IR as files and
    /// bytes; for modules use [`ImageBuilder::in_context`]).
    pub fn new() -> ImageBuilder<'static> {
        ImageBuilder {
            context: None,
            ir: Vec::new(),
            targets: None,
            native: None,
            options: BuildOptions::default(),
            link: ImageLink::default(),
        }
    }
}

impl Default for ImageBuilder<'static> {
    fn default() -> Self {
        ImageBuilder::new()
    }
}

impl<'ctx> ImageBuilder<'ctx> {
    /// A builder that builds in `context`, which may then take modules of
    /// that context.
    pub fn in_context(context: &'ctx Context) -> ImageBuilder<'ctx> {
        ImageBuilder {
            context: Some(context),
            ir: Vec::new(),
            targets: None,
            native: None,
            options: BuildOptions::default(),
            link: ImageLink::default(),
        }
    }

    /// Adds a `.ll` or `.bc` file. Inputs are linked together in order into
    /// the first.
    pub fn ir_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.ir.push(Ir::File(path.into()));
        self
    }

    /// Adds bitcode in memory; `name` is what messages call it and becomes
    /// the module's identifier (give the file name to build the same bytes
    /// as from the file).
    pub fn bitcode(mut self, name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        self.ir.push(Ir::Bytes {
            name: name.into(),
            bytes: bytes.into(),
        });
        self
    }

    /// Adds IR text in memory (as [`ImageBuilder::bitcode`]).
    pub fn ir_text(mut self, name: impl Into<String>, text: impl Into<String>) -> Self {
        self.ir.push(Ir::Bytes {
            name: name.into(),
            bytes: text.into().into_bytes(),
        });
        self
    }

    /// Adds a module; it must belong to the builder's context
    /// ([`ImageBuilder::in_context`]). The build changes and consumes it.
    pub fn module(mut self, module: Module<'ctx>) -> Self {
        self.ir.push(Ir::Module(module));
        self
    }

    /// The target triple (default: the inputs', else the build host's).
    pub fn triple(mut self, triple: impl Into<String>) -> Self {
        self.options.triple = Some(triple.into());
        self
    }

    /// The target list, resolved for the platform's architecture (default:
    /// mvimg's default list for the platform).
    pub fn target_list(mut self, list: TargetList) -> Self {
        self.targets = Some(Targets::List(list));
        self
    }

    /// Targets already resolved (their architecture must be the platform's).
    pub fn resolved_targets(mut self, targets: ResolvedTargets) -> Self {
        self.targets = Some(Targets::Resolved(targets));
        self
    }

    /// What `native` in the target list means (default: the build host as
    /// LLVM 22 sees it, [`crate::llvm_host`]).
    pub fn native_host(mut self, host: Host) -> Self {
        self.native = Some(host);
        self
    }

    /// The entry points (default: what the ordinary shared library exports).
    pub fn entries(mut self, entries: Entries) -> Self {
        self.options.entries = entries;
        self
    }

    /// LLVM's optimization level (default [`OptLevel::O2`]).
    pub fn opt_level(mut self, level: OptLevel) -> Self {
        self.options.opt_level = level;
        self
    }

    /// Code generation threads (default: every core; the output does not
    /// depend on it).
    pub fn threads(mut self, threads: usize) -> Self {
        self.options.threads = Some(threads);
        self
    }

    /// What the input is (see [`BuildOptions::input`]).
    pub fn input(mut self, kind: crate::machine::InputKind) -> Self {
        self.options.input = kind;
        self
    }

    /// The object cache (see [`BuildOptions::cache`]).
    pub fn cache(mut self, cache: std::sync::Arc<crate::cache::ObjectCache>) -> Self {
        self.options.cache = Some(cache);
        self
    }

    /// Where partitions compile (see [`BuildOptions::executor`]).
    pub fn executor(mut self, executor: crate::remote::Executor) -> Self {
        self.options.executor = executor;
        self
    }

    /// The memory budget in bytes (see [`BuildOptions::memory_budget`]).
    pub fn memory_budget(mut self, bytes: u64) -> Self {
        self.options.memory_budget = Some(bytes);
        self
    }

    /// A progress callback (see [`BuildOptions::progress`]).
    pub fn progress(
        mut self,
        callback: impl Fn(&crate::progress::Progress) + Send + Sync + 'static,
    ) -> Self {
        self.options.progress = Some(crate::progress::ProgressFn(std::sync::Arc::new(callback)));
        self
    }

    /// Partitions (see [`BuildOptions::partitions`]).
    pub fn partitions(mut self, partitions: usize) -> Self {
        self.options.partitions = Some(partitions);
        self
    }

    /// Link the toolchain runtime (default true; [`BuildOptions::runtime`]).
    pub fn runtime(mut self, runtime: bool) -> Self {
        self.options.runtime = runtime;
        self
    }

    /// Records `key=value` in the image's build record (a runtime's
    /// compatibility key: `check-bounds`, `yes`).
    pub fn record(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.options.record.push((key.into(), value.into()));
        self
    }

    /// Links a file beside the code, unchanged, as its content says
    /// ([`LinkInput::classify`]): an object in full, an archive's members
    /// that resolve a symbol, a shared or import library as a library.
    pub fn object(mut self, path: impl Into<PathBuf>) -> Self {
        self.link.spec.inputs.push(LinkInput::classify(path));
        self
    }

    /// Links every member of an archive.
    pub fn whole_archive(mut self, path: impl Into<PathBuf>) -> Self {
        self.link.spec.inputs.push(LinkInput::Archive {
            path: path.into(),
            whole: true,
        });
        self
    }

    /// Links an object file given as bytes (written as `name` at link time).
    pub fn object_bytes(mut self, name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        self.link.object_bytes.push(ObjectBytes {
            name: name.into(),
            bytes: bytes.into(),
        });
        self
    }

    /// Links a library by name, found on the search path (`-l NAME`).
    pub fn library(mut self, name: impl Into<String>) -> Self {
        self.link.spec.inputs.push(LinkInput::Library(name.into()));
        self
    }

    /// Links a library given as a file (`.so`, `.dylib`, `.tbd`, `.dll.a`).
    pub fn library_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.link
            .spec
            .inputs
            .push(LinkInput::LibraryFile(path.into()));
        self
    }

    /// Adds a directory to the library search path (`-L DIR`).
    pub fn search_path(mut self, dir: impl Into<PathBuf>) -> Self {
        self.link.spec.search_paths.push(dir.into());
        self
    }

    /// Adds a run-time search path (`$ORIGIN`, `@loader_path`).
    pub fn rpath(mut self, rpath: impl Into<OsString>) -> Self {
        self.link.spec.rpaths.push(rpath.into());
        self
    }

    /// Exports a data symbol that a linked object defines.
    pub fn export_data(mut self, symbol: impl Into<String>) -> Self {
        self.link.spec.export_data.push(symbol.into());
        self
    }

    /// Passes a raw argument to the linker, last.
    pub fn link_arg(mut self, arg: impl Into<OsString>) -> Self {
        self.link.spec.link_args.push(arg.into());
        self
    }

    /// The undefined-symbol policy of the link.
    pub fn undefined(mut self, policy: Undefined) -> Self {
        self.link.spec.undefined = Some(policy);
        self
    }

    /// Windows: also write the image's import library.
    pub fn import_library(mut self, path: impl Into<PathBuf>) -> Self {
        self.link.spec.import_library = Some(path.into());
        self
    }

    /// Layers the image on the base image at `path` (see [`ImageLink::base`]).
    pub fn base(mut self, path: impl Into<PathBuf>) -> Self {
        self.link.base = Some(path.into());
        self
    }

    /// Windows: the base image's import library.
    pub fn base_import_library(mut self, path: impl Into<PathBuf>) -> Self {
        self.link.base_import_library = Some(path.into());
        self
    }

    /// Adds what `spec` asks of the link (what the command line's link flags
    /// make): its inputs after those added before, its search paths, rpaths,
    /// data exports and raw arguments after theirs; its undefined-symbol
    /// policy and import library, when it sets them. One state: every
    /// setter adds to what the builder holds, none replaces it.
    pub fn link_spec(mut self, spec: LinkSpec) -> Self {
        let LinkSpec {
            inputs,
            search_paths,
            rpaths,
            export_data,
            link_args,
            undefined,
            import_library,
            ..
        } = spec;
        let own = &mut self.link.spec;
        own.inputs.extend(inputs);
        own.search_paths.extend(search_paths);
        own.rpaths.extend(rpaths);
        own.export_data.extend(export_data);
        own.link_args.extend(link_args);
        own.undefined = undefined.or(own.undefined);
        own.import_library = import_library.or(own.import_library.take());
        self
    }

    /// Builds: reads the IR into one module, resolves the targets for its
    /// platform, multiversions, optimizes and emits the objects.
    pub fn build(self) -> Result<Built, Error> {
        match self.context {
            Some(context) => run(
                context,
                self.ir,
                self.targets,
                self.native,
                &self.options,
                self.link,
            ),
            None => {
                let context = Context::create();
                let ir = self
                    .ir
                    .into_iter()
                    .map(|ir| match ir {
                        Ir::File(path) => Ok(Ir::File(path)),
                        Ir::Bytes { name, bytes } => Ok(Ir::Bytes { name, bytes }),
                        Ir::Module(module) => Err(Error::Input {
                            path: Ir::Module(module).label(),
                            message: "a module needs the builder of its context \
                                      (ImageBuilder::in_context)"
                                .into(),
                        }),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                run(
                    &context,
                    ir,
                    self.targets,
                    self.native,
                    &self.options,
                    self.link,
                )
            }
        }
    }
}

/// Refuses a data export the inputs define as hidden or local (it would
/// silently export nothing). Symbols the inputs do not define are left to
/// the link (another object may define them).
fn exportable_data(module: &Module<'_>, symbols: &[String]) -> Result<(), Error> {
    for symbol in symbols {
        let Some(global) = module.get_global(symbol) else {
            continue;
        };
        let how = match global.get_linkage() {
            Linkage::Internal => Some("with internal linkage (static)"),
            Linkage::Private => Some("with private linkage"),
            _ if global.get_visibility() == inkwell::GlobalVisibility::Hidden => {
                Some("with hidden visibility")
            }
            _ => None,
        };
        if let Some(how) = how {
            return Err(Error::ExportNotVisible {
                symbol: symbol.clone(),
                how,
            });
        }
    }
    Ok(())
}

/// Refuses settings out of their range before anything is read or
/// compiled (a build can take minutes).
fn check_settings(options: &BuildOptions) -> Result<(), Error> {
    let refuse = |setting, value: String, expected| {
        Err(Error::Setting {
            setting,
            value,
            expected,
        })
    };
    if options.threads == Some(0) {
        return refuse("threads", "0".into(), "at least 1");
    }
    if options.partitions == Some(0) {
        return refuse("partitions", "0".into(), "at least 1");
    }
    if options.memory_budget == Some(0) {
        return refuse("memory_budget", "0 bytes".into(), "at least 1 byte");
    }
    Ok(())
}

/// The steps of a build in `context`.
fn run<'ctx>(
    context: &'ctx Context,
    ir: Vec<Ir<'ctx>>,
    targets: Option<Targets>,
    native: Option<Host>,
    options: &BuildOptions,
    link: ImageLink,
) -> Result<Built, Error> {
    check_settings(options)?;
    let mut clock = Clock::start(options.progress.clone());
    let (module, platform) = read_all(context, ir, options.triple.as_deref())?;
    exportable_data(&module, &link.spec.export_data)?;
    crate::image_link::check_link(&platform, &link, options.runtime)?;
    let prevectorized = crate::inputs::prevectorized(&module);
    clock.done("load");
    let mut record = BuildRecord::new(&platform, options.opt_level, &options.record)?;
    let mut base_widths = Vec::new();
    if let Some(path) = &link.base {
        let (base, widths) = base_image(path, &platform)?;
        record.set_base(&base);
        base_widths = widths;
    }
    let targets = match targets {
        Some(Targets::Resolved(targets)) => targets,
        Some(Targets::List(list)) => resolve(&list, &platform, native)?,
        None => resolve(
            &TargetList::default_for(platform.arch, platform.os),
            &platform,
            native,
        )?,
    };
    let unselectable = targets.unselectable();
    let machine = target_machine(&platform, &targets, options.opt_level)?;
    if !base_widths.is_empty() {
        // What the package calls in its base travels as both images' targets
        // carry it: they must agree.
        let mut widths = crate::abi::vector_widths(&targets, "");
        widths.extend(base_widths);
        let layout = machine.get_target_data();
        crate::abi::check_vector_abi(&module, platform.arch, &layout, &widths, |_| false, true)?;
    }
    let cache_before = options
        .cache
        .as_deref()
        .map(crate::cache::ObjectCache::stats);
    let module = prelink(context, module, &platform, &targets, &machine, options)?;
    clock.done("prelink");
    let (plan, exports) = multiversion(
        context,
        &module,
        &platform,
        &targets,
        &machine,
        &options.entries,
        &record,
    )?;
    clock.done("multiversion");
    let cache = options.cache.as_deref();
    let (objects, memory, remote) =
        compile(&module, &platform, &targets, &machine, options, &mut clock)?;
    let cache_stats = match (cache, cache_before) {
        (Some(cache), Some(before)) => {
            cache.evict();
            Some(cache.stats().since(&before))
        }
        _ => None,
    };
    let peak_memory = crate::resources::peak_memory();
    let (exports, data_exports) = defined_exports(&objects, &platform, exports, &options.entries)?;
    Ok(Built {
        platform,
        plan,
        objects,
        exports,
        data_exports,
        runtime: options.runtime,
        link,
        phases: clock.phases,
        unselectable,
        prevectorized,
        memory,
        peak_memory,
        cache: cache_stats,
        remote,
    })
}

/// What a build's objects, emitted, and their memory plan and remote
/// report when partitioned.
type Compiled = (
    Vec<Vec<u8>>,
    Option<crate::resources::MemoryPlan>,
    Option<crate::remote::RemoteReport>,
);

/// The partition count a build is held to whatever its module's size: one
/// for Mach-O (LLVM's Mach-O object writers reject a difference of two
/// symbols when one is undefined in the object, and the dispatch data holds
/// such differences), else the count the options ask for; `None`: chosen by
/// the module's size ([`automatic_partitions`]).
fn fixed_partitions(platform: &Platform, options: &BuildOptions) -> Option<usize> {
    match platform.format() {
        mvimg_cpu::ObjectFormat::MachO => Some(1),
        _ => options.partitions.map(|parts| parts.max(1)),
    }
}

/// Optimizes and emits the multiversioned `module`: as one partition
/// ([`one_partition`]) or split and compiled in parallel ([`Codegen`]).
fn compile(
    module: &Module<'_>,
    platform: &Platform,
    targets: &ResolvedTargets,
    machine: &TargetMachine,
    options: &BuildOptions,
    clock: &mut Clock,
) -> Result<Compiled, Error> {
    let parts =
        fixed_partitions(platform, options).unwrap_or_else(|| automatic_partitions(module).max(1));
    if parts == 1 {
        clock.reporter.report("optimize+emit", 0, 1);
        let object = one_partition(module, platform, targets, machine, options)?;
        clock.done("optimize+emit");
        return Ok((vec![object], None, None));
    }
    let threads = options.threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let emitted = Codegen {
        platform,
        targets,
        opt_level: options.opt_level,
        input: options.input,
        threads,
        memory_budget: options
            .memory_budget
            .unwrap_or_else(crate::resources::default_budget),
        cache: options.cache.as_deref(),
        executor: &options.executor,
    }
    .emit(module, parts, clock)?;
    Ok((emitted.objects, Some(emitted.memory), emitted.remote))
}

/// The image's exports and, of them, the data symbols: definitions LLVM may
/// drop (unused linkonce ones, as in the ordinary build) are exported only
/// when `objects` still define them.
fn defined_exports(
    objects: &[Vec<u8>],
    platform: &Platform,
    exports: Vec<String>,
    entries: &Entries,
) -> Result<(Vec<String>, Vec<String>), Error> {
    let defined = defined_symbols(objects, platform.format() == mvimg_cpu::ObjectFormat::MachO)?;
    let exports: Vec<String> = match entries {
        Entries::Exported => exports
            .into_iter()
            .filter(|e| defined.contains_key(e.as_bytes()))
            .collect(),
        Entries::Named(_) => exports,
    };
    let data_exports = exports
        .iter()
        .filter(|e| defined.get(e.as_bytes()) == Some(&true))
        .cloned()
        .collect();
    Ok((exports, data_exports))
}

/// [`crate::machine::prelink`] of `module`, through the object cache when
/// the build has one: the step's key is the linked input module's bitcode
/// (with the spec), its entry the pre-linked module's bitcode. The result is
/// always the module read back from that bitcode, cached or not, so that a
/// build from the cache and one without make the same bytes (a module read
/// from bitcode can list a value's users in another order).
fn prelink<'ctx>(
    context: &'ctx Context,
    module: Module<'ctx>,
    platform: &Platform,
    targets: &ResolvedTargets,
    machine: &TargetMachine,
    options: &BuildOptions,
) -> Result<Module<'ctx>, Error> {
    // One target clones nothing, and one partition's own -On pipeline sees
    // the whole program: there the pre-link would only repeat the
    // simplification that pipeline does (a one-target object cost 1.33x
    // `clang -O2 -c` with it).
    let one_piece = targets.targets.len() == 1 && fixed_partitions(platform, options) == Some(1);
    if options.input == crate::machine::InputKind::Optimized
        || options.opt_level == OptLevel::O0
        || one_piece
    {
        return Ok(module);
    }
    let read_back = |bitcode: &[u8]| {
        let buffer = MemoryBuffer::create_from_memory_range_copy(bitcode, "prelinked");
        Module::parse_bitcode_from_buffer(&buffer, context).ok()
    };
    let cache = options.cache.as_deref().map(|cache| {
        let spec = crate::partition::PartitionSpec::new(
            platform,
            targets,
            options.opt_level,
            options.input,
        );
        let key = spec.key("prelink", &[module.write_bitcode_to_memory().as_slice()]);
        (cache, key)
    });
    ObjectCache::through(
        cache,
        read_back,
        move || {
            crate::machine::prelink(&module, machine, options.opt_level, options.input)?;
            let bitcode = module.write_bitcode_to_memory().as_slice().to_vec();
            // The module is read back from its bitcode: the one optimized
            // here is not needed beside it.
            drop(module);
            Ok(bitcode)
        },
        || Error::Llvm {
            action: "reading back the pre-linked module".into(),
            message: "LLVM could not read the bitcode it wrote".into(),
        },
    )
}

/// The one object of a build compiled as one partition: the whole module
/// optimized for its input and emitted, through the object cache when the
/// build has one (the key is the module's bitcode with the spec).
fn one_partition(
    module: &Module<'_>,
    platform: &Platform,
    targets: &ResolvedTargets,
    machine: &TargetMachine,
    options: &BuildOptions,
) -> Result<Vec<u8>, Error> {
    let spec =
        crate::partition::PartitionSpec::new(platform, targets, options.opt_level, options.input);
    let cache = options.cache.as_deref();
    ObjectCache::through(
        cache.map(|cache| {
            let key = spec.key("whole", &[module.write_bitcode_to_memory().as_slice()]);
            (cache, key)
        }),
        |object| crate::partition::object_of(object, &spec.triple).then(|| object.to_vec()),
        || {
            crate::machine::optimize_input(module, machine, options.opt_level, options.input)?;
            if let Some(cache) = cache {
                cache.count_compiled(1);
            }
            crate::machine::write_object(module, machine)
        },
        || Error::Llvm {
            action: "emitting the object".into(),
            message: format!("LLVM's object is not one for {}", spec.triple),
        },
    )
}

/// The identity of the base image at `path`, which must be an mvimg image
/// of `platform`, and its targets' vector widths (labelled).
fn base_image(
    path: &std::path::Path,
    platform: &Platform,
) -> Result<(BaseImage, Vec<(String, VectorWidth)>), Error> {
    let wrong = |message: String| Error::Input {
        path: path.to_owned(),
        message,
    };
    let file = ImageFile::read(path).map_err(|e| wrong(format!("as a base image: {e}")))?;
    let format = match platform.format() {
        ObjectFormat::Elf => "elf",
        ObjectFormat::MachO => "macho",
        ObjectFormat::Coff => "pe",
    };
    if file.data.arch != platform.arch || file.format != format {
        return Err(wrong(format!(
            "the base image is a {} {} image; this one is built for {platform}",
            file.data.arch, file.format
        )));
    }
    let targets = file
        .data
        .resolved_targets()
        .map_err(|e| wrong(format!("as a base image: {e}")))?;
    let widths = crate::abi::vector_widths(&targets, "the base image's ");
    Ok((BaseImage::of(path, &file.data), widths))
}

/// Resolves `list` for the platform's architecture; `native` is `host`, else
/// the build host as LLVM sees it.
fn resolve(
    list: &TargetList,
    platform: &Platform,
    host: Option<Host>,
) -> Result<ResolvedTargets, Error> {
    let host = match (list.uses_native(), host) {
        (true, Some(host)) => Some(host),
        (true, None) => Some(crate::llvm_host()?),
        (false, _) => None,
    };
    list.resolve(platform.arch, host.as_ref())
        .map_err(Error::Cpu)
}

/// Reads the inputs into one module of `context`, linked together in order.
/// Each input's triple must build the same code as `triple` when given, else
/// as the first input that has one; the module gets the chosen triple
/// (without any: the build host's).
fn read_all<'ctx>(
    context: &'ctx Context,
    ir: Vec<Ir<'ctx>>,
    triple: Option<&str>,
) -> Result<(Module<'ctx>, Platform), Error> {
    let mut inputs = ir.into_iter();
    let Some(first) = inputs.next() else {
        return Err(Error::NoInputs);
    };
    let mut chosen: Option<(String, Platform)> = match triple {
        Some(t) => Some((t.to_owned(), t.parse().map_err(Error::Cpu)?)),
        None => None,
    };
    let first_label = first.label();
    let module = read(context, first, &mut chosen)?;
    for input in inputs {
        let label = input.label();
        let other = read(context, input, &mut chosen)?;
        module.link_in_module(other).map_err(|e| Error::Input {
            path: label,
            message: format!(
                "linking into {}: {}",
                first_label.display(),
                e.to_string_lossy()
            ),
        })?;
    }
    let (triple, platform) = match chosen {
        Some(chosen) => chosen,
        None => {
            let host = TargetMachine::get_default_triple()
                .as_str()
                .to_string_lossy()
                .into_owned();
            let platform = host.parse().map_err(Error::Cpu)?;
            (host, platform)
        }
    };
    module.set_triple(&TargetTriple::create(&triple));
    if platform.format() == ObjectFormat::Elf {
        // An image is a shared object: IR compiled without -fPIC (clang's
        // default on Debian is PIE) marks exported symbols `dso_local`, which
        // in a shared object they are not.
        // SAFETY: the module is live and only this thread uses its context.
        unsafe { mvimg_llvm_shim::preemptible_globals(module.as_mut_ptr().cast()) };
    }
    // One description of each type however many units described it, so that
    // no partition (and no one-partition image) describes a type per unit.
    // SAFETY: the module is live and only this thread uses its context.
    unsafe { mvimg_llvm_shim::merge_debug_types(module.as_mut_ptr().cast()) };
    Ok((module, platform))
}

/// Reads one input; checks its triple against `chosen` (or makes it the
/// chosen one).
fn read<'ctx>(
    context: &'ctx Context,
    ir: Ir<'ctx>,
    chosen: &mut Option<(String, Platform)>,
) -> Result<Module<'ctx>, Error> {
    let label = ir.label();
    let parse_error = |message: String| Error::Input {
        path: label.clone(),
        message,
    };
    let module = match ir {
        Ir::File(path) => {
            let buffer = MemoryBuffer::create_from_file(&path)
                .map_err(|e| parse_error(e.to_string_lossy().into_owned()))?;
            let bitcode = crate::inputs::is_bitcode(buffer.as_slice());
            crate::inputs::parse_ir(context, &buffer)
                .map_err(|e| parse_error(unreadable(&path, bitcode, &e)))?
        }
        Ir::Bytes { name, bytes } => {
            let bitcode = crate::inputs::is_bitcode(&bytes);
            let buffer = MemoryBuffer::create_from_memory_range_copy(&bytes, &name);
            crate::inputs::parse_ir(context, &buffer)
                .map_err(|e| parse_error(unreadable(Path::new(&name), bitcode, &e)))?
        }
        Ir::Module(module) => {
            if module.get_context() != *context {
                return Err(parse_error(
                    "the module belongs to another LLVM context than the builder's".into(),
                ));
            }
            module
        }
    };
    // The input is checked as it is read, so that a malformed module is
    // blamed on its file, not on mvimg's passes.
    module.verify().map_err(|e| {
        parse_error(format!(
            "is not valid LLVM IR (the verifier: {}); mvimg builds what a compiler \
             emitted or what passes `opt-22 -passes=verify`",
            e.to_string_lossy().trim()
        ))
    })?;
    // Symbol names are carried as text through the plan, the dispatch data
    // and the export lists: a name that is not UTF-8 is refused here, by
    // name, rather than lost on the way.
    let names = module
        .get_functions()
        .map(|f| f.as_global_value())
        .chain(module.get_globals())
        .map(|g| g.get_name().to_bytes().to_vec());
    for name in names {
        if std::str::from_utf8(&name).is_err() {
            return Err(parse_error(format!(
                "defines or uses the symbol `{}`, whose name is not UTF-8; mvimg \
                 handles UTF-8 symbol names only (rename it in the source)",
                name.escape_ascii()
            )));
        }
    }
    // Slots, trampolines and the dispatch data hold function addresses in
    // address space 0: a function elsewhere cannot be multiversioned.
    let space = |f: &inkwell::values::FunctionValue<'_>| {
        use inkwell::types::AsTypeRef;
        let ty = f.as_global_value().as_pointer_value().get_type();
        // SAFETY: a live pointer type of the module's context.
        unsafe { inkwell::llvm_sys::core::LLVMGetPointerAddressSpace(ty.as_type_ref()) }
    };
    if let Some(f) = module.get_functions().find(|f| space(f) != 0) {
        return Err(parse_error(format!(
            "defines or declares `{}` in address space {}; mvimg builds functions of \
             address space 0 only",
            f.get_name().to_string_lossy(),
            space(&f)
        )));
    }
    let own = module.get_triple().as_str().to_string_lossy().into_owned();
    if !own.is_empty() {
        match chosen {
            Some((expected, platform)) => {
                let same = own
                    .parse::<Platform>()
                    .map_or(own == *expected, |p| p.same_code(platform));
                if !same {
                    return Err(Error::TripleMismatch {
                        path: label,
                        module: own,
                        target: expected.clone(),
                    });
                }
            }
            None => {
                let platform = own.parse().map_err(|e: mvimg_cpu::Error| Error::Input {
                    path: label.clone(),
                    message: format!("{e}; or give the triple to build for"),
                })?;
                *chosen = Some((own, platform));
            }
        }
    }
    Ok(module)
}

/// Reads the IR file `path` (bitcode or text) into a fresh context and
/// checks it as a build would: LLVM's reader, the verifier, UTF-8 symbol
/// names, a triple mvimg builds for. Nothing is kept. This is what
/// [`crate::inputs::check_in_child`] runs in a child process, where a crash
/// of LLVM's reader (which trusts its bytes: a malformed file can crash it
/// or exhaust memory) cannot take the caller down.
pub fn check_input(path: &Path) -> Result<(), Error> {
    let context = Context::create();
    let mut chosen = None;
    read(&context, Ir::File(path.to_path_buf()), &mut chosen).map(drop)
}

/// What to say of an input LLVM could not parse: LLVM's `message` (without
/// the file name it starts with, which the error already gives), and, for
/// what is not bitcode, that it is neither bitcode nor IR text.
fn unreadable(path: &Path, bitcode: bool, message: &str) -> String {
    let name = path.display().to_string();
    let message = message
        .trim()
        .strip_prefix(&name)
        .and_then(|m| m.strip_prefix(':'))
        .unwrap_or(message.trim());
    let message = message.replacen("error: ", "", 1);
    if bitcode {
        format!("is LLVM bitcode that LLVM 22 cannot read: {message}")
    } else {
        format!(
            "is neither LLVM bitcode nor LLVM IR text (as IR text, at line:column {message}); \
             make IR with `clang-22 -O2 -Xclang -disable-llvm-passes -emit-llvm -c FILE.c`"
        )
    }
}

/// Reads `.ll` or `.bc` files into one module of `context`, linked together,
/// and parses the build's platform once: `triple` when given (each file's
/// own triple must build the same code), else the first file's.
pub fn load<'ctx>(
    context: &'ctx Context,
    inputs: &[PathBuf],
    triple: Option<&str>,
) -> Result<(Module<'ctx>, Platform), Error> {
    let ir = inputs.iter().cloned().map(Ir::File).collect();
    read_all(context, ir, triple)
}

/// Builds `inputs` for `targets`: load, multiversion, optimize, emit (the
/// file-based shortcut of [`ImageBuilder`]).
pub fn build(
    inputs: &[PathBuf],
    targets: &ResolvedTargets,
    options: &BuildOptions,
) -> Result<Built, Error> {
    let mut builder = ImageBuilder {
        options: options.clone(),
        ..ImageBuilder::new()
    }
    .resolved_targets(targets.clone());
    for input in inputs {
        builder = builder.ir_file(input);
    }
    builder.build()
}

/// Plans and applies multiversioning to `module` for `targets` (as
/// [`ResolvedTargets::recorded`] gives them: `native` is recorded as a
/// concrete CPU), emits the dispatch data with `record`, then verifies it.
/// Returns the plan and the exported symbols.
pub fn multiversion<'ctx>(
    context: &'ctx Context,
    module: &Module<'ctx>,
    platform: &Platform,
    targets: &ResolvedTargets,
    machine: &TargetMachine,
    entries: &Entries,
    record: &BuildRecord,
) -> Result<(ClonePlan, Vec<String>), Error> {
    let targets = &targets.recorded();
    if platform.arch != targets.arch {
        return Err(Error::ListForOtherArch {
            list: targets.arch,
            platform: platform.to_string(),
            platform_arch: platform.arch,
        });
    }
    let layout = machine.get_target_data();
    module.set_data_layout(&layout.get_data_layout());
    // Every use of a function's address in code becomes a plain operand, so
    // the analysis sees it and cloning and slots rewrite it.
    // SAFETY: the module is live and only this thread uses its context.
    unsafe { mvimg_llvm_shim::expand_function_constants(module.as_mut_ptr().cast()) };
    // Calls between bodies of different targets pass wide vectors in memory.
    let widths = crate::abi::vector_widths(targets, "");
    crate::abi::pass_vectors_in_memory(module, platform.arch, &layout, &widths);
    let analysis = analyze(module);
    let exported = ExportRule::of(module, platform.os);
    crate::abi::check_vector_abi(
        module,
        platform.arch,
        &layout,
        &widths,
        |f| match entries {
            Entries::Exported => exported.exports(f.as_global_value()),
            Entries::Named(names) => names
                .iter()
                .any(|n| n.as_bytes() == f.get_name().to_bytes()),
        },
        false,
    )?;
    let is_entry: Vec<bool> = match entries {
        Entries::Exported => module
            .get_functions()
            .filter(|f| is_original(*f))
            .map(|f| exported.exports(f.as_global_value()))
            .collect(),
        Entries::Named(names) => {
            let mut flags = vec![false; analysis.functions.len()];
            for name in names {
                match analysis.index.get(name) {
                    Some(&i) => flags[i] = true,
                    None if symbol_definitions(module)
                        .any(|g| name_bytes(g) == name.as_bytes()) => {}
                    None => {
                        return Err(Error::Entry {
                            name: name.clone(),
                            problem: if module.get_function(name).is_some()
                                || module.get_global(name).is_some()
                            {
                                "is declared but not defined in the inputs".into()
                            } else {
                                "is not a function, variable or alias of the inputs".into()
                            },
                        })
                    }
                }
            }
            flags
        }
    };
    let uses = scan_uses(module, &analysis, &layout);
    let ifunc_ok: Vec<bool> = module
        .get_functions()
        .filter(|f| is_original(*f))
        .map(|f| f.get_linkage() == Linkage::External && f.as_global_value().get_comdat().is_none())
        .collect();
    let plan = plan(
        platform.triple(),
        targets,
        &analysis,
        &uses,
        &is_entry,
        &ifunc_ok,
    );
    let tables = crate::clone::apply(context, module, platform, &plan, targets, &analysis)?;
    crate::dispatch::emit(context, module, targets, &tables, record);
    crate::init::attach(context, module, platform, targets)?;
    module.verify().map_err(|e| Error::Verify {
        message: e.to_string_lossy().into_owned(),
    })?;
    let mut exports: Vec<String> = match entries {
        Entries::Exported => symbol_definitions(module)
            .filter(|g| exported.exports(*g))
            .map(|g| String::from_utf8_lossy(&name_bytes(g)).into_owned())
            .collect(),
        Entries::Named(names) => names.clone(),
    };
    exports.push(DISPATCH_SYMBOL.to_owned());
    exports.extend(crate::init::INIT_EXPORTS.iter().map(|s| (*s).to_owned()));
    exports.sort_unstable();
    exports.dedup();
    Ok((plan, exports))
}
