//! The target-list parser and resolver: any text either fails with an error
//! or parses to a list whose normal form parses back to the same list and
//! resolves (or fails) for both architectures without a panic.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::target_list(data));
