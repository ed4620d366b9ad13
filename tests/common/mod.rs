//! Helpers the facade's integration tests share.

#![allow(dead_code)] // each test crate uses its own subset

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh, empty scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `program` with `args`; panics with its stderr unless it succeeds.
pub fn run_ok(program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (ci/setup installs it): {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `clang-22 -O1 -fPIC` of C `source` to LLVM IR for `triple` at
/// `dir/name.ll` (the C is written to `dir/name.c`).
pub fn c_ir(dir: &Path, name: &str, source: &str, triple: &str) -> PathBuf {
    let (c, ll) = (
        dir.join(format!("{name}.c")),
        dir.join(format!("{name}.ll")),
    );
    std::fs::write(&c, source).unwrap();
    run_ok(
        "clang-22",
        &[
            "-O1",
            "-S",
            "-emit-llvm",
            "-fPIC",
            &format!("--target={triple}"),
            "-o",
            ll.to_str().unwrap(),
            c.to_str().unwrap(),
        ],
    );
    ll
}

/// The `DT_NEEDED` entries of the ELF shared library at `path`, in order.
pub fn needed_libraries(path: &Path) -> Vec<String> {
    use object::read::elf::{Dyn, ElfFile64, FileHeader, SectionHeader};
    let bytes = std::fs::read(path).unwrap();
    let elf = ElfFile64::<object::Endianness>::parse(&*bytes).unwrap();
    let endian = elf.endian();
    let sections = elf.elf_header().sections(endian, &*bytes).unwrap();
    let mut out = Vec::new();
    for section in sections.iter() {
        let Some((entries, link)) = section.dynamic(endian, &*bytes).unwrap() else {
            continue;
        };
        let strings = sections.strings(endian, &*bytes, link).unwrap();
        for entry in entries {
            if entry.tag32(endian) == Some(object::elf::DT_NEEDED) {
                let name = entry.string(endian, strings).unwrap();
                out.push(String::from_utf8_lossy(name).into_owned());
            }
        }
    }
    out
}

/// `mvimg inspect` and `mvimg explain` accept the image and see its targets.
pub fn check_readers(image: &Path, targets: usize) {
    let mvimg = env!("CARGO_BIN_EXE_mvimg");
    let inspect = Command::new(mvimg)
        .args(["inspect", "--json", image.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        inspect.status.success(),
        "mvimg inspect {}: {}",
        image.display(),
        String::from_utf8_lossy(&inspect.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&inspect.stdout).unwrap();
    assert_eq!(
        json["targets"].as_array().map(Vec::len),
        Some(targets),
        "{json}"
    );
    let host = match json["arch"].as_str() {
        Some("aarch64") => "neoverse-n1",
        _ => "haswell",
    };
    let explain = Command::new(mvimg)
        .args([
            "explain",
            "--json",
            "--host-cpu",
            host,
            image.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        explain.status.success(),
        "mvimg explain {}: {}",
        image.display(),
        String::from_utf8_lossy(&explain.stderr)
    );
}

/// A path as the `&str` a command line takes (test paths are UTF-8).
pub fn s(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// Runs the `mvimg` binary with `args`.
pub fn mvimg(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mvimg"))
        .args(args)
        .output()
        .expect("the mvimg binary runs")
}

/// Runs `mvimg` and panics with its stderr unless it succeeds.
pub fn mvimg_ok(args: &[&str]) {
    let out = mvimg(args);
    assert!(
        out.status.success(),
        "mvimg {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A program's standard output (carriage returns dropped, for wine), after
/// checking that it succeeded; `what` names it in the failure.
pub fn stdout_of(out: &std::process::Output, what: &str) -> String {
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(
        out.status.success(),
        "{what}: exit {:?}\n{text}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// Standard output and standard error together.
pub fn all_output(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs `mvimg` expecting it to fail: its stderr must contain `needle` and
/// nothing may be left at `output`. Returns the stderr.
pub fn mvimg_fails(args: &[&str], needle: &str, output: &Path) -> String {
    let out = mvimg(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "mvimg {args:?} succeeded");
    assert!(stderr.contains(needle), "mvimg {args:?}: {stderr}");
    assert!(!output.exists(), "mvimg {args:?} left {}", output.display());
    stderr
}
