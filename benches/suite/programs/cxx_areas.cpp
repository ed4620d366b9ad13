// ci/bench part 7 (programs): see cxx_shapes.h.
#include <algorithm>

#include "cxx_shapes.h"

double sum_areas(const std::vector<std::unique_ptr<Shape>> &shapes) {
    Stats<double> stats;
    for (const auto &s : shapes) stats.add(s->area());
    std::vector<double> sorted = stats.values;
    std::sort(sorted.begin(), sorted.end());
    return stats.total() + sorted[sorted.size() / 2];
}

std::map<std::string, int> count_kinds(const std::vector<std::unique_ptr<Shape>> &shapes) {
    std::map<std::string, int> counts;
    for (const auto &s : shapes) counts[s->kind()]++;
    return counts;
}
