//! The instruction set architectures mvimg builds and dispatches for.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An instruction set architecture with a CPU database.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Arch {
    /// x86-64 (AMD64, Intel 64).
    #[serde(rename = "x86_64")]
    X86_64,
    /// AArch64 (ARMv8-A and later, 64-bit).
    #[serde(rename = "aarch64")]
    Aarch64,
}

impl Arch {
    /// Every architecture, in a fixed order.
    pub const ALL: [Arch; 2] = [Arch::X86_64, Arch::Aarch64];

    /// The architecture this program was compiled for, if mvimg knows it.
    pub fn host() -> Option<Arch> {
        if cfg!(target_arch = "x86_64") {
            Some(Arch::X86_64)
        } else if cfg!(target_arch = "aarch64") {
            Some(Arch::Aarch64)
        } else {
            None
        }
    }

    /// The canonical name, as in target triples ("x86_64", "aarch64").
    pub fn name(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64",
            Arch::Aarch64 => "aarch64",
        }
    }

    /// The name LLVM uses for the generic CPU of this architecture: the ISA
    /// baseline that the target name `generic` stands for.
    pub fn baseline_cpu(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86-64",
            Arch::Aarch64 => "generic",
        }
    }

    /// A Linux target triple for this architecture, used where only the CPU
    /// tables matter (they do not depend on the OS).
    pub fn linux_triple(self) -> &'static str {
        match self {
            Arch::X86_64 => "x86_64-unknown-linux-gnu",
            Arch::Aarch64 => "aarch64-unknown-linux-gnu",
        }
    }
}

impl fmt::Display for Arch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The operating system an image is built for, where it changes defaults.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Os {
    /// Linux (ELF images).
    Linux,
    /// macOS (Mach-O images).
    Macos,
    /// Windows (PE images).
    Windows,
}

impl Os {
    /// The operating system this program runs on (Linux for any mvimg does
    /// not build for).
    pub fn host() -> Os {
        if cfg!(target_os = "macos") {
            Os::Macos
        } else if cfg!(windows) {
            Os::Windows
        } else {
            Os::Linux
        }
    }

    /// The canonical name ("linux", "macos", "windows").
    pub fn name(self) -> &'static str {
        match self {
            Os::Linux => "linux",
            Os::Macos => "macos",
            Os::Windows => "windows",
        }
    }
}

impl fmt::Display for Os {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The triples mvimg builds for, one per platform.
pub const SUPPORTED_TRIPLES: [&str; 5] = [
    "x86_64-unknown-linux-gnu",
    "aarch64-unknown-linux-gnu",
    "x86_64-apple-darwin",
    "aarch64-apple-darwin",
    "x86_64-w64-windows-gnu",
];
