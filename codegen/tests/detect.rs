//! mvimg's own x86 feature detection (CPUID + XCR0 through the detection table)
//! against LLVM 22's `sys::getHostCPUFeatures` on this machine.

#[cfg(target_arch = "x86_64")]
#[test]
fn live_x86_features_agree_with_llvm() {
    use mvimg_cpu::detect::{x86_64_features, LiveCpuid};
    use mvimg_cpu::Arch;

    let db = Arch::X86_64.database();
    let ours = x86_64_features(&LiveCpuid);
    let report = mvimg_codegen::llvm_host_features();
    let mut compared = 0;
    let mut disagreements = Vec::new();
    let mut llvm_named = mvimg_cpu::FeatureSet::empty(Arch::X86_64);
    for item in report.split(',').filter(|s| !s.is_empty()) {
        let (sign, name) = item.split_at(1);
        let feature = db
            .feature(name)
            .unwrap_or_else(|| panic!("LLVM reports unknown feature {name}"));
        llvm_named.insert(feature);
        if !db.detectable().contains(feature) {
            // LLVM reports it but mvimg has no CPUID bit for it: a gap in the table.
            disagreements.push(format!("{item}: not in mvimg's detection table"));
            continue;
        }
        compared += 1;
        if ours.contains(feature) != (sign == "+") {
            disagreements.push(format!(
                "LLVM {item}, mvimg {}",
                if ours.contains(feature) { "+" } else { "-" }
            ));
        }
    }
    // Features mvimg detects that LLVM 22's report does not name at all; each is
    // explained: LLVM sets them through implication, not through a CPUID read.
    let extra: Vec<&str> = db.detectable().difference(&llvm_named).names();
    println!("compared {compared} features with LLVM; mvimg also detects {extra:?}");
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    assert!(compared >= 100, "only {compared} features compared");
    for name in &extra {
        assert!(
            ["x87", "evex512", "avx10.1-512", "avx10.2-512"].contains(name),
            "{name}: detected by mvimg but absent from LLVM's host report"
        );
    }
}

/// `mvimg host` on this machine: the same name as LLVM 22's getHostCPUName and,
/// over the features LLVM's report names and mvimg detects, the same answers.
#[test]
fn live_host_matches_llvm_name_and_features() {
    use mvimg_cpu::{Arch, Host};
    let ours = Host::detect().expect("this machine is detectable");
    let llvm = mvimg_codegen::llvm_host().unwrap();
    assert_eq!(ours.name, llvm.name, "{:?}", ours.source);
    let db = Arch::host().unwrap().database();
    let compared = llvm.checked.intersection(&db.detectable());
    let ours_in = ours.features.intersection(&compared);
    let llvm_in = llvm.features.intersection(&compared);
    println!(
        "name {} ({}); {} features compared, {} present",
        ours.name,
        ours.source.as_deref().unwrap_or(""),
        compared.len(),
        llvm_in.len()
    );
    assert_eq!(
        ours_in,
        llvm_in,
        "mvimg only: {}; LLVM only: {}",
        ours_in.difference(&llvm_in),
        llvm_in.difference(&ours_in)
    );
    assert!(compared.len() >= 100);
}
