// The array's process (docs/hls-engine.md §3, docs/kernel-layout.md §4): per token tile, the tile's activations into
// the input buffer, then the weight blocks (row tile j, chunk c) in stream order. The weights are double-buffered:
// while the array streams the tile's tokens against one block's operands, the next block's words (its chunk, and the
// next tile's header when it starts a tile) load into the shadow words. Sums stay in the accumulators until the last
// chunk of a row tile, whose cycle sends them to the output stage.
#ifndef QUASAR_GEMM_COMPUTE_H
#define QUASAR_GEMM_COMPUTE_H

#include "cycle_accounting.h"
#include "gemm_array.h"
#include "gemm_streams.h"

namespace quasar {
namespace gemm_detail {

// One token tile of A (tokens × kw words) into the input buffer. Bytes past k are zero in the words; lanes past the
// last word and tokens past the tile keep older values, which meet zero weights or are never output.
template <class Config>
void load_tile_activations(hls::stream<word_t>& words, int tokens, int kw,
                           activation_t x_buf[engine_shape<Config>::TM][engine_shape<Config>::X_COLUMNS]) {
#pragma HLS INLINE
    QUASAR_COUNT(compute, engine_shape<Config>::DEPTH_LOOP);
    int t = 0, word = 0;
INPUT_WORDS:
    for (int i = 0; i < tokens * kw; ++i) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = engine_shape<Config>::TM * engine_shape<Config>::KW_MAX
        const word_t bits = words.read();
    INPUT_BYTES:
        for (int b = 0; b < WORD_BYTES; ++b)
            x_buf[t][word * WORD_BYTES + b] = activation_t(byte_t(word_field(bits, BYTE_BITS * b, BYTE_BITS)));
        const bool row_done = word + 1 == kw;
        word = row_done ? 0 : word + 1;
        t = row_done ? t + 1 : t;
        QUASAR_COUNT(compute, 1);
    }
}

// The first block of a token tile: its tile header and chunk 0.
template <class Config>
void preload_block(hls::stream<word_t>& words, word_t header[engine_shape<Config>::HW],
                   word_t chunk[engine_shape<Config>::CW]) {
#pragma HLS INLINE
    typedef engine_shape<Config> S;
    QUASAR_COUNT(compute, S::DEPTH_LOOP);
PRELOAD:
    for (int i = 0; i < S::HW + S::CW; ++i) {
#pragma HLS PIPELINE II = 1
        const word_t word = words.read();
        if (i < S::HW)
            header[i] = word;
        else
            chunk[i - S::HW] = word;
        QUASAR_COUNT(compute, 1);
    }
}

// One block: `steps` array cycles over the tile's tokens, overlapped with the `next_words` words of the next block.
// The first chunk of a row tile starts its sums, the last one sends them on.
template <class Config>
void stream_block(hls::stream<word_t>& words, hls::stream<sum_block<Config>>& sums_out,
                  const activation_t x_buf[engine_shape<Config>::TM][engine_shape<Config>::X_COLUMNS],
                  const nibble_operand_t lut[engine_shape<Config>::TK][engine_shape<Config>::TN],
                  const dsp_a_t dsp[engine_shape<Config>::COLUMNS][engine_shape<Config>::GROUP_SLOTS], int k0, int steps, int next_words, bool first, bool last,
                  typename engine_shape<Config>::nibble_acc_t acc[engine_shape<Config>::TM][engine_shape<Config>::TN],
                  word_t header[engine_shape<Config>::HW], word_t chunk[engine_shape<Config>::CW]) {
#pragma HLS INLINE
    typedef engine_shape<Config> S;
    const int iterations = steps > next_words ? steps : next_words;
    // A next block that starts a row tile brings its header first.
    const int header_words = next_words > S::CW ? S::HW : 0;
    QUASAR_COUNT(compute, S::DEPTH_ARRAY);
TOKEN_STEPS:
    for (int i = 0; i < iterations; ++i) {
// Free-running pipeline: no global stall enable fanning out to every register and DSP of the array.
#pragma HLS PIPELINE II = 1 style = frp
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::TRIP_BLOCK_STEPS
        if (i < next_words) {
            const word_t word = words.read();
            const int slot = i + S::HW - header_words; // position in [header | chunk]
            if (slot < S::HW)
                header[slot] = word;
            else
                chunk[slot - S::HW] = word;
        }
        if (i < steps) {
            const int t0 = i * S::PT;
            array_sums<Config> sums;
            pe_array_cycle<Config>(x_buf, k0, t0, lut, dsp, sums);
            sum_block<Config> block;
        ACCUMULATE:
            for (int p = 0; p < S::PT; ++p)
                for (int r = 0; r < S::TN; ++r) {
                    const typename S::nibble_acc_t total = first ? typename S::nibble_acc_t(sums.v[p][r])
                                                                 : typename S::nibble_acc_t(acc[t0 + p][r] + sums.v[p][r]);
                    acc[t0 + p][r] = total;
                    block.v[p][r] = total;
                }
            if (last) sums_out.write(block);
        }
        QUASAR_COUNT(compute, 1);
    }
}

template <class Config>
void compute(hls::stream<word_t>& a_words, hls::stream<word_t>& w_words, hls::stream<tile_desc<Config>>& descs,
             hls::stream<sum_block<Config>>& sums_out, int batches, int m, int k, int row_tiles) {
#pragma HLS INLINE off
    typedef engine_shape<Config> S;
    static activation_t x_buf[S::TM][S::X_COLUMNS];
    static typename S::nibble_acc_t acc[S::TM][S::TN];
#pragma HLS ARRAY_PARTITION variable = x_buf cyclic factor = S::PT dim = 1
#pragma HLS ARRAY_PARTITION variable = x_buf cyclic factor = S::X_BANKS dim = 2
#pragma HLS ARRAY_PARTITION variable = acc cyclic factor = S::PT dim = 1
#pragma HLS ARRAY_PARTITION variable = acc complete dim = 2
    word_t header[S::HW], chunk[S::CW];
#pragma HLS ARRAY_PARTITION variable = header complete dim = 0
#pragma HLS ARRAY_PARTITION variable = chunk complete dim = 0
    nibble_operand_t lut[S::TK][S::TN];
    dsp_a_t dsp[S::COLUMNS][S::GROUP_SLOTS];
#pragma HLS ARRAY_PARTITION variable = lut complete dim = 0
#pragma HLS ARRAY_PARTITION variable = dsp complete dim = 0
    const int kw = ceil_div(k, WORD_BYTES);
    const int chunks = ceil_div(k, S::TK);
    const int blocks = row_tiles * chunks;

BATCHES:
    for (int h = 0; h < batches; ++h) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = Config::TRIP_BATCHES
    TOKEN_TILES:
        for (int t0 = 0; t0 < m; t0 += S::TM) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::TRIP_TOKEN_TILES
            const int tokens = m - t0 < S::TM ? m - t0 : S::TM;
            const int steps = ceil_div(tokens, S::PT);
            load_tile_activations<Config>(a_words, tokens, kw, x_buf);
            preload_block<Config>(w_words, header, chunk);
            tile_desc<Config> desc;
            int c = 0;
        BLOCKS:
            for (int b = 0; b < blocks; ++b) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::TRIP_BLOCKS
                if (c == 0) {
                    desc = decode_header<Config>(header);
                    descs.write(desc);
                }
                decode_weights<Config>(chunk, desc.kind, lut, dsp);
                const bool last = c + 1 == chunks;
                const int next_words = !last ? S::CW : (b + 1 < blocks ? S::HW + S::CW : 0);
                stream_block<Config>(w_words, sums_out, x_buf, lut, dsp, c * S::TK, steps, next_words, c == 0, last,
                                     acc, header, chunk);
                c = last ? 0 : c + 1;
            }
        }
    }
}

} // namespace gemm_detail
} // namespace quasar

#endif // QUASAR_GEMM_COMPUTE_H
