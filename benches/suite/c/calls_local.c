/* Call overhead: the callee of the direct and atomic-pointer loops, in its own
 * translation unit so that the driver's compiler cannot see its body. */
unsigned local_inc(unsigned x) {
    return x + 1;
}
