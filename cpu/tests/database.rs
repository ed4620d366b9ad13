//! The generated CPU database: sizes, exact lookup, aliases, implications and the
//! feature classes.

use mvimg_cpu::{Arch, Detection, FeatureClass};

#[test]
fn sizes() {
    let x86 = Arch::X86_64.database();
    let arm = Arch::Aarch64.database();
    println!(
        "x86_64: {} CPUs + {} aliases, {} features ({} detectable, {} tuning); \
         aarch64: {} CPUs + {} aliases, {} features ({} detectable, {} tuning)",
        x86.cpus().len(),
        x86.aliases().len(),
        x86.features().len(),
        x86.detectable().len(),
        x86.tuning().len(),
        arm.cpus().len(),
        arm.aliases().len(),
        arm.features().len(),
        arm.detectable().len(),
        arm.tuning().len()
    );
    // LLVM 22 accepts 94 CPU names for x86_64 (the 32-bit-only ones are refused
    // with "64-bit code requested on a subtarget that doesn't support it") and 98
    // for AArch64; codegen/tests/cpu_db.rs pins the exact table to live LLVM.
    assert!(x86.cpu_names().count() >= 90);
    assert!(arm.cpu_names().count() >= 90);
    assert!(x86.features().len() >= 190 && arm.features().len() >= 340);
    assert!(x86.llvm_version().starts_with("22."));
}

#[test]
fn lookup_is_exact_and_aliases_resolve() {
    let x86 = Arch::X86_64.database();
    assert!(x86.cpu("Haswell").is_none());
    assert!(x86.cpu("haswell ").is_none());
    let haswell = x86.cpu("haswell").unwrap();
    assert_eq!(x86.cpu("core-avx2"), Some(haswell));
    assert_eq!(x86.cpu("core_4th_gen_avx"), Some(haswell));
    assert!(haswell.aliases().contains(&"core-avx2"));
    assert_eq!(x86.cpu("corei7").unwrap().name(), "nehalem");
    assert!(
        x86.cpus().all(|c| c.name() != "corei7"),
        "aliases are not copies"
    );
    assert!(
        x86.cpu("pentium4").is_none(),
        "32-bit only CPUs are not x86_64 CPUs"
    );
    let arm = Arch::Aarch64.database();
    assert_eq!(arm.cpu("apple-m1").unwrap().name(), "apple-a14");
    assert_eq!(arm.cpu("cobalt-100").unwrap().name(), "neoverse-n2");
    assert!(x86.feature("avx2").is_some() && x86.feature("AVX2").is_none());
    assert!(arm.feature("avx2").is_none());
    // Every alias names a CPU, and no alias shadows a CPU name.
    for arch in Arch::ALL {
        let db = arch.database();
        for (alias, cpu) in db.aliases() {
            assert_eq!(db.cpu(alias), Some(cpu));
            assert!(db.cpus().all(|c| c.name() != alias), "{alias}");
        }
    }
}

#[test]
fn implications_are_transitive_and_closed() {
    for arch in Arch::ALL {
        let db = arch.database();
        for f in db.features() {
            assert!(!f.implies().contains(f), "{f:?} implies itself");
            for g in f.implies().iter() {
                assert!(
                    g.implies().is_subset(&f.implies()),
                    "{f:?} -> {g:?} not transitive"
                );
            }
        }
        for cpu in db.cpus() {
            assert_eq!(db.closure(&cpu.features()), cpu.features(), "{cpu:?}");
            assert_eq!(db.closure(&cpu.tuning()), cpu.tuning(), "{cpu:?}");
        }
    }
    let x86 = Arch::X86_64.database();
    let avx512f = x86.feature("avx512f").unwrap();
    assert!(avx512f.implies().names().contains(&"avx2"));
    let haswell = x86.cpu("haswell").unwrap().features();
    let without_avx = x86.remove_with_dependents(&haswell, x86.feature("avx").unwrap());
    for gone in ["avx", "avx2", "fma", "f16c"] {
        assert!(!without_avx.names().contains(&gone), "{gone}");
    }
}

#[test]
fn feature_classes() {
    let x86 = Arch::X86_64.database();
    let class = |db: &mvimg_cpu::Database, name: &str| db.class(db.feature(name).unwrap());
    match class(x86, "avx2") {
        FeatureClass::Detectable {
            detection: Detection::Cpuid(source),
        } => {
            assert_eq!(source.state, mvimg_cpu::x86_64::OsState::Avx);
            assert_eq!(
                source.test,
                mvimg_cpu::x86_64::CpuidTest::Bit {
                    leaf: 7,
                    subleaf: 0,
                    reg: mvimg_cpu::x86_64::Reg::Ebx,
                    bit: 5
                }
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(class(x86, "prefer-256-bit"), FeatureClass::Tuning);
    assert_eq!(class(x86, "macrofusion"), FeatureClass::Tuning);
    assert_eq!(class(x86, "retpoline"), FeatureClass::NotDetectable);
    assert_eq!(class(x86, "nopl"), FeatureClass::NotDetectable);
    let arm = Arch::Aarch64.database();
    match class(arm, "aes") {
        FeatureClass::Detectable {
            detection: Detection::Hwcap(source),
        } => assert_eq!(source.bits.len(), 2, "aes needs AES and PMULL"),
        other => panic!("{other:?}"),
    }
    assert_eq!(class(arm, "v8.2a"), FeatureClass::NotDetectable);
    assert_eq!(class(arm, "fuse-aes"), FeatureClass::Tuning);
    for arch in Arch::ALL {
        let db = arch.database();
        assert!(
            db.detectable().intersection(&db.tuning()).is_empty(),
            "{arch}"
        );
        // Each detectable feature appears once in the table.
        let mut seen = mvimg_cpu::FeatureSet::empty(arch);
        for (f, _) in db.detection_table() {
            assert!(!seen.contains(*f), "{f:?} listed twice");
            seen.insert(*f);
        }
    }
}

#[test]
fn serde_of_model_types() {
    let x86 = Arch::X86_64.database();
    let haswell = x86.cpu("haswell").unwrap();
    let json = serde_json::to_string(&haswell).unwrap();
    assert_eq!(json, r#"{"arch":"x86_64","name":"haswell"}"#);
    assert_eq!(
        serde_json::from_str::<mvimg_cpu::Cpu>(&json).unwrap(),
        haswell
    );
    let set = haswell.features();
    let back: mvimg_cpu::FeatureSet =
        serde_json::from_str(&serde_json::to_string(&set).unwrap()).unwrap();
    assert_eq!(back, set);
    let f = x86.feature("sse4.1").unwrap();
    assert_eq!(
        serde_json::from_str::<mvimg_cpu::Feature>(&serde_json::to_string(&f).unwrap()).unwrap(),
        f
    );
    assert!(
        serde_json::from_str::<mvimg_cpu::Feature>(r#"{"arch":"aarch64","name":"avx2"}"#).is_err()
    );
    assert_eq!("arm64".parse::<Arch>().unwrap(), Arch::Aarch64);
    let e = "x86_46".parse::<Arch>().unwrap_err();
    assert!(e.to_string().contains("did you mean `x86_64`"), "{e}");
    for arch in Arch::ALL {
        assert_eq!(arch.to_string().parse::<Arch>().unwrap(), arch);
        assert_eq!(
            serde_json::from_str::<Arch>(&serde_json::to_string(&arch).unwrap()).unwrap(),
            arch
        );
    }
    for os in [
        mvimg_cpu::Os::Linux,
        mvimg_cpu::Os::Macos,
        mvimg_cpu::Os::Windows,
    ] {
        assert_eq!(os.to_string().parse::<mvimg_cpu::Os>().unwrap(), os);
    }
}
