// The one kernel ABI the device runs, "quasar_gemm/v2" (hls-templates/include/quasar/gemm_interface.h): argument
// indices as XRT numbers them, which are buffers and which way data flows. A 128-bit bus word is opaque here.
#ifndef QUASAR_SWEMU_KERNEL_ABI_H
#define QUASAR_SWEMU_KERNEL_ABI_H

#include <cstddef>

namespace quasar::swemu {

typedef void (*KernelFn)(const void* a, const void* w, const void* rows, void* out0, void* out1, int batches, int m,
                         int n, int k, int nibble_rows, int out_bytes, int out_min, int out_max, int flags,
                         int* status);

constexpr int ARG_COUNT = 15;
constexpr int FIRST_SCALAR_ARG = 5; // 0..4 are buffers
constexpr int FIRST_OUTPUT_ARG = 3; // 3 and 4 are the output buffers
constexpr int STATUS_ARG = 14;      // the output scalar, read back with xrtRunGetArgV
constexpr int BUFFER_ARG_BYTES = 8; // a device address
constexpr int SCALAR_ARG_BYTES = 4;
constexpr int ONLY_MEMORY_GROUP = 0; // every buffer argument lives in the device's one memory bank

constexpr const char* ARG_NAMES[ARG_COUNT] = {"a",         "w",       "rows",    "out0",  "out1",
                                              "batches",   "m",       "n",       "k",     "nibble_rows",
                                              "out_bytes", "out_min", "out_max", "flags", "status"};

inline bool is_buffer_arg(int index) {
    return index >= 0 && index < FIRST_SCALAR_ARG;
}
inline bool is_input_buffer_arg(int index) {
    return index >= 0 && index < FIRST_OUTPUT_ARG;
}
inline bool is_output_buffer_arg(int index) {
    return index >= FIRST_OUTPUT_ARG && index < FIRST_SCALAR_ARG;
}
inline std::size_t arg_bytes(int index) {
    return is_buffer_arg(index) ? BUFFER_ARG_BYTES : SCALAR_ARG_BYTES;
}

} // namespace quasar::swemu

#endif // QUASAR_SWEMU_KERNEL_ABI_H
