// The output stage, bit for bit docs/numerics.md §4 (and OutputStage.Requantize in C#):
//   v = acc + bias (int32, wrapping)    p = (int64) v · M    y = (p + 2^(S-1)) >> S    out = clamp(y, lo, hi)
// The rounding is computed as (p >> S) + p[S-1], which equals (p + 2^(S-1)) >> S for every p and needs no
// 65-bit intermediate: with |p| ≤ 2^62 and S ≥ 1, p >> S fits 63 bits. S is read as its low 6 bits; the
// contract keeps it in [1, 62] (S = 0 here means no rounding, a defined but uncontracted result).
#ifndef QUASAR_OUTPUT_STAGE_H
#define QUASAR_OUTPUT_STAGE_H

#include "types.h"

namespace quasar {

constexpr int STAGE_PRODUCT_BITS = 2 * ACCUMULATOR_BITS; // int32 × int32
typedef ap_int<ACCUMULATOR_BITS> multiplier_t;
typedef ap_int<ACCUMULATOR_BITS> stage_out_t; // clamped to [out_min, out_max], both ints

inline stage_out_t output_stage(bias_sum_t sum, bias_sum_t bias, multiplier_t multiplier, shift_t shift, int out_min,
                                int out_max) {
#pragma HLS INLINE
    bias_sum_t v = sum + bias;
    ap_int<STAGE_PRODUCT_BITS> p = v * multiplier;
#pragma HLS BIND_OP variable = p op = mul impl = dsp
    const int s = shift.to_int();
    ap_int<STAGE_PRODUCT_BITS - 1> floor_part = p >> s;
    const bool half = s != 0 && p[s - 1];
    ap_int<STAGE_PRODUCT_BITS> y = floor_part + half;
    if (y < out_min) return stage_out_t(out_min);
    if (y > out_max) return stage_out_t(out_max);
    return stage_out_t(y);
}

} // namespace quasar

#endif // QUASAR_OUTPUT_STAGE_H
