; targets: generic;haswell
; A function with inlining attributes that shared code calls through its
; stub: the stub drops them (alwaysinline and noinline together are invalid
; IR; found on SQLite) and is noinline; the bodies keep them.
define internal i64 @leaf(i64 %n) alwaysinline {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %next = add i64 %i, 2
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i64 %next
}
define internal i64 @hinted(i64 %n) inlinehint {
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
  %a = call i64 @leaf(i64 %n)
  %b = call i64 @hinted(i64 %a)
  ret i64 %b
}
