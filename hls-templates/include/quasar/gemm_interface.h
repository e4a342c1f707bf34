// The kernel's call interface (docs/hls-engine.md §1): flag bits, status codes, the order the status is checked
// in, and the kernel's C signature as a function pointer type for testbenches.
#ifndef QUASAR_GEMM_INTERFACE_H
#define QUASAR_GEMM_INTERFACE_H

#include "bus.h"

namespace quasar {

// `flags` bits: QUASAR_PER_TENSOR and QUASAR_ALL_8BIT of the contract.
constexpr int PER_TENSOR = 1 << 0; // the row tables hold one entry, used for every output row
constexpr int ALL_8BIT = 1 << 1;   // every B row is 8-bit: a host-layout flag (the kernel reads the slot kinds)

// Status values (the kernel's `status` output). Nonzero: the call exceeds the build's configuration and nothing was
// written.
constexpr int STATUS_OK = 0;
constexpr int STATUS_REDUCTION_TOO_LONG = 1; // k > MAX_REDUCTION
constexpr int STATUS_TOO_MANY_ROWS = 2;      // n > MAX_ROWS with per-row tables
constexpr int STATUS_BAD_OUT_BYTES = 3;      // out_bytes neither 1 nor 2
constexpr int STATUS_NON_POSITIVE_DIMENSION = 4;
// 5 was the v1 contract's b_col_stride != 1; the word layout has no strides.
constexpr int STATUS_BAD_NIBBLE_ROWS = 6; // nibble_rows outside [n, 2n]

// Output element sizes.
constexpr int OUT_BYTES_INT8 = 1;
constexpr int OUT_BYTES_INT16 = 2;

// The status of a call (docs/kernel-layout.md §1), checked in this order: dimensions, out_bytes, k, n, nibble_rows.
inline int gemm_status(int batches, int m, int n, int k, int nibble_rows, int out_bytes, int flags, int max_reduction,
                       int max_rows) {
#pragma HLS INLINE
    if (batches <= 0 || m <= 0 || n <= 0 || k <= 0) return STATUS_NON_POSITIVE_DIMENSION;
    if (out_bytes != OUT_BYTES_INT8 && out_bytes != OUT_BYTES_INT16) return STATUS_BAD_OUT_BYTES;
    if (k > max_reduction) return STATUS_REDUCTION_TOO_LONG;
    if ((flags & PER_TENSOR) == 0 && n > max_rows) return STATUS_TOO_MANY_ROWS;
    if (nibble_rows < n || nibble_rows > 2 * n) return STATUS_BAD_NIBBLE_ROWS;
    return STATUS_OK;
}

// The m_axi depths of the kernel's array arguments, in 128-bit words (quasar_engine_config.h, KernelDepths): cosim
// copies `depth` words in and out of every array, so a testbench allocates at least that many.
struct array_depths {
    long long a, w, rows, out;
};

// The engine geometry a word layout depends on (docs/kernel-layout.md §1): golden files record the one they were
// laid out for.
struct layout_geometry {
    int tile_tokens, tile_rows, tile_reduction;
};

// The signature of quasar_gemm: a void kernel (ap_ctrl on s_axilite) whose status is an output scalar.
typedef void (*KernelFn)(const word_t* a, const word_t* w, const word_t* rows, word_t* out0, word_t* out1, int batches,
                         int m, int n, int k, int nibble_rows, int out_bytes, int out_min, int out_max, int flags,
                         int* status);

} // namespace quasar

#endif // QUASAR_GEMM_INTERFACE_H
