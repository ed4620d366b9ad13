target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@muladd.mvimg.slot = hidden global ptr @muladd.mvimg.0, section ".data.rel.ro.mvimg.slots"
@mvimg_dispatch_data = constant [171 x i32] ; decoded at the end

@muladd.mvimg.0.mvimg.local = private alias double (double, double, double), ptr @muladd.mvimg.0
@strict.mvimg.local = private alias double (double, double), ptr @strict
@muladd.mvimg.1.mvimg.local = private alias double (double, double, double), ptr @muladd.mvimg.1
@muladd.mvimg.slot.mvimg.local = private alias ptr, ptr @muladd.mvimg.slot

@muladd = ifunc double (double, double, double), ptr @muladd.mvimg.resolver

define internal double @muladd.mvimg.0(double %a, double %b, double %c) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %m = fmul contract double %a, %b
  %r = fadd contract double %m, %c
  ret double %r
}

define double @strict(double %a, double %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %m = fmul double %a, %b
  ret double %m
}

define internal double @muladd.mvimg.1(double %a, double %b, double %c) { "target-cpu"="haswell" } align 32 {
  %m = fmul contract double %a, %b
  %r = fadd contract double %m, %c
  ret double %r
}

define internal ptr @muladd.mvimg.resolver() { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %body = call ptr @mvimg_resolve(ptr @muladd.mvimg.slot)
  ret ptr %body
}

; dispatch data (684 bytes): X86_64
;   list: generic;haswell
;   record mvimg.llvm-version = (version)
;   record mvimg.opt-level = 2
;   record mvimg.triple = x86_64-unknown-linux-gnu
;   record mvimg.version = (version)
;   target 0 generic: cpu x86-64, features [64bit,cmov,cx8,fxsr,mmx,nopl,sse,sse2,x87], llvm [], base None, flags 0x0, entries 0..0
;   target 1 haswell: cpu haswell, features [64bit,avx,avx2,bmi,bmi2,cmov,crc32,cx16,cx8,ermsb,f16c,fma,fsgsbase,fxsr,invpcid,lzcnt,mmx,movbe,nopl,pclmul,popcnt,rdrnd,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave,xsaveopt], llvm [], base Some(0), flags 0x0, entries 0..1
;   function 0 muladd: body @muladd.mvimg.0.mvimg.local, flags 0x3
;   function 1 strict: body @strict.mvimg.local, flags 0x1
;   entry 0: function 0 at @muladd.mvimg.1.mvimg.local
;   slot 0: function 0 at @muladd.mvimg.slot.mvimg.local
