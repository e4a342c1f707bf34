#include "handles.h"

#include <cerrno>
#include <cstdint>
#include <string>
#include <unordered_map>

#include "errors.h"

namespace quasar::swemu {

namespace {

// Handle layout: bits 48..63 the tag, 8..47 the serial number, 4..7 the kind, 0..3 zero.
constexpr std::uint64_t TAG = 0x5157;
constexpr int TAG_SHIFT = 48;
constexpr int SERIAL_SHIFT = 8;
constexpr int KIND_SHIFT = 4;
constexpr std::uint64_t KIND_MASK = 0xf;
constexpr std::uint64_t LOW_MASK = 0xf;

struct Entry {
    HandleKind kind;
    std::shared_ptr<void> object;
};

// Never destroyed: a host thread may still call in while the process exits.
std::unordered_map<std::uint64_t, Entry>& registry() {
    static auto* entries = new std::unordered_map<std::uint64_t, Entry>();
    return *entries;
}

std::uint64_t next_serial = 1;

const char* kind_name(HandleKind kind) {
    switch (kind) {
    case HandleKind::device: return "device";
    case HandleKind::xclbin: return "xclbin";
    case HandleKind::kernel: return "kernel";
    case HandleKind::run: return "run";
    case HandleKind::buffer: return "buffer";
    }
    return "unknown";
}

const char* release_call(HandleKind kind) {
    switch (kind) {
    case HandleKind::device: return "xrtDeviceClose";
    case HandleKind::xclbin: return "xrtXclbinFreeHandle";
    case HandleKind::kernel: return "xrtKernelClose";
    case HandleKind::run: return "xrtRunClose";
    case HandleKind::buffer: return "xrtBOFree";
    }
    return "its release call";
}

bool is_ours(std::uint64_t value) {
    std::uint64_t kind = (value >> KIND_SHIFT) & KIND_MASK;
    return (value >> TAG_SHIFT) == TAG && (value & LOW_MASK) == 0 && kind >= 1 &&
           kind <= static_cast<std::uint64_t>(HandleKind::buffer);
}

// Why `value` is not a live handle of `kind`: the message of the EINVAL.
std::string refusal(HandleKind kind, std::uint64_t value, const char* argument) {
    if (value == 0)
        return std::string(argument) + " is NULL: pass a " + kind_name(kind) +
               " handle (did the call that should have returned it fail?)";
    std::string prefix = std::string(argument) + " " + hex(value);
    if (!is_ours(value))
        return prefix + " is not a handle this library returned: pass a " + kind_name(kind) +
               " handle of the sw-emu "
               "library (a handle of another XRT library does not work here)";
    auto actual = static_cast<HandleKind>((value >> KIND_SHIFT) & KIND_MASK);
    if (actual != kind) return prefix + " is a " + kind_name(actual) + " handle, not a " + kind_name(kind) + " handle";
    return prefix + " was already released by " + release_call(kind) + ": do not use a handle after releasing it";
}

std::uint64_t value_of(const void* handle) {
    return reinterpret_cast<std::uintptr_t>(handle);
}

} // namespace

void* add_handle(HandleKind kind, std::shared_ptr<void> object) {
    std::uint64_t value =
        (TAG << TAG_SHIFT) | (next_serial++ << SERIAL_SHIFT) | (static_cast<std::uint64_t>(kind) << KIND_SHIFT);
    registry().emplace(value, Entry{kind, std::move(object)});
    return reinterpret_cast<void*>(static_cast<std::uintptr_t>(value));
}

std::shared_ptr<void> find_handle(HandleKind kind, const void* handle, const char* argument) {
    auto found = registry().find(value_of(handle));
    if (found == registry().end() || found->second.kind != kind)
        fail(EINVAL, refusal(kind, value_of(handle), argument));
    return found->second.object;
}

void remove_handle(HandleKind kind, const void* handle, const char* argument) {
    auto found = registry().find(value_of(handle));
    if (found == registry().end() || found->second.kind != kind)
        fail(EINVAL, refusal(kind, value_of(handle), argument));
    auto object = std::move(found->second.object);
    registry().erase(found);
    object.reset(); // destroyed after the registry no longer lists it
}

std::vector<std::shared_ptr<void>> live_objects(HandleKind kind) {
    std::vector<std::shared_ptr<void>> objects;
    for (const auto& [value, entry] : registry())
        if (entry.kind == kind) objects.push_back(entry.object);
    return objects;
}

int live_handle_count() {
    return static_cast<int>(registry().size());
}

} // namespace quasar::swemu
