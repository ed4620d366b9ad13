//! `mvimg inspect`'s reader over arbitrary bytes: an object file mvimg did
//! not write, or a damaged image, is an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mvimg_cpu::image::ImageFile;

fuzz_target!(|data: &[u8]| {
    if let Ok(image) = ImageFile::parse(std::path::Path::new("fuzz"), data) {
        for t in 0..image.data.targets.len() {
            let _ = image.code_bytes(t);
        }
    }
});
