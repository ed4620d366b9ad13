//! Running Windows programs under wine. Shared by mvimg-link's tests and
//! the facade's.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// wine64 as Debian's wine64 package installs it (not on PATH), else from PATH.
pub fn wine64() -> PathBuf {
    let debian = Path::new("/usr/lib/wine/wine64");
    if debian.exists() {
        debian.to_path_buf()
    } else {
        PathBuf::from("wine64")
    }
}

/// The one wine prefix every test of this target directory shares, made on
/// first use. A prefix is ~700 MB and ~10 s to make; one per test filled
/// CI's disk. It is made in a directory of this process's own and renamed
/// into place once complete, so a test that sees it sees a whole prefix,
/// and tests racing to make it leave one.
pub fn prefix() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let prefix = tmp.join("wine-prefix");
    if prefix.join("system.reg").exists() {
        return prefix;
    }
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let staging = tmp.join(format!("wine-prefix.making.{}.{nanos}", std::process::id()));
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(tmp).unwrap();
    let boot = std::process::Command::new(wine64())
        .args(["wineboot", "--init"])
        .env("WINEPREFIX", &staging)
        .env("WINEDEBUG", "-all")
        .output()
        .expect("wine64 runs (ci/setup installs it)");
    // A failed prefix is removed before the test fails: one left behind
    // per run is what filled CI's disk.
    let fail = |message: String| -> ! {
        let _ = std::fs::remove_dir_all(&staging);
        panic!("{message}")
    };
    if !boot.status.success() {
        fail(format!(
            "wineboot --init in {}: {}",
            staging.display(),
            String::from_utf8_lossy(&boot.stderr)
        ));
    }
    // The prefix's wineserver writes the registry when it exits.
    let server = wine64().with_file_name("wineserver");
    let _ = std::process::Command::new(if server.exists() {
        server
    } else {
        PathBuf::from("wineserver")
    })
    .arg("-w")
    .env("WINEPREFIX", &staging)
    .status();
    if !staging.join("system.reg").exists() {
        fail(format!(
            "wineboot --init made no registry in {}",
            staging.display()
        ));
    }
    if std::fs::rename(&staging, &prefix).is_err() {
        // Another test made it first.
        if !prefix.join("system.reg").exists() {
            fail(format!(
                "could not move {} to {}",
                staging.display(),
                prefix.display()
            ));
        }
        let _ = std::fs::remove_dir_all(&staging);
    }
    prefix
}

/// `wine64 program` in the shared prefix, wine's own messages off.
pub fn command(program: impl AsRef<std::ffi::OsStr>) -> std::process::Command {
    let mut command = std::process::Command::new(wine64());
    command
        .arg(program)
        .env("WINEPREFIX", prefix())
        .env("WINEDEBUG", "-all");
    command
}
