//! The exact argument vector of each flavor for fixed inputs.

use std::path::{Path, PathBuf};

use mvimg_link::{LinkJob, LinkTarget};

fn job(triple: &str, output: &str) -> LinkJob {
    let target: LinkTarget = triple.parse().unwrap();
    let mut job = LinkJob::new(
        target,
        vec![PathBuf::from("/in/a.o"), PathBuf::from("/in/b.a")],
        output,
    );
    job.exports = vec!["f".into(), "g".into()];
    job
}

fn argv(job: &LinkJob) -> String {
    let paths = job.paths_in(Path::new("/tmp/w")).unwrap();
    job.argv(&paths).unwrap().join(" ")
}

#[test]
fn gnu_x86_64() {
    assert_eq!(
        argv(&job("x86_64-unknown-linux-gnu", "/out/libimg.so")),
        "ld.lld -m elf_x86_64 -shared -o /tmp/w/libimg.so -soname libimg.so --threads=1 --fatal-warnings \
         --hash-style=gnu --eh-frame-hdr -z relro -z now -z noexecstack --build-id=sha1 \
         --version-script=/tmp/w/exports.map --no-undefined-version --whole-archive /in/a.o /in/b.a --no-whole-archive"
    );
    let j = job("x86_64-unknown-linux-gnu", "/out/libimg.so");
    assert_eq!(
        j.export_file(),
        "{\n  global:\n    f;\n    g;\n  local: *;\n};\n"
    );
}

#[test]
fn gnu_aarch64_with_options() {
    let mut j = job("aarch64-unknown-linux-gnu", "/out/libimg.so");
    j.exports.clear();
    j.options.soname = Some("libimg.so.1".into());
    j.options.gc_sections = true;
    j.options.build_id = false;
    j.options.threads = 4;
    assert_eq!(
        argv(&j),
        "ld.lld -m aarch64linux -shared -o /tmp/w/libimg.so -soname libimg.so.1 --threads=4 --fatal-warnings \
         --hash-style=gnu --eh-frame-hdr -z relro -z now -z noexecstack --gc-sections \
         --whole-archive /in/a.o /in/b.a --no-whole-archive"
    );
}

#[test]
fn darwin_both_arches() {
    assert_eq!(
        argv(&job("aarch64-apple-darwin", "/out/libimg.dylib")),
        "ld64.lld -arch arm64 -platform_version macos 11.0 11.0 -dylib -o /tmp/w/libimg.dylib \
         -install_name @rpath/libimg.dylib -undefined dynamic_lookup -fatal_warnings --threads=1 \
         -exported_symbols_list /tmp/w/exports.txt -all_load /in/a.o /in/b.a"
    );
    let mut j = job("x86_64-apple-darwin", "/out/libimg.dylib");
    j.options.macos_min_version = Some("10.15".into());
    j.options.macos_sdk_version = Some("14.0".into());
    assert_eq!(
        argv(&j),
        "ld64.lld -arch x86_64 -platform_version macos 10.15 14.0 -dylib -o /tmp/w/libimg.dylib \
         -install_name @rpath/libimg.dylib -undefined dynamic_lookup -fatal_warnings --threads=1 \
         -exported_symbols_list /tmp/w/exports.txt -all_load /in/a.o /in/b.a"
    );
    assert_eq!(j.export_file(), "_f\n_g\n");
}

#[test]
fn mingw() {
    let mut j = job("x86_64-w64-windows-gnu", "/out/img.dll");
    j.options.import_library = Some("/out/libimg.dll.a".into());
    assert_eq!(
        argv(&j),
        "ld.lld -m i386pep --shared -o /tmp/w/img.dll --threads=1 --fatal-warnings --no-insert-timestamp \
         -Xlink=-lldignoreenv --disable-runtime-pseudo-reloc --disable-auto-import --out-implib /tmp/w/libimg.dll.a \
         /tmp/w/dllentry.o /tmp/w/exports.def --whole-archive /in/a.o /in/b.a --no-whole-archive"
    );
    assert_eq!(j.export_file(), "EXPORTS\n    f\n    g\n");
    j.exports.clear();
    j.options.import_library = None;
    assert_eq!(
        argv(&j),
        "ld.lld -m i386pep --shared -o /tmp/w/img.dll --threads=1 --fatal-warnings --no-insert-timestamp \
         -Xlink=-lldignoreenv --disable-runtime-pseudo-reloc --disable-auto-import --export-all-symbols \
         --exclude-symbols=DllMainCRTStartup /tmp/w/dllentry.o --whole-archive /in/a.o /in/b.a --no-whole-archive"
    );
}

#[test]
fn triples_choose_flavors() {
    for (triple, ok) in [
        ("x86_64-unknown-linux-gnu", true),
        ("aarch64-unknown-linux-gnu", true),
        ("x86_64-apple-darwin", true),
        ("aarch64-apple-darwin", true),
        ("arm64-apple-macosx11.0", true),
        ("x86_64-w64-windows-gnu", true),
        ("x86_64-pc-windows-msvc", false),
        ("aarch64-w64-windows-gnu", false),
        ("riscv64-unknown-linux-gnu", false),
        ("not a triple", false),
    ] {
        assert_eq!(triple.parse::<LinkTarget>().is_ok(), ok, "{triple}");
    }
}
