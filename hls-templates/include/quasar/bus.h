// The 128-bit bus word of every m_axi port (docs/kernel-layout.md): byte b is bits [8b+7 : 8b], nibble i bits
// [4i+3 : 4i]. Fields are read and written through word_field/set_word_field so that the engine is the same code with
// Vitis' ap_uint<128> (range selects) and with ap_compat.h's two-limb stand-in. No field crosses a 64-bit boundary
// (bytes, nibbles, 2-bit kinds, 16- and 32-bit values at aligned offsets), which the stand-in relies on.
#ifndef QUASAR_BUS_H
#define QUASAR_BUS_H

#include <stdint.h>

#include "types.h"

namespace quasar {

constexpr int WORD_BITS = 128;
constexpr int WORD_BYTES = WORD_BITS / 8;
constexpr int WORD_NIBBLES = WORD_BITS / 4;

typedef ap_uint<WORD_BITS> word_t;

// Bits [lo + width - 1 : lo] of a word, zero-extended (width <= 32).
inline uint32_t word_field(const word_t& word, int lo, int width) {
#pragma HLS INLINE
#ifdef QUASAR_VITIS_AP_INT
    return static_cast<uint32_t>(word.range(lo + width - 1, lo).to_uint64());
#else
    return static_cast<uint32_t>(word.field(lo, width));
#endif
}

inline void set_word_field(word_t& word, int lo, int width, uint32_t value) {
#pragma HLS INLINE
#ifdef QUASAR_VITIS_AP_INT
    word.range(lo + width - 1, lo) = value;
#else
    word.set_field(lo, width, value);
#endif
}

} // namespace quasar

#endif // QUASAR_BUS_H
