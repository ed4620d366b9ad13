; targets: generic;haswell
; Addresses of cloned local functions in data. A pointer and a pointer-sized
; ptrtoint of @relocated are patched at load (offset 0 of @ptr and of @int).
; An address plus an offset (@offset) and a relative word (@relative) cannot
; be, so those functions get a trampoline that is their address in every
; form, and no relocation.
@ptr = global ptr @relocated
@int = global i64 ptrtoint (ptr @relocated to i64)
@off = global ptr getelementptr (i8, ptr @offset, i64 1)
@rel = global i32 trunc (i64 sub (i64 ptrtoint (ptr @relative to i64), i64 ptrtoint (ptr @rel to i64)) to i32)
@also = global ptr @relative
define internal float @relocated(float %a, float %b) {
  %r = fmul fast float %a, %b
  ret float %r
}
define internal float @offset(float %a, float %b) {
  %r = fmul fast float %a, %b
  ret float %r
}
define internal float @relative(float %a, float %b) {
  %r = fmul fast float %a, %b
  ret float %r
}
