#include "api_guard.h"

namespace quasar::swemu {

std::mutex& device_mutex() {
    static auto* mutex = new std::mutex(); // never destroyed: a host thread may still call in while the process exits
    return *mutex;
}

} // namespace quasar::swemu
