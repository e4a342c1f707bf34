// A run of a kernel: its arguments as XRT's register map holds them (device addresses for buffers, 32-bit scalars),
// executed synchronously by xrtRunStart on the buffers' device copies.
#ifndef QUASAR_SWEMU_RUN_H
#define QUASAR_SWEMU_RUN_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

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

    // Runs the kernel; a non-zero status ends the run in ERROR, which is not a failure of the call.
    void start();

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
