//! The image's own init (docs/FORMAT.md, "The image's own init"): the C of
//! `codegen/runtime/init.c`, compiled to LLVM IR by `build.rs` for every
//! supported platform, is linked into the image together with
//! `mvimg_init_tables`, the tables this module generates from mvimg-cpu's
//! database and the image's target list. The init repeats mvimg-cpu's matcher
//! over these tables: what a host needs to be eligible for each target, the
//! rank keys of each target, the CPU names and feature implications.

use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::{Linkage, Module};
use inkwell::GlobalVisibility;
use mvimg_cpu::target::CpuName;
use mvimg_cpu::{Arch, Detection, FeatureSet, Os, ResolvedTargets, VectorWidth};

use crate::error::Error;

/// The symbols every image exports besides its entries and the dispatch data.
pub const INIT_EXPORTS: [&str; 4] = [
    "mvimg_selected_target",
    "mvimg_target_name",
    "mvimg_selection_error",
    "mvimg_image_record",
];

/// The name of the generated tables the init reads.
pub const TABLES_SYMBOL: &str = "mvimg_init_tables";

const TABLES_VERSION: u32 = 1;
const NONE: u32 = u32::MAX;
const CPU_GENERIC: u32 = u32::MAX;
const CPU_NATIVE: u32 = u32::MAX - 1;
/// The init keeps masks in fixed arrays of this many 32-bit words.
const MAX_MASK_WORDS: usize = 16;

/// The init's IR for `(arch, os)`, as build.rs produced it; `tls`: with a
/// TLS directory (Windows; images whose code has thread-local variables).
fn init_ir(arch: Arch, os: Os, tls: bool) -> Option<&'static str> {
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
        return Err(Error::Plan {
            message: format!(
                "the {arch} database has {bit_count} detectable features; the init supports {}",
                MAX_MASK_WORDS * 32
            ),
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
        target_words.push(match VectorWidth::of(&t.features) {
            VectorWidth::Fixed(bits) => u32::from(bits),
            VectorWidth::Scalable => 0x1_0000,
        });
        let needs = t.isa_features().intersection(&matched);
        target_words.push(needs.len() as u32);
        target_words.extend(mask(&needs));
    }

    let mut name_words = Vec::new();
    let name_count = match arch {
        Arch::X86_64 => {
            let models: Vec<_> = mvimg_cpu::x86_64::naming::intel_family6_models().collect();
            for (model, name) in &models {
                name_words.push(*model);
                name_words.push(string(name));
            }
            models.len()
        }
        Arch::Aarch64 => {
            let parts: Vec<_> = mvimg_cpu::aarch64::naming::part_names().collect();
            for (implementer, part, name) in &parts {
                name_words.push(u32::from(*implementer));
                name_words.push(u32::from(*part));
                name_words.push(string(name));
            }
            parts.len()
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
        for (family, name) in mvimg_cpu::aarch64::naming::apple_families() {
            family_words.push(family);
            family_words.push(string(name));
        }
    }

    const HEADER: usize = 18;
    let mut words = vec![0u32; HEADER];
    fn part(words: &mut Vec<u32>, index: usize, count: usize, body: &[u32]) {
        words[index] = count as u32;
        words[index + 1] = words.len() as u32;
        words.extend_from_slice(body);
    }
    part(&mut words, 3, db.features().len(), &features);
    part(&mut words, 5, cpus.len(), &cpu_words);
    part(&mut words, 7, alias_words.len() / 2, &alias_words);
    part(&mut words, 9, targets.targets.len(), &target_words);
    part(&mut words, 11, name_count, &name_words);
    part(&mut words, 14, sysctl_words.len() / 3, &sysctl_words);
    part(&mut words, 16, family_words.len() / 2, &family_words);
    words[0] = TABLES_VERSION;
    words[1] = mvimg_cpu::image::format::arch_code(arch);
    words[2] = mask_words as u32;
    words[13] = (words.len() * 4) as u32;
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
        OsState::None => 0,
        OsState::Avx => 1,
        OsState::Avx512 => 2,
        OsState::Amx => 3,
    };
    match detection {
        None => [0, 0, 0, 0, 0],
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
                    1,
                    leaf,
                    subleaf,
                    reg << 8 | u32::from(bit),
                    state(source.state),
                ]
            }
            CpuidTest::Avx10 { version } => [2, u32::from(version), 0, 0, state(source.state)],
        },
        Some(Detection::Hwcap(source)) => {
            let mut words = [3, NONE, NONE, NONE, NONE];
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
    let ir = init_ir(arch, os, tls).ok_or_else(|| Error::Plan {
        message: format!("mvimg has no image init for {platform}"),
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
    let init = context
        .create_module_from_ir(buffer)
        .map_err(|e| Error::Llvm {
            action: "parsing the image init".into(),
            message: e.to_string_lossy().into_owned(),
        })?;
    init.set_triple(&module.get_triple());
    init.set_data_layout(&module.get_data_layout());
    module.link_in_module(init).map_err(|e| Error::Llvm {
        action: "linking the image init".into(),
        message: e.to_string_lossy().into_owned(),
    })?;
    // The tables only serve the init, linked now.
    global.set_linkage(Linkage::Internal);
    Ok(())
}
