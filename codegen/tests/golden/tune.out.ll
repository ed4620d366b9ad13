target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@axpy.mvimg.slot = hidden global ptr @axpy.mvimg.0, section ".data.rel.ro.mvimg.slots"
@mvimg_dispatch_data = constant [234 x i32] ; decoded at the end

@axpy.mvimg.0.mvimg.local = private alias void (ptr, ptr, float, i64), ptr @axpy.mvimg.0
@axpy.mvimg.1.mvimg.local = private alias void (ptr, ptr, float, i64), ptr @axpy.mvimg.1
@axpy.mvimg.2.mvimg.local = private alias void (ptr, ptr, float, i64), ptr @axpy.mvimg.2
@axpy.mvimg.slot.mvimg.local = private alias ptr, ptr @axpy.mvimg.slot

@axpy = ifunc void (ptr, ptr, float, i64), ptr @axpy.mvimg.resolver

define internal void @axpy.mvimg.0(ptr %y, ptr %x, float %a, i64 %n) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %px = getelementptr float, ptr %x, i64 %i
  %py = getelementptr float, ptr %y, i64 %i
  %vx = load float, ptr %px, align 4
  %vy = load float, ptr %py, align 4
  %m = fmul fast float %vx, %a
  %s = fadd fast float %m, %vy
  store float %s, ptr %py, align 4
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret void
}

define internal void @axpy.mvimg.1(ptr %y, ptr %x, float %a, i64 %n) { "target-cpu"="x86-64-v3" "tune-cpu"="znver3" } align 32 {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %px = getelementptr float, ptr %x, i64 %i
  %py = getelementptr float, ptr %y, i64 %i
  %vx = load float, ptr %px, align 4
  %vy = load float, ptr %py, align 4
  %m = fmul fast float %vx, %a
  %s = fadd fast float %m, %vy
  store float %s, ptr %py, align 4
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret void
}

define internal void @axpy.mvimg.2(ptr %y, ptr %x, float %a, i64 %n) { "target-cpu"="x86-64-v4" "tune-cpu"="generic" } align 32 {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %px = getelementptr float, ptr %x, i64 %i
  %py = getelementptr float, ptr %y, i64 %i
  %vx = load float, ptr %px, align 4
  %vy = load float, ptr %py, align 4
  %m = fmul fast float %vx, %a
  %s = fadd fast float %m, %vy
  store float %s, ptr %py, align 4
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret void
}

define internal ptr @axpy.mvimg.resolver() { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %body = call ptr @mvimg_resolve(ptr @axpy.mvimg.slot)
  ret ptr %body
}

; dispatch data (936 bytes): X86_64
;   list: generic;x86-64-v3,tune=znver3;x86-64-v4,tune=generic
;   record mvimg.llvm-version = (version)
;   record mvimg.opt-level = 2
;   record mvimg.triple = x86_64-unknown-linux-gnu
;   record mvimg.version = (version)
;   target 0 generic: cpu x86-64, features [64bit,cmov,cx8,fxsr,mmx,nopl,sse,sse2,x87], llvm [], base None, flags 0x0, entries 0..0
;   target 1 x86-64-v3,tune=znver3: cpu x86-64-v3, features [64bit,avx,avx2,bmi,bmi2,cmov,crc32,cx16,cx8,f16c,fma,fxsr,lzcnt,mmx,movbe,nopl,popcnt,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave], llvm [], base Some(0), flags 0x0, entries 0..1
;   target 2 x86-64-v4,tune=generic: cpu x86-64-v4, features [64bit,avx,avx2,avx512bw,avx512cd,avx512dq,avx512f,avx512vl,bmi,bmi2,cmov,crc32,cx16,cx8,f16c,fma,fxsr,lzcnt,mmx,movbe,nopl,popcnt,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave], llvm [], base Some(0), flags 0x0, entries 1..2
;   function 0 axpy: body @axpy.mvimg.0.mvimg.local, flags 0x3
;   entry 0: function 0 at @axpy.mvimg.1.mvimg.local
;   entry 1: function 0 at @axpy.mvimg.2.mvimg.local
;   slot 0: function 0 at @axpy.mvimg.slot.mvimg.local
