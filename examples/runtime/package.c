/* A package image layered on the system image: it calls the system image's
 * functions and registers its own with the runtime. */
typedef double (*rt_fn)(const double *, int);
extern double sys_dot(const double *a, const double *b, int n);
extern double sys_poly(const double *x, int n);
extern int rt_register(const char *image, const char *name, rt_fn fn);
extern double rt_scale;

static double pkg_cross(const double *x, int n) {
    double y[256];
    int m = n < 256 ? n : 256;
    for (int i = 0; i < m; i++) y[i] = x[m - 1 - i] * rt_scale;
    return sys_dot(x, y, m);
}

static double pkg_smooth(const double *x, int n) {
    double s = 0;
    for (int i = 1; i + 1 < n; i++) s += 0.25 * x[i - 1] + 0.5 * x[i] + 0.25 * x[i + 1];
    return s + sys_poly(x, n < 8 ? n : 8);
}

int pkg_start(void) {
    int n = 0;
    n += rt_register("package", "pkg_cross", pkg_cross) >= 0;
    n += rt_register("package", "pkg_smooth", pkg_smooth) >= 0;
    return n;
}
