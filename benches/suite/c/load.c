/* Load-time dispatch: times dlopen(RTLD_NOW) of one library in a fresh
 * process, then checks it: calls the named function and, for an mvimg image,
 * asks which target its init selected.
 *
 * usage: load LIBRARY FUNCTION ARGUMENT
 * prints: NANOSECONDS RESULT SELECTED (SELECTED is -2 without mvimg's export) */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: load LIBRARY FUNCTION ARGUMENT\n");
        return 2;
    }
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    void *h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    if (!h) {
        fprintf(stderr, "load: %s\n", dlerror());
        return 1;
    }
    long long ns = (long long)(b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
    unsigned (*f)(unsigned) = (unsigned (*)(unsigned))dlsym(h, argv[2]);
    if (!f) {
        fprintf(stderr, "load: %s has no %s\n", argv[1], argv[2]);
        return 1;
    }
    int (*selected)(void) = (int (*)(void))dlsym(h, "mvimg_selected_target");
    printf("%lld %u %d\n", ns, f((unsigned)strtoul(argv[3], 0, 10)), selected ? selected() : -2);
    return 0;
}
