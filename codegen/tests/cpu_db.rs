//! The checked-in CPU database against the live LLVM 22, and target resolution
//! against LLVM's own subtarget: what mvimg says a target means is what LLVM does.

use std::path::Path;

use mvimg_codegen::cpu_tables;
use mvimg_cpu::{Arch, TargetList};
use mvimg_llvm_shim::Subtarget;

#[test]
fn checked_in_tables_match_live_llvm() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for arch in Arch::ALL {
        let live = cpu_tables::generate(arch).expect("LLVM tables");
        let path = root.join(cpu_tables::generated_path(arch));
        let checked_in = std::fs::read_to_string(&path).expect("generated table");
        if live != checked_in {
            let line = live
                .lines()
                .zip(checked_in.lines())
                .position(|(a, b)| a != b)
                .map_or_else(
                    || "the line counts differ".to_owned(),
                    |i| format!("first difference at line {}", i + 1),
                );
            panic!(
                "{} disagrees with LLVM {} ({line}); run `cargo run -p mvimg-codegen --bin mvimg-gen-cpu-db`",
                path.display(),
                mvimg_llvm_shim::llvm_version()
            );
        }
        let tables = cpu_tables::read_tables(arch).unwrap();
        println!(
            "{arch}: {} CPUs, {} aliases ({} names), {} features",
            tables.cpus.len(),
            tables.aliases.len(),
            tables.cpus.len() + tables.aliases.len(),
            tables.features.len()
        );
    }
}

/// Every name LLVM's x86 target parser accepts for 64-bit is in the database, and
/// nothing else is but MC-table names (underscore spellings, `generic`).
#[test]
fn every_parser_name_is_known() {
    let x86 = Arch::X86_64.database();
    for name in mvimg_llvm_shim::target_parser_cpus(mvimg_llvm_shim::ParserArch::X86_64) {
        assert!(x86.cpu(&name).is_some(), "x86_64 {name}");
    }
    let arm = Arch::Aarch64.database();
    for name in mvimg_llvm_shim::target_parser_cpus(mvimg_llvm_shim::ParserArch::Aarch64) {
        assert!(arm.cpu(&name).is_some(), "aarch64 {name}");
    }
}

fn llvm_view(arch: Arch, cpu: &str, features: &str) -> Vec<&'static str> {
    let mut names = Subtarget::new(arch.linux_triple(), cpu, features)
        .expect("subtarget")
        .feature_names();
    // Mode bits come from the triple, not the CPU; the database does not model them.
    names.retain(|n| !n.ends_with("-mode"));
    names.sort_unstable();
    names
}

fn assert_same(arch: Arch, list: &str) {
    let host = mvimg_codegen::llvm_host().ok().filter(|h| h.arch() == arch);
    let resolved = list
        .parse::<TargetList>()
        .unwrap()
        .resolve(arch, host.as_ref())
        .unwrap_or_else(|e| panic!("{e}"));
    for t in &resolved.targets {
        let mut ours = t.features.names();
        ours.retain(|n| !n.ends_with("-mode"));
        ours.sort_unstable();
        let theirs = llvm_view(arch, &t.llvm_cpu, &t.llvm_features);
        assert_eq!(
            ours, theirs,
            "{arch} target {} ({list}): mvimg's features differ from LLVM's for cpu={} features={}",
            t.index, t.llvm_cpu, t.llvm_features
        );
    }
}

#[test]
fn every_cpu_means_what_llvm_means() {
    for arch in Arch::ALL {
        for name in arch.database().cpu_names() {
            assert_same(arch, name);
        }
        assert_same(arch, "generic");
    }
}

#[test]
fn default_lists_mean_what_llvm_means() {
    for (arch, os) in [
        (Arch::X86_64, mvimg_cpu::Os::Linux),
        (Arch::Aarch64, mvimg_cpu::Os::Linux),
        (Arch::Aarch64, mvimg_cpu::Os::Macos),
    ] {
        assert_same(arch, mvimg_cpu::default_target_list(arch, os));
    }
}

/// Random `+feat`/`-feat` options on random CPUs: the feature string mvimg
/// computes makes LLVM arrive at exactly mvimg's feature set.
#[test]
fn feature_options_mean_what_llvm_means() {
    let mut state: u64 = 0x1234_5678;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % n as u64) as usize
    };
    let mut checked = 0;
    for arch in Arch::ALL {
        let db = arch.database();
        let cpus: Vec<&str> = db.cpu_names().collect();
        let features: Vec<&str> = db.features().map(|f| f.name()).collect();
        for _ in 0..300 {
            let mut target = cpus[next(cpus.len())].to_owned();
            let mut used = Vec::new();
            for _ in 0..1 + next(4) {
                let f = features[next(features.len())];
                if used.contains(&f) {
                    continue;
                }
                used.push(f);
                target.push_str(if next(2) == 0 { ",+" } else { ",-" });
                target.push_str(f);
            }
            assert_same(arch, &target);
            checked += 1;
        }
    }
    assert_eq!(checked, 600);
}

/// `native` resolves to what LLVM reports for this machine: every feature LLVM
/// says is present is in, every one it says is absent is out, and LLVM given
/// mvimg's strings arrives at mvimg's set.
#[test]
fn native_agrees_with_llvm_host_detection() {
    let host = mvimg_codegen::llvm_host().expect("host");
    let report = mvimg_codegen::llvm_host_features();
    let arch = host.arch();
    let resolved = "native"
        .parse::<TargetList>()
        .unwrap()
        .resolve(arch, Some(&host))
        .unwrap();
    let t = &resolved.targets[0];
    assert_eq!(t.name, mvimg_codegen::llvm_host_cpu_name());
    let db = arch.database();
    for item in report.split(',').filter(|s| !s.is_empty()) {
        let (sign, name) = item.split_at(1);
        let feature = db
            .feature(name)
            .unwrap_or_else(|| panic!("LLVM host feature {name}"));
        assert_eq!(
            t.features.contains(feature),
            sign == "+",
            "{item}: mvimg disagrees with LLVM's host report"
        );
    }
    assert_same(arch, "native");
}
