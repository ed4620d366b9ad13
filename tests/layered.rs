//! Layered images: a package image built against a base image (Julia's
//! package images on the system image). The package links against the base
//! and records its name and content hash; each image selects for its own
//! code; the loader and `mvimg check` refuse a package on another base.

mod common;
#[path = "../link/tests/common/macho.rs"]
mod macho;
#[path = "../link/tests/common/wine.rs"]
mod wine;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{c_ir, mvimg, mvimg_fails, mvimg_ok, run_ok, s, scratch, stdout_of};
use mvimg::cpu::image::Refusal;
use mvimg::cpu::{Image, LoadError, OpenOptions};

const BASE: &str = r#"
void base_axpy(double *y, const double *x, double a, int n) {
    for (int i = 0; i < n; i++) y[i] += a * x[i];
}
double base_sum(const double *x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += x[i];
    return s;
}
"#;

const PACKAGE: &str = r#"
extern void base_axpy(double *y, const double *x, double a, int n);
extern double base_sum(const double *x, int n);
double pkg_run(int n) {
    double x[64], y[64];
    for (int i = 0; i < n; i++) { x[i] = i; y[i] = 1; }
    base_axpy(y, x, 2.0, n);
    for (int i = 0; i < n; i++) y[i] *= 0.5;
    return base_sum(y, n);
}
"#;

/// Loads the base (RTLD_GLOBAL, as a runtime loads its system image) and
/// the package; prints each image's own selection and the package's result.
const DRIVER: &str = r#"
#include <stdio.h>
#ifdef _WIN32
#include <windows.h>
#define LOAD(p) ((void *)LoadLibraryA(p))
#define SYM(h, n) ((void *)GetProcAddress((HMODULE)(h), n))
#else
#include <dlfcn.h>
#define LOAD(p) dlopen(p, RTLD_NOW | RTLD_GLOBAL)
#define SYM(h, n) dlsym(h, n)
#endif
int main(int argc, char **argv) {
    void *base = LOAD(argv[1]), *pkg = LOAD(argv[2]);
    if (!base || !pkg) { printf("load failed\n"); return 1; }
    int (*base_selected)(void) = (int (*)(void))SYM(base, "mvimg_selected_target");
    int (*pkg_selected)(void) = (int (*)(void))SYM(pkg, "mvimg_selected_target");
    double (*run)(int) = (double (*)(int))SYM(pkg, "pkg_run");
    const char *(*record)(const char *) = (const char *(*)(const char *))SYM(pkg, "mvimg_image_record");
    printf("base %d package %d run %g on %s\n", base_selected(), pkg_selected(), run(10),
           record("mvimg.base"));
    return 0;
}
"#;

/// The base image `dir/name` of BASE for `triple` and `list`.
fn base(dir: &Path, triple: &str, list: &str, name: &str, extra: &[&str]) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    let ll = c_ir(dir, "base", BASE, triple);
    let out = dir.join(name);
    let mut args = vec!["build", "-C", list, "-o", s(&out)];
    args.extend_from_slice(extra);
    args.push(s(&ll));
    mvimg_ok(&args);
    out
}

/// The x86_64 Linux package image of `ll` at `out`, layered on `base`.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
fn linux_package(base: &Path, ll: &Path, out: &Path) {
    mvimg_ok(&[
        "build",
        "-C",
        "generic;x86-64-v4",
        "--base",
        s(base),
        "--rpath",
        "$ORIGIN",
        "-o",
        s(out),
        s(ll),
    ]);
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn a_package_image_on_its_base_selects_on_its_own_and_is_refused_on_another() {
    let dir = scratch("layered-linux");
    let triple = "x86_64-unknown-linux-gnu";
    let base_so = base(&dir, triple, "generic;haswell,clone_all", "libbase.so", &[]);
    let pkg_ll = c_ir(&dir, "pkg", PACKAGE, triple);
    let pkg = dir.join("libpkg.so");
    linux_package(&base_so, &pkg_ll, &pkg);
    // Linked against the base, recording it.
    assert!(common::needed_libraries(&pkg).contains(&"libbase.so".to_owned()));
    let inspect = mvimg(&["inspect", "--json", s(&pkg)]);
    let doc: serde_json::Value = serde_json::from_slice(&inspect.stdout).unwrap();
    let base_file = mvimg::inspect::ImageFile::read(&base_so).unwrap();
    assert_eq!(doc["record"]["mvimg.base"], "libbase.so");
    assert_eq!(
        doc["record"]["mvimg.base-hash"],
        format!("{:016x}", base_file.data.hash)
    );

    // The init reads its own data PC-relative: no dynamic relocation names
    // the exported data symbol, which the base's could interpose.
    {
        use object::{Object, ObjectSymbol, ObjectSymbolTable, RelocationTarget};
        let bytes = std::fs::read(&pkg).unwrap();
        let file = object::File::parse(&*bytes).unwrap();
        let dynsym = file.dynamic_symbol_table().unwrap();
        let mut named = Vec::new();
        for (_, relocation) in file.dynamic_relocations().unwrap() {
            if let RelocationTarget::Symbol(index) = relocation.target() {
                named.push(
                    dynsym
                        .symbol_by_index(index)
                        .unwrap()
                        .name()
                        .unwrap()
                        .to_owned(),
                );
            }
        }
        assert!(named.iter().any(|n| n == "base_axpy"), "{named:?}");
        assert!(
            !named.iter().any(|n| n == "mvimg_dispatch_data"),
            "{named:?}"
        );
    }
    // Each image selects for its own code: natively (AVX-512) both their
    // last target; under qemu's Haswell the base its haswell clones and the
    // package its baseline; under Nehalem both the baseline. The base is
    // loaded RTLD_GLOBAL: the package's init still reads its own data.
    std::fs::write(dir.join("driver.c"), DRIVER).unwrap();
    let driver = dir.join("driver");
    run_ok("gcc", &["-o", s(&driver), s(&dir.join("driver.c")), "-ldl"]);
    let native = Command::new(&driver)
        .arg(&base_so)
        .arg(&pkg)
        .output()
        .unwrap();
    assert_eq!(
        stdout_of(&native, "driver"),
        "base 1 package 1 run 50 on libbase.so\n"
    );
    for (cpu, expected) in [
        ("Haswell", "base 1 package 0"),
        ("Nehalem", "base 0 package 0"),
    ] {
        let out = Command::new("qemu-x86_64")
            .args(["-cpu", cpu])
            .arg(&driver)
            .arg(&base_so)
            .arg(&pkg)
            .output()
            .expect("qemu-x86_64 runs (ci/setup installs qemu-user)");
        assert_eq!(
            stdout_of(&out, "driver"),
            format!("{expected} run 50 on libbase.so\n"),
            "{cpu}"
        );
    }

    // The Rust loader: the base, then the package on it (each as its init
    // selects here, natively: their last targets).
    let base_image = Image::open(&base_so, &OpenOptions::from_env()).unwrap();
    assert_eq!(base_image.selection().index, 1);
    let package = Image::open(&pkg, &OpenOptions::from_env().base(&base_image)).unwrap();
    assert_eq!(package.selection().index, 1);
    // SAFETY: `pkg_run` is `double (int)`.
    let run = unsafe { package.function::<extern "C" fn(i32) -> f64>("pkg_run") }.unwrap();
    assert_eq!(run(10), 50.0);

    // Another base (rebuilt with another list): refused, naming both.
    let other_dir = dir.join("other");
    let other = base(&other_dir, triple, "generic", "libbase.so", &[]);
    let other_image = Image::open(&other, &OpenOptions::from_env()).unwrap();
    let copy = dir.join("libpkg-copy.so");
    std::fs::copy(&pkg, &copy).unwrap();
    match Image::open(&copy, &OpenOptions::from_env().base(&other_image)) {
        Err(LoadError::Refused { reasons, .. }) => match &reasons[..] {
            [Refusal::Base {
                built_on,
                given: Some(given),
            }] => {
                assert_eq!(built_on.0, "libbase.so");
                assert_eq!(built_on.1, format!("{:016x}", base_file.data.hash));
                assert_eq!(given.hash, other_image.data().unwrap().hash);
                assert_eq!(given.hash, other_image.content_hash());
                assert_ne!(given.hash, base_file.data.hash);
            }
            other => panic!("{other:?}"),
        },
        other => panic!("{other:?}"),
    }
    // Without its base: refused, saying which base it needs.
    match Image::open(&copy, &OpenOptions::from_env()) {
        Err(e @ LoadError::Refused { .. }) => {
            assert!(
                e.to_string()
                    .contains("layered on the base image libbase.so"),
                "{e}"
            )
        }
        other => panic!("{other:?}"),
    }
    // Nothing of a package refused for its base runs: its constructor would
    // leave a marker file.
    let marker = dir.join("package-constructor-ran");
    let marked_c = format!(
        "{PACKAGE}\n#include <stdio.h>\n__attribute__((constructor)) static void mark(void) \
         {{ FILE *f = fopen(\"{}\", \"w\"); if (f) fclose(f); }}\n",
        s(&marker)
    );
    let marked_ll = c_ir(&dir, "marked", &marked_c, triple);
    let marked = dir.join("libmarked.so");
    linux_package(&base_so, &marked_ll, &marked);
    let refused = Image::open(&marked, &OpenOptions::from_env().base(&other_image));
    assert!(matches!(refused, Err(LoadError::Refused { .. })));
    assert!(!marker.exists(), "a refused package's constructor ran");
    let accepted = Image::open(&marked, &OpenOptions::from_env().base(&base_image)).unwrap();
    assert!(marker.exists(), "the constructor of a loaded package runs");
    drop(accepted);
    let check = |base: Option<&Path>| {
        let mut args = vec!["check", s(&pkg), "--host-cpu", "haswell"];
        if let Some(base) = base {
            args.extend(["--base", s(base)]);
        }
        mvimg(&args)
    };
    assert_eq!(check(Some(&base_so)).status.code(), Some(0));
    let out = check(Some(&other));
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("built against the base image libbase.so"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(check(None).status.code(), Some(1));
}

#[test]
fn a_windows_package_image_links_its_base_through_the_import_library() {
    let dir = scratch("layered-windows");
    let triple = "x86_64-w64-windows-gnu";
    let implib = dir.join("libbase.dll.a");
    let base_dll = base(
        &dir,
        triple,
        "generic;haswell,clone_all",
        "base.dll",
        &["--implib", s(&implib)],
    );
    let pkg_ll = c_ir(&dir, "pkg", PACKAGE, triple);
    let pkg = dir.join("pkg.dll");
    // Without the import library: a clear error, nothing written.
    mvimg_fails(
        &["build", "--base", s(&base_dll), "-o", s(&pkg), s(&pkg_ll)],
        "--base-implib",
        &pkg,
    );
    mvimg_ok(&[
        "build",
        "-C",
        "generic;x86-64-v4",
        "--base",
        s(&base_dll),
        "--base-implib",
        s(&implib),
        "-o",
        s(&pkg),
        s(&pkg_ll),
    ]);
    let bytes = std::fs::read(&pkg).unwrap();
    let file = object::File::parse(&*bytes).unwrap();
    use object::Object;
    let imports: Vec<(String, String)> = file
        .imports()
        .unwrap()
        .iter()
        .map(|i| {
            (
                String::from_utf8_lossy(i.library()).into_owned(),
                String::from_utf8_lossy(i.name()).into_owned(),
            )
        })
        .collect();
    for symbol in ["base_axpy", "base_sum"] {
        assert!(
            imports.contains(&("base.dll".to_owned(), symbol.to_owned())),
            "{imports:?}"
        );
    }
    std::fs::write(dir.join("driver.c"), DRIVER).unwrap();
    let driver = dir.join("driver.exe");
    run_ok(
        "x86_64-w64-mingw32-gcc",
        &["-o", s(&driver), s(&dir.join("driver.c"))],
    );
    let out = wine::command(&driver)
        .args(["base.dll", "pkg.dll"])
        .current_dir(&dir)
        .output()
        .expect("wine64 runs (ci/setup installs it)");
    let host_avx512 = {
        #[cfg(target_arch = "x86_64")]
        {
            std::arch::is_x86_feature_detected!("avx512f")
                && std::arch::is_x86_feature_detected!("avx512bw")
                && std::arch::is_x86_feature_detected!("avx512vl")
                && std::arch::is_x86_feature_detected!("avx512dq")
        }
        #[cfg(not(target_arch = "x86_64"))]
        false
    };
    assert_eq!(
        stdout_of(&out, "driver"),
        format!(
            "base 1 package {} run 50 on base.dll\n",
            i32::from(host_avx512)
        )
    );
}

#[test]
fn macos_package_images_bind_to_their_base_dylib() {
    for (triple, list) in [
        ("x86_64-apple-macosx10.13.0", "generic;haswell"),
        ("arm64-apple-macosx11.0.0", "generic;apple-m1"),
    ] {
        let dir = scratch(&format!("layered-{triple}"));
        let base_dylib = base(&dir, triple, list, "libbase.dylib", &[]);
        let pkg_ll = c_ir(&dir, "pkg", PACKAGE, triple);
        let pkg = dir.join("libpkg.dylib");
        mvimg_ok(&[
            "build",
            "-C",
            list,
            "--base",
            s(&base_dylib),
            "--rpath",
            "@loader_path",
            "-o",
            s(&pkg),
            s(&pkg_ll),
        ]);
        let found = macho::bindings(&std::fs::read(&pkg).unwrap());
        let ordinal = 1 + found
            .dylibs
            .iter()
            .position(|d| d == "@rpath/libbase.dylib")
            .unwrap_or_else(|| panic!("{triple}: {:?}", found.dylibs))
            as i64;
        for symbol in ["_base_axpy", "_base_sum"] {
            let (table, bind) = found.symbols[symbol];
            assert_eq!(
                (i64::from(table), bind),
                (ordinal, ordinal),
                "{triple} {symbol}"
            );
        }
        let file = mvimg::inspect::ImageFile::read(&pkg).unwrap();
        let base_file = mvimg::inspect::ImageFile::read(&base_dylib).unwrap();
        assert_eq!(file.data.record_value("mvimg.base"), Some("libbase.dylib"));
        assert_eq!(
            file.data.record_value("mvimg.base-hash"),
            Some(format!("{:016x}", base_file.data.hash).as_str())
        );
    }
}

/// A 256-bit vector passed and returned by value, as a base image exports
/// it and a package calls it.
const VECTOR_BASE: &str = r#"
typedef float v8 __attribute__((vector_size(32)));
v8 scale8(v8 x, float a) {
    v8 r = x;
    for (int i = 0; i < 8; i++) r[i] = x[i] * a + (float)i;
    return r;
}
"#;

const VECTOR_PACKAGE: &str = r#"
typedef float v8 __attribute__((vector_size(32)));
extern v8 scale8(v8 x, float a);
float pkg_scale_sum(float a) {
    v8 x = {1, 2, 3, 4, 5, 6, 7, 8};
    v8 r = scale8(x, a);
    float s = 0;
    for (int i = 0; i < 8; i++) s += r[i];
    return s;
}
"#;

/// Where a vector passed by value travels depends on each body's target
/// (SSE: two xmm halves, AVX: ymm). Inside one image mvimg makes every call
/// agree (the body takes the vector in memory; the exported symbol keeps
/// target 0's convention for its callers), so `generic;haswell` builds and a
/// caller built for the baseline gets the right answer on each target. A
/// package calling its base image's function cannot be rewritten: refused
/// when the two images' targets disagree, built, linked and run when they
/// agree.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn vectors_by_value_need_one_vector_width_across_targets_and_images() {
    let dir = scratch("layered-vectors");
    let triple = "x86_64-unknown-linux-gnu";
    let base_ll = c_ir(&dir, "vbase", VECTOR_BASE, triple);
    // 128-bit and 256-bit targets in one image: built; the baseline caller's
    // by-value call gives sum(2 * x + i) on both targets.
    let mixed = dir.join("libmixed.so");
    mvimg_ok(&[
        "build",
        "-C",
        "generic;haswell",
        "-o",
        s(&mixed),
        s(&base_ll),
    ]);
    let caller = dir.join("vcaller.c");
    std::fs::write(
        &caller,
        "#include <stdio.h>\ntypedef float v8 __attribute__((vector_size(32)));\n\
         v8 scale8(v8 x, float a);\nint main(void) {\n\
         v8 r = scale8((v8){1, 2, 3, 4, 5, 6, 7, 8}, 2.0f); float s = 0;\n\
         for (int i = 0; i < 8; i++) s += r[i];\nprintf(\"%g\\n\", s); return 0; }\n",
    )
    .unwrap();
    let caller_exe = dir.join("vcaller");
    run_ok(
        "clang-22",
        &[
            "-w",
            "-o",
            s(&caller_exe),
            s(&caller),
            s(&mixed),
            &format!("-Wl,-rpath,{}", s(&dir)),
        ],
    );
    for force in ["0", "1"] {
        let out = Command::new(&caller_exe)
            .env("MVIMG_FORCE_TARGET", force)
            .output()
            .unwrap();
        assert_eq!(
            stdout_of(&out, force),
            "100\n",
            "generic;haswell target {force}"
        );
    }
    // One width (256 bits carried by AVX2 and by AVX-512 alike): built.
    let base_so = dir.join("libvbase.so");
    mvimg_ok(&[
        "build",
        "-C",
        "x86-64-v3;x86-64-v4",
        "-o",
        s(&base_so),
        s(&base_ll),
    ]);
    let pkg_ll = c_ir(&dir, "vpkg", VECTOR_PACKAGE, triple);
    // A package whose baseline is SSE-only calls it differently: refused.
    let pkg = dir.join("libvpkg.so");
    mvimg_fails(
        &[
            "build",
            "-C",
            "generic;x86-64-v3",
            "--base",
            s(&base_so),
            "-o",
            s(&pkg),
            s(&pkg_ll),
        ],
        "`scale8` passes a 256-bit vector",
        &pkg,
    );
    mvimg_ok(&[
        "build",
        "-C",
        "x86-64-v3;haswell,clone_all;x86-64-v4",
        "--base",
        s(&base_so),
        "--rpath",
        "$ORIGIN",
        "-o",
        s(&pkg),
        s(&pkg_ll),
    ]);
    // Run: every combination of the two images' targets gives the result
    // of the plain computation, sum(2 * x + i) = 2 * 36 + 28.
    let driver = dir.join("vdriver.c");
    std::fs::write(
        &driver,
        "#include <dlfcn.h>\n#include <stdio.h>\nint main(int c, char **v) {\n\
         void *h = dlopen(v[1], RTLD_NOW); if (!h) { puts(dlerror()); return 1; }\n\
         float (*f)(float) = (float (*)(float))dlsym(h, \"pkg_scale_sum\");\n\
         printf(\"%g\\n\", f(2.0f)); return 0; }\n",
    )
    .unwrap();
    let exe = dir.join("vdriver");
    run_ok("gcc", &["-o", s(&exe), s(&driver), "-ldl"]);
    for force in ["0", "1", "2"] {
        let out = Command::new(&exe)
            .arg(&pkg)
            .env("MVIMG_FORCE_TARGET", force)
            .output()
            .unwrap();
        assert_eq!(stdout_of(&out, force), "100\n", "package target {force}");
    }
}
