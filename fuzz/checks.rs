//! The checks each fuzz target runs, shared by the libFuzzer targets
//! (fuzz_targets/*.rs, `cargo +nightly fuzz run NAME`) and the stable replay
//! in the test suite (tests/fuzz_replay.rs), which runs them over seeds, the
//! regression inputs of fuzz/regressions and bounded deterministic mutations.
//! Each takes any bytes: it returns normally or panics on a broken promise.

#![allow(dead_code)] // each fuzz target uses one

use mvimg_cpu::fleet::{plan, Node, PlanOptions};
use mvimg_cpu::image::format::Segment;
use mvimg_cpu::image::ImageFile;
use mvimg_cpu::{
    default_target_list, select, Arch, DispatchData, Host, Os, SelectOptions, TargetList,
};

/// The target-list parser and resolver: any text either fails with an error
/// or parses to a list whose normal form parses back to the same list and
/// resolves (or fails) for both architectures without a panic.
pub fn target_list(data: &[u8]) {
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
            back.resolve(arch, None)
                .expect("a recorded list resolves without native");
        }
    }
}

/// Host descriptions from text (CPUID dumps, /proc/cpuinfo, `sysctl hw`,
/// `mvimg host --json`): any bytes give a host or an error; a host can be
/// described, and selection over the default lists does not panic.
pub fn host_text(data: &[u8]) {
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
}

/// The dispatch data reader: any bytes are rejected with a reason or give
/// data whose accessors and address check do not panic.
pub fn dispatch_data(data: &[u8]) {
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
}

/// `mvimg inspect`'s reader over arbitrary bytes: an object file mvimg did
/// not write, or a damaged image, is an error, never a panic.
pub fn image_file(data: &[u8]) {
    if let Ok(image) = ImageFile::parse(std::path::Path::new("fuzz"), data) {
        for t in 0..image.data.targets.len() {
            let _ = image.code_bytes(t);
        }
    }
}

/// The loader's read of an image file's head (`read_head`, which reads the
/// file a few blocks at a time through its own ELF lookup) against the
/// whole read (`ImageFile::parse`): any bytes give a head or an error, and
/// an image the whole read accepts gives the same head. The bytes go to a
/// file of this process's own.
pub fn image_head(data: &[u8]) {
    let path = std::env::temp_dir().join(format!("mvimg-fuzz-head-{}", std::process::id()));
    std::fs::write(&path, data).expect("the temporary directory is writable");
    let head = mvimg_cpu::image::read_head(&path);
    if let Ok(image) = ImageFile::parse(&path, data) {
        match head {
            Ok(head) => assert_eq!(head, image.data.head, "the two reads disagree"),
            Err(e) => panic!("the whole read accepts the image, the head's read says: {e}"),
        }
    }
    let _ = std::fs::remove_file(&path);
}

/// `cpu:` fleet nodes and planning: any text is a node or an error; a set of
/// nodes plans (or fails) without a panic, and a plan's list resolves.
pub fn fleet_node(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut nodes = Vec::new();
    for spec in text.split('\n').take(8) {
        if let Ok(mut read) = Node::read(&format!("cpu:{spec}")) {
            nodes.append(&mut read);
        }
    }
    let max = data.first().map(|b| usize::from(b % 6));
    let mut options = PlanOptions::new();
    options.max_targets = max.filter(|n| *n > 0);
    if let Ok(p) = plan(&nodes, &options) {
        for a in &p.arches {
            let text = a.list.to_string();
            let list: mvimg_cpu::TargetList = text.parse().expect("a planned list parses");
            list.resolve(a.arch, None).expect("a planned list resolves");
        }
    }
}
