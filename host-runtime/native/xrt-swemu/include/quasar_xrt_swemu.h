// The subset of XRT's C API (xrt_device.h, xrt_bo.h, xrt_kernel.h, experimental/xrt_xclbin.h) that the sw-emu device
// exports, with XRT's names and signatures, so that a host written against libxrt_coreutil.so.2 can load this library
// instead; plus two sw-emu diagnostics (quasar_swemu_*). Behaviour and error codes: README.md.
#ifndef QUASAR_XRT_SWEMU_H
#define QUASAR_XRT_SWEMU_H

#include <stddef.h>
#include <stdint.h>

#define QUASAR_SWEMU_API __attribute__((visibility("default")))

#ifdef __cplusplus
extern "C" {
#endif

typedef void* xrtDeviceHandle;
typedef void* xrtXclbinHandle;
typedef void* xrtKernelHandle;
typedef void* xrtRunHandle;
typedef void* xrtBufferHandle;
typedef uint64_t xrtBufferFlags;
typedef uint32_t xrtMemoryGroup;
typedef unsigned char xuid_t[16];

// As XRT declares it; the sw-emu device has no AI engines, so only the first two are accepted.
enum xclBOSyncDirection {
    XCL_BO_SYNC_BO_TO_DEVICE = 0,
    XCL_BO_SYNC_BO_FROM_DEVICE = 1,
    XCL_BO_SYNC_BO_GMIO_TO_AIE = 2,
    XCL_BO_SYNC_BO_AIE_TO_GMIO = 3,
};

enum ert_cmd_state {
    ERT_CMD_STATE_NEW = 1,
    ERT_CMD_STATE_QUEUED = 2,
    ERT_CMD_STATE_RUNNING = 3,
    ERT_CMD_STATE_COMPLETED = 4,
    ERT_CMD_STATE_ERROR = 5,
    ERT_CMD_STATE_ABORT = 6,
    ERT_CMD_STATE_SUBMITTED = 7,
    ERT_CMD_STATE_TIMEOUT = 8,
    ERT_CMD_STATE_NORESPONSE = 9,
    ERT_CMD_STATE_SKERROR = 10,
    ERT_CMD_STATE_SKCRASHED = 11,
};

QUASAR_SWEMU_API xrtDeviceHandle xrtDeviceOpen(unsigned int index);
QUASAR_SWEMU_API int xrtDeviceClose(xrtDeviceHandle device);
QUASAR_SWEMU_API int xrtDeviceLoadXclbinFile(xrtDeviceHandle device, const char* path);
QUASAR_SWEMU_API int xrtDeviceLoadXclbinHandle(xrtDeviceHandle device, xrtXclbinHandle xclbin);
QUASAR_SWEMU_API int xrtDeviceGetXclbinUUID(xrtDeviceHandle device, xuid_t out);

QUASAR_SWEMU_API xrtXclbinHandle xrtXclbinAllocFilename(const char* path);
QUASAR_SWEMU_API int xrtXclbinFreeHandle(xrtXclbinHandle xclbin);
QUASAR_SWEMU_API int xrtXclbinGetUUID(xrtXclbinHandle xclbin, xuid_t out);

QUASAR_SWEMU_API xrtKernelHandle xrtPLKernelOpen(xrtDeviceHandle device, const xuid_t xclbin_id, const char* name);
QUASAR_SWEMU_API int xrtKernelClose(xrtKernelHandle kernel);
QUASAR_SWEMU_API int xrtKernelArgGroupId(xrtKernelHandle kernel, int argno);

QUASAR_SWEMU_API xrtRunHandle xrtRunOpen(xrtKernelHandle kernel);
QUASAR_SWEMU_API int xrtRunSetArgV(xrtRunHandle run, int index, const void* value, size_t bytes);
QUASAR_SWEMU_API int xrtRunUpdateArgV(xrtRunHandle run, int index, const void* value, size_t bytes);
QUASAR_SWEMU_API int xrtRunGetArgV(xrtRunHandle run, int index, void* value, size_t bytes);
QUASAR_SWEMU_API int xrtRunStart(xrtRunHandle run);
QUASAR_SWEMU_API enum ert_cmd_state xrtRunWait(xrtRunHandle run);
QUASAR_SWEMU_API enum ert_cmd_state xrtRunWaitFor(xrtRunHandle run, unsigned int timeout_ms);
QUASAR_SWEMU_API enum ert_cmd_state xrtRunState(xrtRunHandle run);
QUASAR_SWEMU_API int xrtRunClose(xrtRunHandle run);

QUASAR_SWEMU_API xrtBufferHandle xrtBOAlloc(xrtDeviceHandle device, size_t size, xrtBufferFlags flags,
                                            xrtMemoryGroup grp);
QUASAR_SWEMU_API int xrtBOFree(xrtBufferHandle buffer);
QUASAR_SWEMU_API size_t xrtBOSize(xrtBufferHandle buffer);
QUASAR_SWEMU_API uint64_t xrtBOAddress(xrtBufferHandle buffer);
QUASAR_SWEMU_API int xrtBOSync(xrtBufferHandle buffer, enum xclBOSyncDirection dir, size_t size, size_t offset);
QUASAR_SWEMU_API void* xrtBOMap(xrtBufferHandle buffer);
QUASAR_SWEMU_API int xrtBOWrite(xrtBufferHandle buffer, const void* src, size_t size, size_t seek);
QUASAR_SWEMU_API int xrtBORead(xrtBufferHandle buffer, void* dst, size_t size, size_t skip);

// The last failure on the calling thread as one line naming the function, the argument at fault and the fix; "" when
// no call on this thread has failed. Successful calls leave it alone, as they leave errno alone. The pointer stays
// valid until the next failure on this thread.
QUASAR_SWEMU_API const char* quasar_swemu_last_error(void);

// Live handles of every kind (devices, xclbins, kernels, runs, buffers): the host's leak tests expect it back where
// it started once everything is closed.
QUASAR_SWEMU_API int quasar_swemu_live_handles(void);

#ifdef __cplusplus
}
#endif

#endif // QUASAR_XRT_SWEMU_H
