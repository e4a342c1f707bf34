// Test stand-in for hls-templates/include/quasar/gemm_engine.h: the word interface of docs/kernel-layout.md as plain
// loops over plain bytes (no tiles in the arithmetic, no ap types), so that the generated top, testbench and golden
// vectors can be compiled and run with g++ independently of the real engine headers.
#ifndef QUASAR_STUB_GEMM_ENGINE_H
#define QUASAR_STUB_GEMM_ENGINE_H
#include <cstdint>
#include <vector>

// The 128-bit bus word as 16 little-endian bytes (the layout the host writes).
template <int W> struct ap_uint;
template <> struct ap_uint<128> { std::uint8_t b[16]; };

namespace quasar {
struct array_depths { long long a, w, rows, out; };
struct layout_geometry { int tile_tokens, tile_rows, tile_reduction; };

inline int stub_ceil(long long a, long long b) { return static_cast<int>((a + b - 1) / b); }
inline int stub_nibble(const ap_uint<128>* w, long long i) { return (w[i / 32].b[(i % 32) / 2] >> (4 * (i % 2))) & 15; }
inline std::int32_t stub_i32(const ap_uint<128>& w, int at) {
    return static_cast<std::int32_t>(w.b[at] | (w.b[at + 1] << 8) | (w.b[at + 2] << 16) | (std::uint32_t(w.b[at + 3]) << 24));
}

template <class Config>
int run_gemm(const ap_uint<128>* a, const ap_uint<128>* w, const ap_uint<128>* rows, ap_uint<128>* out0,
             ap_uint<128>* out1, int batches,
             int m, int n, int k, int nibble_rows, int out_bytes, int out_min, int out_max, int flags) {
    if (batches <= 0 || m <= 0 || n <= 0 || k <= 0) return 4;
    if (out_bytes != 1 && out_bytes != 2) return 3;
    if (k > Config::MAX_REDUCTION) return 1;
    const bool per_tensor = (flags & 1) != 0;
    if (!per_tensor && n > Config::MAX_ROWS) return 2;
    if (nibble_rows < n || nibble_rows > 2 * n) return 6;
    const int TM = Config::TILE_TOKENS, TN = Config::TILE_ROWS, TK = Config::TILE_REDUCTION;
    const int kw = stub_ceil(k, 16), kt = stub_ceil(k, TK), cw = stub_ceil(TN * TK, 32), hw = stub_ceil(32 + 2 * TN, 128);
    const int rt = stub_ceil(n, TN) + stub_ceil(nibble_rows - n, TN), ow = stub_ceil(TN * out_bytes, 16);
    const long long tile_words = hw + static_cast<long long>(kt) * cw;
    std::vector<std::int64_t> pending(static_cast<std::size_t>(m) * TN, 0); // high passes, per token and slot
    long long next[2] = {0, 0}; // the next word of out0 (a tile's even tokens) and out1 (its odd ones)
    for (int h = 0; h < batches; ++h)
        for (int t0 = 0; t0 < m; t0 += TM)
            for (int j = 0; j < rt; ++j) {
                const ap_uint<128>* tile = w + (h * rt + j) * tile_words;
                const int tokens = m - t0 < TM ? m - t0 : TM;
                bool writes = false;
                for (int s = 0; s < TN; ++s) {
                    const int bit = 32 + 2 * s, kind = (tile[bit / 128].b[(bit % 128) / 8] >> (bit % 8)) & 3;
                    writes = writes || kind == 1 || kind == 3;
                }
                for (int t = t0; t < t0 + tokens; ++t) {
                    ap_uint<128>* out = (t - t0) % 2 == 0 ? out0 : out1;
                    const long long o = next[(t - t0) % 2];
                    if (writes) next[(t - t0) % 2] += ow;
                    if (writes) for (int i = 0; i < 16 * ow; ++i) out[o + i / 16].b[i % 16] = 0;
                    const std::uint8_t* x = a[(static_cast<long long>(h) * m + t) * kw].b;
                    for (int s = 0; s < TN; ++s) {
                        const int bit = 32 + 2 * s, kind = (tile[bit / 128].b[(bit % 128) / 8] >> (bit % 8)) & 3;
                        if (kind == 0) continue;
                        std::int64_t sum = 0;
                        for (int l = 0; l < k; ++l) {
                            const int nib = stub_nibble(tile + hw, static_cast<long long>(l / TK) * cw * 32 + s * TK + l % TK);
                            sum += static_cast<std::int8_t>(x[l]) * (kind == 3 ? nib : (nib ^ 8) - 8);
                        }
                        std::int64_t& high = pending[static_cast<std::size_t>(t) * TN + s];
                        if (kind == 2) { high = sum; continue; }
                        if (kind == 3) sum += 16 * high;
                        const ap_uint<128>& p = rows[per_tensor ? 0 : stub_i32(tile[0], 0) + s];
                        const std::int32_t v = static_cast<std::int32_t>(sum) + stub_i32(p, 0);
                        const std::int64_t product = static_cast<std::int64_t>(v) * stub_i32(p, 4);
                        const int shift = p.b[8];
                        std::int64_t y = (product + (std::int64_t(1) << (shift - 1))) >> shift;
                        y = y < out_min ? out_min : (y > out_max ? out_max : y);
                        for (int byte = 0; byte < out_bytes; ++byte)
                            out[o + (s * out_bytes + byte) / 16].b[(s * out_bytes + byte) % 16] = static_cast<std::uint8_t>(y >> (8 * byte));
                    }
                }
            }
    return 0;
}

}  // namespace quasar
#endif
