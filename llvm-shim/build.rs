//! Builds cpp/shim.cpp against LLVM 22 and links it with libLLVM.
//!
//! LLVM is found the way llvm-sys finds it: `LLVM_SYS_221_PREFIX` (set in
//! .cargo/config.toml), else `llvm-config-22` on PATH.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn llvm_config() -> PathBuf {
    if let Some(prefix) = env::var_os("LLVM_SYS_221_PREFIX") {
        return PathBuf::from(prefix).join("bin").join("llvm-config");
    }
    PathBuf::from("llvm-config-22")
}

fn query(config: &PathBuf, arg: &str) -> String {
    let output = Command::new(config).arg(arg).output().unwrap_or_else(|e| {
        panic!(
            "cannot run `{} {arg}`: {e}; install llvm-22-dev (ci/setup does) \
             or set LLVM_SYS_221_PREFIX to an LLVM 22 installation",
            config.display()
        )
    });
    if !output.status.success() {
        panic!(
            "`{} {arg}` failed: {}",
            config.display(),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn main() {
    println!("cargo:rerun-if-env-changed=LLVM_SYS_221_PREFIX");
    println!("cargo:rerun-if-changed=cpp/shim.cpp");
    let config = llvm_config();
    let version = query(&config, "--version");
    if !version.starts_with("22.") {
        panic!(
            "{} reports LLVM {version}; mvimg needs LLVM 22",
            config.display()
        );
    }
    let cxxflags = query(&config, "--cxxflags");
    let mut build = cc::Build::new();
    build.cpp(true).file("cpp/shim.cpp").warnings(true);
    for flag in cxxflags.split_whitespace() {
        // LLVM's headers are system headers: their warnings are not ours.
        match flag.strip_prefix("-I") {
            Some(dir) => build.flag("-isystem").flag(dir),
            None => build.flag(flag),
        };
    }
    build.compile("mvimg_llvm_shim");

    let libdir = query(&config, "--libdir");
    println!("cargo:rustc-link-search=native={libdir}");
    println!("cargo:rustc-link-lib=dylib=LLVM-22");
    println!("cargo:libdir={libdir}");
    println!("cargo:include={}", query(&config, "--includedir"));
    // For other crates' C++ against the same LLVM (mvimg-link's LLD shim):
    // DEP_MVIMG_LLVM_SHIM_CXXFLAGS.
    println!("cargo:cxxflags={cxxflags}");
}
