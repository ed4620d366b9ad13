target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32"
target triple = "aarch64-unknown-linux-gnu"

@leaf.mvimg.slot = hidden global ptr @leaf.mvimg.0, section ".data.rel.ro.mvimg.slots"
@mvimg_dispatch_data = constant [214 x i32] ; decoded at the end

@leaf_v1 = alias i64 (i64), ptr @leaf
@leaf.mvimg.0.mvimg.local = private alias i64 (i64), ptr @leaf.mvimg.0
@caller.mvimg.local = private alias i64 (i64), ptr @caller
@leaf.mvimg.1.mvimg.local = private alias i64 (i64), ptr @leaf.mvimg.1
@leaf.mvimg.2.mvimg.local = private alias i64 (i64), ptr @leaf.mvimg.2
@leaf.mvimg.slot.mvimg.local = private alias ptr, ptr @leaf.mvimg.slot

define internal i64 @leaf.mvimg.0(i64 %n) { "target-cpu"="generic" } {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %next = add i64 %i, 3
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret i64 %next
}

define i64 @caller(i64 %n) { "target-cpu"="generic" } {
  %r = call i64 @leaf.mvimg.stub(i64 %n)
  %s = add i64 %r, 1
  ret i64 %s
}

define internal i64 @leaf.mvimg.1(i64 %n) { "target-cpu"="cortex-a76" } {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %next = add i64 %i, 3
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret i64 %next
}

define internal i64 @leaf.mvimg.2(i64 %n) { "target-cpu"="a64fx" } {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %next = add i64 %i, 3
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret i64 %next
}

define i64 @leaf(i64 %0) { "target-cpu"="generic" } {
entry:
  %target = load ptr, ptr @leaf.mvimg.slot, align 8, !invariant.load !5
  %1 = musttail call i64 %target(i64 %0)
  ret i64 %1
}

define internal i64 @leaf.mvimg.stub(i64 %0) { noinline "target-cpu"="generic" } {
entry:
  %target = load ptr, ptr @leaf.mvimg.slot, align 8, !invariant.load !5
  %1 = musttail call i64 %target(i64 %0)
  ret i64 %1
}

!5 = !{}

; dispatch data (856 bytes): Aarch64
;   list: generic;cortex-a76;a64fx
;   record mvimg.llvm-version = (version)
;   record mvimg.opt-level = 2
;   record mvimg.triple = aarch64-unknown-linux-gnu
;   record mvimg.version = (version)
;   target 0 generic: cpu generic, features [ete,fp-armv8,neon,trbe], llvm [], base None, flags 0x0, entries 0..0
;   target 1 cortex-a76: cpu cortex-a76, features [CONTEXTIDREL2,aes,ccpp,crc,dotprod,el2vmsa,el3,fp-armv8,fullfp16,lor,lse,neon,pan,pan-rwv,perfmon,ras,rcpc,rdm,sha2,ssbs,uaops,v8.1a,v8.2a,v8a,vh], llvm [], base Some(0), flags 0x0, entries 0..1
;   target 2 a64fx: cpu a64fx, features [CONTEXTIDREL2,aes,ccpp,complxnum,crc,el2vmsa,el3,fp-armv8,fullfp16,lor,lse,neon,pan,pan-rwv,perfmon,ras,rdm,sha2,sve,uaops,v8.1a,v8.2a,v8a,vh], llvm [], base Some(0), flags 0x0, entries 1..2
;   function 0 leaf: body @leaf.mvimg.0.mvimg.local, flags 0x3
;   function 1 caller: body @caller.mvimg.local, flags 0x1
;   entry 0: function 0 at @leaf.mvimg.1.mvimg.local
;   entry 1: function 0 at @leaf.mvimg.2.mvimg.local
;   slot 0: function 0 at @leaf.mvimg.slot.mvimg.local
