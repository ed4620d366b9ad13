//! Target selection: eligibility by features, the preference order, the reasons
//! given for every other target, and the testing overrides.

use mvimg_cpu::select::{mask_host, ForceTarget, Preference, Reason};
use mvimg_cpu::{
    default_target_list, select, Arch, Host, Os, ResolvedTargets, SelectOptions, TargetList,
};

fn targets(list: &str, arch: Arch) -> ResolvedTargets {
    list.parse::<TargetList>()
        .unwrap()
        .resolve(arch, None)
        .unwrap()
}

fn host(arch: Arch, cpu: &str) -> Host {
    Host::from_cpu(arch.database().cpu(cpu).unwrap())
}

fn chosen(list: &str, arch: Arch, cpu: &str) -> usize {
    select(
        &targets(list, arch),
        &host(arch, cpu),
        &SelectOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{cpu}: {e}"))
    .index
}

#[test]
fn default_x86_64_list_on_known_cpus() {
    let list = default_target_list(Arch::X86_64, Os::Linux);
    for (cpu, expected) in [
        ("x86-64", 0),
        ("nehalem", 0),
        ("westmere", 0),
        ("sandybridge", 1),
        ("ivybridge", 1),
        ("haswell", 2),
        ("broadwell", 2),
        ("skylake", 2),
        // LLVM's haswell lists invpcid, which Zen 1 and 2 lack; it is privileged,
        // so matching ignores it.
        ("znver1", 2),
        ("znver2", 2),
        ("znver3", 2),
        ("skylake-avx512", 3),
        ("icelake-server", 3),
        ("sapphirerapids", 3),
        ("znver4", 3),
        ("znver5", 3),
        // The bare x86-64-v4 level has no pclmul (nor aes): the AVX-512
        // target needs pclmul, as its sandybridge fallback code may use it,
        // so such a host runs the baseline.
        ("x86-64-v4", 0),
        ("alderlake", 2),
    ] {
        assert_eq!(chosen(list, Arch::X86_64, cpu), expected, "{cpu}");
    }
}

#[test]
fn default_aarch64_list_on_known_cpus() {
    let list = default_target_list(Arch::Aarch64, Os::Linux);
    for (cpu, expected) in [
        ("generic", 0),
        ("cortex-a53", 1),
        ("cortex-a72", 1),
        ("thunderx2t99", 2),
        ("apple-m1", 4),
        ("neoverse-v1", 5),
    ] {
        assert_eq!(chosen(list, Arch::Aarch64, cpu), expected, "{cpu}");
    }
}

#[test]
fn every_rejection_is_explained() {
    let list = default_target_list(Arch::X86_64, Os::Linux);
    let selection = select(
        &targets(list, Arch::X86_64),
        &host(Arch::X86_64, "broadwell"),
        &SelectOptions::default(),
    )
    .unwrap();
    assert_eq!(selection.index, 2);
    assert_eq!(
        selection
            .rejected
            .iter()
            .map(|r| r.index)
            .collect::<Vec<_>>(),
        [0, 1, 3]
    );
    match &selection.rejected[2].reason {
        Reason::Missing { features } => {
            let names = features.names();
            assert!(
                names.contains(&"avx512f") && names.contains(&"avx512bw"),
                "{names:?}"
            );
            assert!(!names.contains(&"avx2"), "broadwell has avx2: {names:?}");
        }
        other => panic!("{other:?}"),
    }
    // On a haswell host, the haswell target also wins by name.
    let on_haswell = select(
        &targets(list, Arch::X86_64),
        &host(Arch::X86_64, "haswell"),
        &SelectOptions::default(),
    )
    .unwrap();
    assert_eq!(
        on_haswell.rejected[0].reason,
        Reason::Outranked {
            by: Preference::NameMatch
        }
    );
    assert!(matches!(
        selection.rejected[0].reason,
        Reason::Outranked {
            by: Preference::VectorWidth { .. }
        }
    ));
    assert!(matches!(
        selection.rejected[1].reason,
        Reason::Outranked {
            by: Preference::MoreFeatures { .. }
        }
    ));
}

#[test]
fn name_match_wins_then_width_then_count_then_later() {
    // An exact name match beats a target with more features.
    assert_eq!(
        chosen("generic;haswell;skylake", Arch::X86_64, "haswell"),
        1
    );
    // Equal features: the later target wins.
    let selection = select(
        &targets("generic;core-avx2;haswell", Arch::X86_64),
        &host(Arch::X86_64, "broadwell"),
        &SelectOptions::default(),
    )
    .unwrap();
    assert_eq!(selection.index, 2);
    assert_eq!(
        selection.rejected[1].reason,
        Reason::Outranked {
            by: Preference::LaterTarget
        }
    );
}

#[test]
fn no_eligible_target_lists_what_is_missing() {
    let e = select(
        &targets("haswell;skylake-avx512", Arch::X86_64),
        &host(Arch::X86_64, "nehalem"),
        &SelectOptions::default(),
    )
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("no target of the list can run on this host (nehalem"),
        "{e}"
    );
    assert!(
        e.contains("target 0 (haswell) needs") && e.contains("avx2"),
        "{e}"
    );
    assert!(
        e.contains("target 1 (skylake-avx512) needs") && e.contains("avx512f"),
        "{e}"
    );
    assert!(e.contains("the host has:") && e.contains("sse4.2"), "{e}");
}

#[test]
fn host_features_mask() {
    let list = default_target_list(Arch::X86_64, Os::Linux);
    let t = targets(list, Arch::X86_64);
    let zen4 = host(Arch::X86_64, "znver4");
    let options = |mask: &str| SelectOptions {
        force: None,
        host_features: Some(mask.to_owned()),
        ..SelectOptions::default()
    };
    assert_eq!(select(&t, &zen4, &options("-avx512f")).unwrap().index, 2);
    // Removing avx also removes avx2 and everything AVX-512: only SSE targets remain.
    assert_eq!(select(&t, &zen4, &options("-avx")).unwrap().index, 0);
    let masked = mask_host(&zen4, "-avx2").unwrap();
    assert!(
        !masked.features.names().contains(&"avx512f"),
        "avx512f implies avx2"
    );
    // A host that never reported x87 (LLVM's report does not) keeps it unknown,
    // so the mask does not make every target ineligible.
    let report =
        Host::from_llvm_report(Arch::X86_64, "znver4", "+avx512f,+avx2,+avx,+sse4.2").unwrap();
    assert!(!report.checked.names().contains(&"x87"));
    // Features the report did not mention (bmi2, movbe, ...) are not held against
    // the host, so haswell stays eligible.
    assert_eq!(select(&t, &report, &options("-avx512f")).unwrap().index, 2);
    let masked = mask_host(&report, "-avx512f").unwrap();
    assert!(!masked.checked.names().contains(&"x87"));
    // avx512bw implies avx512f, which the report did not name; removing avx2
    // removes both, and both become known-absent.
    let report = Host::from_llvm_report(Arch::X86_64, "znver4", "+avx512bw").unwrap();
    assert!(!report.checked.names().contains(&"avx512f"));
    let masked = mask_host(&report, "-avx2").unwrap();
    assert!(
        masked.checked.names().contains(&"avx512f"),
        "removed dependents become known"
    );
    assert!(!masked.features.names().contains(&"avx512bw"));
    let e = mask_host(&zen4, "-avx512").unwrap_err().to_string();
    assert!(e.contains("did you mean"), "{e}");
}

#[test]
fn forced_target() {
    let list = default_target_list(Arch::X86_64, Os::Linux);
    let t = targets(list, Arch::X86_64);
    let haswell = host(Arch::X86_64, "haswell");
    let force = |value: &str| SelectOptions {
        force: Some(ForceTarget::parse(value)),
        host_features: None,
        ..SelectOptions::default()
    };
    let s = select(&t, &haswell, &force("0")).unwrap();
    assert!(s.forced && s.index == 0);
    assert!(s.rejected.iter().any(|r| r.reason
        == Reason::Outranked {
            by: Preference::Forced
        }));
    assert_eq!(
        select(&t, &haswell, &force("sandybridge")).unwrap().index,
        1
    );
    let e = select(&t, &haswell, &force("3")).unwrap_err().to_string();
    assert!(e.contains("append `!`") && e.contains("avx512f"), "{e}");
    assert_eq!(select(&t, &haswell, &force("3!")).unwrap().index, 3);
    let e = select(&t, &haswell, &force("7")).unwrap_err().to_string();
    assert!(e.contains("no such target"), "{e}");
    // The errors carry their data.
    match select(&t, &haswell, &force("3")) {
        Err(mvimg_cpu::Error::ForcedTarget(e)) => match &e.problem {
            mvimg_cpu::ForcedTargetProblem::Ineligible { index, missing, .. } => {
                assert_eq!(*index, 3);
                assert!(missing.contains(&"avx512f".to_owned()), "{missing:?}");
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        select(&t, &haswell, &force("7")),
        Err(mvimg_cpu::Error::ForcedTarget(e))
            if matches!(&e.problem, mvimg_cpu::ForcedTargetProblem::NoSuchTarget { targets, .. } if targets.len() == 4)
    ));
    let aarch64 = Host::from_cpu(Arch::Aarch64.database().cpu("a64fx").unwrap());
    assert!(matches!(
        select(&t, &aarch64, &SelectOptions::default()),
        Err(mvimg_cpu::Error::ArchMismatch {
            host: Arch::Aarch64,
            targets: Arch::X86_64
        })
    ));
}

#[test]
fn selection_serializes() {
    let list = default_target_list(Arch::X86_64, Os::Linux);
    let s = select(
        &targets(list, Arch::X86_64),
        &host(Arch::X86_64, "haswell"),
        &SelectOptions::default(),
    )
    .unwrap();
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["index"], 2);
    assert_eq!(json["name"], "haswell");
    let back: mvimg_cpu::Selection = serde_json::from_value(json).unwrap();
    assert_eq!(back, s);
}

/// Every CPU of both databases against the default lists: the chosen target is
/// eligible, every rejection is true (a `Missing` target lacks exactly the
/// features it names; an `Outranked` target is eligible and loses by the rule it
/// names), and no eligible target outranks the chosen one. The choices are
/// compared with tests/data/select_defaults.txt (reviewed by hand; regenerate with
/// MVIMG_BLESS=1). The choices follow LLVM 22's CPU definitions, quirks included:
/// its amdfam10 lacks mmx (so not even `generic` fits), its apple-m4 lacks ssbs
/// (so the apple-m1 target does not fit), its Armv9 Cortex and Neoverse N2/V2
/// cores lack the optional crypto extensions (so cortex-a57 does not fit).
#[test]
fn default_lists_over_every_database_cpu() {
    use mvimg_cpu::select::{missing_features, VectorWidth};
    let mut table = String::new();
    for (arch, os) in [
        (Arch::X86_64, Os::Linux),
        (Arch::Aarch64, Os::Linux),
        (Arch::Aarch64, Os::Macos),
    ] {
        let list = default_target_list(arch, os);
        let resolved = targets(list, arch);
        let db = arch.database();
        table.push_str(&format!("# {arch} {os}: {list}\n"));
        for cpu in db.cpus() {
            let host = Host::from_cpu(cpu);
            let needs =
                |t: &mvimg_cpu::ResolvedTarget| t.isa_features().intersection(&db.matched());
            let eligible = |t: &mvimg_cpu::ResolvedTarget| needs(t).is_subset(&host.features);
            let Ok(selection) = select(&resolved, &host, &SelectOptions::default()) else {
                // Only CPUs below the baseline may have no target.
                assert!(
                    !eligible(&resolved.targets[0]),
                    "{}: no target but generic fits",
                    cpu.name()
                );
                table.push_str(&format!("{} -\n", cpu.name()));
                continue;
            };
            let chosen = &resolved.targets[selection.index];
            assert!(
                eligible(chosen),
                "{}: chose an ineligible target",
                cpu.name()
            );
            let width = |t: &mvimg_cpu::ResolvedTarget| VectorWidth::of(&t.features);
            for r in &selection.rejected {
                let t = &resolved.targets[r.index];
                match &r.reason {
                    Reason::Missing { features } => {
                        assert!(
                            !eligible(t) && !features.is_empty(),
                            "{}: #{}",
                            cpu.name(),
                            r.index
                        );
                        assert_eq!(
                            *features,
                            needs(t).difference(&host.features),
                            "{}: #{}",
                            cpu.name(),
                            r.index
                        );
                        assert_eq!(*features, missing_features(t, &host));
                    }
                    Reason::Outranked { by } => {
                        assert!(
                            eligible(t),
                            "{}: #{} outranked but ineligible",
                            cpu.name(),
                            r.index
                        );
                        match by {
                            Preference::NameMatch => assert_eq!(chosen.llvm_cpu, cpu.name()),
                            Preference::VectorWidth { .. } => assert!(width(chosen) > width(t)),
                            Preference::MoreFeatures { .. } => {
                                assert_eq!(width(chosen), width(t));
                                assert!(needs(chosen).len() > needs(t).len());
                            }
                            Preference::LaterTarget => assert!(chosen.index > t.index),
                            Preference::Forced => panic!("nothing was forced"),
                        }
                    }
                }
            }
            table.push_str(&format!("{} {}\n", cpu.name(), selection.index));
        }
    }
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/select_defaults.txt");
    if std::env::var_os("MVIMG_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &table).unwrap();
    }
    let expected = std::fs::read_to_string(&path).expect("tests/data/select_defaults.txt");
    assert_eq!(
        table, expected,
        "choices changed; review and regenerate with MVIMG_BLESS=1"
    );
}

/// The rule the image's init walks: in `static_order`, the first eligible
/// target naming the host's CPU, else the first eligible one — equal to
/// `select` for every database CPU as the host, on lists where the name
/// match and the ranking keys decide.
#[test]
fn static_order_walk_equals_select_for_every_database_cpu() {
    use mvimg_cpu::select::Reason;
    let lists = [
        (Arch::X86_64, default_target_list(Arch::X86_64, Os::Linux)),
        (
            Arch::X86_64,
            "generic;core2;nehalem;x86-64-v2;sandybridge;x86-64-v3;haswell;znver1;znver2;\
             skylake-avx512;x86-64-v4;icelake-server;znver4;alderlake;sapphirerapids",
        ),
        (Arch::Aarch64, default_target_list(Arch::Aarch64, Os::Linux)),
        (
            Arch::Aarch64,
            "generic;cortex-a53;cortex-a72;cortex-a76;neoverse-n1;cortex-x1;neoverse-v1;\
             a64fx;neoverse-n2;neoverse-v2;apple-m1;apple-m2",
        ),
    ];
    let mut by_name = 0;
    for (arch, list) in lists {
        let targets = targets(list, arch);
        let order = mvimg_cpu::static_order(&targets);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..targets.targets.len()).collect::<Vec<_>>());
        for cpu in arch.database().cpus() {
            let host = Host::from_cpu(cpu);
            let Ok(selection) = select(&targets, &host, &SelectOptions::default()) else {
                continue;
            };
            let eligible = |t: usize| {
                !selection
                    .rejected
                    .iter()
                    .any(|r| r.index == t && matches!(r.reason, Reason::Missing { .. }))
            };
            let names_host = |t: usize| {
                let target = &targets.targets[t];
                target.spec.cpu.to_string() != "generic" && target.cpu == cpu
            };
            let walked = order
                .iter()
                .copied()
                .filter(|&t| eligible(t))
                .find(|&t| names_host(t))
                .or_else(|| order.iter().copied().find(|&t| eligible(t)))
                .unwrap();
            assert_eq!(walked, selection.index, "{list} on {}", cpu.name());
            if names_host(walked) && walked != order.iter().copied().find(|&t| eligible(t)).unwrap()
            {
                by_name += 1;
            }
        }
    }
    // Hosts where the name match overrides the ranking keys were met.
    assert!(by_name > 0, "no host where the name match decided");
}
