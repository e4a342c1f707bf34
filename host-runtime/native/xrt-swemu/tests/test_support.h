// What the tests share: a temporary directory for xclbin files, an xclbin writer, and RAII holders for a device with
// the fake kernel loaded and for the kernel's five buffers, so that a test leaks no handle even when a check fails.
#ifndef QUASAR_SWEMU_TESTS_TEST_SUPPORT_H
#define QUASAR_SWEMU_TESTS_TEST_SUPPORT_H

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "quasar_xrt_swemu.h"

constexpr int WORDS = 4;
constexpr std::size_t BYTES = WORDS * 16;
constexpr int BUFFER_ARGS = 5;

using Uuid = std::array<unsigned char, 16>;

// The temporary directory (removed at exit) and the fake kernel's path.
class TestEnvironment {
  public:
    explicit TestEnvironment(std::string fake_kernel);
    ~TestEnvironment();
};

const std::string& fake_kernel_path();
std::string temp_path(const std::string& name);

Uuid make_uuid(unsigned char seed);

// The metadata lines of a valid xclbin for `library`.
std::vector<std::string> xclbin_lines(const std::string& library);

// Writes an emulated xclbin (README.md) into the temporary directory and returns its path.
std::string write_xclbin(const std::string& name, const Uuid& uuid, const std::vector<std::string>& lines);

// Writes raw bytes into the temporary directory and returns the path.
std::string write_file(const std::string& name, const std::vector<char>& bytes);

std::vector<unsigned char> pattern(unsigned char seed);

// Device 0 with an xclbin of the fake kernel loaded and the kernel open.
struct LoadedDevice {
    LoadedDevice();
    ~LoadedDevice();
    xrtDeviceHandle device = nullptr;
    Uuid uuid{};
    xrtKernelHandle kernel = nullptr;
};

// The kernel's buffers a, w, rows, out0, out1 of BYTES each.
struct KernelBuffers {
    explicit KernelBuffers(xrtDeviceHandle device);
    ~KernelBuffers();
    std::uint64_t address(int index) const;
    void upload(int index, const std::vector<unsigned char>& bytes); // write + sync to the device
    std::vector<unsigned char> download(int index);                  // sync from the device + read
    std::array<xrtBufferHandle, BUFFER_ARGS> bo{};
};

// A run with every argument set: the buffers, batches = WORDS, flags as given, the other scalars 1.
xrtRunHandle open_full_run(xrtKernelHandle kernel, const KernelBuffers& buffers, int flags);

int run_status(xrtRunHandle run); // argument 14 as xrtRunGetArgV reads it

#endif // QUASAR_SWEMU_TESTS_TEST_SUPPORT_H
