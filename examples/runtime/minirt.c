/* minirt: a miniature language runtime that mvimg images link against.
 * It owns an allocator, printing, a data symbol the images read, and a
 * registry of named functions that images fill at start-up. */
/* The C library functions it uses, declared here rather than included: the
 * macOS build has no SDK headers on this machine. */
typedef __SIZE_TYPE__ size_t;
int printf(const char *format, ...);
void *calloc(size_t count, size_t size);
int strcmp(const char *a, const char *b);
#define NULL ((void *)0)

#ifdef _WIN32
#define RT_API __declspec(dllexport)
#else
#define RT_API __attribute__((visibility("default")))
#endif

typedef double (*rt_fn)(const double *, int);

/* One entry of an image's function table, as the runtime walks it. */
struct rt_entry {
    const char *name;
    rt_fn fn;
};

#define RT_MAX 1024
static struct {
    const char *name, *image;
    rt_fn fn;
} registry[RT_MAX];
static int registered;

/* Read by the images' code (Windows: through the import library). */
RT_API double rt_scale = 0.5;

RT_API void *rt_alloc(size_t bytes) { return calloc(1, bytes); }

RT_API void rt_print(const char *what, double value) { printf("%s %.6g\n", what, value); }

/* Registers `fn` under `name` for `image`; -1 when the registry is full. */
RT_API int rt_register(const char *image, const char *name, rt_fn fn) {
    if (registered == RT_MAX) return -1;
    registry[registered].image = image;
    registry[registered].name = name;
    registry[registered].fn = fn;
    return registered++;
}

/* Walks an image's function table (`count` entries) into the registry. */
RT_API int rt_walk(const char *image, const struct rt_entry *table, int count) {
    int n = 0;
    for (int i = 0; i < count; i++)
        if (rt_register(image, table[i].name, table[i].fn) >= 0) n++;
    return n;
}

RT_API int rt_count(void) { return registered; }

/* The registered function called `name`, or NULL. */
RT_API rt_fn rt_lookup(const char *name) {
    for (int i = 0; i < registered; i++)
        if (strcmp(registry[i].name, name) == 0) return registry[i].fn;
    return NULL;
}

/* Calls every registered function on `x[0..n]` and sums the results. */
RT_API double rt_run_all(const double *x, int n) {
    double total = 0;
    for (int i = 0; i < registered; i++) total += registry[i].fn(x, n);
    return total;
}
