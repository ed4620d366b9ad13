/* A C program using mvimg's C API the way a runtime's image builder does:
 * it builds an image from IR with a data object and a build record, links
 * it against a runtime library, checks it before loading, loads it and calls
 * into it; builds the same code for AArch64 Linux and x86_64 Windows and
 * checks those for named CPUs; and feeds the API bad arguments.
 *
 * usage: api_test DIR LINUX_IR AARCH64_IR WINDOWS_IR
 *   DIR holds librtmini.so (x86_64), aarch64/librtmini.so and
 *   windows/librtmini.dll.a; the images are written to DIR.
 * Prints one line per step; exits non-zero on the first unexpected result.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mvimg.h"

static int failures = 0;

#define EXPECT(cond, ...)                                   \
    do {                                                    \
        if (!(cond)) {                                      \
            fprintf(stderr, "FAILED (%s:%d): ", __FILE__, __LINE__); \
            fprintf(stderr, __VA_ARGS__);                   \
            fprintf(stderr, "\n");                          \
            failures++;                                     \
        }                                                   \
    } while (0)

static char *path_in(const char *dir, const char *name) {
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static const unsigned char BLOB[4] = {1, 2, 3, 4};

/* Builds the kernels for one platform; returns the status of the build. */
static MvimgStatus build(const char *ir, const char *triple, const char *list,
                         const char *libdir, const char *output, int windows) {
    MvimgBuilder *b = mvimg_builder_new();
    MvimgStatus s = mvimg_builder_ir_file(b, ir);
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_triple(b, triple);
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_target_list(b, list);
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_search_path(b, libdir);
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_library(b, "rtmini");
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_data(b, "blob.o", "blob", BLOB, sizeof BLOB, 16);
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_record(b, "runtime-abi", "1");
    if (s == MVIMG_STATUS_OK && !windows) s = mvimg_builder_rpath(b, "$ORIGIN");
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_threads(b, 2);
    if (s == MVIMG_STATUS_OK) s = mvimg_builder_build(b, output);
    if (s != MVIMG_STATUS_OK) {
        fprintf(stderr, "build for %s: status %d: %s\n", triple, (int)s, mvimg_builder_message(b));
    } else {
        const char *report = mvimg_builder_report_json(b);
        EXPECT(report != NULL && strstr(report, "\"phases\"") != NULL, "report: %s",
               report ? report : "(null)");
        printf("built %s: %s\n", triple, output);
    }
    mvimg_builder_free(b);
    return s;
}

/* Reads the image at `path` and checks it for `cpu` (NULL: this machine). */
static void check(const char *path, const char *cpu, const char *expect_name) {
    MvimgImage *img = mvimg_image_new();
    MvimgStatus s = mvimg_image_read(img, path);
    EXPECT(s == MVIMG_STATUS_OK, "read %s: %s", path, mvimg_image_message(img));
    s = mvimg_image_require(img, "runtime-abi", "1");
    EXPECT(s == MVIMG_STATUS_OK, "require: %s", mvimg_image_message(img));
    s = mvimg_image_check(img, cpu);
    EXPECT(s == MVIMG_STATUS_OK, "check %s on %s: %s", path, cpu ? cpu : "this machine",
           mvimg_image_message(img));
    int selected = mvimg_image_selected(img);
    EXPECT(selected >= 0, "selected %d", selected);
    EXPECT(expect_name == NULL || strstr(mvimg_image_text(img), expect_name) != NULL,
           "check text lacks %s: %s", expect_name, mvimg_image_text(img));
    printf("check %s on %s: target %d: %s", path, cpu ? cpu : "this machine", selected,
           mvimg_image_text(img));

    s = mvimg_image_explain(img, cpu);
    EXPECT(s == MVIMG_STATUS_OK && strlen(mvimg_image_text(img)) > 0, "explain: %s",
           mvimg_image_message(img));

    /* The same image, required to carry another runtime ABI: refused
     * before load, with the reason. */
    s = mvimg_image_require(img, "runtime-abi", "2");
    EXPECT(s == MVIMG_STATUS_OK, "require: %s", mvimg_image_message(img));
    s = mvimg_image_check(img, cpu);
    EXPECT(s == MVIMG_STATUS_REFUSED, "runtime-abi=2 not refused: %d", (int)s);
    EXPECT(mvimg_image_selected(img) == -1, "selected after refusal");
    EXPECT(strstr(mvimg_image_message(img), "runtime-abi") != NULL, "refusal message: %s",
           mvimg_image_message(img));
    mvimg_image_free(img);
}

/* What a caller gets wrong: every mistake is a status and a message. */
static void mistakes(const char *dir, const char *ir) {
    EXPECT(mvimg_builder_ir_file(NULL, ir) == MVIMG_STATUS_INVALID_ARGUMENT, "NULL builder");
    EXPECT(strcmp(mvimg_builder_message(NULL), "") == 0, "message of NULL");
    mvimg_builder_free(NULL);
    mvimg_image_free(NULL);

    MvimgBuilder *b = mvimg_builder_new();
    EXPECT(mvimg_builder_ir_file(b, NULL) == MVIMG_STATUS_INVALID_ARGUMENT, "NULL path");
    EXPECT(strstr(mvimg_builder_message(b), "path is NULL") != NULL, "message: %s",
           mvimg_builder_message(b));
    /* A list with an empty target: refused at once, with the position. */
    EXPECT(mvimg_builder_target_list(b, "generic;;haswell") == MVIMG_STATUS_INVALID_ARGUMENT,
           "bad list accepted");
    EXPECT(strstr(mvimg_builder_message(b), "empty target") != NULL, "list message: %s",
           mvimg_builder_message(b));
    /* A call that succeeds clears the message. */
    EXPECT(mvimg_builder_target_list(b, "generic;haswell") == MVIMG_STATUS_OK, "good list");
    EXPECT(strcmp(mvimg_builder_message(b), "") == 0, "message not cleared");
    EXPECT(mvimg_builder_data(b, "d.o", "d", BLOB, 4, 3) == MVIMG_STATUS_INVALID_ARGUMENT,
           "align 3 accepted");
    EXPECT(mvimg_builder_ir_bytes(b, "bytes", NULL, 4) == MVIMG_STATUS_INVALID_ARGUMENT,
           "NULL bytes with a length");
    /* opt level 7: no level, refused at once. */
    EXPECT(mvimg_builder_opt_level(b, 7) == MVIMG_STATUS_INVALID_ARGUMENT, "opt level 7 set");
    EXPECT(strstr(mvimg_builder_message(b), "optimization level is 7") != NULL, "message: %s",
           mvimg_builder_message(b));
    /* 0 threads: refused by the build before anything is compiled, and
     * nothing is written. */
    EXPECT(mvimg_builder_ir_file(b, ir) == MVIMG_STATUS_OK, "ir");
    EXPECT(mvimg_builder_threads(b, 0) == MVIMG_STATUS_OK, "threads set");
    char *out = path_in(dir, "never.so");
    EXPECT(mvimg_builder_build(b, out) == MVIMG_STATUS_INVALID_ARGUMENT, "0 threads built");
    EXPECT(strstr(mvimg_builder_message(b), "threads") != NULL, "message: %s",
           mvimg_builder_message(b));
    FILE *f = fopen(out, "rb");
    EXPECT(f == NULL, "%s written", out);
    if (f) fclose(f);
    /* The builder is spent. */
    EXPECT(mvimg_builder_record(b, "k", "v") == MVIMG_STATUS_INVALID_ARGUMENT, "spent builder");
    EXPECT(strstr(mvimg_builder_message(b), "mvimg_builder_new") != NULL, "message: %s",
           mvimg_builder_message(b));
    EXPECT(mvimg_builder_report_json(b) == NULL, "report of a failed build");
    mvimg_builder_free(b);

    /* Garbage IR in memory: an input error naming it. */
    b = mvimg_builder_new();
    static const unsigned char garbage[] = "this is not LLVM IR";
    EXPECT(mvimg_builder_ir_bytes(b, "garbage.ll", garbage, sizeof garbage - 1) == MVIMG_STATUS_OK,
           "bytes");
    MvimgStatus s = mvimg_builder_build(b, out);
    EXPECT(s == MVIMG_STATUS_INPUT || s == MVIMG_STATUS_BUILD, "garbage built: %d", (int)s);
    EXPECT(strstr(mvimg_builder_message(b), "garbage.ll") != NULL, "message: %s",
           mvimg_builder_message(b));
    printf("garbage IR: %s\n", mvimg_builder_message(b));
    mvimg_builder_free(b);

    /* A missing library: a link error, one message with LLD's words. */
    b = mvimg_builder_new();
    mvimg_builder_ir_file(b, ir);
    mvimg_builder_target_list(b, "generic");
    mvimg_builder_library(b, "no_such_library_here");
    s = mvimg_builder_build(b, out);
    EXPECT(s == MVIMG_STATUS_LINK, "missing library: status %d: %s", (int)s,
           mvimg_builder_message(b));
    EXPECT(strstr(mvimg_builder_message(b), "no_such_library_here") != NULL, "message: %s",
           mvimg_builder_message(b));
    mvimg_builder_free(b);
    free(out);

    /* A file that is no image; an unknown CPU. */
    MvimgImage *img = mvimg_image_new();
    EXPECT(mvimg_image_check(img, NULL) == MVIMG_STATUS_INVALID_ARGUMENT, "check before read");
    EXPECT(mvimg_image_read(img, ir) == MVIMG_STATUS_INPUT, "IR read as an image");
    printf("not an image: %s\n", mvimg_image_message(img));
    mvimg_image_free(img);
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: api_test DIR LINUX_IR AARCH64_IR WINDOWS_IR\n");
        return 2;
    }
    const char *dir = argv[1];
    printf("version: %s\n", mvimg_version());
    EXPECT(strncmp(mvimg_version(), "mvimg ", 6) == 0 && strstr(mvimg_version(), "LLVM 22"),
           "version %s", mvimg_version());

    char *linux_so = path_in(dir, "libkernels.so");
    char *aarch64_so = path_in(dir, "aarch64/libkernels.so");
    char *dll = path_in(dir, "windows/kernels.dll");
    char *aarch64_dir = path_in(dir, "aarch64");
    char *windows_dir = path_in(dir, "windows");

    const char *list = "generic;haswell,clone_all;x86-64-v4";
    EXPECT(build(argv[2], "x86_64-unknown-linux-gnu", list, dir, linux_so, 0) == MVIMG_STATUS_OK,
           "x86_64 build");
    EXPECT(build(argv[3], "aarch64-unknown-linux-gnu", "generic;cortex-a57;neoverse-n1",
                 aarch64_dir, aarch64_so, 0) == MVIMG_STATUS_OK,
           "aarch64 build");
    EXPECT(build(argv[4], "x86_64-w64-windows-gnu", list, windows_dir, dll, 1) == MVIMG_STATUS_OK,
           "windows build");
    if (failures) return 1;

    check(linux_so, NULL, NULL);
    check(linux_so, "haswell", "haswell");
    check(aarch64_so, "neoverse-n1", "neoverse-n1");
    check(dll, "skylake-avx512", "x86-64-v4");

    /* Load the x86_64 image and call into it. */
    void *h = dlopen(linux_so, RTLD_NOW | RTLD_LOCAL);
    EXPECT(h != NULL, "dlopen: %s", dlerror());
    if (h) {
        double (*scaled_dot)(const double *, const double *, int) =
            (double (*)(const double *, const double *, int))dlsym(h, "scaled_dot");
        int (*blob_sum)(void) = (int (*)(void))dlsym(h, "blob_sum");
        EXPECT(scaled_dot && blob_sum, "symbols");
        if (scaled_dot && blob_sum) {
            double x[100], y[100];
            for (int i = 0; i < 100; i++) {
                x[i] = i;
                y[i] = 2;
            }
            double r = scaled_dot(x, y, 100);
            printf("scaled_dot: %.1f\nblob_sum: %d\n", r, blob_sum());
            EXPECT(r == 1.5 * 9900.0, "scaled_dot %f", r);
            EXPECT(blob_sum() == 10, "blob_sum %d", blob_sum());
        }
        dlclose(h);
    }

    mistakes(dir, argv[2]);
    free(linux_so);
    free(aarch64_so);
    free(dll);
    free(aarch64_dir);
    free(windows_dir);
    printf("%s\n", failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
