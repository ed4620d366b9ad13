//! The image builder API: the same image from IR in a file, bitcode bytes,
//! IR text and an inkwell module (byte-identical, objects and linked image),
//! objects given as bytes, and what it refuses.

use std::path::{Path, PathBuf};
use std::process::Command;

use inkwell::context::Context;
use inkwell::module::Module;
use mvimg_codegen::{Built, Error, ImageBuilder};
use mvimg_cpu::TargetList;

mod common;
use common::{exports, read_back, scratch};

/// Vectorizable kernels, a constructor-free library.
const SOURCE: &str = r#"
void saxpy(float *restrict y, const float *restrict x, float a, int n) {
    for (int i = 0; i < n; i++) y[i] += a * x[i];
}
double dot(const double *a, const double *b, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}
static int helper(int x) { return x * 7; }
int entry(int x) { return helper(x) + 1; }
"#;

/// Compiles SOURCE to bitcode and IR text with clang-22.
fn sources(dir: &Path) -> (PathBuf, PathBuf) {
    let c = dir.join("k.c");
    std::fs::write(&c, SOURCE).unwrap();
    let (bc, ll) = (dir.join("k.bc"), dir.join("k.ll"));
    for (out, flag) in [(&bc, "-c"), (&ll, "-S")] {
        let ok = Command::new("clang-22")
            .args(["-O1", "-fPIC", "-emit-llvm", flag])
            .arg("--target=x86_64-unknown-linux-gnu")
            .arg("-o")
            .arg(out)
            .arg(&c)
            .status()
            .expect("clang-22 runs (ci/setup installs it)")
            .success();
        assert!(ok);
    }
    (bc, ll)
}

fn list() -> TargetList {
    "generic;haswell,clone_all;skylake-avx512".parse().unwrap()
}

/// Links `built` as `dir/sub/libk.so` (the same file name for every build,
/// which the soname records) and returns the image's bytes.
fn linked(built: &Built, dir: &Path, sub: &str) -> Vec<u8> {
    let out = dir.join(sub);
    std::fs::create_dir_all(&out).unwrap();
    let image = out.join("libk.so");
    built.link(&image).unwrap();
    read_back(&image, 3);
    std::fs::read(image).unwrap()
}

#[test]
fn files_bytes_text_and_modules_build_the_same_image() {
    let dir = scratch("builder-same");
    let (bc, ll) = sources(&dir);
    for partitions in [1, 2] {
        let from_file = ImageBuilder::new()
            .ir_file(&bc)
            .target_list(list())
            .partitions(partitions)
            .build()
            .unwrap();
        let bytes = std::fs::read(&bc).unwrap();
        let from_bytes = ImageBuilder::new()
            .bitcode(bc.to_str().unwrap(), bytes)
            .target_list(list())
            .partitions(partitions)
            .build()
            .unwrap();
        let context = Context::create();
        let module = Module::parse_bitcode_from_path(&bc, &context).unwrap();
        let from_module = ImageBuilder::in_context(&context)
            .module(module)
            .target_list(list())
            .partitions(partitions)
            .build()
            .unwrap();
        assert_eq!(from_file.objects.len(), partitions);
        assert_eq!(from_file.objects, from_bytes.objects, "{partitions}");
        assert_eq!(from_file.objects, from_module.objects, "{partitions}");
        assert_eq!(from_file.exports, from_module.exports);
        let image = linked(&from_file, &dir, &format!("file{partitions}"));
        assert_eq!(
            image,
            linked(&from_bytes, &dir, &format!("bytes{partitions}"))
        );
        assert_eq!(
            image,
            linked(&from_module, &dir, &format!("module{partitions}"))
        );

        // IR text: the same as its file.
        let text_file = ImageBuilder::new()
            .ir_file(&ll)
            .target_list(list())
            .partitions(partitions)
            .build()
            .unwrap();
        let text = ImageBuilder::new()
            .ir_text(ll.to_str().unwrap(), std::fs::read_to_string(&ll).unwrap())
            .target_list(list())
            .partitions(partitions)
            .build()
            .unwrap();
        assert_eq!(text_file.objects, text.objects);
    }
}

#[test]
fn an_object_given_as_bytes_is_linked_and_its_data_exported() {
    let dir = scratch("builder-object-bytes");
    let (bc, _) = sources(&dir);
    // A data object made by clang from C (a table, as a runtime would write).
    let c = dir.join("table.c");
    std::fs::write(&c, "const int table_data[4] = {3, 1, 4, 1};\n").unwrap();
    let object = dir.join("table.o");
    let ok = Command::new("clang-22")
        .args(["-c", "-fPIC", "--target=x86_64-unknown-linux-gnu", "-o"])
        .arg(&object)
        .arg(&c)
        .status()
        .unwrap()
        .success();
    assert!(ok);
    let built = ImageBuilder::new()
        .ir_file(&bc)
        .target_list(list())
        .object_bytes("table.o", std::fs::read(&object).unwrap())
        .export_data("table_data")
        .build()
        .unwrap();
    let image = dir.join("libk.so");
    built.link(&image).unwrap();
    let names = exports(&image);
    assert!(names.contains(&"table_data".to_owned()), "{names:?}");
    assert!(names.contains(&"entry".to_owned()), "{names:?}");
    // A name that is a path is refused before anything is written.
    let bad = ImageBuilder::new()
        .ir_file(&bc)
        .target_list(list())
        .object_bytes("../table.o", vec![0])
        .build()
        .unwrap();
    let out = dir.join("libbad.so");
    match bad.link(&out) {
        Err(Error::Input { message, .. }) => assert!(message.contains("file name"), "{message}"),
        other => panic!("{other:?}"),
    }
    assert!(!out.exists());
}

#[test]
fn a_module_of_another_context_and_no_input_are_refused() {
    let dir = scratch("builder-refused");
    let (bc, _) = sources(&dir);
    let (one, other) = (Context::create(), Context::create());
    let module = Module::parse_bitcode_from_path(&bc, &other).unwrap();
    match ImageBuilder::in_context(&one).module(module).build() {
        Err(Error::Input { message, .. }) => {
            assert!(message.contains("another LLVM context"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    match ImageBuilder::new().target_list(list()).build() {
        Err(e @ Error::NoInputs) => assert!(e.to_string().starts_with("no IR inputs"), "{e}"),
        other => panic!("{other:?}"),
    }
    // A triple mvimg does not build for, named.
    let e = ImageBuilder::new()
        .ir_file(&bc)
        .triple("riscv64-unknown-linux-gnu")
        .build()
        .unwrap_err()
        .to_string();
    assert!(e.contains("riscv64-unknown-linux-gnu"), "{e}");
}

/// Settings out of range are refused before any input is read (the input
/// here does not exist, so an error about it would mean it was read first).
#[test]
fn settings_out_of_range_are_refused_before_anything_is_read() {
    let missing = "/nonexistent/never-read.bc";
    let refused = |builder: ImageBuilder<'static>, setting: &str| match builder
        .ir_file(missing)
        .target_list(list())
        .build()
    {
        Err(Error::Setting { setting: s, .. }) => assert_eq!(s, setting),
        Err(e) => panic!("{setting}: {e}"),
        Ok(_) => panic!("{setting}: built"),
    };
    refused(ImageBuilder::new().threads(0), "threads");
    refused(ImageBuilder::new().partitions(0), "partitions");
    refused(ImageBuilder::new().memory_budget(0), "memory_budget");
    let e = ImageBuilder::new()
        .ir_file(missing)
        .threads(0)
        .build()
        .err()
        .unwrap();
    assert_eq!(
        e.to_string(),
        "the setting threads is 0; it must be at least 1"
    );
}

/// Link settings that do not apply to the inputs' platform, or name what
/// does not exist, are refused once the IR is read — before any clone is
/// made or object emitted (the progress callback never reaches a phase
/// after `load`).
#[test]
fn link_settings_for_another_platform_are_refused_before_codegen() {
    let ir = |triple: &str| {
        format!(
            "target triple = \"{triple}\"\n\
             define i32 @f(i32 %x) {{\n  %y = add i32 %x, 1\n  ret i32 %y\n}}\n"
        )
    };
    let phases = std::sync::Arc::new(std::sync::Mutex::new(Vec::<&'static str>::new()));
    let seen = phases.clone();
    let builder = |triple: &str| {
        let seen = seen.clone();
        ImageBuilder::new()
            .ir_text("f.ll", ir(triple))
            .target_list("generic".parse().unwrap())
            .progress(move |p| seen.lock().unwrap().push(p.phase))
    };
    let refused = |result: Result<Built, Error>, what: &str| {
        let e = result.err().unwrap_or_else(|| panic!("{what}: built"));
        let text = e.to_string();
        assert!(text.contains(what), "{what}: {text}");
        text
    };
    let linux = "x86_64-unknown-linux-gnu";
    let windows = "x86_64-w64-windows-gnu";
    println!(
        "{}",
        refused(builder(windows).rpath("$ORIGIN").build(), "rpath")
    );
    refused(
        builder(linux).import_library("/tmp/x.lib").build(),
        "import library",
    );
    refused(
        builder(linux)
            .base_import_library("/tmp/base.dll.a")
            .build(),
        "base_import_library",
    );
    refused(
        builder(windows)
            .undefined(mvimg_link::Undefined::Allow)
            .build(),
        "undefined",
    );
    refused(
        builder(linux).library("no_such_library_anywhere").build(),
        "no_such_library_anywhere",
    );
    refused(
        builder(linux).object("/nonexistent/runtime.o").build(),
        "/nonexistent/runtime.o",
    );
    let ran = phases.lock().unwrap().clone();
    assert!(
        ran.iter().all(|p| *p == "load"),
        "a phase after load ran: {ran:?}"
    );
    // The same settings on their own platform build.
    builder(linux).rpath("$ORIGIN").build().unwrap();
}

/// Asking to export a data symbol the inputs define as hidden or static is
/// an error naming it and how it is defined (it would export nothing).
#[test]
fn exporting_hidden_or_static_data_is_refused_by_name() {
    let ir = "target triple = \"x86_64-unknown-linux-gnu\"\n\
              @shown = global i32 1\n\
              @hidden_table = hidden global [4 x i32] zeroinitializer\n\
              @local_table = internal global [4 x i32] zeroinitializer\n\
              define i32 @use(i64 %i) {\n\
                %p = getelementptr [4 x i32], ptr @hidden_table, i64 0, i64 %i\n\
                %q = getelementptr [4 x i32], ptr @local_table, i64 0, i64 %i\n\
                %a = load i32, ptr %p\n  %b = load i32, ptr %q\n  %s = add i32 %a, %b\n\
                ret i32 %s\n}\n";
    for (symbol, how) in [
        ("hidden_table", "hidden visibility"),
        ("local_table", "internal linkage"),
    ] {
        let e = ImageBuilder::new()
            .ir_text("data.ll", ir)
            .target_list(list())
            .export_data(symbol)
            .build()
            .err()
            .unwrap_or_else(|| panic!("{symbol} was accepted"));
        let text = e.to_string();
        assert!(
            matches!(e, Error::ExportNotVisible { .. })
                && text.contains(&format!("`{symbol}`"))
                && text.contains(how),
            "{text}"
        );
    }
    // A visible one builds.
    ImageBuilder::new()
        .ir_text("data.ll", ir)
        .target_list(list())
        .export_data("shown")
        .build()
        .unwrap();
}
