target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@handlers = internal global [2 x ptr] [ptr @cloned, ptr @plain]
@record = internal global { i32, ptr } { i32 7, ptr @cloned }
@mvimg_dispatch_data = constant [167 x i32] ; decoded at the end

@cloned.mvimg.local = private alias float (float, float), ptr @cloned
@cloned.mvimg.1.mvimg.local = private alias float (float, float), ptr @cloned.mvimg.1
@handlers.mvimg.local = private alias [2 x ptr], ptr @handlers
@record.mvimg.local = private alias { i32, ptr }, ptr @record

define internal float @cloned(float %a, float %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @plain(float %a, float %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  ret float %a
}

define internal float @cloned.mvimg.1(float %a, float %b) { "target-cpu"="haswell" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

; dispatch data (668 bytes): X86_64
;   list: generic;haswell
;   record mvimg.llvm-version = (version)
;   record mvimg.opt-level = 2
;   record mvimg.triple = x86_64-unknown-linux-gnu
;   record mvimg.version = (version)
;   target 0 generic: cpu x86-64, features [64bit,cmov,cx8,fxsr,mmx,nopl,sse,sse2,x87], llvm [], base None, flags 0x0, entries 0..0
;   target 1 haswell: cpu haswell, features [64bit,avx,avx2,bmi,bmi2,cmov,crc32,cx16,cx8,ermsb,f16c,fma,fsgsbase,fxsr,invpcid,lzcnt,mmx,movbe,nopl,pclmul,popcnt,rdrnd,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave,xsaveopt], llvm [], base Some(0), flags 0x0, entries 0..1
;   function 0 cloned: body @cloned.mvimg.local, flags 0x0
;   entry 0: function 0 at @cloned.mvimg.1.mvimg.local
;   relocation 0: function 0 at @handlers.mvimg.local
;   relocation 1: function 0 at @record.mvimg.local+8
