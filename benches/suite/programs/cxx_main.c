/* ci/bench part 7 (programs): calls the C++ workload's library (the ordinary
   build or an mvimg image) and prints its result. */
#include <stdio.h>

int shapes_run(int rounds, char *out, int size);

int main(void) {
    char out[256];
    shapes_run(16, out, (int)sizeof out);
    puts(out);
    return 0;
}
