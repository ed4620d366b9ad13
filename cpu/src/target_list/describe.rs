//! What `mvimg targets` prints of a resolved list: per target what LLVM
//! gets, its base, flags, what it clones and its features against its
//! base; text through `Display`, JSON through `Serialize`.

use std::fmt;

use serde::Serialize;

use super::{CloneCategories, CpuName, ResolvedTargets, SizeGoal};
use crate::arch::Arch;

/// One target of a [`ListDescription`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TargetDescription {
    /// Its index.
    pub index: usize,
    /// The target as written (normalized).
    pub spec: String,
    /// Its display name.
    pub name: String,
    /// LLVM `target-cpu`.
    pub llvm_cpu: String,
    /// LLVM `target-features`.
    pub llvm_features: String,
    /// LLVM `tune-cpu` (`tune=`, or the default of level targets).
    pub llvm_tune: Option<String>,
    /// The target it falls back to.
    pub base: Option<usize>,
    /// Whether every function is cloned.
    pub clone_all: bool,
    /// Whether that came from the Xeon Phi rule.
    pub clone_all_implied: bool,
    /// `opt_size` or `min_size`.
    pub size: Option<SizeGoal>,
    /// What it clones.
    pub clone: CloneCategories,
    /// ISA features it has that its base (target 0: the baseline) lacks.
    pub added: Vec<&'static str>,
    /// ISA features its base has that it lacks.
    pub removed: Vec<&'static str>,
    /// Its ISA features.
    pub features: Vec<&'static str>,
    /// ISA features it has only because its base chain's code, which it
    /// runs for what it does not clone, needs them.
    pub from_base: Vec<&'static str>,
    #[serde(skip)]
    alias_of: Option<String>,
    #[serde(skip)]
    native: bool,
    #[serde(skip)]
    written_clone_all_off: bool,
}

/// A resolved list as `mvimg targets` shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ListDescription {
    /// The architecture.
    pub arch: Arch,
    /// The list, normalized.
    pub list: String,
    /// Each target.
    pub targets: Vec<TargetDescription>,
}

impl ResolvedTargets {
    /// The description `mvimg targets` prints.
    pub fn describe(&self) -> ListDescription {
        ListDescription {
            arch: self.arch,
            list: self.to_string(),
            targets: self
                .targets
                .iter()
                .map(|t| TargetDescription {
                    index: t.index,
                    spec: t.spec.to_string(),
                    name: t.name.clone(),
                    llvm_cpu: t.llvm_cpu.clone(),
                    llvm_features: t.llvm_features.clone(),
                    llvm_tune: t.llvm_tune.clone(),
                    base: t.base,
                    clone_all: t.clone_all,
                    clone_all_implied: t.clone_all_implied,
                    size: t.size,
                    clone: t.clone,
                    added: self.added(t).names(),
                    removed: self.removed(t).names(),
                    features: t.isa_features().names(),
                    from_base: t.from_base.names(),
                    alias_of: match &t.spec.cpu {
                        CpuName::Named(name) if *name != t.llvm_cpu => Some(name.clone()),
                        _ => None,
                    },
                    native: t.spec.cpu == CpuName::Native,
                    written_clone_all_off: t.spec.clone_all == Some(false),
                })
                .collect(),
        }
    }
}

fn joined(names: &[&str]) -> String {
    if names.is_empty() {
        "-".to_owned()
    } else {
        names.join(" ")
    }
}

impl TargetDescription {
    fn flags(&self) -> Vec<&'static str> {
        let mut flags = Vec::new();
        if self.clone_all {
            flags.push(if self.clone_all_implied {
                "clone_all (Xeon Phi rule; -clone_all turns it off)"
            } else {
                "clone_all"
            });
        }
        if self.written_clone_all_off {
            flags.push("-clone_all");
        }
        if let Some(size) = self.size {
            flags.push(size.as_str());
        }
        flags
    }
}

impl fmt::Display for ListDescription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "target list ({}): {}", self.arch, self.list)?;
        for t in &self.targets {
            let relative = match t.base {
                Some(base) => format!("#{base}"),
                None => "the generic baseline".to_owned(),
            };
            writeln!(f)?;
            writeln!(f, "#{} {}", t.index, t.spec)?;
            let note = match (&t.alias_of, t.native) {
                (Some(name), _) => format!(" ({name} is an alias)"),
                (None, true) => format!(" (the build host, {})", t.name),
                _ => String::new(),
            };
            writeln!(f, "  llvm cpu       {}{note}", t.llvm_cpu)?;
            writeln!(
                f,
                "  llvm features  {}",
                if t.llvm_features.is_empty() {
                    "-"
                } else {
                    &t.llvm_features
                }
            )?;
            match (&t.llvm_tune, t.spec.contains("tune=")) {
                (Some(tune), true) => writeln!(f, "  llvm tune      {tune}")?,
                (Some(tune), false) => writeln!(f, "  llvm tune      {tune} (the default)")?,
                (None, _) => {}
            }
            writeln!(
                f,
                "  base           {}",
                t.base
                    .map_or("- (default target)".to_owned(), |b| b.to_string())
            )?;
            let flags = t.flags();
            writeln!(
                f,
                "  flags          {}",
                if flags.is_empty() {
                    "-".to_owned()
                } else {
                    flags.join(", ")
                }
            )?;
            let clone = if t.index == 0 {
                "- (holds every function)".to_owned()
            } else {
                t.clone.to_string()
            };
            writeln!(f, "  clones         {clone}")?;
            writeln!(f, "  added vs {relative}: {}", joined(&t.added))?;
            if !t.removed.is_empty() {
                writeln!(f, "  removed vs {relative}: {}", joined(&t.removed))?;
            }
            if !t.from_base.is_empty() {
                writeln!(
                    f,
                    "  from base      {} (its fallback's code needs them)",
                    joined(&t.from_base)
                )?;
            }
        }
        Ok(())
    }
}
