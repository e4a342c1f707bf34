// Several 4-bit atomic units in one DSP48E2 multiplier (27 x 18 bits signed, product 45 bits of the 48-bit P).
// Operands: activations x are 6-bit signed [-32, 31]; nibble operands w are 5-bit, [-8, 7] or [0, 15]
// (pe.h). Every product x·w lies in [-480, 465], so it fits a 10-bit signed field exactly, with no guard bit.
//
// Packing factor 3 (three nibble rows share one activation, one token):
//   A (27-bit port) = w0 + w1·2^10 + w2·2^20          |A| < 2^24: fits
//   B (18-bit port) = x
//   P = x·w0 + x·w1·2^10 + x·w2·2^20                  fields [0,10) [10,20) [20,45): 10, 10 and 25 bits
//
// Packing factor 4 (two nibble rows meet two activations, two tokens):
//   A (27-bit port) = w0 + w1·2^21                    w1·2^21 ∈ [-2^24, 15·2^21]: fits, 1 bit spare
//   B (18-bit port) = x0 + x1·2^11                    x1·2^11 ∈ [-2^16, 31·2^11]: fits, 1 bit spare
//   P = x0·w0 + x1·w0·2^11 + x0·w1·2^21 + x1·w1·2^32  fields [0,11) [11,21) [21,32) [32,45): 11, 10, 11, 13 bits
// The fields of 11 bits carry one guard bit, the 10-bit one none. The activations go on the 18-bit port because
// x0 + x1·2^21 needs 28 bits when x1 = -32 and x0 < 0: it would wrap on the 27-bit pre-adder output.
//
// Recovery (the borrow correction): a negative field borrows one from the field above it, so each field is read
// as the sign-extended low bits of what remains, and that field is subtracted before shifting down to the next:
//   f = (signed) rest[w-1:0];  rest = (rest - f) >> w  =  rest[..:w] + rest[w-1]
// written as the slice plus the field's sign bit (take_field). Checked exhaustively by tests/cpp/packing_test.cpp.
#ifndef QUASAR_DSP_PACKING_H
#define QUASAR_DSP_PACKING_H

#include "types.h"

namespace quasar {

constexpr int DSP_A_BITS = 27; // multiplier input behind the pre-adder
constexpr int DSP_B_BITS = 18;
constexpr int DSP_P_BITS = DSP_A_BITS + DSP_B_BITS;

typedef ap_int<DSP_A_BITS> dsp_a_t;
typedef ap_int<DSP_B_BITS> dsp_b_t;
typedef ap_int<DSP_P_BITS> dsp_p_t;

// Packing factor 3: field offsets of w1 and w2.
constexpr int PF3_FIELD_BITS = 10;
constexpr int PF3_ROWS = 3;
// Packing factor 4: offsets of the second weight (A) and the second activation (B); P fields are 11, 10, 11 bits.
constexpr int PF4_WEIGHT_SHIFT = 21;
constexpr int PF4_ACTIVATION_SHIFT = 11;
constexpr int PF4_FIELD0_BITS = PF4_ACTIVATION_SHIFT;                    // x0·w0 in [0, 11)
constexpr int PF4_FIELD1_BITS = PF4_WEIGHT_SHIFT - PF4_ACTIVATION_SHIFT; // x1·w0 in [11, 21)
constexpr int PF4_FIELD2_BITS = PF4_ACTIVATION_SHIFT;                    // x0·w1 in [21, 32)
constexpr int PF4_ROWS = 2;
constexpr int PF4_TOKENS = 2;

// The DSP48E2 multiply.
inline dsp_p_t dsp_multiply(dsp_a_t a, dsp_b_t b) {
#pragma HLS INLINE
    dsp_p_t p = a * b;
#pragma HLS BIND_OP variable = p op = mul impl = dsp
    return p;
}

// The low field of `rest`, sign-extended, and `rest` advanced past it with the borrow corrected.
// As bit slices (no wide subtract): field = rest[W-1:0] sign-extended; rest - field = (rest >> W) << W plus 2^W when
// the field is negative, so the remainder is rest[..:W] + rest[W-1], an increment instead of a 45-bit subtraction.
template <int FIELD_BITS>
inline product_t take_field(dsp_p_t& rest) {
#pragma HLS INLINE
    const ap_int<FIELD_BITS> field = rest;    // rest(FIELD_BITS - 1, 0), sign-extended below
    const bool borrow = rest[FIELD_BITS - 1]; // the field is negative
    const ap_int<DSP_P_BITS - FIELD_BITS> high = rest >> FIELD_BITS;
    rest = high + borrow;
    return product_t(field);
}

// ---- Packing factor 3 ------------------------------------------------------------------------------------------

// The A-port word of three nibble operands; weight-stationary, so built once per weight tile.
inline dsp_a_t pf3_pack_weights(nibble_operand_t w0, nibble_operand_t w1, nibble_operand_t w2) {
#pragma HLS INLINE
    return dsp_a_t(w0 + (dsp_a_t(w1) << PF3_FIELD_BITS) + (dsp_a_t(w2) << (2 * PF3_FIELD_BITS)));
}

// x·w0, x·w1, x·w2 from one multiply.
inline void pf3_multiply(dsp_a_t packed_weights, activation_t x, product_t& p0, product_t& p1, product_t& p2) {
#pragma HLS INLINE
    dsp_p_t rest = dsp_multiply(packed_weights, dsp_b_t(x));
    p0 = take_field<PF3_FIELD_BITS>(rest);
    p1 = take_field<PF3_FIELD_BITS>(rest);
    p2 = product_t(rest);
}

// ---- Packing factor 4 ------------------------------------------------------------------------------------------

// The A-port word of two nibble operands; weight-stationary, so built once per weight tile.
inline dsp_a_t pf4_pack_weights(nibble_operand_t w0, nibble_operand_t w1) {
#pragma HLS INLINE
    return dsp_a_t(w0 + (dsp_a_t(w1) << PF4_WEIGHT_SHIFT));
}

// The B-port word of two activations (two tokens); built once a cycle and shared by a column of DSPs.
inline dsp_b_t pf4_pack_activations(activation_t x0, activation_t x1) {
#pragma HLS INLINE
    return dsp_b_t(x0 + (dsp_b_t(x1) << PF4_ACTIVATION_SHIFT));
}

// x0·w0, x1·w0, x0·w1, x1·w1 from one multiply.
inline void pf4_multiply(dsp_a_t packed_weights, dsp_b_t packed_activations, product_t& x0w0, product_t& x1w0,
                         product_t& x0w1, product_t& x1w1) {
#pragma HLS INLINE
    dsp_p_t rest = dsp_multiply(packed_weights, packed_activations);
    x0w0 = take_field<PF4_FIELD0_BITS>(rest);
    x1w0 = take_field<PF4_FIELD1_BITS>(rest);
    x0w1 = take_field<PF4_FIELD2_BITS>(rest);
    x1w1 = product_t(rest);
}

} // namespace quasar

#endif // QUASAR_DSP_PACKING_H
