//! The image's own init (runtime/init.c) against mvimg-cpu, on every
//! recorded x86 CPU: init.c is compiled natively with `MVIMG_INIT_TEST`,
//! which makes CPUID and XGETBV answer from a recorded dump, and with the
//! tables codegen generates for a target list; for each libcpuid dump of
//! the corpus its host CPU name and its selection must equal what
//! mvimg-cpu's `Host::from_cpuid` and `select` give for the same dump.

use std::path::{Path, PathBuf};
use std::process::Command;

use mvimg_codegen::init::tables;
use mvimg_cpu::detect::Cpuid;
use mvimg_cpu::replay::CpuidDump;
use mvimg_cpu::x86_64::CpuidTest;
use mvimg_cpu::{select, Arch, Detection, Host, Os, SelectOptions, TargetList};

#[path = "../../tests/common/corpus.rs"]
mod corpus_data;

/// The harness's main, shared by both architectures: loads the tables
/// (argv[1]), then for each case of argv[2] reads it (`read_case`, defined by
/// the architecture's hooks) and prints the host's CPU name and the
/// selected target.
const HARNESS_MAIN: &str = r#"
u32 mvimg_init_tables[1 << 22];
int mvimg_test_choose(void);
const char *mvimg_test_host_cpu(void);
int main(int argc, char **argv) {
    if (argc != 3) return 2;
    FILE *t = fopen(argv[1], "rb");
    if (!t || fread(mvimg_init_tables, 4, 1 << 22, t) == 0) return 3;
    fclose(t);
    FILE *c = fopen(argv[2], "rb");
    u32 n;
    if (!c || fread(&n, 4, 1, c) != 1) return 4;
    for (u32 k = 0; k < n; k++) {
        if (!read_case(c)) return 5;
        int s = mvimg_test_choose();
        printf("%s %d\n", mvimg_test_host_cpu(), s);
    }
    return 0;
}
"#;

/// x86: CPUID and XGETBV answered from the case's leaves and XCR0.
const X86_HOOKS: &str = r#"
#include <stdio.h>
#include <string.h>
typedef unsigned int u32;
typedef unsigned long long u64;
static u32 leaves[4096][6];
static u32 n_leaves;
static u64 xcr0;
void mvimg_test_cpuid(u32 leaf, u32 sub, u32 r[4]) {
    for (u32 i = 0; i < n_leaves; i++)
        if (leaves[i][0] == leaf && leaves[i][1] == sub) { memcpy(r, &leaves[i][2], 16); return; }
    r[0] = r[1] = r[2] = r[3] = 0;
}
u64 mvimg_test_xcr0(void) { return xcr0; }
static int read_case(FILE *c) {
    return fread(&n_leaves, 4, 1, c) == 1 && n_leaves <= 4096 &&
           fread(leaves, 24, n_leaves, c) == n_leaves && fread(&xcr0, 8, 1, c) == 1;
}
"#;

/// AArch64: the capability words and /proc/cpuinfo from the case.
const ARM_HOOKS: &str = r#"
#include <stdio.h>
#include <string.h>
typedef unsigned int u32;
typedef unsigned long long u64;
static u64 words[3];
static char text[1 << 20];
static u32 text_len;
unsigned long mvimg_test_auxval(unsigned long type) {
    return type == 16 ? words[0] : type == 26 ? words[1] : type == 29 ? words[2] : 0;
}
int mvimg_test_file(const char *path, char *buf, u32 size, u32 *len) {
    if (strcmp(path, "/proc/cpuinfo") != 0) return 0;
    u32 n = text_len < size - 1 ? text_len : size - 1;
    memcpy(buf, text, n);
    buf[n] = 0;
    *len = n;
    return 1;
}
static int read_case(FILE *c) {
    return fread(words, 8, 3, c) == 3 && fread(&text_len, 4, 1, c) == 1 && text_len < sizeof text &&
           fread(text, 1, text_len, c) == text_len;
}
"#;

/// init.c with `hooks` and the shared main, compiled by `compiler` into
/// `dir/harness`.
fn build_harness(dir: &Path, compiler: &str, hooks: &str) -> PathBuf {
    let c = dir.join("harness.c");
    std::fs::write(&c, format!("{hooks}{HARNESS_MAIN}")).unwrap();
    std::fs::write(
        dir.join("mvimg_layout.h"),
        mvimg_codegen::init::LAYOUT_HEADER,
    )
    .unwrap();
    let init = Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime/init.c");
    let exe = dir.join("harness");
    let out = Command::new(compiler)
        .args(["-O1", "-DMVIMG_INIT_TEST", "-w", "-I"])
        .arg(dir)
        .arg("-o")
        .arg(&exe)
        .arg(&c)
        .arg(&init)
        .output()
        .unwrap_or_else(|e| panic!("{compiler} runs (ci/setup installs it): {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    exe
}

/// Runs the harness (under `runner` when given) on the tables of `targets`
/// and the cases file: per case, the init's CPU name and selection.
fn run_harness(
    dir: &Path,
    runner: &[&str],
    exe: &Path,
    targets: &mvimg_cpu::ResolvedTargets,
    cases: &Path,
) -> Vec<(String, i64)> {
    let words = tables(targets).unwrap();
    let tables_file = dir.join("tables.bin");
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    std::fs::write(&tables_file, bytes).unwrap();
    let mut command = match runner {
        [program, args @ ..] => {
            let mut c = Command::new(program);
            c.args(args).arg(exe);
            c
        }
        [] => Command::new(exe),
    };
    let out = command
        .arg(&tables_file)
        .arg(cases)
        .output()
        .expect("the harness runs (qemu-user from ci/setup for AArch64)");
    assert!(out.status.success(), "harness: {:?}", out.status);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let (name, selected) = l.rsplit_once(' ').unwrap();
            (name.to_owned(), selected.parse().unwrap())
        })
        .collect()
}

/// The differences between the init's answers and mvimg-cpu's for `hosts`
/// (labelled) with `targets`; counts the comparisons.
fn differences(
    targets: &mvimg_cpu::ResolvedTargets,
    hosts: &[(String, Host)],
    answers: &[(String, i64)],
    compared: &mut usize,
) -> Vec<String> {
    assert_eq!(answers.len(), hosts.len());
    let db = targets.arch.database();
    let list = targets.to_string();
    let mut out = Vec::new();
    for ((what, host), (c_name, c_selected)) in hosts.iter().zip(answers) {
        let name = db.cpu(&host.name).map_or("", |c| c.name());
        let selected =
            select(targets, host, &SelectOptions::default()).map_or(-1, |s| s.index as i64);
        *compared += 1;
        if c_name != name || *c_selected != selected {
            out.push(format!(
                "{what} ({list}): init says {c_name} {c_selected}, mvimg-cpu {name} {selected}"
            ));
        }
    }
    out
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The (leaf, sub-leaf) pairs the init may read on x86.
fn leaves_read() -> Vec<(u32, u32)> {
    let mut pairs = vec![
        (0, 0),
        (0x8000_0000, 0),
        (1, 0),
        (7, 0),
        (7, 1),
        (0x24, 0),
        (0xd, 0),
    ];
    for (_, how) in Arch::X86_64.database().detection_table() {
        if let Detection::Cpuid(source) = how {
            if let CpuidTest::Bit { leaf, subleaf, .. } = source.test {
                pairs.push((leaf, subleaf));
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// The dumps of the corpus that parse (the placeholders and the few that
/// are not x86 dumps aside), with their paths.
fn dumps(root: &Path) -> Vec<(String, CpuidDump)> {
    let manifest = std::fs::read_to_string(root.join("libcpuid/manifest.csv")).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for row in manifest.lines().skip(1) {
        let file = row.split(',').next().unwrap();
        if !seen.insert(file.to_owned()) || !file.ends_with(".test") {
            continue;
        }
        let path = root.join(file);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if let Ok(dump) = CpuidDump::parse(&text) {
            out.push((file.to_owned(), dump));
        }
    }
    out
}

/// The cases file: every dump's leaves and XCR0.
fn cases(dumps: &[(String, CpuidDump)]) -> Vec<u8> {
    let pairs = leaves_read();
    let mut bytes = (dumps.len() as u32).to_le_bytes().to_vec();
    for (_, dump) in dumps {
        bytes.extend((pairs.len() as u32).to_le_bytes());
        for &(leaf, sub) in &pairs {
            bytes.extend(leaf.to_le_bytes());
            bytes.extend(sub.to_le_bytes());
            for r in dump.cpuid(leaf, sub) {
                bytes.extend(r.to_le_bytes());
            }
        }
        bytes.extend(dump.xcr0().unwrap_or(0).to_le_bytes());
    }
    bytes
}

#[test]
fn init_names_and_selects_as_mvimg_cpu_on_every_recorded_x86_cpu() {
    let dir = scratch("init-harness-x86");
    let exe = build_harness(&dir, "clang-22", X86_HOOKS);
    let root = corpus_data::corpus_root();
    let dumps = dumps(&root);
    assert!(dumps.len() >= 480, "only {} dumps parse", dumps.len());
    let cases_file = dir.join("cases.bin");
    std::fs::write(&cases_file, cases(&dumps)).unwrap();
    let hosts: Vec<(String, Host)> = dumps
        .iter()
        .map(|(file, dump)| (file.clone(), Host::from_cpuid(dump)))
        .collect();
    let named = "generic;core2;nehalem;sandybridge;haswell;broadwell;skylake;skylake-avx512;\
                 cascadelake;icelake-server;znver1;znver2;znver3;znver4;btver2;bdver4;goldmont;\
                 alderlake;sapphirerapids";
    let mut mismatches = Vec::new();
    let mut compared = 0;
    let mut names_seen = std::collections::BTreeSet::new();
    let mut selections_seen = std::collections::BTreeSet::new();
    for list in [
        mvimg_cpu::default_target_list(Arch::X86_64, Os::Linux),
        named,
        // Julia's release list and one whose partial target lacks features
        // of its base (it takes them: the init and mvimg-cpu must agree).
        "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1);x86-64-v4,-rdrnd,base(1)",
        "generic;haswell,clone_all;x86-64-v4,base(1)",
    ] {
        let targets = list
            .parse::<TargetList>()
            .unwrap()
            .resolve(Arch::X86_64, None)
            .unwrap();
        let answers = run_harness(&dir, &[], &exe, &targets, &cases_file);
        for (name, selected) in &answers {
            names_seen.insert(name.clone());
            selections_seen.insert((list, *selected));
        }
        mismatches.extend(differences(&targets, &hosts, &answers, &mut compared));
    }
    eprintln!(
        "{compared} comparisons ({} dumps, four lists): {} CPU names, {} (list, selection) pairs",
        dumps.len(),
        names_seen.len(),
        selections_seen.len()
    );
    // The corpus spans many CPUs and every target of both lists.
    assert!(names_seen.len() >= 40, "{names_seen:?}");
    assert!(selections_seen.len() >= 15, "{selections_seen:?}");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

/// A /proc/cpuinfo block for one core.
fn core_block(index: usize, implementer: u8, variant: u8, part: u16) -> String {
    format!(
        "processor\t: {index}\nFeatures\t: fp asimd\nCPU implementer\t: {implementer:#04x}\n\
         CPU architecture: 8\nCPU variant\t: {variant:#x}\nCPU part\t: {part:#05x}\nCPU revision\t: 0\n\n"
    )
}

#[test]
fn init_names_and_selects_as_mvimg_cpu_on_every_recorded_arm_cpu() {
    let dir = scratch("init-harness-arm");
    let exe = build_harness(&dir, "aarch64-linux-gnu-gcc", ARM_HOOKS);

    // The cpuinfo texts of LLVM's host tests (with their Features lines, or
    // MIDRs only), then every part number of the implementers LLVM names,
    // Samsung's variants, and the big.LITTLE pair LLVM special-cases.
    let root = corpus_data::corpus_root();
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(root.join("llvm-host-unittest/cpuinfo"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("aarch64")
        })
        .collect();
    files.sort();
    for f in &files {
        texts.push((f.display().to_string(), std::fs::read_to_string(f).unwrap()));
    }
    let implementers = [
        0x00u8, 0x41, 0x42, 0x43, 0x46, 0x48, 0x4e, 0x50, 0x51, 0x53, 0x56, 0x61, 0x63, 0x6d, 0xc0,
        0xff,
    ];
    for &implementer in &implementers {
        for part in 0..0x1000u16 {
            let variants: &[u8] = if implementer == 0x53 {
                &[0, 1, 4]
            } else {
                &[0]
            };
            for &variant in variants {
                texts.push((
                    format!("{implementer:#04x}/{variant}/{part:#05x}"),
                    core_block(0, implementer, variant, part),
                ));
            }
        }
    }
    texts.push((
        "x925+a725".into(),
        core_block(0, 0x41, 0, 0xd85) + &core_block(1, 0x41, 0, 0xd87),
    ));
    texts.push((
        "MSM8996".into(),
        core_block(0, 0x51, 0, 0x205) + "Hardware\t: Qualcomm Technologies, Inc MSM8996\n",
    ));

    let mut cases = (texts.len() as u32).to_le_bytes().to_vec();
    let mut hosts = Vec::new();
    for (what, text) in &texts {
        let host = Host::from_text(text, what).unwrap_or_else(|e| panic!("{what}: {e}"));
        let info = mvimg_cpu::cpuinfo::CpuInfo::parse(text).unwrap();
        let (hwcaps, _) = info.hwcaps();
        for w in hwcaps.words {
            cases.extend(w.to_le_bytes());
        }
        cases.extend((text.len() as u32).to_le_bytes());
        cases.extend(text.as_bytes());
        hosts.push((what.clone(), host));
    }
    let cases_file = dir.join("cases.bin");
    std::fs::write(&cases_file, cases).unwrap();

    let mut mismatches = Vec::new();
    let mut compared = 0;
    // The default lists, and a list of CPU-named targets (where naming the
    // host and the ranking decide).
    let named = "generic;cortex-a53;cortex-a72;thunderx2t99;cortex-a76;neoverse-n1;\
                 cortex-x1;neoverse-v1;a64fx;neoverse-n2;neoverse-v2;apple-m1;apple-m2";
    for list in [
        mvimg_cpu::default_target_list(Arch::Aarch64, Os::Linux),
        mvimg_cpu::default_target_list(Arch::Aarch64, Os::Macos),
        named,
        // Julia's release list for AArch64 Linux.
        "generic;cortex-a57;thunderx2t99;carmel,clone_all;apple-m1,base(3);neoverse-512tvb,base(3)",
    ] {
        let targets = list
            .parse::<TargetList>()
            .unwrap()
            .resolve(Arch::Aarch64, None)
            .unwrap();
        let runner = ["qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"];
        let answers = run_harness(&dir, &runner, &exe, &targets, &cases_file);
        mismatches.extend(differences(&targets, &hosts, &answers, &mut compared));
    }
    eprintln!("{compared} comparisons ({} cases, four lists)", texts.len());
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches[..mismatches.len().min(40)].join("\n")
    );
}
