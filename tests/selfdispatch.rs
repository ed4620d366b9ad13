//! Self-dispatching images: the init mvimg links into every image selects a
//! target at load, on its own, and chooses what mvimg-cpu's matcher chooses.
//! Plain C drivers (gcc, aarch64-linux-gnu-gcc, x86_64-w64-mingw32-gcc) load
//! the images natively, under `qemu-x86_64 -cpu M`, `qemu-aarch64 -cpu M` and
//! wine, and report `mvimg_selected_target()` and the kernels' results.

use std::path::{Path, PathBuf};
use std::process::Command;

use mvimg::codegen::{build, link_image, BuildOptions};
use mvimg::cpu::{select, Arch, Host, Image, OpenOptions, SelectOptions, TargetList};

mod common;
#[path = "../link/tests/common/wine.rs"]
mod wine;
use common::{c_ir, check_readers, probe, probe_of, run_ok, scratch, stdout_of as stdout, KERNELS};

const X86_LIST: &str =
    "generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1);x86-64-v4,+pclmul,-rdrnd,base(1)";
const ARM_LIST: &str = "generic;cortex-a57;neoverse-n1;a64fx";

/// Loads the image (argv[1]) once per remaining argument, which names a
/// database CPU for MVIMG_HOST_CPU ("-" for none), and prints the selection;
/// with no CPU argument, loads it once as is and runs the kernels. On
/// AArch64 it also prints the capability words the init read.
const LINUX_DRIVER: &str = r#"
#include "mvimg_layout.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#if defined(__aarch64__)
#include <sys/auxv.h>
#endif
typedef int (*sel_fn)(void);
typedef const char *(*str_fn)(void);
static void *load(const char *path, int kernels) {
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) { printf("dlopen %s\n", dlerror()); exit(2); }
    /* Before anything else of the image runs: the init ran at load. */
    int early = kernels ? ((int (*)(void))dlsym(h, "probe"))() : 0;
    int s = ((sel_fn)dlsym(h, "mvimg_selected_target"))();
    const char *(*name)(int) = (const char *(*)(int))dlsym(h, "mvimg_target_name");
    const char *error = ((str_fn)dlsym(h, "mvimg_selection_error"))();
    printf("selected %d %s\n", s, s >= 0 ? name(s) : error);
    /* The protection of the page of the first slot (docs/FORMAT.md). */
    const unsigned *d = (const unsigned *)dlsym(h, "mvimg_dispatch_data");
    if (kernels && d[MVIMG_H_SLOT_COUNT] > 0) {
        const unsigned *slot = d + d[MVIMG_H_SLOTS_OFFSET] / 4;
        unsigned long cell = (unsigned long)((const char *)d + (int)slot[MVIMG_C_CELL]), lo, hi;
        char perms[8] = "?", line[512];
        FILE *maps = fopen("/proc/self/maps", "r");
        while (maps && fgets(line, sizeof line, maps))
            if (sscanf(line, "%lx-%lx %4s", &lo, &hi, perms) == 3 && lo <= cell && cell < hi) break;
        if (maps) fclose(maps);
        printf("slots %s\n", perms);
    }
    if (kernels) {
        printf("probe %d\n", early);
        static float x[1003], y[1003];
        static unsigned v[1003];
        for (int i = 0; i < 1003; i++) { x[i] = (float)(i % 17) * 0.25f; y[i] = (float)(i % 5); v[i] = (unsigned)i * 2654435761u; }
        ((void (*)(int, float, const float *, float *))dlsym(h, "saxpy"))(1003, 1.5f, x, y);
        float d = ((float (*)(int, const float *, const float *))dlsym(h, "dot"))(1003, x, y);
        unsigned c = ((unsigned (*)(int, const unsigned *))dlsym(h, "checksum"))(1003, v);
        double sum = 0;
        for (int i = 0; i < 1003; i++) sum += y[i];
        printf("results %.9g %.9g %u\n", sum, (double)d, c);
    }
    return h;
}
int main(int argc, char **argv) {
#if defined(__aarch64__)
    printf("AT_HWCAP: 0x%lx\nAT_HWCAP2: 0x%lx\nAT_HWCAP3: 0x%lx\n",
           getauxval(AT_HWCAP), getauxval(AT_HWCAP2), getauxval(29));
#endif
    if (argc == 2) { load(argv[1], 1); return 0; }
    for (int i = 2; i < argc; i++) {
        if (argv[i][0] == '-' && !argv[i][1]) unsetenv("MVIMG_HOST_CPU");
        else setenv("MVIMG_HOST_CPU", argv[i], 1);
        printf("cpu %s\n", argv[i]);
        void *h = load(argv[1], 0);
        if (dlclose(h)) { printf("dlclose failed\n"); return 3; }
    }
    return 0;
}
"#;

const WINDOWS_DRIVER: &str = r#"
#include <windows.h>
#include <stdio.h>
int main(int argc, char **argv) {
    if (argc < 2) return 2;
    HMODULE h = LoadLibraryA(argv[1]);
    if (!h) { printf("LoadLibrary failed %lu\n", GetLastError()); return 2; }
    int (*sel)(void) = (int (*)(void))GetProcAddress(h, "mvimg_selected_target");
    const char *(*name)(int) = (const char *(*)(int))GetProcAddress(h, "mvimg_target_name");
    const char *(*error)(void) = (const char *(*)(void))GetProcAddress(h, "mvimg_selection_error");
    unsigned (*checksum)(int, const unsigned *) = (unsigned (*)(int, const unsigned *))GetProcAddress(h, "checksum");
    static unsigned v[1003];
    for (int i = 0; i < 1003; i++) v[i] = (unsigned)i * 2654435761u;
    int s = sel();
    printf("selected %d %s\n", s, s >= 0 ? name(s) : error());
    printf("results %u\n", checksum(1003, v));
    printf("probe %d\n", ((int (*)(void))GetProcAddress(h, "probe"))());
    return 0;
}
"#;

/// KERNELS built into an image for `triple` and `list` at `dir/name`.
fn image(dir: &Path, triple: &str, list: &str, name: &str) -> PathBuf {
    let ll = c_ir(dir, name, KERNELS, triple);
    let arch = triple.parse::<mvimg::cpu::Platform>().unwrap().arch;
    let targets = list
        .parse::<TargetList>()
        .unwrap()
        .resolve(arch, None)
        .unwrap();
    let options = BuildOptions {
        triple: Some(triple.into()),
        ..BuildOptions::default()
    };
    let built = build(&[ll], &targets, &options).unwrap();
    let out = dir.join(name);
    link_image(&built, &out).unwrap();
    check_readers(&out, targets.targets.len());
    out
}

/// The Linux driver compiled with `compiler` at `dir/driver`.
fn linux_driver(dir: &Path, compiler: &str) -> PathBuf {
    let (c, exe) = (dir.join("driver.c"), dir.join("driver"));
    std::fs::write(&c, LINUX_DRIVER).unwrap();
    std::fs::write(
        dir.join("mvimg_layout.h"),
        mvimg::codegen::init::LAYOUT_HEADER,
    )
    .unwrap();
    run_ok(
        compiler,
        &[
            "-O1",
            "-I",
            dir.to_str().unwrap(),
            "-o",
            exe.to_str().unwrap(),
            c.to_str().unwrap(),
            "-ldl",
        ],
    );
    exe
}

/// The index after `selected ` on each such line (-1 for none).
fn selections(text: &str) -> Vec<i64> {
    text.lines()
        .filter_map(|l| l.strip_prefix("selected "))
        .map(|rest| rest.split(' ').next().unwrap().parse().unwrap())
        .collect()
}

/// The numbers of the `results` line.
fn results(text: &str) -> Vec<f64> {
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("results "))
        .unwrap_or_else(|| panic!("no results in {text}"));
    line.split(' ').map(|v| v.parse().unwrap()).collect()
}

/// Equal within the stated tolerance: 1e-5 relative for the float kernels
/// (clones may contract to FMA and vectorize the reduction), exact for the
/// integer checksum.
fn assert_close(a: &[f64], b: &[f64], what: &str) {
    assert_eq!(a.len(), b.len());
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        if i == a.len() - 1 {
            assert_eq!(x, y, "{what}: checksum");
        } else {
            assert!(
                (x - y).abs() <= 1e-5 * x.abs().max(1.0),
                "{what}: {x} vs {y}"
            );
        }
    }
}

/// What mvimg-cpu's matcher selects from `list` for `host` with `options`
/// (-1 for an error, as the init reports it).
fn matcher(list: &str, arch: Arch, host: &Host, options: &SelectOptions) -> i64 {
    let targets = list
        .parse::<TargetList>()
        .unwrap()
        .resolve(arch, None)
        .unwrap();
    select(&targets, host, options).map_or(-1, |s| s.index as i64)
}

#[test]
fn x86_image_selects_on_its_own_under_qemu_and_natively() {
    let dir = scratch("selfdispatch-x86");
    let so = image(&dir, "x86_64-unknown-linux-gnu", X86_LIST, "libk.so");
    let driver = linux_driver(&dir, "gcc");
    let mut reference: Option<Vec<f64>> = None;
    for (model, expected) in [("Nehalem", 0), ("SandyBridge", 1), ("Haswell", 2)] {
        let out = Command::new("qemu-x86_64")
            .args(["-cpu", model])
            .arg(&driver)
            .arg(&so)
            .output()
            .expect("qemu-x86_64 runs (ci/setup installs qemu-user)");
        let text = stdout(&out, model);
        assert_eq!(selections(&text), [expected], "{model}: {text}");
        assert!(
            text.contains("slots r--p"),
            "{model}: slots writable: {text}"
        );
        // The exported entry runs the selected target's body.
        assert_eq!(
            probe(&text),
            probe_of(X86_LIST, Arch::X86_64, expected),
            "{model}"
        );
        // mvimg's matcher, detecting the same emulated CPU.
        let explain = Command::new("qemu-x86_64")
            .args(["-cpu", model, env!("CARGO_BIN_EXE_mvimg"), "explain"])
            .arg(&so)
            .arg("--json")
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_str(&stdout(&explain, model)).unwrap();
        assert_eq!(
            json["selected"]["index"], expected,
            "{model}: mvimg explain"
        );
        let r = results(&text);
        match &reference {
            None => reference = Some(r),
            Some(first) => assert_close(first, &r, model),
        }
    }
    // Forced to 0 on Haswell.
    let out = Command::new("qemu-x86_64")
        .args(["-cpu", "Haswell"])
        .arg(&driver)
        .arg(&so)
        .env("MVIMG_FORCE_TARGET", "0")
        .output()
        .unwrap();
    assert_eq!(selections(&stdout(&out, "forced")), [0]);

    // Natively: the init, the Rust loader and the matcher agree.
    let host = Host::detect().unwrap();
    let predicted = matcher(X86_LIST, Arch::X86_64, &host, &SelectOptions::default());
    let text = stdout(&Command::new(&driver).arg(&so).output().unwrap(), "native");
    assert_eq!(selections(&text), [predicted], "native: {text}");
    // The init wrote the slots and made them read-only again.
    assert!(
        text.contains("slots r--p"),
        "native: slots writable: {text}"
    );
    assert_eq!(probe(&text), probe_of(X86_LIST, Arch::X86_64, predicted));
    assert_close(reference.as_ref().unwrap(), &results(&text), "native");
    let image = Image::open(&so, &OpenOptions::default()).unwrap();
    assert_eq!(image.selection().index as i64, predicted);
    assert_eq!(image.own_selection(), Some(image.selection().index));
    assert_eq!(
        slot_protection(&image),
        "r--p",
        "after the Rust loader (which writes nothing)"
    );
    // Target 3 (x86-64-v4) runs natively only on an AVX-512 host: CI's is
    // one. Elsewhere the run says so by failing, unless told the machine
    // has no AVX-512 (MVIMG_NO_AVX512=1), which then must be true.
    let avx512 = predicted == 3;
    if std::env::var_os("MVIMG_NO_AVX512").is_some() {
        assert!(!avx512, "MVIMG_NO_AVX512 is set on an AVX-512 host");
    } else {
        assert!(
            avx512,
            "target 3 (x86-64-v4) was not selected natively: this host ({}) selects \
             {predicted}; the suite's machine has AVX-512 (set MVIMG_NO_AVX512=1 on one \
             without)",
            host.name
        );
    }
}

/// The protection (as /proc/self/maps spells it) of the page holding the
/// image's first slot.
fn slot_protection(image: &Image) -> String {
    // The first slot's cell, read through the loader's parsed data.
    let data = image.symbol("mvimg_dispatch_data").unwrap() as usize;
    let first = image
        .data()
        .unwrap()
        .slots
        .first()
        .expect("this image has slots");
    let cell = data.wrapping_add(first.rel as isize as usize);
    let maps = std::fs::read_to_string("/proc/self/maps").unwrap();
    maps.lines()
        .find_map(|line| {
            let (range, rest) = line.split_once(' ')?;
            let (lo, hi) = range.split_once('-')?;
            let (lo, hi) = (
                usize::from_str_radix(lo, 16).ok()?,
                usize::from_str_radix(hi, 16).ok()?,
            );
            (lo <= cell && cell < hi).then(|| rest[..4].to_owned())
        })
        .unwrap()
}

#[test]
fn init_chooses_what_the_matcher_chooses_for_every_x86_database_cpu() {
    let dir = scratch("selfdispatch-x86-db");
    let db = Arch::X86_64.database();
    let list = mvimg::cpu::x86_64::DEFAULT_TARGETS;
    let so = image(&dir, "x86_64-unknown-linux-gnu", list, "libk.so");
    let driver = linux_driver(&dir, "gcc");
    let cpus: Vec<&str> = db.cpus().map(|c| c.name()).collect();
    // Any host: MVIMG_HOST_CPU replaces it.
    let host = Host::from_cpu(db.cpu("x86-64").unwrap());
    for mask in [None, Some("-avx2"), Some("+avx512f,-fma")] {
        let mut command = Command::new(&driver);
        command.arg(&so).args(&cpus);
        if let Some(mask) = mask {
            command.env("MVIMG_HOST_FEATURES", mask);
        }
        let got = selections(&stdout(&command.output().unwrap(), "driver"));
        assert_eq!(got.len(), cpus.len());
        for (cpu, got) in cpus.iter().zip(got) {
            let options = SelectOptions {
                host_cpu: Some((*cpu).to_owned()),
                host_features: mask.map(str::to_owned),
                ..SelectOptions::default()
            };
            assert_eq!(
                got,
                matcher(list, Arch::X86_64, &host, &options),
                "{cpu} {mask:?}"
            );
        }
    }
}

/// The AArch64 driver run under `qemu-aarch64 -cpu cpu` with `args`.
fn qemu_aarch64(cpu: &str, driver: &Path, args: &[&Path], env: &[(&str, &str)]) -> String {
    let mut command = Command::new("qemu-aarch64");
    command
        .args(["-L", "/usr/aarch64-linux-gnu", "-cpu", cpu])
        .arg(driver)
        .args(args)
        .envs(env.iter().copied());
    let out = command
        .output()
        .expect("qemu-aarch64 runs (ci/setup installs qemu-user)");
    stdout(&out, cpu)
}

#[test]
fn aarch64_image_selects_on_its_own_under_every_qemu_model() {
    let dir = scratch("selfdispatch-arm");
    let so = image(&dir, "aarch64-unknown-linux-gnu", ARM_LIST, "libk.so");
    let driver = linux_driver(&dir, "aarch64-linux-gnu-gcc");
    let mut reference: Option<Vec<f64>> = None;
    let expected = [
        ("cortex-a35", None),
        ("cortex-a53", Some(1)),
        ("cortex-a57", None),
        ("cortex-a72", None),
        ("cortex-a76", None),
        ("neoverse-n1", Some(2)),
        ("a64fx", Some(3)),
        ("max", None),
    ];
    for (model, expect) in expected {
        let text = qemu_aarch64(model, &driver, &[&so], &[]);
        let got = selections(&text);
        assert!(
            text.contains("slots r--p"),
            "{model}: slots writable: {text}"
        );
        // The matcher on the same capability words (qemu-user shows no
        // MIDR: neither sysfs nor an Arm /proc/cpuinfo exists, so both
        // name the host by its features).
        let host = Host::from_text(&text, model).unwrap();
        let predicted = matcher(ARM_LIST, Arch::Aarch64, &host, &SelectOptions::default());
        assert_eq!(got, [predicted], "{model}: {text}");
        assert_eq!(
            probe(&text),
            probe_of(ARM_LIST, Arch::Aarch64, predicted),
            "{model}"
        );
        if let Some(e) = expect {
            assert_eq!(predicted, e, "{model}");
        }
        let r = results(&text);
        match &reference {
            None => reference = Some(r),
            Some(first) => assert_close(first, &r, model),
        }
        eprintln!("{model}: target {predicted}");
    }
    let text = qemu_aarch64("a64fx", &driver, &[&so], &[("MVIMG_FORCE_TARGET", "0")]);
    assert_eq!(selections(&text), [0]);
    assert_eq!(probe(&text), probe_of(ARM_LIST, Arch::Aarch64, 0));
}

#[test]
fn init_chooses_what_the_matcher_chooses_for_every_aarch64_database_cpu() {
    let dir = scratch("selfdispatch-arm-db");
    let db = Arch::Aarch64.database();
    let driver = linux_driver(&dir, "aarch64-linux-gnu-gcc");
    let cpus: Vec<&str> = db.cpus().map(|c| c.name()).collect();
    let host = Host::from_cpu(db.cpu("generic").unwrap());
    for (i, list) in [
        mvimg::cpu::aarch64::DEFAULT_TARGETS,
        mvimg::cpu::aarch64::DEFAULT_TARGETS_MACOS,
    ]
    .into_iter()
    .enumerate()
    {
        let so = image(
            &dir,
            "aarch64-unknown-linux-gnu",
            list,
            &format!("lib{i}.so"),
        );
        let mut args: Vec<&Path> = vec![&so];
        args.extend(cpus.iter().map(Path::new));
        let got = selections(&qemu_aarch64("max", &driver, &args, &[]));
        assert_eq!(got.len(), cpus.len());
        for (cpu, got) in cpus.iter().zip(got) {
            let options = SelectOptions {
                host_cpu: Some((*cpu).to_owned()),
                ..SelectOptions::default()
            };
            assert_eq!(
                got,
                matcher(list, Arch::Aarch64, &host, &options),
                "{list}: {cpu}"
            );
        }
    }
}

#[test]
fn windows_image_selects_on_its_own_under_wine() {
    let dir = scratch("selfdispatch-windows");
    let dll = image(&dir, "x86_64-w64-windows-gnu", X86_LIST, "k.dll");
    let (c, exe) = (dir.join("driver.c"), dir.join("driver.exe"));
    std::fs::write(&c, WINDOWS_DRIVER).unwrap();
    run_ok(
        "x86_64-w64-mingw32-gcc",
        &["-O1", "-o", exe.to_str().unwrap(), c.to_str().unwrap()],
    );
    let wine = |env: &[(&str, &str)]| {
        let out = wine::command(&exe)
            .arg(&dll)
            .env("WINEDLLOVERRIDES", "mscoree,mshtml=")
            .envs(env.iter().copied())
            .output()
            .expect("wine64 runs (ci/setup installs it)");
        stdout(&out, "wine")
    };
    let host = Host::detect().unwrap();
    let predicted = matcher(X86_LIST, Arch::X86_64, &host, &SelectOptions::default());
    let text = wine(&[]);
    assert_eq!(selections(&text), [predicted], "{text}");
    assert_eq!(probe(&text), probe_of(X86_LIST, Arch::X86_64, predicted));
    let checksum = results(&text);
    // The environment reaches the init through the PEB.
    for (env, expected) in [
        (("MVIMG_FORCE_TARGET", "1"), 1),
        (("MVIMG_HOST_CPU", "nehalem"), 0),
        (("MVIMG_HOST_CPU", "haswell"), 2),
    ] {
        let text = wine(&[env]);
        assert_eq!(selections(&text), [expected], "{env:?}: {text}");
        assert_eq!(results(&text), checksum, "{env:?}");
        assert_eq!(
            probe(&text),
            probe_of(X86_LIST, Arch::X86_64, expected),
            "{env:?}"
        );
    }
}

/// An image whose entries' addresses are taken inside it, in code and in
/// data: `probe_address` returns `&probe`, `probe_from_table` reads it from a
/// table.
const ADDRESSES: &str = r#"
typedef int (*probe_fn)(void);
probe_fn probe_address(void) { return probe; }
static probe_fn probe_table[1] = { probe };
probe_fn probe_from_table(void) { return ((probe_fn volatile *)probe_table)[0]; }
"#;

/// A program linked against the image (`DT_NEEDED`, `-z now`: the dynamic
/// loader resolves `probe` while it relocates the program, before any
/// constructor and before libc sets up `environ`): prints what `probe`
/// answers and whether every way of taking its address agrees.
const LINKED_PROGRAM: &str = r#"
#include <dlfcn.h>
#include <stdio.h>
typedef int (*probe_fn)(void);
extern int probe(void);
extern probe_fn probe_address(void);
extern probe_fn probe_from_table(void);
int main(void) {
    probe_fn mine = probe;
    probe_fn found = (probe_fn)dlsym(RTLD_DEFAULT, "probe");
    printf("probe %d\nsame %d %d %d\n", probe(), mine == probe_address(),
           mine == probe_from_table(), mine == found);
    return 0;
}
"#;

#[test]
fn exported_entries_are_ifuncs_bound_to_the_selected_body() {
    use object::{Object, ObjectSymbol};
    let dir = scratch("selfdispatch-ifunc");
    let triple = "x86_64-unknown-linux-gnu";
    let ll = c_ir(&dir, "addresses", &format!("{KERNELS}{ADDRESSES}"), triple);
    let targets = X86_LIST
        .parse::<TargetList>()
        .unwrap()
        .resolve(Arch::X86_64, None)
        .unwrap();
    let built = build(&[ll], &targets, &BuildOptions::default()).unwrap();
    let so = dir.join("libaddr.so");
    link_image(&built, &so).unwrap();
    check_readers(&so, targets.targets.len());

    // Every exported function with clones is an STT_GNU_IFUNC symbol.
    let bytes = std::fs::read(&so).unwrap();
    let file = object::File::parse(&*bytes).unwrap();
    for name in ["probe", "saxpy", "dot", "checksum", "probe_address"] {
        let symbol = file
            .dynamic_symbols()
            .find(|s| s.name() == Ok(name))
            .unwrap_or_else(|| panic!("{name} is exported"));
        let object::SymbolFlags::Elf { st_info, .. } = symbol.flags() else {
            panic!("an ELF symbol")
        };
        assert_eq!(st_info & 0xf, object::elf::STT_GNU_IFUNC, "{name}");
    }

    let (c, exe) = (dir.join("program.c"), dir.join("program"));
    std::fs::write(&c, LINKED_PROGRAM).unwrap();
    run_ok(
        "gcc",
        &[
            "-O1",
            "-o",
            exe.to_str().unwrap(),
            c.to_str().unwrap(),
            so.to_str().unwrap(),
            "-Wl,-z,now",
            &format!("-Wl,-rpath,{}", dir.display()),
        ],
    );
    let run = |model: &str, force: Option<&str>| -> String {
        let mut command = Command::new("qemu-x86_64");
        command.args(["-cpu", model]).arg(&exe);
        if let Some(index) = force {
            command.env("MVIMG_FORCE_TARGET", index);
        }
        stdout(&command.output().unwrap(), model)
    };
    for (model, expected) in [("Nehalem", 0), ("SandyBridge", 1), ("Haswell", 2)] {
        let text = run(model, None);
        assert_eq!(
            probe(&text),
            probe_of(X86_LIST, Arch::X86_64, expected),
            "{model}: {text}"
        );
        assert!(text.contains("same 1 1 1"), "{model}: {text}");
    }
    // The environment is read before libc has set it up: forcing target 0
    // or 1 on a Haswell still rules the program's binding.
    for forced in [0, 1] {
        let text = run("Haswell", Some(&forced.to_string()));
        assert_eq!(
            probe(&text),
            probe_of(X86_LIST, Arch::X86_64, forced),
            "forced {forced}: {text}"
        );
        assert!(text.contains("same 1 1 1"), "forced {forced}: {text}");
    }

    // One dispatcher: the Rust loader asked to predict for a baseline host
    // does not rewrite what the init chose; the load fails naming both.
    let db = Arch::X86_64.database();
    let baseline = Host::from_cpu(db.cpu("x86-64").unwrap());
    match Image::open(&so, &OpenOptions::from_env().host(baseline)) {
        Err(e @ mvimg::cpu::LoadError::Disagree { .. }) => {
            let text = e.to_string();
            assert!(text.contains("target 0 (generic) was predicted"), "{text}");
        }
        other => panic!("{other:?}"),
    }
    // Predicting for this machine, the loader agrees with the init, and
    // what dlsym resolves is the body both chose.
    let image = Image::open(&so, &OpenOptions::from_env()).unwrap();
    assert_eq!(image.own_selection(), Some(image.selection().index));
    let symbol = image.symbol("probe").expect("dlsym finds probe");
    // SAFETY: `probe` is `int (void)`.
    let answer =
        unsafe { std::mem::transmute::<*const std::ffi::c_void, extern "C" fn() -> i32>(symbol)() };
    let index = i64::try_from(image.selection().index).unwrap();
    assert_eq!(i64::from(answer), probe_of(X86_LIST, Arch::X86_64, index));
    assert_eq!(Some(symbol), image.address("probe"));
}
