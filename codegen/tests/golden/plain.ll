; targets: generic;sandybridge,clone_all;haswell,base(1)
; A plain function: only the clone_all target clones it.
define i32 @plain(i32 %a) {
  %r = add i32 %a, 1
  ret i32 %r
}
