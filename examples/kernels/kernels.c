/* Numeric kernels for mvimg's example: compiled by clang-22 to LLVM IR,
 * multiversioned for the default target list, loaded, dispatched and timed. */
#include <stddef.h>

/* y = a * x + y */
void saxpy(float *restrict y, const float *restrict x, float a, size_t n) {
    for (size_t i = 0; i < n; i++)
        y[i] = a * x[i] + y[i];
}

/* The dot product; the reduction may be reordered (and so vectorized). */
float dot(const float *x, const float *y, size_t n) {
#pragma clang fp reassociate(on) contract(fast)
    float s = 0.0f;
    for (size_t i = 0; i < n; i++)
        s += x[i] * y[i];
    return s;
}

/* c (n x n) += a (n x n) * b (n x n), row-major, i-k-j order. */
void matmul(float *restrict c, const float *restrict a, const float *restrict b, size_t n) {
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < n; k++) {
            float aik = a[i * n + k];
            for (size_t j = 0; j < n; j++)
                c[i * n + j] += aik * b[k * n + j];
        }
}

/* One step of a 3-point stencil on doubles. */
void stencil(double *restrict out, const double *restrict in, size_t n) {
    for (size_t i = 1; i + 1 < n; i++)
        out[i] = 0.25 * in[i - 1] + 0.5 * in[i] + 0.25 * in[i + 1];
}

/* A checksum over bytes: integer code, no floating point. */
unsigned checksum(const unsigned char *p, size_t n) {
    unsigned s = 0;
    for (size_t i = 0; i < n; i++)
        s = s * 31u + p[i];
    return s;
}
