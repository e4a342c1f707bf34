// The exported buffer functions (xrt_bo.h). Failure values as XRT's: NULL, -1, SIZE_MAX for xrtBOSize and UINT64_MAX
// for xrtBOAddress.
#include <cerrno>
#include <cstdint>
#include <string>

#include "api_guard.h"
#include "buffer.h"
#include "device.h"
#include "handles.h"
#include "kernel_abi.h"
#include "quasar_xrt_swemu.h"

using namespace quasar::swemu;

namespace {

std::shared_ptr<Buffer> buffer_of(xrtBufferHandle handle) {
    return find<Buffer>(HandleKind::buffer, handle, "buffer");
}

} // namespace

// The flags (cacheable, device-only, host-only) are accepted and ignored: every sw-emu buffer has both copies.
xrtBufferHandle xrtBOAlloc(xrtDeviceHandle device, size_t size, xrtBufferFlags, xrtMemoryGroup grp) {
    return guarded("xrtBOAlloc", xrtBufferHandle{nullptr}, [&] {
        find<Device>(HandleKind::device, device, "device");
        if (size == 0) fail(EINVAL, "size is 0: a buffer holds at least one byte");
        if (grp != ONLY_MEMORY_GROUP)
            fail(EINVAL, "memory group " + std::to_string(grp) + " does not exist: the sw-emu device has only group " +
                             std::to_string(ONLY_MEMORY_GROUP) + " (pass what xrtKernelArgGroupId returns)");
        auto buffer = std::make_shared<Buffer>(size);
        void* handle = add_handle(HandleKind::buffer, buffer);
        buffer->set_handle(handle);
        return handle;
    });
}

int xrtBOFree(xrtBufferHandle buffer) {
    return guarded("xrtBOFree", -1, [&] {
        remove_handle(HandleKind::buffer, buffer, "buffer");
        return 0;
    });
}

size_t xrtBOSize(xrtBufferHandle buffer) {
    return guarded("xrtBOSize", SIZE_MAX, [&] { return buffer_of(buffer)->size(); });
}

uint64_t xrtBOAddress(xrtBufferHandle buffer) {
    return guarded("xrtBOAddress", UINT64_MAX, [&] { return buffer_of(buffer)->device_address(); });
}

int xrtBOSync(xrtBufferHandle buffer, enum xclBOSyncDirection dir, size_t size, size_t offset) {
    return guarded("xrtBOSync", -1, [&] {
        buffer_of(buffer)->sync(static_cast<int>(dir), size, offset);
        return 0;
    });
}

void* xrtBOMap(xrtBufferHandle buffer) {
    return guarded("xrtBOMap", static_cast<void*>(nullptr), [&] { return buffer_of(buffer)->map(); });
}

int xrtBOWrite(xrtBufferHandle buffer, const void* src, size_t size, size_t seek) {
    return guarded("xrtBOWrite", -1, [&] {
        buffer_of(buffer)->write(src, size, seek);
        return 0;
    });
}

int xrtBORead(xrtBufferHandle buffer, void* dst, size_t size, size_t skip) {
    return guarded("xrtBORead", -1, [&] {
        buffer_of(buffer)->read(dst, size, skip);
        return 0;
    });
}
