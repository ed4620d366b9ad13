//! Why a fleet cannot be planned, or a node description used.

use std::fmt;

use serde::Serialize;

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
