#include "errors.h"

#include <cstdio>

namespace quasar::swemu {

namespace {
thread_local std::string last_failure;
}

void fail(int code, const std::string& message) {
    throw ApiError(code, message);
}

void set_last_error(const char* function, const char* message) noexcept {
    try {
        last_failure.assign(function).append(": ").append(message);
    } catch (...) {
        last_failure.clear(); // out of memory: better no message than a wrong one
    }
}

const char* last_error() {
    return last_failure.c_str();
}

std::string hex(std::uint64_t value) {
    char text[2 + 16 + 1];
    std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
    return text;
}

std::string hex(const void* pointer) {
    return hex(static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(pointer)));
}

} // namespace quasar::swemu
