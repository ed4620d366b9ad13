//! Regenerates mvimg-cpu's CPU database from the LLVM 22 this binary links:
//! writes `cpu/src/<arch>/generated.rs` for every architecture.
//!
//! Usage: `cargo run -p mvimg-codegen --bin mvimg-gen-cpu-db [WORKSPACE_ROOT]`.

use std::path::PathBuf;
use std::process::ExitCode;

use mvimg_codegen::cpu_tables;
use mvimg_cpu::Arch;

fn main() -> ExitCode {
    let root = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."));
    for arch in Arch::ALL {
        let text = match cpu_tables::generate(arch) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("mvimg-gen-cpu-db: {arch}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let path = root.join(cpu_tables::generated_path(arch));
        // Written beside the destination and renamed, so a failed run never leaves
        // a half-written table behind.
        let temporary = path.with_extension("rs.tmp");
        if let Err(e) =
            std::fs::write(&temporary, &text).and_then(|()| std::fs::rename(&temporary, &path))
        {
            eprintln!("mvimg-gen-cpu-db: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {} ({} bytes)", path.display(), text.len());
    }
    ExitCode::SUCCESS
}
