// A minimal check harness for the C++ tests: CHECK_EQ prints the first few failures with file and line, and
// check_exit() turns the count into the exit code the NUnit wrapper asserts on.
#ifndef QUASAR_TESTS_CHECK_H
#define QUASAR_TESTS_CHECK_H

#include <cstdio>

namespace check {

inline long& failures() {
    static long count = 0;
    return count;
}

constexpr long PRINTED_FAILURES = 20;

inline bool record(bool ok, const char* file, int line, const char* expression, long long expected, long long got) {
    if (ok) return true;
    if (++failures() <= PRINTED_FAILURES)
        std::printf("FAIL %s:%d: %s: expected %lld, got %lld\n", file, line, expression, expected, got);
    return false;
}

inline int exit_code(const char* name) {
    if (failures() == 0) {
        std::printf("OK %s\n", name);
        return 0;
    }
    std::printf("FAILED %s: %ld check(s)\n", name, failures());
    return 1;
}

} // namespace check

#define CHECK_EQ(expected, got)                                                                                        \
    check::record(static_cast<long long>(expected) == static_cast<long long>(got), __FILE__, __LINE__,                 \
                  #got " == " #expected, static_cast<long long>(expected), static_cast<long long>(got))
#define CHECK(condition) check::record((condition), __FILE__, __LINE__, #condition, 1, 0)

#endif // QUASAR_TESTS_CHECK_H
