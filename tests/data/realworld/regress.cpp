// Minimal regressions for what issue 15 found in real C++: templates and
// inline functions (linkonce_odr) used from several partitions, a hidden
// linkonce helper (__clang_call_terminate, from a noexcept function),
// virtual calls, exceptions thrown and caught inside the library, a static
// constructor with a loop, thread_local, std::vector/map/sort/string.
#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

template <int N> int tpl(int x) {
    int s = 0;
    for (int i = 0; i < x; i++) s += i * N + (i % 3);
    return s;
}

struct Shape {
    virtual ~Shape() {}
    virtual double area() const = 0;
};
struct Square : Shape {
    double side;
    explicit Square(double s) : side(s) {}
    double area() const override { return side * side; }
};
struct Circle : Shape {
    double radius;
    explicit Circle(double r) : radius(r) {}
    double area() const override { return 3.14159 * radius * radius; }
};

static std::map<std::string, int> registry = [] {
    std::map<std::string, int> m;
    for (int i = 0; i < 50; i++) m["k" + std::to_string(i)] = i * i;
    return m;
}();

thread_local int tl_count = 0;

static void may_throw(int x) {
    if (x % 7 == 3) throw std::runtime_error("bad " + std::to_string(x));
    if (x % 11 == 5) throw std::out_of_range("range " + std::to_string(x));
}

std::vector<int> make(int n) noexcept {
    std::vector<int> v;
    for (int i = 0; i < n; i++) v.push_back((i * 7919) % 1000);
    return v;
}

extern "C" int rc_templates(int n) { return tpl<0>(n) + tpl<1>(n) + tpl<5>(n); }

extern "C" int rc_sort(int n) {
    std::vector<int> v = make(n);
    std::sort(v.begin(), v.end());
    long s = 0;
    for (size_t i = 0; i < v.size(); i++) s += v[i] * (long)(i % 13);
    return (int)(s % 1000003) + tpl<1>(n % 100);
}

extern "C" double rc_virtual(int n) {
    std::vector<std::unique_ptr<Shape>> shapes;
    for (int i = 0; i < n; i++) {
        if (i % 2) shapes.emplace_back(new Square(i * 0.5));
        else shapes.emplace_back(new Circle(i * 0.25));
    }
    std::sort(shapes.begin(), shapes.end(),
              [](const std::unique_ptr<Shape> &a, const std::unique_ptr<Shape> &b) {
                  return a->area() < b->area();
              });
    double s = 0;
    for (size_t i = 0; i < shapes.size(); i++) s += shapes[i]->area() * (double)(i % 5);
    return s;
}

extern "C" int rc_exceptions(int n) {
    int caught = 0;
    for (int i = 0; i < n; i++) {
        try {
            may_throw(i);
        } catch (const std::out_of_range &e) {
            caught += 1000 + (int)e.what()[0];
        } catch (const std::exception &e) {
            caught += (int)std::string(e.what()).size();
        }
    }
    return caught;
}

extern "C" int rc_registry(void) {
    int s = 0;
    for (const auto &entry : registry) s += entry.second * (int)entry.first.size();
    return s;
}

extern "C" int rc_threads(void) {
    std::vector<int> results(4);
#if defined(_GLIBCXX_HAS_GTHREADS)
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; t++)
        threads.emplace_back([t, &results] {
            for (int i = 0; i < 1000 + t; i++) tl_count++;
            results[t] = tl_count;
        });
    for (auto &thread : threads) thread.join();
#else
    // MinGW's win32 thread model (Debian's default) has no std::thread: the
    // same counts, each from a fresh counter.
    for (int t = 0; t < 4; t++) {
        int count = 0;
        for (int i = 0; i < 1000 + t; i++) count++;
        results[t] = count;
    }
#endif
    tl_count += 1;
    return results[0] + results[1] + results[2] + results[3] + tl_count;
}
