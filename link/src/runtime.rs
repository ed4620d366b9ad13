//! The toolchain runtime of a target: what clang's driver links into a shared
//! library of that triple besides the objects. An image links the compiler
//! builtins (gcc's `libgcc.a`: integer and float helpers, AArch64's outline
//! atomics) and may use the C library, libm, the unwinder and the C++ runtime;
//! on ELF those are linked `--as-needed`, so the image records a `DT_NEEDED`
//! entry only for the ones its code references, and on MinGW they are import
//! libraries, which add an import only for what is referenced.
//!
//! Files are looked up where Debian's native and cross toolchains install
//! them (`gcc`, `gcc-aarch64-linux-gnu`, `libc6-dev-arm64-cross`,
//! `gcc-mingw-w64-x86-64`, `mingw-w64-x86-64-dev`). macOS has no runtime
//! here (no SDK): Mach-O images leave undefined symbols to the loader.

use std::path::{Path, PathBuf};

use crate::error::LinkError;
use mvimg_cpu::{Arch, Os, Platform};

/// One file of the runtime.
struct Part {
    /// The file name.
    name: &'static str,
    /// Where it comes from.
    dirs: Dirs,
    /// Whether the link fails without it (else it is left out when absent,
    /// and the symbols it would provide come up as undefined).
    required: bool,
}

/// The directories a part is searched in.
#[derive(Clone, Copy)]
enum Dirs {
    /// gcc's own library directory of the triple (highest version).
    Gcc,
    /// The C library's directories of the triple.
    Libc,
}

/// The Debian multiarch name of a target and the Debian package that holds
/// its gcc runtime.
fn debian_triple(platform: &Platform) -> Option<(&'static str, &'static str)> {
    match (platform.os, platform.arch) {
        (Os::Linux, Arch::X86_64) => Some(("x86_64-linux-gnu", "gcc libc6-dev")),
        (Os::Linux, Arch::Aarch64) => Some((
            "aarch64-linux-gnu",
            "gcc-aarch64-linux-gnu libc6-dev-arm64-cross",
        )),
        (Os::Windows, _) => Some(("x86_64-w64-mingw32", "gcc-mingw-w64-x86-64")),
        (Os::Macos, _) => None,
    }
}

const fn part(name: &'static str, dirs: Dirs, required: bool) -> Part {
    Part {
        name,
        dirs,
        required,
    }
}

/// The ELF runtime, in link order.
const GNU: [Part; 5] = [
    part("libgcc.a", Dirs::Gcc, true),
    part("libstdc++.so.6", Dirs::Libc, false),
    part("libm.so", Dirs::Libc, true),
    part("libgcc_s.so.1", Dirs::Libc, true),
    // A linker script: libc.so.6, libc_nonshared.a and the dynamic loader
    // (which defines __tls_get_addr), as needed.
    part("libc.so", Dirs::Libc, true),
];

/// The MinGW runtime: the builtins, then import libraries of
/// libstdc++-6.dll and libgcc_s_seh-1.dll (the C++ runtime and the
/// unwinder), what the MinGW CRT defines for libstdc++'s headers
/// (`libmingw32.a`: `_CRT_MT`, which gthreads reads to know threads are on;
/// only the members a symbol needs are linked, never its startup code, which
/// nothing here references), mingw-w64's C99 additions to msvcrt
/// (`libmingwex.a`: `log2`, `trunc`, ...), and the import libraries of
/// msvcrt.dll and kernel32.dll.
const MINGW: [Part; 7] = [
    part("libgcc.a", Dirs::Gcc, true),
    part("libstdc++.dll.a", Dirs::Gcc, false),
    part("libgcc_s.a", Dirs::Gcc, false),
    part("libmingw32.a", Dirs::Libc, true),
    part("libmingwex.a", Dirs::Libc, true),
    part("libmsvcrt.a", Dirs::Libc, true),
    part("libkernel32.a", Dirs::Libc, true),
];

/// The files of a flavor's runtime, in link order.
fn parts(os: Os) -> &'static [Part] {
    match os {
        Os::Linux => &GNU,
        Os::Windows => &MINGW,
        Os::Macos => &[],
    }
}

/// The directories of `dirs` for the Debian triple `dt`, most specific first.
fn search_dirs(dirs: Dirs, dt: &str) -> Vec<PathBuf> {
    match dirs {
        Dirs::Gcc => {
            let mut found: Vec<(Vec<u64>, bool, PathBuf)> = Vec::new();
            for base in ["/usr/lib/gcc", "/usr/lib/gcc-cross"] {
                let Ok(entries) = std::fs::read_dir(Path::new(base).join(dt)) else {
                    continue;
                };
                for entry in entries.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    let (version, variant) = name.split_once('-').unwrap_or((&name, ""));
                    let Ok(numbers) = version
                        .split('.')
                        .map(str::parse::<u64>)
                        .collect::<Result<Vec<_>, _>>()
                    else {
                        continue;
                    };
                    // MinGW's win32 thread model needs no winpthread DLL.
                    found.push((numbers, variant != "posix", entry.path()));
                }
            }
            found.sort();
            found.into_iter().rev().map(|(_, _, path)| path).collect()
        }
        Dirs::Libc => [
            format!("/usr/{dt}/lib"),
            format!("/usr/lib/{dt}"),
            format!("/lib/{dt}"),
        ]
        .into_iter()
        .map(PathBuf::from)
        .collect(),
    }
}

/// The runtime libraries to link into a shared library for `platform`, in
/// link order; empty for Mach-O. Fails naming the missing file, where it was
/// looked for and the Debian packages that install it.
pub fn toolchain_runtime(platform: &Platform) -> Result<Vec<PathBuf>, LinkError> {
    let Some((dt, packages)) = debian_triple(platform) else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for part in parts(platform.os) {
        let dirs = search_dirs(part.dirs, dt);
        match dirs.iter().map(|d| d.join(part.name)).find(|p| p.exists()) {
            Some(path) => out.push(path),
            None if part.required => {
                let mut searched: Vec<String> =
                    dirs.iter().map(|d| d.display().to_string()).collect();
                if searched.is_empty() {
                    searched = vec![
                        format!("/usr/lib/gcc/{dt}/*"),
                        format!("/usr/lib/gcc-cross/{dt}/*"),
                    ];
                }
                return Err(LinkError::MissingRuntime {
                    triple: platform.to_string(),
                    file: part.name.to_owned(),
                    searched,
                    packages: packages.to_owned(),
                });
            }
            None => {}
        }
    }
    Ok(out)
}
