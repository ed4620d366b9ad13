//! Golden tests of the clone plan: each `tests/golden/NAME.ll` names its target
//! list in a `; targets:` header; the plan mvimg computes must equal
//! `NAME.plan.json` beside it (`MVIMG_BLESS=1` rewrites those files; review the
//! diff). Every multiversioned module must pass LLVM's verifier (multiversion
//! runs it) and compile to an object.

use std::path::{Path, PathBuf};

use inkwell::context::Context;
use inkwell::values::{AnyValue, FunctionValue};
use mvimg_codegen::plan::SlotReason;
use mvimg_codegen::{
    emit_object, load, multiversion, target_machine, BuildRecord, ClonePlan, Entries,
};
use mvimg_cpu::{Arch, ResolvedTargets, TargetList};

const TRIPLE: &str = "x86_64-unknown-linux-gnu";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn targets_of(path: &Path) -> ResolvedTargets {
    let text = std::fs::read_to_string(path).unwrap();
    let list = text
        .lines()
        .find_map(|l| l.strip_prefix("; targets: "))
        .unwrap_or_else(|| panic!("{}: no `; targets:` header", path.display()));
    let list: TargetList = list.parse().unwrap();
    list.resolve(Arch::X86_64, None).unwrap()
}

/// Multiversions one golden file; calls `check` on the module, then emits.
fn run(name: &str, check: impl FnOnce(&inkwell::module::Module, &ClonePlan)) -> ClonePlan {
    let path = golden_dir().join(format!("{name}.ll"));
    let targets = targets_of(&path);
    let context = Context::create();
    let (module, triple) = load(&context, std::slice::from_ref(&path), Some(TRIPLE)).unwrap();
    let machine = target_machine(&triple, &targets, 2).unwrap();
    let (plan, _) = multiversion(
        &context,
        &module,
        &triple,
        &targets,
        &machine,
        &Entries::Exported,
        &BuildRecord::new(&triple, 2, &[]).unwrap(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    check(&module, &plan);
    let object = emit_object(&module, &machine, 2).unwrap();
    assert!(!object.is_empty());
    plan
}

#[test]
fn plans_match_the_golden_files() {
    let bless = std::env::var_os("MVIMG_BLESS").is_some();
    let mut names: Vec<String> = std::fs::read_dir(golden_dir())
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().to_string_lossy().into_owned();
            name.strip_suffix(".ll").map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 11, "{names:?}");
    let mut failed = Vec::new();
    for name in &names {
        let plan = run(name, |_, _| {});
        let expected_path = golden_dir().join(format!("{name}.plan.json"));
        let actual = plan.to_json();
        if bless {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != actual {
            failed.push(format!("{name}:\n{actual}"));
        }
    }
    assert!(
        failed.is_empty(),
        "plans differ from the golden files (MVIMG_BLESS=1 rewrites them):\n{}",
        failed.join("\n")
    );
}

fn function<'ctx>(module: &inkwell::module::Module<'ctx>, name: &str) -> FunctionValue<'ctx> {
    module
        .get_function(name)
        .unwrap_or_else(|| panic!("no function {name}"))
}

fn text(f: FunctionValue<'_>) -> String {
    f.print_to_string().to_string()
}

#[test]
fn clones_get_their_target_attributes_and_size_goals() {
    run("optsize", |module, _| {
        let base = text(function(module, "math.mvimg.0"));
        let opt = text(function(module, "math.mvimg.1"));
        let min = text(function(module, "math.mvimg.2"));
        // Attributes print as an attribute group reference; read the groups.
        let groups = module.print_to_string().to_string();
        let attrs = |body: &str| {
            let group = body
                .lines()
                .find(|l| l.starts_with("define"))
                .and_then(|l| l.split_whitespace().find(|w| w.starts_with('#')))
                .unwrap()
                .to_owned();
            groups
                .lines()
                .find(|l| l.starts_with(&format!("attributes {group} ")))
                .unwrap()
                .to_owned()
        };
        assert!(
            attrs(&base).contains("\"target-cpu\"=\"x86-64\""),
            "{}",
            attrs(&base)
        );
        assert!(!attrs(&base).contains("optsize"));
        assert!(attrs(&opt).contains("\"target-cpu\"=\"haswell\""));
        assert!(attrs(&opt).contains("optsize") && !attrs(&opt).contains("minsize"));
        assert!(attrs(&min).contains("\"target-cpu\"=\"x86-64-v4\""));
        assert!(attrs(&min).contains("minsize"));
    });
}

#[test]
fn feature_queries_become_each_targets_answer() {
    run("cpu", |module, _| {
        let base = text(function(module, "which.mvimg.0"));
        let haswell = text(function(module, "which.mvimg.1"));
        assert!(!base.contains("mvimg.cpu.have"), "{base}");
        assert!(base.contains("select i1 false"), "{base}");
        assert!(haswell.contains("select i1 true"), "{haswell}");
        assert!(module.get_function("mvimg.cpu.have.avx2").is_none());
        // The exported name is a trampoline through the slot.
        let entry = text(function(module, "which"));
        assert!(entry.contains("load ptr, ptr @which.mvimg.slot"), "{entry}");
        assert!(entry.contains("musttail call"), "{entry}");
    });
}

#[test]
fn shared_bodies_call_through_slots_and_clones_call_directly() {
    run("calls", |module, _| {
        let caller = text(function(module, "caller"));
        assert!(caller.contains("@leaf.mvimg.slot"), "{caller}");
        let top1 = text(function(module, "top.mvimg.1"));
        assert!(top1.contains("call i64 @mid.mvimg.1"), "{top1}");
        let mid1 = text(function(module, "mid.mvimg.1"));
        assert!(mid1.contains("call i64 @leaf.mvimg.1"), "{mid1}");
        // The shared body of mid calls leaf through its slot.
        let mid = text(function(module, "mid"));
        assert!(mid.contains("@leaf.mvimg.slot"), "{mid}");
    });
}

#[test]
fn relocated_globals_become_writable_and_aliases_trampolines() {
    run("fnptr", |module, _| {
        let record = module.get_global("record").unwrap();
        assert!(!record.is_constant(), "a patched global must be writable");
    });
    run("alias", |module, _| {
        let ir = module.print_to_string().to_string();
        assert!(
            ir.contains("@kernel_v1 = alias float (float, float), ptr @kernel\n"),
            "{ir}"
        );
        assert!(
            ir.contains("@helper_v1 = alias float (float, float), ptr @helper.mvimg.trampoline\n"),
            "{ir}"
        );
        for trampoline in ["kernel", "helper.mvimg.trampoline"] {
            let body = text(function(module, trampoline));
            assert!(body.contains(".mvimg.slot"), "{body}");
        }
    });
}

#[test]
fn addresses_in_constant_expressions_are_relocated_or_trampolined() {
    run("addrforms", |module, plan| {
        let planned = |name: &str| plan.functions.iter().find(|f| f.name == name).unwrap();
        let relocated = planned("relocated");
        let at: Vec<(&str, u64)> = relocated
            .relocations
            .iter()
            .map(|r| (r.global.as_str(), r.offset))
            .collect();
        assert_eq!(at, [("ptr", 0), ("int", 0)]);
        assert!(relocated.slot.is_empty(), "{:?}", relocated.slot);
        for name in [
            "offset",
            "relative",
            "pinned",
            "pinned_tls",
            "pinned_section",
        ] {
            let f = planned(name);
            assert_eq!(f.slot, [SlotReason::Address], "{name}");
            assert!(f.relocations.is_empty(), "{name}: {:?}", f.relocations);
        }
        let ir = module.print_to_string().to_string();
        for line in [
            "@off = global ptr getelementptr (i8, ptr @offset.mvimg.trampoline, i64 1)",
            "@also = global ptr @relative.mvimg.trampoline",
            "ptrtoint (ptr @relative.mvimg.trampoline to i64)",
            "@exported = global ptr @pinned.mvimg.trampoline",
        ] {
            assert!(ir.contains(line), "{line} in\n{ir}");
        }
    });
}
