//! The shape of each architecture's clone rules (its values live in
//! x86_64/ and aarch64/; target_list/ applies them).

use crate::feature::Feature;

/// Which new features make a partial target clone which categories, per
/// architecture (Julia's clone rules, docs/TARGETS.md).
pub(crate) struct CloneRulesRef {
    /// New features that make fp math worth cloning (FMA).
    pub(crate) math: &'static [Feature],
    /// New features that make vector code worth cloning.
    pub(crate) simd: &'static [Feature],
    /// New features that make `half` native.
    pub(crate) float16: &'static [Feature],
    /// New features that make `bfloat` native.
    pub(crate) bfloat16: &'static [Feature],
    /// CPUs whose partial targets are cloned in full unless `-clone_all` is given
    /// (Julia's Xeon Phi rule).
    pub(crate) clone_all_cpus: &'static [&'static str],
}

impl CloneRulesRef {
    pub(crate) const fn new(
        math: &'static [Feature],
        simd: &'static [Feature],
        float16: &'static [Feature],
        bfloat16: &'static [Feature],
        clone_all_cpus: &'static [&'static str],
    ) -> CloneRulesRef {
        CloneRulesRef {
            math,
            simd,
            float16,
            bfloat16,
            clone_all_cpus,
        }
    }
}
