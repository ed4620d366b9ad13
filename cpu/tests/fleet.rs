//! Fleets: reading nodes, planning lists for them (every node selects a
//! target with exactly its own features; target 0 runs everywhere; merges
//! keep every node eligible) and the never-selectable warning.

use mvimg_cpu::fleet::{check, plan, Node, NodeProblem, Outcome, PlanOptions};
use mvimg_cpu::{select, Arch, Error, FeatureSet, FleetProblem, SelectOptions, TargetList};
use proptest::prelude::*;

fn node(spec: &str) -> Node {
    let mut nodes = Node::read(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
    assert_eq!(nodes.len(), 1);
    nodes.pop().unwrap()
}

fn problem(spec: &str) -> NodeProblem {
    match Node::read(spec) {
        Err(Error::Node(e)) => {
            assert_eq!(e.node, spec);
            e.problem
        }
        other => panic!("{spec}: expected a node error, got {other:?}"),
    }
}

fn matched(arch: Arch, features: &FeatureSet) -> FeatureSet {
    features.intersection(&arch.database().matched())
}

#[test]
fn database_nodes_with_changes_and_counts() {
    let n = node("cpu:haswell,-avx2*16");
    assert_eq!(n.count, 16);
    assert_eq!(n.host.name, "haswell");
    let db = Arch::X86_64.database();
    assert!(!n.host.features.contains(db.feature("avx2").unwrap()));
    // -avx2 removes what needs it (LLVM's rule), keeps the rest.
    assert!(!n.host.features.contains(db.feature("avx512f").unwrap()));
    assert!(n.host.features.contains(db.feature("fma").unwrap()));
    let n = node("cpu:nehalem,+avx2");
    assert!(
        n.host.features.contains(db.feature("avx").unwrap()),
        "+avx2 implies avx"
    );
    assert_eq!(node("cpu:aarch64:a64fx").arch(), Arch::Aarch64);
    assert_eq!(node("cpu:x86_64:x86-64-v3").arch(), Arch::X86_64);
}

#[test]
fn bad_nodes_are_named_with_the_problem() {
    assert!(matches!(
        problem("cpu:haswel"),
        NodeProblem::UnknownCpu { suggestion: Some(s), .. } if s == "haswell"
    ));
    assert!(matches!(
        problem("cpu:generic"),
        NodeProblem::AmbiguousCpu { .. }
    ));
    assert!(matches!(
        problem("cpu:sparc:generic"),
        NodeProblem::UnknownArch { .. }
    ));
    assert!(matches!(
        problem("cpu:haswell,+avx3"),
        NodeProblem::BadFeature {
            suggestion: Some(_),
            ..
        }
    ));
    assert!(matches!(
        problem("cpu:haswell,avx2"),
        NodeProblem::BadFeature { .. }
    ));
    assert!(matches!(
        problem("cpu:haswell*0"),
        NodeProblem::BadCount { .. }
    ));
    assert!(matches!(
        problem("cpu:haswell*many"),
        NodeProblem::BadCount { .. }
    ));
    assert!(matches!(
        problem("/nonexistent/node.txt"),
        NodeProblem::Unreadable { .. }
    ));
    let dir = std::env::temp_dir().join(format!("mvimg-fleet-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    let empty = dir.join("empty").display().to_string();
    assert!(matches!(problem(&empty), NodeProblem::EmptyDirectory));
    // JSON: mvimg host --json with a count; a bad count and a bad feature.
    let json = dir.join("n.json");
    std::fs::write(
        &json,
        r#"{"arch":"x86_64","name":"haswell","vector_width":{"fixed":256},"level":"x86-64-v3","features":["avx2","fma"],"count":12}"#,
    )
    .unwrap();
    let n = node(&json.display().to_string());
    assert_eq!((n.count, n.host.name.as_str()), (12, "haswell"));
    assert!(n
        .host
        .features
        .contains(Arch::X86_64.database().feature("avx").unwrap()));
    let n = node(&format!("{}*2", json.display()));
    assert_eq!(n.count, 24, "a file's count times the suffix");
    std::fs::write(
        &json,
        r#"{"arch":"x86_64","name":"haswell","vector_width":{"fixed":256},"level":"x86-64-v3","features":["avx2"],"count":0}"#,
    )
    .unwrap();
    assert!(matches!(
        problem(&json.display().to_string()),
        NodeProblem::BadCount { .. }
    ));
    std::fs::write(
        &json,
        r#"{"arch":"x86_64","name":"haswell","vector_width":{"fixed":256},"level":"x86-64-v3","features":["avx9"]}"#,
    )
    .unwrap();
    assert!(matches!(
        problem(&json.display().to_string()),
        NodeProblem::Description { reason } if reason.contains("avx9")
    ));
    std::fs::write(&json, "this is no CPU description\n").unwrap();
    let e = Node::read(&json.display().to_string())
        .unwrap_err()
        .to_string();
    assert!(e.contains("n.json") && e.contains("cpuinfo"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_plans_are_refused() {
    let nodes = [node("cpu:haswell"), node("cpu:a64fx")];
    assert!(matches!(
        plan(&nodes, &PlanOptions::new().max_targets(0)),
        Err(Error::Fleet(FleetProblem::MaxTargetsZero))
    ));
    assert!(matches!(
        plan(&[], &PlanOptions::new()),
        Err(Error::Fleet(FleetProblem::NoNodes))
    ));
    let x86_only = [node("cpu:haswell")];
    let e = plan(&x86_only, &PlanOptions::new().arch(Arch::Aarch64)).unwrap_err();
    assert!(
        matches!(e, Error::Fleet(FleetProblem::NoNodesForArch { .. })),
        "{e}"
    );
    assert!(e.to_string().contains("x86_64"), "{e}");
    // Two architectures are two plans, not an error.
    let both = plan(&nodes, &PlanOptions::new()).unwrap();
    assert_eq!(both.arches.len(), 2);
}

/// Checks a plan's promises for `nodes`: the list resolves, no target is
/// unselectable, target 0 runs on every node, and (without merges) each node
/// selects a target whose features are exactly its own.
fn check_plan(nodes: &[Node], max_targets: Option<usize>) {
    let mut options = PlanOptions::new();
    options.max_targets = max_targets;
    let fleet = plan(nodes, &options).unwrap_or_else(|e| panic!("{e}"));
    for p in &fleet.arches {
        let arch = p.arch;
        let text = p.list.to_string();
        let resolved = text
            .parse::<TargetList>()
            .unwrap()
            .resolve(arch, None)
            .unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(resolved, p.targets, "{text}");
        assert_eq!(resolved.unselectable(), vec![], "{text}");
        if let Some(n) = max_targets {
            assert!(resolved.targets.len() <= n, "{text}");
        }
        let t0 = matched(arch, &resolved.targets[0].isa_features());
        let report = check(&resolved, nodes).unwrap();
        for (n, row) in nodes.iter().filter(|n| n.arch() == arch).zip(&p.nodes) {
            let own = matched(arch, &n.host.features);
            assert!(t0.is_subset(&own), "{text}: target 0 on {}", n.name);
            let s = select(&resolved, &n.host, &SelectOptions::default()).unwrap();
            assert_eq!(s.index, row.target, "{text}: {}", n.name);
            let runs = matched(arch, &resolved.targets[s.index].isa_features());
            assert!(
                runs.is_subset(&own),
                "{text}: {} runs a target it cannot",
                n.name
            );
            if max_targets.is_none() {
                assert_eq!(runs, own, "{text}: {} runs {}", n.name, s.name);
                assert!(row.loses.is_empty());
            } else {
                assert_eq!(row.loses, own.difference(&runs).names(), "{}", n.name);
            }
            let checked = report.nodes.iter().find(|c| c.node == n.name).unwrap();
            assert!(
                matches!(&checked.outcome, Outcome::Runs { selection, .. } if selection.index == s.index)
            );
        }
    }
}

#[test]
fn plans_for_every_pair_of_x86_levels_and_a_hidden_feature() {
    let nodes = [
        node("cpu:nehalem*40"),
        node("cpu:sandybridge*10"),
        node("cpu:haswell*30"),
        node("cpu:znver3,-xsaves*16"),
        node("cpu:znver3*4"),
        node("cpu:skylake-avx512*8"),
        node("cpu:cascadelake,-avx512f*8"),
        node("cpu:sapphirerapids*2"),
    ];
    check_plan(&nodes, None);
    let fleet = plan(&nodes, &PlanOptions::new()).unwrap();
    let list = fleet.arches[0].list.to_string();
    // The EPYC VM without xsaves gets a znver3 target without it.
    assert!(list.contains("znver3,-xsaves"), "{list}");
    assert!(list.starts_with("nehalem;"), "{list}");
    for n in 1..=8 {
        check_plan(&nodes, Some(n));
    }
    // Vector width is lost last: with 3 targets (target 0 and two), the
    // 256-bit nodes share one and the 512-bit ones another; every node keeps
    // its width and the merges say what features were given up.
    let merged = plan(&nodes, &PlanOptions::new().max_targets(3)).unwrap();
    let p = &merged.arches[0];
    for r in &p.nodes {
        assert_eq!(r.vector_width, r.node_vector_width, "{r:?}");
    }
    assert_eq!(p.merges.len(), 5, "7 classes to 2: {:?}", p.merges);
    assert!(p.merges.iter().all(|m| m.cost.vector_steps == 0));
    assert!(p.nodes.iter().any(|r| !r.loses.is_empty()));
}

#[test]
fn unselectable_targets_are_found() {
    let resolved = |l: &str| {
        l.parse::<TargetList>()
            .unwrap()
            .resolve(Arch::X86_64, None)
            .unwrap()
    };
    let u = resolved("generic;sandybridge;sandybridge").unselectable();
    assert_eq!(u.len(), 1);
    assert_eq!((u[0].index, u[0].preferred), (1, 2));
    assert!(
        u[0].to_string().contains("can never be selected"),
        "{}",
        u[0]
    );
    assert_eq!(
        resolved("generic;haswell,-rdrnd;haswell").unselectable(),
        vec![]
    );
    assert_eq!(
        resolved("generic;haswell;haswell,-rdrnd").unselectable(),
        vec![]
    );
    // The default lists have none.
    for (arch, os) in [
        (Arch::X86_64, mvimg_cpu::Os::Linux),
        (Arch::Aarch64, mvimg_cpu::Os::Linux),
        (Arch::Aarch64, mvimg_cpu::Os::Macos),
    ] {
        let list = mvimg_cpu::default_target_list(arch, os);
        let targets = list
            .parse::<TargetList>()
            .unwrap()
            .resolve(arch, None)
            .unwrap();
        assert_eq!(targets.unselectable(), vec![], "{list}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any fleet of database CPUs, some with a feature hidden, any count:
    /// the plan keeps its promises, merged or not.
    #[test]
    fn any_fleet_of_database_cpus(
        arch in prop_oneof![Just(Arch::X86_64), Just(Arch::Aarch64)],
        picks in proptest::collection::vec((0usize..1000, 0usize..1000, 1u32..50), 1..10),
        max in proptest::option::of(1usize..6),
    ) {
        let db = arch.database();
        let cpus: Vec<_> = db.cpus().collect();
        let hideable: Vec<_> = db.matched().iter().collect();
        let nodes: Vec<Node> = picks
            .iter()
            .map(|&(c, f, count)| {
                let cpu = cpus[c % cpus.len()];
                let mut spec = format!("cpu:{}:{}", arch, cpu.name());
                let hide = hideable[f % hideable.len()];
                if f % 3 == 0 && cpu.features().contains(hide) {
                    spec.push_str(&format!(",-{}", hide.name()));
                }
                let mut n = node(&format!("{spec}*{count}"));
                n.name = format!("{}#{}", n.name, c);
                n
            })
            .collect();
        check_plan(&nodes, max);
    }
}
