//! The image's own init (docs/FORMAT.md, "The image's own init"): the C of
//! `codegen/runtime/init.c`, compiled to LLVM IR by `build.rs` for every
//! supported platform, is linked into the image together with
//! `mvimg_init_tables`, the tables this module generates from mvimg-cpu's
//! database and the image's target list. The init repeats mvimg-cpu's matcher
//! over these tables: what a host needs to be eligible for each target, the
//! order the matcher walks the targets in, the CPU names and feature
//! implications.

use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::{Linkage, Module};
use inkwell::GlobalVisibility;
use mvimg_cpu::target_list::CpuName;
use mvimg_cpu::{Arch, Detection, FeatureSet, Os, ResolvedTargets};

use crate::error::Error;

/// The symbols every image exports besides its entries and the dispatch
/// data: the init's functions and its tables ([`TABLES_SYMBOL`]).
pub const INIT_EXPORTS: [&str; 5] = [
    "mvimg_selected_target",
    "mvimg_target_name",
    "mvimg_selection_error",
    "mvimg_image_record",
    TABLES_SYMBOL,
];

/// `mvimg_layout.h`: the dispatch data's layout as C constants, which the
/// init includes (runtime/mvimg_layout.h, generated from
/// [`mvimg_cpu::image::layout::c_header`]; a test fails when it is stale);
/// C drivers and harnesses that read the data include it too.
pub const LAYOUT_HEADER: &str = include_str!("../runtime/mvimg_layout.h");

/// The name of the generated tables the init reads.
pub const TABLES_SYMBOL: &str = "mvimg_init_tables";

/// The tables' own, local name in the image, under which the init reads
/// them ([`TABLES_SYMBOL`] is their exported alias).
pub const LOCAL_TABLES_SYMBOL: &str = "mvimg_init_tables.local";

use mvimg_cpu::image::layout::codes::{self, CPU_GENERIC, CPU_NATIVE, NONE};
/// The init keeps masks in fixed arrays of this many 32-bit words.
const MAX_MASK_WORDS: usize = 16;

/// The init's IR for `(arch, os)`, as build.rs produced it; `tls`: with a
/// TLS directory (Windows; images whose code has thread-local variables).
pub fn init_ir(arch: Arch, os: Os, tls: bool) -> Option<&'static str> {
    Some(match (arch, os) {
        (Arch::X86_64, Os::Windows) if tls => {
            include_str!(concat!(env!("OUT_DIR"), "/init-x86_64-windows-tls.ll"))
        }
        (Arch::X86_64, Os::Linux) => {
            include_str!(concat!(env!("OUT_DIR"), "/init-x86_64-linux.ll"))
        }
        (Arch::Aarch64, Os::Linux) => {
            include_str!(concat!(env!("OUT_DIR"), "/init-aarch64-linux.ll"))
        }
        (Arch::X86_64, Os::Windows) => {
            include_str!(concat!(env!("OUT_DIR"), "/init-x86_64-windows.ll"))
        }
        (Arch::X86_64, Os::Macos) => {
            include_str!(concat!(env!("OUT_DIR"), "/init-x86_64-macos.ll"))
        }
        (Arch::Aarch64, Os::Macos) => {
            include_str!(concat!(env!("OUT_DIR"), "/init-aarch64-macos.ll"))
        }
        _ => return None,
    })
}

/// The tables' words (little-endian when stored): header, features, CPUs,
/// aliases, targets, the naming table, the macOS sysctl and CPU family
/// tables, then NUL-terminated strings.
pub fn tables(targets: &ResolvedTargets) -> Result<Vec<u32>, Error> {
    let arch = targets.arch;
    let db = arch.database();
    // The host mask's bits: every detectable feature, in database order
    // (NONE for the others).
    let detectable = db.detectable();
    let mut bits = vec![NONE; db.features().len()];
    for (k, f) in detectable.iter().enumerate() {
        bits[f.index()] = k as u32;
    }
    let bit_count = detectable.len();
    let mask_words = bit_count.div_ceil(32).max(1);
    if mask_words > MAX_MASK_WORDS {
        return Err(Error::InitMasks {
            arch,
            features: bit_count,
            supported: MAX_MASK_WORDS * 32,
        });
    }
    let mask = |set: &FeatureSet| -> Vec<u32> {
        let mut words = vec![0u32; mask_words];
        for f in set.iter() {
            let bit = bits[f.index()];
            if bit != NONE {
                words[bit as usize / 32] |= 1 << (bit % 32);
            }
        }
        words
    };
    let mut strings: Vec<u8> = Vec::new();
    let mut string = |s: &str| -> u32 {
        let at = strings.len() as u32;
        strings.extend_from_slice(s.as_bytes());
        strings.push(0);
        at
    };

    let mut features = Vec::new();
    let detection: Vec<Option<Detection>> = {
        let mut d = vec![None; db.features().len()];
        for (f, how) in db.detection_table() {
            d[f.index()] = Some(*how);
        }
        d
    };
    for f in db.features() {
        features.push(string(f.name()));
        features.push(bits[f.index()]);
        features.extend(detection_words(detection[f.index()]));
        let mut enable = f.implies();
        enable.insert(f);
        let mut disable = FeatureSet::empty(arch);
        disable.insert(f);
        for g in detectable.iter() {
            if g.implies().contains(f) {
                disable.insert(g);
            }
        }
        features.extend(mask(&enable));
        features.extend(mask(&disable));
    }

    let matched = db.matched();
    let tuning = db.tuning();
    let cpus: Vec<mvimg_cpu::Cpu> = db.cpus().collect();
    let cpu_index = |c: mvimg_cpu::Cpu| cpus.iter().position(|x| *x == c).unwrap_or(0) as u32;
    let mut cpu_words = Vec::new();
    for c in &cpus {
        cpu_words.push(string(c.name()));
        let isa = c.features().difference(&tuning);
        cpu_words.extend(mask(&isa.intersection(&matched)));
        cpu_words.extend(mask(&isa));
    }
    let mut alias_words = Vec::new();
    for (name, c) in db.aliases() {
        alias_words.push(string(name));
        alias_words.push(cpu_index(c));
    }

    let mut target_words = Vec::new();
    for t in &targets.targets {
        target_words.push(string(&t.name));
        target_words.push(string(&t.spec.to_string()));
        target_words.push(match t.spec.cpu {
            CpuName::Generic => CPU_GENERIC,
            CpuName::Native => CPU_NATIVE,
            CpuName::Named(_) => cpu_index(t.cpu),
        });
        let needs = t.isa_features().intersection(&matched);
        target_words.extend(mask(&needs));
    }

    let mut name_words = Vec::new();
    let name_count = match arch {
        Arch::X86_64 => {
            // The naming rules, in order: vendor (1 Intel, 2 AMD, 3 Hygon),
            // family, model range, up to two needed features (host-mask
            // bits, NONE for none), the CPU (NONE: a name the database
            // lacks, which leaves naming to the features).
            use mvimg_cpu::x86_64::naming::{RuleVendor, NAME_RULES};
            for r in NAME_RULES {
                name_words.push(match r.vendor {
                    RuleVendor::Intel => codes::VENDOR_INTEL,
                    RuleVendor::Amd => codes::VENDOR_AMD,
                    RuleVendor::Hygon => codes::VENDOR_HYGON,
                });
                name_words.extend([r.family, r.models.0, r.models.1]);
                for k in 0..2 {
                    name_words.push(r.needs.get(k).map_or(NONE, |f| bits[f.index()]));
                }
                name_words.push(db.cpu(r.name).map_or(NONE, cpu_index));
            }
            NAME_RULES.len()
        }
        Arch::Aarch64 => {
            // The naming rules, in order: implementer, test (codes::ARM_*),
            // a, b, the CPU (NONE: `generic` or a name the database lacks).
            use mvimg_cpu::aarch64::naming::{name_rules, ArmTest};
            let mut count = 0;
            for r in name_rules() {
                let (test, a, b) = match r.test {
                    ArmTest::Part(part) => (codes::ARM_PART, u32::from(part), 0),
                    ArmTest::VariantPart(code) => (codes::ARM_VARIANT_PART, code, 0),
                    ArmTest::PartPair(a, b) => (codes::ARM_PART_PAIR, u32::from(a), u32::from(b)),
                    ArmTest::HardwareSuffix(soc) => (codes::ARM_SOC_SUFFIX, string(soc), 0),
                    ArmTest::Any => (codes::ARM_ANY, 0, 0),
                };
                let cpu = if r.name == "generic" {
                    NONE
                } else {
                    db.cpu(r.name).map_or(NONE, cpu_index)
                };
                name_words.extend([u32::from(r.implementer), test, a, b, cpu]);
                count += 1;
            }
            count
        }
    };

    // macOS on Apple silicon: the sysctls of each feature, the CPU families.
    let mut sysctl_words = Vec::new();
    let mut family_words = Vec::new();
    if arch == Arch::Aarch64 {
        for (f, names) in mvimg_cpu::aarch64::macos::sysctl_features() {
            sysctl_words.push(bits[f.index()]);
            for k in 0..2 {
                sysctl_words.push(names.get(k).map_or(NONE, |n| string(n)));
            }
        }
        // (family, CPU), then (0, the CPU of an unlisted family).
        use mvimg_cpu::aarch64::naming::{apple_families, APPLE_NEWEST};
        for (family, name) in apple_families().chain([(0, APPLE_NEWEST)]) {
            family_words.push(family);
            family_words.push(db.cpu(name).map_or(NONE, cpu_index));
        }
    }

    use mvimg_cpu::image::layout as l;
    let mut words = vec![0u32; l::INIT_HEADER_WORDS as usize];
    // A part: its count at `count_word`, the offset where it starts (in
    // words) right after.
    fn part(words: &mut Vec<u32>, count_word: u32, count: usize, body: &[u32]) {
        words[count_word as usize] = count as u32;
        words[count_word as usize + 1] = words.len() as u32;
        words.extend_from_slice(body);
    }
    part(&mut words, l::IH_FEATURES, db.features().len(), &features);
    part(&mut words, l::IH_CPUS, cpus.len(), &cpu_words);
    part(
        &mut words,
        l::IH_ALIASES,
        alias_words.len() / 2,
        &alias_words,
    );
    part(
        &mut words,
        l::IH_TARGETS,
        targets.targets.len(),
        &target_words,
    );
    // The targets best first by the host-independent ranking keys: the
    // init takes the first eligible one that names the host, else the first
    // eligible one.
    let order: Vec<u32> = mvimg_cpu::static_order(targets)
        .into_iter()
        .map(|t| t as u32)
        .collect();
    part(&mut words, l::IH_ORDER, order.len(), &order);
    part(&mut words, l::IH_NAMES, name_count, &name_words);
    part(
        &mut words,
        l::IH_SYSCTLS,
        sysctl_words.len() / 3,
        &sysctl_words,
    );
    part(
        &mut words,
        l::IH_FAMILIES,
        family_words.len() / 2,
        &family_words,
    );
    words[l::IH_VERSION as usize] = codes::TABLES_VERSION;
    words[l::IH_ARCH as usize] = mvimg_cpu::image::format::arch_code(arch);
    words[l::IH_MASK_WORDS as usize] = mask_words as u32;
    words[l::IH_STRINGS_AT as usize] = (words.len() * 4) as u32;
    // The CPU `generic` stands for when no CPU's features fit.
    words[l::IH_GENERIC as usize] = db.cpu("generic").map_or(NONE, cpu_index);
    while !strings.len().is_multiple_of(4) {
        strings.push(0);
    }
    words.extend(
        strings
            .chunks(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])),
    );
    Ok(words)
}

/// The kind and four words of a feature's detection: CPUID (leaf, subleaf,
/// register << 8 | bit, OS state), AVX10 (version, -, -, OS state), or HWCAP
/// (up to four word << 8 | bit, unused ones `NONE`).
fn detection_words(detection: Option<Detection>) -> [u32; 5] {
    use mvimg_cpu::x86_64::{CpuidTest, OsState, Reg};
    let state = |s: OsState| match s {
        OsState::None => codes::STATE_NONE,
        OsState::Avx => codes::STATE_AVX,
        OsState::Avx512 => codes::STATE_AVX512,
        OsState::Amx => codes::STATE_AMX,
    };
    match detection {
        None => [codes::DETECT_NONE, 0, 0, 0, 0],
        Some(Detection::Cpuid(source)) => match source.test {
            CpuidTest::Bit {
                leaf,
                subleaf,
                reg,
                bit,
            } => {
                let reg = match reg {
                    Reg::Eax => 0,
                    Reg::Ebx => 1,
                    Reg::Ecx => 2,
                    Reg::Edx => 3,
                };
                [
                    codes::DETECT_CPUID,
                    leaf,
                    subleaf,
                    reg << 8 | u32::from(bit),
                    state(source.state),
                ]
            }
            CpuidTest::Avx10 { version } => [
                codes::DETECT_AVX10,
                u32::from(version),
                0,
                0,
                state(source.state),
            ],
        },
        Some(Detection::Hwcap(source)) => {
            let mut words = [codes::DETECT_HWCAP, NONE, NONE, NONE, NONE];
            for (k, (word, bit)) in source.bits.iter().enumerate().take(4) {
                let word = match word {
                    mvimg_cpu::aarch64::HwcapWord::Hwcap => 0,
                    mvimg_cpu::aarch64::HwcapWord::Hwcap2 => 1,
                    mvimg_cpu::aarch64::HwcapWord::Hwcap3 => 2,
                };
                words[k + 1] = word << 8 | u32::from(*bit);
            }
            words
        }
    }
}

/// Links the init for `platform` and its tables for `targets` into `module`.
/// Platforms without an init (none today besides those listed in
/// [`init_ir`]) get an error.
pub(crate) fn attach<'ctx>(
    context: &'ctx Context,
    module: &Module<'ctx>,
    platform: &mvimg_cpu::Platform,
    targets: &ResolvedTargets,
) -> Result<(), Error> {
    let (arch, os) = (platform.arch, platform.os);
    let tls = module.get_globals().any(|g| g.is_thread_local());
    let ir = init_ir(arch, os, tls).ok_or_else(|| Error::NoInit {
        platform: platform.to_string(),
    })?;
    let words = tables(targets)?;
    let i32t = context.i32_type();
    let values: Vec<_> = words
        .iter()
        .map(|w| i32t.const_int(u64::from(*w), false))
        .collect();
    let array = i32t.const_array(&values);
    let global = module.add_global(array.get_type(), None, TABLES_SYMBOL);
    global.set_initializer(&array);
    global.set_constant(true);
    global.set_linkage(Linkage::External);
    global.set_visibility(GlobalVisibility::Hidden);
    global.set_alignment(4);

    let buffer = MemoryBuffer::create_from_memory_range_copy(ir.as_bytes(), "mvimg-init");
    let init = crate::inputs::parse_ir(context, &buffer).map_err(|message| Error::Llvm {
        action: "parsing the image init".into(),
        message,
    })?;
    init.set_triple(&module.get_triple());
    init.set_data_layout(&module.get_data_layout());
    module.link_in_module(init).map_err(|e| Error::Llvm {
        action: "linking the image init".into(),
        message: e.to_string_lossy().into_owned(),
    })?;
    // The tables serve the init, linked now, which reads them under a
    // local name; they are exported too (read-only data), so that a loader
    // finds them through the dynamic symbol table's hash, as it finds the
    // dispatch data, and compares them with the data before dlopen.
    global.set_linkage(Linkage::Internal);
    global.as_pointer_value().set_name(LOCAL_TABLES_SYMBOL);
    let alias = crate::dispatch::alias_of(module, global, TABLES_SYMBOL);
    alias.set_linkage(Linkage::External);
    alias.set_visibility(GlobalVisibility::Default);
    Ok(())
}

#[cfg(test)]
mod layout_header {
    /// runtime/mvimg_layout.h is what mvimg-cpu's layout generates
    /// (`MVIMG_BLESS=1 cargo test -p mvimg-codegen layout_header` rewrites
    /// it after a layout change).
    #[test]
    fn the_checked_in_layout_header_is_current() {
        let generated = mvimg_cpu::image::layout::c_header();
        if std::env::var_os("MVIMG_BLESS").is_some() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/runtime/mvimg_layout.h");
            std::fs::write(path, &generated).unwrap();
            return;
        }
        assert!(
            super::LAYOUT_HEADER == generated,
            "codegen/runtime/mvimg_layout.h is stale: run \
             MVIMG_BLESS=1 cargo test -p mvimg-codegen layout_header"
        );
    }
}
