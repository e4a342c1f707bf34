// Failures inside the library are ApiError exceptions carrying an errno and a message; the C boundary (api_guard.h)
// turns them into errno and the thread's last-error message, so no exception ever crosses into the host.
#ifndef QUASAR_SWEMU_ERRORS_H
#define QUASAR_SWEMU_ERRORS_H

#include <cstdint>
#include <stdexcept>
#include <string>

namespace quasar::swemu {

class ApiError : public std::runtime_error {
  public:
    ApiError(int code, const std::string& message) : std::runtime_error(message), code_(code) {}
    int code() const { return code_; }

  private:
    int code_;
};

[[noreturn]] void fail(int code, const std::string& message);

// Records "function: message" as this thread's last failure (what quasar_swemu_last_error returns). Never throws:
// it runs in the C boundary's exception handlers.
void set_last_error(const char* function, const char* message) noexcept;
const char* last_error();

// "0x" + hex digits: how handles and device addresses appear in messages.
std::string hex(std::uint64_t value);
std::string hex(const void* pointer);

} // namespace quasar::swemu

#endif // QUASAR_SWEMU_ERRORS_H
