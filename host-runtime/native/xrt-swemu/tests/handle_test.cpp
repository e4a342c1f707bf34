// Handles: NULL, freed, foreign or wrong-kind handles are EINVAL (never a crash), and the live count returns to 0.
#include <string>
#include <thread>

#include "check.h"
#include "swemu_api.h"
#include "test_support.h"

TEST(handles, a_freed_handle_is_refused_naming_its_release_call) {
    LoadedDevice loaded;
    xrtBufferHandle buffer = xrt().xrtBOAlloc(loaded.device, 64, 0, 0);
    xrtRunHandle run = xrt().xrtRunOpen(loaded.kernel);
    xrtXclbinHandle xclbin = xrt().xrtXclbinAllocFilename(
        write_xclbin("freed.xclbin", make_uuid(1), xclbin_lines(fake_kernel_path())).c_str());
    CHECK_OK(xrt().xrtBOFree(buffer));
    CHECK_OK(xrt().xrtRunClose(run));
    CHECK_OK(xrt().xrtXclbinFreeHandle(xclbin));
    char byte = 0;
    Uuid uuid{};

    CHECK_FAILS(xrt().xrtBOSize(buffer), SIZE_MAX, EINVAL, "xrtBOSize: buffer 0x");
    CHECK_FAILS(xrt().xrtBOSize(buffer), SIZE_MAX, EINVAL, "was already released by xrtBOFree");
    CHECK_FAILS(xrt().xrtBOAddress(buffer), UINT64_MAX, EINVAL, "released by xrtBOFree");
    CHECK_FAILS(xrt().xrtBOMap(buffer), nullptr, EINVAL, "released by xrtBOFree");
    CHECK_FAILS(xrt().xrtBOWrite(buffer, &byte, 1, 0), -1, EINVAL, "released by xrtBOFree");
    CHECK_FAILS(xrt().xrtBOFree(buffer), -1, EINVAL, "released by xrtBOFree");
    CHECK_FAILS(xrt().xrtRunStart(run), -1, EINVAL, "released by xrtRunClose");
    CHECK_FAILS(xrt().xrtRunWait(run), ERT_CMD_STATE_ABORT, EINVAL, "xrtRunWait: run 0x");
    CHECK_FAILS(xrt().xrtXclbinGetUUID(xclbin, uuid.data()), -1, EINVAL, "released by xrtXclbinFreeHandle");
}

TEST(handles, a_closed_kernel_or_device_is_refused) {
    xrtDeviceHandle device = xrt().xrtDeviceOpen(0);
    CHECK_OK(xrt().xrtDeviceClose(device));
    CHECK_FAILS(xrt().xrtBOAlloc(device, 64, 0, 0), nullptr, EINVAL, "released by xrtDeviceClose");
    CHECK_FAILS(xrt().xrtDeviceClose(device), -1, EINVAL, "released by xrtDeviceClose");

    LoadedDevice loaded;
    xrtKernelHandle kernel = xrt().xrtPLKernelOpen(loaded.device, loaded.uuid.data(), "quasar_gemm");
    CHECK_OK(xrt().xrtKernelClose(kernel));
    CHECK_FAILS(xrt().xrtRunOpen(kernel), nullptr, EINVAL, "released by xrtKernelClose");
}

TEST(handles, null_foreign_and_wrong_kind_handles_are_refused) {
    LoadedDevice loaded;
    xrtBufferHandle buffer = xrt().xrtBOAlloc(loaded.device, 64, 0, 0);
    int local = 0;

    CHECK_FAILS(xrt().xrtRunStart(nullptr), -1, EINVAL, "xrtRunStart: run is NULL");
    CHECK_FAILS(xrt().xrtBOSize(&local), SIZE_MAX, EINVAL, "is not a handle this library returned");
    CHECK_FAILS(xrt().xrtRunStart(buffer), -1, EINVAL, "is a buffer handle, not a run handle");
    CHECK_FAILS(xrt().xrtKernelClose(loaded.device), -1, EINVAL, "is a device handle, not a kernel handle");
    CHECK_OK(xrt().xrtBOFree(buffer));
}

TEST(handles, children_outlive_a_closed_device) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    CHECK_OK(xrt().xrtDeviceClose(loaded.device));
    loaded.device = nullptr;

    buffers.upload(0, pattern(2));
    xrtRunHandle run = open_full_run(loaded.kernel, buffers, 0);
    CHECK_OK(xrt().xrtRunStart(run));
    CHECK(buffers.download(3) == pattern(2));
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(handles, the_live_count_follows_opens_and_closes) {
    CHECK_EQ(xrt().quasar_swemu_live_handles(), 0);
    {
        LoadedDevice loaded;
        CHECK_EQ(xrt().quasar_swemu_live_handles(), 2);
        KernelBuffers buffers(loaded.device);
        xrtRunHandle run = xrt().xrtRunOpen(loaded.kernel);
        CHECK_EQ(xrt().quasar_swemu_live_handles(), 8);
        CHECK_OK(xrt().xrtRunClose(run));
    }
    CHECK_EQ(xrt().quasar_swemu_live_handles(), 0);
}

TEST(handles, the_last_error_belongs_to_its_thread_and_outlives_successes) {
    CHECK_FAILS(xrt().xrtDeviceOpen(7), nullptr, ENODEV, "device index 7");
    xrtDeviceHandle device = xrt().xrtDeviceOpen(0);
    CHECK_OK(xrt().xrtDeviceClose(device));
    CHECK(std::string(xrt().quasar_swemu_last_error()).find("device index 7") != std::string::npos);

    std::string other_thread = "unset";
    std::thread([&] { other_thread = xrt().quasar_swemu_last_error(); }).join();
    CHECK_EQ(other_thread, std::string());
}
