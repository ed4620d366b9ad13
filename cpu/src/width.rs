//! The vector width a feature set allows: what selection ranks first and
//! what fleet planning loses last.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::arch::Arch;
use crate::feature::FeatureSet;
use crate::{aarch64, x86_64};

/// The widest vector registers a feature set allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VectorWidth {
    /// Fixed-width registers of this many bits (SSE 128, AVX 256, AVX-512 512,
    /// NEON 128).
    Fixed(u16),
    /// Scalable vectors (SVE): at least 128 bits, ranked above any fixed width.
    Scalable,
}

impl VectorWidth {
    /// The vector width `features` allow.
    pub fn of(features: &FeatureSet) -> VectorWidth {
        match features.arch() {
            Arch::X86_64 => {
                if features.contains(x86_64::AVX512F) {
                    VectorWidth::Fixed(512)
                } else if features.contains(x86_64::AVX) {
                    VectorWidth::Fixed(256)
                } else {
                    VectorWidth::Fixed(128)
                }
            }
            Arch::Aarch64 => {
                if features.contains(aarch64::SVE) {
                    VectorWidth::Scalable
                } else {
                    VectorWidth::Fixed(128)
                }
            }
        }
    }
}

impl fmt::Display for VectorWidth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VectorWidth::Fixed(bits) => write!(f, "{bits}-bit"),
            VectorWidth::Scalable => f.write_str("scalable (SVE)"),
        }
    }
}
