// Buffers keep a host and a device copy apart until synced: forgetting a sync is an error, not stale data.
#include <cstdint>

#include "check.h"
#include "swemu_api.h"
#include "test_support.h"

namespace {
constexpr int A = 0, W = 1, OUT0 = 3;
}

TEST(buffer_sync, an_input_written_but_not_synced_refuses_the_run) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    auto a = pattern(3);
    CHECK_OK(xrt().xrtBOWrite(buffers.bo[A], a.data(), a.size(), 0));
    buffers.upload(W, pattern(4));
    xrtRunHandle run = open_full_run(loaded.kernel, buffers, 0);

    CHECK_FAILS(xrt().xrtRunStart(run), -1, EPERM, "xrtRunStart: argument 0 (a) is buffer 0x");
    CHECK_FAILS(xrt().xrtRunStart(run), -1, EPERM, "written by the host but not synced to the device");
    CHECK_EQ(xrt().xrtRunState(run), ERT_CMD_STATE_NEW);
    CHECK_OK(xrt().xrtBOSync(buffers.bo[A], XCL_BO_SYNC_BO_TO_DEVICE, BYTES, 0));
    CHECK_OK(xrt().xrtRunStart(run));
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(buffer_sync, a_partial_sync_leaves_the_rest_unsynced) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    auto a = pattern(3);
    CHECK_OK(xrt().xrtBOWrite(buffers.bo[A], a.data(), a.size(), 0));
    CHECK_OK(xrt().xrtBOSync(buffers.bo[A], XCL_BO_SYNC_BO_TO_DEVICE, 16, 0));
    xrtRunHandle run = open_full_run(loaded.kernel, buffers, 0);

    CHECK_FAILS(xrt().xrtRunStart(run), -1, EPERM, "bytes [16, 64) were written by the host");
    CHECK_OK(xrt().xrtBOSync(buffers.bo[A], XCL_BO_SYNC_BO_TO_DEVICE, BYTES - 16, 16));
    CHECK_OK(xrt().xrtRunStart(run));
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(buffer_sync, reading_run_output_before_syncing_it_back_is_refused) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    buffers.upload(A, pattern(7));
    xrtRunHandle run = open_full_run(loaded.kernel, buffers, 0);
    CHECK_OK(xrt().xrtRunStart(run));
    std::vector<unsigned char> bytes(BYTES);

    CHECK_FAILS(xrt().xrtBORead(buffers.bo[OUT0], bytes.data(), BYTES, 0), -1, EPERM,
                "holds device data not yet synced to the host");
    CHECK_FAILS(xrt().xrtBORead(buffers.bo[OUT0], bytes.data(), BYTES, 0), -1, EPERM, "XCL_BO_SYNC_BO_FROM_DEVICE");
    CHECK_OK(xrt().xrtBOSync(buffers.bo[OUT0], XCL_BO_SYNC_BO_FROM_DEVICE, 16, 0));
    CHECK_OK(xrt().xrtBORead(buffers.bo[OUT0], bytes.data(), 16, 0));
    CHECK_FAILS(xrt().xrtBORead(buffers.bo[OUT0], bytes.data(), 16, 16), -1, EPERM, "bytes [16, 64)");
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(buffer_sync, the_device_copy_is_separate_from_the_host_copy) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    buffers.upload(A, pattern(8));
    xrtRunHandle run = open_full_run(loaded.kernel, buffers, 0);
    CHECK_OK(xrt().xrtRunStart(run));

    // Syncing the (all-zero) host copy over the run's output loses the output, as on a board.
    CHECK_OK(xrt().xrtBOSync(buffers.bo[OUT0], XCL_BO_SYNC_BO_TO_DEVICE, BYTES, 0));
    CHECK(buffers.download(OUT0) == std::vector<unsigned char>(BYTES, 0));
    void* host = xrt().xrtBOMap(buffers.bo[A]);
    CHECK(reinterpret_cast<std::uintptr_t>(host) != buffers.address(A));
    CHECK_EQ(reinterpret_cast<std::uintptr_t>(host) % 64, 0u);
    CHECK_EQ(buffers.address(A) % 64, 0u);
    CHECK_EQ(xrt().xrtBOSize(buffers.bo[A]), BYTES);
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(buffer_sync, ranges_beyond_the_end_are_ERANGE) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    std::vector<unsigned char> bytes(BYTES + 1);

    CHECK_FAILS(xrt().xrtBOWrite(buffers.bo[A], bytes.data(), BYTES + 1, 0), -1, ERANGE,
                "xrtBOWrite: a write of 65 bytes at offset 0 runs past the end of the 64-byte buffer");
    CHECK_FAILS(xrt().xrtBORead(buffers.bo[A], bytes.data(), 16, BYTES), -1, ERANGE, "a read of 16 bytes at offset 64");
    CHECK_FAILS(xrt().xrtBORead(buffers.bo[A], bytes.data(), SIZE_MAX, 1), -1, ERANGE, "runs past the end");
    CHECK_FAILS(xrt().xrtBOSync(buffers.bo[A], XCL_BO_SYNC_BO_TO_DEVICE, 8, 60), -1, ERANGE, "a sync of 8 bytes");
    CHECK_FAILS(xrt().xrtBOSync(buffers.bo[A], XCL_BO_SYNC_BO_GMIO_TO_AIE, 8, 0), -1, EINVAL, "direction 2");
}

TEST(buffer_sync, allocation_checks_size_and_memory_group) {
    LoadedDevice loaded;
    CHECK_FAILS(xrt().xrtBOAlloc(loaded.device, 0, 0, 0), nullptr, EINVAL, "size is 0");
    CHECK_FAILS(xrt().xrtBOAlloc(loaded.device, 64, 0, 1), nullptr, EINVAL, "memory group 1 does not exist");
    CHECK_FAILS(xrt().xrtBOAlloc(loaded.device, std::size_t{1} << 62, 0, 0), nullptr, ENOMEM, "cannot allocate");
}
