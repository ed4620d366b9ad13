/* The system image's hand-written part: hot float kernels, a read of the
 * runtime's data, the serialized blob (linked as an object, not IR), and
 * the function-pointer tables the runtime walks at start-up. The generated
 * part (gen.c: static functions and their table) comes from main.rs. */
typedef double (*rt_fn)(const double *, int);
struct rt_entry {
    const char *name;
    rt_fn fn;
};

extern double rt_scale;                        /* the runtime's data */
extern const unsigned char sys_blob[];         /* the serialized blob */
extern int rt_walk(const char *image, const struct rt_entry *table, int count);

double sys_dot(const double *a, const double *b, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += a[i] * b[i];
    return s;
}

/* Static: the table's pointers to them are cells the image's init points at
 * the selected clones (exported functions' addresses stay their exported
 * symbols, which dispatch through their slots). */
static double sys_norm2(const double *x, int n) { return sys_dot(x, x, n); }

static double sys_scaled_sum(const double *x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += x[i] * rt_scale;
    return s;
}

/* The blob's bytes, weighted: proves the object's data is linked in. */
static double sys_blob_weight(const double *x, int n) {
    double s = 0;
    for (int i = 0; i < n && i < 64; i++) s += x[i] * sys_blob[i];
    return s;
}

double sys_poly(const double *x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) s += ((x[i] * 0.5 + 1.0) * x[i] - 2.0) * x[i];
    return s;
}

static const struct rt_entry sys_table[] = {
    {"sys_norm2", sys_norm2},
    {"sys_scaled_sum", sys_scaled_sum},
    {"sys_blob_weight", sys_blob_weight},
    {"sys_poly", sys_poly},
};

/* The generated functions' table (gen.c, written by main.rs). */
extern const struct rt_entry *gen_entries(int *count);

/* Hands both tables to the runtime; their pointers are the selected
 * clones. */
int sys_start(void) {
    int count = 0;
    const struct rt_entry *gen = gen_entries(&count);
    return rt_walk("system", sys_table, (int)(sizeof sys_table / sizeof sys_table[0])) +
           rt_walk("system", gen, count);
}
