// ci/bench part 7 (programs): the library's C entry point; see cxx_shapes.h.
#include <cstdio>

#include "cxx_shapes.h"

extern "C" int shapes_run(int rounds, char *out, int size) {
    double areas = 0;
    long words = 0;
    int circles = 0;
    for (int r = 0; r < rounds; r++) {
        auto shapes = make_shapes(200000, 7u + static_cast<unsigned>(r));
        areas += sum_areas(shapes);
        circles += count_kinds(shapes)["circle"];
        words += word_table(100000);
    }
    return std::snprintf(out, static_cast<size_t>(size), "%.3f %d %ld", areas, circles, words);
}
