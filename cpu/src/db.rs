//! The CPU database: every CPU name and feature LLVM 22 knows for an architecture,
//! with what each implies. The tables are generated from LLVM's MC subtarget
//! tables (`x86_64/generated.rs`, `aarch64/generated.rs`); what a host can detect
//! comes from the hand-kept per-architecture detection tables beside them.

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::arch::Arch;
pub(crate) use crate::table_rows::{AliasRow, CpuRow, FeatureRow};
use serde::de::Error as _;

use crate::feature::{Feature, FeatureSet};
use crate::{aarch64, x86_64};

/// How a host reports a feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Detection {
    /// x86: a CPUID test, plus the OS state XCR0 must enable.
    Cpuid(x86_64::CpuidSource),
    /// AArch64: Linux auxiliary-vector bits, all of which must be set.
    Hwcap(aarch64::HwcapSource),
}

/// What matching may rely on for a feature.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "class", rename_all = "snake_case")]
pub enum FeatureClass {
    /// The host reports it (CPUID/XCR0 on x86, HWCAP on AArch64).
    Detectable {
        /// Where the host reports it.
        detection: Detection,
    },
    /// An ISA or code-generation feature no host register reports (architecture
    /// versions such as `v8.2a`, ABI options such as `reserve-x18`).
    NotDetectable,
    /// A tuning hint (LLVM only ever implies it through a processor's tuning list):
    /// it changes scheduling and instruction choice, never correctness, and
    /// matching ignores it.
    Tuning,
}

/// The CPU database of one architecture.
pub struct Database {
    arch: Arch,
    llvm_version: &'static str,
    features: &'static [FeatureRow],
    cpus: &'static [CpuRow],
    aliases: &'static [AliasRow],
    detection: fn() -> &'static [(Feature, Detection)],
    privileged: &'static [Feature],
    masks: OnceLock<Masks>,
}

struct Masks {
    detectable: FeatureSet,
    tuning: FeatureSet,
    matched: FeatureSet,
}

/// The x86_64 detection table as [`Detection`]s (x86_64/mod.rs lists the
/// CPUID sources).
fn x86_64_detection() -> &'static [(Feature, Detection)] {
    static TABLE: OnceLock<Vec<(Feature, Detection)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        x86_64::detection_table()
            .iter()
            .map(|&(f, source)| (f, Detection::Cpuid(source)))
            .collect()
    })
}

/// The AArch64 detection table as [`Detection`]s (aarch64/mod.rs lists the
/// HWCAP sources).
fn aarch64_detection() -> &'static [(Feature, Detection)] {
    static TABLE: OnceLock<Vec<(Feature, Detection)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        aarch64::detection_table()
            .iter()
            .map(|&(f, source)| (f, Detection::Hwcap(source)))
            .collect()
    })
}

pub(crate) static X86_64: Database = Database {
    arch: Arch::X86_64,
    llvm_version: x86_64::generated::LLVM_VERSION,
    features: x86_64::generated::FEATURES,
    cpus: x86_64::generated::CPUS,
    aliases: x86_64::generated::ALIASES,
    detection: x86_64_detection,
    privileged: x86_64::PRIVILEGED,
    masks: OnceLock::new(),
};

pub(crate) static AARCH64: Database = Database {
    arch: Arch::Aarch64,
    llvm_version: aarch64::generated::LLVM_VERSION,
    features: aarch64::generated::FEATURES,
    cpus: aarch64::generated::CPUS,
    aliases: aarch64::generated::ALIASES,
    detection: aarch64_detection,
    privileged: aarch64::NOT_EMITTED,
    masks: OnceLock::new(),
};

impl Arch {
    /// The CPU database of this architecture.
    pub fn database(self) -> &'static Database {
        match self {
            Arch::X86_64 => &X86_64,
            Arch::Aarch64 => &AARCH64,
        }
    }
}

impl Database {
    /// The database CPU with the most host-comparable features, all of which the host
    /// has (`generic` when none fits). Ties go to the CPU listed first.
    pub(crate) fn best_by_features(&self, features: &FeatureSet) -> &'static str {
        let db = self;
        let matched = db.matched();
        let mut best = ("generic", 0);
        for cpu in db.cpus() {
            let needs = cpu
                .features()
                .difference(&db.tuning())
                .intersection(&matched);
            if needs.is_subset(features) && needs.len() > best.1 {
                best = (cpu.name(), needs.len());
            }
        }
        best.0
    }

    /// The architecture.
    pub fn arch(&self) -> Arch {
        self.arch
    }

    /// The LLVM version the tables were generated from.
    pub fn llvm_version(&self) -> &'static str {
        self.llvm_version
    }

    pub(crate) fn feature_records(&self) -> &'static [FeatureRow] {
        self.features
    }

    /// Every feature, in name order.
    pub fn features(&self) -> impl ExactSizeIterator<Item = Feature> + '_ {
        (0..self.features.len()).map(|i| Feature::from_index(self.arch, i as u16))
    }

    /// The feature LLVM calls `name` (exact, case-sensitive).
    pub fn feature(&self, name: &str) -> Option<Feature> {
        self.features
            .binary_search_by(|record| record.name.cmp(name))
            .ok()
            .map(|i| Feature::from_index(self.arch, i as u16))
    }

    /// Every CPU, aliases excluded, in name order.
    pub fn cpus(&self) -> impl ExactSizeIterator<Item = Cpu> + '_ {
        (0..self.cpus.len()).map(|i| Cpu {
            arch: self.arch,
            index: i as u16,
        })
    }

    /// The CPUs for listing (`mvimg cpus`): each with its aliases and the
    /// features it has beyond tuning hints. `Display` prints a table,
    /// `Serialize` the JSON form.
    pub fn listing(&self) -> CpuListing {
        let tuning = self.tuning();
        CpuListing {
            arch: self.arch,
            llvm_version: self.llvm_version,
            alias_count: self.aliases.len(),
            cpus: self
                .cpus()
                .map(|cpu| {
                    let features = cpu.features().difference(&tuning);
                    CpuListed {
                        name: cpu.name(),
                        aliases: cpu.aliases(),
                        feature_count: features.len(),
                        features: features.names(),
                    }
                })
                .collect(),
        }
    }

    /// Every alias LLVM accepts, with the CPU it names.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = (&'static str, Cpu)> + '_ {
        self.aliases.iter().map(|alias| {
            (
                alias.name,
                Cpu {
                    arch: self.arch,
                    index: alias.cpu,
                },
            )
        })
    }

    /// The CPU LLVM calls `name` (exact; an alias gives the CPU it stands for).
    pub fn cpu(&self, name: &str) -> Option<Cpu> {
        if let Ok(i) = self.cpus.binary_search_by(|record| record.name.cmp(name)) {
            return Some(Cpu {
                arch: self.arch,
                index: i as u16,
            });
        }
        self.aliases
            .iter()
            .find(|alias| alias.name == name)
            .map(|alias| Cpu {
                arch: self.arch,
                index: alias.cpu,
            })
    }

    /// Every name a target list may use for a CPU: canonical names and aliases.
    pub fn cpu_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.cpus
            .iter()
            .map(|c| c.name)
            .chain(self.aliases.iter().map(|a| a.name))
    }

    /// The CPU the target name `generic` stands for (LLVM `x86-64` / `generic`).
    pub fn baseline(&self) -> Cpu {
        self.cpu(self.arch.baseline_cpu())
            .expect("the generated table has the baseline CPU")
    }

    /// `set` with everything its features imply added.
    pub fn closure(&self, set: &FeatureSet) -> FeatureSet {
        set.iter()
            .fold(*set, |acc, feature| acc.union(&feature.implies()))
    }

    /// `set` without `feature` and without every feature that implies it, as LLVM
    /// applies `-feature`.
    pub fn remove_with_dependents(&self, set: &FeatureSet, feature: Feature) -> FeatureSet {
        let mut out = *set;
        out.remove(feature);
        for other in set.iter() {
            if other.implies().contains(feature) {
                out.remove(other);
            }
        }
        out
    }

    /// `set` with `enable` added, each with what it implies, then `disable`
    /// removed, each with every feature that implies it. All enables apply before
    /// all disables, so a disable always wins (Julia's enable/disable closure).
    pub fn apply(
        &self,
        set: &FeatureSet,
        enable: impl IntoIterator<Item = Feature>,
        disable: impl IntoIterator<Item = Feature>,
    ) -> FeatureSet {
        let mut out = *set;
        for feature in enable {
            out.insert(feature);
            out = out.union(&feature.implies());
        }
        for feature in disable {
            out = self.remove_with_dependents(&out, feature);
        }
        out
    }

    /// The detection table: every detectable feature and where the host reports it.
    pub fn detection_table(&self) -> &'static [(Feature, Detection)] {
        (self.detection)()
    }

    fn masks(&self) -> &Masks {
        self.masks.get_or_init(|| {
            let mut detectable = FeatureSet::empty(self.arch);
            detectable.extend(self.detection_table().iter().map(|(f, _)| *f));
            let mut tuning = FeatureSet::empty(self.arch);
            tuning.extend(self.features().filter(|f| self.features[f.index()].tuning));
            let mut privileged = FeatureSet::empty(self.arch);
            privileged.extend(self.privileged.iter().copied());
            Masks {
                detectable,
                tuning,
                matched: detectable.difference(&privileged),
            }
        })
    }

    /// Every feature a host can report.
    pub fn detectable(&self) -> FeatureSet {
        self.masks().detectable
    }

    /// The features matching compares: detectable ones, less those whose
    /// instructions a compiler never emits in user code: x86 `invpcid`,
    /// `pconfig`, `wbnoinvd` (only the kernel may execute them) and AArch64
    /// `ssbs` (speculation control). LLVM lists `invpcid` for `haswell`, which
    /// Zen 1 and 2 lack, and `ssbs` for `neoverse-n1`, which Linux hides when
    /// the cores disagree or a mitigation is forced (and qemu 7.2's models do
    /// not report): requiring them would keep such hosts off those clones.
    pub fn matched(&self) -> FeatureSet {
        self.masks().matched
    }

    /// Every tuning-only feature.
    pub fn tuning(&self) -> FeatureSet {
        self.masks().tuning
    }

    /// How `feature` is classed.
    pub fn class(&self, feature: Feature) -> FeatureClass {
        if let Some((_, detection)) = self.detection_table().iter().find(|(f, _)| *f == feature) {
            FeatureClass::Detectable {
                detection: *detection,
            }
        } else if self.features[feature.index()].tuning {
            FeatureClass::Tuning
        } else {
            FeatureClass::NotDetectable
        }
    }
}

impl fmt::Debug for Database {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Database")
            .field("arch", &self.arch)
            .field("llvm_version", &self.llvm_version)
            .field("features", &self.features.len())
            .field("cpus", &self.cpus.len())
            .field("aliases", &self.aliases.len())
            .finish()
    }
}

/// A CPU of the database (never an alias: lookup resolves aliases).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cpu {
    arch: Arch,
    index: u16,
}

impl Cpu {
    fn record(self) -> &'static CpuRow {
        &self.arch.database().cpus[self.index as usize]
    }

    /// The architecture.
    pub fn arch(self) -> Arch {
        self.arch
    }

    /// LLVM's canonical name for the CPU.
    pub fn name(self) -> &'static str {
        self.record().name
    }

    /// The ISA features the CPU has, implications applied (tuning excluded).
    pub fn features(self) -> FeatureSet {
        self.record().features
    }

    /// The tuning features LLVM applies for this CPU.
    pub fn tuning(self) -> FeatureSet {
        self.record().tuning
    }

    /// Everything LLVM's subtarget starts from for `target-cpu` = this CPU.
    pub fn llvm_features(self) -> FeatureSet {
        self.features().union(&self.tuning())
    }

    /// The other names LLVM accepts for this CPU.
    pub fn aliases(self) -> Vec<&'static str> {
        self.arch
            .database()
            .aliases()
            .filter(|(_, cpu)| *cpu == self)
            .map(|(name, _)| name)
            .collect()
    }
}

impl fmt::Display for Cpu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Debug for Cpu {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.arch, self.name())
    }
}

impl Serialize for Cpu {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        NamedRepr::write(self.arch(), self.name(), serializer)
    }
}

impl<'de> Deserialize<'de> for Cpu {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        NamedRepr::read(deserializer, "CPU", |db, name| db.cpu(name))
    }
}

impl Feature {
    /// LLVM's name for the feature, as used in `target-features`.
    pub fn name(self) -> &'static str {
        self.record().name
    }

    /// LLVM's one-line description.
    pub fn description(self) -> &'static str {
        self.record().description
    }

    /// Every feature this one implies, transitively (not including itself).
    pub fn implies(self) -> FeatureSet {
        self.record().implies
    }

    /// Whether a host can report this feature, and how.
    pub fn class(self) -> FeatureClass {
        self.arch().database().class(self)
    }

    fn record(self) -> &'static FeatureRow {
        &self.arch().database().feature_records()[self.index()]
    }
}

/// How a named entry of a database (a feature, a CPU) is serialized: its
/// architecture and its name, looked up again when read back.
#[derive(Serialize, Deserialize)]
pub(crate) struct NamedRepr {
    pub(crate) arch: Arch,
    pub(crate) name: String,
}

impl NamedRepr {
    pub(crate) fn write<S: Serializer>(
        arch: Arch,
        name: &str,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        NamedRepr {
            arch,
            name: name.to_owned(),
        }
        .serialize(serializer)
    }

    pub(crate) fn read<'de, D, T>(
        deserializer: D,
        what: &str,
        lookup: impl FnOnce(&crate::Database, &str) -> Option<T>,
    ) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
    {
        let repr = NamedRepr::deserialize(deserializer)?;
        lookup(repr.arch.database(), &repr.name).ok_or_else(|| {
            D::Error::custom(format!("unknown {} {what} {:?}", repr.arch, repr.name))
        })
    }
}

impl Serialize for Feature {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        NamedRepr::write(self.arch(), self.name(), serializer)
    }
}

impl<'de> Deserialize<'de> for Feature {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        NamedRepr::read(deserializer, "feature", |db, name| db.feature(name))
    }
}

#[derive(Serialize, Deserialize)]
struct FeatureSetRepr {
    arch: Arch,
    features: Vec<String>,
}

impl Serialize for FeatureSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        FeatureSetRepr {
            arch: self.arch(),
            features: self.iter().map(|f| f.name().to_owned()).collect(),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for FeatureSet {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr = FeatureSetRepr::deserialize(deserializer)?;
        let db = repr.arch.database();
        let mut set = FeatureSet::empty(repr.arch);
        for name in &repr.features {
            let feature = db.feature(name).ok_or_else(|| {
                D::Error::custom(format!("unknown {} feature {:?}", repr.arch, name))
            })?;
            set.insert(feature);
        }
        Ok(set)
    }
}

/// A database's CPUs, for listing ([`Database::listing`]).
#[derive(Clone, Debug, Serialize)]
pub struct CpuListing {
    /// The architecture.
    pub arch: Arch,
    /// The LLVM version the tables come from.
    pub llvm_version: &'static str,
    /// How many aliases the database accepts.
    #[serde(skip)]
    pub alias_count: usize,
    /// Every CPU, aliases excluded, in name order.
    pub cpus: Vec<CpuListed>,
}

/// One CPU of a [`CpuListing`].
#[derive(Clone, Debug, Serialize)]
pub struct CpuListed {
    /// LLVM's name.
    pub name: &'static str,
    /// Other names LLVM accepts for it.
    pub aliases: Vec<&'static str>,
    /// How many features it has (tuning hints excluded).
    pub feature_count: usize,
    /// Those features' names.
    pub features: Vec<&'static str>,
}

impl fmt::Display for CpuListing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} CPUs known to LLVM {} ({} CPUs, {} aliases; `generic` is {}):",
            self.arch,
            self.llvm_version,
            self.cpus.len(),
            self.alias_count,
            self.arch.baseline_cpu()
        )?;
        for cpu in &self.cpus {
            write!(f, "  {:<24} {:>3} features", cpu.name, cpu.feature_count)?;
            if !cpu.aliases.is_empty() {
                write!(f, "  (also: {})", cpu.aliases.join(", "))?;
            }
            writeln!(f)?;
        }
        Ok(())
    }
}
