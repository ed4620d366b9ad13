/* zlib's own test programs against the library they are linked with (the
 * ordinary build or an mvimg image): test/example.c (compress, gzio,
 * deflate/inflate, large buffers, flush, sync, dictionaries) and a round
 * trip through test/minigzip.c (a file compressed to FILE.gz, then
 * decompressed back), both from Debian's zlib source package, compiled in
 * unchanged with their `main` and allocator renamed. Files go to the
 * temporary directory under names unique to the process. Then the image's
 * selection is printed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#include <process.h>
#define getpid _getpid
#else
#include <unistd.h>
#endif

#define main zlib_example_main
#define myalloc example_myalloc
#define myfree example_myfree
#include "example.c"
#undef main
#undef myalloc
#undef myfree
#undef TESTFILE

#define main zlib_minigzip_main
#define myalloc minigzip_myalloc
#define myfree minigzip_myfree
#include "minigzip.c"
#undef main

void report_selection(void); /* report.c */

static const char *temporary(void) {
    const char *dir = getenv("TMPDIR");
    if (dir == NULL) dir = getenv("TEMP");
    return dir != NULL ? dir : "/tmp";
}

int main(void) {
    char gz[4096], plain[4096], packed[4200];
    snprintf(gz, sizeof gz, "%s/zlib-example-%d.gz", temporary(), (int)getpid());
    char *example_argv[] = {"example", gz, NULL};
    int status = zlib_example_main(2, example_argv);
    remove(gz);
    if (status != 0) {
        printf("FAILED: example exited with %d\n", status);
        return 1;
    }

    /* minigzip: FILE -> FILE.gz (FILE removed) -> FILE. */
    snprintf(plain, sizeof plain, "%s/zlib-minigzip-%d", temporary(), (int)getpid());
    snprintf(packed, sizeof packed, "%s.gz", plain);
    enum { N = 300000 };
    unsigned char *data = malloc(N), *back = malloc(N + 1);
    unsigned state = 2026;
    for (int i = 0; i < N; i++) {
        state = state * 1103515245u + 12345u;
        data[i] = (state >> 16) % 5 == 0 ? (unsigned char)(state >> 8) : (unsigned char)("zlib minigzip "[i % 14]);
    }
    FILE *f = fopen(plain, "wb");
    if (f == NULL || fwrite(data, 1, N, f) != N || fclose(f) != 0) {
        printf("FAILED: cannot write %s\n", plain);
        return 1;
    }
    char *compress_argv[] = {"minigzip", "-9", plain, NULL};
    zlib_minigzip_main(3, compress_argv);
    f = fopen(packed, "rb");
    long size = -1;
    if (f != NULL) {
        fseek(f, 0, SEEK_END);
        size = ftell(f);
        fclose(f);
    }
    char *decompress_argv[] = {"minigzip", "-d", packed, NULL};
    zlib_minigzip_main(3, decompress_argv);
    f = fopen(plain, "rb");
    size_t got = f != NULL ? fread(back, 1, N + 1, f) : 0;
    if (f != NULL) fclose(f);
    remove(plain);
    remove(packed);
    printf("minigzip -9: %d bytes -> %ld bytes, round trip %s\n", N, size,
           got == N && memcmp(back, data, N) == 0 ? "ok" : "FAILED");
    fflush(stdout);
    report_selection();
    return 0;
}
