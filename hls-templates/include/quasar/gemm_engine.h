// The GEMM engine (docs/hls-engine.md §1 and §3, docs/kernel-layout.md): one GEMM per call over 128-bit words the
// host laid out. After the status check and the row-table load, one DATAFLOW region of six processes, each one
// instance, joined by streams:
//
//   read_activations (a, gmem0) ─┐                                                      ┌─> write_even_tokens (out0, gmem2)
//                                ├─> compute (input buffer, PE array, accumulators) ─> output_process
//   read_weights     (w, gmem1) ─┘                                                      └─> write_odd_tokens  (out1, gmem3)
//
// The generated top only forwards its arguments (src/quasar_gemm.cpp):
//   *status = quasar::run_gemm<quasar::EngineConfig>(a, w, rows, out0, out1, batches, m, n, k, nibble_rows, ...);
#ifndef QUASAR_GEMM_ENGINE_H
#define QUASAR_GEMM_ENGINE_H

#include "gemm_compute.h"
#include "gemm_interface.h"
#include "gemm_io.h"
#include "gemm_output.h"

namespace quasar {
namespace gemm_detail {

// The region, in canonical form: stream declarations, then one call per process, each stream with one producer and
// one consumer. Stream depths: a word pair for the readers, a row tile's sums and a token tile's outputs, so that the
// array does not wait for the output stage within a row tile.
template <class Config>
void gemm_dataflow(const word_t* a, const word_t* w, word_t* out0, word_t* out1, const bias_sum_t bias[Config::MAX_ROWS],
                   const multiplier_t multiplier[Config::MAX_ROWS], const shift_t shift[Config::MAX_ROWS], int batches,
                   int m, int k, int row_tiles, int row_groups, int out_bytes, int out_min, int out_max, bool per_tensor) {
#pragma HLS DATAFLOW
    typedef engine_shape<Config> S;
    hls::stream<word_t> a_words("a_words");
    hls::stream<word_t> w_words("w_words");
    hls::stream<tile_desc<Config>> descs("descs");
    hls::stream<sum_block<Config>> sums("sums");
    hls::stream<out_block<Config>> even_tokens("even_tokens");
    hls::stream<out_block<Config>> odd_tokens("odd_tokens");
#pragma HLS STREAM variable = a_words depth = 2
#pragma HLS STREAM variable = w_words depth = 2
#pragma HLS STREAM variable = descs depth = 2
#pragma HLS STREAM variable = sums depth = S::TM / S::PT
#pragma HLS STREAM variable = even_tokens depth = S::TM / 2 + 1
#pragma HLS STREAM variable = odd_tokens depth = S::TM / 2 + 1
    const int token_tiles = ceil_div(m, S::TM);
    const int a_count = batches * m * ceil_div(k, WORD_BYTES);
    const int batch_words = row_tiles * (S::HW + ceil_div(k, S::TK) * S::CW);
    const int words_per_token = ceil_div(S::TN * out_bytes, WORD_BYTES);
    // Only the row tiles that complete rows write, one per group of TN rows; out0 holds the even tokens of every
    // tile: ceil(t / 2) of a tile of t tokens.
    const int last_tokens = m - (token_tiles - 1) * S::TM;
    const int even_tokens_per_batch = (token_tiles - 1) * ((S::TM + 1) / 2) + (last_tokens + 1) / 2;
    const int out0_count = batches * even_tokens_per_batch * row_groups * words_per_token;
    const int out1_count = batches * m * row_groups * words_per_token - out0_count;
    read_activations<Config>(a, a_words, a_count);
    read_weights<Config>(w, w_words, batches, token_tiles, batch_words);
    compute<Config>(a_words, w_words, descs, sums, batches, m, k, row_tiles);
    output_process<Config>(descs, sums, even_tokens, odd_tokens, bias, multiplier, shift, batches, m, row_tiles,
                           row_tiles - row_groups, per_tensor, out_min, out_max);
    write_even_tokens<Config>(even_tokens, out0, out0_count, words_per_token, out_bytes);
    write_odd_tokens<Config>(odd_tokens, out1, out1_count, words_per_token, out_bytes);
}

} // namespace gemm_detail

// One kernel call; returns the status, and writes nothing unless it is STATUS_OK.
template <class Config>
int run_gemm(const word_t* a, const word_t* w, const word_t* rows, word_t* out0, word_t* out1, int batches, int m, int n, int k,
             int nibble_rows, int out_bytes, int out_min, int out_max, int flags) {
    typedef engine_shape<Config> S;
    const int status =
        gemm_status(batches, m, n, k, nibble_rows, out_bytes, flags, Config::MAX_REDUCTION, Config::MAX_ROWS);
    if (status != STATUS_OK) return status;
    const bool per_tensor = (flags & PER_TENSOR) != 0;
    // On-chip row tables (BRAM); the output stage reads a tile's TN entries one a cycle.
    static bias_sum_t bias[Config::MAX_ROWS];
    static multiplier_t multiplier[Config::MAX_ROWS];
    static shift_t shift[Config::MAX_ROWS];
    gemm_detail::load_row_tables<Config>(rows, per_tensor ? 1 : n, bias, multiplier, shift);
#ifdef QUASAR_CYCLE_ACCOUNTING
    cycle_counter().fill = S::DEPTH_AXI + S::DEPTH_ARRAY + S::DEPTH_OUTPUT + S::DEPTH_LOOP;
#endif
    // Row tiles (docs/kernel-layout.md §3): a group of TN rows in the kernel's row order (8-bit rows first) takes two
    // tiles while it holds an 8-bit row (its HIGH passes, then its LOW passes and 4-bit rows), else one.
    const int row_groups = ceil_div(n, S::TN);
    const int row_tiles = row_groups + ceil_div(nibble_rows - n, S::TN);
    gemm_detail::gemm_dataflow<Config>(a, w, out0, out1, bias, multiplier, shift, batches, m, k, row_tiles, row_groups, out_bytes,
                                       out_min, out_max, per_tensor);
    return STATUS_OK;
}

} // namespace quasar

#endif // QUASAR_GEMM_ENGINE_H
