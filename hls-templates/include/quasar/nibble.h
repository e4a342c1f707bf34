// An 8-bit weight row as two nibble rows (docs/numerics.md §2): h = w >> 4 (signed, [-8, 7]) and l = w & 0xF
// (unsigned, [0, 15]), w = 16·h + l. A 4-bit row is one signed nibble row. The weight buffer stores 4 bits per
// nibble and one "unsigned" flag per nibble row; the flag picks the extension to the 5-bit operand.
#ifndef QUASAR_NIBBLE_H
#define QUASAR_NIBBLE_H

#include "types.h"

namespace quasar {

typedef ap_uint<NIBBLE_BITS> nibble_t;

// What a nibble row of the weight tile is: the row's only pass, or the high or low pass of an 8-bit row.
enum nibble_kind { NIBBLE_ROW4 = 0, NIBBLE_HIGH = 1, NIBBLE_LOW = 2 };

// Nibble rows an output row takes: 2 for an 8-bit row, 1 for a 4-bit row.
constexpr int NIBBLE_ROWS_PER_8BIT_ROW = 2;

// The weight of an 8-bit row is split high then low, so the high nibble row always comes first.
constexpr int NIBBLE_SHIFT = 4;

// The stored 4 bits of weight byte w for a nibble row of the given kind (4-bit rows keep their low 4 bits).
inline nibble_t nibble_bits(byte_t w, nibble_kind kind) {
#pragma HLS INLINE
    return kind == NIBBLE_HIGH ? nibble_t(w >> NIBBLE_SHIFT) : nibble_t(w);
}

// The multiplier operand of a stored nibble: sign-extended, or zero-extended for a low nibble.
inline nibble_operand_t nibble_operand(nibble_t bits, bool is_unsigned) {
#pragma HLS INLINE
    return is_unsigned ? nibble_operand_t(bits) : nibble_operand_t(ap_int<NIBBLE_BITS>(bits));
}

// The row's sum from its two passes: (sum_h << 4) + sum_l, in `Joined`, wide enough that nothing wraps (engine_shape).
template <class Joined, class Sum>
inline Joined join_nibble_accumulators(Sum high, Sum low) {
#pragma HLS INLINE
    return Joined((Joined(high) << NIBBLE_SHIFT) + low);
}

} // namespace quasar

#endif // QUASAR_NIBBLE_H
