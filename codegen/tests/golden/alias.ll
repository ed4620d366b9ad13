; targets: generic;haswell
; An alias of a cloned entry names the entry's trampoline (its exported
; symbol), so the alias and the function have one address; an alias of a
; cloned local function names that function's internal trampoline.
@kernel_v1 = alias float (float, float), ptr @kernel
@helper_v1 = alias float (float, float), ptr @helper
define float @kernel(float %a, float %b) {
  %r = fmul fast float %a, %b
  ret float %r
}
define internal float @helper(float %a, float %b) {
  %r = fadd fast float %a, %b
  ret float %r
}
