// The engine's memory side (docs/kernel-layout.md §2-3): the row-table load before the dataflow region, the two
// burst readers and the burst writer inside it. Every m_axi access is unconditional, sequential from a base computed
// outside the loop, one 128-bit word a cycle, with a trip count: the form Vitis infers bursts from (UG1399,
// Vitis_Accel_Examples wide_mem_rw).
#ifndef QUASAR_GEMM_IO_H
#define QUASAR_GEMM_IO_H

#include "cycle_accounting.h"
#include "gemm_interface.h"
#include "gemm_streams.h"

namespace quasar {
namespace gemm_detail {

// `entries` row-table words: bias (bytes 0-3), multiplier (4-7), shift (8).
template <class Config>
void load_row_tables(const word_t* rows, int entries, bias_sum_t bias[Config::MAX_ROWS],
                     multiplier_t multiplier[Config::MAX_ROWS], shift_t shift[Config::MAX_ROWS]) {
#pragma HLS INLINE off
    QUASAR_COUNT(tables, engine_shape<Config>::DEPTH_AXI);
ROW_TABLES:
    for (int r = 0; r < entries; ++r) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = Config::MAX_ROWS
        const word_t word = rows[r];
        bias[r] = bias_sum_t(static_cast<int32_t>(word_field(word, 0, 32)));
        multiplier[r] = multiplier_t(static_cast<int32_t>(word_field(word, 32, 32)));
        shift[r] = shift_t(word_field(word, 64, 8));
        QUASAR_COUNT(tables, 1);
    }
}

// Every word of A, in order: batches × m × KW.
template <class Config>
void read_activations(const word_t* a, hls::stream<word_t>& words, int count) {
#pragma HLS INLINE off
    QUASAR_COUNT(read_a, engine_shape<Config>::DEPTH_AXI);
READ_A:
    for (int i = 0; i < count; ++i) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = engine_shape<Config>::TRIP_A_WORDS
        words.write(a[i]);
        QUASAR_COUNT(read_a, 1);
    }
}

// A batch's weight stream once per token tile: the array holds one token tile at a time, so a call with more than
// TILE_TOKENS tokens streams its weights again for each.
template <class Config>
void read_weights(const word_t* w, hls::stream<word_t>& words, int batches, int token_tiles, int batch_words) {
#pragma HLS INLINE off
WEIGHT_BATCHES:
    for (int h = 0; h < batches; ++h) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = Config::TRIP_BATCHES
        const int base = h * batch_words;
    WEIGHT_PASSES:
        for (int pass = 0; pass < token_tiles; ++pass) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = engine_shape<Config>::TRIP_TOKEN_TILES
            QUASAR_COUNT(read_w, engine_shape<Config>::DEPTH_AXI);
        READ_W:
            for (int i = 0; i < batch_words; ++i) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = engine_shape<Config>::TRIP_W_WORDS
                words.write(w[base + i]);
                QUASAR_COUNT(read_w, 1);
            }
        }
    }
}

// One token's outputs of one row tile as `words_per_token` words (element i at bytes [i·out_bytes, (i+1)·out_bytes)).
// The body of both writer processes (inlined into each, so each port has its own).
template <class Config, int Port>
void write_outputs(hls::stream<out_block<Config>>& blocks, word_t* out, int count, int words_per_token,
                   int out_bytes) {
#pragma HLS INLINE
    typedef engine_shape<Config> S;
    QUASAR_COUNT(write_port[Port], S::DEPTH_LOOP);
    ubyte_t bytes[S::OW_MAX * WORD_BYTES];
#pragma HLS ARRAY_PARTITION variable = bytes complete dim = 0
    int word_of_token = 0;
WRITE_OUT:
    for (int i = 0; i < count; ++i) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::TRIP_OUT_WORDS
        if (word_of_token == 0) {
            const out_block<Config> block = blocks.read();
        SPREAD:
            for (int b = 0; b < S::OW_MAX * WORD_BYTES; ++b) {
                const int e = out_bytes == OUT_BYTES_INT16 ? b / 2 : b;
                const ap_int<16> v = e < S::TN ? block.v[e] : ap_int<16>(0);
                bytes[b] = out_bytes == OUT_BYTES_INT16 && b % 2 == 1 ? ubyte_t(v >> BYTE_BITS) : ubyte_t(v);
            }
        }
        word_t word = 0;
    GATHER:
        for (int b = 0; b < WORD_BYTES; ++b)
            set_word_field(word, BYTE_BITS * b, BYTE_BITS, bytes[word_of_token * WORD_BYTES + b].to_uint());
        out[i] = word;
        word_of_token = word_of_token + 1 == words_per_token ? 0 : word_of_token + 1;
        QUASAR_COUNT(write_port[Port], 1);
    }
}

// The two output ports (docs/kernel-layout.md §2): out0 takes the even tokens of every row tile, out1 the odd ones.
template <class Config>
void write_even_tokens(hls::stream<out_block<Config>>& blocks, word_t* out0, int count, int words_per_token,
                       int out_bytes) {
#pragma HLS INLINE off
    write_outputs<Config, 0>(blocks, out0, count, words_per_token, out_bytes);
}

template <class Config>
void write_odd_tokens(hls::stream<out_block<Config>>& blocks, word_t* out1, int count, int words_per_token,
                      int out_bytes) {
#pragma HLS INLINE off
    write_outputs<Config, 1>(blocks, out1, count, words_per_token, out_bytes);
}

} // namespace gemm_detail
} // namespace quasar

#endif // QUASAR_GEMM_IO_H
