; targets: generic;haswell;sapphirerapids
; Half precision: cloned by the target that adds avx512fp16 (float16), not by
; haswell, which has no half arithmetic of its own.
define half @hadd(half %a, half %b) {
  %r = fadd half %a, %b
  ret half %r
}
