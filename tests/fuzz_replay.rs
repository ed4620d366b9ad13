//! The fuzz targets' checks (fuzz/checks.rs) on stable Rust, in every test
//! run: each check over its seeds (the recorded-CPU corpus, the default
//! lists, images mvimg builds for four platforms), over every input kept in
//! fuzz/regressions/<target>/ (crashes the fuzzers found, fixed), and over a
//! bounded number of deterministic mutations of the seeds. The coverage-
//! guided runs themselves are `cargo +nightly fuzz run NAME` (fuzz/README.md).

use std::path::{Path, PathBuf};

use object::{Object, ObjectSection, ObjectSymbol};

#[path = "../fuzz/checks.rs"]
mod checks;
mod common;
#[path = "common/corpus.rs"]
mod corpus_data;
use common::{c_ir, mutate, mvimg_ok, s, scratch, Rng, KERNELS};

/// Runs `check` over `seeds`, the kept regressions of `target` and `rounds`
/// mutations; returns how many inputs ran.
fn replay(target: &str, check: fn(&[u8]), seeds: &[Vec<u8>], rounds: usize) -> usize {
    assert!(!seeds.is_empty(), "{target}: no seeds");
    let mut inputs = 0;
    for seed in seeds {
        check(seed);
        inputs += 1;
    }
    let kept = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    if let Ok(entries) = std::fs::read_dir(&kept) {
        for entry in entries {
            let path = entry.unwrap().path();
            check(&std::fs::read(&path).unwrap());
            inputs += 1;
        }
    }
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ target.len() as u64);
    for _ in 0..rounds {
        let seed = &seeds[rng.below(seeds.len())];
        check(&mutate(&mut rng, seed));
        inputs += 1;
    }
    eprintln!("{target}: {inputs} inputs");
    inputs
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn text_inputs_never_panic() {
    let root = corpus_data::corpus_root();
    let mut files = Vec::new();
    files_under(&root.join("libcpuid/tests"), &mut files);
    files_under(&root.join("llvm-host-unittest/cpuinfo"), &mut files);
    files.sort();
    let mut texts: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    texts.push(
        b"hw.cpufamily: 3660830781\nhw.optional.neon: 1\nhw.optional.arm.FEAT_DotProd: 1\n"
            .to_vec(),
    );
    let host_json = common::mvimg(&["host", "--json"]);
    texts.push(host_json.stdout);
    assert!(texts.len() > 500, "{} texts", texts.len());
    replay("host_text", checks::host_text, &texts, 3000);

    let lists: Vec<Vec<u8>> = [
        mvimg::cpu::default_target_list(mvimg::cpu::Arch::X86_64, mvimg::cpu::Os::Linux),
        mvimg::cpu::default_target_list(mvimg::cpu::Arch::Aarch64, mvimg::cpu::Os::Linux),
        mvimg::cpu::default_target_list(mvimg::cpu::Arch::Aarch64, mvimg::cpu::Os::Macos),
        "native;haswell,opt_size,-clone_all",
        "x86-64-v3,clone_all;skylake,base(0),-avx2;znver4,+avx512f,min_size,base(1)",
    ]
    .iter()
    .map(|l| l.as_bytes().to_vec())
    .collect();
    replay("target_list", checks::target_list, &lists, 400);

    let nodes: Vec<Vec<u8>> = [
        "haswell,-avx2*3\nznver3,-xsaves*16\nx86_64:nehalem",
        "aarch64:a64fx\ncortex-a53*4\nneoverse-n1,+sve",
        "skylake-avx512\nicelake-server,-avx512f\ngoldmont",
    ]
    .iter()
    .map(|l| l.as_bytes().to_vec())
    .collect();
    replay("fleet_node", checks::fleet_node, &nodes, 300);
}

/// The bytes of the dispatch data in `image`: from its symbol to the end of
/// its section (the data's header says how much of it is the data).
fn dispatch_bytes(image: &[u8]) -> Vec<u8> {
    let file = object::File::parse(image).unwrap();
    let symbol = file
        .symbols()
        .chain(file.dynamic_symbols())
        .find(|s| {
            s.name()
                .is_ok_and(|n| n.trim_start_matches('_') == "mvimg_dispatch_data")
        })
        .expect("the image exports mvimg_dispatch_data");
    let section = file
        .section_by_index(symbol.section_index().unwrap())
        .unwrap();
    let data = section.data().unwrap();
    data[(symbol.address() - section.address()) as usize..].to_vec()
}

#[test]
fn image_inputs_never_panic() {
    let dir = scratch("fuzz-replay");
    let mut images = Vec::new();
    for (triple, name, format) in [
        ("x86_64-unknown-linux-gnu", "libk.so", "elf"),
        ("aarch64-unknown-linux-gnu", "libk-arm.so", "elf"),
        ("x86_64-apple-darwin", "libk.dylib", "macho"),
        ("x86_64-w64-windows-gnu", "k.dll", "pe"),
    ] {
        let ir = c_ir(&dir, &format!("k-{triple}"), KERNELS, triple);
        let out = dir.join(name);
        mvimg_ok(&["build", "--no-runtime", "-o", s(&out), s(&ir)]);
        // Every object format is read and its addresses checked against
        // its segments, by the library and by `mvimg inspect`.
        let file = mvimg::inspect::ImageFile::read(&out).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(file.format, format);
        let platform: mvimg::cpu::Platform = triple.parse().unwrap();
        let default = mvimg::cpu::default_target_list(platform.arch, platform.os);
        assert_eq!(file.data.list, default, "{name}: the default list");
        assert!(file.data.slots.len() >= 3, "{name}");
        assert!(
            (0..file.data.targets.len()).all(|t| file.code_bytes(t) > 0),
            "{name}: every target's bodies are sized"
        );
        let shown = common::stdout_of(&common::mvimg(&["inspect", s(&out)]), name);
        assert!(
            shown.contains(&format!(" {format} image, dispatch data version 2")),
            "{shown}"
        );
        images.push(std::fs::read(&out).unwrap());
    }
    let data: Vec<Vec<u8>> = images.iter().map(|i| dispatch_bytes(i)).collect();
    for d in &data {
        mvimg::cpu::DispatchData::parse(d).expect("the seeds parse");
    }
    replay("dispatch_data", checks::dispatch_data, &data, 5000);
    replay("image_file", checks::image_file, &images, 600);
    replay("image_head", checks::image_head, &images, 600);
}
