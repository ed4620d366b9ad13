//! Builds cpp/lld.cpp against LLVM 22 and links it with LLD 22's static drivers
//! (liblld-22-dev), libLLVM, zlib and zstd. LLVM's location and C++ flags come
//! from mvimg-llvm-shim's build script (`DEP_MVIMG_LLVM_SHIM_*`), so the two
//! shims always see the same LLVM.

use std::env;
use std::path::PathBuf;

fn dep(name: &str) -> String {
    let key = format!("DEP_MVIMG_LLVM_SHIM_{name}");
    env::var(&key)
        .unwrap_or_else(|_| panic!("{key} is not set: mvimg-llvm-shim's build script provides it"))
}

fn main() {
    println!("cargo:rerun-if-changed=cpp/lld.cpp");
    let libdir = dep("LIBDIR");
    let lld_lib = PathBuf::from(&libdir).join("liblldELF.a");
    assert!(
        lld_lib.exists(),
        "{} is missing: install liblld-22-dev (ci/setup does)",
        lld_lib.display()
    );
    let mut build = cc::Build::new();
    build.cpp(true).file("cpp/lld.cpp").warnings(true);
    for flag in dep("CXXFLAGS").split_whitespace() {
        // LLVM's headers are system headers: their warnings are not ours.
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
