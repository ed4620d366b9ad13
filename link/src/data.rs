//! Data objects: an object file holding bytes under a global symbol, for a
//! runtime that links a serialized heap or a table beside an image's code
//! (`mvimg build --object`, `ImageBuilder::object_bytes`).

use mvimg_cpu::{Arch, ObjectFormat, Platform};
use object::write::{MachOBuildVersion, Object, StandardSection, Symbol, SymbolSection};
use object::{Architecture, BinaryFormat, Endianness, SymbolFlags, SymbolKind, SymbolScope};

use crate::error::{JobProblem, LinkError};
use crate::flavor::macos_default_min;

/// An object file for `platform` whose read-only data section holds
/// `bytes`, aligned to `align` bytes (a power of two), under the global
/// symbol `symbol` (C name; Mach-O's leading `_` is added). Mach-O objects
/// carry the build version mvimg links with by default.
pub fn data_object(
    platform: &Platform,
    symbol: &str,
    bytes: &[u8],
    align: u64,
) -> Result<Vec<u8>, LinkError> {
    if !align.is_power_of_two() {
        return Err(LinkError::InvalidJob(JobProblem::BadAlignment {
            symbol: symbol.to_owned(),
            align,
        }));
    }
    let format = match platform.format() {
        ObjectFormat::Elf => BinaryFormat::Elf,
        ObjectFormat::MachO => BinaryFormat::MachO,
        ObjectFormat::Coff => BinaryFormat::Coff,
    };
    let arch = match platform.arch {
        Arch::X86_64 => Architecture::X86_64,
        Arch::Aarch64 => Architecture::Aarch64,
    };
    let mut obj = Object::new(format, arch, Endianness::Little);
    if format == BinaryFormat::MachO {
        // ld64.lld warns (an error with -fatal_warnings) on objects without
        // a platform, or for a newer macOS than the link's.
        let (major, minor) = macos_default_min(platform.arch);
        let mut version = MachOBuildVersion::default();
        version.platform = object::macho::PLATFORM_MACOS;
        version.minos = (major << 16) | (minor << 8);
        version.sdk = version.minos;
        obj.set_macho_build_version(version);
    }
    let section = obj.section_id(StandardSection::ReadOnlyData);
    let offset = obj.append_section_data(section, bytes, align);
    obj.add_symbol(Symbol {
        name: symbol.as_bytes().to_vec(),
        value: offset,
        size: bytes.len() as u64,
        kind: SymbolKind::Data,
        scope: SymbolScope::Dynamic,
        weak: false,
        section: SymbolSection::Section(section),
        flags: SymbolFlags::None,
    });
    obj.write().map_err(|e| {
        LinkError::InvalidJob(JobProblem::DataObject {
            symbol: symbol.to_owned(),
            message: e.to_string(),
        })
    })
}
