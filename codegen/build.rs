//! Compiles the image init (runtime/init.c, with runtime/mvimg_layout.h:
//! the dispatch data's layout, generated from mvimg-cpu and kept current by
//! a test, so that mvimg-cpu is not a build dependency compiled twice) to
//! LLVM IR for every platform an
//! image can be built for, with the LLVM 22 clang (`clang` in the bin
//! directory of `LLVM_SYS_221_PREFIX`, else `clang-22` on PATH). Module flags
//! (but the debug-info version), the compiler ident, the triple and the data
//! layout are dropped so the IR links into any module of its platform.

use std::env;
use std::path::PathBuf;
use std::process::Command;

/// (name, triple, extra flags): one IR file per platform; Windows images
/// whose code has thread-local variables get the variant with a TLS
/// directory.
const PLATFORMS: [(&str, &str, &[&str]); 6] = [
    ("x86_64-linux", "x86_64-unknown-linux-gnu", &[]),
    ("aarch64-linux", "aarch64-unknown-linux-gnu", &[]),
    ("x86_64-windows", "x86_64-w64-windows-gnu", &[]),
    (
        "x86_64-windows-tls",
        "x86_64-w64-windows-gnu",
        &["-DMVIMG_TLS_DIRECTORY"],
    ),
    ("x86_64-macos", "x86_64-apple-macosx10.13.0", &[]),
    ("aarch64-macos", "arm64-apple-macosx11.0.0", &[]),
];

fn clang() -> PathBuf {
    if let Some(prefix) = env::var_os("LLVM_SYS_221_PREFIX") {
        let path = PathBuf::from(prefix).join("bin").join("clang");
        if path.exists() {
            return path;
        }
    }
    PathBuf::from("clang-22")
}

/// A hash of the sources whose change can change what a partition compiles
/// to (this crate's, mvimg-cpu's, the LLVM shim's), for
/// `mvimg_codegen::fingerprint`: the cache and the distributed build's
/// workers tell builds of different sources apart by it.
fn source_hash() -> String {
    use std::hash::{Hash, Hasher};
    fn walk(dir: &std::path::Path, files: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, files);
            } else {
                files.push(path);
            }
        }
    }
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut files = Vec::new();
    for dir in [
        "src",
        "runtime",
        "build.rs",
        "../cpu/src",
        "../llvm-shim/src",
        "../llvm-shim/build.rs",
        "../llvm-shim/cpp",
    ] {
        let path = manifest.join(dir);
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            walk(&path, &mut files);
        } else {
            files.push(path);
        }
    }
    files.sort();
    let mut hasher = std::hash::DefaultHasher::new();
    for file in files {
        file.strip_prefix(&manifest)
            .unwrap_or(&file)
            .hash(&mut hasher);
        std::fs::read(&file).unwrap_or_default().hash(&mut hasher);
    }
    format!("{:016x}", hasher.finish())
}

fn main() {
    println!("cargo:rerun-if-changed=runtime/init.c");
    println!("cargo:rustc-env=MVIMG_SOURCE_HASH={}", source_hash());
    println!("cargo:rerun-if-env-changed=LLVM_SYS_221_PREFIX");
    println!("cargo:rerun-if-changed=runtime/mvimg_layout.h");
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let clang = clang();
    for (name, triple, extra) in PLATFORMS {
        let ll = out.join(format!("init-{name}.ll"));
        let status = Command::new(&clang)
            .args(["-target", triple, "-Os", "-S", "-emit-llvm"])
            .args(["-ffreestanding", "-fno-builtin", "-fno-stack-protector"])
            .args(["-fvisibility=hidden", "-fno-exceptions", "-fPIC"])
            .args([
                "-Wall",
                "-Wextra",
                "-Werror",
                "-Wno-unused-function",
                "-std=c11",
            ])
            .args(extra)
            .arg("runtime/init.c")
            .arg("-o")
            .arg(&ll)
            .status()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot run {}: {e}; install clang-22 (ci/setup does)",
                    clang.display()
                )
            });
        if !status.success() {
            panic!(
                "{} failed to compile runtime/init.c for {triple}",
                clang.display()
            );
        }
        let text = std::fs::read_to_string(&ll).expect("reading the init IR");
        let kept: Vec<&str> = text
            .lines()
            .filter(|l| {
                !l.starts_with("!llvm.module.flags")
                    && !l.starts_with("!llvm.ident")
                    && !l.starts_with("target triple")
                    && !l.starts_with("target datalayout")
            })
            .collect();
        // Without a debug-info version LLVM's IR reader warns and strips
        // loop metadata; this flag is what clang writes under -g.
        let flags = "!llvm.module.flags = !{!9000}\n\
                     !9000 = !{i32 2, !\"Debug Info Version\", i32 3}\n";
        std::fs::write(&ll, kept.join("\n") + "\n" + flags).expect("writing the init IR");
    }
}
