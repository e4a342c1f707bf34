// The library under test, loaded with dlopen and resolved by name as the .NET host resolves it: a missing export or
// a misspelt name fails here. Each member has the type of the declaration in quasar_xrt_swemu.h.
#ifndef QUASAR_SWEMU_TESTS_SWEMU_API_H
#define QUASAR_SWEMU_TESTS_SWEMU_API_H

#include <string>

#include "quasar_xrt_swemu.h"

// clang-format off
#define SWEMU_FUNCTIONS(X)                                                                                             \
    X(xrtDeviceOpen) X(xrtDeviceClose) X(xrtDeviceLoadXclbinFile) X(xrtDeviceLoadXclbinHandle)                         \
    X(xrtDeviceGetXclbinUUID) X(xrtXclbinAllocFilename) X(xrtXclbinFreeHandle) X(xrtXclbinGetUUID)                     \
    X(xrtPLKernelOpen) X(xrtKernelClose) X(xrtKernelArgGroupId) X(xrtRunOpen) X(xrtRunSetArgV) X(xrtRunUpdateArgV)     \
    X(xrtRunGetArgV) X(xrtRunStart) X(xrtRunWait) X(xrtRunWaitFor) X(xrtRunState) X(xrtRunClose) X(xrtBOAlloc)        \
    X(xrtBOFree) X(xrtBOSize) X(xrtBOAddress) X(xrtBOSync) X(xrtBOMap) X(xrtBOWrite) X(xrtBORead)                      \
    X(quasar_swemu_last_error) X(quasar_swemu_live_handles)
// clang-format on

struct SwemuApi {
#define SWEMU_MEMBER(name) decltype(&::name) name = nullptr;
    SWEMU_FUNCTIONS(SWEMU_MEMBER)
#undef SWEMU_MEMBER
};

// Loads `library` once; exits the test program with a message when it or one of its functions is missing.
void load_swemu(const std::string& library);

const SwemuApi& xrt();

#endif // QUASAR_SWEMU_TESTS_SWEMU_API_H
