//! `cpu:` fleet nodes and planning: any text is a node or an error; a set of
//! nodes plans (or fails) without a panic, and a plan's list resolves.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mvimg_cpu::fleet::{plan, Node, PlanOptions};

fuzz_target!(|data: &[u8]| {
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
});
