//! The mini language runtime example (examples/runtime) run as part of the
//! suite: `cargo test` builds the examples, and this runs the one that builds
//! a runtime, a system image and a package image for five platforms and
//! runs them natively, under qemu and wine against the ordinary build.

use std::path::PathBuf;
use std::process::Command;

#[path = "../link/tests/common/wine.rs"]
mod wine;

/// The example binary cargo built beside this test
/// (`target/<profile>/examples/NAME`).
fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let profile = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let path = profile.join("examples").join(name);
    assert!(
        path.exists(),
        "{} was not built: `cargo test` builds the examples",
        path.display()
    );
    path
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn the_mini_runtime_example_runs_everywhere_like_the_ordinary_build() {
    let out = Command::new(example("runtime"))
        .env("RUST_BACKTRACE", "0")
        .env("WINEPREFIX", wine::prefix())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("every run (7) computed what the ordinary build computes"),
        "{text}"
    );
    for line in [
        "qemu Nehalem: system image: target 0 (generic)",
        "qemu Haswell: system image: target 1 (haswell,clone_all)",
        "a64fx: system image: target 3 (a64fx)",
        "Rust loader: refused as asked",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }
    // The runtime's C side built each platform's package image through the
    // C API.
    assert_eq!(
        text.matches("(through the C API of mvimg ").count(),
        5,
        "{text}"
    );
}
