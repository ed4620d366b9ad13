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
