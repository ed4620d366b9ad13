/* Known answers from zstd (zstd-sys's bundled sources), through its public
 * API only: compresses a deterministic 256 KiB input at several levels and
 * prints each compressed size and a hash of the compressed bytes, then checks
 * that every frame decompresses to the input. The ordinary build's output is
 * the expected one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t ZSTD_compressBound(size_t);
size_t ZSTD_compress(void *, size_t, const void *, size_t, int);
size_t ZSTD_decompress(void *, size_t, const void *, size_t);
unsigned ZSTD_isError(size_t);
const char *ZSTD_versionString(void);
void report_selection(void); /* report.c */

static unsigned long long fnv(const unsigned char *p, size_t n) {
    unsigned long long h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ull;
    return h;
}

int main(void) {
    enum { N = 256 * 1024 };
    static const char *words[] = {"multi", "versioned ", "image ", "dispatch, ", "clone\n",
                                  "haswell ", "neoverse ", "the ", "of ", "table "};
    unsigned char *input = malloc(N), *packed = malloc(ZSTD_compressBound(N)), *back = malloc(N);
    unsigned state = 12345;
    size_t n = 0;
    while (n < N) {
        state = state * 1103515245u + 12345u;
        if ((state >> 16) % 7 == 0) {
            input[n++] = (unsigned char)(state >> 8);
        } else {
            const char *w = words[(state >> 16) % 10];
            for (size_t k = 0; w[k] && n < N; k++) input[n++] = (unsigned char)w[k];
        }
    }
    printf("zstd %s\n", ZSTD_versionString());
    int levels[] = {1, 3, 9, -5};
    for (int i = 0; i < 4; i++) {
        size_t size = ZSTD_compress(packed, ZSTD_compressBound(N), input, N, levels[i]);
        if (ZSTD_isError(size)) return 1;
        size_t got = ZSTD_decompress(back, N, packed, size);
        int same = !ZSTD_isError(got) && got == N && memcmp(back, input, N) == 0;
        printf("level %d: %llu bytes, hash %016llx, round trip %s\n", levels[i], (unsigned long long)size,
               fnv(packed, size), same ? "ok" : "FAILED");
    }
    report_selection();
    return 0;
}
