//! The object cache (README, "Incremental builds"), on SQLite's amalgamation
//! as libsqlite3-sys bundles it: a second build, a one-function edit, a
//! corrupted entry, two builds sharing a cache at once, eviction.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{plain2_of, run_ok, s, scratch, small_library, sqlite_bc};

/// The list every build here uses: a baseline and a clone_all target.
const LIST: &str = "generic;haswell,clone_all";

/// What `mvimg build --report` said.
#[derive(Debug, Default)]
struct Report {
    seconds: f64,
    hits: u64,
    misses: u64,
    compiled: u64,
    corrupt: u64,
    evicted: u64,
    objects: u64,
}

fn number_before(text: &str, word: &str) -> Option<u64> {
    let at = text.find(word)?;
    text[..at].split_whitespace().last()?.parse().ok()
}

fn parse_report(stderr: &str) -> Report {
    let mut report = Report::default();
    for line in stderr.lines() {
        if let Some(rest) = line.strip_prefix("build: ") {
            report.seconds = rest.split(' ').next().unwrap().parse().unwrap();
        } else if let Some(rest) = line.strip_prefix("cache: ") {
            report.hits = number_before(rest, " hits").unwrap();
            report.misses = number_before(rest, " misses").unwrap();
            report.compiled = number_before(rest, " partitions compiled").unwrap();
            report.corrupt = number_before(rest, " corrupt entries").unwrap_or(0);
            report.evicted = number_before(rest, " entries evicted").unwrap_or(0);
        } else if let Some(rest) = line.strip_prefix("partitions: ") {
            // "one, on one thread" for a one-partition build.
            report.objects = number_before(rest, " objects").unwrap_or(1);
        }
    }
    report
}

/// `mvimg build` of `ir` into `out` (with `cache`, if any, and `extra`
/// arguments); returns the report.
fn build(ir: &Path, out: &Path, cache: Option<&Path>, extra: &[&str]) -> Report {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mvimg"));
    command
        .args(["build", "-C", LIST, "--report", "-q"])
        .args(extra)
        .env_remove("MVIMG_CACHE")
        .env_remove("MVIMG_CPU_TARGET");
    if let Some(cache) = cache {
        command.args(["--cache", s(cache)]);
    }
    let output = command
        .arg(ir)
        .arg("-o")
        .arg(out)
        .output()
        .expect("mvimg runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "mvimg build {}: {stderr}",
        ir.display()
    );
    let report = parse_report(&stderr);
    assert!(report.seconds > 0.0, "no report: {stderr}");
    report
}

/// The one-function edit: `sqlite3_libversion_number` answers one more
/// (the line count stays: SQLite's corruption reports carry __LINE__).
fn edit_one_function(source: String) -> String {
    let from = "SQLITE_API int sqlite3_libversion_number(void){ return SQLITE_VERSION_NUMBER; }";
    assert!(source.contains(from), "the amalgamation has {from}");
    source.replace(
        from,
        "SQLITE_API int sqlite3_libversion_number(void){ return SQLITE_VERSION_NUMBER + 1; }",
    )
}

/// The image at `dir/libsqlite.so` (images name themselves after their file:
/// same name, same bytes).
fn image_in(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    dir.join("libsqlite.so")
}

fn same_bytes(a: &Path, b: &Path) {
    let (x, y) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
    assert!(x == y, "{} and {} differ", a.display(), b.display());
}

/// The cache's entry file that holds an object (an ELF file after the
/// entry header — magic, key, hash, time, length: 88 bytes — and the blob
/// count and length) and was used last.
fn last_used_object_entry(cache: &Path) -> PathBuf {
    let mut found = Vec::new();
    for sub in std::fs::read_dir(cache.join("v2")).unwrap().flatten() {
        for entry in std::fs::read_dir(sub.path()).unwrap().flatten() {
            let bytes = std::fs::read(entry.path()).unwrap();
            if bytes.get(100..104) == Some(b"\x7fELF") {
                found.push((entry.metadata().unwrap().modified().unwrap(), entry.path()));
            }
        }
    }
    found.sort();
    found.pop().expect("the cache holds objects").1
}

#[test]
fn sqlite_rebuilds_from_the_cache_and_after_an_edit_recompile_one_partition() {
    let dir = scratch("cache-sqlite");
    let original = sqlite_bc(&dir, "original", |s| s);
    let edited = sqlite_bc(&dir, "edited", edit_one_function);
    let cache = dir.join("cache");

    // A cold build fills the cache; the second is all hits.
    let cold = build(&original, &image_in(&dir.join("cold")), Some(&cache), &[]);
    assert!(cold.objects > 2, "{cold:?}");
    assert_eq!(cold.hits, 0, "{cold:?}");
    // Two steps per partition (optimize, emit) and the whole module's
    // pre-link.
    assert_eq!(cold.misses, 2 * cold.objects + 1, "{cold:?}");
    assert_eq!(cold.compiled, cold.objects, "{cold:?}");
    let warm = build(&original, &image_in(&dir.join("warm")), Some(&cache), &[]);
    assert_eq!(
        (warm.hits, warm.misses, warm.compiled),
        (2 * cold.objects + 1, 0, 0),
        "{warm:?}"
    );
    assert!(
        cold.seconds >= 5.0 * warm.seconds,
        "the cached build took {} s, the cold one {} s",
        warm.seconds,
        cold.seconds
    );
    same_bytes(&image_in(&dir.join("cold")), &image_in(&dir.join("warm")));

    // One function edited: its partition alone is compiled again, and the
    // image is the one a clean build (no cache) of the edited input makes.
    let incremental = build(&edited, &image_in(&dir.join("edit")), Some(&cache), &[]);
    assert!(
        (1..=2).contains(&incremental.compiled),
        "the edit recompiled {} partitions: {incremental:?}",
        incremental.compiled
    );
    assert!(incremental.hits > 0, "{incremental:?}");
    let clean = build(&edited, &image_in(&dir.join("clean")), None, &[]);
    assert_eq!(clean.hits + clean.misses, 0);
    same_bytes(&image_in(&dir.join("edit")), &image_in(&dir.join("clean")));
    // The edit reached the image: it answers one more.
    let version = |image: &Path| -> String {
        let c = dir.join("version.c");
        std::fs::write(
            &c,
            "#include <stdio.h>\nint sqlite3_libversion_number(void);\n\
             int main(void) { printf(\"%d\\n\", sqlite3_libversion_number()); return 0; }\n",
        )
        .unwrap();
        let exe = dir.join("version");
        run_ok(
            "clang-22",
            &[
                "-o",
                s(&exe),
                s(&c),
                s(image),
                &format!("-Wl,-rpath,{}", s(image.parent().unwrap())),
            ],
        );
        let out = Command::new(&exe).output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap().trim().to_owned()
    };
    let (before, after) = (
        version(&image_in(&dir.join("warm")))
            .parse::<i64>()
            .unwrap(),
        version(&image_in(&dir.join("edit")))
            .parse::<i64>()
            .unwrap(),
    );
    assert_eq!(after, before + 1);

    // A corrupted object entry is found, deleted and compiled again.
    // (The last used is one the edited input's build uses.)
    let victim = &last_used_object_entry(&cache);
    let mut bytes = std::fs::read(victim).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    std::fs::write(victim, &bytes).unwrap();
    let repaired = build(&edited, &image_in(&dir.join("repaired")), Some(&cache), &[]);
    assert_eq!(repaired.corrupt, 1, "{repaired:?}");
    assert_eq!(repaired.compiled, 1, "{repaired:?}");
    same_bytes(
        &image_in(&dir.join("repaired")),
        &image_in(&dir.join("clean")),
    );
    assert!(
        std::fs::read(victim).is_ok_and(|b| b != bytes),
        "the corrupt entry is still there"
    );
}

#[test]
fn two_builds_share_one_cache_at_once() {
    let dir = scratch("cache-concurrent");
    let ir = sqlite_bc(&dir, "sqlite", |s| s);
    let cache = dir.join("cache");
    let spawn = |name: &str| {
        Command::new(env!("CARGO_BIN_EXE_mvimg"))
            .args([
                "build",
                "-C",
                LIST,
                "--report",
                "-q",
                "-j",
                "1",
                "--cache",
                s(&cache),
            ])
            .env_remove("MVIMG_CPU_TARGET")
            .arg(&ir)
            .arg("-o")
            .arg(image_in(&dir.join(name)))
            .spawn()
            .expect("mvimg runs")
    };
    let (mut a, mut b) = (spawn("a"), spawn("b"));
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    same_bytes(&image_in(&dir.join("a")), &image_in(&dir.join("b")));
    // What they left is whole: a third build finds every entry intact.
    let third = build(&ir, &image_in(&dir.join("c")), Some(&cache), &[]);
    assert_eq!((third.misses, third.corrupt), (0, 0), "{third:?}");
    same_bytes(&image_in(&dir.join("a")), &image_in(&dir.join("c")));
    // No temporary files were left beside the entries.
    for sub in std::fs::read_dir(cache.join("v2")).unwrap().flatten() {
        for entry in std::fs::read_dir(sub.path()).unwrap().flatten() {
            let name = entry.file_name();
            assert!(!name.to_string_lossy().ends_with(".tmp"), "{name:?} left");
        }
    }
}

#[test]
fn a_size_limit_evicts_entries_after_the_build() {
    let dir = scratch("cache-evict");
    let ir = common::c_ir(&dir, "kernels", common::KERNELS, "x86_64-unknown-linux-gnu");
    let cache = dir.join("cache");
    let size = |dir: &Path| -> u64 {
        let mut total = 0;
        for sub in std::fs::read_dir(dir.join("v2")).unwrap().flatten() {
            for entry in std::fs::read_dir(sub.path()).unwrap().flatten() {
                total += entry.metadata().unwrap().len();
            }
        }
        total
    };
    let full = build(&ir, &dir.join("a.so"), Some(&cache), &[]);
    assert_eq!(full.evicted, 0, "{full:?}");
    let stored = size(&cache);
    assert!(stored > 0);
    // A limit below what one build stores: entries go, the build still
    // succeeds, and the cache ends within the limit.
    let limit = stored / 2;
    let evicting = build(
        &ir,
        &dir.join("b.so"),
        Some(&cache),
        &["--cache-max-size", &limit.to_string()],
    );
    assert!(evicting.evicted > 0, "{evicting:?}");
    assert!(size(&cache) <= limit, "{} > {limit}", size(&cache));
    // A bad size is refused with the expected form.
    let out = Command::new(env!("CARGO_BIN_EXE_mvimg"))
        .args([
            "build",
            "--cache",
            s(&cache),
            "--cache-max-size",
            "lots",
            s(&ir),
            "-o",
        ])
        .arg(dir.join("c.so"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("`lots` is not a size: give bytes or a number with K, M or G"),
        "{stderr}"
    );
    assert!(!dir.join("c.so").exists());
}

/// Every entry file of the cache at `cache`.
fn entries(cache: &Path) -> std::collections::BTreeSet<PathBuf> {
    let mut out = std::collections::BTreeSet::new();
    for sub in std::fs::read_dir(cache.join("v2")).unwrap().flatten() {
        for entry in std::fs::read_dir(sub.path()).unwrap().flatten() {
            if !entry.file_name().to_string_lossy().starts_with('.') {
                out.insert(entry.path());
            }
        }
    }
    out
}

/// Entries are bound to their keys: a whole, valid entry under another
/// key's name (a stale copy, two files swapped, a sync between machines) is
/// corrupt — deleted, recompiled, counted — and so is an entry of the wrong
/// shape for its step; the image computes the edited code either way.
#[test]
fn an_entry_under_another_keys_name_or_of_the_wrong_shape_is_recompiled() {
    let dir = scratch("cache-bound");
    let cache = dir.join("cache");
    let parts = ["--partitions", "4"];
    let (old_bc, old_answer) = small_library(&dir, "old", 10);
    let old_image = image_in(&dir.join("old"));
    build(&old_bc, &old_image, Some(&cache), &parts);
    assert_eq!(plain2_of(&dir, &old_image), old_answer);
    let before = entries(&cache);
    let (new_bc, new_answer) = small_library(&dir, "new", 11);
    let new_image = image_in(&dir.join("new"));
    build(&new_bc, &new_image, Some(&cache), &parts);
    assert_eq!(plain2_of(&dir, &new_image), new_answer);
    let added: Vec<PathBuf> = entries(&cache).difference(&before).cloned().collect();
    assert!(!added.is_empty());
    // Each entry the edit added becomes a copy of an old, valid entry.
    let old: Vec<&PathBuf> = before.iter().collect();
    for (i, entry) in added.iter().enumerate() {
        std::fs::copy(old[i % old.len()], entry).unwrap();
    }
    let again = image_in(&dir.join("again"));
    let report = build(&new_bc, &again, Some(&cache), &parts);
    assert!(report.corrupt >= 1, "{report:?}");
    assert_eq!(
        plain2_of(&dir, &again),
        new_answer,
        "the edited code, not the stale entry's"
    );
    same_bytes(&new_image, &again);

    // A valid entry of the wrong shape for its step (three blobs).
    let store = mvimg::codegen::cache::ObjectCache::open(&cache, None).unwrap();
    for entry in &added {
        let hex = entry.file_name().unwrap().to_string_lossy().into_owned();
        let key: Vec<u8> = (0..32)
            .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        let key = mvimg::codegen::cache::CacheKey(key.try_into().unwrap());
        store.put(&key, &[b"one", b"two", b"three"], std::time::Duration::ZERO);
    }
    let shaped = image_in(&dir.join("shaped"));
    let report = build(&new_bc, &shaped, Some(&cache), &parts);
    assert!(report.corrupt >= 1, "{report:?}");
    same_bytes(&new_image, &shaped);
    // Deleted and written again: the next build finds every entry whole.
    let last = image_in(&dir.join("last"));
    let report = build(&new_bc, &last, Some(&cache), &parts);
    assert_eq!(report.corrupt, 0, "{report:?}");
    assert_eq!(report.misses, 0, "{report:?}");
    same_bytes(&new_image, &last);
}
