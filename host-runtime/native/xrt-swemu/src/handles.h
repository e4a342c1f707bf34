// The registry of live handles. A handle is an opaque value, never a pointer, and never reused: it encodes a tag, its
// kind and a serial number, so that a freed, foreign or wrong-kind handle is told apart and refused with EINVAL
// instead of being dereferenced. The registry owns the objects behind the handles. Callers hold device_mutex()
// (api_guard.h).
#ifndef QUASAR_SWEMU_HANDLES_H
#define QUASAR_SWEMU_HANDLES_H

#include <memory>
#include <vector>

namespace quasar::swemu {

enum class HandleKind { device = 1, xclbin, kernel, run, buffer };

// Registers `object` and returns its new handle.
void* add_handle(HandleKind kind, std::shared_ptr<void> object);

// The object behind `handle`; EINVAL naming `argument` when the handle is NULL, freed, foreign or of another kind.
std::shared_ptr<void> find_handle(HandleKind kind, const void* handle, const char* argument);

template <typename T>
std::shared_ptr<T> find(HandleKind kind, const void* handle, const char* argument) {
    return std::static_pointer_cast<T>(find_handle(kind, handle, argument));
}

// Forgets `handle` (checked as find_handle does); the object dies when nothing else holds it.
void remove_handle(HandleKind kind, const void* handle, const char* argument);

// The objects of every live handle of `kind`.
std::vector<std::shared_ptr<void>> live_objects(HandleKind kind);

int live_handle_count();

} // namespace quasar::swemu

#endif // QUASAR_SWEMU_HANDLES_H
