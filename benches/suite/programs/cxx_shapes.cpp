// ci/bench part 7 (programs): see cxx_shapes.h.
#include "cxx_shapes.h"

std::vector<std::unique_ptr<Shape>> make_shapes(int n, unsigned seed) {
    std::vector<std::unique_ptr<Shape>> shapes;
    for (int i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        double x = (seed >> 8) % 1000 / 100.0 + 0.01;
        if (seed & 1) shapes.push_back(std::make_unique<Circle>(x));
        else shapes.push_back(std::make_unique<Rect>(x, x / 2 + 1));
    }
    return shapes;
}
