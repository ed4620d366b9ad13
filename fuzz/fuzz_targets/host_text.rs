//! Host descriptions from text (CPUID dumps, /proc/cpuinfo, `sysctl hw`,
//! `mvimg host --json`): any bytes give a host or an error; a host can be
//! described, and selection over the default lists does not panic.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::host_text(data));
