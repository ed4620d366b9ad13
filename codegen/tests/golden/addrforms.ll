; targets: generic;haswell
; Addresses of cloned local functions in data. A pointer and a pointer-sized
; ptrtoint of @relocated in local variables are patched at load (offset 0 of
; @ptr and of @int). An address plus an offset (@offset), a relative word
; (@relative) and a plain pointer in an exported variable (@exported, which
; an executable may copy before the image's init runs), a thread-local one
; (@tls_ptr) or one in a section of the code's choosing (@in_section) cannot
; be, so those functions get a trampoline that is their address in every
; form, and no relocation.
@ptr = internal global ptr @relocated
@int = internal global i64 ptrtoint (ptr @relocated to i64)
@exported = global ptr @pinned
@tls_ptr = internal thread_local global ptr @pinned_tls
@in_section = internal constant ptr @pinned_section, section "handlers"
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
define internal float @pinned(float %a, float %b) {
  %r = fmul fast float %a, %b
  ret float %r
}
define internal float @pinned_tls(float %a, float %b) {
  %r = fmul fast float %a, %b
  ret float %r
}
define internal float @pinned_section(float %a, float %b) {
  %r = fmul fast float %a, %b
  ret float %r
}
