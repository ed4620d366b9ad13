//! Builds cpp/lld.cpp against LLVM 22 and links it with LLD 22's static drivers
//! (liblld-22-dev), libLLVM, zlib and zstd.

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
            "cannot run `{} {arg}`: {e}; install llvm-22-dev and liblld-22-dev (ci/setup does) \
             or set LLVM_SYS_221_PREFIX to an LLVM 22 installation",
            config.display()
        )
    });
    assert!(
        output.status.success(),
        "`{} {arg}` failed: {}",
        config.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

fn main() {
    println!("cargo:rerun-if-env-changed=LLVM_SYS_221_PREFIX");
    println!("cargo:rerun-if-changed=cpp/lld.cpp");
    let config = llvm_config();
    let libdir = query(&config, "--libdir");
    let lld_lib = PathBuf::from(&libdir).join("liblldELF.a");
    assert!(
        lld_lib.exists(),
        "{} is missing: install liblld-22-dev (ci/setup does)",
        lld_lib.display()
    );
    let mut build = cc::Build::new();
    build.cpp(true).file("cpp/lld.cpp").warnings(true);
    for flag in query(&config, "--cxxflags").split_whitespace() {
        match flag.strip_prefix("-I") {
            Some(dir) => build.flag("-isystem").flag(dir),
            None => build.flag(flag),
        };
    }
    build.compile("mvimg_lld");

    println!("cargo:rustc-link-search=native={libdir}");
    // Static archives in dependency order: MinGW calls COFF; all need Common.
    for lib in ["lldMinGW", "lldCOFF", "lldELF", "lldMachO", "lldCommon"] {
        println!("cargo:rustc-link-lib=static={lib}");
    }
    println!("cargo:rustc-link-lib=dylib=LLVM-22");
    println!("cargo:rustc-link-lib=dylib=z");
    println!("cargo:rustc-link-lib=dylib=zstd");
    println!("cargo:rustc-link-lib=dylib=stdc++");
}
