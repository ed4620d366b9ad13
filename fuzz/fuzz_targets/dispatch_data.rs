//! The dispatch data reader: any bytes are rejected with a reason or give
//! data whose accessors and address check do not panic.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::dispatch_data(data));
