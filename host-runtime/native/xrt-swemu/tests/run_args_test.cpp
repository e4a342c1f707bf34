// Run arguments: buffers by live device address, scalars by 4 bytes, the status read-only, all set before a start.
#include "check.h"
#include "swemu_api.h"
#include "test_support.h"

TEST(run_args, a_buffer_argument_must_be_the_address_of_a_live_buffer) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    xrtRunHandle run = xrt().xrtRunOpen(loaded.kernel);
    std::uint64_t not_a_buffer = 0x1234, interior = buffers.address(0) + 16;

    CHECK_FAILS(xrt().xrtRunSetArgV(run, 0, &not_a_buffer, 8), -1, EINVAL,
                "xrtRunSetArgV: argument 0 (a) is a buffer, but 0x1234 is not the device address of a live buffer");
    CHECK_FAILS(xrt().xrtRunSetArgV(run, 1, &interior, 8), -1, EINVAL, "not the device address of a live buffer");
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(run_args, each_argument_takes_its_own_size) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    xrtRunHandle run = xrt().xrtRunOpen(loaded.kernel);
    std::uint64_t address = buffers.address(0);

    CHECK_FAILS(xrt().xrtRunSetArgV(run, 0, &address, 4), -1, EINVAL, "argument 0 (a) is a buffer: pass 8 bytes");
    CHECK_FAILS(xrt().xrtRunSetArgV(run, 5, &address, 8), -1, EINVAL,
                "argument 5 (batches) is a 32-bit scalar: pass 4");
    CHECK_FAILS(xrt().xrtRunSetArgV(run, 15, &address, 4), -1, EINVAL, "argument 15 does not exist");
    CHECK_FAILS(xrt().xrtRunSetArgV(run, -1, &address, 4), -1, EINVAL, "argument -1 does not exist");
    CHECK_FAILS(xrt().xrtRunSetArgV(run, 6, nullptr, 4), -1, EINVAL, "value of argument 6 (m) is NULL");
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(run_args, the_status_is_written_by_the_kernel_only) {
    LoadedDevice loaded;
    xrtRunHandle run = xrt().xrtRunOpen(loaded.kernel);
    int status = 0;

    CHECK_FAILS(xrt().xrtRunSetArgV(run, 14, &status, 4), -1, EINVAL, "argument 14 (status) is an output scalar");
    CHECK_FAILS(xrt().xrtRunGetArgV(run, 14, &status, 4), -1, EINVAL, "no value before the first xrtRunStart");
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(run_args, get_arg_returns_what_was_set) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    xrtRunHandle run = open_full_run(loaded.kernel, buffers, 2);
    std::uint64_t address = 0;
    int flags = 0, m = 0;

    CHECK_OK(xrt().xrtRunGetArgV(run, 4, &address, sizeof address));
    CHECK_EQ(address, buffers.address(4));
    CHECK_OK(xrt().xrtRunGetArgV(run, 13, &flags, sizeof flags));
    CHECK_EQ(flags, 2);
    CHECK_FAILS(xrt().xrtRunGetArgV(run, 6, &m, 8), -1, EINVAL, "pass 4 bytes");
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(run_args, a_start_with_an_unset_argument_names_the_first_one) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    xrtRunHandle run = xrt().xrtRunOpen(loaded.kernel);
    for (int i = 0; i < 5; ++i) {
        std::uint64_t address = buffers.address(i);
        CHECK_OK(xrt().xrtRunSetArgV(run, i, &address, 8));
    }
    for (int i = 5; i <= 13; ++i) {
        int one = 1;
        if (i != 7 && i != 9) CHECK_OK(xrt().xrtRunSetArgV(run, i, &one, 4));
    }

    CHECK_FAILS(xrt().xrtRunStart(run), -1, EINVAL, "xrtRunStart: argument 7 (n) is not set");
    CHECK_EQ(xrt().xrtRunState(run), ERT_CMD_STATE_NEW);
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(run_args, a_buffer_freed_after_it_was_set_is_refused_at_start) {
    LoadedDevice loaded;
    KernelBuffers buffers(loaded.device);
    xrtRunHandle run = open_full_run(loaded.kernel, buffers, 0);
    CHECK_OK(xrt().xrtBOFree(buffers.bo[4]));
    buffers.bo[4] = nullptr;

    CHECK_FAILS(xrt().xrtRunStart(run), -1, EINVAL, "argument 4 (out1) holds device address");
    CHECK_OK(xrt().xrtRunClose(run));
}

TEST(run_args, only_buffer_arguments_have_a_memory_group) {
    LoadedDevice loaded;
    for (int i = 0; i < 5; ++i) CHECK_EQ(xrt().xrtKernelArgGroupId(loaded.kernel, i), 0);
    CHECK_FAILS(xrt().xrtKernelArgGroupId(loaded.kernel, 7), -1, EINVAL, "argument 7 (n) is a scalar");
    CHECK_FAILS(xrt().xrtKernelArgGroupId(loaded.kernel, 15), -1, EINVAL, "argument 15 does not exist");
}
