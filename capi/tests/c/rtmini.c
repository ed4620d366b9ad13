/* The runtime library the test's images link against. */
double rt_scale(void) { return 1.5; }
