/* Call overhead: a call-bound loop (each call's result is the next call's
 * argument) through each way of reaching a function, interleaved round after
 * round. Linked against the mvimg image (libmvcalls.so) and the ifunc library
 * (libifunccalls.so).
 *
 * usage: calls CALLS ROUNDS
 * prints per round and way: WAY NANOSECONDS_PER_CALL */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

unsigned local_inc(unsigned);               /* calls_local.c */
unsigned ifunc_inc(unsigned);               /* libifunccalls.so, an ifunc */
unsigned mv_inc(unsigned);                  /* libmvcalls.so, an exported entry */
unsigned run_direct(unsigned long, unsigned); /* libmvcalls.so, loops inside */
unsigned run_slot(unsigned long, unsigned);   /* libmvcalls.so, loops inside */

/* The `multiversion` crate's dispatch: an atomic function pointer that starts
 * at a resolver, which stores the chosen function on the first call. */
typedef unsigned (*inc_fn)(unsigned);
static unsigned resolve(unsigned x);
static _Atomic(inc_fn) atomic_inc = resolve;
static unsigned resolve(unsigned x) {
    atomic_store_explicit(&atomic_inc, local_inc, memory_order_relaxed);
    return local_inc(x);
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e9 + t.tv_nsec;
}

#define LOOP(way, call)                                                     \
    do {                                                                    \
        unsigned acc = 0;                                                   \
        double start = now();                                               \
        for (unsigned long i = 0; i < calls; i++)                           \
            acc = call;                                                     \
        double ns = (now() - start) / calls;                                \
        check(way, acc, calls);                                             \
        printf("%s %.4f\n", way, ns);                                       \
    } while (0)

static void check(const char *way, unsigned acc, unsigned long calls) {
    if (acc != (unsigned)calls) {
        fprintf(stderr, "calls: %s computed %u, expected %u\n", way, acc, (unsigned)calls);
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: calls CALLS ROUNDS\n");
        return 2;
    }
    unsigned long calls = strtoul(argv[1], 0, 10);
    int rounds = atoi(argv[2]);
    /* What dlsym returns: for an IFUNC symbol (both libraries' functions on
     * glibc), the body its resolver chose, called through the pointer. */
    inc_fn entry_ptr = (inc_fn)dlsym(RTLD_DEFAULT, "mv_inc");
    inc_fn ifunc_ptr = (inc_fn)dlsym(RTLD_DEFAULT, "ifunc_inc");
    if (!entry_ptr || !ifunc_ptr) {
        fprintf(stderr, "calls: dlsym found no mv_inc or ifunc_inc\n");
        return 1;
    }
    /* Through volatile pointers, so the loop calls through a register and
     * the compiler cannot turn the pointer back into the symbol. */
    inc_fn volatile entry_cell = entry_ptr, ifunc_cell = ifunc_ptr;
    entry_ptr = entry_cell;
    ifunc_ptr = ifunc_cell;
    for (int r = 0; r < rounds; r++) {
        LOOP("direct", local_inc(acc));
        {
            double start = now();
            unsigned acc = run_direct(calls, 0);
            double ns = (now() - start) / calls;
            check("image_direct", acc, calls);
            printf("image_direct %.4f\n", ns);
        }
        {
            double start = now();
            unsigned acc = run_slot(calls, 0);
            double ns = (now() - start) / calls;
            check("slot", acc, calls);
            printf("slot %.4f\n", ns);
        }
        LOOP("entry", mv_inc(acc));
        LOOP("ifunc", ifunc_inc(acc));
        LOOP("entry_dlsym", entry_ptr(acc));
        LOOP("ifunc_dlsym", ifunc_ptr(acc));
        LOOP("atomic", atomic_load_explicit(&atomic_inc, memory_order_relaxed)(acc));
        fflush(stdout);
    }
    return 0;
}
