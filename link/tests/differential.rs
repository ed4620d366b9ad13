//! Differential test: each flavor's library, linked in process by mvimg-link,
//! against the same objects linked by the LLD 22 executables from a command line
//! written by hand as a user would. What a loader sees must agree: exported
//! symbols, and the dynamic tags (ELF), load commands (Mach-O) or data
//! directories and DLL characteristics (PE).

mod common;

use std::path::Path;

use common::{clang_triple, compile, exported, run, scratch};
use mvimg_cpu::Platform;
use mvimg_link::{dll_entry_stub, LinkInput, LinkJob, Undefined};
use object::read::elf::{Dyn, ElfFile64};
use object::read::macho::MachOFile64;
use object::read::pe::{ImageNtHeaders, ImageOptionalHeader, PeFile64};
use object::{elf, Endianness};

/// `mvimg_call` calls into the host process, except on Windows, where a DLL
/// cannot leave a symbol undefined without an import library.
const SOURCE: &str = "int mvimg_add(int a, int b) { return a + b; }\n\
                      int mvimg_twice(int a) { return mvimg_add(a, a); }\n\
                      int mvimg_hidden(int a) { return a - 1; }\n\
                      #ifdef _WIN32\n\
                      int mvimg_call(int a) { return mvimg_hidden(a); }\n\
                      #else\n\
                      extern int mvimg_host(int);\n\
                      int mvimg_call(int a) { return mvimg_host(a); }\n\
                      #endif\n";

const EXPORTS: [&str; 3] = ["mvimg_add", "mvimg_call", "mvimg_twice"];

/// What a loader sees of a library, in comparable form.
#[derive(Debug, PartialEq)]
struct Summary {
    exports: Vec<String>,
    /// ELF: dynamic tags (with the value of string and flag tags); Mach-O:
    /// load commands (with the install name); PE: data directories in use,
    /// characteristics, DLL characteristics, subsystem.
    loader: Vec<String>,
}

fn elf_summary(bytes: &[u8]) -> Summary {
    let file = ElfFile64::<Endianness>::parse(bytes).unwrap();
    let endian = file.endian();
    let sections = file.elf_section_table();
    let (entries, link) = sections.dynamic(endian, bytes).unwrap().unwrap();
    let strings = sections.strings(endian, bytes, link).unwrap();
    let mut loader = Vec::new();
    for entry in entries {
        let tag = entry.tag32(endian).unwrap();
        let value = entry.d_val(endian);
        loader.push(match tag {
            elf::DT_NULL => continue,
            elf::DT_NEEDED | elf::DT_SONAME | elf::DT_RPATH | elf::DT_RUNPATH => format!(
                "{tag:#x}={}",
                String::from_utf8_lossy(entry.string(endian, strings).unwrap())
            ),
            elf::DT_FLAGS | elf::DT_FLAGS_1 => format!("{tag:#x}={value:#x}"),
            _ => format!("{tag:#x}"),
        });
    }
    loader.sort();
    Summary {
        exports: exported(bytes),
        loader,
    }
}

fn macho_summary(bytes: &[u8]) -> Summary {
    let file = MachOFile64::<Endianness>::parse(bytes).unwrap();
    let endian = file.endian();
    let mut loader = Vec::new();
    let mut commands = file.macho_load_commands().unwrap();
    while let Some(command) = commands.next().unwrap() {
        if matches!(
            command.cmd(),
            object::macho::LC_ID_DYLIB | object::macho::LC_LOAD_DYLIB
        ) {
            let dylib: &object::macho::DylibCommand<Endianness> = command.data().unwrap();
            let name = command.string(endian, dylib.dylib.name).unwrap();
            loader.push(format!(
                "{:#x}={}",
                command.cmd(),
                String::from_utf8_lossy(name)
            ));
        }
        if command.cmd() == object::macho::LC_RPATH {
            let rpath: &object::macho::RpathCommand<Endianness> = command.data().unwrap();
            let path = command.string(endian, rpath.path).unwrap();
            loader.push(format!("rpath={}", String::from_utf8_lossy(path)));
        }
        loader.push(format!("{:#x}", command.cmd()));
    }
    loader.sort();
    Summary {
        exports: exported(bytes),
        loader,
    }
}

fn pe_summary(bytes: &[u8]) -> Summary {
    let file = PeFile64::parse(bytes).unwrap();
    let headers = file.nt_headers();
    let optional = headers.optional_header();
    let mut loader: Vec<String> = file
        .data_directories()
        .iter()
        .enumerate()
        .filter(|(_, d)| d.virtual_address.get(object::LittleEndian) != 0)
        .map(|(i, _)| format!("directory {i}"))
        .collect();
    let characteristics = headers
        .file_header()
        .characteristics
        .get(object::LittleEndian);
    loader.push(format!("characteristics={characteristics:#x}"));
    loader.push(format!("dll={:#x}", optional.dll_characteristics()));
    loader.push(format!("subsystem={}", optional.subsystem()));
    loader.push(format!("entry={}", optional.address_of_entry_point() != 0));
    Summary {
        exports: exported(bytes),
        loader,
    }
}

/// mvimg-link's library for `triple`, and the reference linked by `program`
/// with `args` (`{obj}`, `{dir}` substituted).
fn both(triple: &str, name: &str, program: &str, args: &[&str]) -> (Vec<u8>, Vec<u8>) {
    both_with(triple, name, program, args, |_, _| {})
}

/// As [`both`], with `change` applied to mvimg-link's job (given the
/// scratch directory) before it links.
fn both_with(
    triple: &str,
    name: &str,
    program: &str,
    args: &[&str],
    change: impl FnOnce(&mut LinkJob, &Path),
) -> (Vec<u8>, Vec<u8>) {
    let dir = scratch(&format!("diff-{triple}-{name}"));
    let object = compile(SOURCE, clang_triple(triple), &dir, "lib");
    let target: Platform = triple.parse().unwrap();
    let mut job = LinkJob::new(target, vec![object.clone()], dir.join(name));
    job.exports = EXPORTS.map(String::from).to_vec();
    change(&mut job, &dir);
    let ours = std::fs::read(job.link().unwrap().output).unwrap();
    let substitute = |arg: &&str| {
        arg.replace("{obj}", object.to_str().unwrap())
            .replace("{dir}", dir.to_str().unwrap())
    };
    let args: Vec<String> = args.iter().map(substitute).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    prepare_reference_inputs(&dir);
    run(program, &args);
    let reference = std::fs::read(Path::new(&dir).join(format!("ref-{name}"))).unwrap();
    (ours, reference)
}

/// The files the hand-written command lines read: a version script, an
/// exported-symbols list, a .def file, and the DLL entry stub.
fn prepare_reference_inputs(dir: &Path) {
    let version = format!("{{ global: {}; local: *; }};\n", EXPORTS.join("; "));
    std::fs::write(dir.join("version.map"), version).unwrap();
    let darwin: String = EXPORTS.iter().map(|e| format!("_{e}\n")).collect();
    std::fs::write(dir.join("exports.txt"), darwin).unwrap();
    let def: String = EXPORTS.iter().map(|e| format!("  {e}\n")).collect();
    std::fs::write(dir.join("exports.def"), format!("EXPORTS\n{def}")).unwrap();
    std::fs::write(dir.join("entry.o"), dll_entry_stub().unwrap()).unwrap();
}

#[test]
fn elf_agrees_with_ld_lld() {
    for (triple, emulation) in [
        ("x86_64-unknown-linux-gnu", "elf_x86_64"),
        ("aarch64-unknown-linux-gnu", "aarch64linux"),
    ] {
        let (ours, reference) = both(
            triple,
            "libimg.so",
            "ld.lld-22",
            &[
                "-m",
                emulation,
                "-shared",
                "-soname",
                "libimg.so",
                "-z",
                "now",
                "-z",
                "relro",
                "--hash-style=gnu",
                "--version-script={dir}/version.map",
                "{obj}",
                "-o",
                "{dir}/ref-libimg.so",
            ],
        );
        let (ours, reference) = (elf_summary(&ours), elf_summary(&reference));
        println!("{triple}: {ours:?}");
        assert_eq!(ours.exports, EXPORTS, "{triple}");
        assert!(
            ours.loader
                .contains(&format!("{:#x}=libimg.so", elf::DT_SONAME)),
            "{ours:?}"
        );
        assert_eq!(ours, reference, "{triple}");
    }
}

#[test]
fn macho_agrees_with_ld64_lld() {
    for (triple, arch, min) in [
        ("x86_64-apple-darwin", "x86_64", "10.13"),
        ("aarch64-apple-darwin", "arm64", "11.0"),
    ] {
        let (ours, reference) = both(
            triple,
            "libimg.dylib",
            "ld64.lld-22",
            &[
                "-arch",
                arch,
                "-platform_version",
                "macos",
                min,
                min,
                "-dylib",
                "-install_name",
                "@rpath/libimg.dylib",
                "-undefined",
                "dynamic_lookup",
                "-exported_symbols_list",
                "{dir}/exports.txt",
                "{obj}",
                "-o",
                "{dir}/ref-libimg.dylib",
            ],
        );
        let (ours, reference) = (macho_summary(&ours), macho_summary(&reference));
        println!("{triple}: {ours:?}");
        let underscored: Vec<String> = EXPORTS.iter().map(|e| format!("_{e}")).collect();
        assert_eq!(ours.exports, underscored, "{triple}");
        assert_eq!(ours, reference, "{triple}");
    }
}

#[test]
fn pe_agrees_with_ld_lld_mingw() {
    let (ours, reference) = both(
        "x86_64-w64-windows-gnu",
        "img.dll",
        "ld.lld-22",
        &[
            "-m",
            "i386pep",
            "--shared",
            "{dir}/entry.o",
            "{dir}/exports.def",
            "{obj}",
            "-o",
            "{dir}/ref-img.dll",
        ],
    );
    let (ours, reference) = (pe_summary(&ours), pe_summary(&reference));
    println!("{ours:?}");
    assert_eq!(ours.exports, EXPORTS);
    assert_eq!(ours, reference);
}

/// A library defining `mvimg_host` for `triple`, linked by mvimg-link at
/// `dir/NAME`.
fn peer(triple: &str, dir: &Path, name: &str) {
    let object = compile(
        "int mvimg_host(int a) { return a * 2; }\n",
        clang_triple(triple),
        dir,
        "peer",
    );
    let platform: Platform = triple.parse().unwrap();
    LinkJob::new(platform, vec![object], dir.join(name))
        .link()
        .unwrap();
}

#[test]
fn libraries_rpaths_and_policies_agree_with_ld_lld() {
    let triple = "x86_64-unknown-linux-gnu";
    let (ours, reference) = both_with(
        triple,
        "libuser.so",
        "ld.lld-22",
        &[
            "-m",
            "elf_x86_64",
            "-shared",
            "-soname",
            "libuser.so",
            "-z",
            "now",
            "-z",
            "relro",
            "-z",
            "defs",
            "--hash-style=gnu",
            "--version-script={dir}/version.map",
            "-rpath",
            "$ORIGIN/lib",
            "-L",
            "{dir}",
            "{obj}",
            "-lpeer",
            "-o",
            "{dir}/ref-libuser.so",
        ],
        |job, dir| {
            peer(triple, dir, "libpeer.so");
            job.spec.search_paths = vec![dir.to_owned()];
            job.spec.inputs.push(LinkInput::Library("peer".into()));
            job.spec.rpaths = vec!["$ORIGIN/lib".into()];
            job.spec.undefined = Some(Undefined::Error);
        },
    );
    let (ours, reference) = (elf_summary(&ours), elf_summary(&reference));
    println!("{ours:?}");
    for tag in [
        format!("{:#x}=libpeer.so", elf::DT_NEEDED),
        format!("{:#x}=$ORIGIN/lib", elf::DT_RUNPATH),
    ] {
        assert!(ours.loader.contains(&tag), "{tag} in {ours:?}");
    }
    assert_eq!(ours, reference);

    let triple = "aarch64-apple-darwin";
    let (ours, reference) = both_with(
        triple,
        "libuser.dylib",
        "ld64.lld-22",
        &[
            "-arch",
            "arm64",
            "-platform_version",
            "macos",
            "11.0",
            "11.0",
            "-dylib",
            "-install_name",
            "@rpath/libuser.dylib",
            "-undefined",
            "dynamic_lookup",
            "-exported_symbols_list",
            "{dir}/exports.txt",
            "-rpath",
            "@loader_path/../lib",
            "-L",
            "{dir}",
            "{obj}",
            "-lpeer",
            "-o",
            "{dir}/ref-libuser.dylib",
        ],
        |job, dir| {
            peer(triple, dir, "libpeer.dylib");
            job.spec.search_paths = vec![dir.to_owned()];
            job.spec.inputs.push(LinkInput::Library("peer".into()));
            job.spec.rpaths = vec!["@loader_path/../lib".into()];
        },
    );
    let (ours, reference) = (macho_summary(&ours), macho_summary(&reference));
    println!("{ours:?}");
    for command in [
        format!("{:#x}=@rpath/libpeer.dylib", object::macho::LC_LOAD_DYLIB),
        "rpath=@loader_path/../lib".to_owned(),
    ] {
        assert!(ours.loader.contains(&command), "{command} in {ours:?}");
    }
    assert_eq!(ours, reference);
}
