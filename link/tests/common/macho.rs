//! Reading back how a Mach-O dylib binds its undefined symbols: the symbol
//! table's library ordinal and the binding dyld performs (bind opcodes, or
//! chained-fixup imports). Shared by mvimg-link's tests and the facade's.
#![allow(dead_code)]

use std::collections::BTreeMap;

use object::macho;
use object::read::macho::{MachOFile64, Nlist};
use object::Endianness;

fn uleb(bytes: &[u8], at: &mut usize) -> u64 {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let byte = bytes[*at];
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        shift += 7;
        if byte & 0x80 == 0 {
            return value;
        }
    }
}

/// The (symbol, library ordinal) of every bind in a dyld bind-opcode stream.
pub fn bind_opcodes(stream: &[u8], out: &mut BTreeMap<String, i64>) {
    let (mut at, mut ordinal, mut symbol) = (0, 0i64, String::new());
    while at < stream.len() {
        let (opcode, imm) = (stream[at] & 0xf0, stream[at] & 0x0f);
        at += 1;
        match opcode {
            macho::BIND_OPCODE_DONE => {}
            macho::BIND_OPCODE_SET_DYLIB_ORDINAL_IMM => ordinal = i64::from(imm),
            macho::BIND_OPCODE_SET_DYLIB_ORDINAL_ULEB => ordinal = uleb(stream, &mut at) as i64,
            // A 4-bit two's complement value: 0 self, -1 main, -2 flat lookup.
            macho::BIND_OPCODE_SET_DYLIB_SPECIAL_IMM => {
                ordinal = if imm == 0 { 0 } else { i64::from(imm) - 16 }
            }
            macho::BIND_OPCODE_SET_SYMBOL_TRAILING_FLAGS_IMM => {
                let end = at + stream[at..].iter().position(|&b| b == 0).unwrap();
                symbol = String::from_utf8_lossy(&stream[at..end]).into_owned();
                at = end + 1;
            }
            macho::BIND_OPCODE_SET_TYPE_IMM | macho::BIND_OPCODE_DO_BIND_ADD_ADDR_IMM_SCALED => {
                if opcode != macho::BIND_OPCODE_SET_TYPE_IMM {
                    out.insert(symbol.clone(), ordinal);
                }
            }
            macho::BIND_OPCODE_SET_ADDEND_SLEB | macho::BIND_OPCODE_ADD_ADDR_ULEB => {
                uleb(stream, &mut at);
            }
            macho::BIND_OPCODE_SET_SEGMENT_AND_OFFSET_ULEB => {
                uleb(stream, &mut at);
            }
            macho::BIND_OPCODE_DO_BIND => {
                out.insert(symbol.clone(), ordinal);
            }
            macho::BIND_OPCODE_DO_BIND_ADD_ADDR_ULEB => {
                out.insert(symbol.clone(), ordinal);
                uleb(stream, &mut at);
            }
            macho::BIND_OPCODE_DO_BIND_ULEB_TIMES_SKIPPING_ULEB => {
                out.insert(symbol.clone(), ordinal);
                uleb(stream, &mut at);
                uleb(stream, &mut at);
            }
            other => panic!("unexpected bind opcode {other:#x}"),
        }
    }
}

/// The (symbol, library ordinal) of every import of LC_DYLD_CHAINED_FIXUPS
/// (imports format 1, DYLD_CHAINED_IMPORT: 8-bit ordinal, 23-bit name offset).
pub fn chained_imports(data: &[u8], out: &mut BTreeMap<String, i64>) {
    let word = |at: usize| u32::from_le_bytes(data[at..at + 4].try_into().unwrap());
    let (imports, symbols, count, format) = (word(8), word(12), word(16), word(20));
    assert_eq!(format, 1, "DYLD_CHAINED_IMPORT");
    for i in 0..count {
        let import = word(imports as usize + 4 * i as usize);
        let ordinal = i64::from((import & 0xff) as u8 as i8);
        let name = symbols as usize + (import >> 9) as usize;
        let end = name + data[name..].iter().position(|&b| b == 0).unwrap();
        out.insert(
            String::from_utf8_lossy(&data[name..end]).into_owned(),
            ordinal,
        );
    }
}

/// How a dylib binds its imports.
pub struct Bindings {
    /// Per undefined external symbol: (library ordinal in the symbol
    /// table, ordinal dyld binds with: 1.. a linked dylib, -2 flat lookup).
    pub symbols: BTreeMap<String, (u8, i64)>,
    /// Whether chained fixups were used.
    pub chained: bool,
    /// The dylibs it links (LC_LOAD_DYLIB and weak ones), in ordinal order.
    pub dylibs: Vec<String>,
}

/// Reads the bindings of the Mach-O dylib `bytes`.
pub fn bindings(bytes: &[u8]) -> Bindings {
    let file = MachOFile64::<Endianness>::parse(bytes).unwrap();
    let endian = file.endian();

    let mut undefined = BTreeMap::new();
    let table = file.macho_symbol_table();
    for nlist in table.iter() {
        if nlist.is_undefined() && nlist.n_type() & macho::N_EXT != 0 {
            let name = String::from_utf8_lossy(nlist.name(endian, table.strings()).unwrap());
            undefined.insert(name.into_owned(), (nlist.n_desc(endian) >> 8) as u8);
        }
    }

    let mut bound = BTreeMap::new();
    let mut chained = false;
    let mut dylibs = Vec::new();
    let mut commands = file.macho_load_commands().unwrap();
    while let Some(command) = commands.next().unwrap() {
        if let Some(info) = command.dyld_info().unwrap() {
            for (off, size) in [
                (info.bind_off.get(endian), info.bind_size.get(endian)),
                (
                    info.lazy_bind_off.get(endian),
                    info.lazy_bind_size.get(endian),
                ),
            ] {
                bind_opcodes(&bytes[off as usize..(off + size) as usize], &mut bound);
            }
        }
        if command.cmd() == macho::LC_DYLD_CHAINED_FIXUPS {
            let data: &macho::LinkeditDataCommand<Endianness> = command.data().unwrap();
            let off = data.dataoff.get(endian) as usize;
            let size = data.datasize.get(endian) as usize;
            chained_imports(&bytes[off..off + size], &mut bound);
            chained = true;
        }
        if matches!(
            command.cmd(),
            macho::LC_LOAD_DYLIB | macho::LC_LOAD_WEAK_DYLIB
        ) {
            let dylib: &macho::DylibCommand<Endianness> = command.data().unwrap();
            let name = command.string(endian, dylib.dylib.name).unwrap();
            dylibs.push(String::from_utf8_lossy(name).into_owned());
        }
    }
    let mut symbols = BTreeMap::new();
    for (name, ordinal) in undefined {
        let bind = *bound
            .get(&name)
            .unwrap_or_else(|| panic!("no binding for {name} in {bound:?}"));
        symbols.insert(name, (ordinal, bind));
    }
    Bindings {
        symbols,
        chained,
        dylibs,
    }
}
