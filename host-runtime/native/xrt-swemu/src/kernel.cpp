#include "kernel.h"

#include <cerrno>
#include <cstring>

#include "errors.h"

namespace quasar::swemu {

namespace {

// v++ names a kernel's first (here only) compute unit <kernel>_1.
std::string compute_unit_name(const std::string& kernel) {
    return kernel + "_1";
}

// The kernel part of "name" or "name:{cu,cu...}"; each listed compute unit must exist.
std::string kernel_part(const std::string& requested, const Xclbin& xclbin) {
    std::size_t colon = requested.find(':');
    if (colon == std::string::npos) return requested;
    std::string kernel = requested.substr(0, colon);
    std::string instances = requested.substr(colon + 1);
    if (instances.size() < 2 || instances.front() != '{' || instances.back() != '}')
        fail(EINVAL, "name '" + requested + "' is neither 'kernel' nor 'kernel:{instance,...}'");
    std::string list = instances.substr(1, instances.size() - 2);
    std::size_t start = 0;
    while (start <= list.size()) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        std::string instance = list.substr(start, comma - start);
        if (instance != compute_unit_name(xclbin.kernel))
            fail(ENOENT, "xclbin '" + xclbin.path + "' has no compute unit '" + instance + "' (its only one is '" +
                             compute_unit_name(xclbin.kernel) + "')");
        start = comma + 1;
    }
    return kernel;
}

} // namespace

std::shared_ptr<Kernel> open_kernel(const Device& device, const unsigned char* uuid, const char* name) {
    if (uuid == nullptr) fail(EINVAL, "xclbin UUID is NULL: pass the 16 bytes xrtXclbinGetUUID returned");
    if (name == nullptr) fail(EINVAL, "name is NULL: pass the kernel's name");
    const Program& program = loaded_program(device);
    const Xclbin& xclbin = program.xclbin;
    Uuid requested_uuid;
    std::memcpy(requested_uuid.data(), uuid, requested_uuid.size());
    if (requested_uuid != xclbin.uuid)
        fail(EINVAL, "xclbin " + uuid_text(requested_uuid) + " is not loaded on the device, so kernel '" + name +
                         "' cannot be opened from it (the loaded one is " + uuid_text(xclbin.uuid) + ", '" +
                         xclbin.path + "'): load it first, or pass the UUID xrtDeviceGetXclbinUUID returns");
    if (kernel_part(name, xclbin) != xclbin.kernel)
        fail(ENOENT,
             "xclbin '" + xclbin.path + "' has no kernel '" + name + "' (its kernel is '" + xclbin.kernel + "')");

    auto kernel = std::make_shared<Kernel>();
    kernel->program = device.program;
    kernel->name = xclbin.kernel;
    kernel->entry = reinterpret_cast<KernelFn>(program.library->symbol(xclbin.kernel));
    return kernel;
}

int argument_group(int argno) {
    if (argno < 0 || argno >= ARG_COUNT)
        fail(EINVAL, "argument " + std::to_string(argno) + " does not exist: " + SWEMU_ABI + " has arguments 0.." +
                         std::to_string(ARG_COUNT - 1));
    if (!is_buffer_arg(argno))
        fail(EINVAL, "argument " + std::to_string(argno) + " (" + ARG_NAMES[argno] +
                         ") is a scalar, not a buffer: it has no memory group");
    return ONLY_MEMORY_GROUP;
}

} // namespace quasar::swemu
