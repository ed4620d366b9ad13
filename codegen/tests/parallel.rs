//! Parallel code generation: the output does not depend on the thread count,
//! and a module split into partitions computes what the unsplit one does.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use mvimg_codegen::init::INIT_EXPORTS;
use mvimg_codegen::{build, link_image, synth, BuildOptions, Built};
use mvimg_cpu::{Arch, ResolvedTargets, TargetList};
use object::{Object, ObjectSymbol};

mod common;
use common::{exports, read_back, scratch};

const LIST: &str = "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1)";
const FUNCTIONS: usize = 600;

fn targets() -> ResolvedTargets {
    let list: TargetList = LIST.parse().unwrap();
    list.resolve(Arch::X86_64, None).unwrap()
}

fn synthetic(dir: &Path) -> PathBuf {
    let ll = dir.join("synth.ll");
    std::fs::write(&ll, synth::module(FUNCTIONS, "x86_64-unknown-linux-gnu")).unwrap();
    ll
}

fn build_with(ll: &Path, partitions: usize, threads: usize) -> Built {
    let options = BuildOptions {
        partitions: Some(partitions),
        threads: Some(threads),
        ..BuildOptions::default()
    };
    build(&[ll.to_path_buf()], &targets(), &options).unwrap()
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let dir = scratch("parallel-determinism");
    let ll = synthetic(&dir);
    let one = build_with(&ll, 4, 1);
    assert_eq!(one.objects.len(), 4);
    // The same file name: the ELF SONAME is the output's name.
    let image_at = |threads: usize| {
        let sub = dir.join(format!("threads{threads}"));
        std::fs::create_dir_all(&sub).unwrap();
        sub.join("libsynth.so")
    };
    let image_one = image_at(1);
    link_image(&one, &image_one).unwrap();
    read_back(&image_one, one.plan.targets.len());
    for threads in [2, 3] {
        let other = build_with(&ll, 4, threads);
        assert_eq!(other.objects.len(), one.objects.len());
        for (i, (a, b)) in one.objects.iter().zip(&other.objects).enumerate() {
            assert!(
                a == b,
                "partition {i} differs between 1 and {threads} threads"
            );
        }
        let image = image_at(threads);
        link_image(&other, &image).unwrap();
        read_back(&image, other.plan.targets.len());
        assert!(
            std::fs::read(&image).unwrap() == std::fs::read(&image_one).unwrap(),
            "the image differs between 1 and {threads} threads"
        );
    }
}

/// Defined global symbols and undefined symbols of an object.
fn symbols(object: &[u8]) -> (BTreeSet<String>, BTreeSet<String>) {
    let file = object::File::parse(object).unwrap();
    let mut defined = BTreeSet::new();
    let mut undefined = BTreeSet::new();
    for symbol in file.symbols() {
        let name = symbol.name().unwrap().to_owned();
        if symbol.is_undefined() {
            undefined.insert(name);
        } else if symbol.is_global() {
            defined.insert(name);
        }
    }
    (defined, undefined)
}

const DRIVER: &str = r#"
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
typedef float (*kernel)(void *, long);
int main(int argc, char **argv) {
    void *image = dlopen(argv[1], RTLD_NOW);
    if (!image) { fprintf(stderr, "%s\n", dlerror()); return 1; }
    char name[64];
    FILE *names = fopen(argv[2], "r");
    while (fscanf(names, "%63s", name) == 1) {
        kernel f = (kernel)dlsym(image, name);
        if (!f) { fprintf(stderr, "missing %s\n", name); return 1; }
        float data[64];
        for (int i = 0; i < 64; i++) data[i] = (float)(i % 7) * 0.5f - 1.0f;
        float r = f(data, 64);
        unsigned bits;
        memcpy(&bits, &data[5], sizeof bits);
        printf("%s %.9g %08x\n", name, r, bits);
    }
    return 0;
}
"#;

#[test]
fn partitions_compute_what_one_module_does_and_export_only_entries() {
    let dir = scratch("parallel-semantics");
    let ll = synthetic(&dir);
    let whole = build_with(&ll, 1, 1);
    let split = build_with(&ll, 5, 2);
    assert_eq!(whole.objects.len(), 1);
    assert_eq!(split.objects.len(), 5);

    // A local that stayed global in a partition is used by another one.
    let tables: Vec<_> = split.objects.iter().map(|o| symbols(o)).collect();
    let helpers = |set: &BTreeSet<String>| -> BTreeSet<String> {
        set.iter()
            .filter(|n| {
                n.strip_prefix('f')
                    .and_then(|k| k.parse::<usize>().ok())
                    .is_some_and(|k| k % 6 == 5)
            })
            .cloned()
            .collect()
    };
    for (i, (defined, _)) in tables.iter().enumerate() {
        for helper in helpers(defined) {
            assert!(
                tables
                    .iter()
                    .enumerate()
                    .any(|(j, (_, undefined))| j != i && undefined.contains(&helper)),
                "{helper} is global in partition {i} but no other partition uses it"
            );
        }
    }

    let mut images = Vec::new();
    for (name, built) in [("whole.so", &whole), ("split.so", &split)] {
        let image = dir.join(name);
        link_image(built, &image).unwrap();
        read_back(&image, built.plan.targets.len());
        images.push(exports(&image));
    }
    let expected = expected_exports(FUNCTIONS);
    assert_eq!(images[0], expected);
    assert_eq!(images[1], expected);

    let driver_c = dir.join("driver.c");
    std::fs::write(&driver_c, DRIVER).unwrap();
    let driver = dir.join("driver");
    let ok = Command::new("clang-22")
        .arg("-O1")
        .arg("-o")
        .arg(&driver)
        .arg(&driver_c)
        .arg("-ldl")
        .status()
        .expect("clang-22 runs")
        .success();
    assert!(ok);
    let names = dir.join("names.txt");
    // The entry points (f0, f1, ...), not the exported table.
    let entries: Vec<&String> = expected
        .iter()
        .filter(|n| {
            n.strip_prefix('f')
                .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
        })
        .collect();
    std::fs::write(
        &names,
        entries.iter().map(|n| format!("{n}\n")).collect::<String>(),
    )
    .unwrap();
    let mut outputs = Vec::new();
    for name in ["whole.so", "split.so"] {
        let out = Command::new(&driver)
            .arg(dir.join(name))
            .arg(&names)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        outputs.push(String::from_utf8(out.stdout).unwrap());
    }
    assert_eq!(outputs[0].lines().count(), entries.len());
    // Same clones (target 0's bodies, as the slots start out), same
    // arithmetic: only the order of a fast-math reduction may differ.
    for (a, b) in outputs[0].lines().zip(outputs[1].lines()) {
        let fields = |line: &str| -> (String, f64, String) {
            let mut it = line.split(' ');
            (
                it.next().unwrap().to_owned(),
                it.next().unwrap().parse().unwrap(),
                it.next().unwrap().to_owned(),
            )
        };
        let (na, va, ma) = fields(a);
        let (nb, vb, mb) = fields(b);
        assert_eq!((&na, &ma), (&nb, &mb));
        assert!(
            (va - vb).abs() <= 1e-5 * va.abs().max(1.0),
            "{na}: {va} against {vb}"
        );
    }
}

#[test]
fn partitioned_builds_link_for_every_object_format() {
    for (triple, arch, list, name) in [
        (
            "aarch64-unknown-linux-gnu",
            Arch::Aarch64,
            "generic;neoverse-n1;a64fx,clone_all",
            "libsynth.so",
        ),
        ("x86_64-w64-windows-gnu", Arch::X86_64, LIST, "synth.dll"),
        ("x86_64-apple-darwin", Arch::X86_64, LIST, "libsynth.dylib"),
        (
            "aarch64-apple-darwin",
            Arch::Aarch64,
            "generic;apple-m1,clone_all",
            "libsynth.dylib",
        ),
    ] {
        let dir = scratch(&format!("parallel-{triple}"));
        let ll = dir.join("synth.ll");
        std::fs::write(&ll, synth::module(60, triple)).unwrap();
        let list: TargetList = list.parse().unwrap();
        let targets = list.resolve(arch, None).unwrap();
        let options = BuildOptions {
            partitions: Some(3),
            threads: Some(2),
            ..BuildOptions::default()
        };
        let built = build(&[ll], &targets, &options).unwrap_or_else(|e| panic!("{triple}: {e}"));
        // Mach-O is one partition (see BuildOptions::partitions).
        let parts = if triple.contains("apple") { 1 } else { 3 };
        assert_eq!(built.objects.len(), parts, "{triple}");
        let image = dir.join(name);
        link_image(&built, &image).unwrap_or_else(|e| panic!("{triple}: {e}"));
        read_back(&image, built.plan.targets.len());
        let exports = exports(&image);
        assert_eq!(exports, expected_exports(60), "{triple}");
    }
}

/// What an image of `synth::module(n)` exports, sorted: its entry points
/// (synth's exported kinds), its exported table `ftable`, the dispatch data
/// and the init's functions.
fn expected_exports(n: usize) -> Vec<String> {
    let mut expected: Vec<String> = (0..n)
        .filter(|i| i % 12 < 6 && i % 6 != 5)
        .map(|i| format!("f{i}"))
        .chain(["ftable".to_owned(), "mvimg_dispatch_data".to_owned()])
        .chain(INIT_EXPORTS.iter().map(|s| (*s).to_owned()))
        .collect();
    expected.sort();
    expected
}

/// A memory budget too small for one partition: the build compiles one
/// partition at a time, says so, and writes the objects of the unbounded
/// build; progress reaches every partition of both phases, in order.
#[test]
fn a_tiny_memory_budget_builds_one_partition_at_a_time() {
    use std::sync::{Arc, Mutex};
    let dir = scratch("parallel-budget");
    let ll = synthetic(&dir);
    let free = build_with(&ll, 4, 2);
    let plan = free.memory.as_ref().unwrap();
    assert_eq!(plan.in_flight, 2, "{plan:?}");
    assert!(!plan.throttled());

    let events = Arc::new(Mutex::new(Vec::new()));
    let seen = events.clone();
    let options = BuildOptions {
        partitions: Some(4),
        threads: Some(2),
        memory_budget: Some(1 << 20),
        progress: Some(mvimg_codegen::progress::ProgressFn(Arc::new(move |p| {
            seen.lock().unwrap().push((p.phase, p.done, p.total));
        }))),
        ..BuildOptions::default()
    };
    let tight = build(std::slice::from_ref(&ll), &targets(), &options).unwrap();
    let plan = tight.memory.as_ref().unwrap();
    assert_eq!(plan.in_flight, 1, "{plan:?}");
    assert!(plan.throttled() && plan.over_budget());
    let said = plan.to_string();
    assert!(
        said.contains("memory budget 1 MiB") && said.contains("one partition at a time"),
        "{said}"
    );
    assert_eq!(tight.objects, free.objects, "the budget changes no byte");
    assert!(tight.peak_memory.is_some_and(|p| p > 1 << 20));
    let report = tight.report().to_string();
    assert!(report.contains("1 at a time on 2 threads"), "{report}");
    assert!(report.contains("peak memory: "), "{report}");

    let events = events.lock().unwrap();
    for phase in ["optimize", "emit"] {
        let steps: Vec<usize> = events
            .iter()
            .filter(|e| e.0 == phase)
            .map(|e| {
                assert_eq!(e.2, 4, "{e:?}");
                e.1
            })
            .collect();
        assert_eq!(steps, [0, 1, 2, 3, 4], "{phase}: {events:?}");
    }
    let phases: Vec<&str> = events.iter().map(|e| e.0).collect();
    for phase in ["load", "multiversion", "split"] {
        assert!(phases.contains(&phase), "{phases:?}");
    }
}
