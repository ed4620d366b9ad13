//! Images read back: the Rust loader selects a target for a host, fills the
//! slots and hands out the selected bodies; `inspect`'s reader and the loader
//! reject every corruption of the dispatch data generated from a real image.

use std::path::{Path, PathBuf};
use std::process::Command;

use mvimg::codegen::{build, link_image, BuildOptions};
use mvimg::cpu::image::format::{PAIR_WORDS, RECORD_WORDS, TARGET_WORDS};
use mvimg::cpu::image::InspectError;
use mvimg::cpu::{
    Arch, FormatProblem, Host, Image, LoadError, OpenOptions, SelectOptions, TargetList,
};
use mvimg::inspect::ImageFile;

mod common;
use common::{c_ir, check_readers, scratch};

const LIST: &str = "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1)";

/// `probe` returns 2 * avx2 + avx as each body sees them; `twice` is plain.
const SOURCE: &str = r#"
extern _Bool have_avx(void) __asm__("mvimg.cpu.have.avx");
extern _Bool have_avx2(void) __asm__("mvimg.cpu.have.avx2");
int probe(void) { return 2 * have_avx2() + have_avx(); }
int twice(int x) { return 2 * x; }
static int (*table[2])(int) = { twice, twice };
int call_table(int i, int x) { return table[i & 1](x) + probe(); }
"#;

/// An x86_64 Linux image of SOURCE for LIST, at `dir/libprobe.so`.
fn image(dir: &Path) -> PathBuf {
    let ll = c_ir(dir, "probe", SOURCE, "x86_64-unknown-linux-gnu");
    let list: TargetList = LIST.parse().unwrap();
    let targets = list.resolve(Arch::X86_64, None).unwrap();
    let options = BuildOptions {
        record: vec![
            ("check-bounds".into(), "yes".into()),
            ("debug-level".into(), "1".into()),
            ("inline".into(), "yes".into()),
            ("runtime.abi".into(), "3".into()),
        ],
        ..BuildOptions::default()
    };
    let built = build(&[ll], &targets, &options).unwrap();
    let so = dir.join("libprobe.so");
    link_image(&built, &so).unwrap();
    check_readers(&so, targets.targets.len());
    so
}

fn host(cpu: &str) -> Host {
    Host::from_cpu(Arch::X86_64.database().cpu(cpu).unwrap())
}

/// A copy of `image` under a new name: dlopen keeps one instance per file.
fn copy(image: &Path, name: &str) -> PathBuf {
    let to = image.with_file_name(format!("lib{name}.so"));
    std::fs::copy(image, &to).unwrap();
    to
}

/// The image's init selects for the process it runs in, as
/// `MVIMG_HOST_CPU`, `MVIMG_FORCE_TARGET` and `MVIMG_HOST_FEATURES` describe
/// it; the loader predicts the same target from the file (with
/// `OpenOptions::from_env`) and hands out its bodies; the exported entry and
/// the function pointers in a table reach the same bodies. Each host is a
/// child process of this test.
#[test]
fn the_init_selects_for_the_host_and_the_loader_agrees() {
    const NAME: &str = "the_init_selects_for_the_host_and_the_loader_agrees";
    if let Some(case) = common::child_case() {
        let fields: Vec<&str> = case.split('|').collect();
        let [path, expected, probe, forced] = fields[..] else {
            panic!("case {case}")
        };
        let (expected, probe): (usize, i32) = (expected.parse().unwrap(), probe.parse().unwrap());
        let image = Image::open(path, &OpenOptions::from_env()).unwrap();
        assert_eq!(image.selection().index, expected, "{case}");
        assert_eq!(image.own_selection(), Some(expected), "{case}");
        assert_eq!(image.selection().forced, forced == "forced", "{case}");
        // SAFETY: `probe` is `int (void)`, `twice` `int (int)`.
        let (selected, twice) = unsafe {
            (
                image.function::<extern "C" fn() -> i32>("probe").unwrap(),
                image
                    .function::<extern "C" fn(i32) -> i32>("twice")
                    .unwrap(),
            )
        };
        assert_eq!(selected(), probe, "{case}: the selected body");
        assert_eq!(twice(21), 42);
        // The exported entry jumps through its slot, filled by the init; the
        // function pointers in `table` were relocated too.
        // SAFETY: as above; `call_table` is `int (int, int)`.
        let (exported, call_table) = unsafe {
            (
                std::mem::transmute::<*const std::ffi::c_void, extern "C" fn() -> i32>(
                    image.symbol("probe").unwrap(),
                ),
                std::mem::transmute::<*const std::ffi::c_void, extern "C" fn(i32, i32) -> i32>(
                    image.symbol("call_table").unwrap(),
                ),
            )
        };
        assert_eq!(exported(), probe, "{case}: the exported entry");
        assert_eq!(call_table(1, 5), 10 + probe, "{case}: through the table");
        // Target 0's body, side by side with the selected one.
        // SAFETY: as above.
        let base = unsafe { image.target_function::<extern "C" fn() -> i32>(0, "probe") };
        assert_eq!(base.unwrap()(), 0, "{case}: target 0's body");
        return;
    }
    let dir = scratch("image-loader");
    let so = image(&dir);
    let path = |name: &str| copy(&so, name).display().to_string();
    // This machine must run every body: the test host is AVX-512 capable.
    for (cpu, expected, probe) in [("nehalem", 0, 0), ("sandybridge", 1, 1), ("haswell", 2, 3)] {
        let case = format!("{}|{expected}|{probe}|-", path(cpu));
        common::run_as_child(NAME, &case, &[("MVIMG_HOST_CPU", cpu)]);
    }
    // Forcing target 0 on a Haswell host.
    common::run_as_child(
        NAME,
        &format!("{}|0|0|forced", path("forced")),
        &[("MVIMG_HOST_CPU", "haswell"), ("MVIMG_FORCE_TARGET", "0")],
    );
    // Masking AVX2 away from a Haswell host falls back to Sandy Bridge.
    common::run_as_child(
        NAME,
        &format!("{}|1|1|-", path("masked")),
        &[
            ("MVIMG_HOST_CPU", "haswell"),
            ("MVIMG_HOST_FEATURES", "-avx2"),
        ],
    );
    // One dispatcher: a load predicted for a host that selects another
    // target than the init is an error naming both, and nothing of the
    // image is rewritten.
    let here = Image::open(copy(&so, "here"), &OpenOptions::from_env()).unwrap();
    let index = here.selection().index;
    drop(here);
    let other = if index == 0 { "haswell" } else { "nehalem" };
    match Image::open(
        copy(&so, "other-host"),
        &OpenOptions::from_env().host(host(other)),
    ) {
        Err(e @ LoadError::Disagree { .. }) => {
            let text = e.to_string();
            assert!(
                text.contains(&format!("its init selected target {index}")),
                "{text}"
            );
        }
        other => panic!("{other:?}"),
    }
    // Programmatic overrides the init cannot see disagree the same way.
    let forced = OpenOptions {
        select: SelectOptions {
            force: Some(mvimg::cpu::select::ForceTarget::parse("0")),
            ..SelectOptions::default()
        },
        ..OpenOptions::default()
    };
    if index != 0 {
        assert!(matches!(
            Image::open(copy(&so, "forced-here"), &forced),
            Err(LoadError::Disagree { .. })
        ));
    }
}

#[test]
fn no_eligible_target_names_what_is_missing() {
    let dir = scratch("image-ineligible");
    let ll = c_ir(
        &dir,
        "k",
        "int f(int x) { return x + 1; }",
        "x86_64-unknown-linux-gnu",
    );
    let list: TargetList = "haswell;skylake-avx512".parse().unwrap();
    let targets = list.resolve(Arch::X86_64, None).unwrap();
    let built = build(&[ll], &targets, &BuildOptions::default()).unwrap();
    let so = dir.join("libk.so");
    link_image(&built, &so).unwrap();
    check_readers(&so, targets.targets.len());
    let options = OpenOptions {
        host: Some(host("nehalem")),
        select: SelectOptions::default(),
        ..OpenOptions::default()
    };
    let error = Image::open(&so, &options).unwrap_err().to_string();
    assert!(
        error.contains("avx2") && error.contains("avx512f"),
        "{error}"
    );
}

/// Where the dispatch data starts in the file, and its word count.
fn data_in_file(bytes: &[u8]) -> (usize, usize) {
    use object::{Object, ObjectSection, ObjectSymbol};
    let file = object::File::parse(bytes).unwrap();
    let symbol = file
        .dynamic_symbols()
        .find(|s| s.name() == Ok("mvimg_dispatch_data"))
        .unwrap();
    let section = file
        .section_by_index(symbol.section_index().unwrap())
        .unwrap();
    let (offset, _) = section.file_range().unwrap();
    let at = (offset + symbol.address() - section.address()) as usize;
    let words = u32::from_le_bytes(bytes[at + 68..at + 72].try_into().unwrap()) as usize / 4;
    (at, words)
}

/// Reading word `k` of the dispatch data at `at`, and a copy of the file
/// with words changed (`(k, value)` pairs).
#[allow(clippy::type_complexity, reason = "two closures over the same bytes")]
fn patcher(
    bytes: &[u8],
    at: usize,
) -> (
    impl Fn(usize) -> u32 + '_,
    impl Fn(&[(usize, u32)]) -> Vec<u8> + '_,
) {
    let word =
        move |k: usize| u32::from_le_bytes(bytes[at + 4 * k..at + 4 * k + 4].try_into().unwrap());
    let with = move |changes: &[(usize, u32)]| {
        let mut out = bytes.to_vec();
        for &(k, value) in changes {
            out[at + 4 * k..at + 4 * k + 4].copy_from_slice(&value.to_le_bytes());
        }
        out
    };
    (word, with)
}

/// Corruptions of the dispatch data at `at`: (what, the kind of problem
/// expected, the changed file).
fn corruptions(bytes: &[u8], at: usize) -> Vec<(String, &'static str, Vec<u8>)> {
    let (word, with) = patcher(bytes, at);
    let mut cases = Vec::new();
    let mut magic = bytes.to_vec();
    magic[at] ^= 0x20;
    cases.push(("bad magic".to_owned(), "BadMagic", magic));
    cases.push(("version 1".into(), "Version", with(&[(2, 1)])));
    cases.push(("version 3".into(), "Version", with(&[(2, 3)])));
    cases.push(("header of 20 words".into(), "HeaderWords", with(&[(3, 20)])));
    cases.push(("architecture 7".into(), "UnknownArch", with(&[(4, 7)])));
    cases.push(("no targets".into(), "NoTargets", with(&[(5, 0)])));
    for (k, name) in [
        (5, "targets"),
        (6, "functions"),
        (7, "entries"),
        (8, "slots"),
        (9, "relocs"),
        (21, "record"),
    ] {
        cases.push((
            format!("{name} count + 1"),
            "PartMisplaced",
            with(&[(k, word(k) + 1)]),
        ));
        cases.push((
            format!("{name} count huge"),
            "PartPastEnd",
            with(&[(k, u32::MAX)]),
        ));
    }
    let offsets = [10, 11, 12, 13, 14, 15, 20];
    for (i, &a) in offsets.iter().enumerate() {
        for &b in &offsets[i + 1..] {
            if word(a) != word(b) {
                cases.push((
                    format!("offsets {a} and {b} swapped"),
                    "PartMisplaced",
                    with(&[(a, word(b)), (b, word(a))]),
                ));
            }
        }
        cases.push((
            format!("offset {a} past the end"),
            "PartMisplaced",
            with(&[(a, 1 << 30)]),
        ));
    }
    cases.push((
        "total size too big".into(),
        "TotalSizePastEnd",
        with(&[(17, word(17) + 4)]),
    ));
    cases.push((
        "total size huge".into(),
        "TotalSizePastEnd",
        with(&[(17, u32::MAX - 3)]),
    ));
    cases.push((
        "strings size + 4".into(),
        "PartPastEnd",
        with(&[(16, word(16) + 4)]),
    ));
    cases.push((
        "list string out of range".into(),
        "StringPastArea",
        with(&[(18, word(16))]),
    ));
    let (targets, functions, entries, slots) = (
        word(10) as usize / 4,
        word(11) as usize / 4,
        word(12) as usize / 4,
        word(13) as usize / 4,
    );
    let t = TARGET_WORDS as usize;
    let p = PAIR_WORDS as usize;
    cases.push((
        "target 1 name past the strings".into(),
        "StringPastArea",
        with(&[(targets + t + 1, word(16) + 1)]),
    ));
    cases.push((
        "target 1 LLVM cpu past the strings".into(),
        "StringPastArea",
        with(&[(targets + t + 4, word(16))]),
    ));
    cases.push((
        "target 1 LLVM cpu empty".into(),
        "StringNotTerminated",
        with(&[(targets + t + 5, 0)]),
    ));
    cases.push((
        "target 1 LLVM features one byte longer (no NUL after it)".into(),
        "StringNotTerminated",
        with(&[(targets + t + 7, word(targets + t + 7) + 1)]),
    ));
    cases.push((
        "target 0 with a base".into(),
        "BaseOfTargetZero",
        with(&[(targets + 8, 0)]),
    ));
    cases.push((
        "target 2 based on itself".into(),
        "BadBase",
        with(&[(targets + 2 * t + 8, 2)]),
    ));
    cases.push((
        "target 2 based on a later target".into(),
        "BadBase",
        with(&[(targets + 2 * t + 8, 5)]),
    ));
    cases.push((
        "target 2 entries past the end".into(),
        "EntriesOutOfRange",
        with(&[(targets + 2 * t + 10, word(7))]),
    ));
    cases.push((
        "target 2 entry count huge".into(),
        "EntriesOutOfRange",
        with(&[(targets + 2 * t + 11, u32::MAX)]),
    ));
    cases.push((
        "unknown target flags".into(),
        "TargetFlags",
        with(&[(targets + 2 * t + 9, 0x80)]),
    ));
    cases.push((
        "function name out of range".into(),
        "StringPastArea",
        with(&[(functions, u32::MAX)]),
    ));
    cases.push((
        "function body outside the code".into(),
        "OutsideCode",
        with(&[(functions + 2, 1 << 30)]),
    ));
    cases.push((
        "function body in the data".into(),
        "OutsideCode",
        with(&[(functions + 2, 0)]),
    ));
    cases.push((
        "unknown function flags".into(),
        "FunctionFlags",
        with(&[(functions + 3, 0x10)]),
    ));
    cases.push((
        "entry names function F".into(),
        "NoSuchFunction",
        with(&[(entries, word(6))]),
    ));
    cases.push((
        "entry body outside the code".into(),
        "OutsideCode",
        with(&[(entries + 1, (-(1i32 << 30)) as u32)]),
    ));
    cases.push((
        "entries out of order".into(),
        "EntriesUnsorted",
        with(&[(entries, word(entries + p)), (entries + p, word(entries))]),
    ));
    if word(8) > 0 {
        cases.push((
            "slot names function F".into(),
            "NoSuchFunction",
            with(&[(slots, word(6))]),
        ));
        cases.push((
            "slot cell in the code".into(),
            "BadCell",
            with(&[(slots + 1, word(functions + 2))]),
        ));
        cases.push((
            "slot cell misaligned".into(),
            "BadCell",
            with(&[(slots + 1, word(slots + 1) + 2)]),
        ));
    }
    let total = word(17) as usize;
    // What a reader meets first when the data is zeroed from `cut` on.
    for (cut, expected) in [
        (4, "BadMagic"),
        (40, "TotalSizeNotWords"),
        (80, "PartMisplaced"),
        (84, "PartMisplaced"),
        (word(11) as usize, "NotText"),
        (word(15) as usize, "NotText"),
        (total - 4, "NotText"),
    ] {
        // The data zeroed from `cut` on: what a reader finds when the data
        // was cut short (the rest of the file stays intact for dlopen).
        let mut truncated = bytes.to_vec();
        truncated[at + cut..at + total].fill(0);
        cases.push((format!("data zeroed from byte {cut}"), expected, truncated));
    }
    cases
}

/// The kind of a dispatch-data problem: its variant's name.
fn kind(problem: &FormatProblem) -> String {
    let debug = format!("{problem:?}");
    debug
        .split([' ', '{', '('])
        .next()
        .unwrap_or_default()
        .to_owned()
}

/// Checks that `inspect`'s reader and the loader (for a Haswell) reject the
/// corrupted file `changed` (written as case `i` in `dir`) for the same
/// reason, of the kind `expected` (a [`FormatProblem`] variant's name, or
/// several separated by `|`); returns its path.
fn rejected_by_inspect_and_the_loader(
    dir: &Path,
    i: usize,
    what: &str,
    expected: &str,
    changed: &[u8],
) -> PathBuf {
    let inspect = match ImageFile::parse(Path::new("corrupt.so"), changed) {
        Ok(_) => panic!("inspect accepted: {what}"),
        Err(InspectError::Format { error, .. }) => error,
        Err(other) => panic!("{what}: inspect: not a dispatch-data error: {other}"),
    };
    let found = kind(&inspect.problem);
    assert!(
        expected.split('|').any(|k| k == found),
        "{what}: expected a problem of kind {expected}, got {found}: {inspect}"
    );
    let path = dir.join(format!("libcorrupt{i}.so"));
    std::fs::write(&path, changed).unwrap();
    // The loader reads the head before dlopen and the rest when first asked
    // for it (the image's init checks what it fills from): it refuses the
    // load, or the image's data, for the same reason.
    let loaded = Image::open(&path, &OpenOptions::default().host(host("haswell")));
    let data_error;
    let refused = match &loaded {
        Ok(image) => {
            data_error = image.data().err();
            data_error.as_ref()
        }
        Err(error) => Some(error),
    };
    match refused {
        None => panic!("the loader accepted: {what}"),
        Some(LoadError::File(InspectError::Format { error, .. })) => {
            assert_eq!(*error, inspect, "{what}: the loader's reason")
        }
        Some(other) => panic!("{what}: the loader: not a dispatch-data error: {other}"),
    }
    if let Ok(image) = &loaded {
        assert!(
            image.data().is_err() && image.address("probe").is_none(),
            "{what}: a damaged image hands out no body"
        );
    }
    path
}

/// `mvimg check` (for a Haswell) on the corrupted image at `path` exits 2,
/// no decision, with a message containing `needle`.
fn check_cannot_decide(path: &Path, what: &str, needle: &str) {
    let check = Command::new(env!("CARGO_BIN_EXE_mvimg"))
        .args(["check", "--host-cpu", "haswell", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(2), "mvimg check: {what}");
    assert!(
        String::from_utf8_lossy(&check.stderr).contains(needle),
        "mvimg check: {what}: {}",
        String::from_utf8_lossy(&check.stderr)
    );
}

/// Corruptions of the build record of the dispatch data at `at`: every
/// string of every entry out of place, cut, without its NUL, or empty; keys
/// out of order and repeated; the count and the offset wrong.
fn record_corruptions(bytes: &[u8], at: usize) -> Vec<(String, &'static str, Vec<u8>)> {
    let (word, with) = patcher(bytes, at);
    let (record, count, r) = (
        word(20) as usize / 4,
        word(21) as usize,
        RECORD_WORDS as usize,
    );
    let strings_size = word(16);
    let mut cases = Vec::new();
    for i in 0..count {
        let (key, value) = (record + i * r, record + i * r + 2);
        for (part, k) in [("key", key), ("value", value)] {
            cases.push((
                format!("record {i} {part} past the strings"),
                "StringPastArea",
                with(&[(k, strings_size)]),
            ));
            cases.push((
                format!("record {i} {part} one byte longer (no NUL after it)"),
                // The last string's next byte is the padding's NUL: then the
                // string holds a NUL.
                "StringNotTerminated|NotText",
                with(&[(k + 1, word(k + 1) + 1)]),
            ));
            cases.push((
                format!("record {i} {part} length huge"),
                "StringPastArea",
                with(&[(k + 1, u32::MAX)]),
            ));
        }
        cases.push((
            format!("record {i} key empty"),
            "StringNotTerminated",
            with(&[(key + 1, 0)]),
        ));
        cases.push((
            format!("record {i} key shifted by a byte"),
            "StringNotTerminated",
            with(&[(key, word(key) + 1)]),
        ));
        if i + 1 < count {
            let next = key + r;
            cases.push((
                format!("records {i} and {} swapped", i + 1),
                "RecordOrder",
                with(&[
                    (key, word(next)),
                    (key + 1, word(next + 1)),
                    (next, word(key)),
                    (next + 1, word(key + 1)),
                ]),
            ));
            cases.push((
                format!("record {} repeats record {i}'s key", i + 1),
                "RecordOrder",
                with(&[(next, word(key)), (next + 1, word(key + 1))]),
            ));
        }
    }
    cases.push((
        "record count + 1".into(),
        "PartMisplaced",
        with(&[(21, word(21) + 1)]),
    ));
    cases.push((
        "record count huge".into(),
        "PartPastEnd",
        with(&[(21, u32::MAX)]),
    ));
    cases.push((
        "record offset past the end".into(),
        "PartMisplaced",
        with(&[(20, 1 << 30)]),
    ));
    cases.push((
        "record offset - 4".into(),
        "PartMisplaced",
        with(&[(20, word(20) - 4)]),
    ));
    cases
}

#[test]
fn corrupted_build_records_are_rejected_by_inspect_check_and_the_loader() {
    let dir = scratch("image-corrupt-record");
    let so = image(&dir);
    let bytes = std::fs::read(&so).unwrap();
    let (at, _) = data_in_file(&bytes);
    let cases = record_corruptions(&bytes, at);
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for (i, (what, expected, changed)) in cases.iter().enumerate() {
        let path = rejected_by_inspect_and_the_loader(&dir, i, what, expected, changed);
        // `mvimg check` says so too, with exit status 2 (the image cannot
        // be read: no decision; not a crash).
        check_cannot_decide(&path, what, "dispatch data");
    }
}

#[test]
fn corrupted_dispatch_data_is_rejected_by_inspect_and_the_loader() {
    let dir = scratch("image-corrupt");
    let so = image(&dir);
    let bytes = std::fs::read(&so).unwrap();
    let (at, _) = data_in_file(&bytes);
    // The intact image reads and loads.
    ImageFile::parse(&so, &bytes).unwrap();
    let cases = corruptions(&bytes, at);
    assert!(cases.len() > 50, "{} cases", cases.len());
    for (i, (what, expected, changed)) in cases.iter().enumerate() {
        rejected_by_inspect_and_the_loader(&dir, i, what, expected, changed);
    }
    // The file truncated: a clear error from both.
    for cut in [0, 16, bytes.len() / 2, at + 8] {
        let path = dir.join(format!("libtruncated{cut}.so"));
        std::fs::write(&path, &bytes[..cut]).unwrap();
        assert!(
            ImageFile::read(&path).is_err(),
            "inspect accepted a file cut at {cut}"
        );
        assert!(
            Image::open(&path, &OpenOptions::default()).is_err(),
            "the loader accepted a file cut at {cut}"
        );
    }
}

#[test]
fn inspect_and_explain_on_the_command_line() {
    let dir = scratch("image-cli");
    let so = image(&dir);
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_mvimg"))
            .args(args)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let path = so.to_str().unwrap();
    let (ok, json, err) = run(&["inspect", path, "--json"]);
    assert!(ok, "{err}");
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["format_version"], 2);
    assert_eq!(doc["record"]["check-bounds"], "yes");
    assert_eq!(doc["record"]["mvimg.opt-level"], "2");
    assert_eq!(doc["record"]["mvimg.triple"], "x86_64-unknown-linux-gnu");
    assert_eq!(doc["list"], LIST);
    let names: Vec<&str> = doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "generic",
            "sandybridge,-xsaveopt,clone_all",
            "haswell,-rdrnd,base(1)"
        ]
    );
    let cloned = |t: usize| -> Vec<String> {
        let mut v: Vec<String> = doc["targets"][t]["cloned"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(cloned(1), ["call_table", "probe", "twice"]);
    // haswell clones the feature query and what calls it.
    assert_eq!(cloned(2), ["call_table", "probe"]);
    assert!(doc["targets"][2]["code_bytes"].as_u64().unwrap() > 0);

    let (ok, text, err) = run(&["explain", path, "--host-cpu", "sandybridge"]);
    assert!(ok, "{err}");
    assert!(text.contains("selects target 1"), "{text}");
    assert!(
        text.contains("not 2 haswell") && text.contains("avx2"),
        "{text}"
    );

    let corrupt = dir.join("libbad.so");
    let mut bytes = std::fs::read(&so).unwrap();
    let (at, _) = data_in_file(&bytes);
    bytes[at + 8] = 9;
    std::fs::write(&corrupt, &bytes).unwrap();
    let (ok, _, err) = run(&["inspect", corrupt.to_str().unwrap()]);
    assert!(!ok);
    assert!(err.contains("format version 9"), "{err}");
}

/// A Rust kernel, compiled by rustc (LLVM 22) to IR.
const RUST_SOURCE: &str = r#"
#[no_mangle]
pub unsafe extern "C" fn saxpy(y: *mut f32, x: *const f32, a: f32, n: usize) {
    let (y, x) = unsafe { (core::slice::from_raw_parts_mut(y, n), core::slice::from_raw_parts(x, n)) };
    for (y, x) in y.iter_mut().zip(x) {
        *y = a.mul_add(*x, *y);
    }
}
#[no_mangle]
pub extern "C" fn plain(v: i32) -> i32 {
    v.wrapping_mul(3)
}
"#;

#[test]
fn rustc_input_builds_loads_and_runs_each_target() {
    let dir = scratch("image-rustc");
    let rs = dir.join("kernels.rs");
    let ll = dir.join("kernels.ll");
    std::fs::write(&rs, RUST_SOURCE).unwrap();
    let out = Command::new("rustc")
        .args([
            "--crate-type=lib",
            "--emit=llvm-ir",
            "-C",
            "opt-level=1",
            "-C",
            "panic=abort",
            "--target=x86_64-unknown-linux-gnu",
            "-o",
        ])
        .arg(&ll)
        .arg(&rs)
        .output()
        .expect("rustc runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let list: TargetList = "generic;haswell".parse().unwrap();
    let targets = list.resolve(Arch::X86_64, None).unwrap();
    let built = build(&[ll], &targets, &BuildOptions::default()).unwrap();
    // The loop (mul_add is llvm.fma) is cloned for haswell; plain is not.
    let saxpy = built
        .plan
        .functions
        .iter()
        .find(|f| f.name == "saxpy")
        .unwrap();
    assert_eq!(saxpy.clones.len(), 1, "{:?}", saxpy.clones);
    let plain = built
        .plan
        .functions
        .iter()
        .find(|f| f.name == "plain")
        .unwrap();
    assert!(plain.clones.is_empty());
    let so = dir.join("libkernels.so");
    link_image(&built, &so).unwrap();
    check_readers(&so, targets.targets.len());
    // This machine (AVX-512 capable) selects the haswell target; each
    // target's bodies run here side by side.
    let image = Image::open(copy(&so, "kernels-here"), &OpenOptions::from_env()).unwrap();
    assert_eq!(image.selection().index, 1);
    for (cpu, target) in [("generic", 0), ("haswell", 1)] {
        type Saxpy = extern "C" fn(*mut f32, *const f32, f32, usize);
        // SAFETY: the signatures of RUST_SOURCE.
        let (saxpy, plain) = unsafe {
            (
                image.target_function::<Saxpy>(target, "saxpy").unwrap(),
                image
                    .target_function::<extern "C" fn(i32) -> i32>(target, "plain")
                    .unwrap(),
            )
        };
        let x: Vec<f32> = (0..1000).map(|i| i as f32 * 0.5).collect();
        let mut y: Vec<f32> = (0..1000).map(|i| 1000.0 - i as f32).collect();
        saxpy(y.as_mut_ptr(), x.as_ptr(), 2.0, y.len());
        for (i, v) in y.iter().enumerate() {
            assert_eq!(
                *v,
                2.0f32.mul_add(i as f32 * 0.5, 1000.0 - i as f32),
                "{cpu} [{i}]"
            );
        }
        assert_eq!(plain(14), 42);
    }
}

/// The file offset of the image's init tables (`mvimg_init_tables`, in the
/// symbol table).
fn init_tables_in_file(bytes: &[u8]) -> usize {
    use object::{Object, ObjectSection, ObjectSymbol};
    let file = object::File::parse(bytes).unwrap();
    let symbol = file
        .symbols()
        .find(|s| s.name() == Ok("mvimg_init_tables"))
        .expect("the image's symbol table names its init tables");
    let section = file
        .section_by_index(symbol.section_index().unwrap())
        .unwrap();
    let (offset, _) = section.file_range().unwrap();
    (offset + symbol.address() - section.address()) as usize
}

/// The image's own init selects from its tables, every reader from the
/// dispatch data: a file whose two descriptions disagree — a target's
/// requirement mask changed in the tables, or a feature dropped from a
/// target's string in the data — is refused as corrupt by inspect, `check`
/// (exit 2) and the loader, before anything of it runs.
#[test]
fn init_tables_and_dispatch_strings_that_disagree_are_refused() {
    use mvimg::cpu::image::layout as l;
    let dir = scratch("image-init-tables");
    let so = image(&dir);
    let bytes = std::fs::read(&so).unwrap();
    ImageFile::parse(&so, &bytes).expect("the built image agrees with itself");
    let at = init_tables_in_file(&bytes);
    let word = |k: u32| {
        let i = at + k as usize * 4;
        u32::from_le_bytes(bytes[i..i + 4].try_into().unwrap())
    };
    let mask_words = word(l::IH_MASK_WORDS);
    // Target 1's requirement mask, first word: every bit cleared (the init
    // would select it on any host).
    let mask_at =
        word(l::IH_TARGETS_AT) + (l::INIT_TARGET_WORDS + mask_words) + l::INIT_TARGET_WORDS;
    let mut tables = bytes.clone();
    let i = at + mask_at as usize * 4;
    assert_ne!(word(mask_at), 0, "target 1 needs something");
    tables[i..i + 4].copy_from_slice(&0u32.to_le_bytes());
    // The data's string of target 1: `avx2` made `avx,` (a feature dropped).
    let mut strings = bytes.clone();
    let (data, words) = data_in_file(&bytes);
    let region = &mut strings[data..data + words * 4];
    let found = region
        .windows(5)
        .position(|w| w == b"avx2,")
        .expect("a target records avx2");
    region[found..found + 5].copy_from_slice(b"avx,,");
    for (what, changed) in [("tables", tables), ("strings", strings)] {
        let path =
            rejected_by_inspect_and_the_loader(&dir, 900, what, "InitTablesDisagree", &changed);
        check_cannot_decide(&path, what, "disagree with the dispatch data");
    }
}
