//! One partition's compile, in two steps that take and give bytes:
//! [`optimize_partition`] and [`emit_partition`], each under a
//! [`PartitionSpec`] (the machine, the optimization, and the mvimg that
//! compiles, by [`fingerprint`]). The build runs them on its threads
//! ([`crate::parallel`]), the object cache ([`crate::cache`]) stores what
//! they return, and `mvimg compile-partition` runs them for a distributed
//! build's workers ([`crate::remote`]): the same bytes everywhere.

use std::collections::HashMap;

use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::{Linkage, Module};
use inkwell::values::{BasicValue, GlobalValue};
use inkwell::GlobalVisibility;
use mvimg_cpu::ResolvedTargets;

use crate::cache::CacheKey;
use crate::exports::symbol_definitions;
use crate::machine::{machine_for, optimize_input, run_passes, write_object, InputKind};
use crate::Error;

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
    pub opt_level: mvimg_cpu::OptLevel,
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
        opt_level: mvimg_cpu::OptLevel,
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

    /// The target machine the spec describes.
    pub(crate) fn machine(&self) -> Result<inkwell::targets::TargetMachine, Error> {
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
        if !crate::inputs::is_bitcode(bitcode) {
            return None;
        }
        Some(OptimizedPartition {
            bitcode: bitcode.clone(),
            used: serde_json::from_slice(used).ok()?,
        })
    }
}

/// Whether `bytes` are an object file of the platform `triple` names (its
/// format and architecture): what the emit step makes, checked on every
/// cache entry and worker's result before use.
pub(crate) fn object_of(bytes: &[u8], triple: &str) -> bool {
    use object::Object;
    let Ok(platform) = triple.parse::<mvimg_cpu::Platform>() else {
        return false;
    };
    let Ok(file) = object::File::parse(bytes) else {
        return false;
    };
    let format = match platform.format() {
        mvimg_cpu::ObjectFormat::Elf => object::BinaryFormat::Elf,
        mvimg_cpu::ObjectFormat::MachO => object::BinaryFormat::MachO,
        mvimg_cpu::ObjectFormat::Coff => object::BinaryFormat::Coff,
    };
    let arch = match platform.arch {
        mvimg_cpu::Arch::X86_64 => object::Architecture::X86_64,
        mvimg_cpu::Arch::Aarch64 => object::Architecture::Aarch64,
    };
    file.format() == format
        && file.architecture() == arch
        && file.kind() == object::ObjectKind::Relocatable
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
    /// The restore of `name` to `linkage` and `visibility`.
    pub(crate) fn new(name: String, linkage: Linkage, visibility: GlobalVisibility) -> Restore {
        Restore {
            name,
            linkage: linkage_name(linkage).into(),
            visibility: visibility_name(visibility).into(),
        }
    }

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
    for global in symbol_definitions(&module) {
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
