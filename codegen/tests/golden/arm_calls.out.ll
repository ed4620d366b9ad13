target datalayout = "e-m:e-p270:32:32-p271:32:32-p272:64:64-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32"
target triple = "aarch64-unknown-linux-gnu"

@table = internal global [2 x ptr] [ptr @dot.mvimg.0, ptr @scale]
@dot.mvimg.slot = hidden global ptr @dot.mvimg.0, section ".data.rel.ro.mvimg.slots"
@sum_all.mvimg.slot = hidden global ptr @sum_all.mvimg.0, section ".data.rel.ro.mvimg.slots"
@has_sve.mvimg.slot = hidden global ptr @has_sve.mvimg.0, section ".data.rel.ro.mvimg.slots"
@entry_of.mvimg.slot = hidden global ptr @entry_of.mvimg.0, section ".data.rel.ro.mvimg.slots"
@mvimg_dispatch_data = constant [307 x i32] ; decoded at the end

@dot.mvimg.0.mvimg.local = private alias double (ptr, ptr, i64), ptr @dot.mvimg.0
@scale.mvimg.local = private alias double (double), ptr @scale
@sum_all.mvimg.0.mvimg.local = private alias double (ptr, i64), ptr @sum_all.mvimg.0
@has_sve.mvimg.0.mvimg.local = private alias i32 (), ptr @has_sve.mvimg.0
@entry_of.mvimg.0.mvimg.local = private alias ptr (i64), ptr @entry_of.mvimg.0
@dot.mvimg.1.mvimg.local = private alias double (ptr, ptr, i64), ptr @dot.mvimg.1
@scale.mvimg.1.mvimg.local = private alias double (double), ptr @scale.mvimg.1
@sum_all.mvimg.1.mvimg.local = private alias double (ptr, i64), ptr @sum_all.mvimg.1
@has_sve.mvimg.1.mvimg.local = private alias i32 (), ptr @has_sve.mvimg.1
@entry_of.mvimg.1.mvimg.local = private alias ptr (i64), ptr @entry_of.mvimg.1
@dot.mvimg.2.mvimg.local = private alias double (ptr, ptr, i64), ptr @dot.mvimg.2
@sum_all.mvimg.2.mvimg.local = private alias double (ptr, i64), ptr @sum_all.mvimg.2
@has_sve.mvimg.2.mvimg.local = private alias i32 (), ptr @has_sve.mvimg.2
@dot.mvimg.slot.mvimg.local = private alias ptr, ptr @dot.mvimg.slot
@sum_all.mvimg.slot.mvimg.local = private alias ptr, ptr @sum_all.mvimg.slot
@has_sve.mvimg.slot.mvimg.local = private alias ptr, ptr @has_sve.mvimg.slot
@entry_of.mvimg.slot.mvimg.local = private alias ptr, ptr @entry_of.mvimg.slot
@table.mvimg.local = private alias [2 x ptr], ptr @table

@dot = ifunc double (ptr, ptr, i64), ptr @dot.mvimg.resolver
@sum_all = ifunc double (ptr, i64), ptr @sum_all.mvimg.resolver
@has_sve = ifunc i32 (), ptr @has_sve.mvimg.resolver
@entry_of = ifunc ptr (i64), ptr @entry_of.mvimg.resolver

define internal double @dot.mvimg.0(ptr %a, ptr %b, i64 %n) { "target-cpu"="generic" } {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %acc = phi double [ 0.000000e+00, %entry ], [ %sum, %loop ]
  %pa = getelementptr double, ptr %a, i64 %i
  %pb = getelementptr double, ptr %b, i64 %i
  %x = load double, ptr %pa, align 8
  %y = load double, ptr %pb, align 8
  %m = fmul fast double %x, %y
  %sum = fadd fast double %acc, %m
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret double %sum
}

define internal double @scale(double %x) { "target-cpu"="generic" } {
  %r = fmul double %x, 2.500000e+00
  ret double %r
}

define internal double @sum_all.mvimg.0(ptr %a, i64 %n) { "target-cpu"="generic" } {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %acc = phi double [ 0.000000e+00, %entry ], [ %sum, %loop ]
  %d = call double @dot.mvimg.0(ptr %a, ptr %a, i64 %i)
  %s = call double @scale(double %d)
  %sum = fadd double %acc, %s
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret double %sum
}

define internal i32 @has_sve.mvimg.0() { "target-cpu"="generic" } {
  %r = zext i1 false to i32
  ret i32 %r
}

define internal ptr @entry_of.mvimg.0(i64 %i) { "target-cpu"="generic" } {
  %p = getelementptr [2 x ptr], ptr @table, i64 0, i64 %i
  %f = load ptr, ptr %p, align 8
  ret ptr %f
}

define internal double @dot.mvimg.1(ptr %a, ptr %b, i64 %n) { "target-cpu"="neoverse-n1" } {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %acc = phi double [ 0.000000e+00, %entry ], [ %sum, %loop ]
  %pa = getelementptr double, ptr %a, i64 %i
  %pb = getelementptr double, ptr %b, i64 %i
  %x = load double, ptr %pa, align 8
  %y = load double, ptr %pb, align 8
  %m = fmul fast double %x, %y
  %sum = fadd fast double %acc, %m
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret double %sum
}

define internal double @dot.mvimg.2(ptr %a, ptr %b, i64 %n) { "target-cpu"="neoverse-v1" } {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %acc = phi double [ 0.000000e+00, %entry ], [ %sum, %loop ]
  %pa = getelementptr double, ptr %a, i64 %i
  %pb = getelementptr double, ptr %b, i64 %i
  %x = load double, ptr %pa, align 8
  %y = load double, ptr %pb, align 8
  %m = fmul fast double %x, %y
  %sum = fadd fast double %acc, %m
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret double %sum
}

define internal double @scale.mvimg.1(double %x) { "target-cpu"="neoverse-n1" } {
  %r = fmul double %x, 2.500000e+00
  ret double %r
}

define internal double @sum_all.mvimg.1(ptr %a, i64 %n) { "target-cpu"="neoverse-n1" } {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %acc = phi double [ 0.000000e+00, %entry ], [ %sum, %loop ]
  %d = call double @dot.mvimg.stub(ptr %a, ptr %a, i64 %i)
  %s = call double @scale.mvimg.1(double %d)
  %sum = fadd double %acc, %s
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret double %sum
}

define internal double @sum_all.mvimg.2(ptr %a, i64 %n) { "target-cpu"="neoverse-v1" } {
entry:
  br label %loop

loop:                                             ; preds = %loop, %entry
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %acc = phi double [ 0.000000e+00, %entry ], [ %sum, %loop ]
  %d = call double @dot.mvimg.2(ptr %a, ptr %a, i64 %i)
  %s = call double @scale.mvimg.1(double %d)
  %sum = fadd double %acc, %s
  %next = add i64 %i, 1
  %done = icmp uge i64 %next, %n
  br i1 %done, label %exit, label %loop

exit:                                             ; preds = %loop
  ret double %sum
}

define internal i32 @has_sve.mvimg.1() { "target-cpu"="neoverse-n1" } {
  %r = zext i1 false to i32
  ret i32 %r
}

define internal i32 @has_sve.mvimg.2() { "target-cpu"="neoverse-v1" } {
  %r = zext i1 true to i32
  ret i32 %r
}

define internal ptr @entry_of.mvimg.1(i64 %i) { "target-cpu"="neoverse-n1" } {
  %p = getelementptr [2 x ptr], ptr @table, i64 0, i64 %i
  %f = load ptr, ptr %p, align 8
  ret ptr %f
}

define internal ptr @dot.mvimg.resolver() { "target-cpu"="generic" } {
entry:
  %body = call ptr @mvimg_resolve(ptr @dot.mvimg.slot)
  ret ptr %body
}

define internal ptr @sum_all.mvimg.resolver() { "target-cpu"="generic" } {
entry:
  %body = call ptr @mvimg_resolve(ptr @sum_all.mvimg.slot)
  ret ptr %body
}

define internal ptr @has_sve.mvimg.resolver() { "target-cpu"="generic" } {
entry:
  %body = call ptr @mvimg_resolve(ptr @has_sve.mvimg.slot)
  ret ptr %body
}

define internal ptr @entry_of.mvimg.resolver() { "target-cpu"="generic" } {
entry:
  %body = call ptr @mvimg_resolve(ptr @entry_of.mvimg.slot)
  ret ptr %body
}

define internal double @dot.mvimg.stub(ptr %0, ptr %1, i64 %2) { noinline "target-cpu"="generic" } {
entry:
  %target = load ptr, ptr @dot.mvimg.slot, align 8, !invariant.load !5
  %3 = musttail call double %target(ptr %0, ptr %1, i64 %2)
  ret double %3
}

!5 = !{}

; dispatch data (1228 bytes): Aarch64
;   list: generic;neoverse-n1,clone_all;neoverse-v1,base(1)
;   record mvimg.llvm-version = (version)
;   record mvimg.opt-level = 2
;   record mvimg.triple = aarch64-unknown-linux-gnu
;   record mvimg.version = (version)
;   target 0 generic: cpu generic, features [ete,fp-armv8,neon,trbe], llvm [], base None, flags 0x0, entries 0..0
;   target 1 neoverse-n1,clone_all: cpu neoverse-n1, features [CONTEXTIDREL2,aes,ccpp,crc,dotprod,el2vmsa,el3,fp-armv8,fullfp16,lor,lse,neon,pan,pan-rwv,perfmon,ras,rcpc,rdm,sha2,spe,ssbs,uaops,v8.1a,v8.2a,v8a,vh], llvm [], base Some(0), flags 0x1, entries 0..5
;   target 2 neoverse-v1,base(1): cpu neoverse-v1, features [CONTEXTIDREL2,aes,am,bf16,ccdp,ccidx,ccpp,complxnum,crc,dit,dotprod,el2vmsa,el3,flagm,fp-armv8,fp16fml,fullfp16,i8mm,jsconv,lor,lse,lse2,mpam,neon,nv,pan,pan-rwv,pauth,perfmon,rand,ras,rcpc,rcpc-immo,rdm,sel2,sha2,sha3,sm4,spe,ssbs,sve,tlb-rmi,tracev8.4,uaops,v8.1a,v8.2a,v8.3a,v8.4a,v8a,vh], llvm [], base Some(1), flags 0x0, entries 5..8
;   function 0 dot: body @dot.mvimg.0.mvimg.local, flags 0x3
;   function 1 scale: body @scale.mvimg.local, flags 0x0
;   function 2 sum_all: body @sum_all.mvimg.0.mvimg.local, flags 0x3
;   function 3 has_sve: body @has_sve.mvimg.0.mvimg.local, flags 0x3
;   function 4 entry_of: body @entry_of.mvimg.0.mvimg.local, flags 0x3
;   entry 0: function 0 at @dot.mvimg.1.mvimg.local
;   entry 1: function 1 at @scale.mvimg.1.mvimg.local
;   entry 2: function 2 at @sum_all.mvimg.1.mvimg.local
;   entry 3: function 3 at @has_sve.mvimg.1.mvimg.local
;   entry 4: function 4 at @entry_of.mvimg.1.mvimg.local
;   entry 5: function 0 at @dot.mvimg.2.mvimg.local
;   entry 6: function 2 at @sum_all.mvimg.2.mvimg.local
;   entry 7: function 3 at @has_sve.mvimg.2.mvimg.local
;   slot 0: function 0 at @dot.mvimg.slot.mvimg.local
;   slot 1: function 2 at @sum_all.mvimg.slot.mvimg.local
;   slot 2: function 3 at @has_sve.mvimg.slot.mvimg.local
;   slot 3: function 4 at @entry_of.mvimg.slot.mvimg.local
;   relocation 0: function 0 at @table.mvimg.local
;   relocation 1: function 1 at @table.mvimg.local+8
