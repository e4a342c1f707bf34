// Runs of the fake kernel: data through host → device → kernel → device → host, the status, the run states.
#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "check.h"
#include "swemu_api.h"
#include "test_support.h"

namespace {
constexpr int A = 0, W = 1, OUT0 = 3, OUT1 = 4;
}

TEST(runs, a_run_moves_buffers_through_the_device_and_back) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    buffers.upload(A, pattern(1));
    buffers.upload(W, pattern(2));
    xrtRunHandle run = open_full_run(loaded.kernel, buffers, 0);

    CHECK_EQ(xrt().xrtRunState(run), ERT_CMD_STATE_NEW);
    CHECK_OK(xrt().xrtRunStart(run));
    CHECK_EQ(xrt().xrtRunWait(run), ERT_CMD_STATE_COMPLETED);
    CHECK_EQ(xrt().xrtRunWaitFor(run, 1000), ERT_CMD_STATE_COMPLETED);

    CHECK_EQ(run_status(run), 0);
    CHECK(buffers.download(OUT0) == pattern(1));
    CHECK(buffers.download(OUT1) == pattern(2));
    Uuid loaded_uuid{};
    CHECK_OK(xrt().xrtDeviceGetXclbinUUID(loaded.device, loaded_uuid.data()));
    CHECK(loaded_uuid == loaded.uuid);
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(runs, a_non_zero_status_ends_the_run_in_error_and_says_why) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    xrtRunHandle run = open_full_run(loaded.kernel, buffers, 3);

    CHECK_OK(xrt().xrtRunStart(run)); // the start succeeded; the kernel refused
    CHECK_EQ(xrt().xrtRunWait(run), ERT_CMD_STATE_ERROR);
    CHECK(std::string(xrt().quasar_swemu_last_error()).find("xrtRunWait: kernel 'quasar_gemm' ended with status 3") ==
          0);
    CHECK_EQ(run_status(run), 3);

    int flags = 0;
    CHECK_OK(xrt().xrtRunUpdateArgV(run, 13, &flags, sizeof flags));
    CHECK_OK(xrt().xrtRunStart(run));
    CHECK_EQ(xrt().xrtRunState(run), ERT_CMD_STATE_COMPLETED);
    CHECK_EQ(run_status(run), 0);
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(runs, a_mapped_buffer_is_the_host_copy_and_needs_a_sync) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    auto* a = static_cast<unsigned char*>(xrt().xrtBOMap(buffers.bo[A]));
    CHECK(a != nullptr);
    auto bytes = pattern(9);
    std::copy(bytes.begin(), bytes.end(), a);
    xrtRunHandle run = open_full_run(loaded.kernel, buffers, 0);

    CHECK_FAILS(xrt().xrtRunStart(run), -1, EPERM, "argument 0 (a)");
    CHECK_OK(xrt().xrtBOSync(buffers.bo[A], XCL_BO_SYNC_BO_TO_DEVICE, BYTES, 0));
    CHECK_OK(xrt().xrtRunStart(run));
    CHECK(buffers.download(OUT0) == bytes);
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(runs, an_output_written_by_the_host_is_overwritten_without_a_sync) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    auto stale = pattern(4);
    CHECK_OK(xrt().xrtBOWrite(buffers.bo[OUT0], stale.data(), stale.size(), 0));
    buffers.upload(A, pattern(5));
    xrtRunHandle run = open_full_run(loaded.kernel, buffers, 0);

    CHECK_OK(xrt().xrtRunStart(run));
    CHECK(buffers.download(OUT0) == pattern(5));
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(runs, a_run_may_read_what_the_previous_run_left_on_the_device) {
    LoadedDevice loaded;
    KernelBuffers first(loaded.device), second(loaded.device);
    first.upload(A, pattern(6));
    xrtRunHandle producer = open_full_run(loaded.kernel, first, 0);
    xrtRunHandle consumer = open_full_run(loaded.kernel, second, 0);
    std::uint64_t chained = first.address(OUT0); // device data never synced to the host
    CHECK_OK(xrt().xrtRunSetArgV(consumer, A, &chained, sizeof chained));

    CHECK_OK(xrt().xrtRunStart(producer));
    CHECK_OK(xrt().xrtRunStart(consumer));
    CHECK(second.download(OUT0) == pattern(6));
    CHECK_OK(xrt().xrtRunClose(producer));
    CHECK_OK(xrt().xrtRunClose(consumer));
}

TEST(runs, threads_sharing_the_device_each_get_their_own_results) {
    LoadedDevice loaded;
    std::vector<std::thread> threads;
    for (unsigned char seed = 1; seed <= 4; ++seed) {
        threads.emplace_back([&loaded, seed] {
            for (int i = 0; i < 200; ++i) {
                KernelBuffers buffers(loaded.device);
                auto bytes = pattern(static_cast<unsigned char>(seed * 50 + i));
                buffers.upload(A, bytes);
                xrtRunHandle run = open_full_run(loaded.kernel, buffers, 0);
                CHECK_OK(xrt().xrtRunStart(run));
                CHECK(buffers.download(OUT0) == bytes);
                CHECK_OK(xrt().xrtRunClose(run));
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
}
