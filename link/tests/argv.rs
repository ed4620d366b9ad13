//! The exact argument vector of each flavor for fixed inputs, and which
//! meanings each flavor refuses.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use mvimg_cpu::Platform;
use mvimg_link::{DataImports, Flavor, LinkError, LinkInput, LinkJob, Undefined};

fn job(triple: &str, output: &str) -> LinkJob {
    let platform: Platform = triple.parse().unwrap();
    let mut job = LinkJob::new(platform, vec![PathBuf::from("/in/a.o")], output);
    job.spec.inputs.push(LinkInput::Archive {
        path: "/in/b.a".into(),
        whole: true,
    });
    job.exports = vec!["f".into(), "g".into()];
    job
}

/// A job with every meaning that applies everywhere: an object, an archive
/// linked member by member, a whole archive, a library by name, a library
/// file, a search path, exported data, a raw argument.
fn runtime_job(triple: &str, output: &str) -> LinkJob {
    let platform: Platform = triple.parse().unwrap();
    let mut job = LinkJob::new(platform, vec![PathBuf::from("/in/code.o")], output);
    job.spec.inputs.extend([
        LinkInput::Archive {
            path: "/in/util.a".into(),
            whole: false,
        },
        LinkInput::Object("/in/heap.o".into()),
        LinkInput::Archive {
            path: "/in/all.a".into(),
            whole: true,
        },
        LinkInput::Library("hostrt".into()),
        LinkInput::LibraryFile("/lib/libextra".into()),
    ]);
    job.spec.search_paths = vec!["/opt/rt lib".into()];
    job.exports = vec!["f".into()];
    job.spec.export_data = vec!["heap".into()];
    job.spec.link_args = vec!["--raw".into()];
    job
}

fn argv(job: &LinkJob) -> String {
    let paths = job.paths_in(Path::new("/tmp/w")).unwrap();
    let argv: Vec<String> = job
        .argv(&paths)
        .unwrap()
        .iter()
        .map(|a| a.to_str().unwrap().to_owned())
        .collect();
    argv.join(" ")
}

#[test]
fn gnu_x86_64() {
    assert_eq!(
        argv(&job("x86_64-unknown-linux-gnu", "/out/libimg.so")),
        "ld.lld -m elf_x86_64 -shared -o /tmp/w/libimg.so -soname libimg.so --threads=1 --fatal-warnings \
         --hash-style=gnu --eh-frame-hdr -z relro -z now -z noexecstack --build-id=sha1 \
         --version-script=/tmp/w/exports.map --no-undefined-version /in/a.o --whole-archive /in/b.a --no-whole-archive"
    );
    let j = job("x86_64-unknown-linux-gnu", "/out/libimg.so");
    assert_eq!(
        j.export_file(),
        "{\n  global:\n    \"f\";\n    \"g\";\n  local: *;\n};\n"
    );
}

#[test]
fn gnu_aarch64_with_options() {
    let mut j = job("aarch64-unknown-linux-gnu", "/out/libimg.so");
    j.exports.clear();
    j.options.soname = Some("libimg.so.1".into());
    j.options.gc_sections = true;
    j.options.build_id = Some(false);
    j.options.threads = 4;
    assert_eq!(
        argv(&j),
        "ld.lld -m aarch64linux -shared -o /tmp/w/libimg.so -soname libimg.so.1 --threads=4 --fatal-warnings \
         --hash-style=gnu --eh-frame-hdr -z relro -z now -z noexecstack --gc-sections \
         /in/a.o --whole-archive /in/b.a --no-whole-archive"
    );
}

#[test]
fn gnu_meanings() {
    let mut j = runtime_job("x86_64-unknown-linux-gnu", "/out/libimg.so");
    j.spec.rpaths = vec!["$ORIGIN".into(), "$ORIGIN/../lib".into()];
    j.spec.undefined = Some(Undefined::Error);
    j.runtime = vec!["/usr/lib/libgcc.a".into(), "/usr/lib/libc.so".into()];
    assert_eq!(
        argv(&j),
        "ld.lld -m elf_x86_64 -shared -o /tmp/w/libimg.so -soname libimg.so --threads=1 --fatal-warnings \
         --hash-style=gnu --eh-frame-hdr -z relro -z now -z noexecstack --build-id=sha1 -z defs \
         --version-script=/tmp/w/exports.map --no-undefined-version -rpath $ORIGIN -rpath $ORIGIN/../lib \
         -L /opt/rt lib /in/code.o /in/util.a /in/heap.o --whole-archive /in/all.a --no-whole-archive \
         -lhostrt /lib/libextra --as-needed /usr/lib/libgcc.a /usr/lib/libc.so --no-as-needed --raw"
    );
    // Data and functions are both global in the version script.
    assert_eq!(
        j.export_file(),
        "{\n  global:\n    \"f\";\n    \"heap\";\n  local: *;\n};\n"
    );
    // The argv is built from OsStrings: a path that is not UTF-8 passes
    // through unchanged.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::{OsStrExt, OsStringExt};
        let odd = OsString::from_vec(b"/in/\xffodd.o".to_vec());
        j.spec.inputs = vec![LinkInput::Object(odd.clone().into())];
        let paths = j.paths_in(Path::new("/tmp/w")).unwrap();
        let argv = j.argv(&paths).unwrap();
        assert!(argv.iter().any(|a| a.as_bytes() == odd.as_bytes()));
    }
}

#[test]
fn darwin_both_arches() {
    assert_eq!(
        argv(&job("aarch64-apple-darwin", "/out/libimg.dylib")),
        "ld64.lld -arch arm64 -platform_version macos 11.0 11.0 -dylib -o /tmp/w/libimg.dylib \
         -install_name @rpath/libimg.dylib -fatal_warnings --threads=1 -undefined dynamic_lookup \
         -exported_symbols_list /tmp/w/exports.txt /in/a.o -force_load /in/b.a"
    );
    let mut j = job("x86_64-apple-darwin", "/out/libimg.dylib");
    j.options.macos_min_version = Some("10.15".into());
    j.options.macos_sdk_version = Some("14.0".into());
    assert_eq!(
        argv(&j),
        "ld64.lld -arch x86_64 -platform_version macos 10.15 14.0 -dylib -o /tmp/w/libimg.dylib \
         -install_name @rpath/libimg.dylib -fatal_warnings --threads=1 -undefined dynamic_lookup \
         -exported_symbols_list /tmp/w/exports.txt /in/a.o -force_load /in/b.a"
    );
    assert_eq!(j.export_file(), "_f\n_g\n");
}

#[test]
fn darwin_meanings() {
    let mut j = runtime_job("aarch64-apple-darwin", "/out/libimg.dylib");
    j.spec.rpaths = vec!["@loader_path".into()];
    j.spec.undefined = Some(Undefined::Error);
    j.options.soname = Some("/opt/rt/libimg.dylib".into());
    j.options.build_id = Some(false);
    assert_eq!(
        argv(&j),
        "ld64.lld -arch arm64 -platform_version macos 11.0 11.0 -dylib -o /tmp/w/libimg.dylib \
         -install_name /opt/rt/libimg.dylib -fatal_warnings --threads=1 -no_uuid -undefined error \
         -exported_symbols_list /tmp/w/exports.txt -rpath @loader_path -L /opt/rt lib \
         /in/code.o /in/util.a /in/heap.o -force_load /in/all.a -lhostrt /lib/libextra --raw"
    );
    assert_eq!(j.export_file(), "_f\n_heap\n");
}

#[test]
fn mingw() {
    let mut j = job("x86_64-w64-windows-gnu", "/out/img.dll");
    j.spec.import_library = Some("/out/libimg.dll.a".into());
    assert_eq!(
        argv(&j),
        "ld.lld -m i386pep --shared -o /tmp/w/img.dll --threads=1 --fatal-warnings --no-insert-timestamp \
         -Xlink=-lldignoreenv --disable-runtime-pseudo-reloc --out-implib /tmp/w/libimg.dll.a \
         /tmp/w/exports.def /tmp/w/dllentry.o /in/a.o --whole-archive /in/b.a --no-whole-archive"
    );
    assert_eq!(j.export_file(), "EXPORTS\n    \"f\"\n    \"g\"\n");
    j.exports.clear();
    j.spec.import_library = None;
    j.options.data_imports = DataImports::DllImportOnly;
    assert_eq!(
        argv(&j),
        "ld.lld -m i386pep --shared -o /tmp/w/img.dll --threads=1 --fatal-warnings --no-insert-timestamp \
         -Xlink=-lldignoreenv --disable-runtime-pseudo-reloc --disable-auto-import --export-all-symbols \
         --exclude-symbols=DllMainCRTStartup /tmp/w/dllentry.o /in/a.o --whole-archive /in/b.a --no-whole-archive"
    );
}

#[test]
fn mingw_meanings() {
    let mut j = runtime_job("x86_64-w64-windows-gnu", "/out/img.dll");
    j.options.data_imports = DataImports::PseudoRelocations;
    j.options.dll_entry_stub = false;
    j.options.build_id = Some(true);
    assert_eq!(
        argv(&j),
        "ld.lld -m i386pep --shared -o /tmp/w/img.dll --threads=1 --fatal-warnings --no-insert-timestamp \
         -Xlink=-lldignoreenv --build-id /tmp/w/exports.def -L /opt/rt lib \
         /in/code.o /in/util.a /in/heap.o --whole-archive /in/all.a --no-whole-archive -lhostrt /lib/libextra --raw"
    );
    // Data is exported as DATA: the import library has `__imp_heap` only.
    assert_eq!(j.export_file(), "EXPORTS\n    \"f\"\n    \"heap\" DATA\n");
}

#[test]
fn meanings_a_flavor_lacks_are_errors() {
    let refused = |triple: &str, change: &dyn Fn(&mut LinkJob)| {
        let mut j = job(triple, "/out/libimg");
        change(&mut j);
        let paths = j.paths_in(Path::new("/tmp/w")).unwrap();
        match j.argv(&paths) {
            Err(e @ LinkError::NotApplicable { .. }) => e.to_string(),
            other => panic!("{triple}: expected NotApplicable, got {other:?}"),
        }
    };
    let windows = "x86_64-w64-windows-gnu";
    let e = refused(windows, &|j| j.spec.rpaths = vec!["$ORIGIN".into()]);
    assert!(e.contains("rpath `$ORIGIN`") && e.contains(windows), "{e}");
    let e = refused(windows, &|j| j.spec.undefined = Some(Undefined::Allow));
    assert!(e.contains("-l NAME"), "{e}");
    let e = refused(windows, &|j| j.options.soname = Some("x".into()));
    assert!(e.contains("file name"), "{e}");
    let e = refused(windows, &|j| {
        j.options.macos_min_version = Some("12.0".into())
    });
    assert!(e.contains("macOS version 12.0"), "{e}");
    for linux_or_mac in ["x86_64-unknown-linux-gnu", "aarch64-apple-darwin"] {
        let e = refused(linux_or_mac, &|j| {
            j.spec.import_library = Some("/out/x.dll.a".into())
        });
        assert!(e.contains("import library"), "{e}");
        let e = refused(linux_or_mac, &|j| {
            j.options.data_imports = DataImports::DllImportOnly
        });
        assert!(e.contains("data imports"), "{e}");
    }
    let e = refused("x86_64-unknown-linux-gnu", &|j| {
        j.options.macos_sdk_version = Some("14.0".into())
    });
    assert!(e.contains("Mach-O"), "{e}");
}

#[test]
fn libraries_are_found_as_lld_finds_them() {
    let dir = std::env::temp_dir().join(format!("mvimg-argv-libs-{}", std::process::id()));
    let (first, second) = (dir.join("first"), dir.join("second"));
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(&second).unwrap();
    let touch = |p: PathBuf| std::fs::write(p, b"").unwrap();
    touch(first.join("libz.a"));
    touch(second.join("libz.so"));
    touch(second.join("z.lib"));
    touch(first.join("hostrt.dll.a"));
    let mut linux = job("x86_64-unknown-linux-gnu", "/out/libimg.so");
    linux.spec.search_paths = vec![first.clone(), second.clone()];
    // Directory by directory, each with the flavor's names in order.
    assert_eq!(linux.find_library("z").unwrap(), first.join("libz.a"));
    let mut windows = job("x86_64-w64-windows-gnu", "/out/img.dll");
    windows.spec.search_paths = vec![second.clone(), first.clone()];
    assert_eq!(windows.find_library("z").unwrap(), second.join("z.lib"));
    assert_eq!(
        windows.find_library("hostrt").unwrap(),
        first.join("hostrt.dll.a")
    );
    let e = linux.find_library("hostrt").unwrap_err().to_string();
    assert!(
        e.contains("-lhostrt")
            && e.contains("libhostrt.so, libhostrt.a")
            && e.contains(&first.display().to_string())
            && e.contains("-L DIR"),
        "{e}"
    );
    linux.spec.search_paths.clear();
    let e = linux.find_library("z").unwrap_err().to_string();
    assert!(e.contains("no search path"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn flavors_round_trip() {
    for flavor in Flavor::ALL {
        assert_eq!(flavor.to_string().parse::<Flavor>().unwrap(), flavor);
    }
    assert!("msvc".parse::<Flavor>().is_err());
}

#[test]
fn triples_choose_flavors() {
    for (triple, flavor) in [
        ("x86_64-unknown-linux-gnu", Some(Flavor::Gnu)),
        ("aarch64-unknown-linux-gnu", Some(Flavor::Gnu)),
        ("x86_64-apple-darwin", Some(Flavor::Darwin)),
        ("aarch64-apple-darwin", Some(Flavor::Darwin)),
        ("arm64-apple-macosx11.0", Some(Flavor::Darwin)),
        ("x86_64-w64-windows-gnu", Some(Flavor::Mingw)),
        ("x86_64-pc-windows-msvc", None),
        ("aarch64-w64-windows-gnu", None),
        ("riscv64-unknown-linux-gnu", None),
        ("not a triple", None),
    ] {
        let got = triple.parse::<Platform>().ok().map(|p| Flavor::of(&p));
        assert_eq!(got, flavor, "{triple}");
    }
}
