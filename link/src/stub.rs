//! The DLL entry point a CRT-free MinGW DLL needs: `DllMainCRTStartup`, the entry
//! LLD 22's MinGW driver gives a DLL (as clang and GCC do). It returns TRUE
//! for every reason it is called with; an image that needs its own process-attach
//! work links its own definition instead (`LinkOptions::dll_entry_stub = false`).

use object::write::{Object, StandardSection, Symbol, SymbolSection};
use object::{Architecture, BinaryFormat, Endianness, SymbolFlags, SymbolKind, SymbolScope};

/// The name of the entry point.
pub const DLL_ENTRY: &str = "DllMainCRTStartup";

/// A COFF x86_64 object defining `DllMainCRTStartup(hinst, reason, reserved)`
/// as `mov eax, 1; ret`.
pub fn dll_entry_stub() -> Result<Vec<u8>, object::write::Error> {
    let mut obj = Object::new(BinaryFormat::Coff, Architecture::X86_64, Endianness::Little);
    let text = obj.section_id(StandardSection::Text);
    // mov eax, 1 ; ret
    let code = [0xb8, 0x01, 0x00, 0x00, 0x00, 0xc3];
    let offset = obj.append_section_data(text, &code, 16);
    obj.add_symbol(Symbol {
        name: DLL_ENTRY.as_bytes().to_vec(),
        value: offset,
        size: code.len() as u64,
        kind: SymbolKind::Text,
        scope: SymbolScope::Linkage,
        weak: false,
        section: SymbolSection::Section(text),
        flags: SymbolFlags::None,
    });
    obj.write()
}
