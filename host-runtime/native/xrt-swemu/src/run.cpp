#include "run.h"

#include <cerrno>
#include <cstring>

#include "buffer.h"
#include "errors.h"

namespace quasar::swemu {

namespace {

std::string arg_name(int index) {
    return "argument " + std::to_string(index) + " (" + ARG_NAMES[index] + ")";
}

} // namespace

void Run::check_index(int index, std::size_t bytes) const {
    if (index < 0 || index >= ARG_COUNT)
        fail(EINVAL, "argument " + std::to_string(index) + " does not exist: kernel '" + kernel_->name + "' (" +
                         SWEMU_ABI + ") has arguments 0.." + std::to_string(ARG_COUNT - 1));
    if (bytes != arg_bytes(index))
        fail(EINVAL, arg_name(index) + " is " + (is_buffer_arg(index) ? "a buffer" : "a 32-bit scalar") + ": pass " +
                         std::to_string(arg_bytes(index)) + " bytes" +
                         (is_buffer_arg(index) ? " (the device address xrtBOAddress returns)" : "") + ", not " +
                         std::to_string(bytes));
}

void Run::set_arg(int index, const void* value, std::size_t bytes) {
    if (index == STATUS_ARG)
        fail(EINVAL,
             arg_name(index) + " is an output scalar the kernel writes: read it with xrtRunGetArgV after the run");
    check_index(index, bytes);
    if (value == nullptr) fail(EINVAL, "value of " + arg_name(index) + " is NULL");
    Arg arg;
    arg.set = true;
    if (is_buffer_arg(index)) {
        std::memcpy(&arg.bits, value, BUFFER_ARG_BYTES);
        if (!buffer_at(arg.bits))
            fail(EINVAL, arg_name(index) + " is a buffer, but " + hex(arg.bits) + " is not the device address of a " +
                             "live buffer: pass what xrtBOAddress returns for a buffer not yet freed");
    } else {
        std::uint32_t scalar;
        std::memcpy(&scalar, value, SCALAR_ARG_BYTES);
        arg.bits = scalar;
    }
    args_[index] = arg;
}

void Run::get_arg(int index, void* value, std::size_t bytes) const {
    check_index(index, bytes);
    if (value == nullptr) fail(EINVAL, "destination of " + arg_name(index) + " is NULL");
    const Arg& arg = args_[index];
    if (!arg.set)
        fail(EINVAL, arg_name(index) + (index == STATUS_ARG ? " has no value before the first xrtRunStart"
                                                            : " has not been set: call xrtRunSetArgV first"));
    if (is_buffer_arg(index))
        std::memcpy(value, &arg.bits, BUFFER_ARG_BYTES);
    else {
        auto scalar = static_cast<std::uint32_t>(arg.bits);
        std::memcpy(value, &scalar, SCALAR_ARG_BYTES);
    }
}

Run::Launch Run::prepare() const {
    for (int i = 0; i < STATUS_ARG; ++i)
        if (!args_[i].set)
            fail(EINVAL, arg_name(i) + " is not set: call xrtRunSetArgV for every argument 0.." +
                             std::to_string(STATUS_ARG - 1) + " before xrtRunStart");

    Launch launch;
    for (int i = 0; i < FIRST_SCALAR_ARG; ++i) {
        launch.buffers[i] = buffer_at(args_[i].bits);
        if (!launch.buffers[i])
            fail(EINVAL, arg_name(i) + " holds device address " + hex(args_[i].bits) + ", whose buffer has been " +
                             "freed: set it again to a live buffer");
        if (is_input_buffer_arg(i)) launch.buffers[i]->require_synced_to_device(arg_name(i));
    }
    for (int i = FIRST_SCALAR_ARG; i < STATUS_ARG; ++i)
        launch.scalars[i - FIRST_SCALAR_ARG] = static_cast<int>(static_cast<std::uint32_t>(args_[i].bits));
    return launch;
}

void Run::execute(Launch& launch) const {
    auto& b = launch.buffers;
    auto& s = launch.scalars;
    kernel_->entry(b[0]->device_data(), b[1]->device_data(), b[2]->device_data(), b[3]->device_data(),
                   b[4]->device_data(), s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], &launch.status);
}

void Run::finish(const Launch& launch) {
    for (int i = FIRST_OUTPUT_ARG; i < FIRST_SCALAR_ARG; ++i) launch.buffers[i]->mark_written_by_device();
    args_[STATUS_ARG].set = true;
    args_[STATUS_ARG].bits = static_cast<std::uint32_t>(launch.status);
    state_ = launch.status == 0 ? RUN_COMPLETED : RUN_ERROR;
    error_ = launch.status == 0 ? ""
                                : "kernel '" + kernel_->name + "' ended with status " + std::to_string(launch.status) +
                                      " (non-zero: the kernel refused the call; the status codes are in " +
                                      "gemm_interface.h), so the run is in ERT_CMD_STATE_ERROR";
}

} // namespace quasar::swemu
