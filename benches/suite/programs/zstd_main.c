/* ci/bench part 7 (programs): compresses a file with the zstd library it is
   linked against (the ordinary build or an mvimg image) at levels 1, 3 and 9,
   decompresses each result five times, and prints the sizes and a checksum
   of what came back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zstd.h"

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL) {
        perror(argv[1]);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    size_t size = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *input = malloc(size);
    if (input == NULL || fread(input, 1, size, f) != size) {
        fprintf(stderr, "reading %s failed\n", argv[1]);
        return 1;
    }
    fclose(f);
    size_t bound = ZSTD_compressBound(size);
    char *packed = malloc(bound), *unpacked = malloc(size);
    const int levels[] = {1, 3, 9};
    for (int l = 0; l < 3; l++) {
        size_t n = ZSTD_compress(packed, bound, input, size, levels[l]);
        if (ZSTD_isError(n)) {
            fprintf(stderr, "%s\n", ZSTD_getErrorName(n));
            return 1;
        }
        unsigned long sum = 0;
        for (int r = 0; r < 5; r++) {
            size_t m = ZSTD_decompress(unpacked, size, packed, n);
            if (ZSTD_isError(m) || m != size || memcmp(unpacked, input, size) != 0) {
                fprintf(stderr, "level %d: the round trip differs\n", levels[l]);
                return 1;
            }
            for (size_t i = 0; i < m; i += 61) sum = sum * 31 + (unsigned char)unpacked[i];
        }
        printf("level %d: %zu -> %zu bytes, checksum %lu\n", levels[l], size, n, sum);
    }
    return 0;
}
