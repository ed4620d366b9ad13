; targets: generic;haswell
; Function pointers in global initializers: the cloned one's locations are
; patched at load (offsets 0 in the array, 8 in the struct); the plain one's
; are left alone. (Both globals are local: an exported one could be copied
; by an executable before the image's init patches it; see addrforms.ll.)
@handlers = internal global [2 x ptr] [ptr @cloned, ptr @plain]
@record = internal constant { i32, ptr } { i32 7, ptr @cloned }
define internal float @cloned(float %a, float %b) {
  %r = fmul fast float %a, %b
  ret float %r
}
define internal float @plain(float %a, float %b) {
  ret float %a
}
