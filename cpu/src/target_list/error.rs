//! Problems of a target list's text (and where they are).

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::arch::Arch;
use crate::suggest::did_you_mean;

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
