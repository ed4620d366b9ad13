target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@plain.mvimg.slot = hidden global ptr @plain.mvimg.0, section ".data.rel.ro.mvimg.slots"
@mvimg_dispatch_data = constant [224 x i32] ; decoded at the end

@plain.mvimg.0.mvimg.local = private alias i32 (i32), ptr @plain.mvimg.0
@plain.mvimg.1.mvimg.local = private alias i32 (i32), ptr @plain.mvimg.1
@plain.mvimg.slot.mvimg.local = private alias ptr, ptr @plain.mvimg.slot

@plain = ifunc i32 (i32), ptr @plain.mvimg.resolver

define internal i32 @plain.mvimg.0(i32 %a) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = add i32 %a, 1
  ret i32 %r
}

define internal i32 @plain.mvimg.1(i32 %a) { "target-cpu"="sandybridge" } align 32 {
  %r = add i32 %a, 1
  ret i32 %r
}

define internal ptr @plain.mvimg.resolver() { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %body = call ptr @mvimg_resolve(ptr @plain.mvimg.slot)
  ret ptr %body
}

; dispatch data (896 bytes): X86_64
;   list: generic;sandybridge,clone_all;haswell,base(1)
;   record mvimg.llvm-version = (version)
;   record mvimg.opt-level = 2
;   record mvimg.triple = x86_64-unknown-linux-gnu
;   record mvimg.version = (version)
;   target 0 generic: cpu x86-64, features [64bit,cmov,cx8,fxsr,mmx,nopl,sse,sse2,x87], llvm [], base None, flags 0x0, entries 0..0
;   target 1 sandybridge,clone_all: cpu sandybridge, features [64bit,avx,cmov,crc32,cx16,cx8,fxsr,mmx,nopl,pclmul,popcnt,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave,xsaveopt], llvm [], base Some(0), flags 0x1, entries 0..1
;   target 2 haswell,base(1): cpu haswell, features [64bit,avx,avx2,bmi,bmi2,cmov,crc32,cx16,cx8,ermsb,f16c,fma,fsgsbase,fxsr,invpcid,lzcnt,mmx,movbe,nopl,pclmul,popcnt,rdrnd,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave,xsaveopt], llvm [], base Some(1), flags 0x0, entries 1..1
;   function 0 plain: body @plain.mvimg.0.mvimg.local, flags 0x3
;   entry 0: function 0 at @plain.mvimg.1.mvimg.local
;   slot 0: function 0 at @plain.mvimg.slot.mvimg.local
