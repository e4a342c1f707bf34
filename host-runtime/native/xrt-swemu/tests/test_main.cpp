// Runs one fixture's tests: swemu_tests <libquasar_xrt_swemu.so> <libfake_kernel.so> <fixture>. After every test no
// handle may be left open, so each test is also a leak test.
#include <atomic>
#include <cstdio>
#include <cstring>
#include <vector>

#include "check.h"
#include "swemu_api.h"
#include "test_support.h"

namespace {

struct TestCase {
    const char* fixture;
    const char* name;
    void (*body)();
};

std::vector<TestCase>& tests() {
    static std::vector<TestCase> all;
    return all;
}

std::atomic<int> failures{0}; // checks may run on a test's own threads

} // namespace

int register_test(const char* fixture, const char* name, void (*body)()) {
    tests().push_back({fixture, name, body});
    return 0;
}

void record_failure(const char* file, int line, const std::string& what) {
    ++failures;
    std::printf("  FAILED %s:%d: %s\n", file, line, what.c_str()); // one printf call: lines do not interleave
}

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: %s <libquasar_xrt_swemu.so> <libfake_kernel.so> <fixture>\n", argv[0]);
        return 2;
    }
    load_swemu(argv[1]);
    TestEnvironment environment(argv[2]);
    int run = 0;
    for (const TestCase& test : tests()) {
        if (std::strcmp(test.fixture, argv[3]) != 0) continue;
        ++run;
        int before = failures;
        std::printf("%s.%s\n", test.fixture, test.name);
        test.body();
        int live = xrt().quasar_swemu_live_handles();
        if (live != 0) record_failure(__FILE__, __LINE__, std::to_string(live) + " handles left open by the test");
        std::printf("  %s\n", failures == before ? "ok" : "FAILED");
    }
    if (run == 0) {
        std::fprintf(stderr, "no tests in fixture '%s'\n", argv[3]);
        return 2;
    }
    std::printf("%d tests, %d failed checks\n", run, failures.load());
    return failures == 0 ? 0 : 1;
}
