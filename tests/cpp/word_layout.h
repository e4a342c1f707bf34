// The host word layout of docs/kernel-layout.md, written here from the document alone for the C++ tests (the
// product's layout is the C# KernelWordLayout; the two meet in the golden vectors and the end-to-end csim): a logical
// strided call (gemm_reference.h) as the kernel's words, and the kernel's output words back into the logical output.
#ifndef QUASAR_TESTS_WORD_LAYOUT_H
#define QUASAR_TESTS_WORD_LAYOUT_H

#include <cstdint>
#include <vector>

#include "gemm_reference.h"
#include "quasar/bus.h"
#include "quasar/gemm_interface.h"

namespace layout {

struct geometry {
    int tm, tn, tk;
};

struct slot {
    int row, kind; // kind: 0 empty, 1 row4, 2 high, 3 low
};

struct words {
    std::vector<quasar::word_t> a, w, rows;
    int nibble_rows = 0;
    long long out_words = 0;
    std::vector<std::vector<slot>> tiles; // the slots of each row tile (original rows)
    std::vector<int> first_rows;          // each tile's first_row: the kernel-order position of slot 0
};

inline int ceil_div(long long a, long long b) {
    return int((a + b - 1) / b);
}

inline void set_byte(std::vector<quasar::word_t>& w, long long byte, uint8_t v) {
    quasar::set_word_field(w[size_t(byte / 16)], int(8 * (byte % 16)), 8, v);
}
inline void set_nibble(std::vector<quasar::word_t>& w, long long nibble, uint32_t v) {
    quasar::set_word_field(w[size_t(nibble / 32)], int(4 * (nibble % 32)), 4, v & 15u);
}
inline uint8_t get_byte(const std::vector<quasar::word_t>& w, long long byte) {
    return uint8_t(quasar::word_field(w[size_t(byte / 16)], int(8 * (byte % 16)), 8));
}

inline bool completes(const std::vector<slot>& tile) {
    for (const slot& s : tile)
        if (s.kind == 1 || s.kind == 3) return true;
    return false;
}

inline words lay_out(const reference::call& c, const reference::call_data& d, const geometry& g) {
    words out;
    const bool per_tensor = (c.flags & quasar::PER_TENSOR) != 0;
    const int kw = ceil_div(c.k, 16), chunks = ceil_div(c.k, g.tk), cw = ceil_div(g.tn * g.tk, 32);
    const int hw = ceil_div(32 + 2 * g.tn, 128);
    out.a.assign(size_t(c.batches) * c.m * kw, quasar::word_t(0));
    for (int h = 0; h < c.batches; ++h)
        for (int t = 0; t < c.m; ++t)
            for (int j = 0; j < c.k; ++j)
                set_byte(out.a, ((long long)(h * c.m + t) * kw) * 16 + j,
                         uint8_t(d.a[size_t((long long)h * c.a_batch_stride + (long long)t * c.a_row_stride + j)]));

    // The kernel's row order: 8-bit rows first, then 4-bit rows, each in their order (§3).
    std::vector<int> order;
    int eight_bit = 0;
    for (int pass = 0; pass < 2; ++pass)
        for (int r = 0; r < c.n; ++r) {
            const bool is8 = (c.flags & quasar::ALL_8BIT) || d.row_is8[size_t(per_tensor ? 0 : r)] != 0;
            if (is8 == (pass == 0)) order.push_back(r);
            if (is8 && pass == 0) ++eight_bit;
        }
    const int entries = per_tensor ? 1 : c.n;
    out.rows.assign(size_t(entries), quasar::word_t(0));
    for (int p = 0; p < entries; ++p) {
        const size_t r = size_t(per_tensor ? 0 : order[size_t(p)]);
        quasar::set_word_field(out.rows[size_t(p)], 0, 32, uint32_t(per_tensor ? 0 : d.bias[r]));
        quasar::set_word_field(out.rows[size_t(p)], 32, 32, uint32_t(d.multiplier[r]));
        quasar::set_word_field(out.rows[size_t(p)], 64, 8, d.shift[r]);
    }
    out.nibble_rows = c.n + eight_bit;
    // Groups of TN positions: a group holding an 8-bit row takes a HIGH tile, then the tile that completes it.
    for (int g0 = 0; g0 < c.n; g0 += g.tn) {
        std::vector<slot> high(size_t(g.tn), slot{g0, 0}), low(size_t(g.tn), slot{g0, 0});
        for (int s = 0; s < g.tn && g0 + s < c.n; ++s) {
            const int r = order[size_t(g0 + s)];
            const bool is8 = g0 + s < eight_bit;
            high[size_t(s)] = is8 ? slot{r, 2} : slot{r, 0};
            low[size_t(s)] = slot{r, is8 ? 3 : 1};
        }
        if (g0 < eight_bit) out.tiles.push_back(high);
        out.tiles.push_back(low);
    }
    const int row_tiles = int(out.tiles.size());
    out.first_rows.clear();
    for (int g0 = 0; g0 < c.n; g0 += g.tn) {
        if (g0 < eight_bit) out.first_rows.push_back(g0);
        out.first_rows.push_back(g0);
    }
    const long long batch_words = (long long)row_tiles * (hw + (long long)chunks * cw);
    out.w.assign(size_t(c.batches * batch_words), quasar::word_t(0));
    for (int h = 0; h < c.batches; ++h)
        for (int j = 0; j < row_tiles; ++j) {
            const long long base = h * batch_words + (long long)j * (hw + (long long)chunks * cw);
            const std::vector<slot>& tile = out.tiles[size_t(j)];
            quasar::set_word_field(out.w[size_t(base)], 0, 32, uint32_t(out.first_rows[size_t(j)]));
            for (int s = 0; s < g.tn; ++s) {
                const int bit = 32 + 2 * s;
                quasar::set_word_field(out.w[size_t(base + bit / 128)], bit % 128, 2, uint32_t(tile[size_t(s)].kind));
            }
            for (int chunk = 0; chunk < chunks; ++chunk)
                for (int s = 0; s < g.tn; ++s)
                    for (int l = 0; l < g.tk; ++l) {
                        const int kk = chunk * g.tk + l;
                        const slot& sl = tile[size_t(s)];
                        if (sl.kind == 0 || kk >= c.k) continue;
                        const int8_t wv = d.b[size_t((long long)h * c.b_batch_stride + (long long)sl.row * c.b_row_stride +
                                                     (long long)kk * c.b_col_stride)];
                        const uint32_t nibble = sl.kind == 2 ? uint32_t(wv >> 4) : uint32_t(wv);
                        set_nibble(out.w, (base + hw + (long long)chunk * cw) * 32 + s * g.tk + l, nibble);
                    }
        }
    const int ow = ceil_div(g.tn * c.out_bytes, 16);
    out.out_words = (long long)c.batches * c.m * ceil_div(c.n, g.tn) * ow;
    return out;
}

// The kernel's output words into the logical output buffer (element 0 at byte `offset`, strides of the call); false
// when a hole or padding byte is not zero.
inline bool un_lay_out(const reference::call& c, const words& wl, const geometry& g,
                       const std::vector<quasar::word_t>& out_words, std::vector<uint8_t>& out, size_t offset) {
    const int ow = ceil_div(g.tn * c.out_bytes, 16);
    long long word = 0;
    bool clean = true;
    for (int h = 0; h < c.batches; ++h)
        for (int t0 = 0; t0 < c.m; t0 += g.tm) {
            const int tokens = c.m - t0 < g.tm ? c.m - t0 : g.tm;
            for (size_t j = 0; j < wl.tiles.size(); ++j)
                if (completes(wl.tiles[j]))
                for (int t = 0; t < tokens; ++t, word += ow)
                    for (int b = 0; b < ow * 16; ++b) {
                        const uint8_t v = get_byte(out_words, word * 16 + b);
                        const int s = b / c.out_bytes;
                        const bool completes = s < g.tn && (wl.tiles[j][size_t(s)].kind == 1 || wl.tiles[j][size_t(s)].kind == 3);
                        if (!completes) {
                            clean = clean && v == 0;
                            continue;
                        }
                        const long long e = (long long)h * c.out_batch_stride + (long long)(t0 + t) * c.out_row_stride +
                                            wl.tiles[j][size_t(s)].row;
                        out[offset + size_t(e * c.out_bytes + b % c.out_bytes)] = v;
                    }
        }
    return clean;
}

// The port of each word of the output stream (docs/kernel-layout.md §2): a row tile's even tokens go to out0, its odd
// ones to out1.
inline std::vector<int> ports_of(const reference::call& c, const words& wl, const geometry& g) {
    const int ow = ceil_div(g.tn * c.out_bytes, 16);
    std::vector<int> port;
    for (int h = 0; h < c.batches; ++h)
        for (int t0 = 0; t0 < c.m; t0 += g.tm)
            for (size_t j = 0; j < wl.tiles.size(); ++j)
                if (completes(wl.tiles[j]))
                for (int t = 0; t < (c.m - t0 < g.tm ? c.m - t0 : g.tm); ++t)
                    for (int w = 0; w < ow; ++w) port.push_back(t % 2);
    return port;
}

// The two ports' words merged back into the output stream.
inline std::vector<quasar::word_t> merge_ports(const std::vector<int>& port, const quasar::word_t* out0,
                                               const quasar::word_t* out1) {
    std::vector<quasar::word_t> stream;
    size_t taken[2] = {0, 0};
    for (int p : port) stream.push_back(p == 0 ? out0[taken[0]++] : out1[taken[1]++]);
    return stream;
}

// The byte of output (h, t, r) in the call's output words: its token tile, the row tile whose slot completes r, the
// token in the tile, the slot.
inline long long output_byte(const reference::call& c, const words& wl, const geometry& g, int h, int t, int r) {
    const int ow = ceil_div(g.tn * c.out_bytes, 16);
    const long long groups = ceil_div(c.n, g.tn);
    long long word = (long long)h * c.m * groups * ow + (long long)(t / g.tm) * g.tm * groups * ow;
    const int tokens = c.m - t / g.tm * g.tm < g.tm ? c.m - t / g.tm * g.tm : g.tm;
    long long group = 0;
    for (size_t j = 0; j < wl.tiles.size(); ++j) {
        if (!completes(wl.tiles[j])) continue;
        for (int s = 0; s < g.tn; ++s) {
            const slot& sl = wl.tiles[j][size_t(s)];
            if (sl.row == r && (sl.kind == 1 || sl.kind == 3))
                return (word + (group * tokens + t % g.tm) * ow) * 16 + (long long)s * c.out_bytes;
        }
        ++group;
    }
    return -1;
}

} // namespace layout

#endif // QUASAR_TESTS_WORD_LAYOUT_H
