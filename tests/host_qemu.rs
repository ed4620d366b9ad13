//! `mvimg host` against LLVM 22's own host detection (`mvimg host --llvm`) on
//! emulated CPUs: both run under `qemu-x86_64 -cpu MODEL`, which answers CPUID
//! with the model's vendor, family, model and the features QEMU's TCG can run.
//! This checks mvimg's naming rules on many real family/model pairs, where the
//! build machine shows only one.

use std::collections::BTreeSet;
use std::process::Command;

fn describe(model: &str, llvm: bool) -> (String, BTreeSet<String>) {
    let mut args = vec!["-cpu", model, env!("CARGO_BIN_EXE_mvimg"), "host", "--json"];
    if llvm {
        args.push("--llvm");
    }
    let out = Command::new("qemu-x86_64")
        .args(&args)
        .output()
        .expect("qemu-x86_64 runs (ci/setup installs qemu-user)");
    assert!(
        out.status.success(),
        "{model}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let features = doc["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_owned())
        .collect();
    (doc["name"].as_str().unwrap().to_owned(), features)
}

#[cfg(target_arch = "x86_64")]
#[test]
fn emulated_cpus_are_named_and_detected_as_llvm_does() {
    let models = [
        "Conroe",
        "Penryn",
        "Nehalem",
        "Westmere",
        "SandyBridge",
        "IvyBridge",
        "Haswell",
        "Broadwell",
        "Skylake-Client",
        "Skylake-Server",
        "Cascadelake-Server",
        "Cooperlake",
        "Icelake-Server",
        "KnightsMill",
        "Denverton",
        "Snowridge",
        "Opteron_G1",
        "Opteron_G2",
        "Opteron_G3",
        "Opteron_G4",
        "Opteron_G5",
        "EPYC",
        "EPYC-Rome",
        "EPYC-Milan",
        "Dhyana",
        "core2duo",
        "phenom",
        "qemu64",
    ];
    // Features mvimg reports that LLVM 22's report never names (it sets them by
    // implication at code generation, not from CPUID).
    let not_in_llvm_report = ["x87", "evex512", "avx10.1-512", "avx10.2-512"];
    let mut lines = Vec::new();
    let mut failures = Vec::new();
    for model in models {
        let (ours, our_features) = describe(model, false);
        let (llvm, llvm_features) = describe(model, true);
        lines.push(format!(
            "{model:<20} mvimg {ours:<16} LLVM {llvm:<16} {} features",
            our_features.len()
        ));
        // Hygon: LLVM 22 does not know the vendor; mvimg names Dhyana znver1.
        let expected = if model == "Dhyana" {
            "znver1"
        } else {
            llvm.as_str()
        };
        if ours != expected {
            failures.push(format!(
                "{model}: mvimg {ours}, expected {expected} (LLVM {llvm})"
            ));
        }
        let ours_cmp: BTreeSet<&String> = our_features
            .iter()
            .filter(|f| !not_in_llvm_report.contains(&f.as_str()))
            .collect();
        let llvm_cmp: BTreeSet<&String> = llvm_features.iter().collect();
        if ours_cmp != llvm_cmp {
            failures.push(format!(
                "{model}: mvimg only {:?}, LLVM only {:?}",
                ours_cmp.difference(&llvm_cmp).collect::<Vec<_>>(),
                llvm_cmp.difference(&ours_cmp).collect::<Vec<_>>()
            ));
        }
    }
    println!("{}", lines.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
