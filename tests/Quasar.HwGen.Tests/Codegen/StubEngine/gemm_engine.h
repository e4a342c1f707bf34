// Test stand-in for hls-templates/include/quasar/gemm_engine.h: the call semantics of docs/hls-engine.md §1 as
// plain loops, with plain integer types for ap_int, so that the generated top, testbench and golden vectors can be
// compiled and run with g++ before (and independently of) the real engine headers.
#ifndef QUASAR_STUB_GEMM_ENGINE_H
#define QUASAR_STUB_GEMM_ENGINE_H
#include <cstdint>

template <int W> struct quasar_stub_int;
template <> struct quasar_stub_int<8> { typedef std::int8_t type; };
template <> struct quasar_stub_int<32> { typedef std::int32_t type; };
template <int W> struct quasar_stub_uint;
template <> struct quasar_stub_uint<8> { typedef std::uint8_t type; };
template <int W> using ap_int = typename quasar_stub_int<W>::type;
template <int W> using ap_uint = typename quasar_stub_uint<W>::type;

namespace quasar {
struct array_depths { long long a, b, table_rows, out; };

template <class Config>
int run_gemm(const ap_int<8>* a, const ap_int<8>* b, const ap_uint<8>* row_is8, const ap_int<32>* bias,
             const ap_int<32>* multiplier, const ap_uint<8>* shift, ap_int<8>* out, int batches, int m, int n, int k,
             int a_batch_stride, int a_row_stride, int b_batch_stride, int b_row_stride, int b_col_stride,
             int out_batch_stride, int out_row_stride, int out_bytes, int out_min, int out_max, int flags) {
    if (batches <= 0 || m <= 0 || n <= 0 || k <= 0) return 4;
    if (out_bytes != 1 && out_bytes != 2) return 3;
    if (k > Config::MAX_REDUCTION) return 1;
    const bool per_tensor = (flags & 1) != 0;
    if (!per_tensor && n > Config::MAX_ROWS) return 2;
    (void)row_is8;  // the identity w = 16h + l is exact: a plain product gives the two nibble passes' result
    for (int h = 0; h < batches; ++h)
        for (int t = 0; t < m; ++t)
            for (int r = 0; r < n; ++r) {
                std::int32_t acc = 0;
                for (int j = 0; j < k; ++j)
                    acc += a[h * a_batch_stride + t * a_row_stride + j] * b[h * b_batch_stride + r * b_row_stride + j * b_col_stride];
                const int row = per_tensor ? 0 : r;
                const std::int32_t v = acc + (per_tensor ? 0 : bias[row]);
                const std::int64_t p = static_cast<std::int64_t>(v) * multiplier[row];
                const int s = shift[row];
                std::int64_t y = (p + (std::int64_t(1) << (s - 1))) >> s;
                if (y < out_min) y = out_min;
                if (y > out_max) y = out_max;
                const long e = static_cast<long>(h) * out_batch_stride + static_cast<long>(t) * out_row_stride + r;
                const std::uint16_t bits = static_cast<std::uint16_t>(static_cast<std::int16_t>(y));
                if (out_bytes == 2) {
                    out[2 * e] = static_cast<std::int8_t>(bits & 0xFF);
                    out[2 * e + 1] = static_cast<std::int8_t>(bits >> 8);
                } else {
                    out[e] = static_cast<std::int8_t>(y);
                }
            }
    return 0;
}

}  // namespace quasar
#endif
