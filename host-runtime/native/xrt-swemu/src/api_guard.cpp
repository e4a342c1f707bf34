#include "api_guard.h"

namespace quasar::swemu {

std::mutex& device_mutex() {
    static auto* mutex = new std::mutex(); // never destroyed: a host thread may still call in while the process exits
    return *mutex;
}

std::mutex& compute_unit_mutex() {
    static auto* mutex = new std::mutex();
    return *mutex;
}

} // namespace quasar::swemu
