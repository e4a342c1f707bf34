// The weight-stationary PE array (docs/hls-engine.md §3): TOKENS_PER_CYCLE tokens × TILE_ROWS nibble rows ×
// TILE_REDUCTION lanes a cycle. Its units form columns: a column is one reduction lane of one token (packing 3) or
// of a token pair (packing 4), TILE_ROWS units tall. DSP groups (3 rows × 1 token, or 2 rows × 2 tokens, per
// DSP48E2) fill the columns lane by lane from the first; the first DSP_UNITS units are DSP, the rest (including the
// TILE_ROWS mod 3 or mod 2 rows a column cannot pack) are LUT units.
#ifndef QUASAR_GEMM_ARRAY_H
#define QUASAR_GEMM_ARRAY_H

#include <type_traits>

#include "engine_shape.h"
#include "pe.h"

namespace quasar {
namespace gemm_detail {

// The partial sums of one array cycle: PT tokens × TN nibble rows.
template <class Config>
struct array_sums {
    typename engine_shape<Config>::psum_t v[engine_shape<Config>::PT][engine_shape<Config>::TN];
};

// Decodes a chunk's words (nibble (slot s, lane l) at nibble s·TK + l, docs/kernel-layout.md §3) into the operands
// the array holds for the block: every nibble as a 5-bit operand (a LOW slot's unsigned, every other kind signed;
// EMPTY slots hold zeros), and the DSP A-port words packed from them.
template <class Config>
void decode_weights(const word_t chunk[engine_shape<Config>::CW], const int kind[engine_shape<Config>::TN],
                    nibble_operand_t lut[engine_shape<Config>::TK][engine_shape<Config>::TN],
                    dsp_a_t dsp[engine_shape<Config>::COLUMNS][engine_shape<Config>::GROUP_SLOTS]) {
#pragma HLS INLINE
    typedef engine_shape<Config> S;
DECODE_ROWS:
    for (int r = 0; r < S::TN; ++r) {
    DECODE_LANES:
        for (int l = 0; l < S::TK; ++l) {
            const int n = r * S::TK + l;
            const nibble_t bits = nibble_t(word_field(chunk[n / WORD_NIBBLES], NIBBLE_BITS * (n % WORD_NIBBLES),
                                                      NIBBLE_BITS));
            lut[l][r] = nibble_operand(bits, kind[r] == SLOT_LOW);
        }
    }
PACK_COLUMNS:
    for (int column = 0; column < S::COLUMNS; ++column) {
        const int l = column / S::TOKEN_COLUMNS;
    PACK_GROUPS:
        for (int g = 0; g < S::GROUP_SLOTS; ++g) {
            if (g < S::dsp_groups_in_column(column)) {
                const int r = g * S::ROWS_PER_DSP;
                dsp[column][g] = S::PF4 ? pf4_pack_weights(lut[l][r], lut[l][r + 1])
                                        : pf3_pack_weights(lut[l][r], lut[l][r + 1], lut[l][r + (S::ROWS_PER_DSP - 1)]);
            }
        }
    }
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

// One cycle of the array: tokens t0 .. t0 + PT - 1 against the block's weights, summed over the TK lanes (the adder
// tree) into `sums`.
template <class Config>
inline void pe_array_cycle(const activation_t x_buf[engine_shape<Config>::TM][engine_shape<Config>::X_COLUMNS], int k0,
                           int t0, const nibble_operand_t lut[engine_shape<Config>::TK][engine_shape<Config>::TN],
                           const dsp_a_t dsp[engine_shape<Config>::COLUMNS][engine_shape<Config>::GROUP_SLOTS],
                           array_sums<Config>& sums) {
#pragma HLS INLINE
    typedef engine_shape<Config> S;
CLEAR:
    for (int p = 0; p < S::PT; ++p)
        for (int r = 0; r < S::TN; ++r) sums.v[p][r] = 0;
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
                                                                  dsp[column], groups, sums.v + t);
            const int first_lut_row = groups * S::ROWS_PER_DSP;
        LUT_ROWS:
            for (int r = 0; r < S::TN; ++r) {
                if (r >= first_lut_row) {
                    for (int c = 0; c < S::COLUMN_TOKENS; ++c)
                        sums.v[t + c][r] += pe_multiply(x[c], lut[kk][r]);
                }
            }
        }
    }
}

} // namespace gemm_detail
} // namespace quasar

#endif // QUASAR_GEMM_ARRAY_H
