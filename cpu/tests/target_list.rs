//! The target-list language: every error the issue lists, with its position and
//! suggestion; round trips; resolution against the generated database.

use mvimg_cpu::{
    default_target_list, Arch, CloneCategory, CpuName, Error, FeatureOp, Os, Problem,
    ResolvedTargets, TargetList, TargetSpec,
};

fn parse_err(list: &str) -> mvimg_cpu::TargetListError {
    match list.parse::<TargetList>() {
        Ok(parsed) => panic!("{list:?} parsed as {parsed}"),
        Err(Error::TargetList(e)) => *e,
        Err(other) => panic!("{list:?}: unexpected error {other}"),
    }
}

fn resolve_err(list: &str, arch: Arch) -> mvimg_cpu::TargetListError {
    let parsed: TargetList = list.parse().expect("parses");
    match parsed.resolve(arch, None) {
        Ok(resolved) => panic!("{list:?} resolved as {resolved}"),
        Err(Error::TargetList(e)) => *e,
        Err(other) => panic!("{list:?}: unexpected error {other}"),
    }
}

fn resolve(list: &str, arch: Arch) -> ResolvedTargets {
    list.parse::<TargetList>()
        .unwrap_or_else(|e| panic!("{list:?}: {e}"))
        .resolve(arch, None)
        .unwrap_or_else(|e| panic!("{list:?}: {e}"))
}

fn names(set: &mvimg_cpu::FeatureSet) -> Vec<&'static str> {
    set.names()
}

#[test]
fn empty_list() {
    for list in ["", "   "] {
        let e = parse_err(list);
        assert_eq!(e.problem, Problem::EmptyList);
        assert_eq!(e.span.start, 0);
        assert!(e.to_string().contains("the list is empty"), "{e}");
    }
}

#[test]
fn misspelt_cpu_gets_a_suggestion() {
    let e = resolve_err("haswel", Arch::X86_64);
    assert_eq!(e.span, 0..6);
    assert_eq!(e.target, 0);
    match &e.problem {
        Problem::UnknownCpu {
            name, suggestion, ..
        } => {
            assert_eq!(name, "haswel");
            assert_eq!(suggestion.as_deref(), Some("haswell"));
        }
        other => panic!("{other:?}"),
    }
    let text = e.to_string();
    assert!(
        text.contains("column 1") && text.contains("did you mean `haswell`"),
        "{text}"
    );
    // The position is that of the target, not of the list.
    let e = resolve_err("generic;skylake,+avx2;Haswell", Arch::X86_64);
    assert_eq!(e.span, 22..29);
    assert_eq!(e.target, 2);
    assert!(e.to_string().contains("did you mean `haswell`"), "{e}");
}

#[test]
fn unknown_feature() {
    let e = resolve_err("haswell,+avx9", Arch::X86_64);
    assert_eq!(e.span, 9..13, "the span covers the name, not the sign");
    match &e.problem {
        Problem::UnknownFeature {
            name, other_arch, ..
        } => {
            assert_eq!(name, "avx9");
            assert_eq!(*other_arch, None);
        }
        other => panic!("{other:?}"),
    }
    assert!(e.snippet().ends_with("         ^^^^"), "{}", e.snippet());
    // A misspelt option written bare is matched against the option words too.
    let e = resolve_err("generic;haswell,clone-all", Arch::X86_64);
    match &e.problem {
        Problem::UnknownFeature { suggestion, .. } => {
            assert_eq!(suggestion.as_deref(), Some("clone_all"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn empty_target() {
    let e = parse_err("generic;;haswell");
    assert_eq!(e.problem, Problem::EmptyTarget);
    assert_eq!((e.span.clone(), e.target), (8..8, 1));
    let e = parse_err("generic;haswell;");
    assert_eq!(
        (e.problem.clone(), e.target, e.span.start),
        (Problem::EmptyTarget, 2, 16)
    );
    assert_eq!(parse_err(";generic").problem, Problem::EmptyTarget);
    assert_eq!(parse_err("generic;,+avx2").problem, Problem::EmptyCpuName);
    assert_eq!(parse_err("haswell,,+avx2").problem, Problem::EmptyOption);
    assert_eq!(parse_err("haswell,+").problem, Problem::EmptyOption);
}

#[test]
fn base_must_name_an_earlier_target() {
    let e = parse_err("generic;haswell,base(2)");
    assert_eq!(e.problem, Problem::BaseNotEarlier { base: 2 });
    assert_eq!((e.span.clone(), e.target), (16..23, 1));
    assert!(e.to_string().contains("earlier target (0 to 0)"), "{e}");
    assert_eq!(
        parse_err("generic;haswell,base(1)").problem,
        Problem::BaseNotEarlier { base: 1 }
    );
    assert_eq!(
        parse_err("generic,base(0)").problem,
        Problem::BaseOnFirstTarget
    );
}

#[test]
fn base_must_be_clone_all() {
    let e = parse_err("generic;sandybridge;haswell,base(1)");
    assert_eq!(e.problem, Problem::BaseNotCloneAll { base: 1 });
    assert!(e.to_string().contains("add `clone_all` to target 1"), "{e}");
    assert_eq!(
        parse_err("generic;sandybridge,-clone_all;haswell,base(1)").problem,
        Problem::BaseNotCloneAll { base: 1 }
    );
    // Target 0 holds everything, so base(0) is always fine.
    assert!("generic;haswell,base(0)".parse::<TargetList>().is_ok());
}

#[test]
fn malformed_base() {
    for (list, text) in [
        ("generic;haswell,base(x)", "base(x)"),
        ("generic;haswell,base()", "base()"),
        ("generic;haswell,base(1", "base(1"),
        ("generic;haswell,base1", "base1"),
        ("generic;haswell,base(-1)", "base(-1)"),
        (
            "generic;haswell,base(99999999999999999999999)",
            "base(99999999999999999999999)",
        ),
    ] {
        let e = parse_err(list);
        assert_eq!(
            e.problem,
            Problem::InvalidBase {
                text: text.to_owned()
            },
            "{list}"
        );
        assert_eq!(e.span.start, 16, "{list}");
    }
    assert_eq!(
        parse_err("generic;sandybridge,clone_all;haswell,-base(1)").problem,
        Problem::NegatedOption {
            option: "base(1)".into()
        }
    );
}

#[test]
fn conflicting_options() {
    let e = parse_err("generic;haswell,opt_size,min_size");
    assert_eq!(
        e.problem,
        Problem::Conflict {
            first: "opt_size".into(),
            second: "min_size".into()
        }
    );
    assert_eq!(e.span, 25..33);
    assert_eq!(
        parse_err("haswell,+avx2,-avx2").problem,
        Problem::Conflict {
            first: "+avx2".into(),
            second: "-avx2".into()
        }
    );
    assert_eq!(
        parse_err("generic;haswell,clone_all,-clone_all").problem,
        Problem::Conflict {
            first: "clone_all".into(),
            second: "-clone_all".into()
        }
    );
    assert_eq!(
        parse_err("generic;haswell,-opt_size").problem,
        Problem::NegatedOption {
            option: "opt_size".into()
        }
    );
    assert_eq!(parse_err("haswell,help").problem, Problem::Help);
    assert_eq!(parse_err("help").problem, Problem::Help);
}

#[test]
fn feature_of_the_other_architecture() {
    let e = resolve_err("neoverse-n1,+avx2", Arch::Aarch64);
    match &e.problem {
        Problem::UnknownFeature {
            name,
            arch,
            other_arch,
            ..
        } => {
            assert_eq!(
                (name.as_str(), *arch, *other_arch),
                ("avx2", Arch::Aarch64, Some(Arch::X86_64))
            )
        }
        other => panic!("{other:?}"),
    }
    assert!(e.to_string().contains("it is an x86_64 feature"), "{e}");
    let e = resolve_err("generic;neoverse-n1", Arch::X86_64);
    match &e.problem {
        Problem::UnknownCpu { other_arch, .. } => assert_eq!(*other_arch, Some(Arch::Aarch64)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn native_needs_a_host() {
    let e = resolve_err("generic;native", Arch::X86_64);
    assert_eq!(
        (e.problem.clone(), e.span.clone()),
        (Problem::NativeUnavailable, 8..14)
    );
}

#[test]
fn native_follows_the_host() {
    let db = Arch::X86_64.database();
    // A Skylake-AVX512 whose OS does not enable AVX-512 state: LLVM reports the
    // AVX-512 features as absent.
    let host = mvimg_cpu::Host::from_llvm_report(
        Arch::X86_64,
        "skylake-avx512",
        "+avx2,+fma,-avx512f,-avx512bw,-avx512dq,-avx512vl,-avx512cd,+x87",
    )
    .unwrap();
    let resolved: ResolvedTargets = "native"
        .parse::<TargetList>()
        .unwrap()
        .resolve(Arch::X86_64, Some(&host))
        .unwrap();
    let t = &resolved.targets[0];
    assert_eq!(t.llvm_cpu, "skylake-avx512");
    assert!(t.features.contains(db.feature("avx2").unwrap()));
    assert!(!t.features.contains(db.feature("avx512f").unwrap()));
    assert!(t.llvm_features.contains("-avx512f"), "{}", t.llvm_features);
    // Features the report did not mention keep the CPU's value.
    assert!(t.features.contains(db.feature("clwb").unwrap()));
    let aarch64_host =
        mvimg_cpu::Host::from_llvm_report(Arch::Aarch64, "neoverse-n1", "+neon").unwrap();
    let e = "native"
        .parse::<TargetList>()
        .unwrap()
        .resolve(Arch::X86_64, Some(&aarch64_host))
        .unwrap_err();
    assert!(matches!(
        e.as_target_list().unwrap().problem,
        Problem::NativeArchMismatch {
            arch: Arch::X86_64,
            host: Arch::Aarch64
        }
    ));
}

#[test]
fn whitespace_and_bare_features_normalize() {
    let list: TargetList = " generic ; haswell , avx512f , -rdrnd ,base(0) "
        .parse()
        .unwrap();
    assert_eq!(list.to_string(), "generic;haswell,+avx512f,-rdrnd,base(0)");
    let list: TargetList = "generic;haswell,min_size,+avx2,avx2,clone_all"
        .parse()
        .unwrap();
    assert_eq!(list.to_string(), "generic;haswell,+avx2,clone_all,min_size");
}

/// A deterministic generator of valid lists, so the round trip covers many shapes.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn random_list(rng: &mut Lcg, arch: Arch) -> String {
    let db = arch.database();
    let cpus: Vec<&str> = db.cpu_names().collect();
    let features: Vec<_> = db.features().collect();
    let count = 1 + rng.below(6);
    let mut clone_all = vec![false; count];
    let mut targets = Vec::new();
    for (i, flag) in clone_all.iter_mut().enumerate() {
        let mut parts = vec![match rng.below(10) {
            0 => "generic".to_owned(),
            _ => cpus[rng.below(cpus.len())].to_owned(),
        }];
        let mut used = Vec::new();
        for _ in 0..rng.below(4) {
            let f = features[rng.below(features.len())];
            if used.contains(&f) {
                continue;
            }
            used.push(f);
            let sign = ["+", "-", ""][rng.below(3)];
            parts.push(format!("{sign}{}", f.name()));
        }
        match rng.below(4) {
            0 => {
                parts.push("clone_all".into());
                *flag = true;
            }
            1 if i > 0 => parts.push("-clone_all".into()),
            _ => {}
        }
        targets.push((parts, i));
    }
    let mut out = Vec::new();
    for (mut parts, i) in targets {
        if i > 0 && rng.below(2) == 0 {
            let eligible: Vec<usize> = (0..i).filter(|&b| b == 0 || clone_all[b]).collect();
            parts.push(format!("base({})", eligible[rng.below(eligible.len())]));
        }
        match rng.below(5) {
            0 => parts.push("opt_size".into()),
            1 => parts.push("min_size".into()),
            _ => {}
        }
        if rng.below(4) == 0 {
            parts.push(format!("tune={}", cpus[rng.below(cpus.len())]));
        }
        // Scramble the option order and spacing; the normal form undoes it.
        let cpu = parts.remove(0);
        let n = parts.len();
        for k in 0..n {
            parts.swap(k, rng.below(n));
        }
        parts.insert(0, cpu);
        out.push(parts.join(if rng.below(3) == 0 { " , " } else { "," }));
    }
    out.join(";")
}

#[test]
fn display_round_trips_over_many_lists() {
    let mut rng = Lcg(0x5eed);
    let mut resolved_ok = 0;
    for round in 0..2000 {
        let arch = Arch::ALL[round % 2];
        let text = random_list(&mut rng, arch);
        let parsed: TargetList = text.parse().unwrap_or_else(|e| panic!("{text:?}: {e}"));
        let normal = parsed.to_string();
        let reparsed: TargetList = normal.parse().unwrap_or_else(|e| panic!("{normal:?}: {e}"));
        assert_eq!(parsed, reparsed, "{text:?} -> {normal:?}");
        assert_eq!(
            reparsed.to_string(),
            normal,
            "the normal form is a fixed point"
        );
        let json = serde_json::to_string(&parsed).unwrap();
        let back: TargetList = serde_json::from_str(&json).unwrap();
        assert_eq!(back, parsed, "serde round trip of {normal:?}");
        match parsed.resolve(arch, None) {
            Ok(resolved) => {
                resolved_ok += 1;
                assert_eq!(resolved.normalized(), parsed);
                let json = serde_json::to_string(&resolved).unwrap();
                let back: ResolvedTargets = serde_json::from_str(&json).unwrap();
                assert_eq!(back, resolved);
            }
            // Every generated name comes from the database, and a partial
            // target takes its fallback's features: every list resolves.
            Err(e) => panic!("{normal:?}: {e}"),
        }
    }
    assert_eq!(resolved_ok, 2000, "every random list resolves");
}

#[test]
fn lists_built_from_values_are_checked() {
    let mut haswell = TargetSpec::new(CpuName::Named("haswell".into()));
    haswell.features.push(FeatureOp::new(false, "rdrnd"));
    haswell.base = Some(0);
    let list = TargetList::new(vec![TargetSpec::new(CpuName::Generic), haswell.clone()]).unwrap();
    assert_eq!(list.to_string(), "generic;haswell,-rdrnd,base(0)");
    haswell.base = Some(1);
    let e = TargetList::new(vec![TargetSpec::new(CpuName::Generic), haswell]).unwrap_err();
    assert!(matches!(
        e.as_target_list().unwrap().problem,
        Problem::BaseNotEarlier { base: 1 }
    ));
    let bad = TargetSpec::new(CpuName::Named("haswell;generic".into()));
    let e = TargetList::new(vec![bad]).unwrap_err();
    assert_eq!(
        e.as_target_list().unwrap().problem,
        Problem::NotRepresentable
    );
    let e = serde_json::from_str::<TargetList>(
        r#"{"targets":[{"cpu":"generic","features":[],"clone_all":null,"base":3,"size":null}]}"#,
    )
    .unwrap_err();
    assert!(e.to_string().contains("target 0 cannot have a base"), "{e}");
}

#[test]
fn default_x86_64_list() {
    assert_eq!(
        default_target_list(Arch::X86_64, Os::Linux),
        "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1);x86-64-v4,+pclmul,-rdrnd,base(1)"
    );
    let r = resolve(default_target_list(Arch::X86_64, Os::Linux), Arch::X86_64);
    let db = Arch::X86_64.database();
    let has = |i: usize, f: &str| r.targets[i].features.contains(db.feature(f).unwrap());
    assert_eq!(r.targets[0].llvm_cpu, "x86-64");
    assert_eq!(r.targets[0].llvm_features, "");
    assert!(has(0, "sse2") && !has(0, "sse3") && !has(0, "cx16"));
    assert_eq!(
        (
            r.targets[1].llvm_cpu.as_str(),
            r.targets[1].llvm_features.as_str()
        ),
        ("sandybridge", "-xsaveopt")
    );
    assert!(has(1, "avx") && !has(1, "xsaveopt") && !has(1, "avx2"));
    assert!(r.targets[1].clone.contains(CloneCategory::All));
    assert_eq!(
        (r.targets[2].llvm_features.as_str(), r.targets[2].base),
        ("-rdrnd", Some(1))
    );
    assert!(has(2, "avx2") && has(2, "fma") && !has(2, "rdrnd"));
    let cats = |i: usize| r.targets[i].clone.iter().collect::<Vec<_>>();
    use CloneCategory::*;
    assert_eq!(cats(2), [Loop, Cpu, Math, Simd]);
    assert_eq!(cats(3), [Loop, Cpu, Math, Simd]);
    assert!(has(3, "avx512f") && has(3, "avx512bw") && has(3, "avx512vl") && has(3, "avx512dq"));
    assert!(!has(3, "avx512fp16"));
    // x86-64-v4 has no rdrnd of its own, so -rdrnd changes nothing LLVM
    // sees; it needs pclmul, which its sandybridge fallback has.
    assert_eq!(r.targets[3].llvm_features, "+pclmul");
    assert_eq!(
        names(&r.added(&r.targets[1])).len(),
        11,
        "{:?}",
        names(&r.added(&r.targets[1]))
    );
}

#[test]
fn default_aarch64_lists() {
    let linux = default_target_list(Arch::Aarch64, Os::Linux);
    assert_eq!(
        linux,
        "generic;cortex-a57;thunderx2t99;carmel,clone_all;apple-m1,base(3);neoverse-512tvb,-rand,-fpac,base(3)"
    );
    assert_eq!(default_target_list(Arch::Aarch64, Os::Windows), linux);
    assert_eq!(
        default_target_list(Arch::Aarch64, Os::Macos),
        "generic;apple-m1,clone_all"
    );
    let r = resolve(linux, Arch::Aarch64);
    let db = Arch::Aarch64.database();
    let has = |i: usize, f: &str| r.targets[i].features.contains(db.feature(f).unwrap());
    use CloneCategory::*;
    let cats = |i: usize| r.targets[i].clone.iter().collect::<Vec<_>>();
    assert!(has(0, "neon") && has(0, "fp-armv8"));
    assert_eq!(
        cats(1),
        [Loop, Cpu],
        "cortex-a57 brings no new vector features"
    );
    assert_eq!(cats(2), [Loop, Cpu, Simd], "thunderx2t99 brings rdm");
    assert_eq!(cats(3), [All]);
    // apple-m1 is an alias of apple-a14: kept as written, canonical for LLVM.
    assert_eq!(
        (r.targets[4].name.as_str(), r.targets[4].llvm_cpu.as_str()),
        ("apple-m1", "apple-a14")
    );
    assert_eq!(cats(4), [Loop, Cpu, Simd, Float16]);
    assert_eq!(cats(5), [Loop, Cpu, Simd, Float16, Bfloat16]);
    assert!(has(5, "sve") && !has(5, "rand") && !has(5, "fpac"));
    assert_eq!(r.targets[5].llvm_features, "-fpac,-rand");
    let mac = resolve(default_target_list(Arch::Aarch64, Os::Macos), Arch::Aarch64);
    assert_eq!(mac.targets.len(), 2);
    assert!(mac.targets[1].clone_all);
}

#[test]
fn disabling_removes_dependents() {
    let r = resolve("haswell,-avx", Arch::X86_64);
    let t = &r.targets[0];
    for gone in ["avx", "avx2", "fma", "f16c"] {
        assert!(!names(&t.features).contains(&gone), "{gone} should be gone");
    }
    for kept in ["sse4.2", "popcnt", "bmi2"] {
        assert!(names(&t.features).contains(&kept), "{kept} should stay");
    }
    // Disables win over enables, whatever the order written.
    let r = resolve("generic,-avx,+avx2", Arch::X86_64);
    assert!(!names(&r.targets[0].features).contains(&"avx2"));
    // Enabling pulls in what the feature implies.
    let r = resolve("generic,+avx512bw", Arch::X86_64);
    for implied in ["avx512f", "avx2", "avx", "sse4.2"] {
        assert!(
            names(&r.targets[0].features).contains(&implied),
            "{implied}"
        );
    }
}

#[test]
fn categories_follow_new_features() {
    use CloneCategory::*;
    let r = resolve(
        "generic;sapphirerapids,clone_all;sapphirerapids,base(1)",
        Arch::X86_64,
    );
    assert_eq!(
        r.targets[2].clone.iter().collect::<Vec<_>>(),
        [Loop, Cpu],
        "nothing new vs itself"
    );
    let r = resolve(
        "generic;skylake,clone_all;sapphirerapids,base(1)",
        Arch::X86_64,
    );
    assert_eq!(
        r.targets[2].clone.iter().collect::<Vec<_>>(),
        [Loop, Cpu, Simd, Float16, Bfloat16]
    );
    let r = resolve("generic;bdver1", Arch::X86_64);
    assert!(r.targets[1].clone.contains(Math), "fma4 counts as math");
    // Julia's Xeon Phi rule, and its opt-out.
    let r = resolve("generic;knl", Arch::X86_64);
    assert!(r.targets[1].clone_all && r.targets[1].clone_all_implied);
    let r = resolve("generic;knl,-clone_all", Arch::X86_64);
    assert!(!r.targets[1].clone_all);
    let r = resolve("generic;neoverse-v1", Arch::Aarch64);
    assert_eq!(
        r.targets[1].clone.iter().collect::<Vec<_>>(),
        [Loop, Cpu, Simd, Float16, Bfloat16]
    );
    let r = resolve("generic;haswell,opt_size", Arch::X86_64);
    assert_eq!(r.targets[1].size, Some(mvimg_cpu::SizeGoal::OptSize));
}

#[test]
fn every_cpu_name_resolves() {
    for arch in Arch::ALL {
        let db = arch.database();
        for name in db.cpu_names() {
            let r = resolve(&format!("generic;{name}"), arch);
            let t = &r.targets[1];
            assert_eq!(
                t.llvm_features, "",
                "{name}: a plain CPU needs no feature string"
            );
            assert_eq!(t.features, t.cpu.llvm_features(), "{name}");
        }
    }
}

#[test]
fn tune_round_trips_resolves_and_is_checked() {
    // Parsed, printed back after the other options, resolved to LLVM's name.
    let list: TargetList = "generic; x86-64-v3 , tune=znver3 ,clone_all;x86-64-v4,tune=generic"
        .parse()
        .unwrap();
    assert_eq!(list.targets[1].tune.as_deref(), Some("znver3"));
    assert_eq!(
        list.to_string(),
        "generic;x86-64-v3,clone_all,tune=znver3;x86-64-v4,tune=generic"
    );
    assert_eq!(list.to_string().parse::<TargetList>().unwrap(), list);
    let resolved = list.resolve(Arch::X86_64, None).unwrap();
    let tunes: Vec<Option<&str>> = resolved
        .targets
        .iter()
        .map(|t| t.llvm_tune.as_deref())
        .collect();
    // `generic` (LLVM's x86-64) gets the level targets' default tuning.
    assert_eq!(tunes, [Some("generic"), Some("znver3"), Some("generic")]);
    // Tuning is not a feature: the targets need what they needed without it.
    let plain = resolve("generic;x86-64-v3,clone_all;x86-64-v4", Arch::X86_64);
    for (a, b) in resolved.targets.iter().zip(&plain.targets) {
        assert_eq!(a.features, b.features);
        assert_eq!(a.llvm_cpu, b.llvm_cpu);
        assert_eq!(a.llvm_features, b.llvm_features);
    }
    // An alias resolves to the CPU's name.
    let aliased = resolve("generic;x86-64-v3,tune=core-avx2", Arch::X86_64);
    assert_eq!(aliased.targets[1].llvm_tune.as_deref(), Some("haswell"));
    // The default: the x86_64 levels get LLVM's generic tuning, CPU-named
    // targets and AArch64 none (LLVM tunes for the CPU).
    let defaults = resolve(
        "generic;x86-64-v2;x86-64-v3;haswell;x86-64-v4;znver4",
        Arch::X86_64,
    );
    let tunes: Vec<Option<&str>> = defaults
        .targets
        .iter()
        .map(|t| t.llvm_tune.as_deref())
        .collect();
    assert_eq!(
        tunes,
        [
            Some("generic"),
            Some("generic"),
            Some("generic"),
            None,
            Some("generic"),
            None
        ]
    );
    assert!(resolve("generic;neoverse-n1", Arch::Aarch64)
        .targets
        .iter()
        .all(|t| t.llvm_tune.is_none()));
    let arm = resolve("generic;cortex-a57,tune=neoverse-n1", Arch::Aarch64);
    assert_eq!(arm.targets[1].llvm_tune.as_deref(), Some("neoverse-n1"));

    // A misspelt CPU: did-you-mean, pointing at the name.
    let e = resolve_err("generic;x86-64-v3,tune=znver33", Arch::X86_64);
    assert_eq!(e.target, 1);
    assert_eq!(&e.input[e.span.clone()], "znver33");
    match &e.problem {
        Problem::UnknownCpu { suggestion, .. } => {
            assert!(
                suggestion
                    .as_deref()
                    .is_some_and(|s| s.starts_with("znver")),
                "{e}"
            )
        }
        other => panic!("{other:?}"),
    }
    // A CPU of the other architecture says so.
    let e = resolve_err("generic;x86-64-v3,tune=neoverse-v2", Arch::X86_64);
    assert!(e.to_string().contains("aarch64"), "{e}");
    // Grammar: no name, a sign, two different tunings.
    for (text, problem) in [
        ("haswell,tune=", "InvalidTune"),
        ("haswell,tune= ", "InvalidTune"),
        ("haswell,-tune=znver3", "NegatedOption"),
        ("haswell,tune=znver3,tune=znver4", "Conflict"),
    ] {
        let e = parse_err(text);
        let found = format!("{:?}", e.problem);
        assert!(found.starts_with(problem), "{text}: {found}");
    }
    // The same tuning twice is one.
    let twice: TargetList = "haswell,tune=znver3,tune=znver3".parse().unwrap();
    assert_eq!(twice.to_string(), "haswell,tune=znver3");
}
