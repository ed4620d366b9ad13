//! Parallel code generation: the multiversioned module is split into
//! partitions, and each partition is optimized and compiled in its own LLVM
//! context on a pool of threads.
//!
//! The split depends only on the module and the partition count (never on the
//! thread count), and every partition is compiled the same way whatever thread
//! runs it, so the objects are the same bytes for any number of threads.
//!
//! Locals (internal and private globals) are made hidden external before the
//! split so that partitions can reference each other's, and discardable
//! definitions (`linkonce*`: C++ inline functions and templates) are made
//! weak so that no partition's optimizer deletes one that another partition
//! calls. After every partition is optimized, those that no other partition
//! references get their own linkage back and unreferenced ones are deleted
//! (`globaldce`), so a static helper inlined everywhere leaves no symbol
//! behind. Locals that another partition does reference stay hidden: they are
//! not exported from the image.

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::{Linkage, Module};
use inkwell::values::{BasicValue, GlobalValue};
use inkwell::GlobalVisibility;
use mvimg_cpu::ResolvedTargets;

use crate::exports::symbol_definitions;
use crate::machine::{
    optimize_input, run_passes, target_machine, write_object, Clock, InputKind, Reporter,
};
use crate::resources::{resident_memory, MemoryPlan};
use crate::Error;

/// Instructions per partition when the count is chosen automatically.
pub const INSTRUCTIONS_PER_PARTITION: u64 = 5_000;

/// The most partitions chosen automatically.
pub const MAX_PARTITIONS: usize = 64;

/// The partition count for `module` when none is given: one per
/// [`INSTRUCTIONS_PER_PARTITION`] instructions of defined functions, at least
/// one and at most [`MAX_PARTITIONS`]. It depends on the module only.
pub fn automatic_partitions(module: &Module<'_>) -> usize {
    let instructions: u64 = module
        .get_functions()
        .map(|f| {
            f.get_basic_blocks()
                .iter()
                .map(|b| b.get_instructions().count() as u64)
                .sum::<u64>()
        })
        .sum();
    (instructions.div_ceil(INSTRUCTIONS_PER_PARTITION) as usize).clamp(1, MAX_PARTITIONS)
}

/// Every definition of `module`.
fn definitions<'ctx>(module: &Module<'ctx>) -> Vec<GlobalValue<'ctx>> {
    symbol_definitions(module).collect()
}

/// A definition's linkage and visibility before the split.
type Original = (Linkage, GlobalVisibility);

/// Prepares `module` for the split: every local definition becomes hidden
/// external (unnamed ones get a name), so that partitions can reference each
/// other's, and every discardable one (`linkonce`, `linkonce_odr`) becomes
/// weak, so that a partition's optimizer cannot delete a definition another
/// partition calls. Returns each changed definition's original linkage and
/// visibility by name.
fn externalize(module: &Module<'_>) -> HashMap<String, Original> {
    let mut restore = HashMap::new();
    for (unnamed, global) in definitions(module).into_iter().enumerate() {
        let linkage = global.get_linkage();
        let visibility = global.get_visibility();
        let (split_linkage, split_visibility) = match linkage {
            Linkage::Internal | Linkage::Private => (Linkage::External, GlobalVisibility::Hidden),
            Linkage::LinkOnceAny => (Linkage::WeakAny, visibility),
            Linkage::LinkOnceODR => (Linkage::WeakODR, visibility),
            _ => continue,
        };
        if global.get_name().to_bytes().is_empty() {
            global.set_name(&format!(".mvimg.unnamed.{unnamed}"));
        }
        restore.insert(
            global.get_name().to_string_lossy().into_owned(),
            (linkage, visibility),
        );
        global.set_linkage(split_linkage);
        global.set_visibility(split_visibility);
    }
    restore
}

/// Runs `work` over `items` on `threads` threads, taking items in order from a
/// shared counter, and reports each item done as a step of `phase`. Results
/// come back in item order; the error returned is the one of the
/// lowest-numbered failing item.
fn parallel_map<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    (reporter, phase): (&Reporter, &'static str),
    work: impl Fn(&T) -> Result<R, Error> + Sync,
) -> Result<Vec<R>, Error> {
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    reporter.report(phase, 0, items.len());
    let results: Mutex<Vec<Option<Result<R, Error>>>> =
        Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, items.len().max(1)) {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let result = work(item);
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
                let finished = done.fetch_add(1, Ordering::Relaxed) + 1;
                reporter.report(phase, finished, items.len());
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every item was processed"))
        .collect()
}

fn parse<'ctx>(context: &'ctx Context, bitcode: &[u8], part: usize) -> Result<Module<'ctx>, Error> {
    let buffer = MemoryBuffer::create_from_memory_range_copy(bitcode, &format!("partition{part}"));
    Module::parse_bitcode_from_buffer(&buffer, context).map_err(|e| Error::Llvm {
        action: format!("reading back partition {part}"),
        message: e.to_string_lossy().into_owned(),
    })
}

/// What the build needs to compile a partition.
pub(crate) struct Codegen<'a> {
    /// The platform.
    pub platform: &'a mvimg_cpu::Platform,
    /// The resolved targets (target 0 gives the machine's defaults).
    pub targets: &'a ResolvedTargets,
    /// 0 to 3.
    pub opt_level: u8,
    /// What the input is.
    pub input: InputKind,
    /// Threads to use.
    pub threads: usize,
    /// The memory budget in bytes.
    pub memory_budget: u64,
}

impl Codegen<'_> {
    /// Splits `module` into `parts` partitions and compiles them in parallel,
    /// as many at once as the memory budget allows; returns one object per
    /// partition that defines something, in partition order, and the memory
    /// plan. `module` is left externalized (it is not used afterwards).
    pub(crate) fn emit(
        &self,
        module: &Module<'_>,
        parts: usize,
        clock: &mut Clock,
    ) -> Result<(Vec<Vec<u8>>, MemoryPlan), Error> {
        let restore = externalize(module);
        // SAFETY: the module is live and only this thread uses its context.
        let assignment: HashMap<Vec<u8>, u32> =
            unsafe { mvimg_llvm_shim::assign_partitions(module.as_mut_ptr().cast(), parts as u32) }
                .into_iter()
                .collect();
        let whole = module.write_bitcode_to_memory();
        let whole = whole.as_slice();
        let numbered: Vec<usize> = (0..parts).collect();
        let memory = MemoryPlan::new(
            self.memory_budget,
            resident_memory().unwrap_or(0),
            whole.len() as u64,
            parts,
            self.threads,
        );
        let in_flight = memory.in_flight;
        clock.done("split");
        let reporter = clock.reporter.clone();

        // Phase 1: read each partition's definitions (lazily, from the whole
        // module's bitcode) and optimize them; note which locals the
        // partition references but does not define.
        let optimized = parallel_map(&numbered, in_flight, (&reporter, "optimize"), |&part| {
            let context = Context::create();
            let keep = |name: &[u8]| assignment.get(name) == Some(&(part as u32));
            // SAFETY: the context is this thread's own.
            let raw = unsafe {
                mvimg_llvm_shim::load_partition(context.raw().cast(), whole, &keep, part == 0)
            }
            .map_err(|message| Error::Llvm {
                action: format!("reading partition {part}"),
                message,
            })?;
            // SAFETY: `raw` is a module of `context`, owned from here on; it
            // is dropped before `context` (declared after it).
            let module = unsafe { Module::new(raw.cast()) };
            if definitions(&module).is_empty() {
                return Ok(None);
            }
            let machine = target_machine(self.platform, self.targets, self.opt_level)?;
            // The partition holds a declaration of everything the module
            // defines elsewhere; the ones it does not use go before the
            // pipeline, which would walk them in every pass.
            run_passes(&module, &machine, "globaldce")?;
            optimize_input(&module, &machine, self.opt_level, self.input)?;
            let mut referenced = Vec::new();
            let declarations = module
                .get_functions()
                .filter(|f| f.count_basic_blocks() == 0)
                .map(|f| f.as_global_value())
                .chain(module.get_globals().filter(|g| g.is_declaration()));
            for global in declarations {
                let name = global.get_name().to_string_lossy();
                if restore.contains_key(name.as_ref())
                    && global.as_pointer_value().get_first_use().is_some()
                {
                    referenced.push(name.into_owned());
                }
            }
            let bytes = module.write_bitcode_to_memory().as_slice().to_vec();
            Ok(Some((part, bytes, referenced)))
        })?;
        clock.lap("optimize");
        let mut shared = BTreeSet::new();
        let mut parts_left = Vec::new();
        for (part, bytes, referenced) in optimized.into_iter().flatten() {
            shared.extend(referenced);
            parts_left.push((part, bytes));
        }
        let objects = self.finish(parts_left, &restore, &shared, (in_flight, &reporter))?;
        clock.lap("emit");
        Ok((objects, memory))
    }

    /// Phase 2: gives locals no other partition references their linkage
    /// back, deletes the unreferenced ones and emits each object.
    fn finish(
        &self,
        optimized: Vec<(usize, Vec<u8>)>,
        restore: &HashMap<String, Original>,
        shared: &BTreeSet<String>,
        (in_flight, reporter): (usize, &Reporter),
    ) -> Result<Vec<Vec<u8>>, Error> {
        parallel_map(
            &optimized,
            in_flight,
            (reporter, "emit"),
            |(part, bitcode)| {
                let context = Context::create();
                let module = parse(&context, bitcode, *part)?;
                for global in definitions(&module) {
                    let name = global.get_name().to_string_lossy();
                    if let Some(&(linkage, visibility)) = restore.get(name.as_ref()) {
                        if !shared.contains(name.as_ref()) {
                            global.set_visibility(visibility);
                            global.set_linkage(linkage);
                        }
                    }
                }
                let machine = target_machine(self.platform, self.targets, self.opt_level)?;
                run_passes(&module, &machine, "globaldce")?;
                write_object(&module, &machine)
            },
        )
    }
}
