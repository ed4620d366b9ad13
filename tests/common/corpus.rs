//! Where the recorded-CPU corpus is: `$MVIMG_CORPUS`, else `../shared/corpus`
//! beside the checkout, else the copy the repository ships
//! (`tests/data/corpus.tar.xz`: the same files, with their licences and
//! provenance in its README.md), unpacked once under the target directory.
//! Tests that replay it never skip: a corpus that cannot be found or
//! unpacked fails them.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The corpus root (holding `libcpuid/` and `llvm-host-unittest/`).
pub fn corpus_root() -> PathBuf {
    static ROOT: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    ROOT.get_or_init(find_or_unpack).clone()
}

fn find_or_unpack() -> PathBuf {
    if let Some(root) = std::env::var_os("MVIMG_CORPUS") {
        let root = PathBuf::from(root);
        assert!(
            root.join("README.md").exists(),
            "MVIMG_CORPUS={} holds no corpus",
            root.display()
        );
        return root;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|d| d.join("tests/data/corpus.tar.xz").exists())
        .expect("the repository ships tests/data/corpus.tar.xz")
        .to_path_buf();
    let beside = repo.join("../shared/corpus");
    if beside.join("README.md").exists() {
        return beside;
    }
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let root = tmp.join("corpus");
    if root.join("README.md").exists() {
        return root;
    }
    // Unpack beside, then rename: test binaries (processes) may race to
    // unpack; within one, the OnceLock above serializes.
    let staging = tmp.join(format!("corpus-unpack-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).unwrap();
    let out = Command::new("tar")
        .arg("-xJf")
        .arg(repo.join("tests/data/corpus.tar.xz"))
        .arg("-C")
        .arg(&staging)
        .output()
        .expect("tar runs (ci/setup installs tar and xz-utils)");
    assert!(
        out.status.success(),
        "unpacking tests/data/corpus.tar.xz: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if std::fs::rename(staging.join("corpus"), &root).is_err() {
        assert!(
            root.join("README.md").exists(),
            "unpacking the corpus into {}",
            root.display()
        );
    }
    let _ = std::fs::remove_dir_all(&staging);
    root
}
