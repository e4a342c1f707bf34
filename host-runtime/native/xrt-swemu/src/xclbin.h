// The emulated xclbin (README.md): the axlf magic and UUID where a real xclbin keeps them, then key=value lines that
// name the kernel and the g++-built library that implements it.
#ifndef QUASAR_SWEMU_XCLBIN_H
#define QUASAR_SWEMU_XCLBIN_H

#include <array>
#include <string>

namespace quasar::swemu {

using Uuid = std::array<unsigned char, 16>;

constexpr char XCLBIN_MAGIC[8] = {'x', 'c', 'l', 'b', 'i', 'n', '2', '\0'};
constexpr std::size_t XCLBIN_UUID_OFFSET = 416;
constexpr std::size_t XCLBIN_METADATA_OFFSET = 512;
constexpr const char* SWEMU_PLATFORM = "quasar-sw-emu";
constexpr const char* SWEMU_ABI = "quasar_gemm/v2";

struct Xclbin {
    std::string path;
    Uuid uuid;
    std::string kernel;
    std::string library; // resolved: absolute, or relative to the working directory
};

// Reads and validates the file: ENOENT (or the open's errno) when it cannot be read, EINVAL naming what is wrong.
Xclbin read_xclbin(const char* path);

// 8-4-4-4-12 hex digits in byte order (as .NET prints Guid(bytes, bigEndian: true)).
std::string uuid_text(const Uuid& uuid);

} // namespace quasar::swemu

#endif // QUASAR_SWEMU_XCLBIN_H
