/* The runtime's image builder, in C: builds the package image through
 * mvimg's C API (capi/include/mvimg.h), as a runtime written in C builds its
 * package images. main.rs runs it once per platform.
 *
 * usage: build_package TRIPLE LIST IR BASE SEARCH_DIR OUTPUT RUNTIME_ABI
 *                      [RPATH | -] [BASE_IMPORT_LIBRARY]
 */
#include <stdio.h>
#include <string.h>

#include "mvimg.h"

int main(int argc, char **argv) {
    if (argc < 8 || argc > 10) {
        fprintf(stderr,
                "usage: build_package TRIPLE LIST IR BASE SEARCH_DIR OUTPUT RUNTIME_ABI "
                "[RPATH | -] [BASE_IMPORT_LIBRARY]\n");
        return 2;
    }
    const char *triple = argv[1], *list = argv[2], *ir = argv[3], *base = argv[4];
    const char *search = argv[5], *output = argv[6], *abi = argv[7];
    const char *rpath = argc > 8 && strcmp(argv[8], "-") != 0 ? argv[8] : NULL;
    const char *base_implib = argc > 9 ? argv[9] : NULL;

    MvimgBuilder *b = mvimg_builder_new();
    MvimgStatus s = mvimg_builder_ir_file(b, ir);
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_triple(b, triple);
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_target_list(b, list);
    /* Layered on the system image: it links against it and records it. */
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_base(b, base);
    if (s == MVIMG_STATUS_OK && base_implib) s = mvimg_builder_base_import_library(b, base_implib);
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_search_path(b, search);
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_library(b, "minirt");
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_record(b, "runtime-abi", abi);
    if (s == MVIMG_STATUS_OK && rpath) s = mvimg_builder_rpath(b, rpath);
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_build(b, output);
    if (s != MVIMG_STATUS_OK) {
        fprintf(stderr, "build_package: %s: %s\n", triple, mvimg_builder_message(b));
        mvimg_builder_free(b);
        return 1;
    }
    printf("%s: package image %s (through the C API of %s)\n", triple, output, mvimg_version());
    mvimg_builder_free(b);
    return 0;
}
