/* Minimal regressions for what issue 15 found in real C: a constructor and a
 * `used` function that get cloned, function addresses in data in every form
 * (pointer, pointer-sized integer, pointer plus offset, inside structs), in
 * code, and from outside; aliases, weak definitions, exported data, TLS and a
 * GNU ifunc. Every function with a loop is cloned by the default lists. */
#include <stdint.h>

static int table[256];
__attribute__((constructor)) static void init_table(void) {
    for (int i = 0; i < 256; i++) table[i] = i * i;
}
__attribute__((used)) static int used_sum(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += table[i & 255];
    return s;
}
int rg_table(int i) { return table[i & 255]; }

long rg_work(const int *p, int n) {
    long s = 0;
    for (int i = 0; i < n; i++) s += (long)p[i] * 3;
    return s;
}
static long local_work(const int *p, int n) {
    long s = 1;
    for (int i = 0; i < n; i++) s ^= (long)p[i] << (i & 7);
    return s;
}
static long offset_work(const int *p, int n) {
    long s = 2;
    for (int i = 0; i < n; i++) s += (long)p[i] * i;
    return s;
}

typedef long (*work_fn)(const int *, int);
work_fn rg_as_ptr = rg_work;
uintptr_t rg_as_int = (uintptr_t)&rg_work;
static work_fn local_ptr = local_work;
static uintptr_t local_int = (uintptr_t)&local_work;
static work_fn offset_ptr = offset_work;
static const char *offset_plus_one = (const char *)&offset_work + 1;
struct ops { int tag; work_fn a; work_fn b; uintptr_t c; };
struct ops rg_ops = { 9, rg_work, local_work, (uintptr_t)&offset_work };

/* One bit per pair of ways of taking an address that must agree. */
int rg_identity(void) {
    work_fn in_code = local_work;
    volatile uintptr_t int_in_code = (uintptr_t)&local_work;
    volatile uintptr_t offset_in_code = (uintptr_t)&offset_work;
    int ok = 0;
    ok |= ((uintptr_t)rg_as_ptr == rg_as_int) << 0;
    ok |= ((uintptr_t)local_ptr == local_int) << 1;
    ok |= (in_code == local_ptr) << 2;
    ok |= (int_in_code == local_int) << 3;
    ok |= (offset_plus_one == (const char *)offset_ptr + 1) << 4;
    ok |= (rg_ops.b == local_ptr) << 5;
    ok |= (rg_ops.a == rg_as_ptr) << 6;
    ok |= ((work_fn)rg_work == rg_as_ptr) << 7;
    ok |= (offset_in_code == rg_ops.c) << 8;
    ok |= ((uintptr_t)offset_ptr == rg_ops.c) << 9;
    return ok;
}

long rg_call_all(const int *p, int n) {
    work_fn via_offset = (work_fn)(uintptr_t)(offset_plus_one - 1);
    return rg_as_ptr(p, n) + local_ptr(p, n) + rg_ops.b(p, n) + via_offset(p, n) +
           ((work_fn)rg_ops.c)(p, n) + offset_ptr(p, n);
}

int rg_used(void) { return used_sum(256); }

unsigned rg_crc(const unsigned char *p, int n) {
    unsigned c = 0;
    for (int i = 0; i < n; i++) c = c * 31 + p[i];
    return c;
}
#if !defined(__APPLE__) /* Mach-O has no aliases */
unsigned rg_crc_alias(const unsigned char *p, int n) __attribute__((alias("rg_crc")));
#endif
static unsigned local_crc(const unsigned char *p, int n) {
    unsigned c = 7;
    for (int i = 0; i < n; i++) c = c * 33 ^ p[i];
    return c;
}
#if !defined(__APPLE__)
unsigned rg_local_alias(const unsigned char *p, int n) __attribute__((alias("local_crc")));
#endif
unsigned (*rg_local_crc_ptr)(const unsigned char *, int) = local_crc;

__attribute__((weak)) int rg_weak(void) { return 5; }
#if defined(__ELF__)
/* Protected: exported, but not preemptible. */
__attribute__((visibility("protected"))) int rg_protected(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += i ^ 5;
    return s;
}
#else
int rg_protected(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) s += i ^ 5;
    return s;
}
#endif
int rg_data = 42;
const int rg_const_data[4] = {1, 2, 3, 4};
__thread int rg_tls = 7;
int rg_bump(void) { return ++rg_tls; }

#if defined(__ELF__)
static int impl_one(void) { return 11; }
static int (*resolve_pick(void))(void) { return impl_one; }
int rg_picked(void) __attribute__((ifunc("resolve_pick")));
#else
int rg_picked(void) { return 11; }
#endif

/* A computed goto through a static table of labels (an interpreter's
 * dispatch, as in CPython or Lua): the table is a variable whose initializer
 * holds the addresses of this function's blocks, so every clone needs its
 * own copy. Its address is also stored in data (a trampoline stands for it
 * there), and the blocks must stay this function's. */
int rg_interp(const unsigned char *code, int n) {
    static const void *const ops[] = {&&op_add, &&op_double, &&op_sub, &&op_halt};
    unsigned acc = 1;
    int pc = 0;
    goto *ops[code[pc] & 3];
op_add:
    acc += 3;
    if (++pc >= n) return (int)(acc & 0x7fffffff);
    goto *ops[code[pc] & 3];
op_double:
    acc *= 2;
    if (++pc >= n) return (int)(acc & 0x7fffffff);
    goto *ops[code[pc] & 3];
op_sub:
    acc -= 1;
    if (++pc >= n) return (int)(acc & 0x7fffffff);
    goto *ops[code[pc] & 3];
op_halt:
    return (int)(acc & 0x7fffffff);
}
int (*rg_interp_ptr)(const unsigned char *, int) = rg_interp;
