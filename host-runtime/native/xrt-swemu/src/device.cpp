#include "device.h"

#include <cerrno>
#include <dlfcn.h>

#include "errors.h"

namespace quasar::swemu {

namespace {

std::string dl_error() {
    const char* message = dlerror();
    return message != nullptr ? message : "no dlerror message";
}

} // namespace

KernelLibrary::KernelLibrary(const Xclbin& xclbin) : path_(xclbin.library), handle_(nullptr) {
    dlerror(); // clear a stale message
    handle_ = dlopen(path_.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle_ == nullptr)
        fail(ENOENT, "cannot load kernel library '" + path_ + "' named by xclbin '" + xclbin.path + "': " + dl_error() +
                         " (build the kernel library for this machine, or fix 'library=' in the xclbin)");
}

KernelLibrary::~KernelLibrary() {
    dlclose(handle_);
}

void* KernelLibrary::symbol(const std::string& symbol) const {
    dlerror();
    void* address = dlsym(handle_, symbol.c_str());
    if (address == nullptr)
        fail(ENOENT, "kernel library '" + path_ + "' does not export '" + symbol + "': " + dl_error() +
                         " (the kernel must be extern \"C\" with default visibility)");
    return address;
}

std::shared_ptr<Device> open_device(unsigned index) {
    if (index != 0)
        fail(ENODEV, "device index " + std::to_string(index) + " does not exist: the sw-emu library has one device, 0");
    // Never destroyed, like the registry: the device lives while any handle holds it.
    static auto* the_device = new std::weak_ptr<Device>();
    auto device = the_device->lock();
    if (!device) {
        device = std::make_shared<Device>();
        *the_device = device;
    }
    return device;
}

void load_xclbin(Device& device, const Xclbin& xclbin) {
    auto program = std::make_shared<Program>();
    program->xclbin = xclbin;
    program->library = std::make_shared<KernelLibrary>(xclbin);
    device.program = std::move(program);
}

const Program& loaded_program(const Device& device) {
    if (!device.program)
        fail(EINVAL,
             "no xclbin is loaded on the device: call xrtDeviceLoadXclbinHandle or xrtDeviceLoadXclbinFile first");
    return *device.program;
}

} // namespace quasar::swemu
