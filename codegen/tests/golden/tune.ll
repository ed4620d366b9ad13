; targets: generic;x86-64-v3,tune=znver3;x86-64-v4,tune=generic
; tune=: each clone of a level target gets its tuning CPU as LLVM
; `tune-cpu`; an input's own tune-cpu is replaced everywhere (target 0, the
; x86-64 level without tune=, gets the levels' default, `generic`).
define void @axpy(ptr %y, ptr %x, float %a, i64 %n) "tune-cpu"="atom" {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %px = getelementptr float, ptr %x, i64 %i
  %py = getelementptr float, ptr %y, i64 %i
  %vx = load float, ptr %px
  %vy = load float, ptr %py
  %m = fmul fast float %vx, %a
  %s = fadd fast float %m, %vy
  store float %s, ptr %py
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret void
}
