// The output stage's process (docs/numerics.md §4, docs/kernel-layout.md §2-3): per row tile, the TN slots' row
// parameters from the tables, then one token a cycle through TN output-stage lanes. An 8-bit row's two passes sit in
// the same slot of two consecutive row tiles (HIGH, then LOW): the high sum waits in `pending` per token and slot.
#ifndef QUASAR_GEMM_OUTPUT_H
#define QUASAR_GEMM_OUTPUT_H

#include "cycle_accounting.h"
#include "gemm_streams.h"

namespace quasar {
namespace gemm_detail {

template <class Config>
void output_process(hls::stream<tile_desc<Config>>& descs, hls::stream<sum_block<Config>>& sums,
                    hls::stream<out_block<Config>>& even_tokens, hls::stream<out_block<Config>>& odd_tokens,
                    const bias_sum_t bias_table[Config::MAX_ROWS],
                    const multiplier_t multiplier_table[Config::MAX_ROWS], const shift_t shift_table[Config::MAX_ROWS],
                    int batches, int m, int row_tiles, int high_tiles, bool per_tensor, int out_min, int out_max) {
#pragma HLS INLINE off
    typedef engine_shape<Config> S;
    // An 8-bit row's high pass, per token and slot, until its LOW tile (the next row tile) arrives.
    static typename S::nibble_acc_t pending[S::TM][S::TN];
#pragma HLS ARRAY_PARTITION variable = pending complete dim = 2
    bias_sum_t bias[S::TN];
    multiplier_t multiplier[S::TN];
    shift_t shift[S::TN];
#pragma HLS ARRAY_PARTITION variable = bias complete dim = 0
#pragma HLS ARRAY_PARTITION variable = multiplier complete dim = 0
#pragma HLS ARRAY_PARTITION variable = shift complete dim = 0

OUTPUT_BATCHES:
    for (int h = 0; h < batches; ++h) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = Config::TRIP_BATCHES
    OUTPUT_TOKEN_TILES:
        for (int t0 = 0; t0 < m; t0 += S::TM) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::TRIP_TOKEN_TILES
            const int tokens = m - t0 < S::TM ? m - t0 : S::TM;
        OUTPUT_ROW_TILES:
            for (int j = 0; j < row_tiles; ++j) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::TRIP_ROW_TILES
                const tile_desc<Config> desc = descs.read();
                QUASAR_COUNT(output, S::DEPTH_OUTPUT);
                // A HIGH tile (tiles 0, 2, ..., 2·high_tiles − 2: the first groups hold the 8-bit rows) only keeps its
                // sums; the tile after it, and a tile of 4-bit rows, writes every slot. Known from the scalars, so the
                // writers' word counts hold whatever the headers say.
                const bool writes = !(j < 2 * high_tiles && j % 2 == 0);
            SLOT_PARAMETERS:
                for (int i = 0; i < S::TN; ++i) {
#pragma HLS PIPELINE II = 1
                    // Slot i holds the row at position first_row + i of the kernel's row order (the tables' order).
                    const int row = desc.first_row + i;
                    const int entry = per_tensor ? 0 : (row < Config::MAX_ROWS ? row : Config::MAX_ROWS - 1);
                    bias[i] = bias_table[entry];
                    multiplier[i] = multiplier_table[entry];
                    shift[i] = shift_table[entry];
                    QUASAR_COUNT(output, 1);
                }
                sum_block<Config> block;
                int p = 0;
            OUTPUT_TOKENS:
                for (int t = 0; t < tokens; ++t) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::TM
                    if (p == 0) block = sums.read();
                    out_block<Config> out;
                LANES:
                    for (int i = 0; i < S::TN; ++i) {
                        const int kind = desc.kind[i];
                        const typename S::nibble_acc_t sum = block.v[p][i];
                        const typename S::joined_t joined =
                            kind == SLOT_LOW ? join_nibble_accumulators<typename S::joined_t>(pending[t][i], sum)
                                             : typename S::joined_t(sum);
                        const stage_out_t y = output_stage(bias_sum_t(joined), per_tensor ? bias_sum_t(0) : bias[i],
                                                           multiplier[i], shift[i], out_min, out_max);
                        out.v[i] = kind == SLOT_ROW4 || kind == SLOT_LOW ? ap_int<16>(y) : ap_int<16>(0);
                        if (kind == SLOT_HIGH) pending[t][i] = sum;
                    }
                    // Two output ports: a tile's even tokens go to out0's writer, its odd ones to out1's.
                    if (writes) {
                        if (t % 2 == 0)
                            even_tokens.write(out);
                        else
                            odd_tokens.write(out);
                    }
                    p = p + 1 == S::PT ? 0 : p + 1;
                    QUASAR_COUNT(output, 1);
                }
            }
        }
    }
}

} // namespace gemm_detail
} // namespace quasar

#endif // QUASAR_GEMM_OUTPUT_H
