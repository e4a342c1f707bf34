// The engine's derived sizes and the checks a configuration must pass (docs/hls-engine.md §2, docs/kernel-layout.md
// §1 and §4): tile geometry, accumulator widths, bus-word counts, loop trip counts and the declared pipeline depths
// the cycle accounting charges.
#ifndef QUASAR_ENGINE_SHAPE_H
#define QUASAR_ENGINE_SHAPE_H

#include "bus.h"
#include "dsp_packing.h"
#include "nibble.h"

namespace quasar {

constexpr int ceil_div(int a, int b) {
    return (a + b - 1) / b;
}
constexpr int max_of(int a, int b) {
    return a > b ? a : b;
}
constexpr int gcd_of(int a, int b) {
    return b == 0 ? a : gcd_of(b, a % b);
}

// What a slot of a weight tile holds (the 2-bit kinds of the tile header, docs/kernel-layout.md §3).
enum slot_kind { SLOT_EMPTY = 0, SLOT_ROW4 = 1, SLOT_HIGH = 2, SLOT_LOW = 3 };
constexpr int SLOT_KIND_BITS = 2;
constexpr int HEADER_ROW_BITS = 32; // first_row

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
    static constexpr int MAX_CHUNKS = ceil_div(Config::MAX_REDUCTION, TK);
    static constexpr int K_BUFFER = MAX_CHUNKS * TK; // reduction lanes the array can address
    // Accumulator widths (docs/numerics.md §3, per nibble row): a product is PRODUCT_BITS wide ([-480, 465], so
    // |p| < 2^(PRODUCT_BITS - 1)); the array sums TK of them per cycle (psum), and a nibble row's accumulator sums
    // K_BUFFER of them over the chunks. n products of |p| < 2^(B-1) need B + clog2(n) bits: nothing wraps, so the
    // narrow sums equal the int32 ones of the reference. The two passes of an 8-bit row join in joined_t, 16× the
    // high pass plus the low one; only the bias add is 32-bit (bias_sum_t).
    static constexpr int PSUM_BITS = PRODUCT_BITS + clog2(TK);
    static constexpr int NIBBLE_ACC_BITS = PRODUCT_BITS + clog2(K_BUFFER);
    static constexpr int JOINED_BITS = NIBBLE_ACC_BITS + NIBBLE_SHIFT + 1;
    typedef ap_int<PSUM_BITS> psum_t;
    typedef ap_int<NIBBLE_ACC_BITS> nibble_acc_t;
    typedef ap_int<JOINED_BITS> joined_t;

    // Bus words (docs/kernel-layout.md §1): a token row of A, a chunk of a weight tile, a tile header, the outputs of
    // one token in one row tile (int16 at most).
    static constexpr int KW_MAX = ceil_div(Config::MAX_REDUCTION, WORD_BYTES);
    static constexpr int CW = ceil_div(TN * TK, WORD_NIBBLES);
    static constexpr int HW = ceil_div(HEADER_ROW_BITS + SLOT_KIND_BITS * TN, WORD_BITS);
    static constexpr int OW_MAX = ceil_div(TN * 2, WORD_BYTES);
    // The input buffer's columns: every byte of the words of a row, and every lane the array reads. Its banks serve
    // both a word's 16 bytes a cycle and the array's TK lanes a cycle.
    static constexpr int X_COLUMNS = max_of(K_BUFFER, KW_MAX * WORD_BYTES);
    static constexpr int X_BANKS = TK / gcd_of(TK, WORD_BYTES) * WORD_BYTES;

    // Report-only trip counts (LOOP_TRIPCOUNT): token tiles of the longest call, row tiles of the widest.
    static constexpr int TRIP_TOKEN_TILES = ceil_div(Config::TRIP_TOKENS, TM);
    static constexpr int TRIP_ROW_TILES = ceil_div(NIBBLE_ROWS_PER_8BIT_ROW * Config::MAX_ROWS, TN);
    static constexpr int TRIP_BLOCKS = TRIP_ROW_TILES * MAX_CHUNKS;
    static constexpr int TRIP_A_WORDS = Config::TRIP_BATCHES * Config::TRIP_TOKENS * KW_MAX;
    static constexpr int TRIP_W_WORDS = TRIP_ROW_TILES * (HW + MAX_CHUNKS * CW);
    static constexpr int TRIP_OUT_WORDS = Config::TRIP_BATCHES * Config::TRIP_TOKENS * TRIP_ROW_TILES * OW_MAX;
    static constexpr int TRIP_BLOCK_STEPS = max_of(ceil_div(TM, PT), HW + CW);
    static constexpr int TRIP_TILE_STEPS = TRIP_BLOCKS * TRIP_BLOCK_STEPS;

    // Declared pipeline depths, charged once per entry of a pipelined loop by the cycle accounting (estimates that
    // csynth replaces): the m_axi read latency Vitis assumes by default, the array (multiply, adder tree over TK
    // lanes, accumulate), the output stage (32 x 32 multiply, round, shift, clamp), any other loop.
    static constexpr int DEPTH_AXI = 64;
    static constexpr int DEPTH_ARRAY = clog2(TK) + 6;
    static constexpr int DEPTH_OUTPUT = 8;
    static constexpr int DEPTH_LOOP = 2;

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
    static_assert(JOINED_BITS <= ACCUMULATOR_BITS, "a joined row sum must fit the 32-bit bias add");
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

} // namespace quasar

#endif // QUASAR_ENGINE_SHAPE_H
