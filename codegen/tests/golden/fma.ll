; targets: generic;haswell;sandybridge
; llvm.fmuladd is math: haswell (new fma) clones it; sandybridge, without fma,
; does not clone math.
declare double @llvm.fmuladd.f64(double, double, double)
define double @f(double %a, double %b, double %c) {
  %r = call double @llvm.fmuladd.f64(double %a, double %b, double %c)
  ret double %r
}
