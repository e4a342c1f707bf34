// A kernel handle: the loaded program's kernel function, found by name as xrtPLKernelOpen asks for it.
#ifndef QUASAR_SWEMU_KERNEL_H
#define QUASAR_SWEMU_KERNEL_H

#include <memory>
#include <string>

#include "device.h"
#include "kernel_abi.h"

namespace quasar::swemu {

struct Kernel {
    std::shared_ptr<const Program> program; // keeps the library loaded while the kernel is open
    std::string name;
    KernelFn entry;
};

// The kernel `name` (or XRT's "name:{instance}") of the xclbin `uuid`, which must be the one loaded on `device`.
std::shared_ptr<Kernel> open_kernel(const Device& device, const unsigned char* uuid, const char* name);

// The memory group of buffer argument `argno`; EINVAL for scalars and indices out of range.
int argument_group(int argno);

} // namespace quasar::swemu

#endif // QUASAR_SWEMU_KERNEL_H
