//! Helpers the facade's integration tests share.

#![allow(dead_code)] // each test crate uses its own subset

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh, empty scratch directory for one test.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `program` with `args`; panics with its stderr unless it succeeds.
pub fn run_ok(program: &str, args: &[&str]) {
    let out = Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program} runs (ci/setup installs it): {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `clang-22 -O1 -fPIC` of C `source` to LLVM IR for `triple` at
/// `dir/name.ll` (the C is written to `dir/name.c`).
pub fn c_ir(dir: &Path, name: &str, source: &str, triple: &str) -> PathBuf {
    let (c, ll) = (
        dir.join(format!("{name}.c")),
        dir.join(format!("{name}.ll")),
    );
    std::fs::write(&c, source).unwrap();
    run_ok(
        "clang-22",
        &[
            "-O1",
            "-S",
            "-emit-llvm",
            "-fPIC",
            &format!("--target={triple}"),
            "-o",
            ll.to_str().unwrap(),
            c.to_str().unwrap(),
        ],
    );
    ll
}

/// The `DT_NEEDED` entries of the ELF shared library at `path`, in order.
pub fn needed_libraries(path: &Path) -> Vec<String> {
    use object::read::elf::{Dyn, ElfFile64, FileHeader, SectionHeader};
    let bytes = std::fs::read(path).unwrap();
    let elf = ElfFile64::<object::Endianness>::parse(&*bytes).unwrap();
    let endian = elf.endian();
    let sections = elf.elf_header().sections(endian, &*bytes).unwrap();
    let mut out = Vec::new();
    for section in sections.iter() {
        let Some((entries, link)) = section.dynamic(endian, &*bytes).unwrap() else {
            continue;
        };
        let strings = sections.strings(endian, &*bytes, link).unwrap();
        for entry in entries {
            if entry.tag32(endian) == Some(object::elf::DT_NEEDED) {
                let name = entry.string(endian, strings).unwrap();
                out.push(String::from_utf8_lossy(name).into_owned());
            }
        }
    }
    out
}

/// `mvimg inspect` and `mvimg explain` accept the image and see its targets.
pub fn check_readers(image: &Path, targets: usize) {
    let mvimg = env!("CARGO_BIN_EXE_mvimg");
    let inspect = Command::new(mvimg)
        .args(["inspect", "--json", image.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        inspect.status.success(),
        "mvimg inspect {}: {}",
        image.display(),
        String::from_utf8_lossy(&inspect.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&inspect.stdout).unwrap();
    assert_eq!(
        json["targets"].as_array().map(Vec::len),
        Some(targets),
        "{json}"
    );
    let host = match json["arch"].as_str() {
        Some("aarch64") => "neoverse-n1",
        _ => "haswell",
    };
    let explain = Command::new(mvimg)
        .args([
            "explain",
            "--json",
            "--host-cpu",
            host,
            image.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        explain.status.success(),
        "mvimg explain {}: {}",
        image.display(),
        String::from_utf8_lossy(&explain.stderr)
    );
}

/// A path as the `&str` a command line takes (test paths are UTF-8).
pub fn s(path: &Path) -> &str {
    path.to_str().expect("test paths are UTF-8")
}

/// Runs the `mvimg` binary with `args`.
pub fn mvimg(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_mvimg"))
        .args(args)
        .output()
        .expect("the mvimg binary runs")
}

/// Runs `mvimg` and panics with its stderr unless it succeeds.
pub fn mvimg_ok(args: &[&str]) {
    let out = mvimg(args);
    assert!(
        out.status.success(),
        "mvimg {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A program's standard output (carriage returns dropped, for wine), after
/// checking that it succeeded; `what` names it in the failure.
pub fn stdout_of(out: &std::process::Output, what: &str) -> String {
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(
        out.status.success(),
        "{what}: exit {:?}\n{text}{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    text
}

/// Standard output and standard error together.
pub fn all_output(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Runs `mvimg` expecting it to fail: its stderr must contain `needle` and
/// nothing may be left at `output`. Returns the stderr.
pub fn mvimg_fails(args: &[&str], needle: &str, output: &Path) -> String {
    let out = mvimg(args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "mvimg {args:?} succeeded");
    assert!(stderr.contains(needle), "mvimg {args:?}: {stderr}");
    assert!(!output.exists(), "mvimg {args:?} left {}", output.display());
    stderr
}

/// Kernels whose clones differ per target (vectorized, FMA-contracted), and
/// `probe`, whose every body returns its own target's features (`probe_bits`).
pub const KERNELS: &str = r#"
#if defined(__x86_64__)
extern _Bool have_a(void) __asm__("mvimg.cpu.have.avx");
extern _Bool have_b(void) __asm__("mvimg.cpu.have.avx2");
extern _Bool have_c(void) __asm__("mvimg.cpu.have.avx512f");
#else
extern _Bool have_a(void) __asm__("mvimg.cpu.have.crc");
extern _Bool have_b(void) __asm__("mvimg.cpu.have.dotprod");
extern _Bool have_c(void) __asm__("mvimg.cpu.have.sve");
#endif
int probe(void) { return have_a() + 2 * have_b() + 4 * have_c(); }
void saxpy(int n, float a, const float *x, float *y) {
    for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}
float dot(int n, const float *x, const float *y) {
    float s = 0;
    for (int i = 0; i < n; i++) s += x[i] * y[i];
    return s;
}
unsigned checksum(int n, const unsigned *v) {
    unsigned h = 2166136261u;
    for (int i = 0; i < n; i++) h = (h ^ v[i]) * 16777619u;
    return h;
}
"#;

/// The features `probe` reports, by bit, per architecture.
pub fn probe_bits(arch: mvimg::cpu::Arch) -> [&'static str; 3] {
    match arch {
        mvimg::cpu::Arch::X86_64 => ["avx", "avx2", "avx512f"],
        mvimg::cpu::Arch::Aarch64 => ["crc", "dotprod", "sve"],
    }
}

/// What `probe` returns when target `index` of `list` runs.
pub fn probe_of(list: &str, arch: mvimg::cpu::Arch, index: i64) -> i64 {
    let targets = list
        .parse::<mvimg::cpu::TargetList>()
        .unwrap()
        .resolve(arch, None)
        .unwrap();
    let features = &targets.targets[index as usize].features;
    let db = arch.database();
    probe_bits(arch)
        .iter()
        .enumerate()
        .map(|(bit, name)| i64::from(features.contains(db.feature(name).unwrap())) << bit)
        .sum()
}

/// The number after `probe ` (the exported entry's answer).
pub fn probe(text: &str) -> i64 {
    text.lines()
        .find_map(|l| l.strip_prefix("probe "))
        .unwrap_or_else(|| panic!("no probe in {text}"))
        .trim()
        .parse()
        .unwrap()
}

/// The C and C++ sources of the crates tests/data/sources depends on
/// (crates.io crates' bundled libraries), fetched by `cargo vendor` once per
/// test binary into its own directory. A failure to fetch fails the test: CI
/// reaches crates.io.
pub fn vendored() -> &'static Path {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("sources-vendor-{}", env!("CARGO_CRATE_NAME")));
        let _ = std::fs::remove_dir_all(&dir);
        let manifest =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/sources/Cargo.toml");
        run_ok(
            "cargo",
            &[
                "vendor",
                "--quiet",
                "--locked",
                "--manifest-path",
                s(&manifest),
                s(&dir),
            ],
        );
        dir
    })
}

/// The upstream sources of Debian 12's source package `package`, fetched
/// with `apt-get source --download-only` (ci/setup adds the deb-src entry)
/// and unpacked from its `.orig.tar.*` into a directory of this test
/// binary's own, once. A failure to fetch fails the test: CI reaches
/// Debian's mirrors.
#[allow(dead_code)]
pub fn debian_source(package: &str) -> PathBuf {
    static DIRS: std::sync::Mutex<Vec<(String, PathBuf)>> = std::sync::Mutex::new(Vec::new());
    let mut dirs = DIRS.lock().unwrap();
    if let Some((_, dir)) = dirs.iter().find(|(p, _)| p == package) {
        return dir.clone();
    }
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "debian-source-{}-{package}",
        env!("CARGO_CRATE_NAME")
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let fetched = Command::new("apt-get")
        .current_dir(&dir)
        .args(["source", "--download-only", "-q", package])
        .output()
        .expect("apt-get runs");
    assert!(
        fetched.status.success(),
        "apt-get source {package} (ci/setup adds the deb-src entry): {}",
        String::from_utf8_lossy(&fetched.stderr)
    );
    let tarball = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.contains(".orig.tar."))
        })
        .unwrap_or_else(|| panic!("no .orig.tar.* of {package} in {}", dir.display()));
    let unpacked = dir.join("src");
    std::fs::create_dir_all(&unpacked).unwrap();
    run_ok(
        "tar",
        &[
            "xf",
            tarball.to_str().unwrap(),
            "-C",
            unpacked.to_str().unwrap(),
        ],
    );
    let mut tops = std::fs::read_dir(&unpacked)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir());
    let top = tops.next().expect("the tarball has a directory");
    assert!(
        tops.next().is_none(),
        "one top directory in {}",
        tarball.display()
    );
    dirs.push((package.to_owned(), top.clone()));
    top
}

/// SQLite's amalgamation as libsqlite3-sys bundles it, copied to
/// `dir/NAME/sqlite3.c` with `edit` applied (one source file name for every
/// variant: it is in the bitcode), compiled as README "Producing IR" says
/// to `dir/NAME.bc`.
pub fn sqlite_bc(dir: &Path, name: &str, edit: impl Fn(String) -> String) -> PathBuf {
    let source = std::fs::read_to_string(vendored().join("libsqlite3-sys/sqlite3/sqlite3.c"))
        .expect("libsqlite3-sys bundles sqlite3.c");
    let src_dir = dir.join(name);
    std::fs::create_dir_all(&src_dir).unwrap();
    std::fs::write(src_dir.join("sqlite3.c"), edit(source)).unwrap();
    let bc = dir.join(format!("{name}.bc"));
    let out = Command::new("clang-22")
        .current_dir(&src_dir)
        .args(mvimg::codegen::inputs::CLANG_IR_FLAGS)
        .arg("-fPIC")
        .args(["sqlite3.c", "-o", s(&bc)])
        .output()
        .expect("clang-22 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    bc
}

/// The names an ELF shared library exports: its defined global dynamic
/// symbols, IFUNCs included (`object`'s `exports()` leaves out
/// `STT_GNU_IFUNC` symbols, which mvimg's entries are on glibc).
pub fn elf_exports(path: &Path) -> Vec<String> {
    use object::{Object, ObjectSymbol};
    let bytes = std::fs::read(path).unwrap();
    let file = object::File::parse(&*bytes).unwrap();
    file.dynamic_symbols()
        .filter(|s| s.is_global() && !s.is_undefined())
        .map(|s| s.name().unwrap().to_owned())
        .collect()
}

/// MinGW's C++ runtime DLLs (libstdc++ and the SEH unwinder), from the gcc
/// installation with the win32 thread model (Debian's default).
pub fn mingw_runtime_dlls() -> Vec<PathBuf> {
    let base = Path::new("/usr/lib/gcc/x86_64-w64-mingw32");
    let dir = std::fs::read_dir(base)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (ci/setup installs gcc-mingw-w64-x86-64)",
                base.display()
            )
        })
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with("-win32"))
        .max()
        .expect("a win32 MinGW gcc");
    ["libstdc++-6.dll", "libgcc_s_seh-1.dll"]
        .iter()
        .map(|name| dir.join(name))
        .collect()
}

/// A small deterministic generator (xorshift64*).
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// `seed` with one to four random edits: a bit flipped, a byte or a 32-bit
/// word overwritten (with a random or a boundary value), a range deleted,
/// duplicated or filled with random bytes, a cut.
pub fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut data = seed.to_vec();
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        match rng.below(7) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = rng.next() as u8;
            }
            2 if len >= 4 => {
                let i = rng.below(len - 3) & !3;
                let value: u32 = match rng.below(4) {
                    0 => 0,
                    1 => u32::MAX,
                    2 => 0x8000_0000,
                    _ => rng.next() as u32 % 4096,
                };
                data[i..i + 4].copy_from_slice(&value.to_le_bytes());
            }
            3 if len > 0 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(64)).min(len);
                data.drain(a..b);
            }
            4 if len > 0 => {
                let a = rng.below(len);
                let b = (a + 1 + rng.below(64)).min(len);
                let chunk = data[a..b].to_vec();
                let at = rng.below(len);
                data.splice(at..at, chunk);
            }
            5 => {
                let at = rng.below(len + 1);
                let bytes: Vec<u8> = (0..1 + rng.below(16)).map(|_| rng.next() as u8).collect();
                data.splice(at..at, bytes);
            }
            _ => data.truncate(rng.below(len + 1)),
        }
    }
    data
}

/// A small library whose `plain2` adds `add`, in four partitions' worth of
/// functions, and what a driver linked against it prints.
pub fn small_library(dir: &Path, name: &str, add: i32) -> (PathBuf, String) {
    let src = dir.join(format!("{name}.c"));
    std::fs::write(
        &src,
        format!(
            "int plain2(int x) {{ return x + {add}; }}\n\
             long loop1(const int *v, int n) {{ long s = 0; for (int i = 0; i < n; i++) s += v[i] * 3; return s; }}\n\
             long loop2(const int *v, int n) {{ long s = 1; for (int i = 0; i < n; i++) s ^= v[i] + s; return s; }}\n\
             double loop3(const double *v, int n) {{ double s = 0; for (int i = 0; i < n; i++) s += v[i] * v[i]; return s; }}\n"
        ),
    )
    .unwrap();
    let bc = dir.join(format!("{name}.bc"));
    let mut args: Vec<&str> = mvimg::codegen::inputs::CLANG_IR_FLAGS.to_vec();
    args.extend([s(&src), "-o", s(&bc)]);
    run_ok("clang-22", &args);
    (bc, format!("{}\n", 1 + add))
}

/// What `plain2(1)` gives in the image at `image`.
pub fn plain2_of(dir: &Path, image: &Path) -> String {
    let driver = dir.join("plain2.c");
    std::fs::write(
        &driver,
        "#include <stdio.h>\nint plain2(int);\nint main(void) { printf(\"%d\\n\", plain2(1)); return 0; }\n",
    )
    .unwrap();
    let exe = image.with_file_name("plain2");
    run_ok(
        "gcc",
        &[
            "-o",
            s(&exe),
            s(&driver),
            s(image),
            &format!("-Wl,-rpath,{}", s(image.parent().unwrap())),
        ],
    );
    let out = Command::new(&exe).output().unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The README's IR recipe: `compiler` (clang-22, clang++-22) with
/// [`mvimg::codegen::inputs::CLANG_IR_FLAGS`] and `extra` flags, `source`
/// to `bc`.
pub fn recipe_ir(compiler: &str, extra: &[&str], source: &Path, bc: &Path) {
    let mut args: Vec<&str> = mvimg::codegen::inputs::CLANG_IR_FLAGS.to_vec();
    args.extend(extra);
    args.extend([s(source), "-o", s(bc)]);
    run_ok(compiler, &args);
}

/// The case a test runs as a child of itself ([`run_as_child`]): the value
/// of `MVIMG_TEST_CASE`, in the child only.
#[allow(dead_code)]
pub fn child_case() -> Option<String> {
    std::env::var("MVIMG_TEST_CASE").ok()
}

/// Runs the test `name` of this test binary again in a child process with
/// `case` as `MVIMG_TEST_CASE` and `env` — what an image's own init reads
/// when dlopen runs it (`MVIMG_HOST_CPU`, `MVIMG_FORCE_TARGET`,
/// `MVIMG_HOST_FEATURES`): the init selects for the process it runs in, so
/// a load as another host is a process of its own. Panics with the child's
/// output unless it passes.
#[allow(dead_code)]
pub fn run_as_child(name: &str, case: &str, env: &[(&str, &str)]) {
    let exe = std::env::current_exe().unwrap();
    let mut command = Command::new(exe);
    command
        .args([name, "--exact", "--nocapture", "--test-threads=1"])
        .env("MVIMG_TEST_CASE", case)
        .env_remove("MVIMG_FORCE_TARGET")
        .env_remove("MVIMG_HOST_CPU")
        .env_remove("MVIMG_HOST_FEATURES");
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().unwrap();
    let text = all_output(&out);
    assert!(
        out.status.success() && text.contains("1 passed"),
        "{name} as a child ({case}, {env:?}):\n{text}"
    );
}
