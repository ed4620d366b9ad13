//! `cpu:` fleet nodes and planning: any text is a node or an error; a set of
//! nodes plans (or fails) without a panic, and a plan's list resolves.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::fleet_node(data));
