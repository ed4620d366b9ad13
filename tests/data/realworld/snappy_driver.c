/* Known answers from Snappy (the C++ library bundled in leveldb-sys),
 * through its C API only: compresses deterministic inputs of several kinds
 * and sizes and prints each compressed length and a hash of the compressed
 * bytes, then checks that each validates and uncompresses to the input. The
 * ordinary build's output is the expected one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { SNAPPY_OK = 0 } snappy_status;
snappy_status snappy_compress(const char *, size_t, char *, size_t *);
snappy_status snappy_uncompress(const char *, size_t, char *, size_t *);
size_t snappy_max_compressed_length(size_t);
snappy_status snappy_uncompressed_length(const char *, size_t, size_t *);
snappy_status snappy_validate_compressed_buffer(const char *, size_t);
void report_selection(void); /* report.c */

static unsigned long long fnv(const char *p, size_t n) {
    unsigned long long h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * 1099511628211ull;
    return h;
}

int main(void) {
    static const char *words[] = {"snappy ", "compresses ", "fast, ", "the ", "image\n"};
    size_t sizes[] = {0, 1, 100, 4096, 65536, 300000};
    for (int kind = 0; kind < 3; kind++) {
        for (int s = 0; s < 6; s++) {
            size_t n = sizes[s];
            char *input = malloc(n + 1), *packed = malloc(snappy_max_compressed_length(n)),
                 *back = malloc(n + 1);
            unsigned state = 777u + (unsigned)kind;
            for (size_t i = 0; i < n;) {
                state = state * 1103515245u + 12345u;
                if (kind == 0) {
                    input[i++] = (char)(state >> 16);
                } else if (kind == 1) {
                    input[i++] = (char)('a' + (i / 64) % 3);
                } else {
                    const char *w = words[(state >> 16) % 5];
                    for (size_t k = 0; w[k] && i < n; k++) input[i++] = w[k];
                }
            }
            size_t packed_length = snappy_max_compressed_length(n), length = 0, back_length = n + 1;
            int ok = snappy_compress(input, n, packed, &packed_length) == SNAPPY_OK &&
                     snappy_validate_compressed_buffer(packed, packed_length) == SNAPPY_OK &&
                     snappy_uncompressed_length(packed, packed_length, &length) == SNAPPY_OK &&
                     length == n &&
                     snappy_uncompress(packed, packed_length, back, &back_length) == SNAPPY_OK &&
                     back_length == n && memcmp(back, input, n) == 0;
            printf("kind %d size %lu: %lu bytes, hash %016llx, %s\n", kind, (unsigned long)n,
                   (unsigned long)packed_length, fnv(packed, packed_length), ok ? "ok" : "FAILED");
            free(input);
            free(packed);
            free(back);
        }
    }
    report_selection();
    return 0;
}
