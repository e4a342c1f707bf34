// What the dataflow processes of the engine pass each other (docs/hls-engine.md §3): bus words from the readers,
// a descriptor per row tile and the final sums of PT tokens from the array to the output stage, and one token's TN
// outputs from the output stage to the writer.
#ifndef QUASAR_GEMM_STREAMS_H
#define QUASAR_GEMM_STREAMS_H

#include "engine_shape.h"
#include "output_stage.h"

namespace quasar {
namespace gemm_detail {

// A row tile as its header describes it: the output row of slot 0 and the kind of every slot.
template <class Config>
struct tile_desc {
    int first_row;
    int kind[engine_shape<Config>::TN];
};

// The final nibble-row sums of PT tokens of one row tile.
template <class Config>
struct sum_block {
    typename engine_shape<Config>::nibble_acc_t v[engine_shape<Config>::PT][engine_shape<Config>::TN];
};

// One token's outputs of one row tile, one per slot (0 where the slot completes no row).
template <class Config>
struct out_block {
    ap_int<16> v[engine_shape<Config>::TN];
};

// A tile header's words decoded (docs/kernel-layout.md §3).
template <class Config>
tile_desc<Config> decode_header(const word_t header[engine_shape<Config>::HW]) {
#pragma HLS INLINE
    typedef engine_shape<Config> S;
    tile_desc<Config> desc;
    desc.first_row = static_cast<int>(word_field(header[0], 0, HEADER_ROW_BITS));
HEADER_KINDS:
    for (int i = 0; i < S::TN; ++i) {
        const int bit = HEADER_ROW_BITS + SLOT_KIND_BITS * i;
        desc.kind[i] = static_cast<int>(word_field(header[bit / WORD_BITS], bit % WORD_BITS, SLOT_KIND_BITS));
    }
    return desc;
}

} // namespace gemm_detail
} // namespace quasar

#endif // QUASAR_GEMM_STREAMS_H
