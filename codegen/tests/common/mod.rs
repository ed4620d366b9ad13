//! Helpers shared by the codegen integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh scratch directory under the cargo target tmp dir.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `clang-22 -O1 -emit-llvm` of `source` for `triple`.
pub fn ir(dir: &Path, source: &str, triple: &str) -> PathBuf {
    let c = dir.join("k.c");
    let ll = dir.join("k.ll");
    std::fs::write(&c, source).unwrap();
    let ok = Command::new("clang-22")
        .args([
            "-O1",
            "-emit-llvm",
            "-S",
            "-fPIC",
            &format!("--target={triple}"),
            "-o",
        ])
        .arg(&ll)
        .arg(&c)
        .status()
        .expect("clang-22 runs")
        .success();
    assert!(ok);
    ll
}

/// The symbols `image` exports, without a leading `_`, sorted.
pub fn exports(image: &Path) -> Vec<String> {
    use object::Object;
    let bytes = std::fs::read(image).unwrap();
    let file = object::File::parse(&*bytes).unwrap();
    // ELF: the defined global dynamic symbols, IFUNCs (mvimg's entries on
    // glibc) included, which `exports()` leaves out.
    let mut names: Vec<String> = if file.format() == object::BinaryFormat::Elf {
        use object::ObjectSymbol;
        file.dynamic_symbols()
            .filter(|s| s.is_global() && !s.is_undefined())
            .map(|s| s.name().unwrap().to_owned())
            .collect()
    } else {
        file.exports()
            .unwrap()
            .iter()
            .map(|e| {
                String::from_utf8_lossy(e.name())
                    .trim_start_matches('_')
                    .to_owned()
            })
            .collect()
    };
    names.sort();
    names
}

/// Reads the image at `path` back as `mvimg inspect` does (every part of its
/// dispatch data checked against the file's segments) and checks its target
/// count.
pub fn read_back(path: &Path, targets: usize) {
    let file = mvimg_cpu::image::ImageFile::read(path)
        .unwrap_or_else(|e| panic!("mvimg inspect rejects {}: {e}", path.display()));
    assert_eq!(file.data.targets.len(), targets, "{}", path.display());
}
