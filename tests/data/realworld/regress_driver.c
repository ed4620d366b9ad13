/* Drives regress.c's library through its exports only (linked against it,
 * nothing else): prints every result, one per line, for comparison with the
 * ordinary build, then the image's selection on stderr. */
#include <stdint.h>
#include <stdio.h>

typedef long (*work_fn)(const int *, int);
struct ops { int tag; work_fn a; work_fn b; uintptr_t c; };
extern int rg_table(int), rg_identity(void), rg_used(void), rg_weak(void), rg_bump(void),
    rg_picked(void), rg_protected(int);
extern long rg_work(const int *, int), rg_call_all(const int *, int);
extern work_fn rg_as_ptr;
extern uintptr_t rg_as_int;
extern struct ops rg_ops;
extern unsigned rg_crc(const unsigned char *, int), rg_crc_alias(const unsigned char *, int),
    rg_local_alias(const unsigned char *, int);
extern unsigned (*rg_local_crc_ptr)(const unsigned char *, int);
extern int rg_interp(const unsigned char *, int);
extern int (*rg_interp_ptr)(const unsigned char *, int);
extern int rg_data;
extern const int rg_const_data[4];
#if !defined(_WIN32)
extern __thread int rg_tls; /* a DLL's thread-locals cannot be imported */
#endif
void report_selection(void); /* report.c */

int main(void) {
    static int v[1000];
    for (int i = 0; i < 1000; i++) v[i] = (i * 2654435761u) >> 7;
    const unsigned char *text = (const unsigned char *)"the quick brown fox";
    printf("table %d %d\n", rg_table(3), rg_table(255));
    printf("identity %d\n", rg_identity());
    printf("outside %d %d %d\n", (uintptr_t)&rg_work == rg_as_int, rg_ops.a == &rg_work,
           rg_as_ptr == &rg_work);
    printf("work %ld %ld\n", rg_work(v, 1000), rg_call_all(v, 1000));
    printf("used %d\n", rg_used());
    printf("crc %u %u %d\n", rg_crc(text, 19), rg_crc_alias(text, 19), &rg_crc == &rg_crc_alias);
    printf("local alias %u %u %d\n", rg_local_alias(text, 19), rg_local_crc_ptr(text, 19),
           &rg_local_alias == rg_local_crc_ptr);
#if defined(_WIN32)
    /* A MinGW DLL does not export weak definitions. */
    printf("data %d %d\n", rg_data, rg_const_data[3]);
#else
    printf("weak %d data %d %d\n", rg_weak(), rg_data, rg_const_data[3]);
#endif
    int a = rg_bump(), b = rg_bump();
#if defined(_WIN32)
    printf("tls %d %d\n", a, b);
#else
    printf("tls %d %d %d\n", a, b, rg_tls);
#endif
    printf("ifunc %d\n", rg_picked());
    printf("protected %d\n", rg_protected(1000));
    unsigned char code[200];
    for (int i = 0; i < 200; i++) code[i] = (unsigned char)((i * 7) % 3 + (i == 150) * 3);
    printf("interp %d %d %d\n", rg_interp(code, 40), rg_interp_ptr(code, 200),
           rg_interp_ptr == &rg_interp);
    report_selection();
    return 0;
}
