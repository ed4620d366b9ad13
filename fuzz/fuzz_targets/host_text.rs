//! Host descriptions from text (CPUID dumps, /proc/cpuinfo, `sysctl hw`,
//! `mvimg host --json`): any bytes give a host or an error; a host can be
//! described, and selection over the default lists does not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mvimg_cpu::{default_target_list, select, Host, Os, SelectOptions, TargetList};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(host) = Host::from_text(&text, "fuzz") else {
        return;
    };
    let _ = host.describe();
    for os in [Os::Linux, Os::Macos] {
        let list: TargetList = default_target_list(host.arch(), os).parse().unwrap();
        let targets = list.resolve(host.arch(), None).unwrap();
        let _ = select(&targets, &host, &SelectOptions::default());
    }
});
