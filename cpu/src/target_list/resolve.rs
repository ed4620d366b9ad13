//! Resolution: a parsed target list, checked against an architecture's CPU
//! database, becomes per-target LLVM strings, feature sets and clone categories.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{CpuName, FeatureOp, SizeGoal, TargetList, TargetSpec};
use crate::arch::Arch;
use crate::clone_rules::CloneRulesRef;
use crate::db::{Cpu, Database};
use crate::error::{Error, Problem, TargetListError};
use crate::feature::{Feature, FeatureSet};
use crate::host::Host;
use crate::suggest::closest;
use crate::{aarch64, x86_64};

/// A kind of function a partial target clones (Julia's `JL_TARGET_CLONE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CloneCategory {
    /// Every function (`clone_all`).
    All,
    /// Functions with loops.
    Loop,
    /// Functions that query CPU features.
    Cpu,
    /// Functions with floating-point math that could contract to FMA.
    Math,
    /// Functions with vector code.
    Simd,
    /// Functions using `half`.
    Float16,
    /// Functions using `bfloat`.
    Bfloat16,
}

impl CloneCategory {
    /// Every category, in display order.
    pub const ALL: [CloneCategory; 7] = [
        CloneCategory::All,
        CloneCategory::Loop,
        CloneCategory::Cpu,
        CloneCategory::Math,
        CloneCategory::Simd,
        CloneCategory::Float16,
        CloneCategory::Bfloat16,
    ];

    /// The category's name ("loop", "simd", ...).
    pub fn name(self) -> &'static str {
        match self {
            CloneCategory::All => "all",
            CloneCategory::Loop => "loop",
            CloneCategory::Cpu => "cpu",
            CloneCategory::Math => "math",
            CloneCategory::Simd => "simd",
            CloneCategory::Float16 => "float16",
            CloneCategory::Bfloat16 => "bfloat16",
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The set of categories a target clones.
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct CloneCategories(u8);

impl CloneCategories {
    /// No category: the target clones nothing of its own (target 0).
    pub const NONE: CloneCategories = CloneCategories(0);

    /// Whether `category` is in the set.
    pub fn contains(self, category: CloneCategory) -> bool {
        self.0 & category.bit() != 0
    }

    /// Adds `category`.
    pub fn insert(&mut self, category: CloneCategory) {
        self.0 |= category.bit();
    }

    /// The categories, in display order.
    pub fn iter(self) -> impl Iterator<Item = CloneCategory> {
        CloneCategory::ALL
            .into_iter()
            .filter(move |c| self.contains(*c))
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl FromIterator<CloneCategory> for CloneCategories {
    fn from_iter<I: IntoIterator<Item = CloneCategory>>(iter: I) -> Self {
        let mut set = CloneCategories::NONE;
        for c in iter {
            set.insert(c);
        }
        set
    }
}

impl fmt::Display for CloneCategories {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        for (i, c) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(c.name())?;
        }
        Ok(())
    }
}

impl fmt::Debug for CloneCategories {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{{{self}}}")
    }
}

impl Serialize for CloneCategories {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for CloneCategories {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<CloneCategory>::deserialize(deserializer)?
            .into_iter()
            .collect())
    }
}

fn rules(arch: Arch) -> &'static CloneRulesRef {
    match arch {
        Arch::X86_64 => &x86_64::CLONE_RULES,
        Arch::Aarch64 => &aarch64::CLONE_RULES,
    }
}

/// One target, resolved against a CPU database.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolvedTarget {
    /// The position in the list.
    pub index: usize,
    /// The target as written (an alias stays as written; `cpu` is canonical).
    pub spec: TargetSpec,
    /// The database CPU the target starts from (`generic` is the baseline CPU;
    /// `native` the host's, or the baseline when the host's name is unknown).
    pub cpu: Cpu,
    /// The name to show: `generic`, the CPU name as written, or the host's name.
    pub name: String,
    /// LLVM `target-cpu`.
    pub llvm_cpu: String,
    /// LLVM `target-features`: the difference between `features` and what
    /// `llvm_cpu` implies, `+` entries first, each group in name order.
    pub llvm_features: String,
    /// LLVM `tune-cpu`: `tune=CPU` as written (canonical name), else the
    /// default tuning of a level target ([`default_tuning`]); `None`: LLVM
    /// tunes for `llvm_cpu`.
    #[serde(default)]
    pub llvm_tune: Option<String>,
    /// Every feature LLVM will see, tuning included, implications applied.
    pub features: FeatureSet,
    /// The target this one falls back to for what it does not clone (`None` for
    /// target 0).
    pub base: Option<usize>,
    /// Whether every function is cloned: `clone_all`, or the Xeon Phi rule.
    pub clone_all: bool,
    /// Whether `clone_all` came from the Xeon Phi rule rather than the list.
    pub clone_all_implied: bool,
    /// `opt_size` or `min_size`.
    pub size: Option<SizeGoal>,
    /// What the target clones (empty for target 0, which holds everything).
    pub clone: CloneCategories,
    /// ISA features the target has only because the code of its base chain,
    /// which it runs for what it does not clone, needs them (already in
    /// `features`): a host must have them to select it.
    pub from_base: FeatureSet,
}

impl ResolvedTarget {
    /// The ISA features (tuning hints removed): what matching compares.
    pub fn isa_features(&self) -> FeatureSet {
        self.features
            .difference(&self.features.arch().database().tuning())
    }
}

/// A resolved target list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolvedTargets {
    /// The architecture.
    pub arch: Arch,
    /// The targets, in list order.
    pub targets: Vec<ResolvedTarget>,
}

impl ResolvedTargets {
    /// The targets as an image records them: each `native` target becomes
    /// the build host's concrete CPU (its database name, or `generic` when
    /// the database does not know it) with the feature changes that give
    /// exactly the features `native` resolved to, so that the word `native`
    /// is never stored and the list resolves to the same targets on any
    /// machine. Other targets are unchanged.
    pub fn recorded(&self) -> ResolvedTargets {
        let db = self.arch.database();
        let targets = self
            .targets
            .iter()
            .map(|t| {
                if t.spec.cpu != CpuName::Native {
                    return t.clone();
                }
                let mut spec = t.spec.clone();
                spec.cpu = if t.cpu == db.baseline() {
                    CpuName::Generic
                } else {
                    CpuName::Named(t.cpu.name().to_owned())
                };
                let start = t.cpu.llvm_features();
                spec.features = t
                    .features
                    .difference(&start)
                    .iter()
                    .map(|f| FeatureOp::new(true, f.name()))
                    .chain(
                        start
                            .difference(&t.features)
                            .iter()
                            .map(|f| FeatureOp::new(false, f.name())),
                    )
                    .collect();
                let mut t = t.clone();
                t.name = spec.cpu.as_str().to_owned();
                t.spec = spec;
                t
            })
            .collect();
        ResolvedTargets {
            arch: self.arch,
            targets,
        }
    }

    /// The normalized list: names as written, options in canonical order.
    pub fn normalized(&self) -> TargetList {
        TargetList {
            targets: self.targets.iter().map(|t| t.spec.clone()).collect(),
            input: None,
        }
    }

    /// ISA features `target` has that its base (for target 0, the `generic`
    /// baseline) lacks.
    pub fn added(&self, target: &ResolvedTarget) -> FeatureSet {
        target.isa_features().difference(&self.reference(target))
    }

    /// ISA features `target`'s base (for target 0, the baseline) has that it lacks.
    pub fn removed(&self, target: &ResolvedTarget) -> FeatureSet {
        self.reference(target).difference(&target.isa_features())
    }

    fn reference(&self, target: &ResolvedTarget) -> FeatureSet {
        match target.base {
            Some(base) => self.targets[base].isa_features(),
            None => {
                let db = self.arch.database();
                db.baseline().features().difference(&db.tuning())
            }
        }
    }
}

impl fmt::Display for ResolvedTargets {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.normalized().fmt(f)
    }
}

const OPTION_WORDS: [&str; 5] = ["clone_all", "opt_size", "min_size", "base(1)", "help"];

struct Resolver<'a> {
    list: &'a TargetList,
    arch: Arch,
    db: &'static Database,
    native: Option<&'a Host>,
}

impl Resolver<'_> {
    fn error(
        &self,
        span: Option<std::ops::Range<usize>>,
        target: usize,
        problem: Problem,
    ) -> Error {
        let input = self
            .list
            .input
            .clone()
            .unwrap_or_else(|| self.list.to_string());
        // A list built from values has no spans; point at the whole text.
        let span = span.unwrap_or(0..input.len());
        Error::TargetList(Box::new(TargetListError {
            input,
            span,
            target,
            problem,
        }))
    }

    fn other_arch(&self) -> Arch {
        match self.arch {
            Arch::X86_64 => Arch::Aarch64,
            Arch::Aarch64 => Arch::X86_64,
        }
    }

    fn feature(&self, index: usize, op: &FeatureOp, bare: bool) -> Result<Feature, Error> {
        if let Some(feature) = self.db.feature(&op.name) {
            return Ok(feature);
        }
        let mut candidates: Vec<&str> = self.db.features().map(Feature::name).collect();
        if bare {
            candidates.extend(OPTION_WORDS);
        }
        let other = self.other_arch();
        Err(self.error(
            op.span().range(),
            index,
            Problem::UnknownFeature {
                name: op.name.clone(),
                arch: self.arch,
                suggestion: closest(&op.name, candidates).map(str::to_owned),
                other_arch: other.database().feature(&op.name).map(|_| other),
            },
        ))
    }

    /// The CPU, display name and LLVM starting features of a target's CPU name.
    fn start(&self, index: usize, spec: &TargetSpec) -> Result<(Cpu, String, FeatureSet), Error> {
        let span = spec.cpu_span().range();
        match &spec.cpu {
            CpuName::Generic => {
                let cpu = self.db.baseline();
                Ok((cpu, "generic".to_owned(), cpu.llvm_features()))
            }
            CpuName::Native => {
                let host = self
                    .native
                    .ok_or_else(|| self.error(span.clone(), index, Problem::NativeUnavailable))?;
                if host.arch() != self.arch {
                    return Err(self.error(
                        span,
                        index,
                        Problem::NativeArchMismatch {
                            arch: self.arch,
                            host: host.arch(),
                        },
                    ));
                }
                let cpu = self
                    .db
                    .cpu(&host.name)
                    .unwrap_or_else(|| self.db.baseline());
                // Start from what LLVM gives the host's CPU name, then believe the
                // host about every feature it checked.
                let mut features = cpu.llvm_features().union(&host.features);
                for missing in host.checked.difference(&host.features).iter() {
                    features = self.db.remove_with_dependents(&features, missing);
                }
                Ok((cpu, host.name.clone(), features))
            }
            CpuName::Named(name) => {
                let cpu = self.named_cpu(index, span, name, &["generic", "native"])?;
                Ok((cpu, name.clone(), cpu.llvm_features()))
            }
        }
    }

    /// The database CPU `name` (written at `span` of target `index`), or an
    /// error suggesting the closest of the CPU names and `extra`.
    fn named_cpu(
        &self,
        index: usize,
        span: Option<std::ops::Range<usize>>,
        name: &str,
        extra: &[&'static str],
    ) -> Result<Cpu, Error> {
        self.db.cpu(name).ok_or_else(|| {
            let mut names: Vec<&str> = self.db.cpu_names().collect();
            names.extend(extra);
            let other = self.other_arch();
            self.error(
                span,
                index,
                Problem::UnknownCpu {
                    name: name.to_owned(),
                    arch: self.arch,
                    suggestion: closest(name, names).map(str::to_owned),
                    other_arch: other.database().cpu(name).map(|_| other),
                },
            )
        })
    }

    fn target(&self, index: usize, spec: &TargetSpec) -> Result<ResolvedTarget, Error> {
        let (cpu, name, start) = self.start(index, spec)?;
        let enable = spec
            .features
            .iter()
            .filter(|op| op.enable)
            .map(|op| self.feature(index, op, true))
            .collect::<Result<Vec<_>, _>>()?;
        let disable = spec
            .features
            .iter()
            .filter(|op| !op.enable)
            .map(|op| self.feature(index, op, false))
            .collect::<Result<Vec<_>, _>>()?;
        let features = self.db.apply(&start, enable, disable);
        let llvm_features = llvm_feature_changes(cpu, &features);
        let llvm_tune = match &spec.tune {
            // LLVM's generic tuning (`generic` names the baseline CPU in
            // target-cpu, not in tune-cpu).
            Some(tune) if tune == "generic" => Some("generic".to_owned()),
            Some(tune) => Some(
                self.named_cpu(index, spec.tune_span().range(), tune, &["generic"])?
                    .name()
                    .to_owned(),
            ),
            None => default_tuning(self.arch, cpu).map(str::to_owned),
        };
        Ok(ResolvedTarget {
            index,
            spec: spec.clone(),
            cpu,
            name,
            llvm_cpu: cpu.name().to_owned(),
            llvm_features,
            llvm_tune,
            features,
            base: (index > 0).then(|| spec.base.unwrap_or(0)),
            clone_all: spec.clone_all == Some(true),
            clone_all_implied: false,
            size: spec.size,
            clone: CloneCategories::NONE,
            from_base: FeatureSet::empty(self.arch),
        })
    }

    /// Julia's rules: partial targets always clone loops and CPU queries, and math,
    /// SIMD, float16 and bfloat16 code when they bring new features for it.
    fn categorize(&self, target: &mut ResolvedTarget, base: &ResolvedTarget) {
        let rules = rules(self.arch);
        if !target.clone_all
            && target.spec.clone_all.is_none()
            && rules.clone_all_cpus.contains(&target.cpu.name())
            && !rules.clone_all_cpus.contains(&base.cpu.name())
        {
            target.clone_all = true;
            target.clone_all_implied = true;
        }
        if target.clone_all {
            target.clone = [CloneCategory::All].into_iter().collect();
            return;
        }
        let new = target.isa_features().difference(&base.isa_features());
        let brings = |list: &[Feature]| list.iter().any(|f| new.contains(*f));
        let mut clone: CloneCategories = [CloneCategory::Loop, CloneCategory::Cpu]
            .into_iter()
            .collect();
        if brings(rules.math) {
            clone.insert(CloneCategory::Math);
        }
        if brings(rules.simd) {
            clone.insert(CloneCategory::Simd);
        }
        if brings(rules.float16) {
            clone.insert(CloneCategory::Float16);
        }
        if brings(rules.bfloat16) {
            clone.insert(CloneCategory::Bfloat16);
        }
        target.clone = clone;
    }
}

/// The tuning of a target written without `tune=`, by its resolved CPU:
/// on x86_64, the ISA levels (`x86-64` — the target `generic` —
/// `x86-64-v2`, `-v3`, `-v4`) get LLVM's `generic` tuning, which is what
/// clang gives code built without `-march`/`-mtune` and which, unlike the
/// x86-64-v4 level's own tuning, does not prefer 256-bit vectors on AVX-512
/// hosts (ci/bench: the x86-64-v4 clone of the float kernels went from
/// 0.99–1.02x to 1.07–1.95x of `-march=native` on a Rocket Lake VM).
/// CPU-named targets and AArch64 get `None`: LLVM tunes for the CPU.
pub fn default_tuning(arch: Arch, cpu: Cpu) -> Option<&'static str> {
    match (arch, cpu.name()) {
        (Arch::X86_64, "x86-64" | "x86-64-v2" | "x86-64-v3" | "x86-64-v4") => Some("generic"),
        _ => None,
    }
}

/// LLVM `target-features` for `features` on `cpu`: what `cpu` does not
/// imply (`+`), then what it implies that `features` lacks (`-`), each group
/// in name order.
fn llvm_feature_changes(cpu: Cpu, features: &FeatureSet) -> String {
    let base_cpu = cpu.llvm_features();
    let added = features.difference(&base_cpu);
    let dropped = base_cpu.difference(features);
    added
        .iter()
        .map(|f| format!("+{f}"))
        .chain(dropped.iter().map(|f| format!("-{f}")))
        .collect::<Vec<_>>()
        .join(",")
}

impl TargetList {
    /// Checks every name against `arch`'s database and resolves each target.
    /// `native` describes the build host; a list that uses `native` without one is
    /// an error.
    pub fn resolve(&self, arch: Arch, native: Option<&Host>) -> Result<ResolvedTargets, Error> {
        let resolver = Resolver {
            list: self,
            arch,
            db: arch.database(),
            native,
        };
        let mut targets: Vec<ResolvedTarget> = Vec::with_capacity(self.targets.len());
        for (index, spec) in self.targets.iter().enumerate() {
            let mut target = resolver.target(index, spec)?;
            if let Some(base) = target.base {
                resolver.categorize(&mut target, &targets[base]);
            }
            targets.push(target);
        }
        // A partial target runs its fallback's code for what it does not
        // clone, so a host may select it only where that code runs too: the
        // target needs the union of its own features and its base chain's
        // (beyond the architecture's baseline, which every host has: LLVM's
        // `amdfam10` lists no `mmx`, yet every x86_64 CPU has it), and its
        // clones are built with that union, since they only run where it
        // holds. Bases come first in a list, so one pass gathers the chain.
        let matched = resolver.db.matched();
        let baseline = resolver.db.baseline().llvm_features();
        for i in 0..targets.len() {
            let t = &targets[i];
            let Some(fallback) = t.base.filter(|_| !t.clone_all) else {
                continue;
            };
            let missing = targets[fallback]
                .isa_features()
                .intersection(&matched)
                .difference(&t.isa_features())
                .difference(&baseline);
            if missing.is_empty() {
                continue;
            }
            let t = &mut targets[i];
            t.features = t.features.union(&missing);
            t.llvm_features = llvm_feature_changes(t.cpu, &t.features);
            t.from_base = missing;
        }
        Ok(ResolvedTargets { arch, targets })
    }
}
