target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128"
target triple = "x86_64-unknown-linux-gnu"

@ptr = internal global ptr @relocated
@int = internal global i64 ptrtoint (ptr @relocated to i64)
@exported = global ptr @pinned.mvimg.trampoline
@tls_ptr = internal thread_local global ptr @pinned_tls.mvimg.trampoline
@in_section = internal constant ptr @pinned_section.mvimg.trampoline, section "handlers"
@off = global ptr getelementptr (i8, ptr @offset.mvimg.trampoline, i64 1)
@rel = global i32 trunc (i64 sub (i64 ptrtoint (ptr @relative.mvimg.trampoline to i64), i64 ptrtoint (ptr @rel to i64)) to i32)
@also = global ptr @relative.mvimg.trampoline
@offset.mvimg.slot = hidden global ptr @offset, section ".data.rel.ro.mvimg.slots"
@relative.mvimg.slot = hidden global ptr @relative, section ".data.rel.ro.mvimg.slots"
@pinned.mvimg.slot = hidden global ptr @pinned, section ".data.rel.ro.mvimg.slots"
@pinned_tls.mvimg.slot = hidden global ptr @pinned_tls, section ".data.rel.ro.mvimg.slots"
@pinned_section.mvimg.slot = hidden global ptr @pinned_section, section ".data.rel.ro.mvimg.slots"
@mvimg_dispatch_data = constant [220 x i32] ; decoded at the end

@relocated.mvimg.local = private alias float (float, float), ptr @relocated
@offset.mvimg.local = private alias float (float, float), ptr @offset
@relative.mvimg.local = private alias float (float, float), ptr @relative
@pinned.mvimg.local = private alias float (float, float), ptr @pinned
@pinned_tls.mvimg.local = private alias float (float, float), ptr @pinned_tls
@pinned_section.mvimg.local = private alias float (float, float), ptr @pinned_section
@relocated.mvimg.1.mvimg.local = private alias float (float, float), ptr @relocated.mvimg.1
@offset.mvimg.1.mvimg.local = private alias float (float, float), ptr @offset.mvimg.1
@relative.mvimg.1.mvimg.local = private alias float (float, float), ptr @relative.mvimg.1
@pinned.mvimg.1.mvimg.local = private alias float (float, float), ptr @pinned.mvimg.1
@pinned_tls.mvimg.1.mvimg.local = private alias float (float, float), ptr @pinned_tls.mvimg.1
@pinned_section.mvimg.1.mvimg.local = private alias float (float, float), ptr @pinned_section.mvimg.1
@offset.mvimg.slot.mvimg.local = private alias ptr, ptr @offset.mvimg.slot
@relative.mvimg.slot.mvimg.local = private alias ptr, ptr @relative.mvimg.slot
@pinned.mvimg.slot.mvimg.local = private alias ptr, ptr @pinned.mvimg.slot
@pinned_tls.mvimg.slot.mvimg.local = private alias ptr, ptr @pinned_tls.mvimg.slot
@pinned_section.mvimg.slot.mvimg.local = private alias ptr, ptr @pinned_section.mvimg.slot
@ptr.mvimg.local = private alias ptr, ptr @ptr
@int.mvimg.local = private alias i64, ptr @int

define internal float @relocated(float %a, float %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @offset(float %a, float %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @relative(float %a, float %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @pinned(float %a, float %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @pinned_tls(float %a, float %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @pinned_section(float %a, float %b) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @relocated.mvimg.1(float %a, float %b) { "target-cpu"="haswell" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @offset.mvimg.1(float %a, float %b) { "target-cpu"="haswell" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @relative.mvimg.1(float %a, float %b) { "target-cpu"="haswell" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @pinned.mvimg.1(float %a, float %b) { "target-cpu"="haswell" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @pinned_tls.mvimg.1(float %a, float %b) { "target-cpu"="haswell" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @pinned_section.mvimg.1(float %a, float %b) { "target-cpu"="haswell" } align 32 {
  %r = fmul fast float %a, %b
  ret float %r
}

define internal float @offset.mvimg.trampoline(float %0, float %1) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %target = load ptr, ptr @offset.mvimg.slot, align 8, !invariant.load !5
  %2 = musttail call float %target(float %0, float %1)
  ret float %2
}

define internal float @relative.mvimg.trampoline(float %0, float %1) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %target = load ptr, ptr @relative.mvimg.slot, align 8, !invariant.load !5
  %2 = musttail call float %target(float %0, float %1)
  ret float %2
}

define internal float @pinned.mvimg.trampoline(float %0, float %1) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %target = load ptr, ptr @pinned.mvimg.slot, align 8, !invariant.load !5
  %2 = musttail call float %target(float %0, float %1)
  ret float %2
}

define internal float @pinned_tls.mvimg.trampoline(float %0, float %1) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %target = load ptr, ptr @pinned_tls.mvimg.slot, align 8, !invariant.load !5
  %2 = musttail call float %target(float %0, float %1)
  ret float %2
}

define internal float @pinned_section.mvimg.trampoline(float %0, float %1) { "target-cpu"="x86-64" "tune-cpu"="generic" } align 32 {
entry:
  %target = load ptr, ptr @pinned_section.mvimg.slot, align 8, !invariant.load !5
  %2 = musttail call float %target(float %0, float %1)
  ret float %2
}

!5 = !{}

; dispatch data (880 bytes): X86_64
;   list: generic;haswell
;   record mvimg.llvm-version = (version)
;   record mvimg.opt-level = 2
;   record mvimg.triple = x86_64-unknown-linux-gnu
;   record mvimg.version = (version)
;   target 0 generic: cpu x86-64, features [64bit,cmov,cx8,fxsr,mmx,nopl,sse,sse2,x87], llvm [], base None, flags 0x0, entries 0..0
;   target 1 haswell: cpu haswell, features [64bit,avx,avx2,bmi,bmi2,cmov,crc32,cx16,cx8,ermsb,f16c,fma,fsgsbase,fxsr,invpcid,lzcnt,mmx,movbe,nopl,pclmul,popcnt,rdrnd,sahf,sse,sse2,sse3,sse4.1,sse4.2,ssse3,x87,xsave,xsaveopt], llvm [], base Some(0), flags 0x0, entries 0..6
;   function 0 relocated: body @relocated.mvimg.local, flags 0x0
;   function 1 offset: body @offset.mvimg.local, flags 0x2
;   function 2 relative: body @relative.mvimg.local, flags 0x2
;   function 3 pinned: body @pinned.mvimg.local, flags 0x2
;   function 4 pinned_tls: body @pinned_tls.mvimg.local, flags 0x2
;   function 5 pinned_section: body @pinned_section.mvimg.local, flags 0x2
;   entry 0: function 0 at @relocated.mvimg.1.mvimg.local
;   entry 1: function 1 at @offset.mvimg.1.mvimg.local
;   entry 2: function 2 at @relative.mvimg.1.mvimg.local
;   entry 3: function 3 at @pinned.mvimg.1.mvimg.local
;   entry 4: function 4 at @pinned_tls.mvimg.1.mvimg.local
;   entry 5: function 5 at @pinned_section.mvimg.1.mvimg.local
;   slot 0: function 1 at @offset.mvimg.slot.mvimg.local
;   slot 1: function 2 at @relative.mvimg.slot.mvimg.local
;   slot 2: function 3 at @pinned.mvimg.slot.mvimg.local
;   slot 3: function 4 at @pinned_tls.mvimg.slot.mvimg.local
;   slot 4: function 5 at @pinned_section.mvimg.slot.mvimg.local
;   relocation 0: function 0 at @ptr.mvimg.local
;   relocation 1: function 0 at @int.mvimg.local
