//! The platform an image is built for: architecture, operating system and
//! object format, parsed once from a target triple and passed down as a
//! value. Everything that differs per OS or format (the linker flavor, the
//! init's variant, Mach-O's single partition) asks this value, never the
//! triple text again.

use std::fmt;
use std::str::FromStr;

use target_lexicon::{Architecture, BinaryFormat, Environment, OperatingSystem, Triple};

use crate::arch::{Arch, Os};
use crate::error::Error;

/// An object file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObjectFormat {
    /// ELF (Linux shared objects).
    Elf,
    /// Mach-O (macOS dylibs).
    MachO,
    /// PE/COFF (Windows DLLs).
    Coff,
}

/// A target mvimg builds and links images for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Platform {
    /// The CPU architecture.
    pub arch: Arch,
    /// The operating system.
    pub os: Os,
    /// The triple as given, normalized by target-lexicon (LLVM gets this).
    triple: String,
    /// Linux: whether the C library is musl (the triple's environment),
    /// whose dynamic loader runs no IFUNC resolvers.
    musl: bool,
}

pub use crate::arch::SUPPORTED_TRIPLES;

// Names of architectures and operating systems are parsed here, beside
// triples, so that arch.rs needs no error type.
impl FromStr for Arch {
    type Err = Error;

    /// Accepts the canonical names and the spellings other tools use for the same
    /// architecture (`amd64`, `x86-64`, `arm64`).
    fn from_str(s: &str) -> Result<Arch, Error> {
        match s {
            "x86_64" | "x86-64" | "amd64" => Ok(Arch::X86_64),
            "aarch64" | "arm64" => Ok(Arch::Aarch64),
            _ => Err(Error::UnknownArch {
                name: s.to_owned(),
                suggestion: crate::suggest::closest(
                    s,
                    ["x86_64", "x86-64", "amd64", "aarch64", "arm64"],
                )
                .map(str::to_owned),
            }),
        }
    }
}

impl FromStr for Os {
    type Err = Error;

    fn from_str(s: &str) -> Result<Os, Error> {
        match s {
            "linux" => Ok(Os::Linux),
            "macos" | "darwin" => Ok(Os::Macos),
            "windows" => Ok(Os::Windows),
            _ => Err(Error::UnknownOs {
                name: s.to_owned(),
                suggestion: crate::suggest::closest(s, ["linux", "macos", "darwin", "windows"])
                    .map(str::to_owned),
            }),
        }
    }
}

impl Platform {
    /// The target triple (normal form).
    pub fn triple(&self) -> &str {
        &self.triple
    }

    /// The macOS version the triple names (`x86_64-apple-macosx11.0` gives
    /// `(11, 0)`, `arm64-apple-macos14` `(14, 0)`); `None` when it names none
    /// (or is not a macOS triple). Images are linked for it: objects built
    /// for a newer version than the link's minimum are refused by ld64.
    pub fn macos_version(&self) -> Option<(u32, u32)> {
        if self.os != Os::Macos {
            return None;
        }
        let os = self.triple.split('-').nth(2)?;
        let version = os
            .strip_prefix("macosx")
            .or_else(|| os.strip_prefix("macos"))?;
        let mut parts = version.split('.');
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next().map_or(Some(0), |m| m.parse().ok())?;
        Some((major, minor))
    }

    /// The object format of the platform's images.
    pub fn format(&self) -> ObjectFormat {
        match self.os {
            Os::Linux => ObjectFormat::Elf,
            Os::Macos => ObjectFormat::MachO,
            Os::Windows => ObjectFormat::Coff,
        }
    }

    /// Whether two platforms build the same code: same architecture and OS
    /// (triples may differ in vendor or OS version).
    pub fn same_code(&self, other: &Platform) -> bool {
        self.arch == other.arch && self.os == other.os
    }

    /// Whether the dynamic loader binds IFUNC symbols (`STT_GNU_IFUNC`) by
    /// calling their resolvers: Linux with glibc. An image's exported entries
    /// are IFUNCs there, trampolines through their slots elsewhere (Windows,
    /// macOS, musl).
    pub fn ifunc_entries(&self) -> bool {
        self.os == Os::Linux && !self.musl
    }

    /// Whether a pointer cell the dynamic loader relocates can be made
    /// read-only after relocation (ELF's RELRO): an image's slots go in a
    /// section of their own there, which the image's init makes writable
    /// while it fills them.
    pub fn relro(&self) -> bool {
        self.format() == ObjectFormat::Elf
    }

    /// The file name extension of the platform's shared libraries.
    pub fn library_extension(&self) -> &'static str {
        match self.os {
            Os::Linux => "so",
            Os::Macos => "dylib",
            Os::Windows => "dll",
        }
    }
}

impl FromStr for Platform {
    type Err = Error;

    fn from_str(text: &str) -> Result<Platform, Error> {
        let unknown = |reason: String| Error::UnknownPlatform {
            triple: text.to_owned(),
            reason,
        };
        let triple =
            Triple::from_str(text).map_err(|e| unknown(format!("not a target triple ({e})")))?;
        let arch = match triple.architecture {
            Architecture::X86_64 => Arch::X86_64,
            Architecture::Aarch64(_) => Arch::Aarch64,
            other => return Err(unknown(format!("architecture {other} is not supported"))),
        };
        let os = match (triple.operating_system, triple.binary_format) {
            (OperatingSystem::Linux, BinaryFormat::Elf | BinaryFormat::Unknown) => Os::Linux,
            (OperatingSystem::Darwin(_) | OperatingSystem::MacOSX(_), _) => Os::Macos,
            (OperatingSystem::Windows, _) if triple.environment == Environment::Gnu => Os::Windows,
            (OperatingSystem::Windows, _) => {
                return Err(unknown(format!(
                    "Windows environment {} is not supported (mvimg links MinGW DLLs: use the `gnu` environment)",
                    triple.environment
                )))
            }
            (os, _) => return Err(unknown(format!("operating system {os} is not supported"))),
        };
        if os == Os::Windows && arch != Arch::X86_64 {
            return Err(unknown("Windows DLLs are built for x86_64 only".to_owned()));
        }
        Ok(Platform {
            arch,
            os,
            musl: matches!(
                triple.environment,
                Environment::Musl | Environment::Musleabi | Environment::Musleabihf
            ),
            triple: triple.to_string(),
        })
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.triple)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn supported_triples_round_trip() {
        for triple in SUPPORTED_TRIPLES {
            let platform: Platform = triple.parse().unwrap();
            assert_eq!(platform.to_string(), triple);
            assert_eq!(platform.to_string().parse::<Platform>().unwrap(), platform);
        }
    }

    #[test]
    fn arch_os_and_format() {
        let p: Platform = "arm64-apple-macosx11.0.0".parse().unwrap();
        assert_eq!(
            (p.arch, p.os, p.format()),
            (Arch::Aarch64, Os::Macos, ObjectFormat::MachO)
        );
        let w: Platform = "x86_64-w64-windows-gnu".parse().unwrap();
        assert_eq!(w.format(), ObjectFormat::Coff);
        assert!(p.same_code(&"aarch64-apple-darwin".parse().unwrap()));
        assert!(!p.same_code(&"aarch64-unknown-linux-gnu".parse().unwrap()));
    }

    #[test]
    fn ifunc_entries_on_glibc_only() {
        for (triple, ifunc) in [
            ("x86_64-unknown-linux-gnu", true),
            ("aarch64-unknown-linux-gnu", true),
            ("x86_64-unknown-linux-musl", false),
            ("aarch64-unknown-linux-musl", false),
            ("x86_64-w64-windows-gnu", false),
            ("arm64-apple-macosx11.0.0", false),
        ] {
            let p: Platform = triple.parse().unwrap();
            assert_eq!(p.ifunc_entries(), ifunc, "{triple}");
        }
    }

    #[test]
    fn unsupported_triples_say_why() {
        for (triple, why) in [
            ("riscv64-unknown-linux-gnu", "architecture riscv64"),
            ("x86_64-pc-windows-msvc", "use the `gnu` environment"),
            ("aarch64-w64-windows-gnu", "x86_64 only"),
            ("x86_64-unknown-freebsd", "operating system freebsd"),
            ("not a triple", "not a target triple"),
        ] {
            let e = triple.parse::<Platform>().unwrap_err().to_string();
            assert!(e.contains(why) && e.contains(triple), "{triple}: {e}");
        }
    }
}
