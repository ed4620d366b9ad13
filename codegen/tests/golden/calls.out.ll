target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@leaf.mvimg.slot = hidden global ptr @leaf, section ".data.rel.ro.mvimg.slots"
@mid.mvimg.slot = hidden global ptr @mid, section ".data.rel.ro.mvimg.slots"
@top.mvimg.slot = hidden global ptr @top.mvimg.0, section ".data.rel.ro.mvimg.slots"
@mvimg_dispatch_data = constant [189 x i32] ; decoded at the end

@leaf.mvimg.local = private alias i64 (i64), ptr @leaf
@caller.mvimg.local = private alias i64 (i64), ptr @caller
@mid.mvimg.local = private alias i64 (i64), ptr @mid
@top.mvimg.0.mvimg.local = private alias i64 (i64), ptr @top.mvimg.0
@leaf.mvimg.1.mvimg.local = private alias i64 (i64), ptr @leaf.mvimg.1
@mid.mvimg.1.mvimg.local = private alias i64 (i64), ptr @mid.mvimg.1
@top.mvimg.1.mvimg.local = private alias i64 (i64), ptr @top.mvimg.1
@leaf.mvimg.slot.mvimg.local = private alias ptr, ptr @leaf.mvimg.slot
@mid.mvimg.slot.mvimg.local = private alias ptr, ptr @mid.mvimg.slot
@top.mvimg.slot.mvimg.local = private alias ptr, ptr @top.mvimg.slot

@top = ifunc i64 (i64), ptr @top.mvimg.resolver

define internal i64 @leaf(i64 %n) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret i64 %next
}

define i64 @caller(i64 %n) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = call i64 @leaf.mvimg.stub(i64 %n)
  ret i64 %r
}

define internal i64 @mid(i64 %n) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = call i64 @leaf.mvimg.stub(i64 %n)
  ret i64 %r
}

define internal i64 @top.mvimg.0(i64 %n) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %x = call i64 @mid.mvimg.stub(i64 %i)
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret i64 %x
}

define internal i64 @leaf.mvimg.1(i64 %n) { "target-cpu"="haswell" } align 32 {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret i64 %next
}

define internal i64 @mid.mvimg.1(i64 %n) { "target-cpu"="haswell" } align 32 {
  %r = call i64 @leaf.mvimg.1(i64 %n)
  ret i64 %r
}

define internal i64 @top.mvimg.1(i64 %n) { "target-cpu"="haswell" } align 32 {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %x = call i64 @mid.mvimg.1(i64 %i)
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret i64 %x
}

define internal ptr @top.mvimg.resolver() { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %body = call ptr @mvimg_resolve(ptr @top.mvimg.slot)
  ret ptr %body
}

define internal i64 @leaf.mvimg.stub(i64 %0) { noinline "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %target = load ptr, ptr @leaf.mvimg.slot, align 8, !invariant.load !5
  %1 = musttail call i64 %target(i64 %0)
  ret i64 %1
}

define internal i64 @mid.mvimg.stub(i64 %0) { noinline "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %target = load ptr, ptr @mid.mvimg.slot, align 8, !invariant.load !5
  %1 = musttail call i64 %target(i64 %0)
  ret i64 %1
}

!5 = !{}

; dispatch data (756 bytes): X86_64
;   list: generic;haswell
;   record mvimg.llvm-version = (version)
;   record mvimg.opt-level = 2
;   record mvimg.triple = x86_64-unknown-linux-gnu
;   record mvimg.version = (version)
;   target 0 generic: cpu x86-64, features [64bit,cmov,cx8,fxsr,mmx,nopl,sse,sse2,x87], llvm [], base None, flags 0x0, entries 0..0
;   target 1 haswell: cpu haswell, features [64bit,avx,avx2,bmi,bmi2,cmov,crc32,cx16,cx8,ermsb,f16c,fma,fsgsbase,fxsr,invpcid,lzcnt,mmx,movbe,nopl,pclmul,popcnt,rdrnd,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave,xsaveopt], llvm [], base Some(0), flags 0x0, entries 0..3
;   function 0 leaf: body @leaf.mvimg.local, flags 0x2
;   function 1 caller: body @caller.mvimg.local, flags 0x1
;   function 2 mid: body @mid.mvimg.local, flags 0x2
;   function 3 top: body @top.mvimg.0.mvimg.local, flags 0x3
;   entry 0: function 0 at @leaf.mvimg.1.mvimg.local
;   entry 1: function 2 at @mid.mvimg.1.mvimg.local
;   entry 2: function 3 at @top.mvimg.1.mvimg.local
;   slot 0: function 0 at @leaf.mvimg.slot.mvimg.local
;   slot 1: function 2 at @mid.mvimg.slot.mvimg.local
;   slot 2: function 3 at @top.mvimg.slot.mvimg.local
