//! Undefined symbols of a dylib (`-undefined dynamic_lookup`) are bound through
//! flat-namespace lookup, read back from the Mach-O file: the symbol table's
//! library ordinal and the binding dyld performs (bind opcodes, or chained-fixup
//! imports when the deployment target asks for them).

mod common;

use std::collections::BTreeMap;

use common::{compile, scratch};
use mvimg_cpu::Platform;
use mvimg_link::LinkJob;
use object::macho;
use object::read::macho::{MachOFile64, Nlist};
use object::Endianness;

/// Calls a function and reads a variable the host process provides.
const SOURCE: &str = "extern int mvimg_host_callback(int);\n\
                      extern int mvimg_host_value;\n\
                      int mvimg_call(int a) { return mvimg_host_callback(a) + mvimg_host_value; }\n";

const IMPORTS: [&str; 2] = ["_mvimg_host_callback", "_mvimg_host_value"];

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
fn bind_opcodes(stream: &[u8], out: &mut BTreeMap<String, i64>) {
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
fn chained_imports(data: &[u8], out: &mut BTreeMap<String, i64>) {
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

/// Links SOURCE for `triple` (macOS `min`) and returns, for each undefined
/// symbol, (library ordinal of the symbol table entry, ordinal dyld binds
/// with), and whether chained fixups were used.
fn bindings(triple: &str, clang_triple: &str, min: &str) -> (BTreeMap<String, (u8, i64)>, bool) {
    let dir = scratch(&format!("bind-{clang_triple}"));
    let object = compile(SOURCE, clang_triple, &dir, "lib");
    let target: Platform = triple.parse().unwrap();
    let mut job = LinkJob::new(target, vec![object], dir.join("libimg.dylib"));
    job.exports = vec!["mvimg_call".into()];
    job.options.macos_min_version = Some(min.into());
    let out = job.link().unwrap_or_else(|e| panic!("{triple}: {e}"));
    let bytes = std::fs::read(out.output).unwrap();
    let file = MachOFile64::<Endianness>::parse(&*bytes).unwrap();
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
    }
    let mut result = BTreeMap::new();
    for (name, ordinal) in undefined {
        let bind = *bound
            .get(&name)
            .unwrap_or_else(|| panic!("{triple}: no binding for {name} in {bound:?}"));
        result.insert(name, (ordinal, bind));
    }
    (result, chained)
}

#[test]
fn undefined_symbols_are_bound_by_flat_lookup() {
    let flat = (
        macho::DYNAMIC_LOOKUP_ORDINAL,
        i64::from(macho::BIND_SPECIAL_DYLIB_FLAT_LOOKUP),
    );
    for (triple, clang_triple, min, expect_chained) in [
        (
            "x86_64-apple-darwin",
            "x86_64-apple-macosx10.13.0",
            "10.13",
            false,
        ),
        (
            "aarch64-apple-darwin",
            "arm64-apple-macosx11.0.0",
            "11.0",
            false,
        ),
        // LLD emits chained fixups from macOS 13 on arm64.
        (
            "aarch64-apple-darwin",
            "arm64-apple-macosx13.0.0",
            "13.0",
            true,
        ),
    ] {
        let (found, chained) = bindings(triple, clang_triple, min);
        assert_eq!(chained, expect_chained, "{clang_triple}");
        // Lazy binding (no chained fixups) also needs libSystem's
        // dyld_stub_binder; every process has it, and flat lookup finds it.
        let mut expected = IMPORTS.to_vec();
        if !chained {
            expected.push("dyld_stub_binder");
        }
        let names: Vec<&str> = found.keys().map(String::as_str).collect();
        assert_eq!(names, expected, "{clang_triple}");
        for (name, binding) in &found {
            assert_eq!(*binding, flat, "{clang_triple} {name}");
        }
    }
}
