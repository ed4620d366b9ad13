//! The error type of mvimg-cpu.

use std::fmt;

use serde::Serialize;

use crate::arch::Arch;
pub use crate::fleet::error::{FleetProblem, NodeError, NodeProblem};
use crate::suggest::did_you_mean;
pub use crate::target_list::error::{Problem, TargetListError};

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
