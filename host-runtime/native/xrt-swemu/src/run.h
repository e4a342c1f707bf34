// A run of a kernel: its arguments as XRT's register map holds them (device addresses for buffers, 32-bit scalars),
// executed synchronously by xrtRunStart on the buffers' device copies: prepared and finished under the device lock,
// executed outside it (one execution at a time), so that other threads' transfers go on beside a running kernel as
// DMA does beside a busy compute unit.
#ifndef QUASAR_SWEMU_RUN_H
#define QUASAR_SWEMU_RUN_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "buffer.h"
#include "kernel.h"

namespace quasar::swemu {

// ert_cmd_state values a run takes here.
constexpr int RUN_NEW = 1;
constexpr int RUN_COMPLETED = 4;
constexpr int RUN_ERROR = 5;

class Run {
  public:
    explicit Run(std::shared_ptr<const Kernel> kernel) : kernel_(std::move(kernel)) {}

    void set_arg(int index, const void* value, std::size_t bytes);
    void get_arg(int index, void* value, std::size_t bytes) const;

    // What one execution needs: the argument buffers (kept alive, whatever is freed meanwhile) and the scalars.
    struct Launch {
        std::shared_ptr<Buffer> buffers[FIRST_SCALAR_ARG];
        int scalars[STATUS_ARG - FIRST_SCALAR_ARG];
        int status = 0;
    };

    // Checks that every argument is set and every input synced; under the device lock.
    Launch prepare() const;

    // Runs the kernel on the device copies; outside the device lock, under the compute unit's.
    void execute(Launch& launch) const;

    // Marks the outputs written by the device and records the status; under the device lock. A non-zero status ends
    // the run in ERROR, which is not a failure of the call.
    void finish(const Launch& launch);

    int state() const { return state_; }
    // Why the last start ended in ERROR ("" otherwise).
    const std::string& error() const { return error_; }

  private:
    struct Arg {
        bool set = false;
        std::uint64_t bits = 0; // a device address, or a scalar's 32 bits
    };

    void check_index(int index, std::size_t bytes) const;

    std::shared_ptr<const Kernel> kernel_;
    std::array<Arg, ARG_COUNT> args_{};
    int state_ = RUN_NEW;
    std::string error_;
};

} // namespace quasar::swemu

#endif // QUASAR_SWEMU_RUN_H
