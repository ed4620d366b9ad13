target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@sum.mvimg.slot = hidden global ptr @sum.mvimg.0, section ".data.rel.ro.mvimg.slots"
@mvimg_dispatch_data = constant [165 x i32] ; decoded at the end

@sum.mvimg.0.mvimg.local = private alias i64 (i64), ptr @sum.mvimg.0
@sum.mvimg.1.mvimg.local = private alias i64 (i64), ptr @sum.mvimg.1
@sum.mvimg.slot.mvimg.local = private alias ptr, ptr @sum.mvimg.slot

@sum = ifunc i64 (i64), ptr @sum.mvimg.resolver

define internal i64 @sum.mvimg.0(i64 %n) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %s = phi i64 [ 0, %entry ], [ %t, %loop ]
  %t = add i64 %s, %i
  %next = add i64 %i, 1
  %done = icmp eq i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret i64 %t
}

define internal i64 @sum.mvimg.1(i64 %n) { "target-cpu"="haswell" } align 32 {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %s = phi i64 [ 0, %entry ], [ %t, %loop ]
  %t = add i64 %s, %i
  %next = add i64 %i, 1
  %done = icmp eq i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret i64 %t
}

define internal ptr @sum.mvimg.resolver() { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %body = call ptr @mvimg_resolve(ptr @sum.mvimg.slot)
  ret ptr %body
}

; dispatch data (660 bytes): X86_64
;   list: generic;haswell
;   record mvimg.llvm-version = (version)
;   record mvimg.opt-level = 2
;   record mvimg.triple = x86_64-unknown-linux-gnu
;   record mvimg.version = (version)
;   target 0 generic: cpu x86-64, features [64bit,cmov,cx8,fxsr,mmx,nopl,sse,sse2,x87], llvm [], base None, flags 0x0, entries 0..0
;   target 1 haswell: cpu haswell, features [64bit,avx,avx2,bmi,bmi2,cmov,crc32,cx16,cx8,ermsb,f16c,fma,fsgsbase,fxsr,invpcid,lzcnt,mmx,movbe,nopl,pclmul,popcnt,rdrnd,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave,xsaveopt], llvm [], base Some(0), flags 0x0, entries 0..1
;   function 0 sum: body @sum.mvimg.0.mvimg.local, flags 0x3
;   entry 0: function 0 at @sum.mvimg.1.mvimg.local
;   slot 0: function 0 at @sum.mvimg.slot.mvimg.local
