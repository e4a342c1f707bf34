// The cycle-accounting build of gemm_engine.h (docs/kernel-layout.md §4) on random calls of three engine
// configurations: one line per call with the configuration, the call's scalars and the counts, for the hardware
// model's closed form (KernelCycles, held against these lines by KernelCyclesAgainstCppTests). The counts do not
// depend on the values, so every array is zero (EMPTY tiles, zero activations).
#define QUASAR_CYCLE_ACCOUNTING
#include <cstdio>
#include <vector>

#include "quasar/gemm_engine.h"

namespace {

// Packing 3, mixed, odd tiles, one token a cycle.
struct pf3_mixed {
    static constexpr int PACKING = 3, DSP_UNITS = 9, LUT_UNITS = 6, TILE_TOKENS = 4, TILE_ROWS = 5, TILE_REDUCTION = 3,
                         TOKENS_PER_CYCLE = 1, MAX_REDUCTION = 50, MAX_ROWS = 40, TRIP_BATCHES = 4, TRIP_TOKENS = 24;
};
// Packing 4, solver-like (TN, TK multiples of 8), two tokens a cycle: CW = 8 words against 10 token steps.
struct pf4_solver_like {
    static constexpr int PACKING = 4, DSP_UNITS = 384, LUT_UNITS = 128, TILE_TOKENS = 20, TILE_ROWS = 16,
                         TILE_REDUCTION = 16, TOKENS_PER_CYCLE = 2, MAX_REDUCTION = 200, MAX_ROWS = 120,
                         TRIP_BATCHES = 4, TRIP_TOKENS = 24;
};
// LUT-only, three tokens a cycle, a chunk of 2 words against 3 token steps.
struct pf3_lut_only {
    static constexpr int PACKING = 3, DSP_UNITS = 0, LUT_UNITS = 105, TILE_TOKENS = 9, TILE_ROWS = 7,
                         TILE_REDUCTION = 5, TOKENS_PER_CYCLE = 3, MAX_REDUCTION = 41, MAX_ROWS = 33, TRIP_BATCHES = 4,
                         TRIP_TOKENS = 24;
};

unsigned next_random(unsigned& state) {
    state = state * 1664525u + 1013904223u;
    return state >> 8;
}

template <class Config>
int run_calls(unsigned seed, int calls) {
    typedef quasar::engine_shape<Config> S;
    unsigned state = seed;
    for (int i = 0; i < calls; ++i) {
        const int batches = 1 + static_cast<int>(next_random(state) % 3);
        const int m = 1 + static_cast<int>(next_random(state) % 45);
        const int k = 1 + static_cast<int>(next_random(state) % Config::MAX_REDUCTION);
        const int n = 1 + static_cast<int>(next_random(state) % Config::MAX_ROWS);
        const bool per_tensor = next_random(state) % 2 == 1;
        const int nibble_rows = n + static_cast<int>(next_random(state) % (n + 1));
        const int out_bytes = 1 + static_cast<int>(next_random(state) % 2);
        const int entries = per_tensor ? 1 : n;
        const int row_tiles = quasar::ceil_div(n, S::TN) + quasar::ceil_div(nibble_rows - n, S::TN);
        std::vector<quasar::word_t> a(batches * m * quasar::ceil_div(k, quasar::WORD_BYTES));
        std::vector<quasar::word_t> w(batches * row_tiles * (S::HW + quasar::ceil_div(k, S::TK) * S::CW));
        std::vector<quasar::word_t> rows(entries);
        // Both ports sized for the whole output: each writes at most that much.
        std::vector<quasar::word_t> out0(batches * m * row_tiles *
                                         quasar::ceil_div(S::TN * out_bytes, quasar::WORD_BYTES));
        std::vector<quasar::word_t> out1(out0.size());
        quasar::reset_cycle_counter();
        const int status =
            quasar::run_gemm<Config>(a.data(), w.data(), rows.data(), out0.data(), out1.data(), batches, m, n, k, nibble_rows,
                                     out_bytes, -128, 127, per_tensor ? quasar::PER_TENSOR : 0);
        if (status != quasar::STATUS_OK) {
            std::printf("FAILED status %d on call %d\n", status, i);
            return 1;
        }
        const quasar::cycle_counts& c = quasar::cycle_counter();
        std::printf("CALL %d %d %d %d %d %d %d %d %d %d %d %d %d %lld %lld %lld %lld %lld %lld %lld %lld\n",
                    Config::PACKING, Config::DSP_UNITS, Config::LUT_UNITS, S::TM, S::TN, S::TK, batches, m, k,
                    nibble_rows, out_bytes, entries, n, c.tables, c.read_a, c.read_w, c.compute, c.output, c.write(),
                    c.fill, c.total());
    }
    return 0;
}

} // namespace

int main() {
    const int failed =
        run_calls<pf3_mixed>(1u, 60) + run_calls<pf4_solver_like>(2u, 60) + run_calls<pf3_lut_only>(3u, 60);
    if (failed == 0) std::printf("OK cycle_accounting_calls\n");
    return failed;
}
