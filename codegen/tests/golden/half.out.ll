target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@hadd.mvimg.slot = hidden global ptr @hadd.mvimg.0, section ".data.rel.ro.mvimg.slots"
@mvimg_dispatch_data = constant [325 x i32] ; decoded at the end

@hadd.mvimg.0.mvimg.local = private alias half (half, half), ptr @hadd.mvimg.0
@hadd.mvimg.2.mvimg.local = private alias half (half, half), ptr @hadd.mvimg.2
@hadd.mvimg.slot.mvimg.local = private alias ptr, ptr @hadd.mvimg.slot

@hadd = ifunc half (half, half), ptr @hadd.mvimg.resolver

define internal half @hadd.mvimg.0(half %a, half %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = fadd half %a, %b
  ret half %r
}

define internal half @hadd.mvimg.2(half %a, half %b) { "target-cpu"="sapphirerapids" } align 32 {
  %r = fadd half %a, %b
  ret half %r
}

define internal ptr @hadd.mvimg.resolver() { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %body = call ptr @mvimg_resolve(ptr @hadd.mvimg.slot)
  ret ptr %body
}

; dispatch data (1300 bytes): X86_64
;   list: generic;haswell;sapphirerapids
;   record mvimg.llvm-version = (version)
;   record mvimg.opt-level = 2
;   record mvimg.triple = x86_64-unknown-linux-gnu
;   record mvimg.version = (version)
;   target 0 generic: cpu x86-64, features [64bit,cmov,cx8,fxsr,mmx,nopl,sse,sse2,x87], llvm [], base None, flags 0x0, entries 0..0
;   target 1 haswell: cpu haswell, features [64bit,avx,avx2,bmi,bmi2,cmov,crc32,cx16,cx8,ermsb,f16c,fma,fsgsbase,fxsr,invpcid,lzcnt,mmx,movbe,nopl,pclmul,popcnt,rdrnd,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave,xsaveopt], llvm [], base Some(0), flags 0x0, entries 0..0
;   target 2 sapphirerapids: cpu sapphirerapids, features [64bit,adx,aes,amx-bf16,amx-int8,amx-tile,avx,avx2,avx512bf16,avx512bitalg,avx512bw,avx512cd,avx512dq,avx512f,avx512fp16,avx512ifma,avx512vbmi,avx512vbmi2,avx512vl,avx512vnni,avx512vpopcntdq,avxvnni,bmi,bmi2,cldemote,clflushopt,clwb,cmov,crc32,cx16,cx8,enqcmd,ermsb,f16c,fma,fsgsbase,fsrm,fxsr,gfni,invpcid,lzcnt,mmx,movbe,movdir64b,movdiri,nopl,pclmul,pconfig,pku,popcnt,prfchw,ptwrite,rdpid,rdrnd,rdseed,sahf,serialize,sha,shstk,sse,sse2,sse3,sse4.1,sse4.2,ssse3,tsxldtrk,uintr,vaes,vpclmulqdq,waitpkg,wbnoinvd,x87,xsave,xsavec,xsaveopt,xsaves], llvm [], base Some(0), flags 0x0, entries 0..1
;   function 0 hadd: body @hadd.mvimg.0.mvimg.local, flags 0x3
;   entry 0: function 0 at @hadd.mvimg.2.mvimg.local
;   slot 0: function 0 at @hadd.mvimg.slot.mvimg.local
