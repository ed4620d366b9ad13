//! Fleet targeting end to end: `mvimg fleet plan`, `mvimg build --fleet` and
//! `mvimg fleet check` on real CPU descriptions (tests/data/fleet: libcpuid
//! dumps of ten x86 machines, two of them as hypervisors show them, and six
//! AArch64 /proc/cpuinfo texts from LLVM's host tests), and on emulated nodes:
//! the images run under `qemu-x86_64 -cpu M` and `qemu-aarch64 -cpu M`, where
//! the image's own init, the Rust loader and `mvimg explain` must all select
//! the target `fleet check` predicted, which is the node's own class.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use mvimg::cpu::fleet::Node;
use mvimg::cpu::{Arch, Image, OpenOptions};
use serde_json::Value;

mod common;
use common::{c_ir, mvimg, mvimg_fails, probe, probe_of, run_ok, s, scratch, stdout_of, KERNELS};

/// Loads the image (argv[1]) and prints the init's selection, the probe and
/// the kernels' results; on AArch64 first the capability words.
const DRIVER: &str = r#"
#include <dlfcn.h>
#include <stdio.h>
#if defined(__aarch64__)
#include <sys/auxv.h>
#endif
int main(int argc, char **argv) {
#if defined(__aarch64__)
    printf("AT_HWCAP: 0x%lx\nAT_HWCAP2: 0x%lx\nAT_HWCAP3: 0x%lx\n",
           getauxval(AT_HWCAP), getauxval(AT_HWCAP2), getauxval(29));
#endif
    void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!h) { printf("dlopen %s\n", dlerror()); return 2; }
    printf("selected %d\n", ((int (*)(void))dlsym(h, "mvimg_selected_target"))());
    printf("probe %d\n", ((int (*)(void))dlsym(h, "probe"))());
    static float x[1003], y[1003];
    static unsigned v[1003];
    for (int i = 0; i < 1003; i++) { x[i] = (float)(i % 17) * 0.25f; y[i] = (float)(i % 5); v[i] = (unsigned)i * 2654435761u; }
    ((void (*)(int, float, const float *, float *))dlsym(h, "saxpy"))(1003, 1.5f, x, y);
    double sum = 0;
    for (int i = 0; i < 1003; i++) sum += y[i];
    printf("results %.9g %u\n", sum, ((unsigned (*)(int, const unsigned *))dlsym(h, "checksum"))(1003, v));
    return 0;
}
"#;

fn data(dir: &str) -> String {
    format!("{}/tests/data/fleet/{dir}", env!("CARGO_MANIFEST_DIR"))
}

fn json(out: &std::process::Output, what: &str) -> Value {
    serde_json::from_str(&stdout_of(out, what)).unwrap_or_else(|e| panic!("{what}: {e}"))
}

fn line_value(text: &str, key: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix(key))
        .unwrap_or_else(|| panic!("no `{key}` in {text}"))
        .trim()
        .to_owned()
}

/// Node name -> target index, from a plan's rows or a check's nodes.
fn selections(rows: &Value, key: &str) -> Vec<(String, i64)> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let index = match key {
                "target" => r["target"].as_i64(),
                _ => r["outcome"]["selection"]["index"].as_i64(),
            };
            (r["node"].as_str().unwrap().to_owned(), index.unwrap_or(-1))
        })
        .collect()
}

/// `mvimg build --fleet` of KERNELS for both architectures into `out`.
fn build_fleet(dir: &Path, nodes: &[&str], out: &Path, extra: &[&str]) -> std::process::Output {
    let x86 = c_ir(dir, "kernels", KERNELS, "x86_64-unknown-linux-gnu");
    let arm = c_ir(dir, "kernels-arm", KERNELS, "aarch64-unknown-linux-gnu");
    let mut args = vec!["build"];
    for n in nodes {
        args.extend(["--fleet", n]);
    }
    args.extend(extra);
    args.extend(["-o", s(out), s(&x86), s(&arm)]);
    mvimg(&args)
}

#[test]
fn corpus_fleet_every_node_selects_its_own_class() {
    let dir = scratch("fleet-corpus");
    let (x86, arm) = (data("x86_64"), data("aarch64"));
    let out = dir.join("images");
    let built = build_fleet(&dir, &[&x86, &arm], &out, &[]);
    let text = stdout_of(&built, "mvimg build --fleet");
    eprintln!("{text}");
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("plan.json")).unwrap()).unwrap();
    let arches = plan["arches"].as_array().unwrap();
    assert_eq!(arches.len(), 2, "x86_64 and aarch64 are planned separately");
    let nodes = Node::read_all(&[x86.as_str(), arm.as_str()]).unwrap();
    let x86_names: BTreeSet<&str> = nodes
        .iter()
        .filter(|n| n.arch() == Arch::X86_64)
        .map(|n| n.host.name.as_str())
        .collect();
    assert!(x86_names.len() >= 8, "{x86_names:?}");
    for (p, (arch, image)) in arches.iter().zip([
        ("x86_64", out.join("libkernels-x86_64-linux.so")),
        ("aarch64", out.join("libkernels-arm-aarch64-linux.so")),
    ]) {
        assert_eq!(p["arch"], arch);
        let planned = selections(&p["nodes"], "target");
        // Without --max-targets no node loses a feature it has.
        for row in p["nodes"].as_array().unwrap() {
            assert_eq!(row["loses"], serde_json::json!([]), "{row}");
        }
        // The check written beside the image, and `mvimg fleet check` of it,
        // predict the plan's selection for every node.
        let written: Value = serde_json::from_str(
            &std::fs::read_to_string(out.join(format!("check-{arch}-linux.json"))).unwrap(),
        )
        .unwrap();
        assert_eq!(selections(&written["nodes"], "check"), planned, "{arch}");
        let dir_node = if arch == "x86_64" { &x86 } else { &arm };
        let checked = json(
            &mvimg(&["fleet", "check", s(&image), dir_node, "--json"]),
            "fleet check",
        );
        assert_eq!(selections(&checked["nodes"], "check"), planned, "{arch}");
        // Each target runs only on nodes that have all its features: the
        // library's check on the image's own recorded targets.
        let file = mvimg::inspect::ImageFile::read(&image).unwrap();
        let targets = file.data.resolved_targets().unwrap();
        assert_eq!(targets.to_string(), p["list"].as_str().unwrap());
        let arch: Arch = arch.parse().unwrap();
        let matched = arch.database().matched();
        for (node, (_, t)) in nodes.iter().filter(|n| n.arch() == arch).zip(&planned) {
            let needs = targets.targets[*t as usize]
                .isa_features()
                .intersection(&matched);
            let has = node.host.features.intersection(&matched);
            assert_eq!(
                needs, has,
                "{}: its target is for exactly its features",
                node.name
            );
            let t0 = targets.targets[0].isa_features().intersection(&matched);
            assert!(t0.is_subset(&has), "{}: target 0", node.name);
        }
        assert_eq!(targets.unselectable(), vec![]);
    }
    // The two hypervisor views keep the hidden features out of their targets.
    let list = arches[0]["list"].as_str().unwrap();
    assert!(
        list.contains("znver3,") && list.contains("-xsaves"),
        "{list}"
    );
    assert!(
        list.contains("cascadelake,") && list.contains("-avx512f"),
        "{list}"
    );
    let rows = arches[0]["nodes"].as_array().unwrap();
    let vm = |name: &str| rows.iter().find(|r| r["node"] == name).unwrap().clone();
    assert_eq!(vm("epyc-7713-vm-no-xsaves.json")["count"], 16);
    assert!(vm("epyc-7713-vm-no-xsaves.json")["lacks"]
        .as_array()
        .unwrap()
        .contains(&"xsaves".into()));
    assert_eq!(
        vm("xeon-gold-5218-vm-no-avx512.json")["vector_width"]["fixed"],
        256
    );
}

#[test]
fn max_targets_merges_a_twelve_class_fleet() {
    let x86 = data("x86_64");
    let full = json(
        &mvimg(&["fleet", "plan", &x86, "cpu:haswell*4", "--json"]),
        "fleet plan",
    );
    let full_list = full["arches"][0]["list"].as_str().unwrap();
    // Target 0 and twelve classes (the Nehalem node runs target 0 itself).
    assert_eq!(full_list.split(';').count(), 13, "{full_list}");
    for n in [1usize, 2, 4, 6] {
        let merged = json(
            &mvimg(&[
                "fleet",
                "plan",
                &x86,
                "cpu:haswell*4",
                "--max-targets",
                &n.to_string(),
                "--json",
            ]),
            "fleet plan --max-targets",
        );
        let p = &merged["arches"][0];
        let list = p["list"].as_str().unwrap();
        assert!(list.split(';').count() <= n, "{n}: {list}");
        assert_eq!(
            p["merges"].as_array().unwrap().len(),
            13 - n,
            "{n}: {}",
            p["merges"]
        );
        // Every node is eligible: `fleet check` of the list agrees with
        // the plan, through `mvimg select` on each node file.
        for row in p["nodes"].as_array().unwrap() {
            let node = row["node"].as_str().unwrap();
            if node.starts_with("cpu:") {
                continue;
            }
            let chosen = json(
                &mvimg(&["select", "--from", &format!("{x86}/{node}"), "--json", list]),
                "select",
            );
            assert_eq!(chosen["selected"]["index"], row["target"], "{n}: {node}");
        }
        if n == 1 {
            assert_eq!(list.split(';').count(), 1);
            assert!(p["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["target"] == 0));
        }
    }
    let text = stdout_of(
        &mvimg(&["fleet", "plan", &x86, "cpu:haswell*4", "--max-targets", "4"]),
        "fleet plan text",
    );
    assert!(
        text.contains("merged ") && text.contains("dropped "),
        "{text}"
    );
    assert!(text.contains("the fleet then loses"), "{text}");
}

#[test]
fn bad_fleet_input_is_refused_clearly() {
    let dir = scratch("fleet-bad");
    let nowhere = dir.join("none");
    let e = mvimg_fails(
        &["fleet", "plan", s(&dir.join("missing.txt"))],
        "cannot be read",
        &nowhere,
    );
    assert!(e.contains("missing.txt"), "{e}");
    let junk = dir.join("junk");
    std::fs::create_dir_all(&junk).unwrap();
    std::fs::write(junk.join("notes.txt"), "rack 4: eight nodes\n").unwrap();
    let e = mvimg_fails(&["fleet", "plan", s(&junk)], "notes.txt", &nowhere);
    assert!(e.contains("cpuinfo"), "{e}");
    mvimg_fails(
        &["fleet", "plan", "cpu:haswell", "--max-targets", "0"],
        "--max-targets 0",
        &nowhere,
    );
    mvimg_fails(
        &["fleet", "plan", "cpu:haswel"],
        "did you mean `haswell`",
        &nowhere,
    );
    mvimg_fails(&["fleet", "plan", "cpu:haswell*0"], "count", &nowhere);
    mvimg_fails(
        &["fleet", "plan", "--arch", "aarch64", "cpu:haswell"],
        "no node of the fleet is aarch64",
        &nowhere,
    );
    // x86 and AArch64 nodes together are two plans, not an error.
    let both = json(
        &mvimg(&["fleet", "plan", "cpu:haswell", "cpu:a64fx", "--json"]),
        "mixed",
    );
    assert_eq!(both["arches"].as_array().unwrap().len(), 2);
    // A fleet build with AArch64 nodes and only x86 IR writes nothing.
    let x86 = c_ir(&dir, "kernels", KERNELS, "x86_64-unknown-linux-gnu");
    let out = dir.join("images");
    let e = mvimg_fails(
        &[
            "build",
            "--fleet",
            "cpu:haswell",
            "--fleet",
            "cpu:a64fx",
            "-o",
            s(&out),
            s(&x86),
        ],
        "no input is for aarch64",
        &out.join("libkernels-x86_64-linux.so"),
    );
    assert!(
        e.contains("--arch") || e.contains("IR compiled for aarch64"),
        "{e}"
    );
    assert!(!out.join("plan.json").exists());
    // fleet check: a node that cannot run the image exits 1, saying why.
    let image = dir.join("libk.so");
    let ok = mvimg(&["build", "-C", "haswell", "-o", s(&image), s(&x86)]);
    stdout_of(&ok, "build haswell-only");
    let refused = mvimg(&["fleet", "check", s(&image), "cpu:nehalem", "cpu:haswell"]);
    assert_eq!(refused.status.code(), Some(1));
    let text = String::from_utf8_lossy(&refused.stdout);
    assert!(text.contains("cpu:nehalem (nehalem) CANNOT RUN"), "{text}");
    assert!(
        text.contains("cpu:haswell (haswell) selects target 0"),
        "{text}"
    );
}

/// The x86 qemu models as `cpu:` nodes: LLVM's CPU less what QEMU 7.2's TCG
/// does not emulate (AVX-512, SHA, RDSEED, XSAVEC/XSAVES...), plus AES,
/// which QEMU's SandyBridge and Haswell models have and LLVM's CPUs of those
/// names do not list.
const X86_MODELS: [(&str, &str); 5] = [
    ("Nehalem", "cpu:nehalem"),
    ("SandyBridge", "cpu:sandybridge,+aes"),
    ("Haswell", "cpu:haswell,+aes"),
    (
        "EPYC-Rome",
        "cpu:znver2,-clzero,-mwaitx,-prfchw,-rdpid,-rdpru,-rdseed,-sha,-xsavec,-xsaves",
    ),
    (
        "Cascadelake-Server",
        "cpu:cascadelake,-avx512f,-pku,-prfchw,-rdseed,-xsavec,-xsaves",
    ),
];

const ARM_MODELS: [(&str, &str); 4] = [
    ("cortex-a53", "cpu:cortex-a53"),
    ("cortex-a72", "cpu:cortex-a72"),
    ("neoverse-n1", "cpu:neoverse-n1"),
    ("a64fx", "cpu:a64fx"),
];

/// Child mode of this test binary, run under qemu by the test above: opens
/// the image in `MVIMG_FLEET_LOAD` with the Rust loader and prints its
/// selection. Ignored in a plain run (it has nothing to check without its
/// parent, which runs it with `--include-ignored`).
#[test]
#[ignore = "a child process of the fleet test above, run by it"]
fn rust_loader_child() {
    let path = std::env::var_os("MVIMG_FLEET_LOAD")
        .expect("run by its parent test, with MVIMG_FLEET_LOAD set");
    let image = Image::open(PathBuf::from(path), &OpenOptions::default()).unwrap();
    println!("\nrust selected {}", image.selection().index);
}

/// The kernels' results equal the first model's: the checksum exactly, the
/// float sum within 1e-5 (clones may contract to FMA).
fn same_results(reference: &mut Option<(f64, u64)>, results: &str, model: &str) {
    let (sum, checksum) = results.split_once(' ').unwrap();
    let got: (f64, u64) = (sum.parse().unwrap(), checksum.parse().unwrap());
    match reference {
        None => *reference = Some(got),
        Some((s0, c0)) => {
            assert_eq!(*c0, got.1, "{model}: checksum");
            assert!(
                (*s0 - got.0).abs() <= 1e-5 * s0.abs(),
                "{model}: {s0} vs {}",
                got.0
            );
        }
    }
}

/// Checks one emulated run: the `cpu:` node `spec` describes the model (the
/// same features as `seen`, what the model reported), the image's init
/// selected `expected` and the body that ran is that target's (`probe`).
fn ran_as_predicted(
    spec: &str,
    seen: &Path,
    text: &str,
    (list, arch): (&str, Arch),
    expected: i64,
    model: &str,
) {
    let (described, emulated) = (
        Node::read(spec).unwrap().remove(0),
        Node::read(s(seen)).unwrap().remove(0),
    );
    assert_eq!(
        matched_features(&described),
        matched_features(&emulated),
        "{model}"
    );
    assert_eq!(
        line_value(text, "selected "),
        expected.to_string(),
        "{model}: init\n{text}"
    );
    assert_eq!(
        probe(text),
        probe_of(list, arch, expected),
        "{model}: probe"
    );
}

fn matched_features(node: &Node) -> BTreeSet<&'static str> {
    let db = node.arch().database();
    node.host
        .features
        .intersection(&db.matched())
        .names()
        .into_iter()
        .collect()
}

#[test]
fn emulated_nodes_select_what_fleet_check_predicted() {
    let dir = scratch("fleet-qemu");
    let nodes: Vec<&str> = X86_MODELS
        .iter()
        .chain(&ARM_MODELS)
        .map(|(_, n)| *n)
        .collect();
    let out = dir.join("images");
    let built = build_fleet(&dir, &nodes, &out, &[]);
    eprintln!("{}", stdout_of(&built, "build --fleet"));
    let x86_image = out.join("libkernels-x86_64-linux.so");
    let arm_image = out.join("libkernels-arm-aarch64-linux.so");
    let plan: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("plan.json")).unwrap()).unwrap();
    let x86_list = plan["arches"][0]["list"].as_str().unwrap();
    let arm_list = plan["arches"][1]["list"].as_str().unwrap();

    // x86_64: the init (a C driver), the Rust loader (this test binary in
    // child mode) and `mvimg explain`, each under the model.
    let driver = dir.join("driver");
    std::fs::write(dir.join("driver.c"), DRIVER).unwrap();
    run_ok(
        "gcc",
        &["-O1", "-o", s(&driver), s(&dir.join("driver.c")), "-ldl"],
    );
    let predicted = json(
        &mvimg(
            &["fleet", "check", s(&x86_image), "--json"]
                .into_iter()
                .chain(nodes[..5].iter().copied())
                .collect::<Vec<_>>(),
        ),
        "fleet check x86",
    );
    let predicted = selections(&predicted["nodes"], "check");
    let planned = selections(&plan["arches"][0]["nodes"], "target");
    assert_eq!(predicted, planned);
    let mut reference = None;
    for ((model, spec), (_, expected)) in X86_MODELS.iter().zip(&predicted) {
        let qemu = |args: &[&str]| {
            Command::new("qemu-x86_64")
                .args(["-cpu", model])
                .args(args)
                .output()
                .expect("qemu-x86_64 runs (ci/setup installs qemu-user)")
        };
        // The node describes the model: same features as the model reports.
        let seen = dir.join(format!("{model}.json"));
        std::fs::write(
            &seen,
            stdout_of(
                &qemu(&[env!("CARGO_BIN_EXE_mvimg"), "host", "--json"]),
                model,
            ),
        )
        .unwrap();
        let text = stdout_of(&qemu(&[s(&driver), s(&x86_image)]), model);
        ran_as_predicted(
            spec,
            &seen,
            &text,
            (x86_list, Arch::X86_64),
            *expected,
            model,
        );
        let explained = json(
            &qemu(&[
                env!("CARGO_BIN_EXE_mvimg"),
                "explain",
                s(&x86_image),
                "--json",
            ]),
            model,
        );
        assert_eq!(
            explained["selected"]["index"], *expected,
            "{model}: explain"
        );
        let child = Command::new("qemu-x86_64")
            .args(["-cpu", model])
            .arg(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "rust_loader_child",
                "--include-ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("MVIMG_FLEET_LOAD", &x86_image)
            .output()
            .unwrap();
        let child = stdout_of(&child, model);
        assert_eq!(
            line_value(&child, "rust selected "),
            expected.to_string(),
            "{model}: Rust loader"
        );
        same_results(&mut reference, &line_value(&text, "results "), model);
        eprintln!("{model}: target {expected}");
    }

    // AArch64: the init under the model; `mvimg explain` of the capability
    // words the driver printed (no Rust std for AArch64 here).
    let arm_driver = dir.join("driver-arm");
    run_ok(
        "aarch64-linux-gnu-gcc",
        &[
            "-O1",
            "-o",
            s(&arm_driver),
            s(&dir.join("driver.c")),
            "-ldl",
        ],
    );
    let predicted = json(
        &mvimg(
            &["fleet", "check", s(&arm_image), "--json"]
                .into_iter()
                .chain(nodes[5..].iter().copied())
                .collect::<Vec<_>>(),
        ),
        "fleet check aarch64",
    );
    let predicted = selections(&predicted["nodes"], "check");
    assert_eq!(predicted, selections(&plan["arches"][1]["nodes"], "target"));
    let mut reference = None;
    for ((model, spec), (_, expected)) in ARM_MODELS.iter().zip(&predicted) {
        let run = Command::new("qemu-aarch64")
            .args(["-L", "/usr/aarch64-linux-gnu", "-cpu", model])
            .arg(&arm_driver)
            .arg(&arm_image)
            .output()
            .expect("qemu-aarch64 runs (ci/setup installs qemu-user)");
        let text = stdout_of(&run, model);
        let words = dir.join(format!("{model}.txt"));
        std::fs::write(&words, &text).unwrap();
        ran_as_predicted(
            spec,
            &words,
            &text,
            (arm_list, Arch::Aarch64),
            *expected,
            model,
        );
        let explained = json(
            &mvimg(&["explain", s(&arm_image), "--from", s(&words), "--json"]),
            model,
        );
        assert_eq!(
            explained["selected"]["index"], *expected,
            "{model}: explain"
        );
        same_results(&mut reference, &line_value(&text, "results "), model);
        eprintln!("{model}: target {expected}");
    }
}
