//! mvimg's Arm CPU naming against LLVM 22's own (`sys::detail::getHostCPUNameForARM`,
//! through the shim): every part number of every implementer LLVM knows, Samsung's
//! variant/part scheme, big.LITTLE pairs, the SoC special case, and the cpuinfo
//! texts of LLVM's own unit test (../shared/corpus/llvm-host-unittest).

use mvimg_cpu::aarch64::naming::llvm_name;
use mvimg_cpu::cpuinfo::CpuInfo;
use mvimg_llvm_shim::host_cpu_name_for_arm;

fn block(index: usize, implementer: u8, variant: u8, part: u16) -> String {
    format!(
        "processor\t: {index}\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd\nCPU implementer\t: {implementer:#04x}\n\
         CPU architecture: 8\nCPU variant\t: {variant:#x}\nCPU part\t: {part:#05x}\nCPU revision\t: 1\n\n"
    )
}

fn ours(text: &str) -> String {
    let info = CpuInfo::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    info.core_summary()
        .map_or("generic", |c| llvm_name(&c))
        .to_owned()
}

#[test]
fn every_part_of_every_implementer_is_named_as_llvm_names_it() {
    let implementers: Vec<u8> = vec![
        0x00, 0x40, 0x41, 0x42, 0x43, 0x46, 0x48, 0x4e, 0x50, 0x51, 0x53, 0x56, 0x61, 0x63, 0x66,
        0x69, 0x6d, 0xc0, 0xff,
    ];
    let mut compared = 0;
    let mut named = 0;
    let mut mismatches = Vec::new();
    for &implementer in &implementers {
        for part in 0..0x1000u16 {
            let text = block(0, implementer, 0, part);
            let (llvm, mine) = (host_cpu_name_for_arm(&text), ours(&text));
            compared += 1;
            if llvm != "generic" {
                named += 1;
            }
            if llvm != mine {
                mismatches.push(format!(
                    "{implementer:#04x}/{part:#05x}: LLVM {llvm}, mvimg {mine}"
                ));
            }
        }
    }
    println!("{compared} (implementer, part) pairs, {named} named by LLVM");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
    assert!(named > 100, "only {named} named parts");
}

#[test]
fn samsung_variants_big_little_pairs_and_socs_match_llvm() {
    let mut mismatches = Vec::new();
    let mut check = |text: String| {
        let (llvm, mine) = (host_cpu_name_for_arm(&text), ours(&text));
        if llvm != mine {
            mismatches.push(format!("LLVM {llvm}, mvimg {mine} for:\n{text}"));
        }
    };
    for variant in 0..16u8 {
        for part in [0x001, 0x002, 0x003, 0x004, 0xafe, 0xd05] {
            check(block(0, 0x53, variant, part));
        }
    }
    let arm_parts = [
        0xd03, 0xd05, 0xd07, 0xd08, 0xd0b, 0xd40, 0xd46, 0xd47, 0xd48, 0xd80, 0xd81, 0xd82, 0xd85,
        0xd87, 0xd8e,
    ];
    for &a in &arm_parts {
        for &b in &arm_parts {
            check(format!("{}{}", block(0, 0x41, 0, a), block(1, 0x41, 0, b)));
            check(format!(
                "{}{}{}",
                block(0, 0x41, 0, a),
                block(1, 0x41, 0, b),
                block(2, 0x41, 0, 0xd05)
            ));
        }
    }
    for hardware in [
        "Qualcomm Technologies, Inc MSM8994",
        "MSM8996",
        "MSM8998",
        "",
    ] {
        check(format!(
            "{}Hardware\t: {hardware}\n",
            block(0, 0x41, 0, 0xd07)
        ));
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[path = "../../tests/common/corpus.rs"]
mod corpus_data;

#[test]
fn llvm_unit_test_cpuinfo_texts_match_llvm() {
    let root = corpus_data::corpus_root();
    let index = root.join("llvm-host-unittest/index.csv");
    let csv = std::fs::read_to_string(&index).unwrap();
    let mut n = 0;
    for row in csv.lines().skip(1) {
        let fields: Vec<&str> = row.split(',').collect();
        // The RISC-V texts test another function of LLVM's.
        if !matches!(fields[1], "ARM" | "AArch64") {
            continue;
        }
        let file = fields[0];
        let path = root.join("llvm-host-unittest").join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            ours(&text),
            host_cpu_name_for_arm(&text),
            "{}",
            path.display()
        );
        n += 1;
    }
    println!("{n} cpuinfo texts named as LLVM 22 names them");
    assert!(n >= 59, "only {n} texts");
}
