//! Helpers shared by mvimg-link's integration tests.
#![allow(dead_code)]

pub mod macho;
pub mod wine;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh, empty directory under Cargo's test scratch space.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The clang triple for a link triple: Darwin triples get the default minimum
/// macOS version, so that objects carry their platform.
pub fn clang_triple(triple: &str) -> &str {
    match triple {
        "x86_64-apple-darwin" => "x86_64-apple-macosx10.13.0",
        "aarch64-apple-darwin" => "arm64-apple-macosx11.0.0",
        other => other,
    }
}

/// Compiles the C `source` with clang-22 (-O2 -fPIC) for `clang_triple` into
/// `dir/NAME.o` and returns that path.
pub fn compile(source: &str, clang_triple: &str, dir: &Path, name: &str) -> PathBuf {
    let src = dir.join(format!("{name}.c"));
    std::fs::write(&src, source).unwrap();
    let obj = dir.join(format!("{name}.o"));
    run(
        "clang-22",
        &[
            "-c",
            "-O2",
            "-fPIC",
            &format!("--target={clang_triple}"),
            "-o",
            obj.to_str().unwrap(),
            src.to_str().unwrap(),
        ],
    );
    obj
}

/// Runs `program` and asserts that it succeeds.
pub fn run(program: impl AsRef<std::ffi::OsStr>, args: &[&str]) {
    let program = program.as_ref();
    let ok = Command::new(program)
        .args(args)
        .status()
        .unwrap_or_else(|e| panic!("{program:?} runs (ci/setup installs it): {e}"))
        .success();
    assert!(ok, "{program:?} {args:?}");
}

/// The names a file exports, sorted.
pub fn exported(bytes: &[u8]) -> Vec<String> {
    use object::Object;
    let file = object::File::parse(bytes).unwrap();
    let mut names: Vec<String> = file
        .exports()
        .unwrap()
        .iter()
        .map(|e| String::from_utf8_lossy(e.name()).into_owned())
        .collect();
    names.sort();
    names
}
