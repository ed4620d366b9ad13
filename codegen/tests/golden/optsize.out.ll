target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@math.mvimg.slot = hidden global ptr @math.mvimg.0, section ".data.rel.ro.mvimg.slots"
@mvimg_dispatch_data = constant [240 x i32] ; decoded at the end

@math.mvimg.0.mvimg.local = private alias double (double, double), ptr @math.mvimg.0
@math.mvimg.1.mvimg.local = private alias double (double, double), ptr @math.mvimg.1
@math.mvimg.2.mvimg.local = private alias double (double, double), ptr @math.mvimg.2
@math.mvimg.slot.mvimg.local = private alias ptr, ptr @math.mvimg.slot

@math = ifunc double (double, double), ptr @math.mvimg.resolver

define internal double @math.mvimg.0(double %a, double %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = fmul fast double %a, %b
  ret double %r
}

define internal double @math.mvimg.1(double %a, double %b) { optsize "target-cpu"="haswell" } {
  %r = fmul fast double %a, %b
  ret double %r
}

define internal double @math.mvimg.2(double %a, double %b) { minsize "target-cpu"="x86-64-v4" "tune-cpu"="generic" } {
  %r = fmul fast double %a, %b
  ret double %r
}

define internal ptr @math.mvimg.resolver() { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %body = call ptr @mvimg_resolve(ptr @math.mvimg.slot)
  ret ptr %body
}

; dispatch data (960 bytes): X86_64
;   list: generic;haswell,opt_size;x86-64-v4,min_size
;   record mvimg.llvm-version = (version)
;   record mvimg.opt-level = 2
;   record mvimg.triple = x86_64-unknown-linux-gnu
;   record mvimg.version = (version)
;   target 0 generic: cpu x86-64, features [64bit,cmov,cx8,fxsr,mmx,nopl,sse,sse2,x87], llvm [], base None, flags 0x0, entries 0..0
;   target 1 haswell,opt_size: cpu haswell, features [64bit,avx,avx2,bmi,bmi2,cmov,crc32,cx16,cx8,ermsb,f16c,fma,fsgsbase,fxsr,invpcid,lzcnt,mmx,movbe,nopl,pclmul,popcnt,rdrnd,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave,xsaveopt], llvm [], base Some(0), flags 0x2, entries 0..1
;   target 2 x86-64-v4,min_size: cpu x86-64-v4, features [64bit,avx,avx2,avx512bw,avx512cd,avx512dq,avx512f,avx512vl,bmi,bmi2,cmov,crc32,cx16,cx8,f16c,fma,fxsr,lzcnt,mmx,movbe,nopl,popcnt,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave], llvm [], base Some(0), flags 0x4, entries 1..2
;   function 0 math: body @math.mvimg.0.mvimg.local, flags 0x3
;   entry 0: function 0 at @math.mvimg.1.mvimg.local
;   entry 1: function 0 at @math.mvimg.2.mvimg.local
;   slot 0: function 0 at @math.mvimg.slot.mvimg.local
