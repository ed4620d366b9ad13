/* Loads the runtime, then the system image, then the package image; checks
 * their build records; starts them (the runtime walks the system image's
 * function table, the package registers its functions); runs the workload
 * through the runtime; prints what each image selected. Built for Linux
 * (x86_64, AArch64) and Windows. Usage: driver RUNTIME SYSTEM PACKAGE
 * [--ordinary] (images built without mvimg: no records to check). */
#include <stdio.h>
#include <string.h>
#ifdef _WIN32
#include <windows.h>
#define LOAD(p) ((void *)LoadLibraryA(p))
#define SYM(h, n) ((void *)GetProcAddress((HMODULE)(h), n))
#else
#include <dlfcn.h>
#define LOAD(p) dlopen(p, RTLD_NOW | RTLD_GLOBAL)
#define SYM(h, n) dlsym(h, n)
#endif

typedef const char *(*record_fn)(const char *);
typedef int (*int_fn)(void);
typedef const char *(*name_fn)(int);

static int ordinary;

static int report(const char *what, void *image) {
    record_fn record = (record_fn)SYM(image, "mvimg_image_record");
    int_fn selected = (int_fn)SYM(image, "mvimg_selected_target");
    name_fn name = (name_fn)SYM(image, "mvimg_target_name");
    if (!record || !selected || !name) {
        printf("%s: no build record%s\n", what, ordinary ? " (an ordinary build)" : ": refused");
        return ordinary;
    }
    const char *abi = record("runtime-abi");
    if (!abi || strcmp(abi, "1") != 0) {
        printf("%s: built for runtime ABI %s, not 1: refused\n", what, abi ? abi : "(none)");
        return 0;
    }
    int t = selected();
    printf("%s: target %d (%s), built by mvimg %s at -O%s%s%s\n", what, t, t >= 0 ? name(t) : "none",
           record("mvimg.version"), record("mvimg.opt-level"), record("mvimg.base") ? " on " : "",
           record("mvimg.base") ? record("mvimg.base") : "");
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 4 && !(argc == 5 && strcmp(argv[4], "--ordinary") == 0)) return 2;
    ordinary = argc == 5;
    void *rt = LOAD(argv[1]), *sys = LOAD(argv[2]), *pkg = LOAD(argv[3]);
    if (!rt || !sys || !pkg) {
        printf("load failed\n");
        return 1;
    }
    if (!report("system image", sys) || !report("package image", pkg)) return 1;
    int registered = ((int_fn)SYM(sys, "sys_start"))() + ((int_fn)SYM(pkg, "pkg_start"))();
    int_fn count = (int_fn)SYM(rt, "rt_count");
    double (*run_all)(const double *, int) = (double (*)(const double *, int))SYM(rt, "rt_run_all");
    double x[200];
    for (int i = 0; i < 200; i++) x[i] = (i % 17) * 0.25 - 1.5;
    printf("runtime: %d functions registered (%d)\n", count(), registered);
    printf("workload: %.6g\n", run_all(x, 200));
    return 0;
}
