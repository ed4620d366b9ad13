//! Generates mvimg-cpu's CPU database from the live LLVM 22: the MC subtarget
//! tables (every processor and feature, with implications) and LLVM's target
//! parsers (which names are aliases). `mvimg-gen-cpu-db` writes the result to
//! `cpu/src/<arch>/generated.rs`; a test regenerates it and fails on any difference.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use mvimg_cpu::feature::FEATURE_WORDS;
use mvimg_cpu::Arch;
use mvimg_llvm_shim::{FeatureBits, ParserArch, Subtarget};

use crate::error::Error;

/// The file, relative to the workspace root, that holds `arch`'s generated tables.
pub fn generated_path(arch: Arch) -> &'static str {
    match arch {
        Arch::X86_64 => "cpu/src/x86_64/generated.rs",
        Arch::Aarch64 => "cpu/src/aarch64/generated.rs",
    }
}

/// The tables of one architecture as read from LLVM, before they are printed.
#[derive(Debug)]
pub struct Tables {
    /// The architecture.
    pub arch: Arch,
    /// LLVM's version.
    pub llvm_version: String,
    /// Features in name order.
    pub features: Vec<FeatureEntry>,
    /// Canonical CPUs in name order.
    pub cpus: Vec<CpuEntry>,
    /// Aliases in name order: (alias, canonical CPU name).
    pub aliases: Vec<(String, String)>,
}

/// One feature as generated.
#[derive(Debug)]
pub struct FeatureEntry {
    /// LLVM's name.
    pub name: String,
    /// LLVM's description.
    pub description: String,
    /// Indices of every feature it implies, transitively.
    pub implies: BTreeSet<usize>,
    /// Whether it is tuning-only.
    pub tuning: bool,
}

/// One CPU as generated.
#[derive(Debug)]
pub struct CpuEntry {
    /// LLVM's name.
    pub name: String,
    /// Indices of its ISA features, implications applied.
    pub features: BTreeSet<usize>,
    /// Indices of its tuning features, implications applied.
    pub tuning: BTreeSet<usize>,
}

/// A processor as LLVM lists it, with bits already translated to feature indices.
struct RawCpu {
    name: String,
    features: BTreeSet<usize>,
    tuning: BTreeSet<usize>,
}

/// Reads `arch`'s tables from the LLVM this process is linked with.
pub fn read_tables(arch: Arch) -> Result<Tables, Error> {
    let subtarget = Subtarget::new(arch.linux_triple(), "", "")?;
    let mut records = subtarget.features();
    records.sort_by(|a, b| a.name.cmp(b.name));
    if records.len() > FEATURE_WORDS * 64 {
        return Err(Error::CpuTables(format!(
            "LLVM has {} {arch} features; FeatureSet holds {}: raise FEATURE_WORDS",
            records.len(),
            FEATURE_WORDS * 64
        )));
    }
    let index_of_bit: HashMap<u32, usize> = records
        .iter()
        .enumerate()
        .map(|(i, r)| (r.bit, i))
        .collect();
    // Bits without a table entry (LLVM has one unnamed x86 tuning bit) cannot be
    // named in a feature string, so they are left out.
    let to_indices = |bits: &FeatureBits| -> BTreeSet<usize> {
        bits.iter()
            .filter_map(|bit| index_of_bit.get(&bit).copied())
            .collect()
    };
    let direct: Vec<BTreeSet<usize>> = records.iter().map(|r| to_indices(&r.implies)).collect();
    let closure_of = |start: &BTreeSet<usize>| -> BTreeSet<usize> {
        let mut done = start.clone();
        let mut todo: Vec<usize> = start.iter().copied().collect();
        while let Some(i) = todo.pop() {
            for &j in &direct[i] {
                if done.insert(j) {
                    todo.push(j);
                }
            }
        }
        done
    };
    let implies: Vec<BTreeSet<usize>> = direct.iter().map(closure_of).collect();

    let mut raw: Vec<RawCpu> = subtarget
        .processors()
        .into_iter()
        .map(|p| RawCpu {
            name: p.name.to_owned(),
            features: closure_of(&to_indices(&p.implies)),
            tuning: closure_of(&to_indices(&p.tune_implies)),
        })
        .collect();
    raw.sort_by(|a, b| a.name.cmp(&b.name));
    if arch == Arch::X86_64 {
        // LLVM's x86 table also holds 32-bit-only processors (i386, pentium4, ...),
        // which cannot run x86_64 code.
        let bit64 = records
            .iter()
            .position(|r| r.name == "64bit")
            .ok_or_else(|| Error::CpuTables("LLVM has no x86 feature \"64bit\"".into()))?;
        raw.retain(|cpu| cpu.features.contains(&bit64));
    }

    let aliases = match arch {
        Arch::X86_64 => x86_aliases(&raw),
        Arch::Aarch64 => aarch64_aliases(&raw)?,
    };
    let alias_names: BTreeSet<&str> = aliases.iter().map(|(a, _)| a.as_str()).collect();

    let isa_used: BTreeSet<usize> = raw
        .iter()
        .flat_map(|c| c.features.iter().copied())
        .collect();
    let tune_used: BTreeSet<usize> = raw.iter().flat_map(|c| c.tuning.iter().copied()).collect();
    let features = records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            // Tuning-only: LLVM implies it through some processor's tuning list and
            // never as an ISA feature of a processor or of a non-tuning feature.
            let implied_by_isa =
                (0..records.len()).any(|j| !tune_used.contains(&j) && implies[j].contains(&i));
            FeatureEntry {
                name: r.name.to_owned(),
                description: r.description.to_owned(),
                implies: implies[i].clone(),
                tuning: tune_used.contains(&i) && !isa_used.contains(&i) && !implied_by_isa,
            }
        })
        .collect();
    let cpus = raw
        .into_iter()
        .filter(|cpu| !alias_names.contains(cpu.name.as_str()))
        .map(|cpu| CpuEntry {
            name: cpu.name,
            features: cpu.features,
            tuning: cpu.tuning,
        })
        .collect();
    Ok(Tables {
        arch,
        llvm_version: mvimg_llvm_shim::llvm_version().to_string(),
        features,
        cpus,
        aliases,
    })
}

/// x86: LLVM's target parser gives every 64-bit name a CPU kind; names of one kind
/// whose processor records are identical are aliases of the kind's first name in
/// the parser's table. The MC table also has underscore spellings the parser does
/// not list (`skylake_avx512`, `core_4th_gen_avx`); each is an alias when its
/// record is identical to a listed CPU's.
fn x86_aliases(raw: &[RawCpu]) -> Vec<(String, String)> {
    let record = |name: &str| raw.iter().find(|c| c.name == name);
    let same = |a: &RawCpu, b: &RawCpu| a.features == b.features && a.tuning == b.tuning;
    let order = mvimg_llvm_shim::target_parser_cpus(ParserArch::X86_64);
    let mut canonical_of: BTreeMap<String, String> = BTreeMap::new();
    // First pass: the parser's names, grouped by kind, in parser order.
    let mut firsts: Vec<(i32, String)> = Vec::new();
    for name in &order {
        let (Some(kind), Some(cpu)) = (mvimg_llvm_shim::x86_cpu_kind(name), record(name)) else {
            continue;
        };
        let canonical = firsts
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, first)| first)
            .find(|first| record(first).is_some_and(|f| same(f, cpu)));
        match canonical {
            Some(first) => {
                canonical_of.insert(name.clone(), first.clone());
            }
            None => firsts.push((kind, name.clone())),
        }
    }
    // Second pass: MC names the parser does not list.
    for cpu in raw {
        if order.contains(&cpu.name) {
            continue;
        }
        let twin = firsts
            .iter()
            .map(|(_, first)| first)
            .find(|first| record(first).is_some_and(|f| same(f, cpu)));
        if let Some(first) = twin {
            canonical_of.insert(cpu.name.clone(), first.clone());
        }
    }
    canonical_of.into_iter().collect()
}

/// AArch64: LLVM's MC table lists only canonical processors; the target parser's
/// extra names ("apple-m1", "cobalt-100") resolve through its alias table.
fn aarch64_aliases(raw: &[RawCpu]) -> Result<Vec<(String, String)>, Error> {
    let mut aliases = Vec::new();
    for name in mvimg_llvm_shim::target_parser_cpus(ParserArch::Aarch64) {
        if raw.iter().any(|c| c.name == name) {
            continue;
        }
        let canonical = mvimg_llvm_shim::aarch64_cpu_canonical(&name).ok_or_else(|| {
            Error::CpuTables(format!(
                "LLVM's AArch64 parser lists {name:?} but cannot resolve it"
            ))
        })?;
        if !raw.iter().any(|c| c.name == canonical) {
            return Err(Error::CpuTables(format!(
                "AArch64 alias {name:?} resolves to {canonical:?}, which the MC table lacks"
            )));
        }
        aliases.push((name, canonical));
    }
    aliases.sort();
    Ok(aliases)
}

/// The Rust constant name for a feature: upper case, punctuation to `_`, and an
/// `F` in front of names that start with a digit (`64bit` -> `F64BIT`).
pub fn constant_name(feature: &str) -> String {
    let mut out: String = feature
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect();
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'F');
    }
    out
}

fn words_literal(arch: Arch, indices: &BTreeSet<usize>) -> String {
    let mut words = [0u64; FEATURE_WORDS];
    for &i in indices {
        words[i / 64] |= 1 << (i % 64);
    }
    let words: Vec<String> = words.iter().map(|w| format!("{w:#018x}")).collect();
    format!(
        "FeatureSet::from_words(Arch::{}, [{}])",
        arch_variant(arch),
        words.join(", ")
    )
}

fn arch_variant(arch: Arch) -> &'static str {
    match arch {
        Arch::X86_64 => "X86_64",
        Arch::Aarch64 => "Aarch64",
    }
}

fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '<' | '>' | '[' | ']' | '`' | '*' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Prints `tables` as the Rust source of `cpu/src/<arch>/generated.rs`.
pub fn render(tables: &Tables) -> Result<String, Error> {
    let arch = tables.arch;
    let variant = arch_variant(arch);
    let mut out = String::new();
    let w = &mut out;
    // Writing into a String cannot fail.
    let _ = writeln!(
        w,
        "//! The {arch} CPU database, generated from LLVM {}'s MC subtarget tables and\n\
         //! target parser by `cargo run -p mvimg-codegen --features cpu-db-generator --bin mvimg-gen-cpu-db`.\n\
         //! Do not edit: regenerate. codegen/tests/cpu_db.rs fails when the live LLVM\n\
         //! disagrees with this file.\n\
         //!\n\
         //! {} features, {} CPUs, {} aliases.\n",
        tables.llvm_version,
        tables.features.len(),
        tables.cpus.len(),
        tables.aliases.len()
    );
    let _ = writeln!(w, "use crate::arch::Arch;");
    let _ = writeln!(
        w,
        "use crate::table_rows::{{AliasRow, CpuRow, FeatureRow}};"
    );
    let _ = writeln!(w, "use crate::feature::{{Feature, FeatureSet}};\n");
    let _ = writeln!(w, "/// The LLVM version these tables were generated from.");
    let _ = writeln!(
        w,
        "pub const LLVM_VERSION: &str = {:?};\n",
        tables.llvm_version
    );

    let _ = writeln!(w, "pub(crate) static FEATURES: &[FeatureRow] = &[");
    for f in &tables.features {
        let _ = writeln!(
            w,
            "    FeatureRow {{ name: {:?}, description: {:?}, implies: {}, tuning: {} }},",
            f.name,
            f.description,
            words_literal(arch, &f.implies),
            f.tuning
        );
    }
    let _ = writeln!(w, "];\n");

    let _ = writeln!(w, "pub(crate) static CPUS: &[CpuRow] = &[");
    for c in &tables.cpus {
        let _ = writeln!(
            w,
            "    CpuRow {{ name: {:?}, features: {}, tuning: {} }},",
            c.name,
            words_literal(arch, &c.features),
            words_literal(arch, &c.tuning)
        );
    }
    let _ = writeln!(w, "];\n");

    let _ = writeln!(w, "pub(crate) static ALIASES: &[AliasRow] = &[");
    for (alias, canonical) in &tables.aliases {
        let index = tables
            .cpus
            .iter()
            .position(|c| &c.name == canonical)
            .ok_or_else(|| Error::CpuTables(format!("alias {alias:?} of unknown {canonical:?}")))?;
        let _ = writeln!(w, "    AliasRow {{ name: {alias:?}, cpu: {index} }},");
    }
    let _ = writeln!(w, "];");

    let mut seen = BTreeMap::new();
    for (i, f) in tables.features.iter().enumerate() {
        let constant = constant_name(&f.name);
        if let Some(other) = seen.insert(constant.clone(), f.name.clone()) {
            return Err(Error::CpuTables(format!(
                "features {other:?} and {:?} both become the constant {constant}",
                f.name
            )));
        }
        let _ = writeln!(
            w,
            "\n/// `{}`: {}\npub const {constant}: Feature = Feature::from_index(Arch::{variant}, {i});",
            f.name,
            markdown_escape(&f.description)
        );
    }
    Ok(out)
}

/// Reads and renders `arch`'s tables in one step.
pub fn generate(arch: Arch) -> Result<String, Error> {
    render(&read_tables(arch)?)
}
