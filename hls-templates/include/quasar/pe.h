// The 4-bit atomic unit (docs/numerics.md §2): a signed 6-bit activation times a 5-bit nibble operand, which
// holds a signed nibble [-8, 7] (4-bit rows, high nibbles of 8-bit rows) or an unsigned one [0, 15] (low nibbles).
// The product lies in [-480, 465] and fits 10 bits. This is the LUT form; the DSP form is dsp_packing.h.
#ifndef QUASAR_PE_H
#define QUASAR_PE_H

#include "types.h"

namespace quasar {

inline product_t pe_multiply(activation_t x, nibble_operand_t w) {
#pragma HLS INLINE
    // 6 x 5 bits is a small multiplier: fabric keeps the DSPs for the packed units and the output stage.
    product_t p = x * w;
#pragma HLS BIND_OP variable = p op = mul impl = fabric
    return p;
}

} // namespace quasar

#endif // QUASAR_PE_H
