target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@kernel.mvimg.slot = hidden global ptr @kernel.mvimg.0, section ".data.rel.ro.mvimg.slots"
@helper.mvimg.slot = hidden global ptr @helper, section ".data.rel.ro.mvimg.slots"
@mvimg_dispatch_data = constant [175 x i32] ; decoded at the end

@kernel_v1 = alias float (float, float), ptr @kernel
@helper_v1 = alias float (float, float), ptr @helper.mvimg.trampoline
@kernel.mvimg.0.mvimg.local = private alias float (float, float), ptr @kernel.mvimg.0
@helper.mvimg.local = private alias float (float, float), ptr @helper
@kernel.mvimg.1.mvimg.local = private alias float (float, float), ptr @kernel.mvimg.1
@helper.mvimg.1.mvimg.local = private alias float (float, float), ptr @helper.mvimg.1
@kernel.mvimg.slot.mvimg.local = private alias ptr, ptr @kernel.mvimg.slot
@helper.mvimg.slot.mvimg.local = private alias ptr, ptr @helper.mvimg.slot

define internal float @kernel.mvimg.0(float %a, float %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @helper(float %a, float %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = fadd fast float %a, %b
  ret float %r
}

define internal float @kernel.mvimg.1(float %a, float %b) { "target-cpu"="haswell" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @helper.mvimg.1(float %a, float %b) { "target-cpu"="haswell" } align 32 {
  %r = fadd fast float %a, %b
  ret float %r
}

define float @kernel(float %0, float %1) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %target = load ptr, ptr @kernel.mvimg.slot, align 8, !invariant.load !5
  %2 = musttail call float %target(float %0, float %1)
  ret float %2
}

define internal float @helper.mvimg.trampoline(float %0, float %1) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %target = load ptr, ptr @helper.mvimg.slot, align 8, !invariant.load !5
  %2 = musttail call float %target(float %0, float %1)
  ret float %2
}

!5 = !{}

; dispatch data (700 bytes): X86_64
;   list: generic;haswell
;   record mvimg.llvm-version = (version)
;   record mvimg.opt-level = 2
;   record mvimg.triple = x86_64-unknown-linux-gnu
;   record mvimg.version = (version)
;   target 0 generic: cpu x86-64, features [64bit,cmov,cx8,fxsr,mmx,nopl,sse,sse2,x87], llvm [], base None, flags 0x0, entries 0..0
;   target 1 haswell: cpu haswell, features [64bit,avx,avx2,bmi,bmi2,cmov,crc32,cx16,cx8,ermsb,f16c,fma,fsgsbase,fxsr,invpcid,lzcnt,mmx,movbe,nopl,pclmul,popcnt,rdrnd,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave,xsaveopt], llvm [], base Some(0), flags 0x0, entries 0..2
;   function 0 kernel: body @kernel.mvimg.0.mvimg.local, flags 0x3
;   function 1 helper: body @helper.mvimg.local, flags 0x2
;   entry 0: function 0 at @kernel.mvimg.1.mvimg.local
;   entry 1: function 1 at @helper.mvimg.1.mvimg.local
;   slot 0: function 0 at @kernel.mvimg.slot.mvimg.local
;   slot 1: function 1 at @helper.mvimg.slot.mvimg.local
