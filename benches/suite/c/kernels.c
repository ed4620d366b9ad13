/* Kernel speed: the same workloads run through three libraries built from the
 * same bitcode, interleaved round after round in one process:
 *   selected  the mvimg image, dispatched by its own init on this machine
 *   native    clang-22 -O2 -march=native of the same IR
 *   generic   a copy of the mvimg image, opened with MVIMG_FORCE_TARGET=0
 * Results must agree between the three (floats to 1e-4 relative).
 *
 * usage: kernels SELECTED NATIVE GENERIC ZSTD_INPUT ROUNDS
 * prints per round, workload and library: WORKLOAD LIBRARY NANOSECONDS_PER_RUN */
#include <dlfcn.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    const char *name;
    void (*saxpy)(float *, const float *, float, size_t);
    float (*dot)(const float *, const float *, size_t);
    void (*matmul)(float *, const float *, const float *, size_t);
    void (*stencil)(double *, const double *, size_t);
    unsigned (*checksum)(const unsigned char *, size_t);
    size_t (*compress)(void *, size_t, const void *, size_t, int);
    size_t (*decompress)(void *, size_t, const void *, size_t);
    unsigned (*is_error)(size_t);
} Lib;

/* Sizes that fit in L1/L2, so that the kernels are bound by computation. */
#define N 2048
#define M 64
static float x[N], y[N], a[M * M], b[M * M], c[M * M];
static double d[N], e[N];
static unsigned char bytes[16384];
static unsigned char *input, *packed, *unpacked;
static size_t input_size, packed_cap, packed_size;

static void *sym(void *h, const char *lib, const char *name) {
    void *p = dlsym(h, name);
    if (!p) {
        fprintf(stderr, "kernels: %s has no %s\n", lib, name);
        exit(1);
    }
    return p;
}

static Lib open_lib(const char *name, const char *path, int force_generic) {
    if (force_generic) setenv("MVIMG_FORCE_TARGET", "0", 1);
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (force_generic) unsetenv("MVIMG_FORCE_TARGET");
    if (!h) {
        fprintf(stderr, "kernels: %s\n", dlerror());
        exit(1);
    }
    Lib l = {name};
    *(void **)&l.saxpy = sym(h, path, "saxpy");
    *(void **)&l.dot = sym(h, path, "dot");
    *(void **)&l.matmul = sym(h, path, "matmul");
    *(void **)&l.stencil = sym(h, path, "stencil");
    *(void **)&l.checksum = sym(h, path, "checksum");
    *(void **)&l.compress = sym(h, path, "ZSTD_compress");
    *(void **)&l.decompress = sym(h, path, "ZSTD_decompress");
    *(void **)&l.is_error = sym(h, path, "ZSTD_isError");
    return l;
}

/* Runs workload `w` once on `l`; returns a digest of its result. */
static double run(const Lib *l, int w) {
    switch (w) {
    case 0:
        for (int r = 0; r < 8; r++) l->saxpy(y, x, 1.0001f, N);
        return y[N / 2];
    case 1:
        return l->dot(x, y, N);
    case 2:
        memset(c, 0, sizeof c);
        l->matmul(c, a, b, M);
        return c[M * M / 2 + 3];
    case 3:
        for (int r = 0; r < 8; r++) {
            l->stencil(e, d, N);
            l->stencil(d, e, N);
        }
        return d[N / 2];
    case 4:
        return l->checksum(bytes, sizeof bytes);
    case 5: {
        size_t n = l->compress(packed, packed_cap, input, input_size, 3);
        if (l->is_error(n)) {
            fprintf(stderr, "kernels: %s: ZSTD_compress failed\n", l->name);
            exit(1);
        }
        packed_size = n;
        return (double)n;
    }
    default: {
        size_t n = l->decompress(unpacked, input_size, packed, packed_size);
        if (l->is_error(n) || n != input_size || memcmp(unpacked, input, n) != 0) {
            fprintf(stderr, "kernels: %s: ZSTD_decompress did not give the input back\n", l->name);
            exit(1);
        }
        return (double)n;
    }
    }
}

static const char *const workloads[] = {"saxpy", "dot", "matmul", "stencil", "checksum",
                                        "zstd_compress", "zstd_decompress"};
#define WORKLOADS 7

static void reset(void) {
    for (int i = 0; i < N; i++) {
        x[i] = (i % 251) * 0.01f;
        y[i] = (i % 127) * 0.02f;
        d[i] = (i % 101) * 0.5;
    }
    for (int i = 0; i < M * M; i++) {
        a[i] = (i % 17) * 0.125f;
        b[i] = (i % 13) * 0.25f;
    }
    for (size_t i = 0; i < sizeof bytes; i++) bytes[i] = (unsigned char)(i * 7);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
    if (argc != 6) {
        fprintf(stderr, "usage: kernels SELECTED NATIVE GENERIC ZSTD_INPUT ROUNDS\n");
        return 2;
    }
    Lib libs[3] = {open_lib("selected", argv[1], 0), open_lib("native", argv[2], 0),
                   open_lib("generic", argv[3], 1)};
    FILE *f = fopen(argv[4], "rb");
    if (!f) {
        fprintf(stderr, "kernels: cannot open %s\n", argv[4]);
        return 1;
    }
    fseek(f, 0, SEEK_END);
    input_size = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    input = malloc(input_size);
    unpacked = malloc(input_size);
    packed_cap = input_size + input_size / 128 + 1024;
    packed = malloc(packed_cap);
    if (!input || !unpacked || !packed || fread(input, 1, input_size, f) != input_size) {
        fprintf(stderr, "kernels: cannot read %s\n", argv[4]);
        return 1;
    }
    fclose(f);
    int rounds = atoi(argv[5]);

    /* Agreement, and how many runs make a sample of about 20 ms. */
    int reps[WORKLOADS];
    for (int w = 0; w < WORKLOADS; w++) {
        double results[3];
        for (int k = 0; k < 3; k++) {
            reset();
            if (w == 6) run(&libs[k], 5); /* decompress what this library packed */
            results[k] = run(&libs[k], w);
        }
        for (int k = 1; k < 3; k++)
            if (fabs(results[k] - results[0]) > 1e-4 * fmax(fabs(results[0]), 1.0)) {
                fprintf(stderr, "kernels: %s: %s gives %.9g, %s %.9g\n", workloads[w],
                        libs[0].name, results[0], libs[k].name, results[k]);
                return 1;
            }
        double start = now();
        int n = 0;
        while (now() - start < 20e6) {
            run(&libs[0], w);
            n++;
        }
        reps[w] = n;
    }
    for (int r = 0; r < rounds; r++)
        for (int w = 0; w < WORKLOADS; w++)
            for (int k = 0; k < 3; k++) {
                reset();
                if (w == 6) run(&libs[k], 5);
                double start = now();
                for (int i = 0; i < reps[w]; i++) run(&libs[k], w);
                printf("%s %s %.1f\n", workloads[w], libs[k].name, (now() - start) / reps[w]);
            }
    return 0;
}
