/* Prints the image's selection ("mvimg selected N") on stderr when the
 * process has loaded an mvimg image; the ordinary build prints nothing.
 * Windows drivers are compiled with IMAGE_NAME, the DLL's file name. */
#if !defined(_WIN32)
#define _GNU_SOURCE
#endif
#include <stdio.h>
#if defined(_WIN32)
#include <windows.h>
#else
#include <dlfcn.h>
#endif

void report_selection(void) {
    int (*selected)(void) = 0;
#if defined(_WIN32)
    HMODULE image = GetModuleHandleA(IMAGE_NAME);
    if (image) selected = (int (*)(void))GetProcAddress(image, "mvimg_selected_target");
#else
    selected = (int (*)(void))dlsym(RTLD_DEFAULT, "mvimg_selected_target");
#endif
    if (selected) fprintf(stderr, "mvimg selected %d\n", selected());
}
