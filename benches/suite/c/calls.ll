; Call overhead, the mvimg side (hand-written so that what is cloned is exact).
;
; @mv_inc asks for a CPU feature, so every target clones it, yet returns x + 1
; in every clone. @run_slot's work (@slot_loop) has no loop (it recurses), so
; no target clones it: its calls to @mv_inc are the shared code's calls
; through a slot. @run_direct has the same shape around @inc_plain, which
; nothing clones: a direct call. @mv_inc is exported: outside callers reach it
; through its entry trampoline. Built with `--input optimized` (this IR is
; final as written): unoptimized input is pre-linked first, whose tail-call
; elimination would make both recursions loops, and loops are cloned. The
; recursions are internal, so their tail calls are direct jumps.

target triple = "x86_64-unknown-linux-gnu"

declare i1 @mvimg.cpu.have.avx2()

define i32 @mv_inc(i32 %x) noinline {
  %h = call i1 @mvimg.cpu.have.avx2()
  %one = select i1 %h, i32 1, i32 1
  %r = add i32 %x, %one
  ret i32 %r
}

define internal i32 @inc_plain(i32 %x) noinline {
  %r = add i32 %x, 1
  ret i32 %r
}

define i32 @run_slot(i64 %n, i32 %acc) {
  %r = call i32 @slot_loop(i64 %n, i32 %acc)
  ret i32 %r
}

define internal i32 @slot_loop(i64 %n, i32 %acc) {
entry:
  %done = icmp eq i64 %n, 0
  br i1 %done, label %out, label %more
more:
  %a = call i32 @mv_inc(i32 %acc)
  %m = sub i64 %n, 1
  %r = tail call i32 @slot_loop(i64 %m, i32 %a)
  ret i32 %r
out:
  ret i32 %acc
}

define i32 @run_direct(i64 %n, i32 %acc) {
  %r = call i32 @direct_loop(i64 %n, i32 %acc)
  ret i32 %r
}

define internal i32 @direct_loop(i64 %n, i32 %acc) {
entry:
  %done = icmp eq i64 %n, 0
  br i1 %done, label %out, label %more
more:
  %a = call i32 @inc_plain(i32 %acc)
  %m = sub i64 %n, 1
  %r = tail call i32 @direct_loop(i64 %m, i32 %a)
  ret i32 %r
out:
  ret i32 %acc
}
