//! Typed CPU features and bitsets of them. A feature is an index into its
//! architecture's generated table; names, descriptions, implications and
//! serialization come from that table and are defined beside it, in db.rs.

use std::fmt;

use crate::arch::Arch;

/// Number of 64-bit words in a [`FeatureSet`]: enough for LLVM's
/// `MAX_SUBTARGET_FEATURES` (384). The generator checks every table fits.
pub const FEATURE_WORDS: usize = 6;

/// One CPU feature of one architecture, as LLVM 22 names it ("avx2", "sve2").
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Feature {
    arch: Arch,
    index: u16,
}

impl Feature {
    /// Used by the generated tables; `index` is the position in the table.
    pub(crate) const fn from_index(arch: Arch, index: u16) -> Feature {
        Feature { arch, index }
    }

    /// The architecture this feature belongs to.
    pub fn arch(self) -> Arch {
        self.arch
    }

    /// The position of this feature in its architecture's table (sorted by name).
    pub fn index(self) -> usize {
        self.index as usize
    }
}

impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Debug for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.arch, self.name())
    }
}

/// A set of features of one architecture.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct FeatureSet {
    arch: Arch,
    words: [u64; FEATURE_WORDS],
}

impl FeatureSet {
    /// The empty set.
    pub const fn empty(arch: Arch) -> FeatureSet {
        FeatureSet {
            arch,
            words: [0; FEATURE_WORDS],
        }
    }

    /// Used by the generated tables.
    pub(crate) const fn from_words(arch: Arch, words: [u64; FEATURE_WORDS]) -> FeatureSet {
        FeatureSet { arch, words }
    }

    /// The architecture of the set's features.
    pub fn arch(&self) -> Arch {
        self.arch
    }

    /// The raw words: bit `i` is the feature with table index `i`.
    pub fn words(&self) -> &[u64; FEATURE_WORDS] {
        &self.words
    }

    fn check(&self, feature: Feature) {
        assert_eq!(
            self.arch, feature.arch,
            "a {} feature cannot be in a {} feature set",
            feature.arch, self.arch
        );
    }

    /// Whether `feature` is in the set. A feature of another architecture never is.
    pub fn contains(&self, feature: Feature) -> bool {
        feature.arch == self.arch
            && self.words[feature.index() / 64] >> (feature.index() % 64) & 1 == 1
    }

    /// Adds `feature` (only; implications are the database's business).
    ///
    /// # Panics
    /// If `feature` belongs to another architecture: that is a bug in the caller.
    pub fn insert(&mut self, feature: Feature) {
        self.check(feature);
        self.words[feature.index() / 64] |= 1 << (feature.index() % 64);
    }

    /// Removes `feature` (only; dependents are the database's business).
    pub fn remove(&mut self, feature: Feature) {
        if feature.arch == self.arch {
            self.words[feature.index() / 64] &= !(1 << (feature.index() % 64));
        }
    }

    fn zip(&self, other: &FeatureSet, op: impl Fn(u64, u64) -> u64) -> FeatureSet {
        assert_eq!(
            self.arch, other.arch,
            "feature sets of different architectures"
        );
        let mut words = [0; FEATURE_WORDS];
        for (i, word) in words.iter_mut().enumerate() {
            *word = op(self.words[i], other.words[i]);
        }
        FeatureSet {
            arch: self.arch,
            words,
        }
    }

    /// Features in either set.
    pub fn union(&self, other: &FeatureSet) -> FeatureSet {
        self.zip(other, |a, b| a | b)
    }

    /// Features in both sets.
    pub fn intersection(&self, other: &FeatureSet) -> FeatureSet {
        self.zip(other, |a, b| a & b)
    }

    /// Features in `self` but not in `other`.
    pub fn difference(&self, other: &FeatureSet) -> FeatureSet {
        self.zip(other, |a, b| a & !b)
    }

    /// Whether every feature of `self` is in `other`.
    pub fn is_subset(&self, other: &FeatureSet) -> bool {
        self.difference(other).is_empty()
    }

    /// Whether the set has no feature.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    /// The number of features in the set.
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The features, in table (name) order.
    pub fn iter(&self) -> impl Iterator<Item = Feature> + '_ {
        let arch = self.arch;
        (0..FEATURE_WORDS * 64)
            .filter(move |&i| self.words[i / 64] >> (i % 64) & 1 == 1)
            .map(move |i| Feature::from_index(arch, i as u16))
    }

    /// The features' names, in table order.
    pub fn names(&self) -> Vec<&'static str> {
        self.iter().map(Feature::name).collect()
    }
}

impl Extend<Feature> for FeatureSet {
    fn extend<I: IntoIterator<Item = Feature>>(&mut self, iter: I) {
        for feature in iter {
            self.insert(feature);
        }
    }
}

impl fmt::Display for FeatureSet {
    /// The names joined with commas, in table order.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, feature) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            f.write_str(feature.name())?;
        }
        Ok(())
    }
}

impl fmt::Debug for FeatureSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{{{}}}", self.arch, self)
    }
}
