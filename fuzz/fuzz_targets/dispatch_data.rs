//! The dispatch data reader: any bytes are rejected with a reason or give
//! data whose accessors and address check do not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mvimg_cpu::image::format::Segment;
use mvimg_cpu::DispatchData;

fuzz_target!(|data: &[u8]| {
    let Ok(parsed) = DispatchData::parse(data) else {
        return;
    };
    let _ = parsed.resolved_targets();
    let _ = parsed.record_value("mvimg.opt-level");
    let segments = [Segment {
        range: -(1 << 20)..(1 << 20),
        executable: true,
        writable: true,
    }];
    let _ = parsed.check_addresses(&segments, 8, 0);
});
