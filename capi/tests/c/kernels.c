/* The image's code in capi/tests/c_api.rs: a kernel that calls into the
 * runtime library and a reader of the data object the build adds. */
extern double rt_scale(void);
extern const unsigned char blob[4];

double scaled_dot(const double *x, const double *y, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += x[i] * y[i];
    return s * rt_scale();
}

int blob_sum(void) {
    int s = 0;
    for (int i = 0; i < 4; i++) s += blob[i];
    return s;
}
