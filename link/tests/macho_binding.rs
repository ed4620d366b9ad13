//! Undefined symbols of a dylib (`-undefined dynamic_lookup`) are bound through
//! flat-namespace lookup, read back from the Mach-O file: the symbol table's
//! library ordinal and the binding dyld performs (bind opcodes, or chained-fixup
//! imports when the deployment target asks for them).

mod common;

use std::collections::BTreeMap;

use common::{compile, macho, scratch};
use mvimg_cpu::Platform;
use mvimg_link::LinkJob;

/// Calls a function and reads a variable the host process provides.
const SOURCE: &str = "extern int mvimg_host_callback(int);\n\
                      extern int mvimg_host_value;\n\
                      int mvimg_call(int a) { return mvimg_host_callback(a) + mvimg_host_value; }\n";

const IMPORTS: [&str; 2] = ["_mvimg_host_callback", "_mvimg_host_value"];

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
    let found = macho::bindings(&std::fs::read(out.output).unwrap());
    (found.symbols, found.chained)
}

#[test]
fn undefined_symbols_are_bound_by_flat_lookup() {
    let flat = (
        object::macho::DYNAMIC_LOOKUP_ORDINAL,
        i64::from(object::macho::BIND_SPECIAL_DYLIB_FLAT_LOOKUP),
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
