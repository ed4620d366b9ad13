; targets: generic;haswell
; leaf has a loop; caller calls it from a body all targets share, so leaf gets
; a slot. top (loop) calls mid (plain) calls leaf: mid is between two cloned
; functions and is cloned too, so top.1 -> mid.1 -> leaf.1 stay direct.
define internal i64 @leaf(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i64 %next
}
define i64 @caller(i64 %n) {
  %r = call i64 @leaf(i64 %n)
  ret i64 %r
}
define internal i64 @mid(i64 %n) {
  %r = call i64 @leaf(i64 %n)
  ret i64 %r
}
define i64 @top(i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %x = call i64 @mid(i64 %i)
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i64 %x
}
