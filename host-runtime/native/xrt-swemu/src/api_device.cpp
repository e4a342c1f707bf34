// The exported device and xclbin functions (xrt_device.h, experimental/xrt_xclbin.h).
#include <cerrno>
#include <cstring>

#include "api_guard.h"
#include "device.h"
#include "handles.h"
#include "quasar_xrt_swemu.h"

using namespace quasar::swemu;

namespace {

void copy_uuid(const Uuid& uuid, unsigned char* out) {
    if (out == nullptr) fail(EINVAL, "out is NULL: pass a 16-byte buffer for the UUID");
    std::memcpy(out, uuid.data(), uuid.size());
}

} // namespace

xrtDeviceHandle xrtDeviceOpen(unsigned int index) {
    return guarded("xrtDeviceOpen", xrtDeviceHandle{nullptr},
                   [&] { return add_handle(HandleKind::device, open_device(index)); });
}

int xrtDeviceClose(xrtDeviceHandle device) {
    return guarded("xrtDeviceClose", -1, [&] {
        remove_handle(HandleKind::device, device, "device");
        return 0;
    });
}

int xrtDeviceLoadXclbinHandle(xrtDeviceHandle device, xrtXclbinHandle xclbin) {
    return guarded("xrtDeviceLoadXclbinHandle", -1, [&] {
        auto target = find<Device>(HandleKind::device, device, "device");
        load_xclbin(*target, *find<Xclbin>(HandleKind::xclbin, xclbin, "xclbin"));
        return 0;
    });
}

int xrtDeviceLoadXclbinFile(xrtDeviceHandle device, const char* path) {
    return guarded("xrtDeviceLoadXclbinFile", -1, [&] {
        auto target = find<Device>(HandleKind::device, device, "device");
        load_xclbin(*target, read_xclbin(path));
        return 0;
    });
}

int xrtDeviceGetXclbinUUID(xrtDeviceHandle device, xuid_t out) {
    return guarded("xrtDeviceGetXclbinUUID", -1, [&] {
        copy_uuid(loaded_program(*find<Device>(HandleKind::device, device, "device")).xclbin.uuid, out);
        return 0;
    });
}

xrtXclbinHandle xrtXclbinAllocFilename(const char* path) {
    return guarded("xrtXclbinAllocFilename", xrtXclbinHandle{nullptr},
                   [&] { return add_handle(HandleKind::xclbin, std::make_shared<Xclbin>(read_xclbin(path))); });
}

int xrtXclbinFreeHandle(xrtXclbinHandle xclbin) {
    return guarded("xrtXclbinFreeHandle", -1, [&] {
        remove_handle(HandleKind::xclbin, xclbin, "xclbin");
        return 0;
    });
}

int xrtXclbinGetUUID(xrtXclbinHandle xclbin, xuid_t out) {
    return guarded("xrtXclbinGetUUID", -1, [&] {
        copy_uuid(find<Xclbin>(HandleKind::xclbin, xclbin, "xclbin")->uuid, out);
        return 0;
    });
}
