#include "test_support.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "check.h"
#include "swemu_api.h"

namespace {
std::string directory;
std::string fake_kernel;
} // namespace

TestEnvironment::TestEnvironment(std::string kernel) {
    char name[] = "/tmp/quasar-swemu-test-XXXXXX";
    if (mkdtemp(name) == nullptr) {
        std::perror("mkdtemp");
        std::exit(2);
    }
    directory = name;
    fake_kernel = std::filesystem::absolute(kernel).string(); // xclbins resolve relative paths from their directory
}

TestEnvironment::~TestEnvironment() {
    std::filesystem::remove_all(directory);
}

const std::string& fake_kernel_path() {
    return fake_kernel;
}

std::string temp_path(const std::string& name) {
    return directory + "/" + name;
}

Uuid make_uuid(unsigned char seed) {
    Uuid uuid;
    for (std::size_t i = 0; i < uuid.size(); ++i) uuid[i] = static_cast<unsigned char>(seed * 31 + i);
    return uuid;
}

std::vector<std::string> xclbin_lines(const std::string& library) {
    return {"platform=quasar-sw-emu", "kernel=quasar_gemm", "abi=quasar_gemm/v2", "library=" + library,
            "engine.tile_rows=8"};
}

std::string write_xclbin(const std::string& name, const Uuid& uuid, const std::vector<std::string>& lines) {
    std::vector<char> bytes(512, '\0');
    std::memcpy(bytes.data(), "xclbin2", 8);
    std::memcpy(bytes.data() + 416, uuid.data(), uuid.size());
    for (const std::string& line : lines) {
        bytes.insert(bytes.end(), line.begin(), line.end());
        bytes.push_back('\n');
    }
    return write_file(name, bytes);
}

std::string write_file(const std::string& name, const std::vector<char>& bytes) {
    std::string path = temp_path(name);
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

std::vector<unsigned char> pattern(unsigned char seed) {
    std::vector<unsigned char> bytes(BYTES);
    for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<unsigned char>(seed + 7 * i);
    return bytes;
}

LoadedDevice::LoadedDevice() : uuid(make_uuid(1)) {
    device = xrt().xrtDeviceOpen(0);
    CHECK(device != nullptr);
    CHECK_OK(
        xrt().xrtDeviceLoadXclbinFile(device, write_xclbin("fake.xclbin", uuid, xclbin_lines(fake_kernel)).c_str()));
    kernel = xrt().xrtPLKernelOpen(device, uuid.data(), "quasar_gemm");
    CHECK(kernel != nullptr);
}

LoadedDevice::~LoadedDevice() {
    if (kernel != nullptr) CHECK_OK(xrt().xrtKernelClose(kernel));
    if (device != nullptr) CHECK_OK(xrt().xrtDeviceClose(device));
}

KernelBuffers::KernelBuffers(xrtDeviceHandle device) {
    for (xrtBufferHandle& handle : bo) {
        handle = xrt().xrtBOAlloc(device, BYTES, 0, 0);
        CHECK(handle != nullptr);
    }
}

KernelBuffers::~KernelBuffers() {
    for (xrtBufferHandle handle : bo)
        if (handle != nullptr) CHECK_OK(xrt().xrtBOFree(handle));
}

std::uint64_t KernelBuffers::address(int index) const {
    return xrt().xrtBOAddress(bo[index]);
}

void KernelBuffers::upload(int index, const std::vector<unsigned char>& bytes) {
    CHECK_OK(xrt().xrtBOWrite(bo[index], bytes.data(), bytes.size(), 0));
    CHECK_OK(xrt().xrtBOSync(bo[index], XCL_BO_SYNC_BO_TO_DEVICE, bytes.size(), 0));
}

std::vector<unsigned char> KernelBuffers::download(int index) {
    std::vector<unsigned char> bytes(BYTES);
    CHECK_OK(xrt().xrtBOSync(bo[index], XCL_BO_SYNC_BO_FROM_DEVICE, BYTES, 0));
    CHECK_OK(xrt().xrtBORead(bo[index], bytes.data(), BYTES, 0));
    return bytes;
}

xrtRunHandle open_full_run(xrtKernelHandle kernel, const KernelBuffers& buffers, int flags) {
    xrtRunHandle run = xrt().xrtRunOpen(kernel);
    CHECK(run != nullptr);
    for (int i = 0; i < BUFFER_ARGS; ++i) {
        std::uint64_t address = buffers.address(i);
        CHECK_OK(xrt().xrtRunSetArgV(run, i, &address, sizeof address));
    }
    for (int i = 5; i <= 13; ++i) {
        int value = i == 5 ? WORDS : i == 13 ? flags : 1;
        CHECK_OK(xrt().xrtRunSetArgV(run, i, &value, sizeof value));
    }
    return run;
}

int run_status(xrtRunHandle run) {
    int status = -1;
    CHECK_OK(xrt().xrtRunGetArgV(run, 14, &status, sizeof status));
    return status;
}

void check_ok(int result, const char* text, const char* file, int line) {
    if (result != 0)
        record_failure(file, line,
                       std::string(text) + " returned " + std::to_string(result) + ": " +
                           xrt().quasar_swemu_last_error());
}

void check_failure(bool failed, int error, int code, const std::string& text, const char* expression, const char* file,
                   int line) {
    std::string message = xrt().quasar_swemu_last_error();
    if (!failed)
        record_failure(file, line, std::string(expression) + " did not fail");
    else if (error != code)
        record_failure(file, line,
                       std::string(expression) + " set errno " + std::to_string(error) + ", expected " +
                           std::to_string(code) + " (" + message + ")");
    else if (message.find(text) == std::string::npos)
        record_failure(file, line, std::string(expression) + ": message '" + message + "' lacks '" + text + "'");
}
