#include "buffer.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "errors.h"
#include "handles.h"

namespace quasar::swemu {

namespace {

constexpr std::size_t ALIGNMENT = 64; // an AXI burst-friendly alignment, as XRT gives
constexpr int SYNC_TO_DEVICE = 0;
constexpr int SYNC_FROM_DEVICE = 1;

unsigned char* allocate_zeroed(std::size_t size) {
    if (size > SIZE_MAX - ALIGNMENT) return nullptr;
    std::size_t rounded = (size + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    void* memory = std::aligned_alloc(ALIGNMENT, rounded);
    if (memory != nullptr) std::memset(memory, 0, rounded);
    return static_cast<unsigned char*>(memory);
}

std::string span(std::size_t begin, std::size_t end) {
    return "[" + std::to_string(begin) + ", " + std::to_string(end) + ")";
}

} // namespace

Buffer::Buffer(std::size_t size) : size_(size), host_(allocate_zeroed(size)), device_(allocate_zeroed(size)) {
    if (host_ == nullptr || device_ == nullptr) {
        std::free(host_);
        std::free(device_);
        fail(ENOMEM, "cannot allocate " + std::to_string(size) + " bytes twice (host and device copy)");
    }
}

Buffer::~Buffer() {
    std::free(host_);
    std::free(device_);
}

std::string Buffer::name() const {
    return "buffer " + hex(handle_);
}

void Buffer::check_range(const char* operation, std::size_t bytes, std::size_t offset) const {
    if (offset > size_ || bytes > size_ - offset)
        fail(ERANGE, std::string(operation) + " of " + std::to_string(bytes) + " bytes at offset " +
                         std::to_string(offset) + " runs past the end of the " + std::to_string(size_) + "-byte " +
                         name() + " (offset + size must be at most " + std::to_string(size_) + ")");
}

void* Buffer::map() {
    host_newer_.add(0, size_); // the host may write through the mapping at any time
    return host_;
}

void Buffer::write(const void* source, std::size_t bytes, std::size_t seek) {
    check_range("a write", bytes, seek);
    if (source == nullptr && bytes > 0) fail(EINVAL, "source is NULL");
    if (bytes == 0) return;
    std::memcpy(host_ + seek, source, bytes);
    host_newer_.add(seek, seek + bytes);
}

void Buffer::read(void* target, std::size_t bytes, std::size_t skip) const {
    check_range("a read", bytes, skip);
    if (target == nullptr && bytes > 0) fail(EINVAL, "destination is NULL");
    if (device_newer_.overlaps(skip, skip + bytes))
        fail(EPERM, name() + " holds device data not yet synced to the host (bytes " +
                        span(device_newer_.begin, device_newer_.end) + " were written by a run): call " +
                        "xrtBOSync(..., XCL_BO_SYNC_BO_FROM_DEVICE) first");
    if (bytes > 0) std::memcpy(target, host_ + skip, bytes);
}

void Buffer::sync(int direction, std::size_t bytes, std::size_t offset) {
    if (direction != SYNC_TO_DEVICE && direction != SYNC_FROM_DEVICE)
        fail(EINVAL, "direction " + std::to_string(direction) +
                         " is neither XCL_BO_SYNC_BO_TO_DEVICE (0) nor XCL_BO_SYNC_BO_FROM_DEVICE (1)");
    check_range("a sync", bytes, offset);
    if (bytes == 0) return;
    // After the copy both copies agree on the range, whichever was newer before.
    if (direction == SYNC_TO_DEVICE)
        std::memcpy(device_ + offset, host_ + offset, bytes);
    else
        std::memcpy(host_ + offset, device_ + offset, bytes);
    host_newer_.remove(offset, offset + bytes);
    device_newer_.remove(offset, offset + bytes);
}

void Buffer::require_synced_to_device(const std::string& what) const {
    if (!host_newer_.empty())
        fail(EPERM, what + " is " + name() + ", whose bytes " + span(host_newer_.begin, host_newer_.end) +
                        " were written by the host but not synced to the device: call " +
                        "xrtBOSync(..., XCL_BO_SYNC_BO_TO_DEVICE) before xrtRunStart");
}

std::shared_ptr<Buffer> buffer_at(std::uint64_t address) {
    for (auto& object : live_objects(HandleKind::buffer)) {
        auto buffer = std::static_pointer_cast<Buffer>(object);
        if (buffer->device_address() == address) return buffer;
    }
    return nullptr;
}

} // namespace quasar::swemu
