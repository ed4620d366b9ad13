//! Golden tests of the clone plan and the rewritten IR: each
//! `tests/golden/NAME.ll` names its target list in a `; targets:` header (and
//! its triple in a `; triple:` header; x86_64 Linux when there is none); the
//! plan mvimg computes must equal `NAME.plan.json` beside it, and the
//! multiversioned module — clones, slots, trampolines, answered feature
//! queries, the dispatch data — must equal `NAME.out.ll` (the image init
//! linked from `init.c` and its tables left out: the init harness tests
//! those). `MVIMG_BLESS=1` rewrites the golden files; review the diff. Every
//! multiversioned module must pass LLVM's verifier (multiversion runs it) and
//! compile to an object.

use std::path::{Path, PathBuf};

use inkwell::context::Context;
use inkwell::values::{AnyValue, FunctionValue};
use mvimg_codegen::plan::SlotReason;
use mvimg_codegen::OptLevel;
use mvimg_codegen::{
    emit_object, init, load, multiversion, target_machine, BuildRecord, ClonePlan, Entries,
};
use mvimg_cpu::image::format::DISPATCH_SYMBOL;
use mvimg_cpu::{Arch, DispatchData, Platform, ResolvedTargets, TargetList};

const TRIPLE: &str = "x86_64-unknown-linux-gnu";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// The golden file's triple and resolved targets, from its headers.
fn headers_of(path: &Path) -> (Platform, ResolvedTargets) {
    let text = std::fs::read_to_string(path).unwrap();
    let header = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("; {name}: ")))
            .map(str::to_owned)
    };
    let platform: Platform = header("triple")
        .as_deref()
        .unwrap_or(TRIPLE)
        .parse()
        .unwrap();
    let list =
        header("targets").unwrap_or_else(|| panic!("{}: no `; targets:` header", path.display()));
    let list: TargetList = list.parse().unwrap();
    let targets = list.resolve(platform.arch, None).unwrap();
    (platform, targets)
}

/// Multiversions one golden file; calls `check` on the module, then emits.
fn run(name: &str, check: impl FnOnce(&inkwell::module::Module, &ClonePlan)) -> ClonePlan {
    let path = golden_dir().join(format!("{name}.ll"));
    let (platform, targets) = headers_of(&path);
    let context = Context::create();
    let (module, triple) = load(
        &context,
        std::slice::from_ref(&path),
        Some(&platform.to_string()),
    )
    .unwrap();
    let machine = target_machine(&triple, &targets, OptLevel::O2).unwrap();
    let (plan, _) = multiversion(
        &context,
        &module,
        &triple,
        &targets,
        &machine,
        &Entries::Exported,
        &BuildRecord::new(&triple, OptLevel::O2, &[]).unwrap(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    check(&module, &plan);
    let object = emit_object(&module, &machine, OptLevel::O2).unwrap();
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
            let input = name.strip_suffix(".ll").filter(|n| !n.ends_with(".out"));
            input.map(str::to_owned)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 11, "{names:?}");
    let mut failed = Vec::new();
    let mut arches = Vec::new();
    for name in &names {
        let (platform, _) = headers_of(&golden_dir().join(format!("{name}.ll")));
        arches.push(platform.arch);
        let mut ir = String::new();
        let plan = run(name, |module, _| {
            ir = golden_ir(module, &platform, &golden_dir().join(format!("{name}.ll")));
        });
        for (suffix, actual) in [("plan.json", plan.to_json()), ("out.ll", ir)] {
            let expected_path = golden_dir().join(format!("{name}.{suffix}"));
            if bless {
                std::fs::write(&expected_path, &actual).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
            if expected != actual {
                failed.push(format!(
                    "{name}.{suffix}:\n{}",
                    first_difference(&expected, &actual)
                ));
            }
        }
    }
    assert!(
        arches.contains(&Arch::X86_64) && arches.contains(&Arch::Aarch64),
        "golden files for both architectures: {arches:?}"
    );
    assert!(
        failed.is_empty(),
        "output differs from the golden files (MVIMG_BLESS=1 rewrites them):\n{}",
        failed.join("\n")
    );
}

/// The first line where `expected` and `actual` differ, with both versions.
fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let at = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    format!(
        "line {}:\n  expected: {}\n  actual:   {}",
        at + 1,
        e.get(at).unwrap_or(&"(end)"),
        a.get(at).unwrap_or(&"(end)")
    )
}

/// The multiversioned module as golden text: without the module's file name,
/// without what linking the image init brought (its definitions, its tables,
/// its metadata), with each function's attribute group written out in place
/// (group numbers depend on the init's attributes) and only the metadata the
/// rest refers to.
fn golden_ir(module: &inkwell::module::Module, platform: &Platform, input: &Path) -> String {
    let tls = module.get_globals().any(|g| g.is_thread_local());
    let init = init::init_ir(platform.arch, platform.os, tls).unwrap();
    // Symbols the init defines, and its tables.
    let tables = format!("@{}", init::TABLES_SYMBOL);
    let local_tables = format!("@{}", init::LOCAL_TABLES_SYMBOL);
    let mut init_symbols: std::collections::HashSet<&str> =
        init.lines().filter_map(defined_symbol).collect();
    init_symbols.insert(&tables);
    init_symbols.insert(&local_tables);
    let text = module.print_to_string().to_string();
    let groups: std::collections::HashMap<&str, &str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("attributes "))
        .filter_map(|l| l.split_once(" = "))
        .collect();
    let defined_by_init =
        |line: &str| defined_symbol(line).is_some_and(|s| init_symbols.contains(s));
    // Types and declarations the init brought (unless the input has them).
    let input_text = std::fs::read_to_string(input).unwrap();
    let from_init = |line: &str| {
        let name = if line.starts_with('%') && line.contains(" = type ") {
            line.split_whitespace().next()
        } else if line.starts_with("declare ") {
            line.split_whitespace()
                .find(|w| w.starts_with('@'))
                .and_then(|w| w.split('(').next())
        } else {
            None
        };
        name.is_some_and(|n| {
            init.lines().any(|l| {
                l.starts_with(n) || (l.starts_with("declare ") && l.contains(&format!("{n}(")))
            }) && !input_text.contains(&format!("{n}("))
                && !input_text.contains(&format!("{n} "))
        })
    };
    let mut kept: Vec<String> = Vec::new();
    let mut dispatch = Vec::new();
    let mut skipping = false;
    for line in text.lines() {
        if skipping {
            skipping = line != "}";
            continue;
        }
        if line.starts_with("; ModuleID")
            || line.starts_with("source_filename")
            || line.starts_with("attributes ")
            || line.starts_with("; Function Attrs:")
            || line.starts_with('!')
            || from_init(line)
        {
            continue;
        }
        if defined_by_init(line) {
            skipping = line.starts_with("define ");
            continue;
        }
        if line.starts_with(&format!("@{DISPATCH_SYMBOL} = ")) {
            let (head, _) = line.split_once("] [").unwrap();
            kept.push(format!("{head}] ; decoded at the end"));
            dispatch = decode_dispatch(line);
            continue;
        }
        let mut line = line.to_owned();
        if line.starts_with("define ") || line.starts_with("declare ") {
            if let Some(group) = line.split_whitespace().find(|w| w.starts_with('#')) {
                let group = group.to_owned();
                if let Some(attrs) = groups.get(group.as_str()) {
                    line = line.replacen(&group, attrs, 1);
                }
            }
        }
        kept.push(line);
    }
    // Metadata the kept text refers to, transitively.
    let nodes: std::collections::HashMap<String, &str> = text
        .lines()
        .filter(|l| l.starts_with('!') && l.contains(" = "))
        .filter_map(|l| l.split_once(" = ").map(|(k, _)| (k.to_owned(), l)))
        .collect();
    let mut wanted: Vec<String> = Vec::new();
    let mut queue: Vec<String> = kept.iter().flat_map(|l| metadata_refs(l)).collect();
    while let Some(node) = queue.pop() {
        if wanted.contains(&node) {
            continue;
        }
        if let Some(line) = nodes.get(&node) {
            queue.extend(metadata_refs(line.split_once(" = ").unwrap().1));
            wanted.push(node);
        }
    }
    for line in text.lines().filter(|l| l.starts_with('!')) {
        if let Some((k, _)) = line.split_once(" = ") {
            if wanted.iter().any(|w| w == k) {
                kept.push(line.to_owned());
            }
        }
    }
    kept.push(String::new());
    kept.extend(dispatch);
    // Blank lines collapse to one.
    let mut out = String::new();
    for line in kept {
        if line.is_empty() && (out.is_empty() || out.ends_with("\n\n")) {
            continue;
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The dispatch data of the printed global `line` (`[N x i32] [i32 w, ...]`,
/// relocated words as constant expressions of a symbol's address), read by
/// [`DispatchData::parse`] and written out as comment lines, each relocated
/// word as the symbol it points at. The build record's versions are left
/// out (they change with mvimg and LLVM releases, not with the input).
fn decode_dispatch(line: &str) -> Vec<String> {
    let (_, elements) = line.split_once("] [").unwrap();
    let elements = &elements[..elements.rfind(']').unwrap()];
    // Split at the commas outside parentheses.
    let (mut words, mut symbols) = (Vec::new(), std::collections::HashMap::new());
    let (mut depth, mut start) = (0, 0);
    let mut items = Vec::new();
    for (i, c) in elements.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                items.push(elements[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(elements[start..].trim());
    for item in items {
        let value = item.strip_prefix("i32 ").unwrap();
        match value.parse::<i64>() {
            Ok(v) => words.push(v as u32),
            Err(_) => {
                // A relocated word: a sentinel the parser keeps as `rel`.
                // `ptrtoint (ptr @x to i64)` or, for an address inside a
                // global, `ptrtoint (ptr getelementptr (i8, ptr @x, i64 8)
                // to i64)`: `@x` or `@x+8`.
                let name = value
                    .split_whitespace()
                    .find(|w| w.starts_with('@'))
                    .unwrap()
                    .trim_end_matches([',', ')']);
                let symbol = match value.split_once("getelementptr") {
                    Some((_, gep)) => {
                        let offset = gep.split("i64 ").nth(1).unwrap();
                        let offset: String =
                            offset.chars().take_while(char::is_ascii_digit).collect();
                        format!("{name}+{offset}")
                    }
                    None => name.to_owned(),
                };
                let sentinel = 0x7e00_0000 + symbols.len() as u32;
                symbols.insert(sentinel as i32, symbol);
                words.push(sentinel);
            }
        }
    }
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    let data = DispatchData::parse(&bytes).unwrap();
    let at = |rel: i32| {
        symbols
            .get(&rel)
            .cloned()
            .unwrap_or_else(|| format!("{rel}"))
    };
    let mut out = vec![
        format!(
            "; dispatch data ({} bytes): {:?}",
            data.total_size, data.arch
        ),
        format!(";   list: {}", data.list),
    ];
    for (key, value) in &data.record {
        let value = if key.starts_with("mvimg.") && key.ends_with("version") {
            "(version)"
        } else {
            value
        };
        out.push(format!(";   record {key} = {value}"));
    }
    for (t, target) in data.targets.iter().enumerate() {
        out.push(format!(
            ";   target {t} {}: cpu {}, features [{}], llvm [{}], base {:?}, flags {:#x}, entries {:?}",
            target.name,
            target.llvm_cpu,
            target.features,
            target.llvm_features,
            target.base,
            target.flags,
            target.entries
        ));
    }
    for (i, f) in data.functions.iter().enumerate() {
        out.push(format!(
            ";   function {i} {}: body {}, flags {:#x}",
            f.name,
            at(f.body),
            f.flags
        ));
    }
    for (what, pairs) in [
        ("entry", &data.entries),
        ("slot", &data.slots),
        ("relocation", &data.relocs),
    ] {
        for (i, p) in pairs.iter().enumerate() {
            out.push(format!(
                ";   {what} {i}: function {} at {}",
                p.function,
                at(p.rel)
            ));
        }
    }
    out
}

/// The symbol a line of printed IR defines (`@f` of `define ... @f(...`,
/// `@g` of `@g = ...`), if it defines one.
fn defined_symbol(line: &str) -> Option<&str> {
    let name = if line.starts_with("define ") {
        line.split_whitespace().find(|w| w.starts_with('@'))?
    } else if line.starts_with('@') && line.contains(" = ") {
        line.split_whitespace().next()?
    } else {
        return None;
    };
    name.split('(').next()
}

/// The numbered metadata nodes (`!5`) a line refers to.
fn metadata_refs(line: &str) -> Vec<String> {
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    for (i, _) in line.match_indices('!') {
        let digits: String = line[i + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if !digits.is_empty() && (i == 0 || bytes[i - 1] != b'\\') {
            out.push(format!("!{digits}"));
        }
    }
    out
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
        // On glibc ELF the exported name is an IFUNC whose resolver returns
        // what the init leaves in the slot.
        // SAFETY: a live module; the name is valid for its length; the
        // resolver's name is read while the module lives.
        let resolver_name = unsafe {
            use inkwell::llvm_sys::core::{
                LLVMGetGlobalIFuncResolver, LLVMGetNamedGlobalIFunc, LLVMGetValueName2,
            };
            let ifunc = LLVMGetNamedGlobalIFunc(module.as_mut_ptr(), c"which".as_ptr(), 5);
            assert!(!ifunc.is_null(), "`which` is an IFUNC");
            let mut len = 0;
            let name = LLVMGetValueName2(LLVMGetGlobalIFuncResolver(ifunc), &mut len);
            std::slice::from_raw_parts(name.cast::<u8>(), len).to_vec()
        };
        assert_eq!(resolver_name, b"which.mvimg.resolver");
        let resolver = text(function(module, "which.mvimg.resolver"));
        assert!(
            resolver.contains("call ptr @mvimg_resolve(ptr @which.mvimg.slot)"),
            "{resolver}"
        );
    });
}

#[test]
fn shared_bodies_call_through_slots_and_clones_call_directly() {
    run("calls", |module, _| {
        // Shared code calls leaf's stub, which jumps through leaf's slot.
        let caller = text(function(module, "caller"));
        assert!(caller.contains("call i64 @leaf.mvimg.stub"), "{caller}");
        let stub = text(function(module, "leaf.mvimg.stub"));
        assert!(
            stub.contains("load ptr, ptr @leaf.mvimg.slot") && stub.contains("musttail call"),
            "{stub}"
        );
        assert!(function(module, "leaf.mvimg.stub")
            .get_enum_attribute(
                inkwell::attributes::AttributeLoc::Function,
                inkwell::attributes::Attribute::get_named_enum_kind_id("noinline"),
            )
            .is_some());
        let top1 = text(function(module, "top.mvimg.1"));
        assert!(top1.contains("call i64 @mid.mvimg.1"), "{top1}");
        let mid1 = text(function(module, "mid.mvimg.1"));
        assert!(mid1.contains("call i64 @leaf.mvimg.1"), "{mid1}");
        // The shared body of mid calls leaf through its stub.
        let mid = text(function(module, "mid"));
        assert!(mid.contains("call i64 @leaf.mvimg.stub"), "{mid}");
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
