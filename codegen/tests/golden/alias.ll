; targets: generic;haswell
; An alias of a cloned function becomes a trampoline through its slot.
@kernel_v1 = alias float (float, float), ptr @kernel
define float @kernel(float %a, float %b) {
  %r = fmul fast float %a, %b
  ret float %r
}
