//! What each defined function of a module contains, for the clone plan: Julia's
//! categories (Julia's llvm-multiversioning.cpp) and the direct call graph.

use std::collections::HashMap;

use inkwell::llvm_sys::core::{
    LLVMAliasGetAliasee, LLVMCanValueUseFastMathFlags, LLVMDisposeMessage, LLVMGetConstOpcode,
    LLVMGetElementType, LLVMGetFastMathFlags, LLVMGetFirstGlobalAlias, LLVMGetIntTypeWidth,
    LLVMGetNextGlobalAlias, LLVMGetNumOperands, LLVMGetNumSuccessors, LLVMGetOperand,
    LLVMGetSuccessor, LLVMGetTypeKind, LLVMGetValueName2, LLVMIsAConstantArray,
    LLVMIsAConstantExpr, LLVMIsAConstantStruct, LLVMIsAConstantVector, LLVMIsAFunction,
    LLVMPrintValueToString, LLVMTypeOf,
};
use inkwell::llvm_sys::prelude::{LLVMBasicBlockRef, LLVMTypeRef, LLVMValueRef};
use inkwell::llvm_sys::target::{LLVMABISizeOfType, LLVMOffsetOfElement};
use inkwell::llvm_sys::{LLVMOpcode, LLVMTypeKind};
use inkwell::module::Module;
use inkwell::targets::TargetData;
use inkwell::values::{
    AsValueRef, BasicValueEnum, FunctionValue, GlobalValue, InstructionOpcode, InstructionValue,
};
use mvimg_cpu::{CloneCategories, CloneCategory};

/// The prefix of mvimg's CPU feature queries: `mvimg.cpu.have.<feature>() -> i1`.
pub const FEATURE_QUERY_PREFIX: &str = "mvimg.cpu.have.";

/// The prefix of Julia's code generator's FMA queries:
/// `julia.cpu.have_fma.<type>() -> i1` (`f16`, `f32`, `f64`), answered per
/// clone as mvimg's own queries are.
pub const JULIA_FMA_QUERY_PREFIX: &str = "julia.cpu.have_fma.";

/// What one defined function contains.
#[derive(Clone, Debug)]
pub struct FunctionInfo {
    /// The function's name.
    pub name: String,
    /// Julia's categories found in its body.
    pub categories: CloneCategories,
    /// Defined functions it calls directly (indices into the analysis), sorted,
    /// without repeats.
    pub callees: Vec<usize>,
    /// Defined functions its instructions use in any way (calls and
    /// addresses), sorted, without repeats.
    pub refs: Vec<usize>,
    /// Whether its body must be the target-0 one only: the wrapper that
    /// keeps a function's by-value vector convention for callers outside the
    /// image (see `abi`). No target clones it.
    pub fixed_abi: bool,
}

/// The analysis of every defined function of a module, in module order.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// One entry per defined function.
    pub functions: Vec<FunctionInfo>,
    /// Function name to index.
    pub index: HashMap<String, usize>,
}

/// The string attribute that marks the wrapper [`crate::abi::pass_vectors_in_memory`]
/// leaves under a function's name: its body is the target-0 one only (the
/// clone plan never clones it), the convention of callers outside the image.
pub(crate) const FIXED_ABI: &str = "mvimg-fixed-abi";

/// Whether `function` is such a wrapper.
pub(crate) fn fixed_abi(function: FunctionValue<'_>) -> bool {
    function
        .get_string_attribute(inkwell::attributes::AttributeLoc::Function, FIXED_ABI)
        .is_some()
}

/// Whether `f` is one of the module's own functions: defined, not an LLVM
/// intrinsic, and not an `available_externally` copy (a body kept for
/// inlining whose definition lives in another library).
pub(crate) fn is_original(f: FunctionValue<'_>) -> bool {
    f.count_basic_blocks() > 0
        && !f.get_name().to_bytes().starts_with(b"llvm.")
        && f.get_linkage() != inkwell::module::Linkage::AvailableExternally
}

/// The name of a live value as a `String` (bytes that are not UTF-8
/// replaced).
pub(crate) fn value_name(value: LLVMValueRef) -> String {
    let mut len = 0;
    // SAFETY: `value` is a live value; LLVM returns its name and length, and
    // the name is valid for `len` bytes.
    unsafe {
        let name = LLVMGetValueName2(value, &mut len);
        String::from_utf8_lossy(std::slice::from_raw_parts(name.cast::<u8>(), len)).into_owned()
    }
}

/// The name of a function as a `String`.
pub(crate) fn name_of(f: FunctionValue<'_>) -> String {
    f.get_name().to_string_lossy().into_owned()
}

/// Analyzes every defined function of `module`.
pub fn analyze(module: &Module<'_>) -> Analysis {
    let mut analysis = Analysis::default();
    for f in module.get_functions().filter(|f| is_original(*f)) {
        analysis.index.insert(name_of(f), analysis.functions.len());
        analysis.functions.push(FunctionInfo {
            name: name_of(f),
            categories: CloneCategories::NONE,
            callees: Vec::new(),
            refs: Vec::new(),
            fixed_abi: fixed_abi(f),
        });
    }
    for f in module.get_functions().filter(|f| is_original(*f)) {
        let i = analysis.index[&name_of(f)];
        let (categories, callees, refs) = scan(f, &analysis.index);
        let info = &mut analysis.functions[i];
        info.categories = categories;
        info.callees = callees;
        info.refs = refs;
    }
    analysis
}

fn scan(
    f: FunctionValue<'_>,
    index: &HashMap<String, usize>,
) -> (CloneCategories, Vec<usize>, Vec<usize>) {
    let mut categories = CloneCategories::NONE;
    let ty = f.get_type();
    // Vector arguments or result (Julia's "veccall").
    if ty.get_return_type().is_some_and(|t| t.is_vector_type())
        || ty.get_param_types().iter().any(|t| t.is_vector_type())
    {
        categories.insert(CloneCategory::Simd);
    }
    if has_cycle(f) {
        categories.insert(CloneCategory::Loop);
    }
    let (mut callees, mut refs) = (Vec::new(), Vec::new());
    for block in f.get_basic_block_iter() {
        for inst in block.get_instructions() {
            note_types(inst, &mut categories);
            for operand in operands(inst) {
                refs.extend(as_function(operand, index));
            }
            if is_fast_math(inst) {
                categories.insert(CloneCategory::Math);
            }
            if let Some(callee) = called_function(inst) {
                let name = callee.get_name().to_bytes();
                if name.starts_with(b"llvm.fmuladd.") || name.starts_with(b"llvm.fma.") {
                    categories.insert(CloneCategory::Math);
                }
                if name.starts_with(FEATURE_QUERY_PREFIX.as_bytes())
                    || name.starts_with(JULIA_FMA_QUERY_PREFIX.as_bytes())
                {
                    categories.insert(CloneCategory::Cpu);
                }
                if let Some(&i) = index.get(&*callee.get_name().to_string_lossy()) {
                    callees.push(i);
                }
            }
        }
    }
    callees.sort_unstable();
    callees.dedup();
    refs.sort_unstable();
    refs.dedup();
    (categories, callees, refs)
}

/// The function a call or invoke calls directly, if any.
pub(crate) fn called_function<'ctx>(inst: InstructionValue<'ctx>) -> Option<FunctionValue<'ctx>> {
    if !matches!(
        inst.get_opcode(),
        InstructionOpcode::Call | InstructionOpcode::Invoke | InstructionOpcode::CallBr
    ) {
        return None;
    }
    // The callee is the last operand.
    let n = inst.get_num_operands();
    let callee = inst.get_operand(n.checked_sub(1)?)?.value()?;
    match callee {
        BasicValueEnum::PointerValue(p) => {
            // SAFETY: `p` is a live value; LLVMIsAFunction only inspects it.
            let f = unsafe { LLVMIsAFunction(p.as_value_ref()) };
            if f.is_null() {
                None
            } else {
                // SAFETY: `f` is a function value of the same context.
                Some(unsafe { FunctionValue::new(f) }?)
            }
        }
        _ => None,
    }
}

fn is_fast_math(inst: InstructionValue<'_>) -> bool {
    let value = inst.as_value_ref();
    // SAFETY: `value` is a live instruction; both calls only read it (the
    // second only when the first says the instruction has fast-math flags).
    unsafe { LLVMCanValueUseFastMathFlags(value) != 0 && LLVMGetFastMathFlags(value) != 0 }
}

/// The operands of `inst` as raw values. inkwell's operand iterator cannot
/// represent every operand (it panics on metadata operands, such as those of
/// `llvm.experimental.noalias.scope.decl`, which real C code has).
pub(crate) fn operands(inst: InstructionValue<'_>) -> impl Iterator<Item = LLVMValueRef> {
    let value = inst.as_value_ref();
    // SAFETY: `value` is a live instruction; only its operand count is read.
    let n = unsafe { LLVMGetNumOperands(value) };
    // SAFETY: every index is below the operand count.
    (0..n.max(0) as u32).map(move |k| unsafe { LLVMGetOperand(value, k) })
}

/// Marks SIMD, Float16 and Bfloat16 from the instruction's type and its
/// operands' types.
fn note_types(inst: InstructionValue<'_>, categories: &mut CloneCategories) {
    let value = inst.as_value_ref();
    // SAFETY: live values; their types are only inspected.
    unsafe {
        note_type(LLVMTypeOf(value), categories);
        for operand in operands(inst).filter(|o| !o.is_null()) {
            note_type(LLVMTypeOf(operand), categories);
        }
    }
}

/// Marks SIMD for a vector type, Float16 and Bfloat16 for half and bfloat
/// scalars or elements.
///
/// # Safety
/// `ty` is a live type.
unsafe fn note_type(ty: LLVMTypeRef, categories: &mut CloneCategories) {
    use LLVMTypeKind::*;
    // SAFETY: per the contract; a vector type has an element type.
    let element = unsafe {
        match LLVMGetTypeKind(ty) {
            LLVMVectorTypeKind | LLVMScalableVectorTypeKind => {
                categories.insert(CloneCategory::Simd);
                LLVMGetTypeKind(LLVMGetElementType(ty))
            }
            kind => kind,
        }
    };
    match element {
        LLVMHalfTypeKind => categories.insert(CloneCategory::Float16),
        LLVMBFloatTypeKind => categories.insert(CloneCategory::Bfloat16),
        _ => {}
    }
}

/// Whether the control-flow graph has a cycle (a loop, natural or not),
/// by an iterative depth-first search for a back edge.
fn has_cycle(f: FunctionValue<'_>) -> bool {
    let Some(entry) = f.get_first_basic_block() else {
        return false;
    };
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        Open,
        Done,
    }
    let mut state: HashMap<LLVMBasicBlockRef, State> = HashMap::new();
    let mut stack: Vec<(LLVMBasicBlockRef, u32)> = vec![(entry.as_mut_ptr(), 0)];
    state.insert(entry.as_mut_ptr(), State::Open);
    while let Some(&mut (block, ref mut next)) = stack.last_mut() {
        // SAFETY: `block` is a live basic block of `f`; a block without a
        // terminator (not valid IR, but possible before verification) has none.
        let terminator = unsafe { inkwell::llvm_sys::core::LLVMGetBasicBlockTerminator(block) };
        // SAFETY: `terminator` is a live terminator instruction.
        let count = if terminator.is_null() {
            0
        } else {
            unsafe { LLVMGetNumSuccessors(terminator) }
        };
        if *next < count {
            // SAFETY: the index is below the successor count.
            let succ = unsafe { LLVMGetSuccessor(terminator, *next) };
            *next += 1;
            match state.get(&succ).copied().unwrap_or(State::New) {
                State::Open => return true,
                State::Done => {}
                State::New => {
                    state.insert(succ, State::Open);
                    stack.push((succ, 0));
                }
            }
        } else {
            state.insert(block, State::Done);
            stack.pop();
        }
    }
    false
}

/// The functions among `index` whose address `value` is (looking through
/// nothing: a plain function constant).
fn as_function(value: LLVMValueRef, index: &HashMap<String, usize>) -> Option<usize> {
    // SAFETY: `value` is a live value; LLVMIsAFunction only inspects it.
    let f = unsafe { LLVMIsAFunction(value) };
    if f.is_null() {
        return None;
    }
    // SAFETY: `f` is a function value of the same context.
    let f = unsafe { FunctionValue::new(f) }?;
    index.get(&*f.get_name().to_string_lossy()).copied()
}

/// Every global alias whose aliasee is directly one of the analyzed
/// functions, as (alias name, alias, function index).
pub(crate) fn function_aliases(
    module: &Module<'_>,
    index: &HashMap<String, usize>,
) -> Vec<(String, LLVMValueRef, usize)> {
    let mut out = Vec::new();
    // SAFETY: walking the alias list of a live module, reading each alias.
    unsafe {
        let mut alias = LLVMGetFirstGlobalAlias(module.as_mut_ptr());
        while !alias.is_null() {
            if let Some(i) = as_function(LLVMAliasGetAliasee(alias), index) {
                out.push((value_name(alias), alias, i));
            }
            alias = LLVMGetNextGlobalAlias(alias);
        }
    }
    out
}

/// Whether the initializer of `global` is read by the toolchain rather than
/// the program: LLVM's intrinsic globals (`llvm.global_ctors`,
/// `llvm.used`, ...) and the constructor and destructor arrays, which the
/// loader runs before the image's init could dispatch anything (their
/// functions run their target-0 bodies, like any code before dispatch).
fn is_toolchain_data(global: GlobalValue<'_>) -> bool {
    if global.get_name().to_bytes().starts_with(b"llvm.") {
        return true;
    }
    let section = global
        .get_section()
        .map(|s| s.to_bytes().to_vec())
        .unwrap_or_default();
    [
        &b".init_array"[..],
        b".fini_array",
        b".preinit_array",
        b".ctors",
        b".dtors",
        b"__DATA,__mod_init_func",
        b"__DATA,__mod_term_func",
        b".CRT$X",
    ]
    .iter()
    .any(|prefix| section.starts_with(prefix))
}

/// Finds, for every analyzed function, its instruction uses, the data
/// locations holding its address that are patched at load (plain pointers
/// and pointer-sized `ptrtoint`s in local variables, at any depth of
/// structs, arrays and vectors), the places in data where its address
/// cannot be patched (other constant forms; exported variables), and the
/// aliases naming it. LLVM's intrinsic globals and the constructor and
/// destructor arrays are not looked at: they run target-0 bodies.
pub fn scan_uses(module: &Module<'_>, analysis: &Analysis, layout: &TargetData) -> Uses {
    let n = analysis.functions.len();
    let mut uses = Uses {
        by_instructions: vec![false; n],
        in_data: vec![Vec::new(); n],
        pinned: vec![Vec::new(); n],
        aliases: vec![Vec::new(); n],
    };
    for info in &analysis.functions {
        for &i in &info.refs {
            uses.by_instructions[i] = true;
        }
    }
    let walker = Walker {
        layout,
        analysis,
        pointer_bits: layout.get_pointer_byte_size(None) * 8,
    };
    for global in module.get_globals() {
        if is_toolchain_data(global) {
            continue;
        }
        if let Some(init) = global.get_initializer() {
            let name = global.get_name().to_string_lossy().into_owned();
            let place = Place {
                global: &name,
                unpatchable: unpatchable(global),
            };
            walker.walk(init.as_value_ref(), 0, &place, &mut uses);
        }
    }
    for (alias, _, i) in function_aliases(module, &analysis.index) {
        uses.aliases[i].push(alias);
    }
    uses
}

/// The global whose initializer is walked.
struct Place<'a> {
    global: &'a str,
    /// Why the image's init cannot patch addresses in it, if so.
    unpatchable: Option<String>,
}

/// Why the image's init could not patch a function address in `global`'s
/// initializer so that every reader sees it: an exported variable may be
/// copied by an executable (ELF copy relocation) before the init runs; a
/// thread-local one is a template that threads may have copied already; one
/// in a section of the program's choosing may not be made writable.
fn unpatchable(global: GlobalValue<'_>) -> Option<String> {
    let name = global.get_name().to_string_lossy();
    if global.is_thread_local() {
        return Some(format!("in the thread-local variable `{name}`"));
    }
    if let Some(section) = global.get_section() {
        return Some(format!(
            "in `{name}`, which the code places in section `{}`",
            section.to_string_lossy()
        ));
    }
    let local = matches!(
        global.get_linkage(),
        inkwell::module::Linkage::Internal | inkwell::module::Linkage::Private
    );
    if !local && global.get_visibility() != inkwell::GlobalVisibility::Hidden {
        return Some(format!(
            "in the exported variable `{name}`, which an executable may copy before the \
             image's init runs"
        ));
    }
    None
}

/// Walks global initializers for function addresses.
struct Walker<'a> {
    layout: &'a TargetData,
    analysis: &'a Analysis,
    pointer_bits: u32,
}

impl Walker<'_> {
    fn walk(&self, value: LLVMValueRef, offset: u64, place: &Place<'_>, uses: &mut Uses) {
        let location = || DataLocation {
            global: place.global.to_owned(),
            offset,
        };
        // A plain address: patched at load, unless it cannot be.
        let plain = |i: usize, uses: &mut Uses| match &place.unpatchable {
            Some(why) => uses.pinned[i].push(PinnedAddress {
                location: location(),
                form: why.clone(),
            }),
            None => uses.in_data[i].push(location()),
        };
        if let Some(i) = as_function(value, &self.analysis.index) {
            plain(i, uses);
            return;
        }
        // SAFETY: `value` is a live constant; these calls only read it, its
        // operands and their types.
        unsafe {
            if !LLVMIsAConstantExpr(value).is_null() {
                let opcode = LLVMGetConstOpcode(value);
                let operand = LLVMGetOperand(value, 0);
                let width = LLVMGetTypeKind(LLVMTypeOf(value)) == LLVMTypeKind::LLVMIntegerTypeKind
                    && LLVMGetIntTypeWidth(LLVMTypeOf(value)) == self.pointer_bits;
                if opcode == LLVMOpcode::LLVMPtrToInt && width {
                    if let Some(i) = as_function(operand, &self.analysis.index) {
                        plain(i, uses);
                        return;
                    }
                }
                let mut found = Vec::new();
                self.functions_in(value, &mut found);
                found.sort_unstable();
                found.dedup();
                for i in found {
                    uses.pinned[i].push(PinnedAddress {
                        location: location(),
                        form: constant_form(value),
                    });
                }
                return;
            }
            let aggregate = !LLVMIsAConstantStruct(value).is_null()
                || !LLVMIsAConstantArray(value).is_null()
                || !LLVMIsAConstantVector(value).is_null();
            if !aggregate {
                return;
            }
            let ty = LLVMTypeOf(value);
            let is_struct = LLVMGetTypeKind(ty) == LLVMTypeKind::LLVMStructTypeKind;
            for k in 0..LLVMGetNumOperands(value) {
                let element = LLVMGetOperand(value, k as u32);
                let at = if is_struct {
                    LLVMOffsetOfElement(self.layout.as_mut_ptr(), ty, k as u32)
                } else {
                    LLVMABISizeOfType(self.layout.as_mut_ptr(), LLVMTypeOf(element)) * k as u64
                };
                self.walk(element, offset + at, place, uses);
            }
        }
    }

    /// The analyzed functions anywhere inside the constant `value`.
    fn functions_in(&self, value: LLVMValueRef, found: &mut Vec<usize>) {
        if let Some(i) = as_function(value, &self.analysis.index) {
            found.push(i);
            return;
        }
        // SAFETY: `value` is a live constant; only its operands are read.
        unsafe {
            if LLVMIsAConstantExpr(value).is_null()
                && LLVMIsAConstantStruct(value).is_null()
                && LLVMIsAConstantArray(value).is_null()
                && LLVMIsAConstantVector(value).is_null()
            {
                return;
            }
            for k in 0..LLVMGetNumOperands(value) {
                self.functions_in(LLVMGetOperand(value, k as u32), found);
            }
        }
    }
}

/// The constant expression `value` as LLVM prints it, shortened.
fn constant_form(value: LLVMValueRef) -> String {
    // SAFETY: `value` is a live constant; the printed string is copied and
    // freed.
    let text = unsafe {
        let raw = LLVMPrintValueToString(value);
        let text = std::ffi::CStr::from_ptr(raw).to_string_lossy().into_owned();
        LLVMDisposeMessage(raw);
        text
    };
    const MAX: usize = 160;
    match text.char_indices().nth(MAX) {
        Some((end, _)) => format!("{}...", &text[..end]),
        None => text,
    }
}

/// A location in a global's initializer holding a function's address.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DataLocation {
    /// The global variable.
    pub global: String,
    /// The byte offset of the pointer in its initializer.
    pub offset: u64,
}

/// A place in data holding a function's address that cannot be pointed at
/// the selected body at load: a constant expression other than a plain
/// pointer or a pointer-sized `ptrtoint` (an address plus an offset, a
/// difference of addresses, a truncated address...), or any form in an
/// exported variable (an executable may copy it, ELF copy relocation, before
/// the image's init runs), a thread-local one (threads may have copied its
/// template) or one in a section the code chose.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PinnedAddress {
    /// Where in data.
    pub location: DataLocation,
    /// The value as LLVM prints it (shortened), or why a plain pointer is
    /// pinned.
    pub form: String,
}

/// What the module says about uses, beyond the per-function analysis.
#[derive(Clone, Debug, Default)]
pub struct Uses {
    /// For each analyzed function: whether an instruction uses it (a call or
    /// its address).
    pub by_instructions: Vec<bool>,
    /// For each analyzed function: the data locations holding its address.
    pub in_data: Vec<Vec<DataLocation>>,
    /// For each analyzed function: the places in data holding its address
    /// that cannot be patched at load.
    pub pinned: Vec<Vec<PinnedAddress>>,
    /// For each analyzed function: the aliases naming it.
    pub aliases: Vec<Vec<String>>,
}
