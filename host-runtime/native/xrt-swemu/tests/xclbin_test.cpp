// The device, the emulated xclbin and opening the kernel: each refusal with its errno and a message saying what to fix.
#include <filesystem>

#include "check.h"
#include "swemu_api.h"
#include "test_support.h"

namespace {

// The lines of a valid xclbin without `key`, or with `replacement` for it.
std::vector<std::string> lines_with(const std::string& key, const std::string& replacement = "") {
    std::vector<std::string> lines;
    for (const std::string& line : xclbin_lines(fake_kernel_path())) {
        if (line.rfind(key + "=", 0) != 0)
            lines.push_back(line);
        else if (!replacement.empty())
            lines.push_back(key + "=" + replacement);
    }
    return lines;
}

} // namespace

TEST(xclbin, only_device_0_exists) {
    CHECK_FAILS(xrt().xrtDeviceOpen(1), nullptr, ENODEV, "xrtDeviceOpen: device index 1 does not exist");
}

TEST(xclbin, a_missing_file_is_ENOENT) {
    std::string missing = temp_path("missing.xclbin");
    CHECK_FAILS(xrt().xrtXclbinAllocFilename(missing.c_str()), nullptr, ENOENT, "missing.xclbin");
    xrtDeviceHandle device = xrt().xrtDeviceOpen(0);
    CHECK_FAILS(xrt().xrtDeviceLoadXclbinFile(device, missing.c_str()), -1, ENOENT,
                "xrtDeviceLoadXclbinFile: cannot open");
    CHECK_OK(xrt().xrtDeviceClose(device));
}

TEST(xclbin, a_file_that_is_not_an_xclbin_is_EINVAL) {
    std::vector<char> garbage(600, 'x');
    CHECK_FAILS(xrt().xrtXclbinAllocFilename(write_file("garbage.xclbin", garbage).c_str()), nullptr, EINVAL,
                "does not start with the magic");
    CHECK_FAILS(xrt().xrtXclbinAllocFilename(write_file("short.xclbin", {'x', 'c'}).c_str()), nullptr, EINVAL,
                "shorter than the 512-byte header");
}

TEST(xclbin, every_required_key_is_checked) {
    for (const char* key : {"platform", "abi", "kernel", "library"}) {
        std::string path = write_xclbin(std::string("no-") + key + ".xclbin", make_uuid(2), lines_with(key));
        CHECK_FAILS(xrt().xrtXclbinAllocFilename(path.c_str()), nullptr, EINVAL, "no '" + std::string(key) + "=' line");
    }
    std::string board = write_xclbin("board.xclbin", make_uuid(2), lines_with("platform", "xilinx_zcu102_base"));
    CHECK_FAILS(xrt().xrtXclbinAllocFilename(board.c_str()), nullptr, EINVAL, "platform 'xilinx_zcu102_base'");
    std::string old_abi = write_xclbin("v1.xclbin", make_uuid(2), lines_with("abi", "quasar_gemm/v1"));
    CHECK_FAILS(xrt().xrtXclbinAllocFilename(old_abi.c_str()), nullptr, EINVAL, "kernel ABI 'quasar_gemm/v1'");
}

TEST(xclbin, the_uuid_is_read_from_byte_416) {
    xrtXclbinHandle xclbin = xrt().xrtXclbinAllocFilename(
        write_xclbin("uuid.xclbin", make_uuid(5), xclbin_lines(fake_kernel_path())).c_str());
    Uuid uuid{};
    CHECK_OK(xrt().xrtXclbinGetUUID(xclbin, uuid.data()));
    CHECK(uuid == make_uuid(5));
    CHECK_FAILS(xrt().xrtXclbinGetUUID(xclbin, nullptr), -1, EINVAL, "out is NULL");
    CHECK_OK(xrt().xrtXclbinFreeHandle(xclbin));
}

TEST(xclbin, a_relative_library_is_found_next_to_the_xclbin) {
    std::filesystem::copy_file(fake_kernel_path(), temp_path("libcopied.so"));
    std::string path = write_xclbin("relative.xclbin", make_uuid(6), lines_with("library", "libcopied.so"));
    xrtDeviceHandle device = xrt().xrtDeviceOpen(0);
    CHECK_OK(xrt().xrtDeviceLoadXclbinFile(device, path.c_str()));
    CHECK_OK(xrt().xrtDeviceClose(device));
}

TEST(xclbin, a_missing_kernel_library_is_ENOENT_at_load) {
    std::string path =
        write_xclbin("no-library.xclbin", make_uuid(3), lines_with("library", "/nonexistent/libmissing.so"));
    xrtDeviceHandle device = xrt().xrtDeviceOpen(0);
    xrtXclbinHandle xclbin = xrt().xrtXclbinAllocFilename(path.c_str());
    CHECK(xclbin != nullptr);
    CHECK_FAILS(xrt().xrtDeviceLoadXclbinHandle(device, xclbin), -1, ENOENT,
                "cannot load kernel library '/nonexistent/libmissing.so'");
    Uuid uuid{};
    CHECK_FAILS(xrt().xrtDeviceGetXclbinUUID(device, uuid.data()), -1, EINVAL, "no xclbin is loaded");
    CHECK_OK(xrt().xrtXclbinFreeHandle(xclbin));
    CHECK_OK(xrt().xrtDeviceClose(device));
}

TEST(xclbin, a_kernel_is_opened_by_its_name_and_the_loaded_uuid) {
    LoadedDevice loaded;
    CHECK_FAILS(xrt().xrtPLKernelOpen(loaded.device, loaded.uuid.data(), "not_a_kernel"), nullptr, ENOENT,
                "has no kernel 'not_a_kernel' (its kernel is 'quasar_gemm')");
    CHECK_FAILS(xrt().xrtPLKernelOpen(loaded.device, make_uuid(9).data(), "quasar_gemm"), nullptr, EINVAL,
                "is not loaded on the device");
    CHECK_FAILS(xrt().xrtPLKernelOpen(loaded.device, loaded.uuid.data(), "quasar_gemm:{quasar_gemm_2}"), nullptr,
                ENOENT, "no compute unit 'quasar_gemm_2'");
    xrtKernelHandle instance = xrt().xrtPLKernelOpen(loaded.device, loaded.uuid.data(), "quasar_gemm:{quasar_gemm_1}");
    CHECK(instance != nullptr);
    CHECK_OK(xrt().xrtKernelClose(instance));
}

TEST(xclbin, a_kernel_the_library_does_not_export_is_ENOENT) {
    std::string path = write_xclbin("other.xclbin", make_uuid(4), lines_with("kernel", "other_kernel"));
    xrtDeviceHandle device = xrt().xrtDeviceOpen(0);
    CHECK_OK(xrt().xrtDeviceLoadXclbinFile(device, path.c_str()));
    CHECK_FAILS(xrt().xrtPLKernelOpen(device, make_uuid(4).data(), "other_kernel"), nullptr, ENOENT,
                "does not export 'other_kernel'");
    CHECK_OK(xrt().xrtDeviceClose(device));
}

TEST(xclbin, loading_another_xclbin_leaves_open_kernels_running) {
    LoadedDevice loaded;
    std::string other = write_xclbin("second.xclbin", make_uuid(7), xclbin_lines(fake_kernel_path()));
    CHECK_OK(xrt().xrtDeviceLoadXclbinFile(loaded.device, other.c_str()));

    CHECK_FAILS(xrt().xrtPLKernelOpen(loaded.device, loaded.uuid.data(), "quasar_gemm"), nullptr, EINVAL,
                "is not loaded on the device");
    KernelBuffers buffers(loaded.device);
    xrtRunHandle run = open_full_run(loaded.kernel, buffers, 0);
    CHECK_OK(xrt().xrtRunStart(run));
    CHECK_EQ(xrt().xrtRunWait(run), ERT_CMD_STATE_COMPLETED);
    CHECK_OK(xrt().xrtRunClose(run));
}
