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
//! [`PartitionSpec`] ([`crate::partition`]): [`optimize_partition`] (the
//! partition's bitcode in, optimized bitcode and the names it uses out) and,
//! once every partition's uses are known, [`emit_partition`] (optimized
//! bitcode and the linkage to give back in, the object out). A step's result can come from the object
//! cache ([`crate::cache`]) and a step can run on another machine
//! ([`crate::remote`], `mvimg compile-partition`): the bytes are the same.
//!
//! Partitions are assigned by a hash of names (the C++ shim's
//! `split_module`), into a count fixed by the module's size class
//! ([`automatic_partitions`]), so an edit to one function changes its own
//! partition and no other's input. With debug information, a compile unit's
//! functions are kept together in as few pieces as its size needs, so that a
//! unit's types are described by few partitions.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use inkwell::module::{Linkage, Module};
use inkwell::values::GlobalValue;
use inkwell::GlobalVisibility;
use mvimg_cpu::ResolvedTargets;

use crate::cache::{CacheKey, ObjectCache};
use crate::exports::symbol_definitions;
use crate::machine::{run_passes, InputKind};
use crate::partition::{
    emit_partition, optimize_partition, OptimizedPartition, PartitionSpec, Restore,
};
use crate::progress::{Clock, Reporter};
use crate::remote::{Executor, RemoteAction, RemoteReport, Replica};
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

/// Whether `module` has module-level inline asm.
fn has_inline_asm(module: &Module<'_>) -> bool {
    let mut len = 0;
    // SAFETY: the module is live; LLVM returns a pointer into it and its length.
    unsafe { inkwell::llvm_sys::core::LLVMGetModuleInlineAsm(module.as_mut_ptr(), &mut len) };
    len > 0
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
    cache.count_hits(2 * keys.len() as u64, hit.took);
    Some(objects)
}

/// What the build needs to compile a partition.
pub(crate) struct Codegen<'a> {
    /// The platform.
    pub platform: &'a mvimg_cpu::Platform,
    /// The resolved targets (target 0 gives the machine's defaults).
    pub targets: &'a ResolvedTargets,
    /// 0 to 3.
    pub opt_level: mvimg_cpu::OptLevel,
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

/// One step's results for every partition, with their cache keys, what
/// computing them took (or took when they were cached) and which were not
/// in the cache.
struct StepDone<T> {
    values: Vec<T>,
    keys: Vec<CacheKey>,
    took: Duration,
    missing: Vec<usize>,
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
        let spec = PartitionSpec::new(self.platform, self.targets, self.opt_level, self.input);
        let reporter = clock.reporter.clone();
        // The whole split module's objects, when the cache has them all:
        // an unchanged rebuild skips the split too.
        let manifest = self.cache.map(|cache| {
            let whole = module.write_bitcode_to_memory();
            (
                cache,
                spec.key(
                    "partitions",
                    &[whole.as_slice(), &(parts as u64).to_le_bytes()],
                ),
                whole.get_size() as u64,
            )
        });
        let memory = |bitcode: u64| {
            MemoryPlan::new(
                self.memory_budget,
                resident_memory().unwrap_or(0),
                bitcode,
                parts,
                self.threads,
            )
        };
        if let Some((cache, key, bitcode)) = &manifest {
            if let Some(objects) = cached_objects(cache, key) {
                clock.done("split");
                clock.lap("optimize");
                clock.lap("emit");
                return Ok(Emitted {
                    objects,
                    memory: memory(*bitcode),
                    remote: None,
                });
            }
        }

        // Each partition's definitions and declarations of what they use, and
        // nothing else (LLVM's per-function bookkeeping would walk unused
        // declarations in every pass), copied out of the module in one pass:
        // the bytes the optimize step and its cache key take.
        let machine = spec.machine()?;
        let mut assignment: HashMap<Vec<u8>, u32> = HashMap::new();
        let mut name = |name: &[u8], part: u32| {
            assignment.insert(name.to_vec(), part);
        };
        let mut split: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut failed = None;
        let mut sink = |part: u32, raw: *mut std::ffi::c_void| {
            // SAFETY: `raw` is a new module of `module`'s context, owned from
            // here on and dropped before this call returns.
            let partition = unsafe { Module::new(raw.cast()) };
            reporter.report("split", part as usize + 1, parts);
            if failed.is_some()
                || (definitions(&partition).is_empty() && !has_inline_asm(&partition))
            {
                return;
            }
            // The split rewrites debug descriptions (InlineRetarget in the
            // shim): checked in every build the tests run.
            if cfg!(debug_assertions) {
                if let Err(e) = partition.verify() {
                    failed = Some(Error::Verify {
                        message: format!("partition {part}: {}", e.to_string_lossy()),
                    });
                    return;
                }
            }
            match run_passes(&partition, &machine, "globaldce") {
                Ok(()) => split.push((
                    part as usize,
                    partition.write_bitcode_to_memory().as_slice().to_vec(),
                )),
                Err(error) => failed = Some(error),
            }
        };
        // SAFETY: the module is live and only this thread uses its context.
        unsafe {
            mvimg_llvm_shim::split_module(
                module.as_mut_ptr().cast(),
                parts as u32,
                &mut name,
                &mut sink,
            )
        };
        if let Some(error) = failed {
            return Err(error);
        }
        let memory = memory(split.iter().map(|(_, b)| b.len() as u64).sum());
        let in_flight = memory.in_flight;
        clock.done("split");

        let mut remote = RemoteReport::default();
        let optimize = self.step(
            &spec,
            "optimize",
            split
                .iter()
                .map(|(_, bitcode)| vec![&bitcode[..]])
                .collect(),
            (in_flight, &reporter, &mut remote),
            |inputs| optimize_partition(&spec, inputs[0]).map(|o| o.to_blobs().to_vec()),
            |inputs| RemoteAction::optimize(inputs[0]),
            OptimizedPartition::from_blobs,
        )?;
        clock.lap("optimize");

        // Locals and discardable definitions that no other partition uses get
        // their linkage back.
        let optimized = &optimize.values;
        let shared: BTreeSet<&str> = optimized
            .iter()
            .flat_map(|o| o.used.iter().map(String::as_str))
            .collect();
        let mut by_part: BTreeMap<u32, Vec<Restore>> = BTreeMap::new();
        for (name, &part) in &assignment {
            let name = String::from_utf8_lossy(name);
            if let Some(&(linkage, visibility)) = restore.get(name.as_ref()) {
                if !shared.contains(name.as_ref()) {
                    by_part.entry(part).or_default().push(Restore::new(
                        name.into_owned(),
                        linkage,
                        visibility,
                    ));
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
        let emit = self.step(
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
            |inputs| RemoteAction::emit(inputs[0], inputs[1]),
            |blobs| match blobs {
                [object] if crate::partition::object_of(object, &spec.triple) => {
                    Some(object.clone())
                }
                _ => None,
            },
        )?;
        clock.lap("emit");
        if let Some((cache, key, _)) = &manifest {
            let compiled: BTreeSet<&usize> = optimize.missing.iter().chain(&emit.missing).collect();
            cache.count_compiled(compiled.len() as u64);
            let keys: Vec<u8> = emit.keys.iter().flat_map(|k| k.0).collect();
            cache.put(key, &[&keys], optimize.took + emit.took);
        }
        let remote = (!matches!(self.executor, Executor::Local)).then_some(remote);
        Ok(Emitted {
            objects: emit.values,
            memory,
            remote,
        })
    }

    /// Runs step `name` of every partition: looks each up in the cache,
    /// computes the misses (with `local`, or remotely as `action` says),
    /// stores them, and decodes every result with `decode`, which also
    /// judges cache entries and workers' results (`None`: not what the step
    /// makes).
    #[allow(clippy::too_many_arguments)]
    fn step<T>(
        &self,
        spec: &PartitionSpec,
        name: &'static str,
        inputs: Vec<Vec<&[u8]>>,
        (in_flight, reporter, remote): (usize, &Reporter, &mut RemoteReport),
        local: impl Fn(&[&[u8]]) -> Result<Vec<Vec<u8>>, Error> + Sync,
        action: impl Fn(&[&[u8]]) -> RemoteAction,
        decode: impl Fn(&[Vec<u8>]) -> Option<T>,
    ) -> Result<StepDone<T>, Error> {
        let keys: Vec<CacheKey> = inputs.iter().map(|i| spec.key(name, i)).collect();
        let mut results: Vec<Option<Vec<Vec<u8>>>> = inputs.iter().map(|_| None).collect();
        let mut took = Duration::ZERO;
        if let Some(cache) = self.cache {
            for (i, key) in keys.iter().enumerate() {
                // An entry whose content is not what this step stores is
                // corrupt like a torn one: deleted, and the step runs again.
                results[i] = cache
                    .get_as(key, |blobs| decode(blobs).map(|_| blobs.to_vec()))
                    .map(|(blobs, saved)| {
                        took += saved;
                        blobs
                    });
            }
        }
        let missing: Vec<usize> = (0..inputs.len())
            .filter(|&i| results[i].is_none())
            .collect();
        // Each result computed here, whether it may enter the cache.
        let mut computed: Vec<(usize, Vec<Vec<u8>>, Duration, bool)> = Vec::new();
        let mut local_work = missing.clone();
        if let Executor::Dask(options) = self.executor {
            // One fallback decision per build: once the cluster could not be
            // reached (or was lost), every later step compiles here.
            if !missing.is_empty() && remote.fell_back.is_none() {
                let actions: Vec<RemoteAction> =
                    missing.iter().map(|&i| action(&inputs[i])).collect();
                match crate::remote::run(options, spec, name, &actions, reporter)? {
                    Ok(outcome) => {
                        remote.absorb(&outcome);
                        let results = outcome
                            .results
                            .into_iter()
                            .zip(&outcome.workers)
                            .zip(outcome.replicas);
                        for (&i, (((blobs, took), worker), replica)) in missing.iter().zip(results)
                        {
                            // A worker's result is checked before use as a
                            // cache entry is: the step's `decode` (its shape;
                            // bitcode, or an object of this platform), so
                            // garbage and mix-ups stop here.
                            if decode(&blobs).is_none() {
                                return Err(Error::Distributed {
                                    message: format!(
                                        "worker {worker} returned a {name} result for \
                                         partition {i} ({}) that is not what the step makes \
                                         (bitcode, or an object of {}); the build stops rather \
                                         than link it",
                                        keys[i], spec.triple
                                    ),
                                });
                            }
                            // Untrusted workers: a result no second worker
                            // confirmed is checked here, and so is one two
                            // workers disagree on (the liar is named).
                            let unconfirmed = !options.trust_workers && replica != Replica::Agreed;
                            let verified = options.verifies(&keys[i]) || unconfirmed;
                            if verified {
                                let here = local(&inputs[i])?;
                                let mut wrong: Vec<&str> = Vec::new();
                                if here != blobs {
                                    wrong.push(worker);
                                }
                                if let Replica::Disagreed(second, theirs) = &replica {
                                    if *theirs != here {
                                        wrong.push(second);
                                    }
                                }
                                if !wrong.is_empty() {
                                    return Err(Error::Distributed {
                                        message: format!(
                                            "worker {} returned a {name} result for \
                                             partition {i} ({}) that differs from the one \
                                             compiled here to check it: the worker does not \
                                             compute what it is asked; the build stops rather \
                                             than link it",
                                            wrong.join(" and worker "),
                                            keys[i]
                                        ),
                                    });
                                }
                            }
                            computed.push((i, blobs, took, options.trust_workers || verified));
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
                Ok((i, blobs, started.elapsed(), true))
            })?;
            computed.extend(done);
        }
        for (i, blobs, computing, cacheable) in computed {
            took += computing;
            if let Some(cache) = self.cache.filter(|_| cacheable) {
                let refs: Vec<&[u8]> = blobs.iter().map(Vec::as_slice).collect();
                cache.put(&keys[i], &refs, computing);
            }
            results[i] = Some(blobs);
        }
        let values = results
            .into_iter()
            .enumerate()
            .map(|(i, blobs)| {
                let blobs = blobs.expect("every partition has a result");
                decode(&blobs).ok_or_else(|| Error::Distributed {
                    message: format!(
                        "the {name} step of partition {i} ({}) came back in a form this mvimg does not read",
                        keys[i]
                    ),
                })
            })
            .collect::<Result<Vec<T>, Error>>()?;
        Ok(StepDone {
            values,
            keys,
            took,
            missing,
        })
    }
}
