//! Building: IR files in, a clone plan and an optimized object (or a linked
//! image) out.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine, TargetTriple,
};
use inkwell::values::GlobalValue;
use inkwell::OptimizationLevel;
use mvimg_cpu::ResolvedTargets;
use mvimg_link::{Flavor, LinkArch, LinkJob, LinkTarget};

use crate::analysis::{analyze, is_original, scan_uses};
use crate::dispatch::DISPATCH_SYMBOL;
use crate::parallel::{automatic_partitions, Codegen};
use crate::plan::{plan, ClonePlan};
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
    pub opt_level: u8,
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
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            triple: None,
            entries: Entries::Exported,
            opt_level: 2,
            threads: None,
            partitions: None,
            runtime: true,
        }
    }
}

/// What a build produced.
#[derive(Debug)]
pub struct Built {
    /// The target triple.
    pub triple: String,
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
    /// Whether [`link_image`] links the toolchain runtime
    /// ([`BuildOptions::runtime`]).
    pub runtime: bool,
    /// Wall time of each phase, in order: `load`, `multiversion`, then
    /// `optimize+emit` (one partition) or `split`, `optimize`, `emit`.
    pub phases: Vec<(&'static str, std::time::Duration)>,
}

/// Reads `.ll` or `.bc` files into one module of `context`, linked together.
/// Each file's triple must match `triple` when one is given (same
/// architecture and object format); the module gets `triple`.
pub fn load<'ctx>(
    context: &'ctx Context,
    inputs: &[PathBuf],
    triple: Option<&str>,
) -> Result<(Module<'ctx>, String), Error> {
    let Some((first, rest)) = inputs.split_first() else {
        return Err(Error::Input {
            path: PathBuf::new(),
            message: "no input files; give one or more .ll or .bc files".into(),
        });
    };
    let mut chosen = triple.map(str::to_owned);
    let module = read(context, first, &mut chosen)?;
    for path in rest {
        let other = read(context, path, &mut chosen)?;
        module.link_in_module(other).map_err(|e| Error::Input {
            path: path.clone(),
            message: format!("linking into {}: {}", first.display(), e.to_string_lossy()),
        })?;
    }
    let triple = chosen.unwrap_or_else(|| {
        TargetMachine::get_default_triple()
            .as_str()
            .to_string_lossy()
            .into_owned()
    });
    module.set_triple(&TargetTriple::create(&triple));
    Ok((module, triple))
}

fn read<'ctx>(
    context: &'ctx Context,
    path: &Path,
    triple: &mut Option<String>,
) -> Result<Module<'ctx>, Error> {
    let buffer = MemoryBuffer::create_from_file(path).map_err(|e| Error::Input {
        path: path.to_owned(),
        message: e.to_string_lossy().into_owned(),
    })?;
    let module = context
        .create_module_from_ir(buffer)
        .map_err(|e| Error::Input {
            path: path.to_owned(),
            message: e.to_string_lossy().into_owned(),
        })?;
    let own = module.get_triple().as_str().to_string_lossy().into_owned();
    if !own.is_empty() {
        match triple {
            Some(expected) if !same_target(expected, &own) => {
                return Err(Error::TripleMismatch {
                    path: path.to_owned(),
                    module: own,
                    target: expected.clone(),
                })
            }
            Some(_) => {}
            None => *triple = Some(own),
        }
    }
    Ok(module)
}

/// Whether two triples name the same architecture and object format.
fn same_target(a: &str, b: &str) -> bool {
    match (a.parse::<LinkTarget>(), b.parse::<LinkTarget>()) {
        (Ok(a), Ok(b)) => a.arch == b.arch && a.flavor == b.flavor,
        _ => a == b,
    }
}

/// The CPU architecture and OS of a triple mvimg builds for (the five triples
/// mvimg-link links).
pub fn arch_and_os(triple: &str) -> Result<(mvimg_cpu::Arch, mvimg_cpu::Os), Error> {
    use mvimg_cpu::{Arch, Os};
    let target: LinkTarget = triple.parse().map_err(Error::Link)?;
    let arch = match target.arch {
        LinkArch::X86_64 => Arch::X86_64,
        LinkArch::Aarch64 => Arch::Aarch64,
    };
    let os = match target.flavor {
        Flavor::Gnu => Os::Linux,
        Flavor::Darwin => Os::Macos,
        Flavor::Mingw => Os::Windows,
    };
    Ok((arch, os))
}

/// The target machine for `triple`, with target 0's CPU as the module default.
pub fn target_machine(
    triple: &str,
    targets: &ResolvedTargets,
    opt_level: u8,
) -> Result<TargetMachine, Error> {
    Target::initialize_x86(&InitializationConfig::default());
    Target::initialize_aarch64(&InitializationConfig::default());
    let llvm = |message: String| Error::Llvm {
        action: format!("creating a target machine for {triple}"),
        message,
    };
    let t = TargetTriple::create(triple);
    let target = Target::from_triple(&t).map_err(|e| llvm(e.to_string_lossy().into_owned()))?;
    let level = match opt_level {
        0 => OptimizationLevel::None,
        1 => OptimizationLevel::Less,
        2 => OptimizationLevel::Default,
        _ => OptimizationLevel::Aggressive,
    };
    let base = &targets.targets[0];
    let machine = target
        .create_target_machine(
            &t,
            &base.llvm_cpu,
            &base.llvm_features,
            level,
            RelocMode::PIC,
            CodeModel::Default,
        )
        .ok_or_else(|| llvm("LLVM refused the triple, CPU or features".into()))?;
    // Constructors (the image init's and the inputs' own) in .init_array.
    // SAFETY: the machine was just created and only this thread has it.
    unsafe { mvimg_llvm_shim::use_init_array(machine.as_mut_ptr().cast()) };
    Ok(machine)
}

/// Plans and applies multiversioning to `module` for `targets`, then verifies
/// it. Returns the plan and the exported symbols.
pub fn multiversion<'ctx>(
    context: &'ctx Context,
    module: &Module<'ctx>,
    triple: &str,
    targets: &ResolvedTargets,
    machine: &TargetMachine,
    entries: &Entries,
) -> Result<(ClonePlan, Vec<String>), Error> {
    let (arch, os) = arch_and_os(triple)?;
    if arch != targets.arch {
        return Err(Error::Plan {
            message: format!(
                "the target list is for {}, the triple {triple} is {arch}",
                targets.arch
            ),
        });
    }
    let layout = machine.get_target_data();
    module.set_data_layout(&layout.get_data_layout());
    // Every use of a function's address in code becomes a plain operand, so
    // the analysis sees it and cloning and slots rewrite it.
    // SAFETY: the module is live and only this thread uses its context.
    unsafe { mvimg_llvm_shim::expand_function_constants(module.as_mut_ptr().cast()) };
    let analysis = analyze(module);
    let exported = ExportRule::of(module, os);
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
    let plan = plan(triple, targets, &analysis, &uses, &is_entry);
    let tables = crate::clone::apply(context, module, &plan, targets, &analysis)?;
    crate::dispatch::emit(context, module, targets, &tables);
    crate::init::attach(context, module, triple, targets)?;
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

/// Which definitions the ordinary shared library of a module exports.
struct ExportRule {
    /// Windows, and some definition is `dllexport`: then only those are
    /// (otherwise the MinGW linker exports every global definition).
    dllexport_only: bool,
}

impl ExportRule {
    fn of(module: &Module<'_>, os: mvimg_cpu::Os) -> ExportRule {
        let dllexport = inkwell::DLLStorageClass::Export;
        ExportRule {
            dllexport_only: os == mvimg_cpu::Os::Windows
                && symbol_definitions(module).any(|g| g.get_dll_storage_class() == dllexport),
        }
    }

    /// Whether `global` is exported: it has a linkage that leaves a symbol
    /// in the object and default or protected visibility (and `dllexport`
    /// where the rule asks for it), and it is not one of LLVM's own globals.
    fn exports(&self, global: GlobalValue<'_>) -> bool {
        use inkwell::module::Linkage::*;
        matches!(
            global.get_linkage(),
            External | WeakAny | WeakODR | LinkOnceAny | LinkOnceODR | Common
        ) && global.get_visibility() != inkwell::GlobalVisibility::Hidden
            && (!self.dllexport_only
                || global.get_dll_storage_class() == inkwell::DLLStorageClass::Export)
            && !name_bytes(global).starts_with(b"llvm.")
    }
}

/// The name of a global value as bytes.
fn name_bytes(global: GlobalValue<'_>) -> Vec<u8> {
    global.get_name().to_bytes().to_vec()
}

/// Every definition of `module` that is a symbol of the image: functions with
/// a body, variables with an initializer, aliases and ifuncs.
pub(crate) fn symbol_definitions<'a, 'ctx>(
    module: &'a Module<'ctx>,
) -> impl Iterator<Item = GlobalValue<'ctx>> + 'a {
    let functions = module
        .get_functions()
        .filter(|f| f.count_basic_blocks() > 0)
        .map(|f| f.as_global_value());
    let variables = module.get_globals().filter(|g| !g.is_declaration());
    let mut others = Vec::new();
    // SAFETY: walking the alias and ifunc lists of a live module; each value
    // is a global value.
    unsafe {
        use inkwell::llvm_sys::core::{
            LLVMGetFirstGlobalAlias, LLVMGetFirstGlobalIFunc, LLVMGetNextGlobalAlias,
            LLVMGetNextGlobalIFunc,
        };
        let mut alias = LLVMGetFirstGlobalAlias(module.as_mut_ptr());
        while !alias.is_null() {
            others.push(GlobalValue::new(alias));
            alias = LLVMGetNextGlobalAlias(alias);
        }
        let mut ifunc = LLVMGetFirstGlobalIFunc(module.as_mut_ptr());
        while !ifunc.is_null() {
            others.push(GlobalValue::new(ifunc));
            ifunc = LLVMGetNextGlobalIFunc(ifunc);
        }
    }
    functions.chain(variables).chain(others)
}

/// The global symbols the objects define (without Mach-O's leading `_`;
/// COFF weak externals left out).
fn defined_symbols(objects: &[Vec<u8>], macho: bool) -> Result<BTreeSet<Vec<u8>>, Error> {
    use object::{Object, ObjectSymbol};
    let mut out = BTreeSet::new();
    for (i, bytes) in objects.iter().enumerate() {
        let file = object::File::parse(&bytes[..]).map_err(|e| Error::Llvm {
            action: format!("reading back object {i}"),
            message: e.to_string(),
        })?;
        // A weak definition is a COFF weak external, which the ordinary
        // MinGW DLL (LLD's auto-export) does not export either.
        let coff = file.format() == object::BinaryFormat::Coff;
        for symbol in file.symbols() {
            if !symbol.is_undefined() && symbol.is_global() && !(coff && symbol.is_weak()) {
                let name = symbol.name_bytes().unwrap_or_default();
                let name = if macho {
                    name.strip_prefix(b"_").unwrap_or(name)
                } else {
                    name
                };
                out.insert(name.to_vec());
            }
        }
    }
    Ok(out)
}

/// Runs the LLVM pass pipeline `passes` (new pass manager syntax) on `module`.
pub fn run_passes(module: &Module<'_>, machine: &TargetMachine, passes: &str) -> Result<(), Error> {
    run_passes_with(module, machine, passes, PassBuilderOptions::create())
}

fn run_passes_with(
    module: &Module<'_>,
    machine: &TargetMachine,
    passes: &str,
    options: PassBuilderOptions,
) -> Result<(), Error> {
    module
        .run_passes(passes, machine, options)
        .map_err(|e| Error::Llvm {
            action: format!("running the passes {passes}"),
            message: e.to_string_lossy().into_owned(),
        })
}

/// Optimizes `module` with LLVM's `default<On>` pipeline, tuned as clang
/// tunes it for `-On`: from -O2 on, loops are vectorized, interleaved and
/// unrolled and straight-line code is SLP-vectorized. (The pass builder's
/// own defaults leave SLP vectorization off; before this, -O2 builds were
/// measurably slower than clang's on the same IR: see ci/bench.)
pub fn optimize(module: &Module<'_>, machine: &TargetMachine, opt_level: u8) -> Result<(), Error> {
    let full = opt_level >= 2;
    let options = PassBuilderOptions::create();
    options.set_loop_vectorization(full);
    options.set_loop_slp_vectorization(full);
    options.set_loop_interleaving(full);
    options.set_loop_unrolling(full);
    run_passes_with(
        module,
        machine,
        &format!("default<O{}>", opt_level.min(3)),
        options,
    )
}

/// Emits `module` as an object file.
pub fn write_object(module: &Module<'_>, machine: &TargetMachine) -> Result<Vec<u8>, Error> {
    let buffer = machine
        .write_to_memory_buffer(module, FileType::Object)
        .map_err(|e| Error::Llvm {
            action: "emitting the object".into(),
            message: e.to_string_lossy().into_owned(),
        })?;
    Ok(buffer.as_slice().to_vec())
}

/// Optimizes `module` with LLVM's `default<On>` pipeline and emits an object.
pub fn emit_object(
    module: &Module<'_>,
    machine: &TargetMachine,
    opt_level: u8,
) -> Result<Vec<u8>, Error> {
    optimize(module, machine, opt_level)?;
    write_object(module, machine)
}

/// Builds `inputs` for `targets`: load, multiversion, optimize, emit.
pub fn build(
    inputs: &[PathBuf],
    targets: &ResolvedTargets,
    options: &BuildOptions,
) -> Result<Built, Error> {
    build_with(inputs, options, |_| Ok(targets.clone()))
}

/// Like [`build`], with the targets resolved once the inputs are read:
/// `resolve` gets the build's triple (the inputs' own unless
/// `options.triple` is set), which decides the list's architecture.
pub fn build_with<E>(
    inputs: &[PathBuf],
    options: &BuildOptions,
    resolve: impl FnOnce(&str) -> Result<ResolvedTargets, E>,
) -> Result<Built, E>
where
    E: From<Error>,
{
    let mut clock = Clock::start();
    let context = Context::create();
    let (module, triple) = load(&context, inputs, options.triple.as_deref())?;
    clock.lap("load");
    let targets = resolve(&triple)?;
    let machine = target_machine(&triple, &targets, options.opt_level)?;
    let (plan, exports) = multiversion(
        &context,
        &module,
        &triple,
        &targets,
        &machine,
        &options.entries,
    )?;
    clock.lap("multiversion");
    // LLVM's Mach-O object writers reject a difference of two symbols when one
    // is undefined in the object, and the dispatch data holds such
    // differences: Mach-O images are compiled as one partition.
    let parts = match arch_and_os(&triple)?.1 {
        mvimg_cpu::Os::Macos => 1,
        _ => options
            .partitions
            .unwrap_or_else(|| automatic_partitions(&module))
            .max(1),
    };
    let objects = if parts == 1 {
        let object = emit_object(&module, &machine, options.opt_level)?;
        clock.lap("optimize+emit");
        vec![object]
    } else {
        let threads = options.threads.unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        });
        Codegen {
            triple: &triple,
            targets: &targets,
            opt_level: options.opt_level,
            threads,
        }
        .emit(&module, parts, &mut clock)?
    };
    // Definitions LLVM may drop (unused linkonce ones, as in the ordinary
    // build) are exported only when they are still there.
    let exports = match options.entries {
        Entries::Exported => {
            let defined =
                defined_symbols(&objects, arch_and_os(&triple)?.1 == mvimg_cpu::Os::Macos)?;
            exports
                .into_iter()
                .filter(|e| defined.contains(e.as_bytes()))
                .collect()
        }
        Entries::Named(_) => exports,
    };
    Ok(Built {
        triple,
        plan,
        objects,
        exports,
        runtime: options.runtime,
        phases: clock.phases,
    })
}

/// Wall time per phase of a build.
pub(crate) struct Clock {
    last: std::time::Instant,
    pub(crate) phases: Vec<(&'static str, std::time::Duration)>,
}

impl Clock {
    /// A clock started now.
    pub(crate) fn start() -> Clock {
        Clock {
            last: std::time::Instant::now(),
            phases: Vec::new(),
        }
    }

    /// Records the time since the previous lap (or since the start) as
    /// `phase`.
    pub(crate) fn lap(&mut self, phase: &'static str) {
        let now = std::time::Instant::now();
        self.phases.push((phase, now - self.last));
        self.last = now;
    }
}

/// Writes `bytes` to `path` through a file beside it, renamed into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let scratch = path.with_file_name(format!(".{name}.mvimg-{}", std::process::id()));
    let io = |action: String| move |source| Error::Io { action, source };
    std::fs::write(&scratch, bytes).map_err(io(format!("writing {}", scratch.display())))?;
    std::fs::rename(&scratch, path).map_err(|e| {
        let _ = std::fs::remove_file(&scratch);
        Error::Io {
            action: format!("moving {} to {}", scratch.display(), path.display()),
            source: e,
        }
    })
}

/// Links the built objects into a shared library at `output` with
/// mvimg-link. The objects are written to a scratch directory beside
/// `output`, removed afterwards.
pub fn link_image(built: &Built, output: &Path) -> Result<mvimg_link::LinkOutput, Error> {
    let target: LinkTarget = built.triple.parse().map_err(Error::Link)?;
    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let scratch = dir.join(format!(
        ".{}.mvimg-objects-{}",
        output.file_name().unwrap_or_default().to_string_lossy(),
        std::process::id()
    ));
    std::fs::create_dir_all(&scratch).map_err(|source| Error::Io {
        action: format!("creating {}", scratch.display()),
        source,
    })?;
    let result = (|| {
        let mut objects = Vec::new();
        for (i, bytes) in built.objects.iter().enumerate() {
            let path = scratch.join(format!("part{i}.o"));
            std::fs::write(&path, bytes).map_err(|source| Error::Io {
                action: format!("writing {}", path.display()),
                source,
            })?;
            objects.push(path);
        }
        let mut job = LinkJob::new(target.clone(), objects, output);
        job.exports = built.exports.clone();
        // The image's init defines its own DLL entry point, which applies
        // runtime pseudo-relocations.
        job.options.dll_entry_stub = false;
        job.options.auto_import = true;
        if built.runtime {
            job.libraries = mvimg_link::toolchain_runtime(&target).map_err(Error::Link)?;
            job.options.no_undefined = true;
        }
        job.link().map_err(|e| match undefined_symbols(&e) {
            symbols if symbols.is_empty() => Error::Link(e),
            symbols => Error::Undefined {
                symbols,
                runtime: built.runtime,
                link: e,
            },
        })
    })();
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

/// The symbols LLD reported undefined, in order, without repeats.
fn undefined_symbols(error: &mvimg_link::LinkError) -> Vec<String> {
    let mvimg_link::LinkError::Lld { diagnostics, .. } = error else {
        return Vec::new();
    };
    let mut symbols: Vec<String> = Vec::new();
    for line in diagnostics.lines() {
        if let Some((_, symbol)) = line.split_once("undefined symbol: ") {
            let symbol = symbol.trim().to_owned();
            if !symbols.contains(&symbol) {
                symbols.push(symbol);
            }
        }
    }
    symbols
}
