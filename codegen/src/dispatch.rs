//! The dispatch data (docs/FORMAT.md): one constant `[N x i32]` array named
//! [`DISPATCH_SYMBOL`], little-endian words, every address in it an `i32`
//! offset from the array's own start, so the data is position-independent and
//! needs no dynamic relocation.

use inkwell::context::Context;
use inkwell::llvm_sys::core::{LLVMAddAlias2, LLVMGlobalGetValueType};
use inkwell::llvm_sys::prelude::LLVMValueRef;
use inkwell::module::{Linkage, Module};
use inkwell::values::AsValueRef;
use inkwell::values::{FunctionValue, GlobalValue, IntValue, PointerValue};
use mvimg_cpu::image::layout;
use mvimg_cpu::{ResolvedTargets, SizeGoal};

pub use mvimg_cpu::image::format::{
    arch_code, DISPATCH_SYMBOL, FORMAT_VERSION, FUNCTION_ENTRY, FUNCTION_SLOT, HEADER_WORDS, MAGIC,
    NO_BASE, RECORD_WORDS, TARGET_CLONE_ALL, TARGET_MIN_SIZE, TARGET_OPT_SIZE,
};

use crate::analysis::value_name;
use crate::record::BuildRecord;

/// One function of the dispatch data.
pub(crate) struct DispatchFunction<'ctx> {
    pub name: String,
    pub entry: bool,
    /// The body per target: target 0's always, others' when they clone it.
    pub bodies: Vec<Option<FunctionValue<'ctx>>>,
    pub slot: Option<GlobalValue<'ctx>>,
    /// (global, byte offset) of each data location holding its address.
    pub relocations: Vec<(GlobalValue<'ctx>, u64)>,
}

/// Everything the dispatch data lists.
pub(crate) struct DispatchTables<'ctx> {
    pub functions: Vec<DispatchFunction<'ctx>>,
}

/// A word of the array: a number, or the offset from the array's start of
/// the address `offset` bytes into a global.
#[derive(Clone, Copy)]
enum Word<'ctx> {
    Value(u32),
    Offset(GlobalValue<'ctx>, u64),
}

/// A record of `words` words, each written once at the word its layout
/// gives (mvimg_cpu::image::layout).
fn record_of<'ctx>(
    words: u32,
    fields: impl IntoIterator<Item = (u32, Word<'ctx>)>,
) -> Vec<Word<'ctx>> {
    let mut out: Vec<Option<Word<'ctx>>> = (0..words).map(|_| None).collect();
    for (at, word) in fields {
        let slot = &mut out[at as usize];
        assert!(slot.is_none(), "word {at} written twice");
        *slot = Some(word);
    }
    out.into_iter()
        .enumerate()
        .map(|(at, w)| w.unwrap_or_else(|| panic!("word {at} of a record not written")))
        .collect()
}

/// A string field: its offset and length in the first two of its words.
fn text<'ctx>(at: u32, (offset, len): (u32, u32)) -> Vec<(u32, Word<'ctx>)> {
    vec![(at, Word::Value(offset)), (at + 1, Word::Value(len))]
}

/// A one-word number field.
fn value<'ctx>(at: u32, v: u32) -> Vec<(u32, Word<'ctx>)> {
    vec![(at, Word::Value(v))]
}

/// A slot or relocation record: the function and the cell.
fn cell<'ctx>(function: usize, global: GlobalValue<'ctx>, offset: u64) -> Vec<Word<'ctx>> {
    record_of(
        layout::CELL_WORDS,
        [
            (layout::C_FUNCTION, Word::Value(function as u32)),
            (layout::C_CELL, Word::Offset(global, offset)),
        ],
    )
}

/// Emits the dispatch data into `module`.
pub(crate) fn emit<'ctx>(
    context: &'ctx Context,
    module: &Module<'ctx>,
    targets: &ResolvedTargets,
    tables: &DispatchTables<'ctx>,
    record: &BuildRecord,
) -> GlobalValue<'ctx> {
    let mut strings: Vec<u8> = Vec::new();
    // Each string is followed by a NUL (not counted), for C hosts.
    let mut string = |s: &str| -> (u32, u32) {
        let at = strings.len() as u32;
        strings.extend_from_slice(s.as_bytes());
        strings.push(0);
        (at, s.len() as u32)
    };
    let list = string(&targets.normalized().to_string());
    let nt = targets.targets.len() as u32;
    let nf = tables.functions.len() as u32;
    let mut target_words = Vec::new();
    let mut entry_words = Vec::new();
    let mut entry_count = 0u32;
    for target in &targets.targets {
        let t = target.index;
        let name = string(&target.spec.to_string());
        let names = target.isa_features().names().join(",");
        let features = string(&names);
        let llvm_cpu = string(&target.llvm_cpu);
        let llvm_features = string(&target.llvm_features);
        let mut flags = 0;
        if target.clone_all && t > 0 {
            flags |= TARGET_CLONE_ALL;
        }
        flags |= match target.size {
            Some(SizeGoal::OptSize) => TARGET_OPT_SIZE,
            Some(SizeGoal::MinSize) => TARGET_MIN_SIZE,
            None => 0,
        };
        let first = entry_count;
        if t > 0 {
            for (k, f) in tables.functions.iter().enumerate() {
                if let Some(body) = f.bodies[t] {
                    entry_words.extend(record_of(
                        layout::ENTRY_WORDS,
                        [
                            (layout::E_FUNCTION, Word::Value(k as u32)),
                            (layout::E_BODY, Word::Offset(body.as_global_value(), 0)),
                        ],
                    ));
                    entry_count += 1;
                }
            }
        }
        target_words.extend(record_of(
            layout::TARGET_WORDS,
            [
                text(layout::T_NAME, name),
                text(layout::T_FEATURES, features),
                text(layout::T_LLVM_CPU, llvm_cpu),
                text(layout::T_LLVM_FEATURES, llvm_features),
                value(layout::T_BASE, target.base.map_or(NO_BASE, |b| b as u32)),
                value(layout::T_FLAGS, flags),
                value(layout::T_FIRST_ENTRY, first),
                value(layout::T_ENTRY_COUNT, entry_count - first),
            ]
            .concat(),
        ));
    }
    let mut function_words = Vec::new();
    let mut slot_words = Vec::new();
    let mut reloc_words = Vec::new();
    for (k, f) in tables.functions.iter().enumerate() {
        let name = string(&f.name);
        let body = f.bodies[0].expect("target 0 has every body");
        let mut flags = 0;
        if f.entry {
            flags |= FUNCTION_ENTRY;
        }
        if let Some(slot) = f.slot {
            flags |= FUNCTION_SLOT;
            slot_words.extend(cell(k, slot, 0));
        }
        function_words.extend(record_of(
            layout::FUNCTION_WORDS,
            [
                text(layout::F_NAME, name),
                vec![(layout::F_BODY, Word::Offset(body.as_global_value(), 0))],
                value(layout::F_FLAGS, flags),
            ]
            .concat(),
        ));
        for &(global, offset) in &f.relocations {
            reloc_words.extend(cell(k, global, offset));
        }
    }
    let mut record_words = Vec::new();
    for (key, value) in record.entries() {
        let (key, value) = (string(key), string(value));
        record_words.extend(record_of(
            layout::BUILD_RECORD_WORDS,
            [text(layout::R_KEY, key), text(layout::R_VALUE, value)].concat(),
        ));
    }
    while !strings.len().is_multiple_of(4) {
        strings.push(0);
    }
    let targets_at = HEADER_WORDS * 4;
    let functions_at = targets_at + target_words.len() as u32 * 4;
    let entries_at = functions_at + function_words.len() as u32 * 4;
    let slots_at = entries_at + entry_words.len() as u32 * 4;
    let relocs_at = slots_at + slot_words.len() as u32 * 4;
    let record_at = relocs_at + reloc_words.len() as u32 * 4;
    let strings_at = record_at + record_words.len() as u32 * 4;
    let total = strings_at + strings.len() as u32;
    let magic = |k: usize| u32::from_le_bytes(MAGIC[k * 4..k * 4 + 4].try_into().unwrap());
    let count = |words: &[Word], per: u32| (words.len() / per as usize) as u32;
    let header = record_of(
        layout::HEADER_WORDS,
        [
            (layout::H_MAGIC, magic(0)),
            (layout::H_MAGIC + 1, magic(1)),
            (layout::H_VERSION, FORMAT_VERSION),
            (layout::H_HEADER_WORDS, HEADER_WORDS),
            (layout::H_ARCH, arch_code(targets.arch)),
            (layout::H_TARGET_COUNT, nt),
            (layout::H_FUNCTION_COUNT, nf),
            (layout::H_ENTRY_COUNT, entry_count),
            (layout::H_SLOT_COUNT, count(&slot_words, layout::CELL_WORDS)),
            (
                layout::H_RELOC_COUNT,
                count(&reloc_words, layout::CELL_WORDS),
            ),
            (layout::H_TARGETS_OFFSET, targets_at),
            (layout::H_FUNCTIONS_OFFSET, functions_at),
            (layout::H_ENTRIES_OFFSET, entries_at),
            (layout::H_SLOTS_OFFSET, slots_at),
            (layout::H_RELOCS_OFFSET, relocs_at),
            (layout::H_STRINGS_OFFSET, strings_at),
            (layout::H_STRINGS_SIZE, strings.len() as u32),
            (layout::H_TOTAL_SIZE, total),
            (layout::H_LIST, list.0),
            (layout::H_LIST + 1, list.1),
            (layout::H_RECORD_OFFSET, record_at),
            (
                layout::H_RECORD_COUNT,
                count(&record_words, layout::BUILD_RECORD_WORDS),
            ),
        ]
        .map(|(at, v)| (at, Word::Value(v))),
    );
    let mut words: Vec<Word> = header;
    words.extend(target_words);
    words.extend(function_words);
    words.extend(entry_words);
    words.extend(slot_words);
    words.extend(reloc_words);
    words.extend(record_words);
    words.extend(
        strings
            .chunks(4)
            .map(|c| Word::Value(u32::from_le_bytes(c.try_into().unwrap()))),
    );
    debug_assert_eq!(words.len() as u32 * 4, total);

    let i32t = context.i32_type();
    let i64t = context.i64_type();
    let mut locals = Locals::default();
    let array_type = i32t.array_type(words.len() as u32);
    let global = module.add_global(array_type, None, DISPATCH_SYMBOL);
    global.set_linkage(Linkage::External);
    global.set_constant(true);
    global.set_alignment(4);
    let start = global.as_pointer_value().const_to_int(i64t);
    let values: Vec<IntValue> = words
        .iter()
        .map(|w| match w {
            Word::Value(v) => i32t.const_int(u64::from(*v), false),
            Word::Offset(g, offset) => locals
                .of(context, module, *g, *offset)
                .const_to_int(i64t)
                .const_sub(start)
                .const_truncate(i32t),
        })
        .collect();
    global.set_initializer(&i32t.const_array(&values));
    // The image's own init reads its data through a hidden alias, never
    // through the exported (on ELF, interposable) symbol.
    let alias = alias_of(module, global, SELF_SYMBOL);
    alias.set_linkage(Linkage::External);
    alias.set_visibility(inkwell::GlobalVisibility::Hidden);
    global
}

/// A new alias named `name` of `global` (a global of `module`), of the
/// global's own type; its linkage and visibility are the caller's to set.
pub(crate) fn alias_of<'ctx>(
    module: &Module<'ctx>,
    global: GlobalValue<'ctx>,
    name: &str,
) -> GlobalValue<'ctx> {
    let global = global.as_value_ref();
    let name = std::ffi::CString::new(name).expect("no NUL in LLVM names");
    // SAFETY: an alias of a live global of `module`, of the global's own
    // value type, in address space 0.
    unsafe {
        let ty = LLVMGlobalGetValueType(global);
        GlobalValue::new(LLVMAddAlias2(
            module.as_mut_ptr(),
            ty,
            0,
            global,
            name.as_ptr(),
        ))
    }
}

/// The hidden alias of the dispatch data that the image's init reads.
pub(crate) const SELF_SYMBOL: &str = "mvimg_dispatch_self";

/// Private aliases of the globals the data points at. A PC-relative word
/// cannot refer to a symbol another module may preempt (an exported function
/// or variable of an ELF shared library), so every word refers to a private
/// alias, which the assembler resolves within the object.
#[derive(Default)]
struct Locals {
    aliases: std::collections::HashMap<LLVMValueRef, LLVMValueRef>,
}

impl Locals {
    /// The address `offset` bytes into `global`, through the global's
    /// private alias.
    fn of<'ctx>(
        &mut self,
        context: &'ctx Context,
        module: &Module<'ctx>,
        global: GlobalValue<'ctx>,
        offset: u64,
    ) -> PointerValue<'ctx> {
        let alias = *self
            .aliases
            .entry(global.as_value_ref())
            .or_insert_with(|| {
                let name = format!("{}.mvimg.local", value_name(global.as_value_ref()));
                let alias = alias_of(module, global, &name);
                alias.set_linkage(Linkage::Private);
                alias.as_value_ref()
            });
        // SAFETY: `alias` is a live global value of pointer type.
        let alias = unsafe { PointerValue::new(alias) };
        if offset == 0 {
            return alias;
        }
        let at = context.i64_type().const_int(offset, false);
        // SAFETY: an in-bounds byte offset into the global's initializer,
        // found by walking it with the module's data layout.
        unsafe { alias.const_in_bounds_gep(context.i8_type(), &[at]) }
    }
}
