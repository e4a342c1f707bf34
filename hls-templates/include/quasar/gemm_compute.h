// The array's process (docs/hls-engine.md §3, docs/kernel-layout.md §4), weight-stationary (FINN's MVAU pattern).
// Per token tile, one pipelined loop runs the weight blocks (row tile j, chunk c) in stream order. Two things load
// while the array streams the tile's tokens, so that the array does not wait for them:
//   - the weights are double-buffered: the next block's words (its chunk, and the next row tile's header when it
//     starts one) load into the shadow words while the array uses the operands decoded from this block's;
//   - the input buffer is double-buffered: the next token tile's activations load into the other bank.
// Sums stay in the accumulators until the last chunk of a row tile, whose cycle sends them to the output stage.
#ifndef QUASAR_GEMM_COMPUTE_H
#define QUASAR_GEMM_COMPUTE_H

#include "cycle_accounting.h"
#include "gemm_array.h"
#include "gemm_streams.h"

namespace quasar {
namespace gemm_detail {

constexpr int INPUT_BANKS = 2;

// Where the next A word goes: a token row and a word of it, in one bank of the input buffer.
struct activation_cursor {
    int token, word;
};

// One A word (16 activations) into the input buffer at the cursor, which then moves on.
template <class Config>
inline void store_activation_word(
    const word_t& bits, int kw, activation_cursor& at,
    activation_t x_bank[engine_shape<Config>::TM][engine_shape<Config>::X_COLUMNS]) {
#pragma HLS INLINE
INPUT_BYTES:
    for (int b = 0; b < WORD_BYTES; ++b)
        x_bank[at.token][at.word * WORD_BYTES + b] = activation_t(byte_t(word_field(bits, BYTE_BITS * b, BYTE_BITS)));
    const bool row_done = at.word + 1 == kw;
    at.word = row_done ? 0 : at.word + 1;
    at.token = row_done ? at.token + 1 : at.token;
}

// The first token tile's activations (tokens × kw words): nothing to overlap them with.
template <class Config>
void load_first_activations(hls::stream<word_t>& words, int tokens, int kw,
                            activation_t x_bank[engine_shape<Config>::TM][engine_shape<Config>::X_COLUMNS]) {
#pragma HLS INLINE
    QUASAR_COUNT(compute, engine_shape<Config>::DEPTH_LOOP);
    activation_cursor at = {0, 0};
INPUT_WORDS:
    for (int i = 0; i < tokens * kw; ++i) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = engine_shape<Config>::TM * engine_shape<Config>::KW_MAX
        store_activation_word<Config>(words.read(), kw, at, x_bank);
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

// Words the block after block (j, c) brings: the next chunk, or the next row tile's header and chunk 0, or nothing.
template <class Config>
inline int next_block_words(int c, int chunks, bool last_row_tile) {
#pragma HLS INLINE
    typedef engine_shape<Config> S;
    return c + 1 < chunks ? S::CW : (last_row_tile ? 0 : S::HW + S::CW);
}

// Iterations of a token tile's block loop: every block takes max(its token steps, the next block's words).
template <class Config>
inline int tile_iterations(int steps, int chunks, int row_tiles) {
#pragma HLS INLINE
    typedef engine_shape<Config> S;
    const int same_tile = steps > S::CW ? steps : S::CW;
    const int next_tile = steps > S::HW + S::CW ? steps : S::HW + S::CW;
    return row_tiles * (chunks - 1) * same_tile + (row_tiles - 1) * next_tile + steps;
}

template <class Config>
void compute(hls::stream<word_t>& a_words, hls::stream<word_t>& w_words, hls::stream<tile_desc<Config>>& descs,
             hls::stream<sum_block<Config>>& sums_out, int batches, int m, int k, int row_tiles) {
#pragma HLS INLINE off
    typedef engine_shape<Config> S;
    static activation_t x_buf[INPUT_BANKS][S::TM][S::X_COLUMNS];
    static typename S::nibble_acc_t acc[S::TM][S::TN];
#pragma HLS ARRAY_PARTITION variable = x_buf complete dim = 1
#pragma HLS ARRAY_PARTITION variable = x_buf cyclic factor = S::PT dim = 2
#pragma HLS ARRAY_PARTITION variable = x_buf cyclic factor = S::X_BANKS dim = 3
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
    const int token_tiles = ceil_div(m, S::TM);

    load_first_activations<Config>(a_words, m < S::TM ? m : S::TM, kw, x_buf[0]);
    int bank = 0;
TOKEN_TILES:
    for (int tile = 0; tile < batches * token_tiles; ++tile) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = Config::TRIP_BATCHES * S::TRIP_TOKEN_TILES
        const int t0 = tile % token_tiles * S::TM;
        const int tokens = m - t0 < S::TM ? m - t0 : S::TM;
        const int steps = ceil_div(tokens, S::PT);
        // The token tile after this one (the next batch's first after a batch's last): its A words load meanwhile.
        const int next_t0 = (tile + 1) % token_tiles * S::TM;
        const int next_tokens = tile + 1 == batches * token_tiles ? 0 : (m - next_t0 < S::TM ? m - next_t0 : S::TM);
        const int next_a_words = next_tokens * kw;
        activation_cursor next_at = {0, 0};
        int a_loaded = 0;

        preload_block<Config>(w_words, header, chunk);
        tile_desc<Config> desc;
        int j = 0, c = 0, i = 0;
        int next_words = 0, block_iterations = 0;
        const int iterations = tile_iterations<Config>(steps, chunks, row_tiles);
        QUASAR_COUNT(compute, S::DEPTH_ARRAY);
    TILE_STEPS:
        for (int n = 0; n < iterations; ++n) {
// Free-running pipeline: no global stall enable fanning out to every register and DSP of the array.
#pragma HLS PIPELINE II = 1 style = frp
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::TRIP_TILE_STEPS
            if (i == 0) {
                // A block starts: its operands from the shadow words (the double buffer's swap).
                if (c == 0) {
                    desc = decode_header<Config>(header);
                    descs.write(desc);
                }
                decode_weights<Config>(chunk, desc.kind, lut, dsp);
                next_words = next_block_words<Config>(c, chunks, j + 1 == row_tiles);
                block_iterations = steps > next_words ? steps : next_words;
            }
            if (i < next_words) {
                const word_t word = w_words.read();
                const int slot = i + (next_words > S::CW ? 0 : S::HW); // position in [header | chunk]
                if (slot < S::HW)
                    header[slot] = word;
                else
                    chunk[slot - S::HW] = word;
            }
            if (a_loaded < next_a_words) {
                store_activation_word<Config>(a_words.read(), kw, next_at, x_buf[1 - bank]);
                ++a_loaded;
            }
            if (i < steps) {
                const int t = i * S::PT;
                array_sums<Config> sums;
                pe_array_cycle<Config>(x_buf[bank], c * S::TK, t, lut, dsp, sums);
                sum_block<Config> block;
            ACCUMULATE:
                for (int p = 0; p < S::PT; ++p)
                    for (int r = 0; r < S::TN; ++r) {
                        const typename S::nibble_acc_t total = c == 0 ? typename S::nibble_acc_t(sums.v[p][r])
                                                                      : typename S::nibble_acc_t(acc[t + p][r] + sums.v[p][r]);
                        acc[t + p][r] = total;
                        block.v[p][r] = total;
                    }
                if (c + 1 == chunks) sums_out.write(block);
            }
            // The block's last iteration moves on to the next block.
            const bool block_done = i + 1 == block_iterations;
            const bool row_tile_done = block_done && c + 1 == chunks;
            i = block_done ? 0 : i + 1;
            c = row_tile_done ? 0 : (block_done ? c + 1 : c);
            j = row_tile_done ? j + 1 : j;
            QUASAR_COUNT(compute, 1);
        }
        // Whatever of the next tile's activations the blocks had no iterations left for.
        if (a_loaded < next_a_words) QUASAR_COUNT(compute, S::DEPTH_LOOP);
    INPUT_REST:
        for (int rest = a_loaded; rest < next_a_words; ++rest) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 0 max = S::TM * S::KW_MAX
            store_activation_word<Config>(a_words.read(), kw, next_at, x_buf[1 - bank]);
            QUASAR_COUNT(compute, 1);
        }
        bank = 1 - bank;
    }
}

} // namespace gemm_detail
} // namespace quasar

#endif // QUASAR_GEMM_COMPUTE_H
