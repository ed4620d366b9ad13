//! The vector calling convention across targets. On x86_64 a vector wider
//! than 128 bits passed or returned by value travels in registers whose
//! width the *body's* target features decide (SSE: two xmm halves; AVX: one
//! ymm; AVX-512: one zmm), so a call between bodies built for targets of
//! different vector widths disagrees on where the value is — silently wrong
//! results. Calls across targets happen through slots and entry trampolines,
//! from code outside the image (which uses the baseline's convention), and
//! between a package image and its base image. mvimg refuses such a function
//! rather than build an image that computes something else (Julia requires
//! the same vector width between a package image and its system image for
//! the same reason). AArch64 passes fixed vectors wider than 128 bits in
//! memory whatever the features, so only x86_64 is concerned.

use inkwell::module::Module;
use inkwell::targets::TargetData;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicValue, FunctionValue};
use mvimg_cpu::select::VectorWidth;
use mvimg_cpu::Arch;

use crate::Error;

/// The widest vector (in bits) a function passes or returns by value.
fn widest_vector(function: FunctionValue<'_>, layout: &TargetData) -> u64 {
    let ty = function.get_type();
    let bits = |t: BasicTypeEnum<'_>| match t {
        BasicTypeEnum::VectorType(v) => layout.get_bit_size(&v),
        BasicTypeEnum::StructType(s) => s
            .get_field_types()
            .into_iter()
            .filter(|f| f.is_vector_type())
            .map(|f| layout.get_bit_size(&f))
            .max()
            .unwrap_or(0),
        _ => 0,
    };
    let params = ty
        .get_param_types()
        .into_iter()
        .filter_map(|p| BasicTypeEnum::try_from(p).ok())
        .map(bits);
    let ret = ty.get_return_type().map_or(0, bits);
    params.chain([ret]).max().unwrap_or(0)
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
/// different widths. Functions marked `alwaysinline` are left alone: no call
/// to them remains.
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
    let always_inline = inkwell::attributes::Attribute::get_named_enum_kind_id("alwaysinline");
    for function in module.get_functions() {
        let name = function.get_name().to_string_lossy().into_owned();
        let declaration = function.count_basic_blocks() == 0;
        if name.starts_with("llvm.") || (declarations_only && !declaration) {
            continue;
        }
        if function
            .get_enum_attribute(inkwell::attributes::AttributeLoc::Function, always_inline)
            .is_some()
        {
            continue;
        }
        let used = function
            .as_global_value()
            .as_pointer_value()
            .get_first_use()
            .is_some();
        if !used && !exported(function) {
            continue;
        }
        let bits = widest_vector(function, layout);
        if bits <= 128 {
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
