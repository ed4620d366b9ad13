// ci/bench part 7 (programs): a C++ workload of templates, virtual calls and
// standard containers, spread over translation units so that the header's
// inline members are linkonce_odr copies in each, as in real C++ libraries.
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

struct Shape {
    virtual ~Shape() = default;
    virtual double area() const = 0;
    virtual std::string kind() const = 0;
};

struct Circle final : Shape {
    double r;
    explicit Circle(double r) : r(r) {}
    double area() const override { return 3.141592653589793 * r * r; }
    std::string kind() const override { return "circle"; }
};

struct Rect final : Shape {
    double w, h;
    Rect(double w, double h) : w(w), h(h) {}
    double area() const override { return w * h; }
    std::string kind() const override { return "rect"; }
};

template <typename T> struct Stats {
    std::vector<T> values;
    void add(T v) { values.push_back(v); }
    T total() const {
        T s{};
        for (const T &v : values) s += v;
        return s;
    }
};

std::vector<std::unique_ptr<Shape>> make_shapes(int n, unsigned seed);
double sum_areas(const std::vector<std::unique_ptr<Shape>> &shapes);
std::map<std::string, int> count_kinds(const std::vector<std::unique_ptr<Shape>> &shapes);
long word_table(int n);
