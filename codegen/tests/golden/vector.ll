; targets: generic;haswell
; Vector values: SIMD.
define <4 x float> @vadd(<4 x float> %a, <4 x float> %b) {
  %r = fadd <4 x float> %a, %b
  ret <4 x float> %r
}
