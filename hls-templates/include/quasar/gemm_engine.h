// The GEMM engine (docs/hls-engine.md §1 and §3): one strided GEMM per call, tiled for a weight-stationary array of
// TOKENS_PER_CYCLE × TILE_ROWS × TILE_REDUCTION 4-bit atomic units.
//
// Per batch and per token tile of TILE_TOKENS tokens (held whole, k ≤ MAX_REDUCTION, in the input buffer), the
// B rows are cut into nibble rows (a 4-bit row: one signed nibble row; an 8-bit row: its high then its low nibble
// row, docs/numerics.md §2) and streamed in tiles of TILE_ROWS nibble rows through a ping-pong weight buffer: the
// next tile loads while the array computes the current one. A tile boundary may fall between the two nibble rows
// of an 8-bit row; the high pass then waits in `pending` for the low pass of the next tile.
//
// The array takes TILE_REDUCTION reduction lanes a step (a chunk of k, zero-padded at the end) and holds that
// chunk's TILE_ROWS × TILE_REDUCTION nibbles in registers while the tile's tokens stream through, TOKENS_PER_CYCLE
// a cycle. Its units form columns: a column is one reduction lane of one token (packing 3) or of a token pair
// (packing 4), TILE_ROWS units tall. DSP groups (3 rows × 1 token, or 2 rows × 2 tokens, per DSP48E2) fill the
// columns lane by lane from the first; the first DSP_UNITS units are DSP, the rest (including the TILE_ROWS mod 3
// or mod 2 rows a column cannot pack) are LUT units.
//
// The generated top only forwards its arguments:
//   extern "C" int quasar_gemm(<signature of gemm_interface.h>) {
//   #pragma HLS INTERFACE m_axi port = a offset = slave bundle = gmem0  (b, row_is8, ... likewise)
//   #pragma HLS INTERFACE s_axilite port = return
//       return quasar::run_gemm<quasar_engine_config>(a, b, row_is8, ..., flags);
//   }
#ifndef QUASAR_GEMM_ENGINE_H
#define QUASAR_GEMM_ENGINE_H

#include <type_traits>

#include "dsp_packing.h"
#include "gemm_interface.h"
#include "nibble.h"
#include "output_stage.h"
#include "pe.h"
#include "types.h"

namespace quasar {

// The engine's derived sizes, and the checks a configuration must pass (docs/hls-engine.md §2).
template <class Config>
struct engine_shape {
    static constexpr int PT = Config::TOKENS_PER_CYCLE;
    static constexpr int TN = Config::TILE_ROWS;
    static constexpr int TK = Config::TILE_REDUCTION;
    static constexpr int TM = Config::TILE_TOKENS;
    static constexpr int UNITS = PT * TN * TK;
    static constexpr bool PF4 = Config::PACKING == 4;
    static constexpr int ROWS_PER_DSP = PF4 ? PF4_ROWS : PF3_ROWS;
    static constexpr int TOKENS_PER_DSP = PF4 ? PF4_TOKENS : 1;
    // Tokens per column: a packing-4 DSP spans two; without DSPs every token is its own column.
    static constexpr int COLUMN_TOKENS = Config::DSP_UNITS > 0 ? TOKENS_PER_DSP : 1;
    static constexpr int TOKEN_COLUMNS = PT / COLUMN_TOKENS;
    static constexpr int COLUMNS = TK * TOKEN_COLUMNS;
    static constexpr int GROUPS_PER_COLUMN = TN / ROWS_PER_DSP;
    static constexpr int GROUP_SLOTS = GROUPS_PER_COLUMN > 0 ? GROUPS_PER_COLUMN : 1; // array size, never 0
    static constexpr int DSP_GROUPS = Config::DSP_UNITS / Config::PACKING;
    static constexpr int MAX_CHUNKS = (Config::MAX_REDUCTION + TK - 1) / TK;
    static constexpr int K_BUFFER = MAX_CHUNKS * TK; // input and weight rows, padded to whole chunks
    // Accumulator widths (docs/numerics.md §3, per nibble row): a product is PRODUCT_BITS wide ([-480, 465], so
    // |p| < 2^(PRODUCT_BITS - 1)); the array sums TK of them per cycle (psum), and a nibble row's accumulator sums
    // K_BUFFER of them over the chunks. n products of |p| < 2^(B-1) need B + clog2(n) bits: nothing wraps, so the
    // narrow sums equal the int32 ones of the reference; the two passes of an 8-bit row join in acc_t (32 bits).
    static constexpr int PSUM_BITS = PRODUCT_BITS + clog2(TK);
    static constexpr int NIBBLE_ACC_BITS = PRODUCT_BITS + clog2(K_BUFFER);
    typedef ap_int<PSUM_BITS> psum_t;
    typedef ap_int<NIBBLE_ACC_BITS> nibble_acc_t;
    // Report-only trip counts (LOOP_TRIPCOUNT): token tiles of the longest call, nibble-row tiles of the widest.
    static constexpr int TRIP_TOKEN_TILES = (Config::TRIP_TOKENS + TM - 1) / TM;
    static constexpr int TRIP_ROW_TILES = (NIBBLE_ROWS_PER_8BIT_ROW * Config::MAX_ROWS + TN - 1) / TN;
    // Which DSP kernel the columns run: none, packing 3 or packing 4.
    static constexpr int DSP_KIND = Config::DSP_UNITS > 0 ? Config::PACKING : 0;

    // DSP groups in column `column` (columns fill in order).
    static constexpr int dsp_groups_in_column(int column) {
        return DSP_GROUPS - column * GROUPS_PER_COLUMN <= 0                   ? 0
               : DSP_GROUPS - column * GROUPS_PER_COLUMN >= GROUPS_PER_COLUMN ? GROUPS_PER_COLUMN
                                                                              : DSP_GROUPS - column * GROUPS_PER_COLUMN;
    }

    static_assert(Config::PACKING == 3 || Config::PACKING == 4, "PACKING must be 3 or 4");
    static_assert(PT > 0 && TN > 0 && TK > 0 && TM > 0, "tile sizes and TOKENS_PER_CYCLE must be positive");
    static_assert(Config::MAX_REDUCTION > 0 && Config::MAX_ROWS > 0, "MAX_REDUCTION and MAX_ROWS must be positive");
    static_assert(NIBBLE_ACC_BITS + NIBBLE_SHIFT + 1 <= ACCUMULATOR_BITS, "the joined accumulator must fit acc_t");
    static_assert(Config::TRIP_BATCHES > 0 && Config::TRIP_TOKENS > 0, "TRIP_BATCHES and TRIP_TOKENS must be positive");
    static_assert(Config::DSP_UNITS >= 0 && Config::LUT_UNITS >= 0, "unit counts cannot be negative");
    static_assert(Config::DSP_UNITS % Config::PACKING == 0, "DSP_UNITS must fill whole DSPs of PACKING units");
    static_assert(Config::DSP_UNITS + Config::LUT_UNITS == UNITS,
                  "DSP_UNITS + LUT_UNITS must equal TOKENS_PER_CYCLE * TILE_ROWS * TILE_REDUCTION");
    static_assert(PT % COLUMN_TOKENS == 0, "packing 4 with DSP units pairs tokens: TOKENS_PER_CYCLE must be even");
    static_assert(TM % PT == 0, "TILE_TOKENS must be a multiple of TOKENS_PER_CYCLE");
    static_assert(DSP_GROUPS <= COLUMNS * GROUPS_PER_COLUMN,
                  "more DSP units than the array can pack: a DSP packs 3 (PACKING 3) or 2 (PACKING 4) rows of one "
                  "column, so DSP_UNITS <= TOKENS_PER_CYCLE * TILE_REDUCTION * PACKING * floor(TILE_ROWS / rows)");
};

namespace gemm_detail {

// The weight buffer's two banks: the tile loading and the tile in the array (ping-pong by bank index, so each
// hardware block has one call site and HLS builds one instance of it).
constexpr int WEIGHT_BANKS = 2;

// Where the next weight tile starts: an output row, and whether its high nibble row is already loaded.
struct row_cursor {
    int row;
    bool high_done;
};

inline long long element_index(long long base, int i, int stride_i, int j, int stride_j) {
#pragma HLS INLINE
    return base + static_cast<long long>(i) * stride_i + static_cast<long long>(j) * stride_j;
}

// Row tables: precision flag, bias, multiplier and shift of every output row (one entry per tensor).
template <class Config>
void load_row_tables(const ap_uint<8>* row_is8, const ap_int<32>* bias, const ap_int<32>* multiplier,
                     const ap_uint<8>* shift, int n, int flags, bool is8_table[Config::MAX_ROWS],
                     acc_t bias_table[Config::MAX_ROWS], multiplier_t multiplier_table[Config::MAX_ROWS],
                     shift_t shift_table[Config::MAX_ROWS]) {
#pragma HLS INLINE off
    const bool per_tensor = (flags & PER_TENSOR) != 0;
    const bool all_8bit = (flags & ALL_8BIT) != 0;
    const int entries = per_tensor ? 1 : n;
ROW_TABLES:
    for (int r = 0; r < entries; ++r) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = Config::MAX_ROWS
        // Every entry is read, then selected: no m_axi access under a condition (the tables hold `entries` elements).
        const ap_uint<8> is8 = row_is8[r];
        const ap_int<32> row_bias = bias[r];
        is8_table[r] = all_8bit || is8 != 0;
        bias_table[r] = per_tensor ? acc_t(0) : acc_t(row_bias);
        multiplier_table[r] = multiplier[r];
        shift_table[r] = shift[r];
    }
}

// One token tile of A into the input buffer, zero beyond k and beyond the last token of the last array step.
template <class Config>
void load_activations(const ap_int<8>* a, long long base, int a_row_stride, int tokens, int k, int k_padded,
                      activation_t x_buf[engine_shape<Config>::TM][engine_shape<Config>::K_BUFFER]) {
#pragma HLS INLINE off
    typedef engine_shape<Config> S;
    const int rows = (tokens + S::PT - 1) / S::PT * S::PT;
INPUT_TOKENS:
    for (int t = 0; t < rows; ++t) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::TM
        // The reads are unconditional and sequential (unit stride from the row's base); the padding is its own loop.
        const int reads = t < tokens ? k : 0;
        const long long row_base = element_index(base, t, a_row_stride, 0, 0);
    INPUT_READ:
        for (int j = 0; j < reads; ++j) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = Config::MAX_REDUCTION
            x_buf[t][j] = activation_t(a[row_base + j]);
        }
    INPUT_PAD:
        for (int j = reads; j < k_padded; ++j) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 0 max = S::K_BUFFER
            x_buf[t][j] = activation_t(0);
        }
    }
}

// The next TILE_ROWS nibble rows of B into one half of the weight buffer; returns how many are real rows.
template <class Config>
int load_weight_tile(const ap_int<8>* b, long long base, int b_row_stride, int n, int k, int k_padded,
                     bool per_tensor, const bool is8_table[Config::MAX_ROWS], row_cursor& cursor, int bank,
                     nibble_t nibbles[WEIGHT_BANKS][engine_shape<Config>::TN][engine_shape<Config>::K_BUFFER],
                     bool is_unsigned[WEIGHT_BANKS][engine_shape<Config>::TN],
                     int row_of[WEIGHT_BANKS][engine_shape<Config>::TN],
                     int kind_of[WEIGHT_BANKS][engine_shape<Config>::TN]) {
#pragma HLS INLINE off
    typedef engine_shape<Config> S;
    int count = 0;
WEIGHT_ROWS:
    for (int j = 0; j < S::TN; ++j) {
        const bool valid = cursor.row < n;
        nibble_kind kind = NIBBLE_ROW4;
        if (valid && is8_table[per_tensor ? 0 : cursor.row]) kind = cursor.high_done ? NIBBLE_LOW : NIBBLE_HIGH;
        row_of[bank][j] = cursor.row;
        kind_of[bank][j] = kind;
        is_unsigned[bank][j] = kind == NIBBLE_LOW;
        const long long row_base = element_index(base, cursor.row, b_row_stride, 0, 0);
        // Unconditional reads at unit stride (a call with b_col_stride != 1 is refused, status 5), then the padding.
        const int reads = valid ? k : 0;
    WEIGHT_NIBBLES:
        for (int jj = 0; jj < reads; ++jj) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = Config::MAX_REDUCTION
            nibbles[bank][j][jj] = nibble_bits(b[row_base + jj], kind);
        }
    WEIGHT_PAD:
        for (int jj = reads; jj < k_padded; ++jj) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 0 max = S::K_BUFFER
            nibbles[bank][j][jj] = nibble_t(0);
        }
        if (valid) {
            ++count;
            cursor.high_done = kind == NIBBLE_HIGH;
            if (kind != NIBBLE_HIGH) ++cursor.row;
        }
    }
    return count;
}

// The DSP units of one column, per packing factor (tag 0: the engine has none).
template <int TN, int GROUP_SLOTS, class Psum>
inline void dsp_column(std::integral_constant<int, 0>, const activation_t*, const dsp_a_t*, int, Psum (*)[TN]) {}

template <int TN, int GROUP_SLOTS, class Psum>
inline void dsp_column(std::integral_constant<int, 3>, const activation_t* x, const dsp_a_t* weights, int groups,
                       Psum (*psum)[TN]) {
#pragma HLS INLINE
PF3_GROUPS:
    for (int g = 0; g < GROUP_SLOTS; ++g) {
        if (g < groups) {
            product_t p0, p1, p2;
            pf3_multiply(weights[g], x[0], p0, p1, p2);
            const int r = g * PF3_ROWS;
            psum[0][r] += p0;
            psum[0][r + 1] += p1;
            psum[0][r + 2] += p2;
        }
    }
}

template <int TN, int GROUP_SLOTS, class Psum>
inline void dsp_column(std::integral_constant<int, 4>, const activation_t* x, const dsp_a_t* weights, int groups,
                       Psum (*psum)[TN]) {
#pragma HLS INLINE
    const dsp_b_t packed_x = pf4_pack_activations(x[0], x[1]);
PF4_GROUPS:
    for (int g = 0; g < GROUP_SLOTS; ++g) {
        if (g < groups) {
            product_t x0w0, x1w0, x0w1, x1w1;
            pf4_multiply(weights[g], packed_x, x0w0, x1w0, x0w1, x1w1);
            const int r = g * PF4_ROWS;
            psum[0][r] += x0w0;
            psum[1][r] += x1w0;
            psum[0][r + 1] += x0w1;
            psum[1][r + 1] += x1w1;
        }
    }
}

// One cycle of the array: TOKENS_PER_CYCLE tokens × TILE_ROWS nibble rows × TILE_REDUCTION lanes, summed over the
// lanes (the adder tree) into the accumulators.
template <class Config>
inline void
pe_array_cycle(const activation_t x_buf[engine_shape<Config>::TM][engine_shape<Config>::K_BUFFER], int k0, int t0,
               const dsp_a_t dsp_weights[engine_shape<Config>::COLUMNS][engine_shape<Config>::GROUP_SLOTS],
               const nibble_operand_t lut_weights[engine_shape<Config>::TK][engine_shape<Config>::TN],
               typename engine_shape<Config>::nibble_acc_t acc[engine_shape<Config>::TM][engine_shape<Config>::TN]) {
#pragma HLS INLINE
    typedef engine_shape<Config> S;
    typename S::psum_t psum[S::PT][S::TN];
#pragma HLS ARRAY_PARTITION variable = psum complete dim = 0
CLEAR:
    for (int p = 0; p < S::PT; ++p)
        for (int r = 0; r < S::TN; ++r) psum[p][r] = 0;
LANES:
    for (int kk = 0; kk < S::TK; ++kk) {
    TOKEN_COLUMNS:
        for (int tc = 0; tc < S::TOKEN_COLUMNS; ++tc) {
            const int column = kk * S::TOKEN_COLUMNS + tc;
            const int groups = S::dsp_groups_in_column(column);
            const int t = tc * S::COLUMN_TOKENS;
            activation_t x[S::COLUMN_TOKENS];
            for (int c = 0; c < S::COLUMN_TOKENS; ++c) x[c] = x_buf[t0 + t + c][k0 + kk];
            dsp_column<S::TN, S::GROUP_SLOTS, typename S::psum_t>(std::integral_constant<int, S::DSP_KIND>(), x,
                                                                  dsp_weights[column], groups, psum + t);
            const int first_lut_row = groups * S::ROWS_PER_DSP;
        LUT_ROWS:
            for (int r = 0; r < S::TN; ++r) {
                if (r >= first_lut_row) {
                    for (int c = 0; c < S::COLUMN_TOKENS; ++c) psum[t + c][r] += pe_multiply(x[c], lut_weights[kk][r]);
                }
            }
        }
    }
ACCUMULATE:
    for (int p = 0; p < S::PT; ++p)
        for (int r = 0; r < S::TN; ++r) acc[t0 + p][r] += psum[p][r];
}

// All chunks of k for one weight tile and the token tile: the accumulators of every nibble row of the tile.
template <class Config>
void compute_tile(const activation_t x_buf[engine_shape<Config>::TM][engine_shape<Config>::K_BUFFER],
                  const nibble_t nibbles[WEIGHT_BANKS][engine_shape<Config>::TN][engine_shape<Config>::K_BUFFER],
                  const bool is_unsigned[WEIGHT_BANKS][engine_shape<Config>::TN], int bank, int token_steps,
                  int k_chunks,
                  typename engine_shape<Config>::nibble_acc_t acc[engine_shape<Config>::TM][engine_shape<Config>::TN]) {
#pragma HLS INLINE off
    typedef engine_shape<Config> S;
    dsp_a_t dsp_weights[S::COLUMNS][S::GROUP_SLOTS];
    nibble_operand_t lut_weights[S::TK][S::TN];
#pragma HLS ARRAY_PARTITION variable = dsp_weights complete dim = 0
#pragma HLS ARRAY_PARTITION variable = lut_weights complete dim = 0
CLEAR_ACCUMULATORS:
    for (int t = 0; t < token_steps * S::PT; ++t) {
#pragma HLS PIPELINE II = 1
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::TM
        for (int r = 0; r < S::TN; ++r) acc[t][r] = 0;
    }
CHUNKS:
    for (int chunk = 0; chunk < k_chunks; ++chunk) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::MAX_CHUNKS
        const int k0 = chunk * S::TK;
    ARRAY_WEIGHTS:
        for (int kk = 0; kk < S::TK; ++kk) {
#pragma HLS PIPELINE II = 1
            for (int r = 0; r < S::TN; ++r)
                lut_weights[kk][r] = nibble_operand(nibbles[bank][r][k0 + kk], is_unsigned[bank][r]);
        }
    PACK_WEIGHTS:
        for (int column = 0; column < S::COLUMNS; ++column) {
#pragma HLS UNROLL
            const int kk = column / S::TOKEN_COLUMNS;
        PACK_GROUPS:
            for (int g = 0; g < S::GROUP_SLOTS; ++g) {
// UNROLL does not unroll nested loops: without this the 21-trip loop runs rolled once per column (review #4).
#pragma HLS UNROLL
                if (g < S::dsp_groups_in_column(column)) {
                    const int r = g * S::ROWS_PER_DSP;
                    dsp_weights[column][g] = S::PF4 ? pf4_pack_weights(lut_weights[kk][r], lut_weights[kk][r + 1])
                                                    : pf3_pack_weights(lut_weights[kk][r], lut_weights[kk][r + 1],
                                                                       lut_weights[kk][r + (S::ROWS_PER_DSP - 1)]);
                }
            }
        }
    TOKEN_STEPS:
        for (int step = 0; step < token_steps; ++step) {
// Free-running pipeline: no global stall enable fanning out to every register and DSP of the array.
#pragma HLS PIPELINE II = 1 style = frp
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::TM / S::PT
            pe_array_cycle<Config>(x_buf, k0, step * S::PT, dsp_weights, lut_weights, acc);
        }
    }
}

// Output stage and store for one weight tile: a 4-bit row or a low pass completes an output; a high pass waits.
template <class Config>
void store_tile(
    const typename engine_shape<Config>::nibble_acc_t acc[engine_shape<Config>::TM][engine_shape<Config>::TN],
    const int row_of[WEIGHT_BANKS][engine_shape<Config>::TN], const int kind_of[WEIGHT_BANKS][engine_shape<Config>::TN],
    int bank, int count, int tokens, typename engine_shape<Config>::nibble_acc_t pending[engine_shape<Config>::TM],
    bool per_tensor, const acc_t bias_table[Config::MAX_ROWS], const multiplier_t multiplier_table[Config::MAX_ROWS],
    const shift_t shift_table[Config::MAX_ROWS], ap_int<8>* out, long long out_base, int out_row_stride, int out_bytes,
    int out_min, int out_max) {
#pragma HLS INLINE off
STORE_TOKENS:
    for (int t = 0; t < tokens; ++t) {
// (clang-format would split engine_shape<Config> inside the pragmas)
// clang-format off
#pragma HLS LOOP_TRIPCOUNT min = 1 max = engine_shape<Config>::TM
        // clang-format on
    STORE_ROWS:
        for (int j = 0; j < count; ++j) {
#pragma HLS PIPELINE II = 2
// clang-format off
#pragma HLS LOOP_TRIPCOUNT min = 1 max = engine_shape<Config>::TN
            // clang-format on
            const typename engine_shape<Config>::nibble_acc_t value = acc[t][j];
            const int kind = kind_of[bank][j];
            if (kind == NIBBLE_HIGH) {
                pending[t] = value;
            } else {
                const acc_t joined = kind == NIBBLE_LOW ? join_nibble_accumulators(pending[t], value) : acc_t(value);
                const int row = row_of[bank][j];
                const int entry = per_tensor ? 0 : row;
                const stage_out_t y = output_stage(joined, bias_table[entry], multiplier_table[entry],
                                                   shift_table[entry], out_min, out_max);
                const long long e = element_index(out_base, t, out_row_stride, row, 1);
                if (out_bytes == OUT_BYTES_INT16) {
                    out[2 * e] = byte_t(y);
                    out[2 * e + 1] = byte_t(y >> BYTE_BITS);
                } else {
                    out[e] = byte_t(y);
                }
            }
        }
    }
}

} // namespace gemm_detail

// One kernel call (docs/hls-engine.md §1); returns the status, and writes nothing unless it is STATUS_OK.
template <class Config>
int run_gemm(const ap_int<8>* a, const ap_int<8>* b, const ap_uint<8>* row_is8, const ap_int<32>* bias,
             const ap_int<32>* multiplier, const ap_uint<8>* shift, ap_int<8>* out, int batches, int m, int n, int k,
             int a_batch_stride, int a_row_stride, int b_batch_stride, int b_row_stride, int b_col_stride,
             int out_batch_stride, int out_row_stride, int out_bytes, int out_min, int out_max, int flags) {
    typedef engine_shape<Config> S;
    const int status =
        gemm_status(batches, m, n, k, out_bytes, flags, Config::MAX_REDUCTION, Config::MAX_ROWS, b_col_stride);
    if (status != STATUS_OK) return status;

    // On-chip memories, sized by the configuration (static: BRAM in hardware, off the stack in csim).
    static bool is8_table[Config::MAX_ROWS];
    static acc_t bias_table[Config::MAX_ROWS];
    static multiplier_t multiplier_table[Config::MAX_ROWS];
    static shift_t shift_table[Config::MAX_ROWS];
    static activation_t x_buf[S::TM][S::K_BUFFER];
    static nibble_t nibbles[gemm_detail::WEIGHT_BANKS][S::TN][S::K_BUFFER];
    static bool is_unsigned[gemm_detail::WEIGHT_BANKS][S::TN];
    static int row_of[gemm_detail::WEIGHT_BANKS][S::TN], kind_of[gemm_detail::WEIGHT_BANKS][S::TN];
    static typename S::nibble_acc_t acc[S::TM][S::TN];
    static typename S::nibble_acc_t pending[S::TM];
#pragma HLS ARRAY_PARTITION variable = x_buf cyclic factor = S::PT dim = 1
#pragma HLS ARRAY_PARTITION variable = x_buf cyclic factor = S::TK dim = 2
#pragma HLS ARRAY_PARTITION variable = nibbles complete dim = 1
#pragma HLS ARRAY_PARTITION variable = nibbles complete dim = 2
#pragma HLS ARRAY_PARTITION variable = is_unsigned complete dim = 0
#pragma HLS ARRAY_PARTITION variable = acc cyclic factor = S::PT dim = 1
#pragma HLS ARRAY_PARTITION variable = acc complete dim = 2

    const bool per_tensor = (flags & PER_TENSOR) != 0;
    gemm_detail::load_row_tables<Config>(row_is8, bias, multiplier, shift, n, flags, is8_table, bias_table,
                                         multiplier_table, shift_table);
    const int k_chunks = (k + S::TK - 1) / S::TK;
    const int k_padded = k_chunks * S::TK;

BATCHES:
    for (int h = 0; h < batches; ++h) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = Config::TRIP_BATCHES
    TOKEN_TILES:
        for (int t0 = 0; t0 < m; t0 += S::TM) {
#pragma HLS LOOP_TRIPCOUNT min = 1 max = S::TRIP_TOKEN_TILES
            const int tokens = m - t0 < S::TM ? m - t0 : S::TM;
            const int token_steps = (tokens + S::PT - 1) / S::PT;
            gemm_detail::load_activations<Config>(a, gemm_detail::element_index(0, h, a_batch_stride, t0, a_row_stride),
                                                  a_row_stride, tokens, k, k_padded, x_buf);
            const long long b_base = gemm_detail::element_index(0, h, b_batch_stride, 0, 0);
            const long long out_base = gemm_detail::element_index(0, h, out_batch_stride, t0, out_row_stride);
            gemm_detail::row_cursor cursor = {0, false};
            int count = 0; // real nibble rows of the tile in the array's bank
        ROW_TILES:
            // Skewed by one tile: step s loads tile s into bank s % 2 while the array computes and stores tile s - 1
            // from the other bank. One call site per block; the step that loads nothing real is the last one.
            for (int step = 0;; ++step) {
#pragma HLS LOOP_TRIPCOUNT min = 2 max = S::TRIP_ROW_TILES + 1
                const int load_bank = step % gemm_detail::WEIGHT_BANKS;
                const int array_bank = gemm_detail::WEIGHT_BANKS - 1 - load_bank;
                const int loaded = gemm_detail::load_weight_tile<Config>(
                    b, b_base, b_row_stride, n, k, k_padded, per_tensor, is8_table, cursor, load_bank,
                    nibbles, is_unsigned, row_of, kind_of);
                if (step > 0) {
                    gemm_detail::compute_tile<Config>(x_buf, nibbles, is_unsigned, array_bank, token_steps, k_chunks,
                                                      acc);
                    gemm_detail::store_tile<Config>(acc, row_of, kind_of, array_bank, count, tokens, pending,
                                                    per_tensor, bias_table, multiplier_table, shift_table, out,
                                                    out_base, out_row_stride, out_bytes, out_min, out_max);
                }
                if (loaded == 0) break;
                count = loaded;
            }
        }
    }
    return STATUS_OK;
}

} // namespace quasar

#endif // QUASAR_GEMM_ENGINE_H
