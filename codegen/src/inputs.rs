//! What the input IR says about how it was produced: input whose loops LLVM
//! already vectorized clones badly (each clone keeps the width the input was
//! vectorized for), so a build warns about it and says how to produce IR
//! that clones well.

use std::ffi::c_uint;
use std::fmt;

use inkwell::llvm_sys::core::{
    LLVMGetBasicBlockTerminator, LLVMGetFirstBasicBlock, LLVMGetMDKindIDInContext,
    LLVMGetMDNodeNumOperands, LLVMGetMDNodeOperands, LLVMGetMDString, LLVMGetMetadata,
    LLVMGetModuleContext, LLVMGetNextBasicBlock, LLVMIsAMDNode,
};
use inkwell::llvm_sys::prelude::LLVMValueRef;
use inkwell::module::Module;
use inkwell::values::AsValueRef;

/// What clang (and clang++) needs, besides the source and `-o`, to produce
/// IR that clones well at -O2: the front end's work (attributes, inlining
/// hints, -O2's semantics) without LLVM's passes, which run in mvimg once per
/// target (README, "Producing IR").
pub const CLANG_IR_FLAGS: [&str; 5] =
    ["-O2", "-Xclang", "-disable-llvm-passes", "-emit-llvm", "-c"];

/// What rustc needs for the same, besides the crate and its type.
pub const RUSTC_IR_FLAGS: [&str; 5] = [
    "-C",
    "opt-level=2",
    "-C",
    "no-prepopulate-passes",
    "--emit=llvm-bc",
];

/// The loop property LLVM's loop vectorizer sets on every loop it has
/// processed (the vector loop and its scalar remainder).
const VECTORIZED: &[u8] = b"llvm.loop.isvectorized";

/// Input functions whose loops LLVM's loop vectorizer already processed:
/// IR from an optimizing front end (`clang -O2 -emit-llvm`, rustc release
/// bitcode). [`Prevectorized`]'s `Display` is the warning a build shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prevectorized {
    /// The functions, in module order.
    pub functions: Vec<String>,
}

/// How many function names the warning spells out.
const NAMED: usize = 5;

impl fmt::Display for Prevectorized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.functions.len();
        let named: Vec<&str> = self
            .functions
            .iter()
            .take(NAMED)
            .map(String::as_str)
            .collect();
        write!(
            f,
            "{n} function{} of the input {} loops LLVM already vectorized ({}{}): the input was \
             optimized for the CPU it was compiled for, and no clone can widen those loops. \
             For IR that clones well, stop the front end before LLVM's passes: \
             `clang {}` (clang++ alike); rustc `{}` (README, \"Producing IR\")",
            if n == 1 { "" } else { "s" },
            if n == 1 { "has" } else { "have" },
            named.join(", "),
            if n > NAMED { ", ..." } else { "" },
            CLANG_IR_FLAGS.join(" "),
            RUSTC_IR_FLAGS.join(" "),
        )
    }
}

/// The functions of `module` with a loop LLVM's loop vectorizer processed
/// (a branch carrying `llvm.loop` metadata with `llvm.loop.isvectorized`);
/// `None` when there are none.
pub fn prevectorized(module: &Module<'_>) -> Option<Prevectorized> {
    let mut functions = Vec::new();
    // SAFETY: the module and its context are live; the calls only read.
    unsafe {
        let context = LLVMGetModuleContext(module.as_mut_ptr());
        let name = b"llvm.loop";
        let kind = LLVMGetMDKindIDInContext(context, name.as_ptr().cast(), name.len() as c_uint);
        for function in module.get_functions() {
            let mut block = LLVMGetFirstBasicBlock(function.as_value_ref());
            while !block.is_null() {
                let terminator = LLVMGetBasicBlockTerminator(block);
                if !terminator.is_null() {
                    let node = LLVMGetMetadata(terminator, kind);
                    if !node.is_null() && has_property(node, VECTORIZED) {
                        functions.push(function.get_name().to_string_lossy().into_owned());
                        break;
                    }
                }
                block = LLVMGetNextBasicBlock(block);
            }
        }
    }
    (!functions.is_empty()).then_some(Prevectorized { functions })
}

/// Whether the loop node `node` lists a property named `property` (an
/// operand node whose first operand is that string).
///
/// # Safety
/// `node` is a live metadata value.
unsafe fn has_property(node: LLVMValueRef, property: &[u8]) -> bool {
    let operands = |n: LLVMValueRef| {
        let count = LLVMGetMDNodeNumOperands(n) as usize;
        let mut out: Vec<LLVMValueRef> = vec![std::ptr::null_mut(); count];
        LLVMGetMDNodeOperands(n, out.as_mut_ptr());
        out
    };
    if LLVMIsAMDNode(node).is_null() {
        return false;
    }
    operands(node).into_iter().any(|operand| {
        if operand.is_null() || LLVMIsAMDNode(operand).is_null() {
            return false;
        }
        let Some(&first) = operands(operand).first() else {
            return false;
        };
        if first.is_null() {
            return false;
        }
        let mut len: c_uint = 0;
        let text = LLVMGetMDString(first, &mut len);
        !text.is_null() && std::slice::from_raw_parts(text.cast::<u8>(), len as usize) == property
    })
}
