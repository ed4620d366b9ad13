//! The README executed: every `sh` block a user would copy runs as written
//! (in a scratch directory, with this build's `mvimg` first on `PATH`), and
//! every `$ mvimg ...` transcript whose command is complete prints what the
//! README shows. Blocks that set up the machine or need a cluster (`ci/...`,
//! `pip install`, the Dask commands) are the only ones left out, by rule
//! below; the README's Rust blocks are doctests (src/lib.rs).

use std::path::Path;
use std::process::Command;

mod common;
use common::scratch;

/// The fenced blocks of `text`: (info string, body).
fn blocks(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in text.lines() {
        match (line.strip_prefix("```"), current.take()) {
            (Some(info), None) => current = Some((info.trim().to_owned(), String::new())),
            (Some(_), Some(block)) => out.push(block),
            (None, Some((info, mut body))) => {
                body.push_str(line);
                body.push('\n');
                current = Some((info, body));
            }
            (None, None) => {}
        }
    }
    out
}

/// Whether a `sh` block is one a test can run here: not the machine's
/// setup (`ci/`), not a cluster's (`pip`, `dask`, `--executor dask`).
fn runnable(body: &str) -> bool {
    !body.lines().any(|l| {
        let l = l.trim_start();
        l.starts_with("ci/")
            || l.starts_with("pip ")
            || l.starts_with("dask ")
            // Building mvimg itself (the C API): done by the suite's build.
            || l.starts_with("cargo build")
            || l.contains("--executor dask")
    })
}

/// `bash -e` over `script` in `dir`, with mvimg first on PATH.
fn bash(dir: &Path, script: &str) -> std::process::Output {
    let mvimg = Path::new(env!("CARGO_BIN_EXE_mvimg"));
    let path = format!(
        "{}:{}",
        mvimg.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("bash")
        .args(["-e", "-o", "pipefail", "-c", script])
        .current_dir(dir)
        .env("PATH", path)
        // The C API's pkg-config file, which the build of mvimg-capi
        // wrote beside this build's libraries (the README's `export`).
        .env("PKG_CONFIG_PATH", mvimg.parent().unwrap())
        .env_remove("MVIMG_FORCE_TARGET")
        .env_remove("MVIMG_CPU_TARGET")
        .output()
        .unwrap()
}

#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[test]
fn the_readmes_shell_blocks_run_as_written() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    // The C files the README shows, named by their first line
    // (`/* build_image.c */`), written beside each block that runs.
    let c_files: Vec<(String, String)> = blocks(&readme)
        .into_iter()
        .filter(|(info, _)| info == "c")
        .filter_map(|(_, file)| {
            let first = file.lines().next()?;
            let name = first.strip_prefix("/* ")?.strip_suffix(" */")?.to_owned();
            Some((name, file))
        })
        .collect();
    let mut ran = 0;
    for (i, (info, body)) in blocks(&readme).into_iter().enumerate() {
        if info != "sh" || !runnable(&body) {
            continue;
        }
        let dir = scratch(&format!("readme-block{i}"));
        // What the blocks name but do not write: the IR recipe's foo.c and
        // lib.rs.
        std::fs::write(dir.join("foo.c"), "int foo(int x) { return x * 2; }\n").unwrap();
        std::fs::write(
            dir.join("lib.rs"),
            "#[no_mangle]\npub extern \"C\" fn twice(x: i32) -> i32 { x * 2 }\n",
        )
        .unwrap();
        for (name, file) in &c_files {
            std::fs::write(dir.join(name), file).unwrap();
        }
        let out = bash(&dir, &body);
        assert!(
            out.status.success(),
            "README block {i} failed:\n{body}\nstdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        // The first image's program prints what the README says it prints,
        // on the selected target and on target 0.
        if body.contains("./main") {
            let text = String::from_utf8_lossy(&out.stdout);
            assert_eq!(
                text.lines().filter(|l| *l == "6").count(),
                2,
                "`./main` prints 6 twice:\n{text}"
            );
            assert!(text.contains("selects target"), "{text}");
            assert!(dir.join("libsmall.so").exists() && dir.join("small.bc").exists());
        }
        if body.contains("./build_image") {
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(
                text.contains("libfoo.so: loadable on ") && text.contains("selects target"),
                "{text}"
            );
        }
        ran += 1;
    }
    assert!(
        ran >= 2,
        "only {ran} README blocks ran: the rule skipped the rest"
    );
}

/// Transcripts (`$ mvimg ...` followed by what it prints) in the README and
/// docs/*.md whose command is complete (no `...`) print exactly that.
#[test]
fn the_docs_transcripts_print_what_they_show() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md")];
    for entry in std::fs::read_dir(root.join("docs")).unwrap() {
        files.push(entry.unwrap().path());
    }
    let dir = scratch("readme-transcripts");
    let mut checked = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (_, body) in blocks(&text) {
            let Some(command) = body.lines().next().and_then(|l| l.strip_prefix("$ ")) else {
                continue;
            };
            if command.contains("...") || !command.starts_with("mvimg ") {
                continue;
            }
            let expected: String = body.lines().skip(1).map(|l| format!("{l}\n")).collect();
            let out = bash(&dir, &format!("{command} 2>&1 || true"));
            assert_eq!(
                String::from_utf8_lossy(&out.stdout),
                expected,
                "{}: `{command}`",
                file.display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 2, "only {checked} transcripts checked");
}
