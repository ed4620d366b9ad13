//! The vector calling convention across targets. On x86_64 a vector wider
//! than 128 bits passed or returned by value travels in registers whose
//! width the *body's* target features decide (SSE: two xmm halves or memory;
//! AVX: one ymm; AVX-512: one zmm), so a call between bodies built for
//! targets of different vector widths would disagree on where the value is
//! — silently wrong results. Calls across targets happen through slots and
//! entry trampolines, from code outside the image (which uses the
//! baseline's convention), and between a package image and its base image.
//!
//! Inside an image mvimg makes every such call agree
//! ([`pass_vectors_in_memory`]): the function's body takes pointers to the
//! values instead (general registers, whatever the features), every direct
//! call in the image passes them so, and the function's own symbol stays a
//! wrapper with the original signature built for target 0 only, for callers
//! outside the image. What is left — such a function whose address is taken
//! (an indirect call from a clone cannot be rewritten), or a declaration a
//! package calls in its base image — is refused ([`check_vector_abi`]); Julia
//! requires the same vector width between a package image and its system
//! image for the same reason. AArch64 passes fixed vectors wider than 128
//! bits in memory whatever the features, so only x86_64 is concerned.

use inkwell::module::Module;
use inkwell::targets::TargetData;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{AsValueRef, BasicValue, FunctionValue};
use mvimg_cpu::select::VectorWidth;
use mvimg_cpu::Arch;

use crate::analysis::{fixed_abi, is_original, FIXED_ABI};
use crate::Error;

/// The widest vector (in bits) a value of type `t` carries by value (itself
/// or a field of it).
fn vector_bits(t: BasicTypeEnum<'_>, layout: &TargetData) -> u64 {
    match t {
        BasicTypeEnum::VectorType(v) => layout.get_bit_size(&v),
        BasicTypeEnum::StructType(s) => s
            .get_field_types()
            .into_iter()
            .filter(|f| f.is_vector_type())
            .map(|f| layout.get_bit_size(&f))
            .max()
            .unwrap_or(0),
        _ => 0,
    }
}

/// The vector bits of each parameter of `function` and of its result.
fn signature_bits(function: FunctionValue<'_>, layout: &TargetData) -> (Vec<u64>, u64) {
    let ty = function.get_type();
    let params = ty
        .get_param_types()
        .into_iter()
        .map(|p| BasicTypeEnum::try_from(p).map_or(0, |t| vector_bits(t, layout)))
        .collect();
    let ret = ty.get_return_type().map_or(0, |t| vector_bits(t, layout));
    (params, ret)
}

/// The widest vector (in bits) a function passes or returns by value.
fn widest_vector(function: FunctionValue<'_>, layout: &TargetData) -> u64 {
    let (params, ret) = signature_bits(function, layout);
    params.into_iter().chain([ret]).max().unwrap_or(0)
}

/// Whether a vector of `bits` travels differently for some of `widths`.
fn disagree(bits: u64, widths: &[(String, VectorWidth)]) -> bool {
    bits > 128
        && widths
            .iter()
            .any(|(_, w)| carried(bits, *w) != carried(bits, widths[0].1))
}

fn always_inline(function: FunctionValue<'_>) -> bool {
    let kind = inkwell::attributes::Attribute::get_named_enum_kind_id("alwaysinline");
    function
        .get_enum_attribute(inkwell::attributes::AttributeLoc::Function, kind)
        .is_some()
}

/// Makes every defined function of `module` that passes or returns a vector
/// that `widths` carry differently pass it in memory (see the module
/// documentation and `mvimg_llvm_shim::vectors_by_reference`), so that calls
/// between bodies of different targets agree. Functions marked
/// `alwaysinline` are left alone (no call to them remains), and so are those
/// the shim cannot rewrite (variadic, a block's address taken):
/// [`check_vector_abi`] refuses them if they are used. Returns how many
/// functions were rewritten.
pub(crate) fn pass_vectors_in_memory(
    module: &Module<'_>,
    arch: Arch,
    layout: &TargetData,
    widths: &[(String, VectorWidth)],
) -> usize {
    if arch != Arch::X86_64 || widths.is_empty() {
        return 0;
    }
    let candidates: Vec<FunctionValue<'_>> = module
        .get_functions()
        .filter(|f| is_original(*f) && !always_inline(*f) && !fixed_abi(*f))
        .collect();
    let mut rewritten = 0;
    for function in candidates {
        let (params, ret) = signature_bits(function, layout);
        let wide: Vec<bool> = params.iter().map(|&b| disagree(b, widths)).collect();
        let wide_ret = disagree(ret, widths);
        if !wide_ret && !wide.contains(&true) {
            continue;
        }
        // SAFETY: the function is live in `module`, which has a data layout,
        // and only this thread uses its context.
        let done = unsafe {
            mvimg_llvm_shim::vectors_by_reference(function.as_value_ref().cast(), &wide, wide_ret)
        };
        if done.is_some() {
            let marker = module.get_context().create_string_attribute(FIXED_ABI, "");
            function.add_attribute(inkwell::attributes::AttributeLoc::Function, marker);
            rewritten += 1;
        }
    }
    rewritten
}

/// Each target's vector width, labelled `{whose}target N `name``.
pub(crate) fn vector_widths(
    targets: &mvimg_cpu::ResolvedTargets,
    whose: &str,
) -> Vec<(String, VectorWidth)> {
    targets
        .targets
        .iter()
        .map(|t| {
            (
                format!("{whose}target {} `{}`", t.index, t.name),
                VectorWidth::of(&t.features),
            )
        })
        .collect()
}

/// The register width a vector of `bits` travels in for a target of
/// `width`.
fn carried(bits: u64, width: VectorWidth) -> u64 {
    match width {
        VectorWidth::Fixed(w) => bits.min(u64::from(w)),
        VectorWidth::Scalable => bits,
    }
}

/// Refuses functions of `module` that pass a vector wider than 128 bits by
/// value and are called, have their address taken or are exported
/// (`exported`), when `widths` (labelled targets: this image's, and the base
/// image's for the declarations a package calls) carry it in registers of
/// different widths. Functions marked `alwaysinline` are left alone (no call
/// to them remains), and so are the wrappers [`pass_vectors_in_memory`] left
/// that nothing in the module uses (only callers outside the image, which
/// use target 0's convention).
pub(crate) fn check_vector_abi(
    module: &Module<'_>,
    arch: Arch,
    layout: &TargetData,
    widths: &[(String, VectorWidth)],
    exported: impl Fn(FunctionValue<'_>) -> bool,
    declarations_only: bool,
) -> Result<(), Error> {
    if arch != Arch::X86_64 || widths.is_empty() {
        return Ok(());
    }
    for function in module.get_functions() {
        let name = function.get_name().to_string_lossy().into_owned();
        let declaration = function.count_basic_blocks() == 0;
        if name.starts_with("llvm.") || (declarations_only && !declaration) {
            continue;
        }
        if always_inline(function) {
            continue;
        }
        let used = function
            .as_global_value()
            .as_pointer_value()
            .get_first_use()
            .is_some();
        if !used && (fixed_abi(function) || !exported(function)) {
            continue;
        }
        let bits = widest_vector(function, layout);
        if !disagree(bits, widths) {
            continue;
        }
        let first = carried(bits, widths[0].1);
        if let Some((label, width)) = widths.iter().find(|(_, w)| carried(bits, *w) != first) {
            return Err(Error::VectorAbi {
                function: name,
                bits,
                first: (widths[0].0.clone(), carried(bits, widths[0].1)),
                other: (label.clone(), carried(bits, *width)),
            });
        }
    }
    Ok(())
}
