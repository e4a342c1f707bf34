// csim speed of gemm_engine.h under g++ on an ImageNet-sized engine (the solver's shape: PT 2, TN 64, TK 64,
// 6,144 DSP units with packing 4 + 2,048 LUT units, TM 198, K <= 960): an fc1- and an fc2-shaped call of a
// 197-token ViT block with a quarter of the rows 8-bit. Prints MAC/s (8-bit-equivalent MACs of the GEMM).
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "gemm_reference.h"
#include "quasar/gemm_engine.h"
#include "word_layout.h"

namespace {

struct imagenet_engine {
    static constexpr int PACKING = 4, DSP_UNITS = 6144, LUT_UNITS = 2048, TILE_TOKENS = 198, TILE_ROWS = 64,
                         TILE_REDUCTION = 64, TOKENS_PER_CYCLE = 2, MAX_REDUCTION = 960, MAX_ROWS = 2304,
                         TRIP_BATCHES = 1, TRIP_TOKENS = 197;
};

double run(int m, int n, int k, int repeats) {
    reference::call c = {1, m, n, k, m * k, k, 0, k, 1, m * n, n, 2, -32768, 32767, 0};
    reference::call_data d;
    d.a.resize(size_t(m) * k);
    d.b.resize(size_t(n) * k);
    d.row_is8.resize(size_t(n));
    d.bias.assign(size_t(n), 1000);
    d.multiplier.assign(size_t(n), 1518500250);
    d.shift.assign(size_t(n), 40);
    uint32_t state = 12345;
    auto next = [&state]() { return state = state * 1664525u + 1013904223u; };
    for (auto& x : d.a) x = int8_t(int(next() >> 26) - 32);
    for (int r = 0; r < n; ++r) d.row_is8[size_t(r)] = r % 4 == 0;
    for (int r = 0; r < n; ++r)
        for (int j = 0; j < k; ++j)
            d.b[size_t(r) * k + j] = int8_t(d.row_is8[size_t(r)] ? int(next() >> 24) - 128 : int(next() >> 28) - 8);
    const layout::words wl = layout::lay_out(
        c, d, {imagenet_engine::TILE_TOKENS, imagenet_engine::TILE_ROWS, imagenet_engine::TILE_REDUCTION});
    std::vector<quasar::word_t> out0(size_t(wl.out_words)), out1(size_t(wl.out_words));
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < repeats; ++i) {
        const int status = quasar::run_gemm<imagenet_engine>(wl.a.data(), wl.w.data(), wl.rows.data(), out0.data(), out1.data(), 1,
                                                             m, n, k, wl.nibble_rows, 2, -32768, 32767, 0);
        if (status != 0) std::exit(1);
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double macs = double(m) * n * k * repeats;
    std::printf("m=%d n=%d k=%d: %.3f s for %d call(s), %.1f MMAC/s\n", m, n, k, seconds, repeats,
                macs / seconds / 1e6);
    return macs / seconds;
}

} // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::atoi(argv[1]) : 3;
    run(197, 960, 240, repeats); // fc1
    run(197, 240, 960, repeats); // fc2
    return 0;
}
