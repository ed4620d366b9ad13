//! The toolchain works: inkwell (LLVM 22) builds a function and writes an x86_64
//! Linux object that an independent reader understands, and the C++ shim built
//! with `cc` against LLVM 22 links and answers.

use inkwell::context::Context;
use inkwell::targets::{
    CodeModel, FileType, InitializationConfig, RelocMode, Target, TargetTriple,
};
use inkwell::OptimizationLevel;
use object::{Object, ObjectSection, ObjectSymbol};

#[test]
fn inkwell_writes_an_x86_64_linux_object() {
    Target::initialize_x86(&InitializationConfig::default());
    let context = Context::create();
    let module = context.create_module("smoke");
    let i64_type = context.i64_type();
    let function = module.add_function(
        "mvimg_smoke_add",
        i64_type.fn_type(&[i64_type.into(), i64_type.into()], false),
        None,
    );
    let builder = context.create_builder();
    builder.position_at_end(context.append_basic_block(function, "entry"));
    let a = function.get_nth_param(0).unwrap().into_int_value();
    let b = function.get_nth_param(1).unwrap().into_int_value();
    let sum = builder.build_int_add(a, b, "sum").unwrap();
    builder.build_return(Some(&sum)).unwrap();
    module.verify().unwrap();

    let triple = TargetTriple::create("x86_64-unknown-linux-gnu");
    let target = Target::from_triple(&triple).unwrap();
    let machine = target
        .create_target_machine(
            &triple,
            "haswell",
            "",
            OptimizationLevel::Default,
            RelocMode::PIC,
            CodeModel::Default,
        )
        .unwrap();
    let buffer = machine
        .write_to_memory_buffer(&module, FileType::Object)
        .unwrap();

    let file = object::File::parse(buffer.as_slice()).unwrap();
    assert_eq!(file.format(), object::BinaryFormat::Elf);
    assert_eq!(file.architecture(), object::Architecture::X86_64);
    let symbol = file
        .symbols()
        .find(|s| s.name() == Ok("mvimg_smoke_add"))
        .expect("the function's symbol");
    assert!(symbol.is_global() && symbol.is_definition());
    let text = file.section_by_name(".text").unwrap().data().unwrap();
    let start = symbol.address() as usize;
    // lea (%rdi,%rsi),%rax ; ret  -- the add compiled to x86_64 machine code.
    assert_eq!(&text[start..start + 5], &[0x48, 0x8d, 0x04, 0x37, 0xc3]);
}

#[test]
fn the_shim_links_against_llvm_22() {
    let version = mvimg_llvm_shim::llvm_version();
    assert_eq!(version.major, 22, "{version}");
    let subtarget =
        mvimg_llvm_shim::Subtarget::new("x86_64-unknown-linux-gnu", "haswell", "-avx2").unwrap();
    let names = subtarget.feature_names();
    assert!(
        names.contains(&"fma") && !names.contains(&"avx2"),
        "{names:?}"
    );
    let e = mvimg_llvm_shim::Subtarget::new("nonsense-unknown-none", "", "")
        .err()
        .expect("no such target");
    assert!(e.to_string().contains("nonsense"), "{e}");
    // The LLVM the shim links is the LLVM inkwell links: one libLLVM in the process.
    assert_eq!(
        format!("{}.{}", version.major, version.minor),
        mvimg_cpu::Arch::X86_64
            .database()
            .llvm_version()
            .rsplit_once('.')
            .unwrap()
            .0
    );
}
