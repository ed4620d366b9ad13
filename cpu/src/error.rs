//! The error type of mvimg-cpu.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::arch::Arch;

/// Everything that can go wrong in mvimg-cpu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Error {
    /// An architecture name mvimg does not know.
    UnknownArch {
        /// The name given.
        name: String,
        /// The closest known name.
        suggestion: Option<String>,
    },
    /// An operating system name mvimg does not know.
    UnknownOs {
        /// The name given.
        name: String,
        /// The closest known name.
        suggestion: Option<String>,
    },
    /// A target triple mvimg does not build for.
    UnknownPlatform {
        /// The triple given.
        triple: String,
        /// Why it is not supported.
        reason: String,
    },
    /// A problem in a target list, at a position.
    TargetList(Box<TargetListError>),
    /// A recorded host description (a CPUID dump, /proc/cpuinfo, `sysctl
    /// hw`, `mvimg host --json`, LLVM's host report) that cannot be read.
    Description(Box<DescriptionError>),
    /// A CPU or feature name that the architecture's database lacks, where a
    /// host is described or changed.
    UnknownHostName {
        /// CPU or feature.
        kind: NameKind,
        /// The architecture.
        arch: Arch,
        /// The name given.
        name: String,
        /// The closest known name.
        suggestion: Option<String>,
        /// Where the name was given.
        given_in: GivenIn,
    },
    /// A host of one architecture matched against targets of another.
    ArchMismatch {
        /// The host's architecture.
        host: Arch,
        /// The targets'.
        targets: Arch,
    },
    /// `MVIMG_FORCE_TARGET` names no target, or one the host cannot run.
    ForcedTarget(Box<ForcedTargetError>),
    /// This program cannot detect the CPU it runs on.
    DetectionUnsupported {
        /// The architecture (`std::env::consts::ARCH`).
        arch: String,
        /// The operating system.
        os: String,
    },
    /// No target of a list (an image's) can run on a host.
    NoRunnableTarget(Box<NoRunnableTarget>),
    /// A fleet node that cannot be read.
    Node(Box<NodeError>),
    /// A fleet that cannot be planned as asked.
    Fleet(FleetProblem),
}

/// Why a fleet cannot be planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum FleetProblem {
    /// No node was given.
    NoNodes,
    /// `--max-targets 0`: every list needs target 0.
    MaxTargetsZero,
    /// No node is of the architecture asked for.
    NoNodesForArch {
        /// The architecture asked for.
        arch: String,
        /// The architectures the nodes have.
        present: Vec<String>,
    },
}

impl fmt::Display for FleetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FleetProblem::NoNodes => f.write_str(
                "the fleet has no nodes; name node files, directories of them, or `cpu:NAME` nodes",
            ),
            FleetProblem::MaxTargetsZero => f.write_str(
                "a maximum of 0 targets allows no list: target 0, which every node runs, \
                 always exists; give 1 or more",
            ),
            FleetProblem::NoNodesForArch { arch, present } => write!(
                f,
                "no node of the fleet is {arch} (the nodes are {}); plan for their \
                 architecture or add {arch} nodes",
                present.join(", ")
            ),
        }
    }
}

/// Which reader a host description was given to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DescriptionFormat {
    /// A /proc/cpuinfo text.
    Cpuinfo,
    /// A CPUID dump (AIDA64 or libcpuid).
    CpuidDump,
    /// macOS `sysctl hw` output.
    Sysctl,
    /// `mvimg host --json` output.
    HostJson,
    /// LLVM's `getHostCPUFeatures` string.
    LlvmReport,
}

impl fmt::Display for DescriptionFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DescriptionFormat::Cpuinfo => "cpuinfo",
            DescriptionFormat::CpuidDump => "CPUID dump",
            DescriptionFormat::Sysctl => "sysctl text",
            DescriptionFormat::HostJson => "`mvimg host --json` output",
            DescriptionFormat::LlvmReport => "LLVM's host feature report",
        })
    }
}

/// A host description that cannot be read: where, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DescriptionError {
    /// What was read (a file name), when the caller named it.
    pub input: Option<String>,
    /// The reader.
    pub format: DescriptionFormat,
    /// The 1-based line, when the problem is on one.
    pub line: Option<usize>,
    /// What was expected.
    pub expected: String,
    /// What was found instead, when there is something to show.
    pub found: Option<String>,
}

impl DescriptionError {
    /// An error on `line` (1-based) that holds `found`.
    pub(crate) fn at(
        format: DescriptionFormat,
        line: usize,
        found: &str,
        expected: impl Into<String>,
    ) -> Error {
        Error::Description(Box::new(DescriptionError {
            input: None,
            format,
            line: Some(line),
            expected: expected.into(),
            found: Some(found.to_owned()),
        }))
    }

    /// An error about the whole text.
    pub(crate) fn whole(format: DescriptionFormat, expected: impl Into<String>) -> Error {
        Error::Description(Box::new(DescriptionError {
            input: None,
            format,
            line: None,
            expected: expected.into(),
            found: None,
        }))
    }
}

impl fmt::Display for DescriptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(input) = &self.input {
            write!(f, "{input}: ")?;
        }
        write!(f, "{}", self.format)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        write!(f, ": expected {}", self.expected)?;
        if let Some(found) = &self.found {
            write!(f, ", found {found:?}")?;
        }
        Ok(())
    }
}

/// Whether a name is of a CPU or of a feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NameKind {
    /// A CPU name.
    Cpu,
    /// A feature name.
    Feature,
}

/// Where a host's CPU or feature name was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GivenIn {
    /// `MVIMG_HOST_CPU`.
    HostCpuVar,
    /// `MVIMG_HOST_FEATURES`.
    HostFeaturesVar,
    /// `mvimg host --json` output, in the input named (when known).
    HostJson(Option<String>),
    /// LLVM's host feature report.
    LlvmReport,
    /// A CPU named to describe the host ([`crate::Host::named`]).
    Named,
}

/// What is wrong with `MVIMG_FORCE_TARGET`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForcedTargetError {
    /// The variable's value, less a trailing `!`.
    pub value: String,
    /// What is wrong.
    pub problem: ForcedTargetProblem,
}

/// Why a forced target cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum ForcedTargetProblem {
    /// No target has that index or name.
    NoSuchTarget {
        /// The targets: index and name.
        targets: Vec<(usize, String)>,
        /// The target name closest to the value, if one is close.
        suggestion: Option<String>,
    },
    /// The host cannot run it (and `!` was not given).
    Ineligible {
        /// The target's index.
        index: usize,
        /// Its name.
        name: String,
        /// The features it needs that the host lacks.
        missing: Vec<String>,
    },
}

impl fmt::Display for ForcedTargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.problem {
            ForcedTargetProblem::NoSuchTarget {
                targets,
                suggestion,
            } => {
                write!(
                    f,
                    "MVIMG_FORCE_TARGET={}: no such target; the targets are {}",
                    self.value,
                    targets
                        .iter()
                        .map(|(i, n)| format!("{i} ({n})"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
                if let Some(name) = suggestion {
                    write!(f, "; did you mean `{name}`?")?;
                }
                Ok(())
            }
            ForcedTargetProblem::Ineligible {
                index,
                name,
                missing,
            } => write!(
                f,
                "MVIMG_FORCE_TARGET={}: this host lacks {} that target {index} ({name}) \
                 needs; append `!` to force it anyway",
                self.value,
                missing.join(",")
            ),
        }
    }
}

/// No target can run on a host: what each one needs that the host lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoRunnableTarget {
    /// The host's CPU name.
    pub host: String,
    /// The host's vector width (`256-bit`).
    pub vectors: String,
    /// Each target, with the features it needs that the host lacks.
    pub targets: Vec<MissingFeatures>,
    /// The host's features (those selection compares).
    pub host_features: Vec<String>,
}

/// A target and the features it needs that a host lacks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingFeatures {
    /// The target's index.
    pub index: usize,
    /// Its name.
    pub name: String,
    /// The features (LLVM names).
    pub missing: Vec<String>,
}

impl fmt::Display for NoRunnableTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no target of the list can run on this host ({}, {} vectors)",
            self.host, self.vectors
        )?;
        for t in &self.targets {
            write!(
                f,
                "\n  target {} ({}) needs {}",
                t.index,
                t.name,
                t.missing.join(",")
            )?;
        }
        write!(
            f,
            "\nthe host has: {}\nput a target the host can run first in the list (`generic` \
             runs everywhere); an image needs building again from such a list",
            self.host_features.join(",")
        )
    }
}

impl Error {
    /// The target-list error inside, if this is one.
    pub fn as_target_list(&self) -> Option<&TargetListError> {
        match self {
            Error::TargetList(e) => Some(e),
            _ => None,
        }
    }
}

fn did_you_mean(f: &mut fmt::Formatter<'_>, suggestion: &Option<String>) -> fmt::Result {
    match suggestion {
        Some(s) => write!(f, "; did you mean `{s}`?"),
        None => Ok(()),
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::UnknownArch { name, suggestion } => {
                write!(f, "unknown architecture `{name}` (known: x86_64, aarch64)")?;
                did_you_mean(f, suggestion)
            }
            Error::UnknownOs { name, suggestion } => {
                write!(
                    f,
                    "unknown operating system `{name}` (known: linux, macos, windows)"
                )?;
                did_you_mean(f, suggestion)
            }
            Error::UnknownPlatform { triple, reason } => write!(
                f,
                "cannot build for the target `{triple}`: {reason}; supported: {}",
                crate::arch::SUPPORTED_TRIPLES.join(", ")
            ),
            Error::TargetList(e) => e.fmt(f),
            Error::Description(e) => e.fmt(f),
            Error::UnknownHostName {
                kind,
                arch,
                name,
                suggestion,
                given_in,
            } => {
                let what = match kind {
                    NameKind::Cpu => "CPU",
                    NameKind::Feature => "feature",
                };
                match given_in {
                    GivenIn::HostCpuVar => write!(f, "MVIMG_HOST_CPU: ")?,
                    GivenIn::HostFeaturesVar => write!(f, "MVIMG_HOST_FEATURES: ")?,
                    GivenIn::HostJson(None) => write!(f, "`mvimg host --json` output: ")?,
                    GivenIn::HostJson(Some(input)) => {
                        write!(f, "{input} (`mvimg host --json` output): ")?
                    }
                    GivenIn::LlvmReport => write!(f, "LLVM's host report: ")?,
                    GivenIn::Named => {}
                }
                write!(
                    f,
                    "unknown {arch} {what} `{name}` (LLVM {})",
                    arch.database().llvm_version()
                )?;
                did_you_mean(f, suggestion)
            }
            Error::ArchMismatch { host, targets } => {
                write!(
                    f,
                    "the host is {host} but the targets are for {targets}: describe a {targets} \
                     host to decide for (`--host-cpu NAME` with a CPU of `mvimg cpus --arch \
                     {targets}`, or `--from FILE` with its /proc/cpuinfo, CPUID dump or \
                     `mvimg host --json` output)"
                )
            }
            Error::ForcedTarget(e) => e.fmt(f),
            Error::DetectionUnsupported { arch, os } => write!(
                f,
                "host detection is not implemented for {arch} on {os}; describe the host \
                 with --from or --host-cpu"
            ),
            Error::NoRunnableTarget(e) => e.fmt(f),
            Error::Node(e) => e.fmt(f),
            Error::Fleet(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Error {}

/// A problem found in a target list, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetListError {
    /// The whole target list as given.
    pub input: String,
    /// The byte range of the offending text in `input` (empty at the position
    /// where something is missing).
    pub span: Range<usize>,
    /// The index of the target the problem is in.
    pub target: usize,
    /// What is wrong.
    pub problem: Problem,
}

/// What is wrong with a target list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Problem {
    /// The list is empty.
    EmptyList,
    /// A target between two `;` (or after a trailing `;`) is empty.
    EmptyTarget,
    /// A target has options but no CPU name (`,+avx2`).
    EmptyCpuName,
    /// An option between two `,` is empty, or is a bare `+`/`-`.
    EmptyOption,
    /// A CPU name the architecture's database does not have.
    UnknownCpu {
        /// The name given.
        name: String,
        /// The architecture searched.
        arch: Arch,
        /// The closest known name.
        suggestion: Option<String>,
        /// The other architecture, when the name is one of its CPUs.
        other_arch: Option<Arch>,
    },
    /// A feature name the architecture's database does not have.
    UnknownFeature {
        /// The name given.
        name: String,
        /// The architecture searched.
        arch: Arch,
        /// The closest feature or option name.
        suggestion: Option<String>,
        /// The other architecture, when the name is one of its features.
        other_arch: Option<Arch>,
    },
    /// `base(...)` without a decimal index inside.
    InvalidBase {
        /// The option as written.
        text: String,
    },
    /// Target 0 has `base(n)`: there is no earlier target.
    BaseOnFirstTarget,
    /// `base(n)` names this target or a later one.
    BaseNotEarlier {
        /// The index given.
        base: usize,
    },
    /// `base(n)` names a target that is not `clone_all`, so it does not hold every
    /// function a partial clone may fall back to.
    BaseNotCloneAll {
        /// The index given.
        base: usize,
    },
    /// An option that cannot be disabled was written with `-`.
    NegatedOption {
        /// The option, without the sign.
        option: String,
    },
    /// Two options that exclude each other.
    Conflict {
        /// The earlier option.
        first: String,
        /// The later option.
        second: String,
    },
    /// `tune=` without a CPU name (or with spaces in it).
    InvalidTune {
        /// The option as written.
        text: String,
    },
    /// `help` was given; mvimg lists CPUs with `mvimg cpus` instead.
    Help,
    /// A list built from values has a name the text form cannot hold (empty, with
    /// `,` or `;`, or with surrounding spaces), so it would not read back the same.
    NotRepresentable,
    /// `native` was used but no description of the build host was given.
    NativeUnavailable,
    /// `native` was used for another architecture than the build host's.
    NativeArchMismatch {
        /// The list's architecture.
        arch: Arch,
        /// The host's architecture.
        host: Arch,
    },
}

impl TargetListError {
    /// A two-line excerpt of the input with a caret under the offending text.
    pub fn snippet(&self) -> String {
        let start = self.span.start.min(self.input.len());
        let width = self.input[start..self.span.end.clamp(start, self.input.len())]
            .chars()
            .count()
            .max(1);
        let pad = self.input[..start].chars().count();
        format!(
            "  {}\n  {}{}",
            self.input,
            " ".repeat(pad),
            "^".repeat(width)
        )
    }
}

impl fmt::Display for TargetListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid target list {:?}, column {} (target {}): ",
            self.input,
            self.span.start + 1,
            self.target
        )?;
        match &self.problem {
            Problem::EmptyList => f.write_str(
                "the list is empty; give at least one target, e.g. `generic`",
            ),
            Problem::EmptyTarget => {
                f.write_str("empty target; remove the extra `;` or put a CPU name there")
            }
            Problem::EmptyCpuName => {
                f.write_str("the target has options but no CPU name; start it with a CPU or `generic`")
            }
            Problem::EmptyOption => f.write_str("empty option; remove the extra `,` or sign"),
            Problem::UnknownCpu {
                name,
                arch,
                suggestion,
                other_arch,
            } => {
                write!(f, "unknown {arch} CPU `{name}`")?;
                if let Some(other) = other_arch {
                    write!(
                        f,
                        " (it is an {other} CPU, and this list is read for {arch}: `mvimg build` \
                         reads it for the inputs' triple, so give it {other} IR or \
                         `--target {other}-unknown-linux-gnu`; the other commands take `--arch {other}`)"
                    )?;
                }
                did_you_mean(f, suggestion)?;
                if suggestion.is_none() && other_arch.is_none() {
                    write!(f, "; `mvimg cpus --arch {arch}` lists the known CPUs")?;
                }
                Ok(())
            }
            Problem::UnknownFeature {
                name,
                arch,
                suggestion,
                other_arch,
            } => {
                write!(f, "unknown {arch} feature `{name}`")?;
                if let Some(other) = other_arch {
                    write!(f, " (it is an {other} feature, not an {arch} one)")?;
                }
                did_you_mean(f, suggestion)
            }
            Problem::InvalidBase { text } => write!(
                f,
                "`{text}` is not a base option; write `base(N)` with N the index of an earlier clone_all target"
            ),
            Problem::BaseOnFirstTarget => {
                f.write_str("target 0 cannot have a base: there is no earlier target")
            }
            Problem::BaseNotEarlier { base } => write!(
                f,
                "base({base}) must name an earlier target (0 to {})",
                self.target.saturating_sub(1)
            ),
            Problem::BaseNotCloneAll { base } => write!(
                f,
                "base({base}) must name a clone_all target (or target 0); add `clone_all` to target {base}"
            ),
            Problem::NegatedOption { option } => {
                write!(f, "`{option}` cannot be disabled; remove the `-`")
            }
            Problem::Conflict { first, second } => {
                write!(f, "`{second}` conflicts with `{first}`; keep one of them")
            }
            Problem::InvalidTune { text } => write!(
                f,
                "`{text}` names no CPU; write `tune=CPU` with a CPU of `mvimg cpus` (`tune=znver4`)"
            ),
            Problem::Help => f.write_str(
                "`help` is not a target; run `mvimg cpus` to list CPUs and their features",
            ),
            Problem::NotRepresentable => f.write_str(
                "a CPU or feature name is empty or holds `,`, `;` or surrounding spaces, so the list has no text form",
            ),
            Problem::NativeUnavailable => f.write_str(
                "`native` needs a description of the build host, and none was given",
            ),
            Problem::NativeArchMismatch { arch, host } => write!(
                f,
                "`native` means the build host, an {host} machine, but the list is for {arch}"
            ),
        }
    }
}

/// Why a node description cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum NodeProblem {
    /// The file or directory cannot be read.
    Unreadable {
        /// The operating system's reason.
        reason: String,
    },
    /// A directory holds no node files.
    EmptyDirectory,
    /// The text is not a CPU description mvimg reads.
    Description {
        /// What the reader said.
        reason: String,
    },
    /// `*N` or a `count` field that is not a whole number of at least 1.
    BadCount {
        /// The count as written.
        text: String,
    },
    /// `cpu:NAME` names no CPU of either database.
    UnknownCpu {
        /// The name.
        name: String,
        /// The closest CPU name.
        suggestion: Option<String>,
    },
    /// `cpu:NAME` names a CPU of both architectures.
    AmbiguousCpu {
        /// The name.
        name: String,
    },
    /// An architecture prefix (`cpu:ARCH:NAME`) mvimg does not know.
    UnknownArch {
        /// The prefix.
        name: String,
    },
    /// A feature change names a feature the CPU's architecture does not have,
    /// or is not written `+feat`/`-feat`.
    BadFeature {
        /// The item as written.
        item: String,
        /// The closest feature name.
        suggestion: Option<String>,
    },
}

/// A node that cannot be read: which one, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NodeError {
    /// The node as given (a path or `cpu:` text).
    pub node: String,
    /// What is wrong.
    pub problem: NodeProblem,
}

impl fmt::Display for NodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "fleet node `{}`: ", self.node)?;
        let suggest = |f: &mut fmt::Formatter<'_>, s: &Option<String>| match s {
            Some(s) => write!(f, "; did you mean `{s}`?"),
            None => Ok(()),
        };
        match &self.problem {
            NodeProblem::Unreadable { reason } => write!(
                f,
                "cannot be read ({reason}); a node is a file (`mvimg host --json` output, \
                 /proc/cpuinfo, a CPUID dump, `sysctl hw` output), a directory of them, or \
                 `cpu:NAME[,+feat,-feat]`"
            ),
            NodeProblem::EmptyDirectory => {
                f.write_str("the directory holds no node files (hidden files are skipped)")
            }
            NodeProblem::Description { reason } => f.write_str(reason),
            NodeProblem::BadCount { text } => write!(
                f,
                "the count `{text}` is not a whole number of at least 1 (write `NODE*64`)"
            ),
            NodeProblem::UnknownCpu { name, suggestion } => {
                write!(f, "no x86_64 or aarch64 CPU is called `{name}`")?;
                suggest(f, suggestion)?;
                f.write_str(" (`mvimg cpus --arch A` lists them)")
            }
            NodeProblem::AmbiguousCpu { name } => write!(
                f,
                "`{name}` is a CPU of both x86_64 and aarch64; write `cpu:x86_64:{name}` \
                 or `cpu:aarch64:{name}`"
            ),
            NodeProblem::UnknownArch { name } => {
                write!(f, "unknown architecture `{name}` (known: x86_64, aarch64)")
            }
            NodeProblem::BadFeature { item, suggestion } => {
                write!(
                    f,
                    "`{item}` is not a feature change of this CPU's architecture \
                     (write `+feat` or `-feat` with LLVM's feature names)"
                )?;
                suggest(f, suggestion)
            }
        }
    }
}
