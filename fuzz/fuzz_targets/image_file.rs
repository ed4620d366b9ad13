//! `mvimg inspect`'s reader over arbitrary bytes: an object file mvimg did
//! not write, or a damaged image, is an error, never a panic.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::image_file(data));
