; targets: generic;haswell,opt_size;x86-64-v4,min_size
; opt_size/min_size: the clones get optsize/minsize (checked by the test).
define double @math(double %a, double %b) {
  %r = fmul fast double %a, %b
  ret double %r
}
