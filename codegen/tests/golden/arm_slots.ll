; triple: aarch64-unknown-linux-gnu
; targets: generic;cortex-a76;a64fx
; AArch64 slots: leaf has a loop and is cloned by both targets; caller is
; plain and shared by all targets, so its call to leaf goes through leaf's
; slot; an alias of the cloned entry names its trampoline.
@leaf_v1 = alias i64 (i64), ptr @leaf
define i64 @leaf(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %next = add i64 %i, 3
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i64 %next
}
define i64 @caller(i64 %n) {
  %r = call i64 @leaf(i64 %n)
  %s = add i64 %r, 1
  ret i64 %s
}
