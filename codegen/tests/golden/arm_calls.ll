; triple: aarch64-unknown-linux-gnu
; targets: generic;neoverse-n1,clone_all;neoverse-v1,base(1)
; AArch64: a clone_all target and a partial one based on it. dot has a loop
; (every target clones it), scale is plain (only the clone_all target clones
; it; neoverse-v1 falls back to neoverse-n1's body), sum_all calls both from
; a loop. has_sve asks for SVE: neoverse-v1's body answers true, the others
; false. scale is local: the table's pointer to it is relocated at load to
; the selected body (dot's is its exported trampoline, left alone).
declare i1 @mvimg.cpu.have.sve()
@table = internal global [2 x ptr] [ptr @dot, ptr @scale]
define double @dot(ptr %a, ptr %b, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %acc = phi double [ 0.0, %entry ], [ %sum, %loop ]
  %pa = getelementptr double, ptr %a, i64 %i
  %pb = getelementptr double, ptr %b, i64 %i
  %x = load double, ptr %pa
  %y = load double, ptr %pb
  %m = fmul fast double %x, %y
  %sum = fadd fast double %acc, %m
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret double %sum
}
define internal double @scale(double %x) {
  %r = fmul double %x, 2.5
  ret double %r
}
define double @sum_all(ptr %a, i64 %n) {
entry:
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %acc = phi double [ 0.0, %entry ], [ %sum, %loop ]
  %d = call double @dot(ptr %a, ptr %a, i64 %i)
  %s = call double @scale(double %d)
  %sum = fadd double %acc, %s
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret double %sum
}
define i32 @has_sve() {
  %h = call i1 @mvimg.cpu.have.sve()
  %r = zext i1 %h to i32
  ret i32 %r
}
define ptr @entry_of(i64 %i) {
  %p = getelementptr [2 x ptr], ptr @table, i64 0, i64 %i
  %f = load ptr, ptr %p
  ret ptr %f
}
