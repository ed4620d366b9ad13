; targets: generic;sandybridge,clone_all;haswell,base(1);x86-64-v4,clone_all;skylake-avx512,base(3)
; base(n): haswell clones from the sandybridge bodies, skylake-avx512 from the
; x86-64-v4 ones; plain is cloned by the two clone_all targets only.
define i32 @plain(i32 %a) {
  %r = add i32 %a, 1
  ret i32 %r
}
define double @math(double %a, double %b) {
  %r = fmul fast double %a, %b
  ret double %r
}
