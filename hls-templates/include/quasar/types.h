// The engine's integer types: Vitis' ap_int.h where the compiler finds it (Vitis csim and synthesis), else the
// project's own subset (ap_compat.h) for plain g++ builds; likewise hls_stream.h or stream_compat.h. Either way the
// engine code is the same.
#ifndef QUASAR_TYPES_H
#define QUASAR_TYPES_H

#if defined(__has_include)
#if __has_include(<ap_int.h>)
#include <ap_int.h>
#define QUASAR_VITIS_AP_INT 1
#endif
#endif
#ifndef QUASAR_VITIS_AP_INT
#include "ap_compat.h"
#endif

#if defined(__has_include)
#if __has_include(<hls_stream.h>)
#include <hls_stream.h>
#define QUASAR_VITIS_HLS_STREAM 1
#endif
#endif
#ifndef QUASAR_VITIS_HLS_STREAM
#include "stream_compat.h"
#endif

namespace quasar {

// Bit widths of the numerics contract (docs/numerics.md §1-4).
constexpr int ACTIVATION_BITS = 6;     // every GEMM's left operand, [-32, 31]
constexpr int NIBBLE_BITS = 4;         // one weight nibble as stored
constexpr int NIBBLE_OPERAND_BITS = 5; // a nibble as multiplied: signed [-8, 7] or unsigned [0, 15]
constexpr int PRODUCT_BITS = 10;       // activation x nibble operand: [-480, 465]
constexpr int ACCUMULATOR_BITS = 32;   // acc, acc + bias (docs/numerics.md §3)
constexpr int BYTE_BITS = 8;           // interface arrays are bytes
constexpr int SHIFT_BITS = 6;          // output-stage shift S in [1, 62]

// Bits of an unsigned count: ceil(log2(v)) for v >= 1 (the accumulator widths of docs/numerics.md §3).
constexpr int clog2(int v) {
    return v <= 1 ? 0 : 1 + clog2((v + 1) / 2);
}

typedef ap_int<ACTIVATION_BITS> activation_t;
typedef ap_int<NIBBLE_OPERAND_BITS> nibble_operand_t;
typedef ap_int<PRODUCT_BITS> product_t;
// A row's sum plus its bias: int32 with wrap-around, as docs/numerics.md §4 defines the output stage's input (the
// sums themselves are narrower, engine_shape); the bias table's entries are int32 too.
typedef ap_int<ACCUMULATOR_BITS> bias_sum_t;
typedef ap_int<BYTE_BITS> byte_t;
typedef ap_uint<BYTE_BITS> ubyte_t;
typedef ap_uint<SHIFT_BITS> shift_t;

} // namespace quasar

#endif // QUASAR_TYPES_H
