/* Call overhead, the ifunc side: one function in three variants by clang's
 * target_clones, dispatched by a glibc ifunc resolver at load time. Its body
 * is the body of every other callee of the call benchmark. */
__attribute__((target_clones("default", "arch=haswell", "arch=x86-64-v4")))
unsigned ifunc_inc(unsigned x) {
    return x + 1;
}
