; targets: generic;haswell
; Fast-math flags: math that could contract to FMA.
define double @muladd(double %a, double %b, double %c) {
  %m = fmul contract double %a, %b
  %r = fadd contract double %m, %c
  ret double %r
}
define double @strict(double %a, double %b) {
  %m = fmul double %a, %b
  ret double %m
}
