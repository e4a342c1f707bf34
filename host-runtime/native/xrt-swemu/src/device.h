// The device: one (index 0), shared by every device handle, holding the program the last xclbin load put on it. A
// program is the xclbin's description plus its kernel library, dlopen'ed; kernels keep their program alive, so loading
// another xclbin never unloads code a kernel handle still runs.
#ifndef QUASAR_SWEMU_DEVICE_H
#define QUASAR_SWEMU_DEVICE_H

#include <memory>
#include <string>

#include "xclbin.h"

namespace quasar::swemu {

// A dlopen'ed library, dlclose'd when the last program using it goes.
class KernelLibrary {
  public:
    explicit KernelLibrary(const Xclbin& xclbin); // ENOENT with dlerror() when it cannot be loaded
    ~KernelLibrary();
    KernelLibrary(const KernelLibrary&) = delete;
    KernelLibrary& operator=(const KernelLibrary&) = delete;

    // The address of `symbol`; ENOENT with dlerror() when the library does not export it.
    void* symbol(const std::string& symbol) const;

  private:
    std::string path_;
    void* handle_;
};

struct Program {
    Xclbin xclbin;
    std::shared_ptr<KernelLibrary> library;
};

struct Device {
    std::shared_ptr<const Program> program; // null until an xclbin is loaded
};

// The device behind a new handle of `index` (ENODEV unless 0).
std::shared_ptr<Device> open_device(unsigned index);

void load_xclbin(Device& device, const Xclbin& xclbin);

// The loaded program; EINVAL when none is.
const Program& loaded_program(const Device& device);

} // namespace quasar::swemu

#endif // QUASAR_SWEMU_DEVICE_H
