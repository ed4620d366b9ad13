; targets: generic;haswell
; A feature query: CPU category; each body gets its target's answer.
declare i1 @mvimg.cpu.have.avx2()
define i32 @which() {
  %h = call i1 @mvimg.cpu.have.avx2()
  %r = select i1 %h, i32 2, i32 0
  ret i32 %r
}
