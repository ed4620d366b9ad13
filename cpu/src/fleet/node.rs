//! Fleet nodes: the CPU descriptions mvimg reads (`mvimg host --json` output,
//! `/proc/cpuinfo`, CPUID dumps, `sysctl hw`), database CPUs named
//! `cpu:NAME[,+feat,-feat]`, each with a count; a directory is a fleet.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::arch::Arch;
use crate::error::{Error, NodeError, NodeProblem};
use crate::feature::FeatureSet;
use crate::host::Host;
use crate::suggest::closest;

/// One kind of node of a cluster: a CPU description and how many nodes have it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Node {
    /// The name the node is reported under: its file name, or the `cpu:` text.
    pub name: String,
    /// The node's CPU.
    pub host: Host,
    /// How many nodes of the fleet are like it (at least 1).
    pub count: u32,
}

fn node_error(node: &str, problem: NodeProblem) -> Error {
    Error::Node(Box::new(NodeError {
        node: node.to_owned(),
        problem,
    }))
}

/// `text` less a trailing `*N`, and N (1 when absent).
fn split_count(node: &str, text: &str) -> Result<(String, u32), Error> {
    let Some((head, count)) = text.rsplit_once('*') else {
        return Ok((text.to_owned(), 1));
    };
    match count.parse::<u32>() {
        Ok(n) if n >= 1 => Ok((head.to_owned(), n)),
        _ => Err(node_error(
            node,
            NodeProblem::BadCount {
                text: count.to_owned(),
            },
        )),
    }
}

impl Node {
    /// Reads one node argument: `cpu:[ARCH:]NAME[,+feat,-feat]`, a file, or a
    /// directory of files (a node each, in name order; hidden files skipped),
    /// each optionally followed by `*N` (N nodes like it).
    pub fn read(spec: &str) -> Result<Vec<Node>, Error> {
        if let Some(rest) = spec.strip_prefix("cpu:") {
            let (text, count) = split_count(spec, rest)?;
            let host = database_node(spec, &text)?;
            return Ok(vec![Node {
                name: spec.to_owned(),
                host,
                count,
            }]);
        }
        // A path may hold `*`: the suffix is a count only when the path
        // without it exists and the whole does not.
        let (path, count) = if Path::new(spec).exists() {
            (spec.to_owned(), 1)
        } else {
            split_count(spec, spec)?
        };
        let path = Path::new(&path);
        let unreadable = |e: std::io::Error| {
            node_error(
                spec,
                NodeProblem::Unreadable {
                    reason: e.to_string(),
                },
            )
        };
        if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(path)
                .map_err(unreadable)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(unreadable)?
                .into_iter()
                .map(|e| e.path())
                .filter(|p| {
                    !p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| n.starts_with('.'))
                        && !p.is_dir()
                })
                .collect();
            files.sort();
            if files.is_empty() {
                return Err(node_error(spec, NodeProblem::EmptyDirectory));
            }
            return files
                .iter()
                .map(|f| {
                    let mut node = file_node(&f.display().to_string(), f)?;
                    node.count = node.count.saturating_mul(count);
                    Ok(node)
                })
                .collect();
        }
        let mut node = file_node(spec, path)?;
        node.count = node.count.saturating_mul(count);
        Ok(vec![node])
    }

    /// Reads every node argument in order (see [`Node::read`]).
    pub fn read_all<S: AsRef<str>>(specs: &[S]) -> Result<Vec<Node>, Error> {
        let mut nodes = Vec::new();
        for spec in specs {
            nodes.extend(Node::read(spec.as_ref())?);
        }
        Ok(nodes)
    }

    /// The node's architecture.
    pub fn arch(&self) -> Arch {
        self.host.arch()
    }
}

/// A node file: JSON from `mvimg host --json` (with an optional `count`), else
/// a text [`Host::from_text`] reads.
fn file_node(spec: &str, path: &Path) -> Result<Node, Error> {
    let bytes = std::fs::read(path).map_err(|e| {
        node_error(
            spec,
            NodeProblem::Unreadable {
                reason: e.to_string(),
            },
        )
    })?;
    let text = String::from_utf8_lossy(&bytes);
    let name = path
        .file_name()
        .map_or_else(|| spec.to_owned(), |n| n.to_string_lossy().into_owned());
    // `mvimg host --json` output may carry a count; Host::from_text reads
    // the rest.
    let mut count = 1;
    if text.trim_start().starts_with('{') {
        #[derive(Deserialize)]
        struct Counted {
            #[serde(default)]
            count: Option<serde_json::Value>,
        }
        if let Ok(Counted { count: Some(value) }) = serde_json::from_str::<Counted>(&text) {
            count = value
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| *n >= 1)
                .ok_or_else(|| {
                    node_error(
                        spec,
                        NodeProblem::BadCount {
                            text: value.to_string(),
                        },
                    )
                })?;
        }
    }
    let host = Host::from_text(&text, spec).map_err(|e| {
        node_error(
            spec,
            NodeProblem::Description {
                reason: e.to_string(),
            },
        )
    })?;
    Ok(Node { name, host, count })
}

/// `[ARCH:]NAME[,+feat,-feat]`: a database CPU with feature changes.
fn database_node(spec: &str, text: &str) -> Result<Host, Error> {
    let mut items = text.split(',');
    let first = items.next().unwrap_or_default();
    let (arch, name) = match first.split_once(':') {
        Some((arch, name)) => {
            let arch: Arch = arch.parse().map_err(|_| {
                node_error(
                    spec,
                    NodeProblem::UnknownArch {
                        name: arch.to_owned(),
                    },
                )
            })?;
            (Some(arch), name)
        }
        None => (None, first),
    };
    let found: Vec<_> = [Arch::X86_64, Arch::Aarch64]
        .into_iter()
        .filter(|a| arch.is_none_or(|want| want == *a))
        .filter_map(|a| a.database().cpu(name))
        .collect();
    let cpu = match found[..] {
        [cpu] => cpu,
        [] => {
            let candidates = [Arch::X86_64, Arch::Aarch64]
                .into_iter()
                .filter(|a| arch.is_none_or(|want| want == *a))
                .flat_map(|a| a.database().cpu_names());
            return Err(node_error(
                spec,
                NodeProblem::UnknownCpu {
                    name: name.to_owned(),
                    suggestion: closest(name, candidates).map(str::to_owned),
                },
            ));
        }
        _ => {
            return Err(node_error(
                spec,
                NodeProblem::AmbiguousCpu {
                    name: name.to_owned(),
                },
            ))
        }
    };
    let mut host = Host::from_cpu(cpu);
    let db = cpu.arch().database();
    for item in items {
        let bad = || {
            node_error(
                spec,
                NodeProblem::BadFeature {
                    item: item.to_owned(),
                    suggestion: closest(
                        item.trim_start_matches(['+', '-']),
                        db.features().map(|f| f.name()),
                    )
                    .map(str::to_owned),
                },
            )
        };
        let (enable, feature) = match item.split_at_checked(1) {
            Some(("+", rest)) => (true, db.feature(rest).ok_or_else(bad)?),
            Some(("-", rest)) => (false, db.feature(rest).ok_or_else(bad)?),
            _ => return Err(bad()),
        };
        host.features = if enable {
            let mut one = FeatureSet::empty(cpu.arch());
            one.insert(feature);
            db.closure(&host.features.union(&one))
        } else {
            db.remove_with_dependents(&host.features, feature)
        };
    }
    host.source = Some(format!(
        "{spec}: the features of LLVM's CPU {cpu}, as changed"
    ));
    Ok(host)
}
