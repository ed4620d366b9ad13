//! Whole builds: C compiled by clang-22 to LLVM IR, multiversioned, optimized,
//! emitted and linked by mvimg-link; then the code is read back.

use std::path::Path;
use std::process::Command;

use mvimg_codegen::{build, link_image, BuildOptions, Error};
use mvimg_cpu::{Arch, TargetList};
use object::{Object, ObjectSection, ObjectSymbol};

mod common;
use common::{exports, ir, read_back, scratch};

const KERNELS: &str = r#"
#include <stddef.h>
void saxpy(float *restrict y, const float *restrict x, float a, size_t n) {
    for (size_t i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}
int plain(int a) { return a + 1; }
"#;

/// The instructions of `symbol` in a linked x86_64 ELF image, disassembled by
/// llvm-objdump-22.
fn disassembly(image: &Path, symbol: &str) -> String {
    let out = Command::new("llvm-objdump-22")
        .args([
            "-d",
            "--no-show-raw-insn",
            &format!("--disassemble-symbols={symbol}"),
        ])
        .arg(image)
        .output()
        .expect("llvm-objdump-22 runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(&format!("<{symbol}>:")), "{symbol} in {text}");
    text
}

#[test]
fn haswell_clone_uses_ymm_and_fma_and_generic_neither() {
    let dir = scratch("build-haswell");
    let ll = ir(&dir, KERNELS, "x86_64-unknown-linux-gnu");
    let targets: TargetList = "generic;haswell".parse().unwrap();
    let targets = targets.resolve(Arch::X86_64, None).unwrap();
    let built = build(&[ll], &targets, &BuildOptions::default()).unwrap();
    let image = dir.join("libk.so");
    link_image(&built, &image).unwrap();
    read_back(&image, built.plan.targets.len());
    let haswell = disassembly(&image, "saxpy.mvimg.1");
    let generic = disassembly(&image, "saxpy.mvimg.0");
    assert!(haswell.contains("%ymm"), "{haswell}");
    assert!(haswell.contains("vfmadd"), "{haswell}");
    assert!(
        !generic.contains("%ymm") && !generic.contains("vfmadd"),
        "{generic}"
    );
    // The exported saxpy is an IFUNC: its resolver asks the init for what
    // its slot holds.
    let entry = disassembly(&image, "saxpy");
    assert!(
        entry.contains("<saxpy.mvimg.slot>") && entry.contains("<mvimg_resolve>"),
        "{entry}"
    );
    // plain is in no clone: exported as it is.
    assert!(built
        .plan
        .functions
        .iter()
        .any(|f| f.name == "plain" && f.clones.is_empty()));
}

#[test]
fn objects_for_every_triple_are_built_and_linked() {
    for (triple, clang, arch, list, name) in [
        (
            "x86_64-unknown-linux-gnu",
            "x86_64-unknown-linux-gnu",
            Arch::X86_64,
            "generic;haswell",
            "libk.so",
        ),
        (
            "aarch64-unknown-linux-gnu",
            "aarch64-unknown-linux-gnu",
            Arch::Aarch64,
            "generic;neoverse-n1;a64fx",
            "libk.so",
        ),
        (
            "x86_64-w64-windows-gnu",
            "x86_64-w64-windows-gnu",
            Arch::X86_64,
            "generic;haswell",
            "k.dll",
        ),
        (
            "x86_64-apple-darwin",
            "x86_64-apple-macosx10.13.0",
            Arch::X86_64,
            "generic;haswell",
            "libk.dylib",
        ),
        (
            "aarch64-apple-darwin",
            "arm64-apple-macosx11.0.0",
            Arch::Aarch64,
            "generic;apple-m1",
            "libk.dylib",
        ),
    ] {
        let dir = scratch(&format!("build-{triple}"));
        let ll = ir(&dir, KERNELS, clang);
        let targets: TargetList = list.parse().unwrap();
        let targets = targets.resolve(arch, None).unwrap();
        let options = BuildOptions {
            triple: Some(triple.into()),
            ..BuildOptions::default()
        };
        let built = build(&[ll], &targets, &options).unwrap_or_else(|e| panic!("{triple}: {e}"));
        let image = dir.join(name);
        link_image(&built, &image).unwrap_or_else(|e| panic!("{triple}: {e}"));
        read_back(&image, built.plan.targets.len());
        let bytes = std::fs::read(&image).unwrap();
        let file = object::File::parse(&*bytes).unwrap();
        let exports = exports(&image);
        assert_eq!(
            exports,
            [
                "mvimg_dispatch_data",
                "mvimg_image_record",
                "mvimg_init_tables",
                "mvimg_selected_target",
                "mvimg_selection_error",
                "mvimg_target_name",
                "plain",
                "saxpy"
            ],
            "{triple}"
        );
        // The dispatch data starts with its magic and has the list's targets.
        let data = file
            .symbols()
            .chain(file.dynamic_symbols())
            .find(|s| s.name().map(|n| n.trim_start_matches('_')) == Ok("mvimg_dispatch_data"))
            .map(|s| s.address())
            .or_else(|| {
                file.exports()
                    .unwrap()
                    .iter()
                    .find(|e| e.name().ends_with(b"mvimg_dispatch_data"))
                    .map(|e| e.address())
            })
            .unwrap_or_else(|| panic!("{triple}: no dispatch data symbol"));
        let section = file
            .sections()
            .find(|s| s.address() <= data && data < s.address() + s.size())
            .unwrap();
        let at = (data - section.address()) as usize;
        let content = section.data().unwrap();
        assert_eq!(&content[at..at + 8], b"MVIMGDSP", "{triple}");
        let word =
            |k: usize| u32::from_le_bytes(content[at + 4 * k..at + 4 * k + 4].try_into().unwrap());
        assert_eq!(
            word(2),
            mvimg_cpu::image::format::FORMAT_VERSION,
            "{triple}: version"
        );
        assert_eq!(word(5) as usize, targets.targets.len(), "{triple}: targets");
    }
}

#[test]
fn bad_inputs_are_clear_errors() {
    let dir = scratch("build-errors");
    let targets: TargetList = "generic;haswell".parse().unwrap();
    let targets = targets.resolve(Arch::X86_64, None).unwrap();
    let bad = dir.join("bad.ll");
    std::fs::write(&bad, "define i32 @f( {\n").unwrap();
    let e = build(&[bad], &targets, &BuildOptions::default()).unwrap_err();
    assert!(matches!(e, Error::Input { .. }), "{e}");
    assert!(e.to_string().contains("bad.ll"), "{e}");
    let missing = dir.join("missing.bc");
    let e = build(&[missing], &targets, &BuildOptions::default()).unwrap_err();
    assert!(e.to_string().contains("missing.bc"), "{e}");
    let arm = ir(&dir, KERNELS, "aarch64-unknown-linux-gnu");
    let options = BuildOptions {
        triple: Some("x86_64-unknown-linux-gnu".into()),
        ..BuildOptions::default()
    };
    let e = build(&[arm], &targets, &options).unwrap_err();
    assert!(matches!(e, Error::TripleMismatch { .. }), "{e}");
    let query = dir.join("query.ll");
    std::fs::write(
        &query,
        "declare i1 @mvimg.cpu.have.avx3()\ndefine i1 @f() {\n  %h = call i1 @mvimg.cpu.have.avx3()\n  ret i1 %h\n}\n",
    )
    .unwrap();
    let e = build(&[query], &targets, &BuildOptions::default()).unwrap_err();
    let text = e.to_string();
    assert!(
        text.contains("mvimg.cpu.have.avx3") && text.contains("did you mean"),
        "{text}"
    );
    let ll = ir(&dir, KERNELS, "x86_64-unknown-linux-gnu");
    let options = BuildOptions {
        entries: mvimg_codegen::Entries::Named(vec!["nothere".into()]),
        ..BuildOptions::default()
    };
    let e = build(&[ll], &targets, &options).unwrap_err();
    assert!(e.to_string().contains("`nothere` is not a function"), "{e}");
}

/// Real C code has instructions with metadata operands (zstd at -O1 calls
/// `llvm.experimental.noalias.scope.decl`), which the analysis and the slot
/// rewrite must step over; vector and half types are still seen. (`halves`
/// is `noinline`: inlined, it would leave `scoped` nothing to call.)
#[test]
fn metadata_operands_and_half_vectors_are_analyzed() {
    let dir = scratch("build-metadata");
    let ll = dir.join("m.ll");
    std::fs::write(
        &ll,
        r#"target triple = "x86_64-unknown-linux-gnu"
declare void @llvm.experimental.noalias.scope.decl(metadata)
define void @scoped(ptr %p) {
  call void @llvm.experimental.noalias.scope.decl(metadata !0)
  store i32 1, ptr %p, !alias.scope !0
  call void @halves(ptr %p)
  ret void
}
define void @halves(ptr %p) noinline {
  %a = load <4 x half>, ptr %p
  %r = fadd <4 x half> %a, %a
  store <4 x half> %r, ptr %p
  ret void
}
!0 = !{!1}
!1 = distinct !{!1, !2}
!2 = distinct !{!2}
"#,
    )
    .unwrap();
    let targets: TargetList = "generic;sapphirerapids".parse().unwrap();
    let targets = targets.resolve(Arch::X86_64, None).unwrap();
    let built = build(&[ll], &targets, &BuildOptions::default()).unwrap();
    let function = |name: &str| {
        built
            .plan
            .functions
            .iter()
            .find(|f| f.name == name)
            .unwrap()
    };
    use mvimg_cpu::CloneCategory::{Float16, Simd};
    assert!(function("scoped").categories.is_empty());
    assert!(function("scoped").clones.is_empty());
    assert_eq!(function("halves").categories, vec![Simd, Float16]);
    assert_eq!(function("halves").clones.len(), 1);
    // The shared `scoped` calls the cloned `halves` through its slot.
    assert!(!function("halves").slot.is_empty());
    link_image(&built, &dir.join("libm.so")).unwrap();
    read_back(&dir.join("libm.so"), built.plan.targets.len());
}

/// Constructors, the image init's and the inputs' own, go to `.init_array`
/// (which the dynamic loader runs), never to `.ctors` (which glibc ignores).
/// (The store is volatile so that the whole-program optimizer cannot run the
/// constructor at build time, as it does a plain one.)
#[test]
fn constructors_go_to_init_array() {
    let dir = scratch("build-ctors");
    let ll = dir.join("c.ll");
    std::fs::write(
        &ll,
        r#"target triple = "x86_64-unknown-linux-gnu"
@ready = global i32 0
@llvm.global_ctors = appending global [1 x { i32, ptr, ptr }] [{ i32, ptr, ptr } { i32 65535, ptr @setup, ptr null }]
define internal void @setup() {
  store volatile i32 1, ptr @ready
  ret void
}
define i32 @get() {
  %v = load i32, ptr @ready
  ret i32 %v
}
"#,
    )
    .unwrap();
    let targets: TargetList = "generic;haswell".parse().unwrap();
    let targets = targets.resolve(Arch::X86_64, None).unwrap();
    let built = build(&[ll], &targets, &BuildOptions::default()).unwrap();
    let image = dir.join("libc.so");
    link_image(&built, &image).unwrap();
    read_back(&image, built.plan.targets.len());
    let bytes = std::fs::read(&image).unwrap();
    let file = object::File::parse(&*bytes).unwrap();
    let init_array = file.section_by_name(".init_array").expect("an .init_array");
    // Two entries: the image init and the input's `setup`.
    assert_eq!(init_array.size(), 16);
    assert!(file.section_by_name(".ctors").is_none());
}
