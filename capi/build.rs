//! Writes `mvimg.pc` to `target/<profile>/`, so that a C build finds the
//! header and the library with pkg-config:
//! `PKG_CONFIG_PATH=target/release pkg-config --cflags --libs mvimg`.
//!
//! Its `libdir` is `target/<profile>/deps`, where cargo writes the
//! libraries on every build: cargo copies them up to `target/<profile>/`
//! only when mvimg-capi itself is what was asked for (`cargo build -p
//! mvimg-capi`), not when it is built for tests or as a dependency, and a
//! copy left there by an earlier build would be stale.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // OUT_DIR is <target>/<profile>/build/<package>-<hash>/out.
    let Some(profile_dir) = out.ancestors().nth(3) else {
        return;
    };
    let include = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"))
        .join("include");
    let pc = format!(
        "libdir={}\nincludedir={}\n\nName: mvimg\nDescription: mvimg's C API: build, link and \
         check multi-versioned images\nVersion: {}\nLibs: -L${{libdir}} -lmvimg_capi\nCflags: \
         -I${{includedir}}\n",
        profile_dir.join("deps").display(),
        include.display(),
        std::env::var("CARGO_PKG_VERSION").unwrap_or_default()
    );
    // Best effort: the libraries build without it.
    if let Err(e) = std::fs::write(profile_dir.join("mvimg.pc"), pc) {
        println!("cargo:warning=mvimg.pc not written: {e}");
    }
}
