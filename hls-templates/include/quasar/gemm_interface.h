// The kernel's call interface (docs/hls-engine.md §1): flag bits, status codes, the order the status is checked
// in, and the kernel's C signature as a function pointer type for testbenches.
#ifndef QUASAR_GEMM_INTERFACE_H
#define QUASAR_GEMM_INTERFACE_H

#include "types.h"

namespace quasar {

// `flags` bits: QUASAR_PER_TENSOR and QUASAR_ALL_8BIT of the contract.
constexpr int PER_TENSOR = 1 << 0; // bias 0, multiplier[0], shift[0], row_is8[0] for every column
constexpr int ALL_8BIT = 1 << 1;   // every B row is 8-bit; row_is8 is read but ignored

// Status values (the kernel's `status` output). Nonzero: the call exceeds the build's configuration and nothing was
// written.
constexpr int STATUS_OK = 0;
constexpr int STATUS_REDUCTION_TOO_LONG = 1; // k > MAX_REDUCTION
constexpr int STATUS_TOO_MANY_ROWS = 2;      // n > MAX_ROWS with per-row tables
constexpr int STATUS_BAD_OUT_BYTES = 3;      // out_bytes neither 1 nor 2
constexpr int STATUS_NON_POSITIVE_DIMENSION = 4;
constexpr int STATUS_B_NOT_UNIT_STRIDE = 5; // b_col_stride != 1: the host lays B out row-contiguous (KernelOperandLayout)

// Output element sizes.
constexpr int OUT_BYTES_INT8 = 1;
constexpr int OUT_BYTES_INT16 = 2;

// The status of a call, checked in the order of the C# StridedGemm.Check: dimensions, out_bytes, k, n, B's stride.
inline int gemm_status(int batches, int m, int n, int k, int out_bytes, int flags, int max_reduction, int max_rows,
                       int b_col_stride) {
#pragma HLS INLINE
    if (batches <= 0 || m <= 0 || n <= 0 || k <= 0) return STATUS_NON_POSITIVE_DIMENSION;
    if (out_bytes != OUT_BYTES_INT8 && out_bytes != OUT_BYTES_INT16) return STATUS_BAD_OUT_BYTES;
    if (k > max_reduction) return STATUS_REDUCTION_TOO_LONG;
    if ((flags & PER_TENSOR) == 0 && n > max_rows) return STATUS_TOO_MANY_ROWS;
    if (b_col_stride != 1) return STATUS_B_NOT_UNIT_STRIDE;
    return STATUS_OK;
}

// The m_axi depths of the kernel's array arguments, in elements (quasar_engine_config.h, KernelDepths): cosim
// copies `depth` elements in and out of every array, so a testbench allocates at least that many.
struct array_depths {
    long long a, b, table_rows, out;
};

// The signature of quasar_gemm: a void kernel (ap_ctrl on s_axilite) whose status is an output scalar.
typedef void (*KernelFn)(const ap_int<8>* a, const ap_int<8>* b, const ap_uint<8>* row_is8, const ap_int<32>* bias,
                         const ap_int<32>* multiplier, const ap_uint<8>* shift, ap_int<8>* out, int batches, int m,
                         int n, int k, int a_batch_stride, int a_row_stride, int b_batch_stride, int b_row_stride,
                         int b_col_stride, int out_batch_stride, int out_row_stride, int out_bytes, int out_min,
                         int out_max, int flags, int* status);

} // namespace quasar

#endif // QUASAR_GEMM_INTERFACE_H
