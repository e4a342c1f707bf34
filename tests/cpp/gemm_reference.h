// An independent reference for the kernel's call semantics (docs/hls-engine.md §1, docs/numerics.md §4), written
// from the documents alone: Σ x·w over whole weights (no nibbles, no tiles), the output stage in 128-bit arithmetic.
#ifndef QUASAR_TESTS_GEMM_REFERENCE_H
#define QUASAR_TESTS_GEMM_REFERENCE_H

#include <cstdint>
#include <vector>

#include "quasar/gemm_interface.h"

namespace reference {

struct call {
    int batches, m, n, k;
    int a_batch_stride, a_row_stride, b_batch_stride, b_row_stride, b_col_stride, out_batch_stride, out_row_stride;
    int out_bytes, out_min, out_max, flags;
};

struct call_data {
    std::vector<int8_t> a, b;
    std::vector<uint8_t> row_is8;
    std::vector<int32_t> bias, multiplier;
    std::vector<uint8_t> shift;
    std::vector<uint8_t> out; // initial contents of the output buffer
};

inline int32_t wrap32(int64_t v) {
    return static_cast<int32_t>(static_cast<uint32_t>(static_cast<uint64_t>(v)));
}

// Writes the call's outputs into out, whose element 0 starts at byte `offset`.
inline void compute(const call& c, const call_data& d, std::vector<uint8_t>& out, size_t offset) {
    const bool per_tensor = (c.flags & quasar::PER_TENSOR) != 0;
    for (int h = 0; h < c.batches; ++h)
        for (int t = 0; t < c.m; ++t)
            for (int r = 0; r < c.n; ++r) {
                int64_t acc = 0;
                for (int j = 0; j < c.k; ++j)
                    acc += int64_t(d.a[size_t(int64_t(h) * c.a_batch_stride + int64_t(t) * c.a_row_stride + j)]) *
                           d.b[size_t(int64_t(h) * c.b_batch_stride + int64_t(r) * c.b_row_stride +
                                      int64_t(j) * c.b_col_stride)];
                const int entry = per_tensor ? 0 : r;
                const int32_t v = wrap32(int64_t(wrap32(acc)) + (per_tensor ? 0 : d.bias[size_t(entry)]));
                const int s = d.shift[size_t(entry)];
                const __int128 p = __int128(v) * d.multiplier[size_t(entry)];
                const __int128 y = (p + (__int128(1) << (s - 1))) >> s;
                const int value = y < c.out_min ? c.out_min : (y > c.out_max ? c.out_max : int(y));
                const int64_t e = int64_t(h) * c.out_batch_stride + int64_t(t) * c.out_row_stride + r;
                for (int byte = 0; byte < c.out_bytes; ++byte)
                    out[offset + size_t(e * c.out_bytes + byte)] = uint8_t(uint32_t(value) >> (8 * byte));
            }
}

} // namespace reference

#endif // QUASAR_TESTS_GEMM_REFERENCE_H
