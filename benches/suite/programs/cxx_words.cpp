// ci/bench part 7 (programs): see cxx_shapes.h.
#include "cxx_shapes.h"

long word_table(int n) {
    std::unordered_map<std::string, long> table;
    Stats<long> lengths;
    for (int i = 0; i < n; i++) {
        std::string word = "w" + std::to_string(i % 5003) + "_" + std::to_string(i % 7);
        table[word] += i;
        lengths.add(static_cast<long>(word.size()));
    }
    long sum = 0;
    for (const auto &[word, v] : table) sum += v % 1000 + static_cast<long>(word[1]);
    return sum + lengths.total();
}
