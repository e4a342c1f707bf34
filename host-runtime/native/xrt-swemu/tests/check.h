// A minimal test framework: tests register under a fixture (one ctest test each), checks record a failure and go on.
#ifndef QUASAR_SWEMU_TESTS_CHECK_H
#define QUASAR_SWEMU_TESTS_CHECK_H

#include <cerrno>
#include <sstream>
#include <string>

int register_test(const char* fixture, const char* name, void (*body)());

#define TEST(fixture, name)                                                                                            \
    static void fixture##_##name();                                                                                    \
    [[maybe_unused]] static const int fixture##_##name##_registered =                                                  \
        register_test(#fixture, #name, fixture##_##name);                                                              \
    static void fixture##_##name()

void record_failure(const char* file, int line, const std::string& what);

#define CHECK(condition)                                                                                               \
    do {                                                                                                               \
        if (!(condition)) record_failure(__FILE__, __LINE__, "CHECK(" #condition ")");                                 \
    } while (0)

template <typename Actual, typename Expected>
void check_equal(const Actual& actual, const Expected& expected, const char* text, const char* file, int line) {
    if (actual == expected) return;
    std::ostringstream what;
    what << text << ": got " << actual << ", expected " << expected;
    record_failure(file, line, what.str());
}

#define CHECK_EQ(actual, expected) check_equal((actual), (expected), #actual " == " #expected, __FILE__, __LINE__)

// A call that must succeed (return 0); a failure prints the library's last-error message.
void check_ok(int result, const char* text, const char* file, int line);
#define CHECK_OK(expression) check_ok((expression), #expression, __FILE__, __LINE__)

// A call that must fail: return `failure`, set errno to `code`, and leave a last-error message containing `text`.
void check_failure(bool failed, int error, int code, const std::string& text, const char* expression, const char* file,
                   int line);
#define CHECK_FAILS(expression, failure, code, text)                                                                   \
    do {                                                                                                               \
        errno = 0;                                                                                                     \
        bool failed_ = (expression) == (failure);                                                                      \
        int errno_ = errno;                                                                                            \
        check_failure(failed_, errno_, (code), (text), #expression, __FILE__, __LINE__);                               \
    } while (0)

#endif // QUASAR_SWEMU_TESTS_CHECK_H
