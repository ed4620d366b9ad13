//! Opens an image with mvimg-cpu's loader and prints how long
//! `Image::open` took: `NANOSECONDS 0 SELECTED`, the line ci/bench's C
//! driver prints for a plain `dlopen`. A process that links mvimg-cpu
//! alone, as small as that driver, so that both dlopens search the same
//! few libraries for the image's symbols (a process that also links LLVM
//! makes every symbol lookup of the image's relocations search LLVM's
//! tables too).
//!
//! `cargo run --release -p mvimg-cpu --example open_image -- IMAGE`

use std::process::ExitCode;
use std::time::Instant;

use mvimg_cpu::{Image, OpenOptions};

fn main() -> ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: open_image IMAGE");
        return ExitCode::from(2);
    };
    let start = Instant::now();
    match Image::open(&path, &OpenOptions::default()) {
        Ok(image) => {
            let ns = start.elapsed().as_nanos();
            println!("{ns} 0 {}", image.selection().index);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
