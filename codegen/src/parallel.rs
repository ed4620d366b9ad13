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
//!
//! Each partition is compiled in two steps, each a function of bytes and a
//! [`PartitionSpec`]: [`optimize_partition`] (the partition's bitcode in,
//! optimized bitcode and the names it uses out) and, once every partition's
//! uses are known, [`emit_partition`] (optimized bitcode and the linkage to
//! give back in, the object out). A step's result can come from the object
//! cache ([`crate::cache`]) and a step can run on another machine
//! ([`crate::remote`], `mvimg compile-partition`): the bytes are the same.
//!
//! Partitions are assigned by a hash of names (the C++ shim's
//! `assign_partitions`), into a count fixed by the module's size class
//! ([`automatic_partitions`]), so an edit to one function changes its own
//! partition and no other's input.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::{Linkage, Module};
use inkwell::values::{BasicValue, GlobalValue};
use inkwell::GlobalVisibility;
use mvimg_cpu::ResolvedTargets;

use crate::cache::{CacheKey, ObjectCache};
use crate::exports::symbol_definitions;
use crate::machine::{
    machine_for, optimize_input, run_passes, write_object, Clock, InputKind, Reporter,
};
use crate::remote::{Executor, RemoteAction, RemoteReport};
use crate::resources::{resident_memory, MemoryPlan};
use crate::Error;

/// Instructions per partition when the count is chosen automatically.
pub const INSTRUCTIONS_PER_PARTITION: u64 = 5_000;

/// The most partitions chosen automatically.
pub const MAX_PARTITIONS: usize = 64;

/// The partition count for `module` when none is given: one per
/// [`INSTRUCTIONS_PER_PARTITION`] instructions of defined functions, rounded
/// up to a power of two (the module's size class, which an edit rarely
/// changes), at least one and at most [`MAX_PARTITIONS`]. It depends on the
/// module only.
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
    (instructions.div_ceil(INSTRUCTIONS_PER_PARTITION) as usize)
        .next_power_of_two()
        .clamp(1, MAX_PARTITIONS)
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

/// What compiling a partition depends on besides its bitcode: the machine,
/// the optimization, and the mvimg that compiles it ([`fingerprint`]). A
/// worker of a distributed build gets it with every task and refuses one
/// whose fingerprint is not its own; every cache key covers it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PartitionSpec {
    /// [`fingerprint`] of the mvimg that made the spec.
    pub fingerprint: String,
    /// The target triple.
    pub triple: String,
    /// The module default CPU (target 0's).
    pub cpu: String,
    /// The module default features (target 0's).
    pub features: String,
    /// 0 to 3.
    pub opt_level: u8,
    /// What the input was.
    pub input: InputKind,
}

/// What tells one mvimg's partition compiles from another's: its version, a
/// hash of the sources that decide what it compiles (this crate's,
/// mvimg-cpu's, the LLVM shim's) and the LLVM it runs.
pub fn fingerprint() -> String {
    format!(
        "mvimg {} (sources {}), LLVM {}",
        env!("CARGO_PKG_VERSION"),
        env!("MVIMG_SOURCE_HASH"),
        mvimg_llvm_shim::llvm_version()
    )
}

impl PartitionSpec {
    /// The spec of this mvimg for a build.
    pub fn new(
        platform: &mvimg_cpu::Platform,
        targets: &ResolvedTargets,
        opt_level: u8,
        input: InputKind,
    ) -> PartitionSpec {
        PartitionSpec {
            fingerprint: fingerprint(),
            triple: platform.triple().to_owned(),
            cpu: targets.targets[0].llvm_cpu.clone(),
            features: targets.targets[0].llvm_features.clone(),
            opt_level,
            input,
        }
    }

    /// An error unless this mvimg made the spec.
    pub fn check(&self) -> Result<(), Error> {
        let ours = fingerprint();
        if self.fingerprint == ours {
            Ok(())
        } else {
            Err(Error::Fingerprint {
                asked: self.fingerprint.clone(),
                ours,
            })
        }
    }

    /// The key of step `step` of a partition whose inputs are `inputs`.
    pub fn key(&self, step: &str, inputs: &[&[u8]]) -> CacheKey {
        let spec = serde_json::to_vec(self).expect("a spec serializes");
        let mut parts: Vec<&[u8]> = vec![b"mvimg partition cache 1", &spec, step.as_bytes()];
        parts.extend(inputs);
        CacheKey::of(&parts)
    }

    fn machine(&self) -> Result<inkwell::targets::TargetMachine, Error> {
        machine_for(&self.triple, &self.cpu, &self.features, self.opt_level)
    }
}

/// The result of [`optimize_partition`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OptimizedPartition {
    /// The optimized partition's bitcode.
    pub bitcode: Vec<u8>,
    /// The names the partition declares and still uses, sorted.
    pub used: Vec<String>,
}

impl OptimizedPartition {
    /// As stored in the cache or sent back by a worker: the bitcode and the
    /// names as a JSON array.
    pub fn to_blobs(&self) -> [Vec<u8>; 2] {
        [
            self.bitcode.clone(),
            serde_json::to_vec(&self.used).expect("names serialize"),
        ]
    }

    /// Back from [`OptimizedPartition::to_blobs`]'s form; `None` when it is
    /// not that.
    pub fn from_blobs(blobs: &[Vec<u8>]) -> Option<OptimizedPartition> {
        let [bitcode, used] = blobs else { return None };
        Some(OptimizedPartition {
            bitcode: bitcode.clone(),
            used: serde_json::from_slice(used).ok()?,
        })
    }
}

/// The first step of a partition's compile: optimizes the partition in
/// `bitcode` for `spec`; returns the optimized bitcode and the names it
/// still uses but does not define.
pub fn optimize_partition(
    spec: &PartitionSpec,
    bitcode: &[u8],
) -> Result<OptimizedPartition, Error> {
    let context = Context::create();
    let module = parse(&context, bitcode, "the partition")?;
    let machine = spec.machine()?;
    optimize_input(&module, &machine, spec.opt_level, spec.input)?;
    let declarations = module
        .get_functions()
        .filter(|f| f.count_basic_blocks() == 0)
        .map(|f| f.as_global_value())
        .chain(module.get_globals().filter(|g| g.is_declaration()));
    let mut used: Vec<String> = declarations
        .filter(|g| g.as_pointer_value().get_first_use().is_some())
        .map(|g| g.get_name().to_string_lossy().into_owned())
        .collect();
    used.sort();
    used.dedup();
    Ok(OptimizedPartition {
        bitcode: module.write_bitcode_to_memory().as_slice().to_vec(),
        used,
    })
}

/// A definition's linkage and visibility to give back before emitting
/// (the split made it hidden external or weak).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Restore {
    /// The definition's name.
    pub name: String,
    /// Its linkage before the split: `internal`, `private`, `linkonce` or
    /// `linkonce_odr`.
    pub linkage: String,
    /// Its visibility before the split: `default`, `hidden` or `protected`.
    pub visibility: String,
}

fn linkage_name(linkage: Linkage) -> &'static str {
    match linkage {
        Linkage::Internal => "internal",
        Linkage::Private => "private",
        Linkage::LinkOnceAny => "linkonce",
        Linkage::LinkOnceODR => "linkonce_odr",
        _ => "external",
    }
}

fn visibility_name(visibility: GlobalVisibility) -> &'static str {
    match visibility {
        GlobalVisibility::Default => "default",
        GlobalVisibility::Hidden => "hidden",
        GlobalVisibility::Protected => "protected",
    }
}

impl Restore {
    fn apply(&self, global: GlobalValue<'_>) -> Result<(), Error> {
        let bad = || Error::Distributed {
            message: format!(
                "a partition asked to give `{}` the linkage `{}` and visibility `{}`",
                self.name, self.linkage, self.visibility
            ),
        };
        let visibility = match self.visibility.as_str() {
            "default" => GlobalVisibility::Default,
            "hidden" => GlobalVisibility::Hidden,
            "protected" => GlobalVisibility::Protected,
            _ => return Err(bad()),
        };
        let linkage = match self.linkage.as_str() {
            "internal" => Linkage::Internal,
            "private" => Linkage::Private,
            "linkonce" => Linkage::LinkOnceAny,
            "linkonce_odr" => Linkage::LinkOnceODR,
            _ => return Err(bad()),
        };
        global.set_visibility(visibility);
        global.set_linkage(linkage);
        Ok(())
    }
}

/// The second step of a partition's compile: gives the definitions in
/// `restore` their linkage back, deletes what nothing references and emits
/// the object.
pub fn emit_partition(
    spec: &PartitionSpec,
    bitcode: &[u8],
    restore: &[Restore],
) -> Result<Vec<u8>, Error> {
    let context = Context::create();
    let module = parse(&context, bitcode, "the optimized partition")?;
    let by_name: HashMap<&str, &Restore> = restore.iter().map(|r| (r.name.as_str(), r)).collect();
    for global in definitions(&module) {
        let name = global.get_name().to_string_lossy();
        if let Some(r) = by_name.get(name.as_ref()) {
            r.apply(global)?;
        }
    }
    let machine = spec.machine()?;
    run_passes(&module, &machine, "globaldce")?;
    write_object(&module, &machine)
}

fn parse<'ctx>(context: &'ctx Context, bitcode: &[u8], what: &str) -> Result<Module<'ctx>, Error> {
    let buffer = MemoryBuffer::create_from_memory_range_copy(bitcode, "partition");
    Module::parse_bitcode_from_buffer(&buffer, context).map_err(|e| Error::Llvm {
        action: format!("reading {what}"),
        message: e.to_string_lossy().into_owned(),
    })
}

/// The objects a manifest entry names (the emit keys of a split module's
/// partitions, in order), when the cache has every one; counted as two hits
/// per partition (both steps skipped) and the manifest's time saved.
fn cached_objects(cache: &ObjectCache, manifest: &CacheKey) -> Option<Vec<Vec<u8>>> {
    let hit = cache.peek(manifest)?;
    let [keys] = hit.blobs.as_slice() else {
        return None;
    };
    if keys.len() % 32 != 0 {
        return None;
    }
    let keys: Vec<CacheKey> = keys
        .chunks(32)
        .map(|k| CacheKey(k.try_into().expect("32 bytes")))
        .collect();
    let mut objects = Vec::new();
    for key in &keys {
        match cache.peek(key)?.blobs.as_slice() {
            [object] => objects.push(object.clone()),
            _ => return None,
        }
    }
    for key in keys.iter().chain([manifest]) {
        cache.touch(key);
    }
    cache.record_hits(2 * keys.len() as u64, hit.took);
    Some(objects)
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
    /// The object cache, if any.
    pub cache: Option<&'a ObjectCache>,
    /// Where the steps run.
    pub executor: &'a Executor,
}

/// What [`Codegen::emit`] produced.
pub(crate) struct Emitted {
    /// One object per partition that defines something, in partition order.
    pub objects: Vec<Vec<u8>>,
    /// How many partitions were compiled at once.
    pub memory: MemoryPlan,
    /// What remote execution did (a distributed build).
    pub remote: Option<RemoteReport>,
}

/// One step of every partition that needs it: cache lookups, then the
/// misses computed (here or remotely), then stored.
struct Step<'a, T> {
    name: &'static str,
    keys: Vec<CacheKey>,
    results: Vec<Option<T>>,
    spec: &'a PartitionSpec,
}

impl Codegen<'_> {
    /// Splits `module` into `parts` partitions and compiles them in parallel,
    /// as many at once as the memory budget allows; returns one object per
    /// partition that defines something, in partition order, the memory
    /// plan and what remote execution did. `module` is left externalized
    /// (it is not used afterwards).
    pub(crate) fn emit(
        &self,
        module: &Module<'_>,
        parts: usize,
        clock: &mut Clock,
    ) -> Result<Emitted, Error> {
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
        let spec = PartitionSpec::new(self.platform, self.targets, self.opt_level, self.input);
        let reporter = clock.reporter.clone();
        // The whole split module's objects, when the cache has them all:
        // an unchanged rebuild skips the split too.
        let manifest = self.cache.map(|cache| {
            (
                cache,
                spec.key("partitions", &[whole, &(parts as u64).to_le_bytes()]),
            )
        });
        if let Some((cache, key)) = &manifest {
            if let Some(objects) = cached_objects(cache, key) {
                clock.done("split");
                clock.lap("optimize");
                clock.lap("emit");
                return Ok(Emitted {
                    objects,
                    memory,
                    remote: None,
                });
            }
        }

        // Each partition's definitions, read lazily from the whole module's
        // bitcode, without the declarations they do not use (LLVM's
        // per-function bookkeeping would walk them in every pass): the
        // bytes the optimize step and its cache key take.
        let split = parallel_map(&numbered, in_flight, (&reporter, "split"), |&part| {
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
            let machine = spec.machine()?;
            run_passes(&module, &machine, "globaldce")?;
            Ok(Some((
                part,
                module.write_bitcode_to_memory().as_slice().to_vec(),
            )))
        })?;
        let split: Vec<(usize, Vec<u8>)> = split.into_iter().flatten().collect();
        clock.done("split");

        let mut remote = RemoteReport::default();
        let (optimized, optimize_took, optimize_missing) = self.step(
            &spec,
            "optimize",
            split
                .iter()
                .map(|(_, bitcode)| vec![&bitcode[..]])
                .collect(),
            (in_flight, &reporter, &mut remote),
            |inputs| optimize_partition(&spec, inputs[0]).map(|o| o.to_blobs().to_vec()),
            |_, inputs| RemoteAction::optimize(inputs[0]),
            OptimizedPartition::from_blobs,
        )?;
        clock.lap("optimize");

        // Locals and discardable definitions that no other partition uses get
        // their linkage back.
        let shared: BTreeSet<&str> = optimized
            .iter()
            .flat_map(|o| o.used.iter().map(String::as_str))
            .collect();
        let mut by_part: BTreeMap<u32, Vec<Restore>> = BTreeMap::new();
        for (name, &part) in &assignment {
            let name = String::from_utf8_lossy(name);
            if let Some(&(linkage, visibility)) = restore.get(name.as_ref()) {
                if !shared.contains(name.as_ref()) {
                    by_part.entry(part).or_default().push(Restore {
                        name: name.into_owned(),
                        linkage: linkage_name(linkage).into(),
                        visibility: visibility_name(visibility).into(),
                    });
                }
            }
        }
        let restores: Vec<Vec<u8>> = split
            .iter()
            .map(|(part, _)| {
                let mut list = by_part.remove(&(*part as u32)).unwrap_or_default();
                list.sort_by(|a, b| a.name.cmp(&b.name));
                serde_json::to_vec(&list).expect("restores serialize")
            })
            .collect();
        let (objects, emit_took, emit_missing) = self.step(
            &spec,
            "emit",
            optimized
                .iter()
                .zip(&restores)
                .map(|(o, r)| vec![&o.bitcode[..], &r[..]])
                .collect(),
            (in_flight, &reporter, &mut remote),
            |inputs| {
                let list: Vec<Restore> = serde_json::from_slice(inputs[1]).expect("ours");
                emit_partition(&spec, inputs[0], &list).map(|o| vec![o])
            },
            |_, inputs| RemoteAction::emit(inputs[0], inputs[1]),
            |blobs| match blobs {
                [object] => Some(object.clone()),
                _ => None,
            },
        )?;
        clock.lap("emit");
        if let Some((cache, key)) = &manifest {
            let compiled: BTreeSet<usize> =
                optimize_missing.into_iter().chain(emit_missing).collect();
            cache.record_compiled(compiled.len() as u64);
            let keys: Vec<u8> = split
                .iter()
                .zip(&optimized)
                .zip(&restores)
                .flat_map(|(((_, _), o), r)| spec.key("emit", &[&o.bitcode, r]).0)
                .collect();
            cache.put(key, &[&keys], optimize_took + emit_took);
        }
        let remote = (!matches!(self.executor, Executor::Local)).then_some(remote);
        Ok(Emitted {
            objects,
            memory,
            remote,
        })
    }

    /// Runs step `name` of every partition: looks each up in the cache,
    /// computes the misses (with `local`, or remotely as `action` says),
    /// stores them, and decodes every result with `decode`.
    #[allow(clippy::too_many_arguments)]
    fn step<T>(
        &self,
        spec: &PartitionSpec,
        name: &'static str,
        inputs: Vec<Vec<&[u8]>>,
        (in_flight, reporter, remote): (usize, &Reporter, &mut RemoteReport),
        local: impl Fn(&[&[u8]]) -> Result<Vec<Vec<u8>>, Error> + Sync,
        action: impl Fn(usize, &[&[u8]]) -> RemoteAction,
        decode: impl Fn(&[Vec<u8>]) -> Option<T>,
    ) -> Result<(Vec<T>, Duration, Vec<usize>), Error> {
        let mut step: Step<'_, Vec<Vec<u8>>> = Step {
            name,
            keys: inputs.iter().map(|i| spec.key(name, i)).collect(),
            results: inputs.iter().map(|_| None).collect(),
            spec,
        };
        let mut took = Duration::ZERO;
        if let Some(cache) = self.cache {
            for (i, key) in step.keys.iter().enumerate() {
                step.results[i] = cache.get(key).map(|hit| {
                    took += hit.took;
                    hit.blobs
                });
            }
        }
        let missing: Vec<usize> = (0..inputs.len())
            .filter(|&i| step.results[i].is_none())
            .collect();
        let mut computed: Vec<(usize, Vec<Vec<u8>>, Duration)> = Vec::new();
        let mut local_work = missing.clone();
        if let Executor::Dask(options) = self.executor {
            if !missing.is_empty() {
                let actions: Vec<RemoteAction> =
                    missing.iter().map(|&i| action(i, &inputs[i])).collect();
                match crate::remote::run(options, step.spec, step.name, &actions, reporter)? {
                    Ok(outcome) => {
                        remote.absorb(&outcome);
                        for (&i, (blobs, took)) in missing.iter().zip(outcome.results) {
                            computed.push((i, blobs, took));
                        }
                        local_work.clear();
                    }
                    Err(unreachable) => {
                        if remote.fell_back.is_none() {
                            remote.fell_back = Some(unreachable);
                        }
                    }
                }
            }
        }
        if !local_work.is_empty() {
            let done = parallel_map(&local_work, in_flight, (reporter, name), |&i| {
                let started = Instant::now();
                let blobs = local(&inputs[i])?;
                Ok((i, blobs, started.elapsed()))
            })?;
            computed.extend(done);
        }
        for (i, blobs, computing) in computed {
            took += computing;
            if let Some(cache) = self.cache {
                let refs: Vec<&[u8]> = blobs.iter().map(Vec::as_slice).collect();
                cache.put(&step.keys[i], &refs, computing);
            }
            step.results[i] = Some(blobs);
        }
        let results = step.results
            .into_iter()
            .enumerate()
            .map(|(i, blobs)| {
                let blobs = blobs.expect("every partition has a result");
                decode(&blobs).ok_or_else(|| Error::Distributed {
                    message: format!(
                        "the {name} step of partition {i} ({}) came back in a form this mvimg does not read",
                        step.keys[i]
                    ),
                })
            })
            .collect::<Result<Vec<T>, Error>>()?;
        Ok((results, took, missing))
    }
}
