//! Which flavor links for which target triple.

use std::fmt;
use std::str::FromStr;

use target_lexicon::{Architecture, BinaryFormat, Environment, OperatingSystem, Triple};

use crate::error::LinkError;

/// The linker flavor: the object format and the driver conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flavor {
    /// ELF shared libraries (`ld.lld`), Linux.
    Gnu,
    /// Mach-O dylibs (`ld64.lld`), macOS.
    Darwin,
    /// PE DLLs through LLD's MinGW driver (`ld.lld -m i386pep`), Windows.
    Mingw,
}

/// The CPU architecture of a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkArch {
    /// x86_64.
    X86_64,
    /// AArch64 (arm64).
    Aarch64,
}

/// A target mvimg links for: triple, flavor and architecture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkTarget {
    /// The triple as parsed (normal form).
    pub triple: String,
    /// The flavor.
    pub flavor: Flavor,
    /// The architecture.
    pub arch: LinkArch,
}

const SUPPORTED: &str =
    "x86_64-unknown-linux-gnu, aarch64-unknown-linux-gnu, x86_64-apple-darwin, \
                         aarch64-apple-darwin, x86_64-w64-windows-gnu";

impl FromStr for LinkTarget {
    type Err = LinkError;

    fn from_str(text: &str) -> Result<LinkTarget, LinkError> {
        let unknown = |reason: String| LinkError::UnknownTarget {
            triple: text.to_owned(),
            reason: format!("{reason}; supported: {SUPPORTED}"),
        };
        let triple =
            Triple::from_str(text).map_err(|e| unknown(format!("not a target triple ({e})")))?;
        let arch = match triple.architecture {
            Architecture::X86_64 => LinkArch::X86_64,
            Architecture::Aarch64(_) => LinkArch::Aarch64,
            other => return Err(unknown(format!("architecture {other} is not supported"))),
        };
        let flavor = match (triple.operating_system, triple.binary_format) {
            (OperatingSystem::Linux, BinaryFormat::Elf | BinaryFormat::Unknown) => Flavor::Gnu,
            (OperatingSystem::Darwin(_) | OperatingSystem::MacOSX(_), _) => Flavor::Darwin,
            (OperatingSystem::Windows, _) if triple.environment == Environment::Gnu => Flavor::Mingw,
            (OperatingSystem::Windows, _) => {
                return Err(unknown(format!(
                    "Windows environment {} is not supported (mvimg links MinGW DLLs: use the `gnu` environment)",
                    triple.environment
                )))
            }
            (os, _) => return Err(unknown(format!("operating system {os} is not supported"))),
        };
        if flavor == Flavor::Mingw && arch != LinkArch::X86_64 {
            return Err(unknown(
                "Windows DLLs are linked for x86_64 only".to_owned(),
            ));
        }
        Ok(LinkTarget {
            triple: triple.to_string(),
            flavor,
            arch,
        })
    }
}

impl fmt::Display for LinkTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.triple)
    }
}
