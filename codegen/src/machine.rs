//! The LLVM target machine and what runs on it: the pass pipeline, object
//! emission, and the per-phase clock of a build.

use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetMachine, TargetTriple,
};
use inkwell::OptimizationLevel;
use mvimg_cpu::{Platform, ResolvedTargets};

use crate::Error;
use mvimg_cpu::OptLevel;

/// The target machine for `platform`, with target 0's CPU as the module
/// default.
pub fn target_machine(
    platform: &Platform,
    targets: &ResolvedTargets,
    opt_level: OptLevel,
) -> Result<TargetMachine, Error> {
    let base = &targets.targets[0];
    machine_for(
        platform.triple(),
        &base.llvm_cpu,
        &base.llvm_features,
        opt_level,
    )
}

/// The target machine for `triple` with `cpu` and `features` as the module
/// defaults (functions carry their own), position-independent, constructors
/// in `.init_array`.
pub(crate) fn machine_for(
    triple: &str,
    cpu: &str,
    features: &str,
    opt_level: OptLevel,
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
        OptLevel::O0 => OptimizationLevel::None,
        OptLevel::O1 => OptimizationLevel::Less,
        OptLevel::O2 => OptimizationLevel::Default,
        OptLevel::O3 => OptimizationLevel::Aggressive,
    };
    let machine = target
        .create_target_machine(&t, cpu, features, level, RelocMode::PIC, CodeModel::Default)
        .ok_or_else(|| llvm("LLVM refused the triple, CPU or features".into()))?;
    // Constructors (the image init's and the inputs' own) in .init_array.
    // SAFETY: the machine was just created and only this thread has it.
    unsafe { mvimg_llvm_shim::use_init_array(machine.as_mut_ptr().cast()) };
    Ok(machine)
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

/// What the input IR is: the optimization it needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputKind {
    /// Not optimized yet (README, "Producing IR"): the whole `default<On>`
    /// pipeline runs on every clone, as Julia's does.
    #[default]
    Unoptimized,
    /// Already optimized by the front end (`clang -O2 -emit-llvm`, rustc
    /// release bitcode): only the passes whose result depends on the target
    /// run ([`TARGET_PASSES`]), not the -O2 pipeline a second time.
    Optimized,
}

impl InputKind {
    /// Every kind with its name (the command line's `--input NAME`, the
    /// report's and the worker protocol's spelling).
    pub const NAMES: [(&'static str, InputKind); 2] = [
        ("unoptimized", InputKind::Unoptimized),
        ("optimized", InputKind::Optimized),
    ];
}

impl std::str::FromStr for InputKind {
    type Err = String;

    fn from_str(text: &str) -> Result<InputKind, String> {
        Self::NAMES
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, kind)| *kind)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::NAMES.iter().map(|(name, _)| *name).collect();
                format!("`{text}` is not an input kind: {}", names.join(" or "))
            })
    }
}

/// The passes an optimized input's clones get from -O2 on: what depends on
/// the target's features and tuning — the loop and SLP vectorizers (a loop
/// the front end did not vectorize is vectorized at the clone's width; one
/// it vectorized keeps its width), instcombine and simplifycfg to clean up
/// after them — then the code generator. Inlining, unrolling and the
/// scalar pipeline already ran in the front end.
pub const TARGET_PASSES: &str = "function(loop-simplify,lcssa,loop-vectorize,\
     instcombine<no-verify-fixpoint>,simplifycfg,slp-vectorizer,\
     instcombine<no-verify-fixpoint>,simplifycfg)";

/// Optimizes `module` with LLVM's `default<On>` pipeline, tuned as clang
/// tunes it for `-On`: from -O2 on, loops are vectorized, interleaved and
/// unrolled and straight-line code is SLP-vectorized. (The pass builder's
/// own defaults leave SLP vectorization off; before this, -O2 builds were
/// measurably slower than clang's on the same IR: see ci/bench.)
pub fn optimize(
    module: &Module<'_>,
    machine: &TargetMachine,
    opt_level: OptLevel,
) -> Result<(), Error> {
    run_passes_with(
        module,
        machine,
        &format!("default<O{opt_level}>"),
        pipeline_options(opt_level),
    )
}

/// The whole-program half of `-On` for unoptimized input, run on the linked
/// module before multiversioning and the partition split: LLVM's ThinLTO
/// pre-link pipeline (`thinlto-pre-link<On>`: inlining, SROA, early CSE,
/// GVN, instcombine, loop simplification and unrolling, dead-code
/// elimination; no vectorization, which depends on each clone's target).
/// Every call the ordinary build inlines (header `static inline` helpers,
/// C++ `linkonce_odr` members, `always_inline` intrinsics' helpers) is
/// inlined here, whichever partition the caller and the callee later land
/// in; cloning then sees the functions as they will be compiled, as Julia's
/// multiversioning sees optimized functions. Each clone still gets the whole
/// `default<On>` pipeline in its partition ([`optimize_input`]), tuned for
/// its CPU. Nothing runs for optimized input or at -O0.
pub fn prelink(
    module: &Module<'_>,
    machine: &TargetMachine,
    opt_level: OptLevel,
    kind: InputKind,
) -> Result<(), Error> {
    if kind == InputKind::Optimized || opt_level == OptLevel::O0 {
        return Ok(());
    }
    run_passes_with(
        module,
        machine,
        &format!("thinlto-pre-link<O{opt_level}>"),
        pipeline_options(opt_level),
    )
}

/// The pass builder's tuning for `-On`, as clang sets it.
fn pipeline_options(opt_level: OptLevel) -> PassBuilderOptions {
    let full = opt_level >= OptLevel::O2;
    let options = PassBuilderOptions::create();
    options.set_loop_vectorization(full);
    options.set_loop_slp_vectorization(full);
    options.set_loop_interleaving(full);
    options.set_loop_unrolling(full);
    options
}

/// Optimizes `module` for an input of `kind`: [`optimize`] for unoptimized
/// input; for optimized input at -O2 and above, [`TARGET_PASSES`] (below
/// -O2 nothing more).
pub fn optimize_input(
    module: &Module<'_>,
    machine: &TargetMachine,
    opt_level: OptLevel,
    kind: InputKind,
) -> Result<(), Error> {
    match kind {
        InputKind::Unoptimized => optimize(module, machine, opt_level),
        InputKind::Optimized if opt_level >= OptLevel::O2 => {
            let options = PassBuilderOptions::create();
            options.set_loop_vectorization(true);
            options.set_loop_slp_vectorization(true);
            options.set_loop_interleaving(true);
            run_passes_with(module, machine, TARGET_PASSES, options)
        }
        InputKind::Optimized => Ok(()),
    }
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
    opt_level: OptLevel,
) -> Result<Vec<u8>, Error> {
    optimize(module, machine, opt_level)?;
    write_object(module, machine)
}
