//! The target-list parser and resolver: any text either fails with an error
//! or parses to a list whose normal form parses back to the same list and
//! resolves (or fails) for both architectures without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mvimg_cpu::{Arch, Host, TargetList};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(list) = text.parse::<TargetList>() else {
        return;
    };
    let normal = list.to_string();
    let again: TargetList = normal
        .parse()
        .unwrap_or_else(|e| panic!("the normal form {normal:?} of {text:?} does not parse: {e}"));
    assert_eq!(again, list, "{text:?} -> {normal:?}");
    for arch in [Arch::X86_64, Arch::Aarch64] {
        let native = Host::from_cpu(arch.database().baseline());
        if let Ok(resolved) = list.resolve(arch, Some(&native)) {
            let _ = resolved.unselectable();
            let recorded = resolved.recorded();
            let round = recorded.to_string();
            let back: TargetList = round.parse().expect("a recorded list parses");
            back.resolve(arch, None).expect("a recorded list resolves without native");
        }
    }
});
