//! Synthetic image-builder modules for tests and benchmarks: LLVM IR text
//! with any number of functions, in a fixed mix of the kinds a clone plan
//! distinguishes.
//!
//! Every function has the signature `float (ptr %p, i64 %n)`; `%p` points at
//! `%n` floats (at least 4). Function `f<i>` is of kind `i % 6`:
//!
//! | kind | body | categories |
//! |------|------|------------|
//! | 0 | scalar arithmetic, strict fp | none |
//! | 1 | fast-math reduction loop over `%p` | loop, fast-math |
//! | 2 | integer loop updating `%p` in place (as `i32`) | loop |
//! | 3 | `<4 x float>` multiply and reduction | vector |
//! | 4 | calls `f<i-1>`, `f<i-4>` and `f<i+1>` | (through its callees) |
//! | 5 | `internal` scalar helper | none |
//!
//! Kinds 0 to 4 are external, with default visibility when `i % 12 < 6` (entry
//! points) and hidden otherwise. `@ftable` holds a pointer to every kind-1
//! function. The text depends only on the arguments.

use std::fmt::Write;

/// The IR text of a module of `functions` functions for `triple`.
pub fn module(functions: usize, triple: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "; mvimg synthetic module: {functions} functions\ntarget triple = \"{triple}\"\n"
    );
    let loops: Vec<String> = (0..functions)
        .filter(|i| i % 6 == 1)
        .map(|i| format!("ptr @f{i}"))
        .collect();
    let _ = writeln!(
        out,
        "@ftable = global [{} x ptr] [{}]\n",
        loops.len(),
        loops.join(", ")
    );
    for i in 0..functions {
        let linkage = match (i % 6, i % 12 < 6) {
            (5, _) => "internal ",
            (_, true) => "",
            (_, false) => "hidden ",
        };
        let k = (i % 97) as f64 * 0.25 + 1.0;
        let _ = writeln!(out, "define {linkage}float @f{i}(ptr %p, i64 %n) {{");
        match i % 6 {
            0 | 5 => {
                let _ = writeln!(
                    out,
                    "  %x = load float, ptr %p, align 4\n  %c = sitofp i64 %n to float\n  \
                     %y = fadd float %x, %c\n  %z = fmul float %y, {k:.6e}\n  ret float %z"
                );
            }
            1 => {
                let _ = writeln!(
                    out,
                    "entry:\n  %e = icmp sgt i64 %n, 0\n  br i1 %e, label %loop, label %exit\n\
                     loop:\n  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]\n  \
                     %s = phi float [ 0.0, %entry ], [ %s1, %loop ]\n  \
                     %q = getelementptr inbounds float, ptr %p, i64 %i\n  \
                     %v = load float, ptr %q, align 4\n  %m = fmul fast float %v, {k:.6e}\n  \
                     %s1 = fadd fast float %s, %m\n  %i1 = add nuw nsw i64 %i, 1\n  \
                     %d = icmp eq i64 %i1, %n\n  br i1 %d, label %exit, label %loop\n\
                     exit:\n  %r = phi float [ 0.0, %entry ], [ %s1, %loop ]\n  ret float %r"
                );
            }
            2 => {
                let _ = writeln!(
                    out,
                    "entry:\n  %e = icmp sgt i64 %n, 0\n  br i1 %e, label %loop, label %exit\n\
                     loop:\n  %i = phi i64 [ 0, %entry ], [ %i1, %loop ]\n  \
                     %q = getelementptr inbounds i32, ptr %p, i64 %i\n  \
                     %v = load i32, ptr %q, align 4\n  %m = xor i32 %v, {i}\n  \
                     %t = trunc i64 %i to i32\n  %a = xor i32 %m, %t\n  \
                     store i32 %a, ptr %q, align 4\n  %i1 = add nuw nsw i64 %i, 1\n  \
                     %d = icmp eq i64 %i1, %n\n  br i1 %d, label %exit, label %loop\n\
                     exit:\n  %c = sitofp i64 %n to float\n  ret float %c"
                );
            }
            3 => {
                let _ = writeln!(
                    out,
                    "  %v = load <4 x float>, ptr %p, align 4\n  \
                     %w = fmul <4 x float> %v, splat (float {k:.6e})\n  \
                     %h = call float @llvm.vector.reduce.fadd.v4f32(float 0.0, <4 x float> %w)\n  \
                     ret float %h"
                );
            }
            _ => {
                let mut terms = Vec::new();
                for (j, callee) in [i.checked_sub(1), i.checked_sub(4), Some(i + 1)]
                    .into_iter()
                    .enumerate()
                {
                    if let Some(c) = callee.filter(|c| *c < functions) {
                        let _ = writeln!(out, "  %c{j} = call float @f{c}(ptr %p, i64 %n)");
                        terms.push(format!("%c{j}"));
                    }
                }
                let mut acc = "0.0".to_owned();
                for (j, term) in terms.iter().enumerate() {
                    let _ = writeln!(out, "  %s{j} = fadd float {acc}, {term}");
                    acc = format!("%s{j}");
                }
                let _ = writeln!(out, "  ret float {acc}");
            }
        }
        let _ = writeln!(out, "}}\n");
    }
    out.push_str("declare float @llvm.vector.reduce.fadd.v4f32(float, <4 x float>)\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_is_defined_once_with_its_linkage() {
        let text = module(13, "x86_64-unknown-linux-gnu");
        for i in 0..13 {
            assert_eq!(
                text.matches(&format!(" @f{i}(ptr %p, i64 %n) {{")).count(),
                1
            );
        }
        assert!(text.contains("define internal float @f5("));
        assert!(text.contains("define hidden float @f6("));
        assert!(text.contains("define float @f0("));
        assert!(text.contains("@ftable = global [2 x ptr] [ptr @f1, ptr @f7]"));
    }
}
