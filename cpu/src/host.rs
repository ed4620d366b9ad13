//! A description of a CPU that code will run on: its name and its features.

use serde::{Deserialize, Serialize};

use crate::arch::Arch;
use crate::error::Error;
use crate::feature::FeatureSet;

/// A host CPU: what `native` resolves to, and what matching compares targets with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Host {
    /// The CPU name (LLVM's, or `generic` when unrecognised).
    pub name: String,
    /// The features the host has, implications applied.
    pub features: FeatureSet,
    /// The features the detector looked at: those not in `features` are known to
    /// be absent; features outside `checked` are unknown.
    pub checked: FeatureSet,
}

impl Host {
    /// The host's architecture.
    pub fn arch(&self) -> Arch {
        self.features.arch()
    }

    /// A host that is exactly the database CPU `cpu`: its ISA features, every
    /// detectable feature checked. How a cluster node is described by name.
    pub fn from_cpu(cpu: crate::Cpu) -> Host {
        let db = cpu.arch().database();
        Host {
            name: cpu.name().to_owned(),
            features: cpu.features().difference(&db.tuning()),
            checked: db.detectable(),
        }
    }

    /// The widest vector registers the host has.
    pub fn vector_width(&self) -> crate::select::VectorWidth {
        crate::select::VectorWidth::of(&self.features)
    }

    /// A host from LLVM's own report: `sys::getHostCPUName` and the
    /// `+feat,-feat,...` string of `sys::getHostCPUFeatures`. Every feature named
    /// in the string counts as checked.
    pub fn from_llvm_report(arch: Arch, name: &str, features: &str) -> Result<Host, Error> {
        let db = arch.database();
        let mut present = FeatureSet::empty(arch);
        let mut checked = FeatureSet::empty(arch);
        for item in features.split(',').filter(|s| !s.is_empty()) {
            let (enabled, feature_name) = match item.split_at(1) {
                ("+", rest) => (true, rest),
                ("-", rest) => (false, rest),
                _ => {
                    return Err(Error::Host {
                        message: format!(
                            "host feature report item {item:?} does not start with + or -"
                        ),
                    })
                }
            };
            let feature = db.feature(feature_name).ok_or_else(|| Error::Host {
                message: format!(
                    "the host report names {arch} feature {feature_name:?}, which LLVM {} does not have",
                    db.llvm_version()
                ),
            })?;
            checked.insert(feature);
            if enabled {
                present.insert(feature);
            }
        }
        Ok(Host {
            name: name.to_owned(),
            features: db.closure(&present),
            checked,
        })
    }
}
