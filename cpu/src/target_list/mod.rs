//! The target-list language (Julia's `JULIA_CPU_TARGET`), docs/TARGETS.md:
//! `cpu[,option]*` targets separated by `;`, options `+feat`, `-feat`, `clone_all`,
//! `-clone_all`, `base(n)`, `opt_size`, `min_size`, and mvimg's `tune=CPU`.
//!
//! [`TargetList`] is the parsed text, checked for everything that does not need a
//! CPU database; [`TargetList::resolve`] checks names against an architecture's
//! database and computes what each target means for LLVM and for cloning.

mod describe;
pub(crate) mod error;
mod parse;
mod resolve;

use std::fmt;
use std::ops::Range;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::arch::{Arch, Os};
use crate::error::Error;

pub use describe::{ListDescription, TargetDescription};
pub use resolve::{
    default_tuning, CloneCategories, CloneCategory, ResolvedTarget, ResolvedTargets,
};

/// Where a piece of a target list came from: a byte range of the parsed text.
///
/// Spans are provenance, not meaning: two targets that differ only in where they
/// were written are equal, so this type compares equal to every other span.
#[derive(Clone, Debug, Default)]
pub struct Span(Option<Range<usize>>);

impl Span {
    pub(crate) fn new(range: Range<usize>) -> Span {
        Span(Some(range))
    }

    /// The byte range in the parsed text, if the value came from text.
    pub fn range(&self) -> Option<Range<usize>> {
        self.0.clone()
    }
}

impl PartialEq for Span {
    fn eq(&self, _: &Span) -> bool {
        true
    }
}

impl Eq for Span {}

/// The CPU a target names.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum CpuName {
    /// `generic`: the ISA baseline (LLVM `x86-64` on x86_64, `generic` on AArch64).
    Generic,
    /// `native`: the build host's CPU and features, resolved at build time.
    Native,
    /// A CPU name of the architecture's database (or an alias of one).
    Named(String),
}

impl CpuName {
    /// The name as written in a target list.
    pub fn as_str(&self) -> &str {
        match self {
            CpuName::Generic => "generic",
            CpuName::Native => "native",
            CpuName::Named(name) => name,
        }
    }

    fn from_text(text: &str) -> CpuName {
        match text {
            "generic" => CpuName::Generic,
            "native" => CpuName::Native,
            other => CpuName::Named(other.to_owned()),
        }
    }
}

impl fmt::Display for CpuName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for CpuName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CpuName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(CpuName::from_text(&String::deserialize(deserializer)?))
    }
}

/// One `+feat` or `-feat` option.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureOp {
    /// `true` for `+feat` (or a bare `feat`), `false` for `-feat`.
    pub enable: bool,
    /// The feature name as written.
    pub name: String,
    #[serde(skip)]
    span: Span,
}

impl FeatureOp {
    /// An option enabling (`enable`) or disabling the feature `name`.
    pub fn new(enable: bool, name: impl Into<String>) -> FeatureOp {
        FeatureOp {
            enable,
            name: name.into(),
            span: Span::default(),
        }
    }

    /// Where the option was written.
    pub fn span(&self) -> &Span {
        &self.span
    }
}

impl fmt::Display for FeatureOp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", if self.enable { '+' } else { '-' }, self.name)
    }
}

/// What a target's clones optimise for besides speed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SizeGoal {
    /// `opt_size`: LLVM `optsize` on every clone.
    OptSize,
    /// `min_size`: LLVM `minsize` on every clone.
    MinSize,
}

impl SizeGoal {
    /// The option as written.
    pub fn as_str(self) -> &'static str {
        match self {
            SizeGoal::OptSize => "opt_size",
            SizeGoal::MinSize => "min_size",
        }
    }
}

/// One target of a list, as written (names not yet checked against a database).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetSpec {
    /// The CPU.
    pub cpu: CpuName,
    /// `+feat`/`-feat` options, in the order written, without duplicates.
    pub features: Vec<FeatureOp>,
    /// `Some(true)` for `clone_all`, `Some(false)` for `-clone_all`.
    pub clone_all: Option<bool>,
    /// `base(n)`: the clone_all target this one falls back to (default 0).
    pub base: Option<usize>,
    /// `opt_size` or `min_size`.
    pub size: Option<SizeGoal>,
    /// `tune=CPU`: the CPU LLVM tunes the clones for (`tune-cpu`), an
    /// extension of Julia's grammar. `None`: the default
    /// ([`ResolvedTarget::llvm_tune`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tune: Option<String>,
    #[serde(skip)]
    spans: TargetSpans,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct TargetSpans {
    whole: Span,
    cpu: Span,
    base: Span,
    tune: Span,
}

impl TargetSpec {
    /// A target for `cpu` with no options.
    pub fn new(cpu: CpuName) -> TargetSpec {
        TargetSpec {
            cpu,
            features: Vec::new(),
            clone_all: None,
            base: None,
            size: None,
            tune: None,
            spans: TargetSpans::default(),
        }
    }

    /// Where the CPU name was written.
    pub fn cpu_span(&self) -> &Span {
        &self.spans.cpu
    }

    /// Where the whole target was written.
    pub fn whole_span(&self) -> &Span {
        &self.spans.whole
    }

    /// Where the `tune=` CPU name was written.
    pub fn tune_span(&self) -> &Span {
        &self.spans.tune
    }
}

impl fmt::Display for TargetSpec {
    /// The normalized form: the CPU, then features in order, then `clone_all`,
    /// `base(n)`, the size goal and `tune=`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.cpu.as_str())?;
        for op in &self.features {
            write!(f, ",{op}")?;
        }
        match self.clone_all {
            Some(true) => f.write_str(",clone_all")?,
            Some(false) => f.write_str(",-clone_all")?,
            None => {}
        }
        if let Some(base) = self.base {
            write!(f, ",base({base})")?;
        }
        if let Some(size) = self.size {
            write!(f, ",{}", size.as_str())?;
        }
        if let Some(tune) = &self.tune {
            write!(f, ",tune={tune}")?;
        }
        Ok(())
    }
}

/// A parsed target list. `FromStr` checks the grammar and everything that does
/// not need a CPU database; `Display` prints the normalized form, which parses
/// back to an equal list.
///
/// Equality compares the targets only, not the text they came from.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(try_from = "RawTargetList")]
pub struct TargetList {
    /// The targets; target 0 is the default every other target may fall back to.
    pub targets: Vec<TargetSpec>,
    #[serde(skip)]
    input: Option<String>,
}

impl PartialEq for TargetList {
    fn eq(&self, other: &TargetList) -> bool {
        self.targets == other.targets
    }
}

impl Eq for TargetList {}

/// What a serialized list holds before it is validated.
#[derive(Deserialize)]
struct RawTargetList {
    targets: Vec<TargetSpec>,
}

impl TryFrom<RawTargetList> for TargetList {
    type Error = Error;

    fn try_from(raw: RawTargetList) -> Result<TargetList, Error> {
        TargetList::new(raw.targets)
    }
}

impl TargetList {
    /// A list of already-built targets, validated as if parsed.
    pub fn new(targets: Vec<TargetSpec>) -> Result<TargetList, Error> {
        let list = TargetList {
            targets,
            input: None,
        };
        // Building from values goes through the same checks as text, so a list
        // that exists is always one the parser would accept.
        let text = list.to_string();
        let parsed: TargetList = text.parse()?;
        if parsed != list {
            return Err(Error::TargetList(Box::new(crate::TargetListError {
                span: 0..text.len(),
                input: text,
                target: 0,
                problem: crate::Problem::NotRepresentable,
            })));
        }
        Ok(parsed)
    }

    /// The text this list was parsed from, if any.
    pub fn input(&self) -> Option<&str> {
        self.input.as_deref()
    }

    /// The list a caller that was given `text` (or nothing) uses: `text`,
    /// else `$MVIMG_CPU_TARGET` ([`TARGET_LIST_VAR`]) when set, else the
    /// default list for `arch` on `os`.
    pub fn chosen(text: Option<&str>, arch: Arch, os: Os) -> Result<TargetList, Error> {
        Ok(TargetList::given(text)?.unwrap_or_else(|| TargetList::default_for(arch, os)))
    }

    /// `text`, else `$MVIMG_CPU_TARGET` when set, parsed; `None` when neither
    /// is there (the caller then takes its platform's default).
    pub fn given(text: Option<&str>) -> Result<Option<TargetList>, Error> {
        match text {
            Some(text) => text.parse().map(Some),
            None => match std::env::var(TARGET_LIST_VAR) {
                Ok(text) => text.parse().map(Some),
                Err(_) => Ok(None),
            },
        }
    }

    /// Whether a target is `native`: resolving needs the build host.
    pub fn uses_native(&self) -> bool {
        self.targets.iter().any(|t| t.cpu == CpuName::Native)
    }

    /// The default list for `arch` on `os` (docs/TARGETS.md), parsed.
    pub fn default_for(arch: Arch, os: Os) -> TargetList {
        default_target_list(arch, os)
            .parse()
            .expect("the default target lists are valid")
    }
}

impl FromStr for TargetList {
    type Err = Error;

    fn from_str(input: &str) -> Result<TargetList, Error> {
        parse::parse(input)
    }
}

impl fmt::Display for TargetList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, target) in self.targets.iter().enumerate() {
            if i > 0 {
                f.write_str(";")?;
            }
            target.fmt(f)?;
        }
        Ok(())
    }
}

/// The environment variable that gives the target list when a command
/// line does not (Julia's `JULIA_CPU_TARGET`).
pub const TARGET_LIST_VAR: &str = "MVIMG_CPU_TARGET";

/// The default target list for an architecture and OS (Julia's release defaults):
///
/// - x86_64: `generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1);x86-64-v4,+pclmul,-rdrnd,base(1)`
/// - AArch64 Linux and Windows: `generic;cortex-a57;thunderx2t99;carmel,clone_all;apple-m1,base(3);neoverse-512tvb,-rand,-fpac,base(3)`
/// - AArch64 macOS: `generic;apple-m1,clone_all`
pub fn default_target_list(arch: Arch, os: Os) -> &'static str {
    match (arch, os) {
        (Arch::X86_64, _) => crate::x86_64::DEFAULT_TARGETS,
        (Arch::Aarch64, Os::Macos) => crate::aarch64::DEFAULT_TARGETS_MACOS,
        (Arch::Aarch64, _) => crate::aarch64::DEFAULT_TARGETS,
    }
}
