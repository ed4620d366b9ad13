/* Drives regress.cpp's library through its C entry points only (linked
 * against it, nothing else): prints every result for comparison with the
 * ordinary build, then the image's selection on stderr. */
#include <stdio.h>

extern int rc_templates(int), rc_sort(int), rc_exceptions(int), rc_registry(void),
    rc_threads(void);
extern double rc_virtual(int);
void report_selection(void); /* report.c */

int main(void) {
    printf("templates %d\n", rc_templates(1000));
    printf("sort %d\n", rc_sort(5000));
    printf("virtual %.4f\n", rc_virtual(300));
    printf("exceptions %d\n", rc_exceptions(200));
    printf("registry %d\n", rc_registry());
    printf("threads %d\n", rc_threads());
    report_selection();
    return 0;
}
