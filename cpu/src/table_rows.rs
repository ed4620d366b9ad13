//! The rows of the generated CPU tables (x86_64/generated.rs,
//! aarch64/generated.rs), which db.rs serves.

use crate::feature::FeatureSet;

/// One generated feature entry.
#[derive(Debug)]
pub(crate) struct FeatureRow {
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
    /// Transitive implications, not including the feature itself.
    pub(crate) implies: FeatureSet,
    /// Only ever implied as tuning by LLVM's processor table (`FeatureClass::Tuning` in db.rs).
    pub(crate) tuning: bool,
}

/// One generated CPU entry (LLVM's processor table, aliases excluded).
#[derive(Debug)]
pub(crate) struct CpuRow {
    pub(crate) name: &'static str,
    /// The ISA features: closure of the processor's feature list.
    pub(crate) features: FeatureSet,
    /// The tuning features: closure of the processor's tuning list.
    pub(crate) tuning: FeatureSet,
}

/// One generated alias: a name LLVM accepts for the CPU at `cpu`.
#[derive(Debug)]
pub(crate) struct AliasRow {
    pub(crate) name: &'static str,
    pub(crate) cpu: u16,
}
