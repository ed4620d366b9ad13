//! Planning a target list for a fleet (docs/FLEET.md): target 0 is what every
//! node has; each class of nodes (same CPU name, same features) gets a target
//! for exactly its CPU and features; `--max-targets` merges classes where the
//! nodes lose least. Selection is [`crate::select`]'s, run on the resolved
//! list, so what the plan says each node runs is what the image's init picks.

use std::cmp::Reverse;

use serde::Serialize;

use crate::arch::Arch;
use crate::db::Cpu;
use crate::error::{Error, FleetProblem};
use crate::feature::{Feature, FeatureSet};
use crate::fleet::Node;
use crate::select::{select, SelectOptions, VectorWidth};
use crate::target_list::{CpuName, FeatureOp, ResolvedTargets, TargetList, TargetSpec};
use crate::x86_64;

/// What to plan for.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct PlanOptions {
    /// Plan only this architecture's nodes (default: every architecture
    /// present).
    pub arch: Option<Arch>,
    /// At most this many targets per list, target 0 included (default: one
    /// per class of nodes, plus target 0).
    pub max_targets: Option<usize>,
}

impl PlanOptions {
    /// Plans every architecture, one target per class.
    pub fn new() -> PlanOptions {
        PlanOptions::default()
    }

    /// Only `arch`'s nodes.
    pub fn arch(mut self, arch: Arch) -> PlanOptions {
        self.arch = Some(arch);
        self
    }

    /// At most `n` targets per list.
    pub fn max_targets(mut self, n: usize) -> PlanOptions {
        self.max_targets = Some(n);
        self
    }
}

/// The plan for a fleet: one target list per architecture present.
#[derive(Clone, Debug, Serialize)]
pub struct FleetPlan {
    /// One entry per architecture, x86_64 first.
    pub arches: Vec<ArchPlan>,
}

/// The plan for one architecture's nodes.
#[derive(Clone, Debug, Serialize)]
pub struct ArchPlan {
    /// The architecture.
    pub arch: Arch,
    /// The target list.
    #[serde(serialize_with = "as_text")]
    pub list: TargetList,
    /// The list, resolved.
    #[serde(skip)]
    pub targets: ResolvedTargets,
    /// Each node: the target it selects and what it lacks or loses.
    pub nodes: Vec<NodePlan>,
    /// The merges `max_targets` made, in the order made.
    pub merges: Vec<Merge>,
}

fn as_text<S: serde::Serializer>(list: &TargetList, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&list.to_string())
}

/// One node of a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NodePlan {
    /// The node's name.
    pub node: String,
    /// How many nodes are like it.
    pub count: u32,
    /// Its CPU name.
    pub cpu: String,
    /// The target it selects.
    pub target: usize,
    /// That target as written in the list.
    pub target_spec: String,
    /// Features its CPU has (by LLVM's definition of the name) that the node
    /// lacks: what a hypervisor or a BIOS hides.
    pub lacks: Vec<String>,
    /// Features the node has that its target does not use (after merges, or
    /// for the nodes target 0 serves).
    pub loses: Vec<String>,
    /// The vector width of the target it runs.
    pub vector_width: VectorWidth,
    /// The node's own vector width.
    pub node_vector_width: VectorWidth,
}

/// Two targets made one (or one dropped) to meet `max_targets`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Merge {
    /// The targets merged, as written before the merge.
    pub merged: Vec<String>,
    /// The target they became (`None`: dropped; their nodes run another).
    pub into: Option<String>,
    /// The features lost, summed over nodes (each node counted `count` times):
    /// vector-width steps, FMA/AVX-512/SVE-family features, other features.
    pub cost: Cost,
}

/// What nodes lose when they run a target with fewer features than they have,
/// weighted by node count; compared in field order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Cost {
    /// Vector-width steps (128 to 256 bits is one, 128 to 512 two; SVE is one
    /// above NEON).
    pub vector_steps: u64,
    /// FMA, AVX-512 and SVE family features.
    pub wide_features: u64,
    /// Every other feature.
    pub other_features: u64,
}

impl std::ops::AddAssign for Cost {
    fn add_assign(&mut self, o: Cost) {
        self.vector_steps += o.vector_steps;
        self.wide_features += o.wide_features;
        self.other_features += o.other_features;
    }
}

fn width_rank(w: VectorWidth) -> u64 {
    match w {
        VectorWidth::Fixed(bits) => u64::from(bits / 128).ilog2().into(),
        VectorWidth::Scalable => 1,
    }
}

/// Whether losing `feature` costs like losing vector width's companions: FMA,
/// AVX-512 and SVE families.
pub(super) fn is_wide(feature: Feature) -> bool {
    let name = feature.name();
    match feature.arch() {
        Arch::X86_64 => name == "fma" || name.starts_with("avx512"),
        Arch::Aarch64 => name.starts_with("sve"),
    }
}

/// Whether a node running a target without `feature` runs slower vector
/// code: the wide families, and x86 AVX and AVX2.
pub(super) fn is_vector_or_fma(feature: Feature) -> bool {
    is_wide(feature)
        || matches!(
            (feature.arch(), feature.name()),
            (Arch::X86_64, "avx" | "avx2")
        )
}

/// What a node with `has` loses running a target with `runs` (matched features).
fn cost_of(has: &FeatureSet, runs: &FeatureSet, count: u32) -> Cost {
    let lost = has.difference(runs);
    let wide = lost.iter().filter(|f| is_wide(*f)).count() as u64;
    let steps = width_rank(VectorWidth::of(has)).saturating_sub(width_rank(VectorWidth::of(runs)));
    let count = u64::from(count);
    Cost {
        vector_steps: steps * count,
        wide_features: wide * count,
        other_features: (lost.len() as u64 - wide) * count,
    }
}

/// The matched features a node has.
fn node_features(node: &Node) -> FeatureSet {
    let db = node.arch().database();
    node.host.features.intersection(&db.matched())
}

/// The database CPU a node's name stands for, else the best by its features.
fn node_cpu(node: &Node) -> Cpu {
    let db = node.arch().database();
    db.cpu(&node.host.name)
        .or_else(|| db.cpu(db.best_by_features(&node_features(node))))
        .unwrap_or_else(|| db.baseline())
}

/// A class of nodes: one target, for a CPU name and exactly these features.
#[derive(Clone, Debug)]
struct Class {
    cpu: Cpu,
    features: FeatureSet,
    /// Nodes (indices into the arch's nodes).
    members: Vec<usize>,
    weight: u64,
}

/// The CPU of most of `members` (by node count; ties to the first).
fn heaviest_cpu(nodes: &[&Node], members: &[usize]) -> Cpu {
    let mut weights: Vec<(Cpu, u64)> = Vec::new();
    for &m in members {
        let cpu = node_cpu(nodes[m]);
        match weights.iter_mut().find(|(c, _)| *c == cpu) {
            Some((_, w)) => *w += u64::from(nodes[m].count),
            None => weights.push((cpu, u64::from(nodes[m].count))),
        }
    }
    weights
        .iter()
        .rev()
        .max_by_key(|(_, w)| *w)
        .map(|(c, _)| *c)
        .expect("a class has a node")
}

/// The spec of a target for `cpu` with exactly the matched `features`:
/// `+feat` for what the CPU lacks, `-feat` for what it has beyond; a feature
/// implied by another one written is left out.
fn spec_for(cpu: Cpu, features: &FeatureSet) -> TargetSpec {
    let db = cpu.arch().database();
    // `generic` in a list is the baseline CPU, whatever the database calls
    // its own `generic` CPU.
    let (name, start) = if cpu == db.baseline() || cpu.name() == "generic" {
        (CpuName::Generic, db.baseline().llvm_features())
    } else {
        (CpuName::Named(cpu.name().to_owned()), cpu.llvm_features())
    };
    let added = features.difference(&start);
    let removed = start.intersection(&db.matched()).difference(features);
    let mut ops = Vec::new();
    for f in added.iter() {
        if !added.iter().any(|g| g != f && g.implies().contains(f)) {
            ops.push(FeatureOp::new(true, f.name()));
        }
    }
    for f in removed.iter() {
        if !removed.iter().any(|g| g != f && f.implies().contains(g)) {
            ops.push(FeatureOp::new(false, f.name()));
        }
    }
    let mut spec = TargetSpec::new(name);
    spec.features = ops;
    spec
}

/// The CPU of `candidates` whose matched features differ least from
/// `features` (fewest `+`/`-` changes); ties go to the first.
fn closest_cpu(candidates: impl IntoIterator<Item = Cpu>, features: &FeatureSet) -> Option<Cpu> {
    let db = features.arch().database();
    candidates.into_iter().min_by_key(|cpu| {
        let own = cpu.llvm_features().intersection(&db.matched());
        own.difference(features).len() + features.difference(&own).len()
    })
}

/// The list for target 0 (`common`) and `classes`, of which `clone_all` is
/// the `clone_all` one: bases and order (docs/FLEET.md).
fn list_of(
    common: &FeatureSet,
    t0_cpu: Cpu,
    classes: &[Class],
    clone_all: Option<usize>,
) -> Vec<TargetSpec> {
    let mut specs = vec![spec_for(t0_cpu, common)];
    let mut order: Vec<usize> = (0..classes.len()).collect();
    order.sort_by_key(|&i| {
        (
            Some(i) != clone_all,
            classes[i].features.len(),
            classes[i].cpu.name(),
        )
    });
    for i in order {
        let c = &classes[i];
        let mut spec = spec_for(c.cpu, &c.features);
        if Some(i) == clone_all {
            spec.clone_all = Some(true);
        } else if let Some(b) = clone_all {
            if classes[b].features.is_subset(&c.features) {
                spec.base = Some(1);
            }
        }
        specs.push(spec);
    }
    specs
}

/// x86_64: the first AVX class (when target 0 lacks AVX) is `clone_all` — the
/// one whose features the most nodes' classes contain, then the smallest — so
/// that every function of an AVX node is VEX-encoded code; AArch64: none.
fn choose_clone_all(arch: Arch, common: &FeatureSet, classes: &[Class]) -> Option<usize> {
    if arch != Arch::X86_64 || common.contains(x86_64::AVX) {
        return None;
    }
    let avx: Vec<usize> = (0..classes.len())
        .filter(|&i| classes[i].features.contains(x86_64::AVX))
        .collect();
    avx.iter().copied().max_by_key(|&i| {
        let covered: u64 = avx
            .iter()
            .filter(|&&j| classes[i].features.is_subset(&classes[j].features))
            .map(|&j| classes[j].weight)
            .sum();
        (covered, Reverse(classes[i].features.len()), Reverse(i))
    })
}

struct Realized {
    list: TargetList,
    targets: ResolvedTargets,
    /// For each node: the target index it selects.
    selected: Vec<usize>,
    cost: Cost,
}

fn realize(
    arch: Arch,
    nodes: &[&Node],
    common: &FeatureSet,
    t0_cpu: Cpu,
    classes: &[Class],
) -> Result<Realized, Error> {
    let clone_all = choose_clone_all(arch, common, classes);
    let list = TargetList::new(list_of(common, t0_cpu, classes, clone_all))?;
    let targets = list.resolve(arch, None)?;
    let db = arch.database();
    let mut selected = Vec::with_capacity(nodes.len());
    let mut cost = Cost::default();
    for node in nodes {
        let s = select(&targets, &node.host, &SelectOptions::default())?;
        let runs = targets.targets[s.index]
            .isa_features()
            .intersection(&db.matched());
        cost += cost_of(&node_features(node), &runs, node.count);
        selected.push(s.index);
    }
    Ok(Realized {
        list,
        targets,
        selected,
        cost,
    })
}

/// Plans a target list per architecture for `nodes`.
///
/// ```
/// use mvimg_cpu::fleet::{plan, Node, PlanOptions};
///
/// # fn main() -> Result<(), mvimg_cpu::Error> {
/// // A mixed cluster: 40 Haswell nodes, 8 Sapphire Rapids, 16 Neoverse N1
/// // (a node is also read from its /proc/cpuinfo or a CPUID dump).
/// let mut nodes = Node::read("cpu:haswell*40")?;
/// nodes.extend(Node::read("cpu:sapphirerapids*8")?);
/// nodes.extend(Node::read("cpu:aarch64:neoverse-n1*16")?);
/// let planned = plan(&nodes, &PlanOptions::new())?;
/// // One list per architecture, x86_64 first. Target 0 is what every node
/// // of the architecture runs (here the Haswell nodes' class, not
/// // `generic`), and each class of nodes gets its own target.
/// assert_eq!(planned.arches.len(), 2);
/// for arch in &planned.arches {
///     println!("{}: {}", arch.arch, arch.list);
/// }
/// assert_eq!(planned.arches[0].list.to_string(), "haswell;sapphirerapids");
/// assert!(planned.arches[1].list.to_string().contains("neoverse-n1"));
/// # Ok(()) }
/// ```
pub fn plan(nodes: &[Node], options: &PlanOptions) -> Result<FleetPlan, Error> {
    if options.max_targets == Some(0) {
        return Err(Error::Fleet(FleetProblem::MaxTargetsZero));
    }
    if nodes.is_empty() {
        return Err(Error::Fleet(FleetProblem::NoNodes));
    }
    let mut arches = Vec::new();
    for arch in [Arch::X86_64, Arch::Aarch64] {
        if options.arch.is_some_and(|a| a != arch) {
            continue;
        }
        let of_arch: Vec<&Node> = nodes.iter().filter(|n| n.arch() == arch).collect();
        if of_arch.is_empty() {
            continue;
        }
        arches.push(plan_arch(arch, &of_arch, options.max_targets)?);
    }
    if arches.is_empty() {
        let wanted = options.arch.map_or("any".to_owned(), |a| a.to_string());
        return Err(Error::Fleet(FleetProblem::NoNodesForArch {
            arch: wanted,
            present: nodes
                .iter()
                .map(|n| n.arch().to_string())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect(),
        }));
    }
    Ok(FleetPlan { arches })
}

fn plan_arch(arch: Arch, nodes: &[&Node], max_targets: Option<usize>) -> Result<ArchPlan, Error> {
    let db = arch.database();
    let common = nodes
        .iter()
        .map(|n| node_features(n))
        .reduce(|a, b| a.intersection(&b))
        .unwrap_or_else(|| FeatureSet::empty(arch));
    // Classes: one per feature set, named after the CPU of most of its
    // nodes (a class of several CPUs has identical code for each).
    let mut classes: Vec<Class> = Vec::new();
    for (i, node) in nodes.iter().enumerate() {
        let features = node_features(node);
        match classes.iter_mut().find(|c| c.features == features) {
            Some(c) => {
                c.members.push(i);
                c.weight += u64::from(node.count);
            }
            None => classes.push(Class {
                cpu: node_cpu(node),
                features,
                members: vec![i],
                weight: u64::from(node.count),
            }),
        }
    }
    for c in &mut classes {
        c.cpu = heaviest_cpu(nodes, &c.members);
    }
    // Target 0 is named after the heaviest class with exactly the common
    // features, else the database CPU closest to them; that class needs no
    // target of its own.
    let t0_cpu = classes
        .iter()
        .filter(|c| c.features == common)
        .max_by_key(|c| c.weight)
        .map(|c| c.cpu)
        .or_else(|| db.cpu(db.best_by_features(&common)))
        .unwrap_or_else(|| db.baseline());
    classes.retain(|c| c.features != common);

    let mut merges = Vec::new();
    let limit = max_targets.unwrap_or(usize::MAX);
    let mut realized = realize(arch, nodes, &common, t0_cpu, &classes)?;
    // Selection prefers a target naming the host's CPU: a node whose CPU
    // names another, smaller class's target selects that one. Such nodes get
    // a class of their own, named after their CPU, which they then prefer
    // (same name, more features).
    for _ in 0..nodes.len() {
        let strays: Vec<usize> = (0..nodes.len())
            .filter(|&n| node_features(nodes[n]) != common)
            .filter(|&n| {
                let t = &realized.targets.targets[realized.selected[n]];
                t.isa_features().intersection(&db.matched()) != node_features(nodes[n])
            })
            .collect();
        if strays.is_empty() {
            break;
        }
        for n in strays {
            let (cpu, features) = (node_cpu(nodes[n]), node_features(nodes[n]));
            for c in &mut classes {
                if let Some(at) = c.members.iter().position(|&m| m == n) {
                    c.members.remove(at);
                    c.weight -= u64::from(nodes[n].count);
                }
            }
            match classes
                .iter_mut()
                .find(|c| c.cpu == cpu && c.features == features)
            {
                Some(c) => {
                    c.members.push(n);
                    c.weight += u64::from(nodes[n].count);
                }
                None => classes.push(Class {
                    cpu,
                    features,
                    members: vec![n],
                    weight: u64::from(nodes[n].count),
                }),
            }
        }
        classes.retain(|c| !c.members.is_empty());
        realized = realize(arch, nodes, &common, t0_cpu, &classes)?;
    }
    while classes.len() + 1 > limit {
        let mut best: Option<(Realized, Vec<Class>, Merge)> = None;
        let spec_text = |c: &Class| spec_for(c.cpu, &c.features).to_string();
        let mut consider = |candidate: Vec<Class>, merge: Merge| -> Result<(), Error> {
            let r = realize(arch, nodes, &common, t0_cpu, &candidate)?;
            if best.as_ref().is_none_or(|(b, _, _)| r.cost < b.cost) {
                let merge = Merge {
                    cost: r.cost,
                    ..merge
                };
                best = Some((r, candidate, merge));
            }
            Ok(())
        };
        for i in 0..classes.len() {
            // Drop class i: its nodes run what selection gives them.
            let mut dropped = classes.clone();
            let gone = dropped.remove(i);
            consider(
                dropped,
                Merge {
                    merged: vec![spec_text(&gone)],
                    into: None,
                    cost: Cost::default(),
                },
            )?;
            for j in i + 1..classes.len() {
                let (a, b) = (&classes[i], &classes[j]);
                let features = a.features.intersection(&b.features);
                let members: Vec<usize> = a.members.iter().chain(&b.members).copied().collect();
                let cpu = closest_cpu(members.iter().map(|&m| node_cpu(nodes[m])), &features)
                    .unwrap_or(a.cpu);
                let mut merged: Vec<Class> = classes
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != i && *k != j)
                    .map(|(_, c)| c.clone())
                    .collect();
                let into = Class {
                    cpu,
                    features,
                    members,
                    weight: a.weight + b.weight,
                };
                let into_text = spec_text(&into);
                if features != common {
                    match merged
                        .iter_mut()
                        .find(|c| c.cpu == cpu && c.features == features)
                    {
                        Some(same) => {
                            same.members.extend(&into.members);
                            same.weight += into.weight;
                        }
                        None => merged.push(into),
                    }
                }
                consider(
                    merged,
                    Merge {
                        merged: vec![spec_text(a), spec_text(b)],
                        into: (features != common).then_some(into_text),
                        cost: Cost::default(),
                    },
                )?;
            }
        }
        let (chosen_realized, chosen, merge) =
            best.expect("there is a class to merge while over the limit");
        classes = chosen;
        merges.push(merge);
        realized = chosen_realized;
    }

    let rows = nodes
        .iter()
        .zip(&realized.selected)
        .map(|(node, &t)| {
            let target = &realized.targets.targets[t];
            let has = node_features(node);
            let runs = target.isa_features().intersection(&db.matched());
            let own = node_cpu(node)
                .llvm_features()
                .intersection(&db.matched())
                .intersection(&node.host.checked);
            NodePlan {
                node: node.name.clone(),
                count: node.count,
                cpu: node.host.name.clone(),
                target: t,
                target_spec: target.spec.to_string(),
                lacks: names(&own.difference(&has)),
                loses: names(&has.difference(&runs)),
                vector_width: VectorWidth::of(&target.features),
                node_vector_width: VectorWidth::of(&node.host.features),
            }
        })
        .collect();
    Ok(ArchPlan {
        arch,
        list: realized.list,
        targets: realized.targets,
        nodes: rows,
        merges,
    })
}

fn names(set: &FeatureSet) -> Vec<String> {
    set.names().into_iter().map(str::to_owned).collect()
}

impl std::fmt::Display for FleetPlan {
    /// The lists, then per node: the target it selects, what it lacks of its
    /// own CPU, what it loses, and its vector width; then the merges.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, plan) in self.arches.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            let count: u64 = plan.nodes.iter().map(|n| u64::from(n.count)).sum();
            writeln!(
                f,
                "{}: {count} node{} ({} described), {} target{}:",
                plan.arch,
                if count == 1 { "" } else { "s" },
                plan.nodes.len(),
                plan.list.targets.len(),
                if plan.list.targets.len() == 1 {
                    ""
                } else {
                    "s"
                }
            )?;
            writeln!(f, "  {}", plan.list)?;
            let width = plan
                .nodes
                .iter()
                .map(|n| n.node.len())
                .max()
                .unwrap_or(4)
                .max(4);
            writeln!(
                f,
                "  {:<width$}  count  target  vectors          lacks of its CPU / loses",
                "node"
            )?;
            for n in &plan.nodes {
                let vectors = if n.vector_width == n.node_vector_width {
                    n.vector_width.to_string()
                } else {
                    format!("{} of {}", n.vector_width, n.node_vector_width)
                };
                let dash = |v: &[String]| {
                    if v.is_empty() {
                        "-".to_owned()
                    } else {
                        v.join(",")
                    }
                };
                writeln!(
                    f,
                    "  {:<width$}  {:>5}  {:>6}  {:<15}  {} / {}",
                    n.node,
                    n.count,
                    n.target,
                    vectors,
                    dash(&n.lacks),
                    dash(&n.loses)
                )?;
            }
            for m in &plan.merges {
                match &m.into {
                    Some(into) => write!(f, "  merged {} into {into}", m.merged.join(" and "))?,
                    None => write!(
                        f,
                        "  dropped {} (its nodes run the best target left)",
                        m.merged.join(" and ")
                    )?,
                }
                writeln!(
                    f,
                    "; the fleet then loses {} vector-width steps, {} FMA/AVX-512/SVE-family \
                     and {} other features (summed over nodes)",
                    m.cost.vector_steps, m.cost.wide_features, m.cost.other_features
                )?;
            }
        }
        Ok(())
    }
}
