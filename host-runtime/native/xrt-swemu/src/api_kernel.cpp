// The exported kernel and run functions (xrt_kernel.h; the *ArgV functions are exported by XRT but declared only in
// xrt_kernel.cpp).
#include "api_guard.h"
#include "handles.h"
#include "kernel.h"
#include "quasar_xrt_swemu.h"
#include "run.h"

using namespace quasar::swemu;

namespace {

// The run's state; an ERROR state also becomes this thread's last error, so the host that waited can say why.
ert_cmd_state report_state(const char* function, xrtRunHandle handle) {
    return guarded(function, ERT_CMD_STATE_ABORT, [&] {
        auto run = find<Run>(HandleKind::run, handle, "run");
        if (run->state() == RUN_ERROR) set_last_error(function, run->error().c_str());
        return static_cast<ert_cmd_state>(run->state());
    });
}

} // namespace

xrtKernelHandle xrtPLKernelOpen(xrtDeviceHandle device, const xuid_t xclbin_id, const char* name) {
    return guarded("xrtPLKernelOpen", xrtKernelHandle{nullptr}, [&] {
        auto kernel = open_kernel(*find<Device>(HandleKind::device, device, "device"), xclbin_id, name);
        return add_handle(HandleKind::kernel, std::move(kernel));
    });
}

int xrtKernelClose(xrtKernelHandle kernel) {
    return guarded("xrtKernelClose", -1, [&] {
        remove_handle(HandleKind::kernel, kernel, "kernel");
        return 0;
    });
}

int xrtKernelArgGroupId(xrtKernelHandle kernel, int argno) {
    return guarded("xrtKernelArgGroupId", -1, [&] {
        find<Kernel>(HandleKind::kernel, kernel, "kernel");
        return argument_group(argno);
    });
}

xrtRunHandle xrtRunOpen(xrtKernelHandle kernel) {
    return guarded("xrtRunOpen", xrtRunHandle{nullptr}, [&] {
        auto run = std::make_shared<Run>(find<Kernel>(HandleKind::kernel, kernel, "kernel"));
        return add_handle(HandleKind::run, std::move(run));
    });
}

int xrtRunSetArgV(xrtRunHandle run, int index, const void* value, size_t bytes) {
    return guarded("xrtRunSetArgV", -1, [&] {
        find<Run>(HandleKind::run, run, "run")->set_arg(index, value, bytes);
        return 0;
    });
}

// A run executes within xrtRunStart, so updating an argument is setting it for the next start.
int xrtRunUpdateArgV(xrtRunHandle run, int index, const void* value, size_t bytes) {
    return guarded("xrtRunUpdateArgV", -1, [&] {
        find<Run>(HandleKind::run, run, "run")->set_arg(index, value, bytes);
        return 0;
    });
}

int xrtRunGetArgV(xrtRunHandle run, int index, void* value, size_t bytes) {
    return guarded("xrtRunGetArgV", -1, [&] {
        find<Run>(HandleKind::run, run, "run")->get_arg(index, value, bytes);
        return 0;
    });
}

// The kernel executes between two guarded steps, outside the device lock: transfers of other threads go on meanwhile,
// while executions are serialised on the one compute unit (the kernel's buffers are static, so it is not reentrant).
int xrtRunStart(xrtRunHandle run) {
    std::shared_ptr<Run> target;
    Run::Launch launch;
    if (guarded("xrtRunStart", -1, [&] {
            target = find<Run>(HandleKind::run, run, "run");
            launch = target->prepare();
            return 0;
        }) != 0)
        return -1;
    {
        std::lock_guard<std::mutex> unit(compute_unit_mutex());
        target->execute(launch);
    }
    return guarded("xrtRunStart", -1, [&] {
        target->finish(launch);
        if (target->state() == RUN_ERROR) set_last_error("xrtRunStart", target->error().c_str());
        return 0;
    });
}

ert_cmd_state xrtRunWait(xrtRunHandle run) {
    return report_state("xrtRunWait", run);
}

// Every run has ended when xrtRunStart returns, so no wait ever times out.
ert_cmd_state xrtRunWaitFor(xrtRunHandle run, unsigned int) {
    return report_state("xrtRunWaitFor", run);
}

ert_cmd_state xrtRunState(xrtRunHandle run) {
    return report_state("xrtRunState", run);
}

int xrtRunClose(xrtRunHandle run) {
    return guarded("xrtRunClose", -1, [&] {
        remove_handle(HandleKind::run, run, "run");
        return 0;
    });
}
