//! Fleets: the nodes of a heterogeneous cluster ([`Node`]), the target list
//! planned for them ([`plan`]) and what each node selects from an image's
//! targets ([`check`]). docs/FLEET.md describes the rules.

pub(crate) mod error;
mod node;
mod plan;

use std::fmt;

use serde::Serialize;

use crate::error::{Error, NoRunnableTarget};
use crate::feature::FeatureSet;
use crate::select::{select, SelectOptions, Selection, VectorWidth};
use crate::target_list::ResolvedTargets;

pub use crate::error::{NodeError, NodeProblem};
pub use node::Node;
pub use plan::{plan, ArchPlan, Cost, FleetPlan, Merge, NodePlan, PlanOptions};

/// What one node selects from an image's targets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NodeCheck {
    /// The node's name.
    pub node: String,
    /// How many nodes are like it.
    pub count: u32,
    /// Its CPU name.
    pub cpu: String,
    /// The selection, or why no target runs on it.
    pub outcome: Outcome,
}

/// A node's selection, or the refusal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// The node runs this target.
    Runs {
        /// The selection, with the reason for every other target.
        selection: Selection,
        /// Vector, FMA, AVX-512 or SVE features the node has that the
        /// selected target does not use: a target of the node's own class
        /// would run faster.
        slower: Vec<String>,
        /// The target's vector width.
        vector_width: VectorWidth,
        /// The node's vector width.
        node_vector_width: VectorWidth,
    },
    /// No target can run on the node: the image would be refused there.
    Refused(Box<NoRunnableTarget>),
    /// The node is of another architecture than the image.
    OtherArch {
        /// The node's architecture.
        arch: String,
    },
}

/// Which of `targets` each node selects, by the same rule the image's init
/// uses. Nodes of another architecture are reported, not errors.
pub fn check(targets: &ResolvedTargets, nodes: &[Node]) -> Result<FleetCheck, crate::Error> {
    let db = targets.arch.database();
    let nodes = nodes
        .iter()
        .map(|node| {
            let outcome = if node.arch() != targets.arch {
                Outcome::OtherArch {
                    arch: node.arch().to_string(),
                }
            } else {
                match select(targets, &node.host, &SelectOptions::default()) {
                    Ok(selection) => {
                        let target = &targets.targets[selection.index];
                        let lost = node
                            .host
                            .features
                            .intersection(&db.matched())
                            .difference(&target.isa_features());
                        let (width, node_width) = (
                            VectorWidth::of(&target.features),
                            VectorWidth::of(&node.host.features),
                        );
                        let mut slower = FeatureSet::empty(targets.arch);
                        slower.extend(lost.iter().filter(|f| plan::is_vector_or_fma(*f)));
                        Outcome::Runs {
                            selection,
                            slower: slower.names().into_iter().map(str::to_owned).collect(),
                            vector_width: width,
                            node_vector_width: node_width,
                        }
                    }
                    Err(Error::NoRunnableTarget(e)) => Outcome::Refused(e),
                    Err(e) => return Err(e),
                }
            };
            Ok(NodeCheck {
                node: node.name.clone(),
                count: node.count,
                cpu: node.host.name.clone(),
                outcome,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(FleetCheck {
        list: targets.to_string(),
        nodes,
    })
}

/// What every node of a fleet selects from one image's targets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FleetCheck {
    /// The image's target list.
    pub list: String,
    /// Each node.
    pub nodes: Vec<NodeCheck>,
}

impl FleetCheck {
    /// Whether every node of the image's architecture can run it.
    pub fn runs_everywhere(&self) -> bool {
        self.nodes
            .iter()
            .all(|n| !matches!(n.outcome, Outcome::Refused(_)))
    }
}

impl fmt::Display for FleetCheck {
    /// A paragraph per node: the target it selects and why not each other,
    /// or why it cannot run the image; warnings for slower vector code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "target list: {}", self.list)?;
        for n in &self.nodes {
            let times = if n.count == 1 {
                String::new()
            } else {
                format!(" ×{}", n.count)
            };
            match &n.outcome {
                Outcome::Runs {
                    selection,
                    slower,
                    vector_width,
                    node_vector_width,
                } => {
                    writeln!(
                        f,
                        "{}{times} ({}) selects target {} ({}), {} vectors",
                        n.node, n.cpu, selection.index, selection.name, vector_width
                    )?;
                    f.write_str(&selection.rejection_lines())?;
                    if !slower.is_empty() {
                        writeln!(
                            f,
                            "  warning: the node has {} ({} vectors) that target {} does not use; \
                             a target for its own CPU would be faster (`mvimg fleet plan`)",
                            slower.join(","),
                            node_vector_width,
                            selection.index
                        )?;
                    }
                }
                Outcome::Refused(e) => {
                    writeln!(f, "{}{times} ({}) CANNOT RUN the image: {e}", n.node, n.cpu)?;
                }
                Outcome::OtherArch { arch } => {
                    writeln!(
                        f,
                        "{}{times} ({}) is {arch}: not checked against this image",
                        n.node, n.cpu
                    )?;
                }
            }
        }
        Ok(())
    }
}

impl NodeCheck {
    /// Whether the node can run the image.
    pub fn runs(&self) -> bool {
        matches!(self.outcome, Outcome::Runs { .. })
    }
}
