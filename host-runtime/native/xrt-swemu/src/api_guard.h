// The C boundary: every exported function runs its body through `guarded`, which serialises calls on the one device
// (the device is a single compute unit, and a handle cannot be freed while another thread uses it) and turns any
// exception into XRT's convention: a failure value, errno, and here also a last-error message naming the function.
#ifndef QUASAR_SWEMU_API_GUARD_H
#define QUASAR_SWEMU_API_GUARD_H

#include <cerrno>
#include <mutex>
#include <new>

#include "errors.h"

namespace quasar::swemu {

std::mutex& device_mutex();

// Held while a kernel executes (outside device_mutex()): one execution at a time on the one compute unit.
std::mutex& compute_unit_mutex();

template <typename Result, typename Body>
Result guarded(const char* function, Result on_failure, Body body) noexcept {
    int code = 0;
    try {
        std::lock_guard<std::mutex> lock(device_mutex());
        return body();
    } catch (const ApiError& e) {
        code = e.code();
        set_last_error(function, e.what());
    } catch (const std::bad_alloc&) {
        code = ENOMEM;
        set_last_error(function, "out of host memory");
    } catch (const std::exception& e) {
        code = EIO;
        set_last_error(function, e.what());
    } catch (...) {
        code = EIO;
        set_last_error(function, "unknown C++ exception");
    }
    errno = code; // last, so that nothing in the handler can overwrite it
    return on_failure;
}

} // namespace quasar::swemu

#endif // QUASAR_SWEMU_API_GUARD_H
