//! Applies a [`ClonePlan`] to a module (the work of Julia's
//! llvm-multiversioning.cpp, with mvimg's entries): clone declarations and
//! bodies, slots and the rewriting of shared bodies' uses, entry and alias
//! trampolines, data locations, feature queries lowered per body, per-target
//! attributes, and what the dispatch data lists of each function (dispatch.rs
//! writes the data, docs/FORMAT.md).

use std::collections::HashMap;

use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::context::{AsContextRef, Context};
use inkwell::llvm_sys::core::{
    LLVMAddGlobal, LLVMGetAlignment, LLVMGetBasicBlockParent, LLVMGetFirstUse,
    LLVMGetIncomingBlock, LLVMGetInstructionParent, LLVMGetLinkage, LLVMGetMDKindIDInContext,
    LLVMGetNextUse, LLVMGetUnnamedAddress, LLVMGetUser, LLVMGlobalGetValueType,
    LLVMInstructionEraseFromParent, LLVMIsAInstruction, LLVMIsGlobalConstant, LLVMMDNodeInContext2,
    LLVMMetadataAsValue, LLVMRemoveStringAttributeAtIndex, LLVMReplaceAllUsesWith,
    LLVMSetAlignment, LLVMSetGlobalConstant, LLVMSetLinkage, LLVMSetMetadata,
    LLVMSetUnnamedAddress, LLVMSetValueName2,
};
use inkwell::llvm_sys::prelude::LLVMValueRef;
use inkwell::llvm_sys::LLVMTailCallKind;
use inkwell::module::{Linkage, Module};
use inkwell::types::BasicType;
use inkwell::values::{
    AsValueRef, BasicMetadataValueEnum, BasicValue, FunctionValue, GlobalValue, InstructionOpcode,
    InstructionValue, ValueKind,
};
use inkwell::GlobalVisibility;
use mvimg_cpu::{ResolvedTargets, SizeGoal};

use crate::analysis::{
    called_function, name_of, value_name, Analysis, FEATURE_QUERY_PREFIX, JULIA_FMA_QUERY_PREFIX,
};
use crate::dispatch::{DispatchFunction, DispatchTables};
use crate::plan::{ClonePlan, SlotReason};
use crate::Error;

/// The name of target `t`'s clone of `name`.
pub fn clone_name(name: &str, t: usize) -> String {
    format!("{name}.mvimg.{t}")
}

/// The ELF section of the slots: part of the RELRO segment, which the dynamic
/// loader makes read-only after relocation; the image's init makes it
/// writable for the fill and read-only again.
pub const SLOT_SECTION: &str = ".data.rel.ro.mvimg.slots";

/// The name of `name`'s slot.
pub fn slot_name(name: &str) -> String {
    format!("{name}.mvimg.slot")
}

/// The name of the internal trampoline of `name`, a function that is not an
/// entry (an entry's trampoline takes its name).
pub fn trampoline_name(name: &str) -> String {
    format!("{name}.mvimg.trampoline")
}

/// The name of the call stub of `name`: shared code calls it directly, and
/// it jumps through the slot (`jmp *slot(%rip)` on x86_64), the shape of a
/// PLT entry.
pub fn stub_name(name: &str) -> String {
    format!("{name}.mvimg.stub")
}

/// The attribute index LLVM's C API uses for function attributes.
const FUNCTION_INDEX: u32 = u32::MAX;

/// Applies `plan` to `module` and returns what the dispatch data lists, in
/// named phases (Julia's CloneCtx has the same): declare the clones, clone
/// their bodies, make the slots, route addresses through trampolines (or
/// IFUNC entries), send shared code's calls through stubs, make patched
/// globals writable, then lower feature queries and set each body's target
/// attributes.
pub(crate) fn apply<'ctx>(
    context: &'ctx Context,
    module: &Module<'ctx>,
    platform: &mvimg_cpu::Platform,
    plan: &ClonePlan,
    targets: &ResolvedTargets,
    analysis: &Analysis,
) -> Result<DispatchTables<'ctx>, Error> {
    let mut cx = CloneCtx::declare_clones(context, module, plan, targets, analysis)?;
    cx.clone_bodies();
    cx.make_slots(platform);
    cx.route_addresses()?;
    cx.call_through_stubs()?;
    let relocations = cx.writable_relocations();
    cx.lower_and_set_targets()?;
    Ok(cx.dispatch_tables(&relocations))
}

/// What the phases of [`apply`] share: the module, the plan, each
/// function's original and per-target bodies, block-address tables and slots.
struct CloneCtx<'a, 'ctx> {
    context: &'ctx Context,
    module: &'a Module<'ctx>,
    plan: &'a ClonePlan,
    targets: &'a ResolvedTargets,
    analysis: &'a Analysis,
    /// Each planned function's original body (target 0's).
    orig: Vec<FunctionValue<'ctx>>,
    /// `clones[t][i]`: target t's body of function i, when it clones it.
    clones: Vec<Vec<Option<FunctionValue<'ctx>>>>,
    /// Each function's block-address tables (a computed goto's `static`
    /// array of labels).
    tables: Vec<Vec<LLVMValueRef>>,
    /// `table_copies[t][i]`: target t's copies of function i's tables,
    /// naming its own blocks.
    table_copies: Vec<Vec<Vec<LLVMValueRef>>>,
    /// Each function's slot, when it has one.
    slots: Vec<Option<GlobalValue<'ctx>>>,
    /// The `!invariant.load` kind and node loads of slots carry.
    invariant: (u32, LLVMValueRef),
}

impl<'a, 'ctx> CloneCtx<'a, 'ctx> {
    /// Declares every clone (internal, of the original's type) and copies
    /// the block-address tables of every function that has clones.
    fn declare_clones(
        context: &'ctx Context,
        module: &'a Module<'ctx>,
        plan: &'a ClonePlan,
        targets: &'a ResolvedTargets,
        analysis: &'a Analysis,
    ) -> Result<Self, Error> {
        let n = plan.functions.len();
        let nt = plan.targets.len();
        let orig: Vec<FunctionValue<'ctx>> = plan
            .functions
            .iter()
            .map(|f| {
                module
                    .get_function(&f.name)
                    .ok_or_else(|| Error::PlanFunction {
                        function: f.name.clone(),
                    })
            })
            .collect::<Result<_, _>>()?;
        let mut clones: Vec<Vec<Option<FunctionValue<'ctx>>>> = vec![vec![None; n]; nt];
        for (i, f) in plan.functions.iter().enumerate() {
            for c in &f.clones {
                let decl = module.add_function(
                    &clone_name(&f.name, c.target),
                    orig[i].get_type(),
                    Some(Linkage::Internal),
                );
                clones[c.target][i] = Some(decl);
            }
        }
        // Block-address tables: each clone gets copies whose addresses name
        // its own blocks.
        let mut tables: Vec<Vec<LLVMValueRef>> = vec![Vec::new(); n];
        for (i, f) in plan.functions.iter().enumerate() {
            if !f.clones.is_empty() {
                tables[i] = block_tables(orig[i])?;
            }
        }
        let mut table_copies: Vec<Vec<Vec<LLVMValueRef>>> = vec![vec![Vec::new(); n]; nt];
        for (i, f) in plan.functions.iter().enumerate() {
            for c in &f.clones {
                table_copies[c.target][i] = tables[i]
                    .iter()
                    .map(|&table| copy_table(module, table, c.target))
                    .collect();
            }
        }
        Ok(CloneCtx {
            context,
            module,
            plan,
            targets,
            analysis,
            orig,
            clones,
            tables,
            table_copies,
            slots: vec![None; n],
            invariant: invariant_load(context),
        })
    }

    /// The body group `g` bases function `i` on: the group's clone, or the
    /// original (a clone_all target clones every function but the fixed-ABI
    /// wrappers, whose one body is the original).
    fn group_base(&self, g: usize, i: usize) -> FunctionValue<'ctx> {
        self.clones[g][i].unwrap_or(self.orig[i])
    }

    /// Clones the bodies: clone_all targets from the originals, then partial
    /// targets from their group's base version. Uses of functions the
    /// target also clones go to those clones.
    fn clone_bodies(&self) {
        let (n, nt) = (self.orig.len(), self.plan.targets.len());
        for t in (1..nt).filter(|&t| self.plan.targets[t].clone_all) {
            for i in 0..n {
                let Some(body) = self.clones[t][i] else {
                    continue;
                };
                let (from, to): (Vec<_>, Vec<_>) = self.analysis.functions[i]
                    .refs
                    .iter()
                    .filter_map(|&j| Some((raw(self.orig[j]), raw(self.clones[t][j]?))))
                    .chain(
                        self.tables[i]
                            .iter()
                            .copied()
                            .zip(self.table_copies[t][i].iter().copied()),
                    )
                    .unzip();
                // SAFETY: both functions are in the module, `body` is an
                // empty function of the original's type, each map pair has
                // one type.
                unsafe { clone_body(self.orig[i], body, &from, &to) };
            }
        }
        for t in (1..nt).filter(|&t| !self.plan.targets[t].clone_all) {
            let g = self.plan.group(t);
            for i in 0..n {
                let Some(body) = self.clones[t][i] else {
                    continue;
                };
                let source_tables = if g == 0 {
                    &self.tables[i]
                } else {
                    &self.table_copies[g][i]
                };
                let (from, to): (Vec<_>, Vec<_>) = self.analysis.functions[i]
                    .refs
                    .iter()
                    .filter_map(|&j| Some((raw(self.group_base(g, j)), raw(self.clones[t][j]?))))
                    .chain(
                        source_tables
                            .iter()
                            .copied()
                            .zip(self.table_copies[t][i].iter().copied()),
                    )
                    .unzip();
                // SAFETY: as above.
                unsafe { clone_body(self.group_base(g, i), body, &from, &to) };
            }
        }
    }

    /// Makes the slots, initialized to the target-0 body, so that an image
    /// nobody dispatched runs its baseline code.
    fn make_slots(&mut self, platform: &mvimg_cpu::Platform) {
        let ptr = self.context.ptr_type(Default::default());
        let relro = platform.relro();
        for (i, f) in self.plan.functions.iter().enumerate() {
            if f.slot.is_empty() {
                continue;
            }
            let slot = self.module.add_global(ptr, None, &slot_name(&f.name));
            slot.set_linkage(Linkage::External);
            slot.set_visibility(GlobalVisibility::Hidden);
            slot.set_initializer(&self.orig[i].as_global_value().as_pointer_value());
            if relro {
                slot.set_section(Some(SLOT_SECTION));
            }
            self.slots[i] = Some(slot);
        }
    }

    /// Every body of function `i`: the original, then its clones.
    fn bodies(&self, i: usize) -> impl Iterator<Item = FunctionValue<'ctx>> + '_ {
        std::iter::once(self.orig[i]).chain(self.clones.iter().filter_map(move |t| t[i]))
    }

    /// Functions with a trampoline: it stands for the function wherever its
    /// address is used (in code, data, aliases and constant expressions of
    /// any form), so every way of taking the address gives one value, as in
    /// the ordinary build; direct calls keep calling the bodies. An entry's
    /// trampoline takes its exported name and the original body stays
    /// inside as the target-0 version. On glibc ELF an entry with clones is
    /// an IFUNC instead, and its address in code loads the slot.
    fn route_addresses(&self) -> Result<(), Error> {
        let (context, module, targets) = (self.context, self.module, self.targets);
        let ptr = context.ptr_type(Default::default());
        let builder = context.create_builder();
        for (i, f) in self.plan.functions.iter().enumerate() {
            if f.ifunc {
                let slot = self.slots[i].expect("an entry with clones has a slot");
                ifunc_entry(context, module, &f.name, self.orig[i], slot, targets)?;
                // Its address in code is the selected body, as outside (the
                // resolver's answer) and in data (patched cells); calls stay
                // direct.
                for body in self.bodies(i) {
                    load_addresses(body, slot, &builder, ptr, self.invariant)?;
                }
                continue;
            }
            if !SlotReason::needs_trampoline(&f.slot, false) {
                continue;
            }
            let body = self.orig[i];
            let slot = self.slots[i].expect("a function with a trampoline has a slot");
            let t = if f.slot.contains(&SlotReason::Entry) {
                let global = body.as_global_value();
                let (linkage, visibility, storage) = internal_target0(body, &f.name);
                let t = trampoline(context, module, &f.name, body, slot, self.invariant)?;
                t.set_linkage(linkage);
                t.as_global_value().set_visibility(visibility);
                t.as_global_value().set_dll_storage_class(storage);
                // The exported symbol takes the body's place in its comdat (a
                // COFF comdat must define a symbol of its own name); the
                // body, now internal, leaves it.
                if let Some(comdat) = global.get_comdat() {
                    t.as_global_value().set_comdat(comdat);
                    // SAFETY: clearing the comdat of a live function.
                    unsafe {
                        inkwell::llvm_sys::comdat::LLVMSetComdat(raw(body), std::ptr::null_mut())
                    };
                }
                t
            } else {
                let t = trampoline(
                    context,
                    module,
                    &trampoline_name(&f.name),
                    body,
                    slot,
                    self.invariant,
                )?;
                t.set_linkage(Linkage::Internal);
                t
            };
            set_target_attributes(context, t, targets, 0);
            for b in self.bodies(i) {
                route_addresses(b, t);
            }
            // The slot starts at the target-0 body, not at the trampoline.
            slot.set_initializer(&body.as_global_value().as_pointer_value());
        }
        Ok(())
    }

    /// Shared bodies use the slot of a function some target of their group
    /// clones on its own: calls go to the function's call stub (a direct
    /// call to a jump through the slot: ci/bench measured it faster than an
    /// indirect call through the loaded slot, and on par with a glibc
    /// ifunc's PLT call), other uses load the slot.
    fn call_through_stubs(&self) -> Result<(), Error> {
        let (context, plan) = (self.context, self.plan);
        let ptr = context.ptr_type(Default::default());
        let builder = context.create_builder();
        let nt = plan.targets.len();
        let groups: Vec<usize> = (0..nt).filter(|&t| plan.group(t) == t).collect();
        let mut stubs: Vec<Option<FunctionValue<'ctx>>> = vec![None; self.orig.len()];
        for &g in &groups {
            let mut rewrite: HashMap<LLVMValueRef, SlotUse<'ctx>> = HashMap::new();
            for (i, f) in plan.functions.iter().enumerate() {
                let cloned_in_group = f
                    .clones
                    .iter()
                    .any(|c| c.target != g && plan.group(c.target) == g);
                if f.slot.contains(&SlotReason::SharedCaller) && cloned_in_group {
                    let slot = self.slots[i].expect("slot");
                    let stub = match stubs[i] {
                        Some(stub) => stub,
                        None => {
                            let stub = self.stub(&f.name, i, slot)?;
                            stubs[i] = Some(stub);
                            stub
                        }
                    };
                    rewrite.insert(raw(self.group_base(g, i)), SlotUse { slot, stub });
                }
            }
            if rewrite.is_empty() {
                continue;
            }
            for (i, info) in self.analysis.functions.iter().enumerate() {
                let body = self.group_base(g, i);
                if info
                    .refs
                    .iter()
                    .any(|&j| rewrite.contains_key(&raw(self.group_base(g, j))))
                {
                    rewrite_uses(body, &rewrite, &builder, ptr, self.invariant)?;
                }
            }
        }
        Ok(())
    }

    /// The call stub of function `i` (`name`), jumping through `slot`.
    fn stub(
        &self,
        name: &str,
        i: usize,
        slot: GlobalValue<'ctx>,
    ) -> Result<FunctionValue<'ctx>, Error> {
        let context = self.context;
        let stub = trampoline(
            context,
            self.module,
            &stub_name(name),
            self.orig[i],
            slot,
            self.invariant,
        )?;
        stub.set_linkage(Linkage::Internal);
        set_target_attributes(context, stub, self.targets, 0);
        // A stub inlined would be the indirect call again (the function's
        // own inlining attributes go).
        for kind in ["alwaysinline", "inlinehint"] {
            stub.remove_enum_attribute(
                AttributeLoc::Function,
                Attribute::get_named_enum_kind_id(kind),
            );
        }
        stub.add_attribute(
            AttributeLoc::Function,
            context.create_enum_attribute(Attribute::get_named_enum_kind_id("noinline"), 0),
        );
        Ok(stub)
    }

    /// Makes the globals holding addresses that are patched at load
    /// writable; returns (function, global, offset) for each cell.
    fn writable_relocations(&self) -> Vec<(usize, GlobalValue<'ctx>, u64)> {
        let mut relocations = Vec::new();
        for (i, f) in self.plan.functions.iter().enumerate() {
            for location in &f.relocations {
                let global = self
                    .module
                    .get_global(&location.global)
                    .expect("the global exists");
                global.set_constant(false);
                relocations.push((i, global, location.offset));
            }
        }
        relocations
    }

    /// Lowers the feature queries of each body for its target and sets each
    /// body's target attributes.
    fn lower_and_set_targets(&self) -> Result<(), Error> {
        let mut body_target: HashMap<LLVMValueRef, usize> = HashMap::new();
        for i in 0..self.orig.len() {
            body_target.insert(raw(self.orig[i]), 0);
            for (t, per_target) in self.clones.iter().enumerate() {
                if let Some(body) = per_target[i] {
                    body_target.insert(raw(body), t);
                }
            }
        }
        lower_feature_queries(self.context, self.module, self.targets, &body_target)?;
        for i in 0..self.orig.len() {
            set_target_attributes(self.context, self.orig[i], self.targets, 0);
            for (t, per_target) in self.clones.iter().enumerate() {
                if let Some(body) = per_target[i] {
                    set_target_attributes(self.context, body, self.targets, t);
                }
            }
        }
        Ok(())
    }

    /// What the dispatch data lists of each dispatched function.
    fn dispatch_tables(
        &self,
        relocations: &[(usize, GlobalValue<'ctx>, u64)],
    ) -> DispatchTables<'ctx> {
        let nt = self.plan.targets.len();
        let functions = self
            .plan
            .functions
            .iter()
            .enumerate()
            .filter(|(_, f)| f.dispatched())
            .map(|(i, f)| DispatchFunction {
                name: f.name.clone(),
                entry: f.entry,
                // A fixed-ABI wrapper's one body serves every target (a
                // clone_all target lists a body for every function).
                bodies: (0..nt)
                    .map(|t| match self.clones[t][i] {
                        None if t == 0 || self.analysis.functions[i].fixed_abi => {
                            Some(self.orig[i])
                        }
                        body => body,
                    })
                    .collect(),
                slot: self.slots[i],
                relocations: relocations
                    .iter()
                    .filter(|r| r.0 == i)
                    .map(|r| (r.1, r.2))
                    .collect(),
            })
            .collect();
        DispatchTables { functions }
    }
}

fn raw(f: FunctionValue<'_>) -> LLVMValueRef {
    f.as_value_ref()
}

/// [`mvimg_llvm_shim::clone_body`] on inkwell values.
///
/// # Safety
///
/// As for [`mvimg_llvm_shim::clone_body`].
unsafe fn clone_body(
    source: FunctionValue<'_>,
    dest: FunctionValue<'_>,
    from: &[LLVMValueRef],
    to: &[LLVMValueRef],
) {
    let from: Vec<*mut std::ffi::c_void> = from.iter().map(|v| v.cast()).collect();
    let to: Vec<*mut std::ffi::c_void> = to.iter().map(|v| v.cast()).collect();
    // SAFETY: guaranteed by the caller.
    unsafe { mvimg_llvm_shim::clone_body(raw(source).cast(), raw(dest).cast(), &from, &to) }
}

/// The users of `value`, once each, in use-list order.
fn users(value: LLVMValueRef) -> Vec<LLVMValueRef> {
    let mut out = Vec::new();
    // SAFETY: walking the use list of a live value; users are only listed.
    unsafe {
        let mut u = LLVMGetFirstUse(value);
        while !u.is_null() {
            out.push(LLVMGetUser(u));
            u = LLVMGetNextUse(u);
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|user| seen.insert(*user));
    out
}

/// Replaces every use of `body` by `t`, except as the callee of a call and
/// in block addresses (a computed goto's labels stay `body`'s).
fn route_addresses(body: FunctionValue<'_>, t: FunctionValue<'_>) {
    // SAFETY: live functions of one module and type.
    unsafe { mvimg_llvm_shim::replace_address_uses(raw(body).cast(), raw(t).cast()) }
}

/// The block-address tables of `f` ([`mvimg_llvm_shim::block_tables`]), or
/// the error naming what else uses one of its block addresses.
fn block_tables(f: FunctionValue<'_>) -> Result<Vec<LLVMValueRef>, Error> {
    // SAFETY: a live function; only this thread uses its context.
    match unsafe { mvimg_llvm_shim::block_tables(raw(f).cast()) } {
        Ok(tables) => Ok(tables.into_iter().map(|t| t.cast()).collect()),
        Err(user) => {
            let user: LLVMValueRef = user.cast();
            // SAFETY: `user` is a live instruction or global; only inspected.
            let named = unsafe {
                if LLVMIsAInstruction(user).is_null() {
                    format!("`{}`", value_name(user))
                } else {
                    let function = LLVMGetBasicBlockParent(LLVMGetInstructionParent(user));
                    format!("an instruction of `{}`", value_name(function))
                }
            };
            Err(Error::BlockAddressEscapes {
                function: name_of(f),
                user: named,
            })
        }
    }
}

/// An empty copy of the block-address table `table` for target `t`'s clone
/// (`TABLE.mvimg.T`, with the table's type, linkage, constness, alignment
/// and unnamed_addr): [`clone_body`] fills it.
fn copy_table(module: &Module<'_>, table: LLVMValueRef, t: usize) -> LLVMValueRef {
    // Named after creation: an LLVM name may hold any byte, NUL included.
    let name = clone_name(&value_name(table), t);
    // SAFETY: `table` is a live variable of `module`; the copy is added to
    // it; the name is valid for its length.
    unsafe {
        let copy = LLVMAddGlobal(
            module.as_mut_ptr(),
            LLVMGlobalGetValueType(table),
            c"".as_ptr(),
        );
        LLVMSetValueName2(copy, name.as_ptr().cast(), name.len());
        LLVMSetLinkage(copy, LLVMGetLinkage(table));
        LLVMSetGlobalConstant(copy, LLVMIsGlobalConstant(table));
        LLVMSetAlignment(copy, LLVMGetAlignment(table));
        LLVMSetUnnamedAddress(copy, LLVMGetUnnamedAddress(table));
        copy
    }
}

/// `!invariant.load !{}` as (kind, node).
fn invariant_load(context: &Context) -> (u32, LLVMValueRef) {
    let name = "invariant.load";
    // SAFETY: the context is live; the name is valid for the given length;
    // an empty MDNode of that context.
    unsafe {
        let kind = LLVMGetMDKindIDInContext(
            context.as_ctx_ref(),
            name.as_ptr().cast(),
            name.len() as u32,
        );
        let node = LLVMMDNodeInContext2(context.as_ctx_ref(), std::ptr::null_mut(), 0);
        (kind, LLVMMetadataAsValue(context.as_ctx_ref(), node))
    }
}

/// How shared code reaches a function it does not call directly: its slot,
/// and its call stub.
#[derive(Clone, Copy)]
struct SlotUse<'ctx> {
    slot: GlobalValue<'ctx>,
    stub: FunctionValue<'ctx>,
}

/// Replaces, in `body`, every instruction operand found in `rewrite`: the
/// callee of a call or invoke by the function's call stub, any other use
/// by a load of its slot placed before the instruction (for a PHI, at the
/// end of the incoming block).
fn rewrite_uses<'ctx>(
    body: FunctionValue<'ctx>,
    rewrite: &HashMap<LLVMValueRef, SlotUse<'ctx>>,
    builder: &inkwell::builder::Builder<'ctx>,
    ptr: inkwell::types::PointerType<'ctx>,
    invariant: (u32, LLVMValueRef),
) -> Result<(), Error> {
    let mut sites: Vec<(InstructionValue<'ctx>, u32, GlobalValue<'ctx>)> = Vec::new();
    for block in body.get_basic_block_iter() {
        for inst in block.get_instructions() {
            let operands = inst.get_num_operands();
            let is_call = matches!(
                inst.get_opcode(),
                InstructionOpcode::Call | InstructionOpcode::Invoke
            );
            for (k, value) in crate::analysis::operands(inst).enumerate() {
                let Some(used) = rewrite.get(&value) else {
                    continue;
                };
                // The callee is a call's (an invoke's) last operand.
                if is_call && k as u32 + 1 == operands {
                    let stub = used.stub.as_global_value().as_pointer_value();
                    inst.set_operand(k as u32, stub);
                } else {
                    sites.push((inst, k as u32, used.slot));
                }
            }
        }
    }
    insert_slot_loads(sites, builder, ptr, invariant)
}

/// Replaces operand `k` of each instruction by a load of `slot` (invariant)
/// placed before it, or for a PHI at the end of the incoming block.
fn insert_slot_loads<'ctx>(
    sites: Vec<(InstructionValue<'ctx>, u32, GlobalValue<'ctx>)>,
    builder: &inkwell::builder::Builder<'ctx>,
    ptr: inkwell::types::PointerType<'ctx>,
    invariant: (u32, LLVMValueRef),
) -> Result<(), Error> {
    for (inst, k, slot) in sites {
        if inst.get_opcode() == InstructionOpcode::Phi {
            // SAFETY: `inst` is a PHI with an incoming block for operand `k`.
            let incoming = unsafe { LLVMGetIncomingBlock(inst.as_value_ref(), k) };
            // SAFETY: a live basic block of `body`.
            let block = unsafe { inkwell::basic_block::BasicBlock::new(incoming) }
                .expect("an incoming block");
            builder.position_before(&block.get_terminator().expect("a terminator"));
        } else {
            builder.position_before(&inst);
        }
        let load = builder
            .build_load(ptr, slot.as_pointer_value(), "slot")
            .map_err(|e| Error::Builder {
                building: "a slot load".into(),
                message: e.to_string(),
            })?;
        // SAFETY: `load` is a live load instruction; the node is of its context.
        unsafe { LLVMSetMetadata(load.as_value_ref(), invariant.0, invariant.1) };
        inst.set_operand(k, load);
    }
    Ok(())
}

/// Makes entry `body` (named `name`) its own internal target-0 version,
/// `NAME.mvimg.0`, so that its exported name is free for what stands for it
/// (a trampoline or an IFUNC); returns the linkage, visibility and DLL
/// storage class that name had.
fn internal_target0(
    body: FunctionValue<'_>,
    name: &str,
) -> (Linkage, GlobalVisibility, inkwell::DLLStorageClass) {
    let global = body.as_global_value();
    let had = (
        body.get_linkage(),
        global.get_visibility(),
        global.get_dll_storage_class(),
    );
    global.set_name(&clone_name(name, 0));
    body.set_linkage(Linkage::Internal);
    global.set_visibility(GlobalVisibility::Default);
    global.set_dll_storage_class(Default::default());
    had
}

/// Makes the exported symbol of entry `body` (named `name`) an IFUNC: the
/// body becomes the internal target-0 version, and `name` an IFUNC with the
/// body's linkage and visibility whose resolver (`NAME.mvimg.resolver`)
/// returns what the image's init (`mvimg_resolve`, runtime/init.c) leaves in
/// `slot`.
fn ifunc_entry<'ctx>(
    context: &'ctx Context,
    module: &Module<'ctx>,
    name: &str,
    body: FunctionValue<'ctx>,
    slot: GlobalValue<'ctx>,
    targets: &ResolvedTargets,
) -> Result<(), Error> {
    let (linkage, visibility, _) = internal_target0(body, name);
    let ptr = context.ptr_type(Default::default());
    let resolve = match module.get_function(RESOLVE) {
        Some(f) => f,
        None => {
            let f = module.add_function(RESOLVE, ptr.fn_type(&[ptr.into()], false), None);
            f.as_global_value().set_visibility(GlobalVisibility::Hidden);
            f
        }
    };
    let resolver = module.add_function(
        &format!("{name}.mvimg.resolver"),
        ptr.fn_type(&[], false),
        Some(Linkage::Internal),
    );
    set_target_attributes(context, resolver, targets, 0);
    let builder = context.create_builder();
    builder.position_at_end(context.append_basic_block(resolver, "entry"));
    let failed = |e: inkwell::builder::BuilderError| Error::Builder {
        building: format!("the IFUNC resolver of `{name}`"),
        message: e.to_string(),
    };
    let call = builder
        .build_call(resolve, &[slot.as_pointer_value().into()], "body")
        .map_err(failed)?;
    let ValueKind::Basic(chosen) = call.try_as_basic_value() else {
        unreachable!("mvimg_resolve returns a pointer")
    };
    builder.build_return(Some(&chosen)).map_err(failed)?;
    let ty = body.get_type();
    // SAFETY: the module, type and resolver are live and of one context;
    // the name is valid for its length and not taken (the body was renamed).
    let ifunc = unsafe {
        inkwell::llvm_sys::core::LLVMAddGlobalIFunc(
            module.as_mut_ptr(),
            name.as_ptr().cast(),
            name.len(),
            inkwell::types::AsTypeRef::as_type_ref(&ty),
            0,
            resolver.as_value_ref(),
        )
    };
    // SAFETY: a live global value; linkage and visibility are the body's.
    unsafe {
        inkwell::llvm_sys::core::LLVMSetLinkage(ifunc, linkage.into());
        inkwell::llvm_sys::core::LLVMSetVisibility(ifunc, visibility.into());
    }
    Ok(())
}

/// The init's resolver entry point (runtime/init.c).
const RESOLVE: &str = "mvimg_resolve";

/// Replaces every use of `body` as a value in an instruction (not as a
/// callee) by a load of `slot`.
fn load_addresses<'ctx>(
    body: FunctionValue<'ctx>,
    slot: GlobalValue<'ctx>,
    builder: &inkwell::builder::Builder<'ctx>,
    ptr: inkwell::types::PointerType<'ctx>,
    invariant: (u32, LLVMValueRef),
) -> Result<(), Error> {
    let target = raw(body);
    // SAFETY: each user is a live value, inspected only.
    let instructions: Vec<LLVMValueRef> = users(target)
        .into_iter()
        .filter(|&u| unsafe { !inkwell::llvm_sys::core::LLVMIsAInstruction(u).is_null() })
        .collect();
    let mut sites = Vec::new();
    for user in instructions {
        // SAFETY: `user` is a live instruction.
        let inst = unsafe { InstructionValue::new(user) };
        let operands = inst.get_num_operands();
        let is_call = matches!(
            inst.get_opcode(),
            InstructionOpcode::Call | InstructionOpcode::Invoke | InstructionOpcode::CallBr
        );
        for k in 0..operands {
            // SAFETY: `k` is below the operand count.
            let operand = unsafe { inkwell::llvm_sys::core::LLVMGetOperand(user, k) };
            if operand == target && !(is_call && k + 1 == operands) {
                sites.push((inst, k, slot));
            }
        }
    }
    insert_slot_loads(sites, builder, ptr, invariant)
}

/// A function named `name` with `like`'s type, attributes and calling
/// convention that loads `slot` and tail-calls through it.
fn trampoline<'ctx>(
    context: &'ctx Context,
    module: &Module<'ctx>,
    name: &str,
    like: FunctionValue<'ctx>,
    slot: GlobalValue<'ctx>,
    invariant: (u32, LLVMValueRef),
) -> Result<FunctionValue<'ctx>, Error> {
    let ty = like.get_type();
    let f = module.add_function(name, ty, None);
    f.set_call_conventions(like.get_call_conventions());
    let params = ty.count_param_types();
    let mut locations = vec![AttributeLoc::Function, AttributeLoc::Return];
    locations.extend((0..params).map(AttributeLoc::Param));
    for &loc in &locations {
        for attribute in like.attributes(loc) {
            if is_target_attribute(&attribute) {
                continue;
            }
            f.add_attribute(loc, attribute);
        }
    }
    let builder = context.create_builder();
    builder.position_at_end(context.append_basic_block(f, "entry"));
    let failed = |e: inkwell::builder::BuilderError| Error::Builder {
        building: format!("the trampoline `{name}`"),
        message: e.to_string(),
    };
    let ptr = context.ptr_type(Default::default());
    let target = builder
        .build_load(ptr, slot.as_pointer_value(), "target")
        .map_err(failed)?;
    // SAFETY: `target` is a live load; the node is of its context.
    unsafe { LLVMSetMetadata(target.as_value_ref(), invariant.0, invariant.1) };
    let args: Vec<BasicMetadataValueEnum> = f.get_param_iter().map(Into::into).collect();
    let call = builder
        .build_indirect_call(ty, target.into_pointer_value(), &args, "")
        .map_err(failed)?;
    call.set_call_convention(like.get_call_conventions());
    call.set_tail_call_kind(LLVMTailCallKind::LLVMTailCallKindMustTail);
    for &loc in &locations[1..] {
        for attribute in like.attributes(loc) {
            call.add_attribute(loc, attribute);
        }
    }
    match call.try_as_basic_value() {
        ValueKind::Basic(value) => builder.build_return(Some(&value as &dyn BasicValue)),
        ValueKind::Instruction(_) => builder.build_return(None),
    }
    .map_err(failed)?;
    Ok(f)
}

fn is_target_attribute(attribute: &Attribute) -> bool {
    attribute.is_string()
        && matches!(
            attribute.get_string_kind_id().to_bytes(),
            b"target-cpu" | b"target-features" | b"tune-cpu"
        )
}

/// The alignment of every x86_64 function body mvimg compiles for speed.
const BODY_ALIGNMENT: u32 = 32;

/// Gives `body` target `t`'s CPU and features (appended to what the input
/// had), replaces `tune-cpu` by the target's tuning (`tune=`, or none: the
/// target's CPU tunes), and adds `optsize` or
/// `minsize` for opt_size/min_size unless the body is `optnone`.
fn set_target_attributes(
    context: &Context,
    body: FunctionValue<'_>,
    targets: &ResolvedTargets,
    t: usize,
) {
    let target = &targets.targets[t];
    let loc = AttributeLoc::Function;
    let existing = body
        .get_string_attribute(loc, "target-features")
        .map(|a| a.get_string_value().to_string_lossy().into_owned())
        .unwrap_or_default();
    let features = match (existing.is_empty(), target.llvm_features.is_empty()) {
        (true, _) => target.llvm_features.clone(),
        (false, true) => existing,
        (false, false) => format!("{existing},{}", target.llvm_features),
    };
    body.add_attribute(
        loc,
        context.create_string_attribute("target-cpu", &target.llvm_cpu),
    );
    if features.is_empty() {
        body.remove_string_attribute(loc, "target-features");
    } else {
        body.add_attribute(
            loc,
            context.create_string_attribute("target-features", &features),
        );
    }
    let tune = "tune-cpu";
    // SAFETY: removing a string attribute (present or not) of a live function.
    unsafe {
        LLVMRemoveStringAttributeAtIndex(
            body.as_value_ref(),
            FUNCTION_INDEX,
            tune.as_ptr().cast(),
            tune.len() as u32,
        )
    };
    if let Some(cpu) = &target.llvm_tune {
        body.add_attribute(loc, context.create_string_attribute(tune, cpu));
    }
    let optnone = Attribute::get_named_enum_kind_id("optnone");
    if body.get_enum_attribute(loc, optnone).is_some() {
        return;
    }
    // x86_64: every body starts on a 32-byte boundary, so that where its
    // loops fall relative to the 32-byte windows of the decoded-uop cache
    // (and the JCC-erratum boundaries) is fixed by its own code, not by
    // where the linker happens to place it among hundreds of clones: the
    // same loop 16-byte-aligned ran 7% slower in one clone than in the
    // ordinary build (ci/bench, matmul). Size goals keep LLVM's alignment.
    let minsize = Attribute::get_named_enum_kind_id("minsize");
    if targets.arch == mvimg_cpu::Arch::X86_64
        && target.size.is_none()
        && body.get_enum_attribute(loc, minsize).is_none()
    {
        let global = body.as_global_value();
        if global.get_alignment() < BODY_ALIGNMENT {
            global.set_alignment(BODY_ALIGNMENT);
        }
    }
    let size = match target.size {
        Some(SizeGoal::OptSize) => "optsize",
        Some(SizeGoal::MinSize) => "minsize",
        None => return,
    };
    let kind = Attribute::get_named_enum_kind_id(size);
    body.add_attribute(loc, context.create_enum_attribute(kind, 0));
}

/// Replaces every call of `mvimg.cpu.have.<feature>()` by `true` or `false`
/// according to the features of the target the calling body is compiled for.
fn lower_feature_queries(
    context: &Context,
    module: &Module<'_>,
    targets: &ResolvedTargets,
    body_target: &HashMap<LLVMValueRef, usize>,
) -> Result<(), Error> {
    let db = targets.arch.database();
    let queries: Vec<FunctionValue> = module
        .get_functions()
        .filter(|f| {
            let name = f.get_name().to_bytes();
            name.starts_with(FEATURE_QUERY_PREFIX.as_bytes())
                || name.starts_with(JULIA_FMA_QUERY_PREFIX.as_bytes())
        })
        .collect();
    let bool_type = context.bool_type();
    for query in queries {
        let name = name_of(query);
        let ty = query.get_type();
        if ty.count_param_types() != 0
            || ty.get_return_type() != Some(bool_type.as_basic_type_enum())
        {
            return Err(Error::FeatureQuery {
                query: name.clone(),
                problem: "a feature query takes no arguments and returns i1".into(),
            });
        }
        // What the query asks of a target's features.
        let answer: Answer = if let Some(ty) = name.strip_prefix(JULIA_FMA_QUERY_PREFIX) {
            julia_fma_answer(targets.arch, ty).ok_or_else(|| Error::FeatureQuery {
                query: name.clone(),
                problem: format!("`{ty}` is not a type Julia asks about (f16, f32 or f64)"),
            })?
        } else {
            let feature_name = &name[FEATURE_QUERY_PREFIX.len()..];
            let Some(feature) = db.feature(feature_name) else {
                let suggestion = mvimg_cpu::closest(feature_name, db.features().map(|f| f.name()))
                    .map(|s| format!("; did you mean `{FEATURE_QUERY_PREFIX}{s}`?"))
                    .unwrap_or_default();
                return Err(Error::FeatureQuery {
                    query: name.clone(),
                    problem: format!(
                        "`{feature_name}` is not a {} feature{suggestion}",
                        targets.arch
                    ),
                });
            };
            Box::new(move |features| features.contains(feature))
        };
        let mut calls = Vec::new();
        // SAFETY: walking the use list of a live function, reading each user.
        unsafe {
            let mut u = LLVMGetFirstUse(raw(query));
            while !u.is_null() {
                calls.push(LLVMGetUser(u));
                u = LLVMGetNextUse(u);
            }
        }
        for user in calls {
            // SAFETY: `user` is a live value; it is wrapped only when it is
            // an instruction.
            let inst = unsafe {
                (!inkwell::llvm_sys::core::LLVMIsAInstruction(user).is_null())
                    .then(|| InstructionValue::new(user))
            };
            let inst = inst
                .filter(|i| called_function(*i) == Some(query))
                .ok_or_else(|| Error::FeatureQuery {
                    query: name.clone(),
                    problem: "used other than by a call".into(),
                })?;
            let function = inst
                .get_parent()
                .and_then(|b| b.get_parent())
                .expect("an instruction in a function");
            let t = body_target.get(&raw(function)).copied().unwrap_or(0);
            let value = bool_type.const_int(u64::from(answer(&targets.targets[t].features)), false);
            // SAFETY: `inst` is a live call of type i1; the constant is of the
            // same type; the call is then erased, having no uses left.
            unsafe {
                LLVMReplaceAllUsesWith(inst.as_value_ref(), value.as_value_ref());
                LLVMInstructionEraseFromParent(inst.as_value_ref());
            }
        }
        // SAFETY: no uses are left.
        unsafe { query.delete() };
    }
    Ok(())
}

/// What a CPU query asks of a target's features.
type Answer = Box<dyn Fn(&mvimg_cpu::FeatureSet) -> bool>;

/// How Julia's `julia.cpu.have_fma.<ty>()` is answered for a target's
/// features: whether they give a fused multiply-add instruction of that
/// floating-point type (x86_64: FMA3 or FMA4 for `f32` and `f64`,
/// AVX512-FP16 for `f16`; AArch64: always for `f32` and `f64`, full FP16
/// for `f16`). `None` for a type Julia does not ask about.
fn julia_fma_answer(arch: mvimg_cpu::Arch, ty: &str) -> Option<Answer> {
    let db = arch.database();
    let any_of = |names: &[&str]| -> Answer {
        let features: Vec<_> = names.iter().filter_map(|n| db.feature(n)).collect();
        Box::new(move |set| features.iter().any(|f| set.contains(*f)))
    };
    Some(match (arch, ty) {
        (mvimg_cpu::Arch::X86_64, "f32" | "f64") => any_of(&["fma", "fma4"]),
        (mvimg_cpu::Arch::X86_64, "f16") => any_of(&["avx512fp16"]),
        (mvimg_cpu::Arch::Aarch64, "f32" | "f64") => Box::new(|_| true),
        (mvimg_cpu::Arch::Aarch64, "f16") => any_of(&["fullfp16"]),
        _ => return None,
    })
}
