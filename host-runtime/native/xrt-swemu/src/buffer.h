// A buffer object as on a board: a host copy and a separate device copy, so that a missing sync has the effect it has
// there. Reading device data the host never synced back, or running on input the host never synced over, is refused
// (EPERM) rather than silently giving stale bytes.
#ifndef QUASAR_SWEMU_BUFFER_H
#define QUASAR_SWEMU_BUFFER_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "dirty_range.h"

namespace quasar::swemu {

class Buffer {
  public:
    explicit Buffer(std::size_t size); // ENOMEM when either copy cannot be allocated
    ~Buffer();
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;

    // The handle the registry gave this buffer, for messages.
    void set_handle(const void* handle) { handle_ = handle; }

    std::size_t size() const { return size_; }
    std::uint64_t device_address() const { return reinterpret_cast<std::uintptr_t>(device_); }
    void* device_data() { return device_; }

    void* map();
    void write(const void* source, std::size_t bytes, std::size_t seek);
    void read(void* target, std::size_t bytes, std::size_t skip) const;
    void sync(int direction, std::size_t bytes, std::size_t offset);

    // Called by a run on its output buffers: the device copy may now differ from the host copy.
    void mark_written_by_device() { device_newer_.add(0, size_); }

    // EPERM when the host wrote bytes a run would not see; `what` names the buffer in the message.
    void require_synced_to_device(const std::string& what) const;

  private:
    void check_range(const char* operation, std::size_t bytes, std::size_t offset) const;
    std::string name() const;

    std::size_t size_;
    const void* handle_ = nullptr;
    unsigned char* host_;
    unsigned char* device_;
    DirtyRange host_newer_;
    DirtyRange device_newer_;
};

// The live buffer whose device copy starts at `address`, or null.
std::shared_ptr<Buffer> buffer_at(std::uint64_t address);

} // namespace quasar::swemu

#endif // QUASAR_SWEMU_BUFFER_H
