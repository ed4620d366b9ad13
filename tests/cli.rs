//! The `mvimg` command line, run as a user runs it.

use std::process::{Command, Output};

mod common;
use common::{c_ir, scratch};

fn mvimg(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mvimg"));
    command.args(args).env_remove("MVIMG_CPU_TARGET");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("mvimg runs")
}

/// Runs mvimg, expects it to fail with exit code 1, and returns its stderr.
fn fails(args: &[&str]) -> String {
    let out = mvimg(args, &[]);
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?}");
    stderr(&out)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

#[test]
fn targets_shows_the_default_list() {
    let out = mvimg(&["targets", "--arch", "x86_64"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("target list (x86_64): generic;sandybridge,-xsaveopt,clone_all;haswell,-rdrnd,base(1);x86-64-v4,+pclmul,-rdrnd,base(1)\n"),
        "{text}"
    );
    assert!(text.contains("#2 haswell,-rdrnd,base(1)\n  llvm cpu       haswell\n  llvm features  -rdrnd\n  base           1\n"), "{text}");
    assert!(text.contains("clones         loop,cpu,math,simd"), "{text}");
}

#[test]
fn targets_json() {
    let out = mvimg(
        &[
            "targets",
            "--arch",
            "aarch64",
            "--json",
            "generic;apple-m1,clone_all;neoverse-v1,+altnzcv,+fptoint,+sb,base(1)",
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["arch"], "aarch64");
    assert_eq!(
        doc["list"],
        "generic;apple-m1,clone_all;neoverse-v1,+altnzcv,+fptoint,+sb,base(1)"
    );
    let targets = doc["targets"].as_array().unwrap();
    assert_eq!(targets.len(), 3);
    assert_eq!(targets[1]["name"], "apple-m1");
    assert_eq!(targets[1]["llvm_cpu"], "apple-a14");
    assert_eq!(targets[1]["clone"], serde_json::json!(["all"]));
    assert_eq!(targets[2]["base"], 1);
    let added: Vec<&str> = targets[2]["added"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        added.contains(&"sve") && added.contains(&"i8mm"),
        "{added:?}"
    );
    assert_eq!(
        targets[2]["clone"],
        serde_json::json!(["loop", "cpu", "simd", "bfloat16"])
    );
}

#[test]
fn targets_reads_the_environment() {
    let out = mvimg(
        &["targets", "--arch", "x86_64", "--json"],
        &[("MVIMG_CPU_TARGET", "generic;znver4,clone_all")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["list"], "generic;znver4,clone_all");
    // An explicit list wins over the environment.
    let out = mvimg(
        &["targets", "--arch", "x86_64", "--json", "skylake"],
        &[("MVIMG_CPU_TARGET", "znver4")],
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["list"], "skylake");
}

#[test]
fn targets_errors_go_to_stderr_with_a_caret() {
    for (list, message) in [
        ("", "the list is empty"),
        ("haswel", "did you mean `haswell`"),
        ("haswell,+avx9", "unknown x86_64 feature `avx9`"),
        ("generic;;haswell", "empty target"),
        (
            "generic;haswell,base(2)",
            "base(2) must name an earlier target",
        ),
        ("generic;haswell,base(x)", "`base(x)` is not a base option"),
        (
            "generic;haswell,opt_size,min_size",
            "`min_size` conflicts with `opt_size`",
        ),
    ] {
        let err = fails(&["targets", "--arch", "x86_64", list]);
        assert!(
            err.starts_with("error: invalid target list"),
            "{list:?}: {err}"
        );
        assert!(err.contains(message), "{list:?}: {err}");
        assert!(err.contains('^'), "{list:?}: {err}");
    }
    let err = fails(&["targets", "--arch", "aarch64", "neoverse-n1,+avx2"]);
    assert!(err.contains("it is an x86_64 feature"), "{err}");
    let out = mvimg(&["targets", "--arch", "sparc", "generic"], &[]);
    assert_ne!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("unknown architecture `sparc`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn targets_native_uses_the_build_host() {
    let out = mvimg(&["targets", "--json", "native"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["targets"][0]["name"],
        mvimg::codegen::llvm_host_cpu_name()
    );
}

#[test]
fn cpus_lists_every_cpu() {
    for arch in mvimg::cpu::Arch::ALL {
        let out = mvimg(&["cpus", "--arch", arch.name(), "--json"], &[]);
        assert!(out.status.success(), "{}", stderr(&out));
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let cpus = doc["cpus"].as_array().unwrap();
        assert_eq!(cpus.len(), arch.database().cpus().len());
        let names: Vec<&str> = cpus.iter().map(|c| c["name"].as_str().unwrap()).collect();
        for name in arch.database().cpus().map(|c| c.name()) {
            assert!(names.contains(&name), "{name}");
        }
    }
    let out = mvimg(&["cpus", "--arch", "x86_64"], &[]);
    let text = stdout(&out);
    let haswell = text
        .lines()
        .find(|l| l.trim_start().starts_with("haswell "))
        .expect("haswell line");
    assert!(
        haswell.contains("features") && haswell.contains("core-avx2"),
        "{haswell}"
    );
}

#[test]
fn select_explains_every_target() {
    let out = mvimg(&["select", "--arch", "x86_64", "--host-cpu", "znver2"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "host znver2 (256-bit vectors) selects target 2: haswell,-rdrnd,base(1)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("not 0 generic: 128-bit vectors; target 2 has 256-bit"),
        "{text}"
    );
    assert!(text.contains("not 3 x86-64-v4: needs avx512bw,avx512cd,avx512dq,avx512f,avx512vl, which the host lacks"), "{text}");

    let skylake_avx512 = |env: &[(&str, &str)]| -> serde_json::Value {
        let out = mvimg(
            &[
                "select",
                "--arch",
                "x86_64",
                "--host-cpu",
                "skylake-avx512",
                "--json",
            ],
            env,
        );
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let doc = skylake_avx512(&[]);
    assert_eq!(doc["selected"]["index"], 3);
    assert_eq!(doc["selected"]["name"], "x86-64-v4");
    assert_eq!(doc["rejected"].as_array().unwrap().len(), 3);
    assert_eq!(
        skylake_avx512(&[("MVIMG_HOST_FEATURES", "-avx512f")])["selected"]["index"],
        2
    );
    let forced = skylake_avx512(&[("MVIMG_FORCE_TARGET", "0")]);
    assert_eq!(forced["selected"]["index"], 0);
    assert_eq!(forced["selected"]["forced"], true);

    let err = fails(&[
        "select",
        "--arch",
        "x86_64",
        "--host-cpu",
        "nehalem",
        "haswell;skylake",
    ]);
    assert!(
        err.contains("no target of the list can run on this host (nehalem"),
        "{err}"
    );
    assert!(err.contains("target 0 (haswell) needs"), "{err}");

    let err = fails(&["select", "--arch", "x86_64", "--host-cpu", "haswel"]);
    assert!(err.contains("did you mean `haswell`"), "{err}");
}

/// `mvimg select` and `mvimg targets` take the default list of the host's
/// OS: this machine's unless `--os` says (it used to be Linux's always).
#[test]
fn select_uses_the_default_list_of_the_os() {
    let m1 = |os: &[&str]| -> serde_json::Value {
        let mut args = vec![
            "select",
            "--arch",
            "aarch64",
            "--host-cpu",
            "apple-m1",
            "--json",
        ];
        args.extend(os);
        let out = mvimg(&args, &[]);
        assert!(out.status.success(), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    use mvimg::cpu::{default_target_list, Arch, Os};
    let macos = m1(&["--os", "macos"]);
    assert_eq!(macos["list"], default_target_list(Arch::Aarch64, Os::Macos));
    assert_eq!(macos["selected"]["name"], "apple-m1");
    let linux = m1(&["--os", "linux"]);
    assert_eq!(linux["list"], default_target_list(Arch::Aarch64, Os::Linux));
    assert_eq!(
        m1(&[])["list"],
        default_target_list(Arch::Aarch64, Os::host())
    );
    let out = mvimg(&["targets", "--arch", "aarch64", "--os", "macos"], &[]);
    assert!(
        stdout(&out).starts_with(&format!(
            "target list (aarch64): {}\n",
            default_target_list(Arch::Aarch64, Os::Macos)
        )),
        "{}",
        stdout(&out)
    );
    // $MVIMG_CPU_TARGET still wins over the default.
    let out = mvimg(
        &[
            "select",
            "--arch",
            "aarch64",
            "--os",
            "macos",
            "--host-cpu",
            "apple-m1",
            "--json",
        ],
        &[("MVIMG_CPU_TARGET", "generic;neoverse-n1")],
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["list"], "generic;neoverse-n1");
}

#[test]
fn select_on_this_machine() {
    let out = mvimg(&["select", "--json"], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["host"]["name"], mvimg::codegen::llvm_host_cpu_name());
    assert!(doc["selected"]["index"].as_u64().unwrap() < 4);
}

/// `LINK`/`_LINK_` do not reach LLD; `LLD_REPRODUCE` does, in process and in
/// the subprocess alike.
#[test]
fn link_environment_is_the_same_in_both_modes() {
    let dir = scratch("cli-link-env");
    std::fs::write(dir.join("lib.c"), "int twice(int a) { return 2 * a; }\n").unwrap();
    let object = dir.join("lib.o");
    let ok = Command::new("clang-22")
        .args(["-c", "-O2", "--target=x86_64-w64-windows-gnu", "-o"])
        .arg(&object)
        .arg(dir.join("lib.c"))
        .status()
        .expect("clang-22 runs")
        .success();
    assert!(ok);
    let object = object.to_str().unwrap();
    for mode in [&[][..], &["--subprocess"][..]] {
        let dll = dir.join("img.dll");
        let tarball = dir.join("repro.tar");
        let _ = std::fs::remove_file(&tarball);
        let mut args = vec!["link", "--target", "x86_64-w64-windows-gnu", "-o"];
        args.push(dll.to_str().unwrap());
        args.extend_from_slice(mode);
        args.push(object);
        let out = mvimg(
            &args,
            &[
                ("LINK", "/nonexistent-link-option"),
                ("_LINK_", "/nonexistent-link-option"),
                ("LLD_REPRODUCE", tarball.to_str().unwrap()),
            ],
        );
        assert!(out.status.success(), "{mode:?}: {}", stderr(&out));
        // LLD's reproduce tarball: a tar archive (ustar magic at 257)
        // holding the response file LLD would run again.
        let tar = std::fs::read(&tarball).unwrap();
        assert!(
            tar.len() > 512 && &tar[257..262] == b"ustar",
            "{mode:?}: LLD_REPRODUCE wrote no tar archive at {}",
            tarball.display()
        );
        assert!(
            tar.windows(12).any(|w| w == b"response.txt"),
            "{mode:?}: the archive has no response.txt"
        );
    }
}

/// `mvimg build` writes the image and the plan; a bad list is an error.
#[test]
fn build_writes_an_image_and_its_plan() {
    let dir = scratch("cli-build");
    let ll = c_ir(
        &dir,
        "k",
        "float dot(const float *x, const float *y, int n) {\n\
         float s = 0; for (int i = 0; i < n; i++) s += x[i] * y[i]; return s; }\n",
        "x86_64-unknown-linux-gnu",
    );
    let (image, plan) = (dir.join("libk.so"), dir.join("plan.json"));
    let out = mvimg(
        &[
            "build",
            "-C",
            "generic;haswell",
            "--plan",
            plan.to_str().unwrap(),
            "-o",
            image.to_str().unwrap(),
            ll.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let plan: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&plan).unwrap()).unwrap();
    assert_eq!(plan["functions"][0]["name"], "dot");
    assert_eq!(plan["functions"][0]["clones"][0]["target"], 1);
    // The image is a shared object whose dispatch data lists the plan's
    // function.
    let file = mvimg::inspect::ImageFile::read(&image).unwrap();
    assert!(
        file.data.functions.iter().any(|f| f.name == "dot"),
        "{:?}",
        file.data.functions
    );
    let err = fails(&[
        "build",
        "-C",
        "generic;haswel",
        "-o",
        "x.so",
        ll.to_str().unwrap(),
    ]);
    assert!(err.contains("haswell"), "{err}");
    assert!(!std::path::Path::new("x.so").exists());
}

#[test]
fn undefined_symbols_fail_the_build_naming_them() {
    let dir = scratch("cli-undefined");
    let ll = c_ir(
        &dir,
        "undef",
        "int runtime_hook(int);\nint use_hook(int x) { return runtime_hook(x) + 1; }\n",
        "x86_64-unknown-linux-gnu",
    );
    let image = dir.join("undef.so");
    let text = fails(&["build", "-o", image.to_str().unwrap(), ll.to_str().unwrap()]);
    assert!(
        text.starts_with(
            "error: the image uses a symbol that nothing it links defines: `runtime_hook` \
             (the toolchain runtime is linked"
        ),
        "{text}"
    );
    assert!(text.contains("`-L DIR -l NAME`"), "{text}");
    assert!(text.contains("`--allow-undefined`"), "{text}");
    assert!(!image.exists(), "a failed build left {}", image.display());
    // As suggested: the symbol left to the loader, the runtime still linked
    // as needed.
    let out = mvimg(
        &[
            "build",
            "--allow-undefined",
            "-o",
            image.to_str().unwrap(),
            ll.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::remove_file(&image).unwrap();
    // Without the runtime the symbol is left to the loader, and the image
    // records no library.
    let out = mvimg(
        &[
            "build",
            "--no-runtime",
            "-o",
            image.to_str().unwrap(),
            ll.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(common::needed_libraries(&image), Vec::<String>::new());
}

/// A label table that code outside the function can read (an exported
/// variable here) would send a clone's computed goto into the original's
/// code: cloning such a function is refused, naming the function and the
/// table, and nothing is written. The same function with its table `static`
/// inside it builds (tests/realworld.rs runs such an interpreter).
#[test]
fn a_label_address_outside_its_function_refuses_cloning() {
    let dir = scratch("cli-blockaddress");
    let ll = dir.join("escape.ll");
    std::fs::write(
        &ll,
        "target triple = \"x86_64-unknown-linux-gnu\"\n\
         @labels = global [2 x ptr] [ptr blockaddress(@step, %one), ptr blockaddress(@step, %two)]\n\
         define i32 @step(i32 %x) {\n\
         entry:\n\
           %i = and i32 %x, 1\n\
           %p = getelementptr [2 x ptr], ptr @labels, i32 0, i32 %i\n\
           %a = load ptr, ptr %p\n\
           indirectbr ptr %a, [label %one, label %two]\n\
         one:\n\
           ret i32 1\n\
         two:\n\
           ret i32 2\n\
         }\n",
    )
    .unwrap();
    let image = dir.join("escape.so");
    let text = fails(&[
        "build",
        "-C",
        "generic;haswell,clone_all",
        "-o",
        image.to_str().unwrap(),
        ll.to_str().unwrap(),
    ]);
    assert!(
        text.starts_with("error: multiversioning: `step` cannot be cloned: the address of one of its labels is used by `labels`"),
        "{text}"
    );
    assert!(
        text.contains("keep the label table a `static` array"),
        "{text}"
    );
    assert!(!image.exists(), "a failed build left {}", image.display());
    // Not cloned (one target), it builds.
    let out = mvimg(
        &[
            "build",
            "-C",
            "generic",
            "-o",
            image.to_str().unwrap(),
            ll.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A partial target that lacks features of target 0 would run target 0's
/// code for what it does not clone: `haswell;sandybridge` selected target 1
/// on a Sandy Bridge and died of SIGILL in target 0's `vfmadd`. Now target 1
/// takes target 0's features: the list builds, and a Sandy Bridge selects
/// nothing (explained, naming what target 1 takes from its base); the list in
/// the right order builds and runs on both CPUs.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn a_target_takes_its_fallbacks_features() {
    let dir = scratch("cli-fallback");
    let ll = c_ir(
        &dir,
        "mad",
        "double mad(double a, double b, double c) { return a * b + c; }\n\
         double sum(const double *x, int n) { double s = 0; for (int i = 0; i < n; i++) s += x[i]; return s; }\n",
        "x86_64-unknown-linux-gnu",
    );
    let image = dir.join("libmad.so");
    let out = mvimg(
        &[
            "build",
            "-C",
            "haswell;sandybridge",
            "-o",
            image.to_str().unwrap(),
            ll.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = mvimg(
        &[
            "explain",
            image.to_str().unwrap(),
            "--host-cpu",
            "sandybridge",
        ],
        &[],
    );
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert!(!out.status.success(), "{text}");
    assert!(text.contains("avx2"), "{text}");
    let targets = mvimg(&["targets", "--arch", "x86_64", "haswell;sandybridge"], &[]);
    assert!(
        String::from_utf8_lossy(&targets.stdout).contains("from base      avx2"),
        "{}",
        String::from_utf8_lossy(&targets.stdout)
    );
    let out = mvimg(
        &[
            "build",
            "-C",
            "sandybridge;haswell",
            "-o",
            image.to_str().unwrap(),
            ll.to_str().unwrap(),
        ],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let driver = dir.join("driver.c");
    std::fs::write(
        &driver,
        "#include <dlfcn.h>\n#include <stdio.h>\nint main(int c, char **v) {\n\
         void *h = dlopen(v[1], RTLD_NOW); if (!h) return 1;\n\
         double (*mad)(double, double, double) = (double (*)(double, double, double))dlsym(h, \"mad\");\n\
         int (*sel)(void) = (int (*)(void))dlsym(h, \"mvimg_selected_target\");\n\
         printf(\"%d %g\\n\", sel(), mad(1.5, 2.0, 0.25)); return 0; }\n",
    )
    .unwrap();
    let exe = dir.join("driver");
    common::run_ok(
        "gcc",
        &[
            "-o",
            exe.to_str().unwrap(),
            driver.to_str().unwrap(),
            "-ldl",
        ],
    );
    for (cpu, expected) in [("SandyBridge", "0 3.25\n"), ("Haswell", "1 3.25\n")] {
        let out = std::process::Command::new("qemu-x86_64")
            .args(["-cpu", cpu])
            .arg(&exe)
            .arg(&image)
            .output()
            .expect("qemu-x86_64 runs (ci/setup installs qemu-user)");
        assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "{cpu}");
    }
}

#[test]
fn build_report_and_memory_budget_on_the_command_line() {
    let dir = scratch("cli-budget");
    let ll = dir.join("synth.ll");
    std::fs::write(
        &ll,
        mvimg::codegen::synth::module(600, "x86_64-unknown-linux-gnu"),
    )
    .unwrap();
    let image = dir.join("libsynth.so");
    let (ll, image) = (ll.to_str().unwrap(), image.to_str().unwrap());
    let out = mvimg(
        &[
            "build",
            "-C",
            "generic;haswell",
            "-j",
            "2",
            "--memory-budget",
            "1",
            "--report",
            "--quiet",
            "-o",
            image,
            ll,
        ],
        &[],
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("warning: memory budget 1 MiB")
            && err.contains("building one partition at a time"),
        "{err}"
    );
    assert!(err.contains("1 at a time on 2 threads"), "{err}");
    assert!(
        err.contains("peak memory: ") && err.contains("build: "),
        "{err}"
    );
    // Not a terminal: no progress line.
    assert!(!err.contains("\r"), "{err:?}");
    // Without a budget and without --report: silent.
    let out = mvimg(&["build", "-C", "generic;haswell", "-o", image, ll], &[]);
    assert!(out.status.success());
    assert_eq!(stderr(&out), "");
    // A budget of 0 is refused by the parser.
    let out = mvimg(&["build", "--memory-budget", "0", "-o", image, ll], &[]);
    assert!(!out.status.success());
}

/// The library speaks the API's terms: no string literal of the library
/// crates that reads as a message (it has a space) names one of the CLI's
/// long flags; the CLI adds the flag as a hint (`hint: ...`). Argument lists
/// the library builds for other programs (LLD, Dask, rustc) are single
/// words and are not messages; a message that names a whole `mvimg
/// COMMAND ...` invocation (how to produce a file) is allowed.
#[test]
fn library_messages_name_no_cli_flag() {
    let mut flags = std::collections::BTreeSet::new();
    let help = |args: &[&str]| String::from_utf8(mvimg(args, &[]).stdout).unwrap();
    let top = help(&["--help"]);
    let commands: Vec<String> = top
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .filter(|c| c != "help")
        .collect();
    assert!(commands.len() > 5, "{top}");
    for command in &commands {
        for word in help(&[command, "--help"]).split(|c: char| !(c.is_alphanumeric() || c == '-')) {
            if let Some(flag) = word.strip_prefix("--") {
                if flag.len() > 1 && flag != "help" {
                    flags.insert(format!("--{flag}"));
                }
            }
        }
    }
    assert!(flags.contains("--allow-undefined"), "{flags:?}");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in ["codegen/src", "cpu/src", "link/src", "capi/src"] {
        let mut stack = vec![root.join(dir)];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                // The string literals of the line (pieces of continued ones).
                for literal in line.split('"').skip(1).step_by(2) {
                    if !literal.contains(' ') || literal.contains("mvimg ") {
                        continue;
                    }
                    for flag in &flags {
                        let named = literal.match_indices(flag.as_str()).any(|(at, _)| {
                            !literal[at + flag.len()..]
                                .starts_with(|c: char| c.is_alphanumeric() || c == '-')
                        });
                        if named {
                            found.push(format!(
                                "{}:{}: {flag} in {literal:?}",
                                path.display(),
                                n + 1
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "library messages naming CLI flags:\n{}",
        found.join("\n")
    );
}

/// `--report-json FILE` writes what a build script reads: the phases with
/// their times, the objects, peak memory, warnings, the output and the
/// target this machine selects in it (the one `mvimg select` names).
#[test]
fn build_report_json_is_machine_readable() {
    let dir = scratch("cli-report-json");
    let ll = c_ir(
        &dir,
        "rj",
        "float dot(const float *a, const float *b, int n) {\n\
         float s = 0; for (int i = 0; i < n; i++) s += a[i] * b[i]; return s; }\n",
        "x86_64-unknown-linux-gnu",
    );
    let (image, report) = (dir.join("librj.so"), dir.join("report.json"));
    let list = "generic;haswell";
    let out = mvimg(
        &[
            "build",
            "-q",
            "-C",
            list,
            "-o",
            image.to_str().unwrap(),
            "--report-json",
            report.to_str().unwrap(),
            ll.to_str().unwrap(),
        ],
        &[],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let phases = json["phases"].as_array().unwrap();
    assert!(phases.iter().any(|p| p["name"] == "load"), "{json}");
    assert!(phases.iter().all(|p| p["seconds"].as_f64().unwrap() >= 0.0));
    assert!(json["total_seconds"].as_f64().unwrap() > 0.0);
    assert!(json["objects"].as_u64().unwrap() >= 1);
    assert!(json["peak_memory_bytes"].as_u64().unwrap() > 1 << 20);
    assert_eq!(json["output"], image.to_str().unwrap());
    assert_eq!(json["emitted"], "image");
    assert!(json["warnings"].is_array());
    // The selection here is the one `mvimg select` makes for the list.
    let select = mvimg(&["select", "--json", list], &[]);
    let select: serde_json::Value = serde_json::from_slice(&select.stdout).unwrap();
    assert_eq!(
        json["selected_here"]["index"], select["selected"]["index"],
        "{json}\n{select}"
    );
}
