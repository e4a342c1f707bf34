// gemm_engine.h against a naive reference written here from docs/hls-engine.md §1 and docs/numerics.md §4 (direct
// Σ x·w with whole 8-bit weights, no nibbles, no tiles; the output stage in 128-bit arithmetic), each call laid out as
// words by word_layout.h (docs/kernel-layout.md) and the output words laid back. Several engine
// configurations (packing 3 and 4; DSP-only, LUT-only and mixed arrays; tiles that divide nothing; odd nibble-row
// tiles that split 8-bit rows) × random calls (strides of every IR op shape including transposed B, batches,
// per-tensor and per-row stages, 1- and 2-byte outputs, extreme values), then the status codes.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "check.h"
#include "gemm_reference.h"
#include "quasar/gemm_engine.h"
#include "word_layout.h"

namespace {

using namespace reference;

constexpr int GUARD = 64; // bytes either side of the output

// ---- Configurations ------------------------------------------------------------------------------------------

// Packing 3, mixed: TN 5 leaves 2 rows per column to LUTs; 9 DSP units = 3 DSPs fill 3 of the 3 columns.
struct pf3_mixed {
    static constexpr int PACKING = 3, DSP_UNITS = 9, LUT_UNITS = 6, TILE_TOKENS = 4, TILE_ROWS = 5, TILE_REDUCTION = 3,
                         TOKENS_PER_CYCLE = 1, MAX_REDUCTION = 50, MAX_ROWS = 40, TRIP_BATCHES = 4, TRIP_TOKENS = 24;
};
// Packing 3, DSP-only, two tokens a cycle.
struct pf3_dsp_only {
    static constexpr int PACKING = 3, DSP_UNITS = 48, LUT_UNITS = 0, TILE_TOKENS = 6, TILE_ROWS = 6, TILE_REDUCTION = 4,
                         TOKENS_PER_CYCLE = 2, MAX_REDUCTION = 37, MAX_ROWS = 30, TRIP_BATCHES = 4, TRIP_TOKENS = 24;
};
// Packing 3, LUT-only, three tokens a cycle, odd tiles.
struct pf3_lut_only {
    static constexpr int PACKING = 3, DSP_UNITS = 0, LUT_UNITS = 105, TILE_TOKENS = 9, TILE_ROWS = 7,
                         TILE_REDUCTION = 5, TOKENS_PER_CYCLE = 3, MAX_REDUCTION = 41, MAX_ROWS = 33, TRIP_BATCHES = 4,
                         TRIP_TOKENS = 24;
};
// Packing 4, mixed: TN 3 (one row per column is LUT), 3 DSPs over 4 columns (a partial DSP region).
struct pf4_mixed {
    static constexpr int PACKING = 4, DSP_UNITS = 12, LUT_UNITS = 12, TILE_TOKENS = 6, TILE_ROWS = 3,
                         TILE_REDUCTION = 4, TOKENS_PER_CYCLE = 2, MAX_REDUCTION = 40, MAX_ROWS = 40, TRIP_BATCHES = 4,
                         TRIP_TOKENS = 24;
};
// Packing 4, DSP-only, four tokens a cycle (two token pairs per lane).
struct pf4_dsp_only {
    static constexpr int PACKING = 4, DSP_UNITS = 32, LUT_UNITS = 0, TILE_TOKENS = 8, TILE_ROWS = 4, TILE_REDUCTION = 2,
                         TOKENS_PER_CYCLE = 4, MAX_REDUCTION = 33, MAX_ROWS = 25, TRIP_BATCHES = 4, TRIP_TOKENS = 24;
};
// Packing 4 without DSPs and an odd token count a cycle (allowed: no pairs to form).
struct pf4_lut_only {
    static constexpr int PACKING = 4, DSP_UNITS = 0, LUT_UNITS = 64, TILE_TOKENS = 3, TILE_ROWS = 8, TILE_REDUCTION = 8,
                         TOKENS_PER_CYCLE = 1, MAX_REDUCTION = 64, MAX_ROWS = 48, TRIP_BATCHES = 4, TRIP_TOKENS = 24;
};
// A shape like the solver's (TN, TK multiples of 8), scaled down.
struct pf4_solver_like {
    static constexpr int PACKING = 4, DSP_UNITS = 384, LUT_UNITS = 128, TILE_TOKENS = 20, TILE_ROWS = 16,
                         TILE_REDUCTION = 16, TOKENS_PER_CYCLE = 2, MAX_REDUCTION = 200, MAX_ROWS = 120,
                         TRIP_BATCHES = 4, TRIP_TOKENS = 24;
};

// ---- Calls and the reference -----------------------------------------------------------------------------------

// ---- Random calls ----------------------------------------------------------------------------------------------

struct rng {
    uint64_t state;
    uint64_t next() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    }
    int between(int lo, int hi) { return lo + int(next() % uint64_t(hi - lo + 1)); } // inclusive
    bool chance(int percent) { return between(1, 100) <= percent; }
};

int64_t max_index(int batches, int bs, int rows, int rs, int cols, int cs) {
    return int64_t(batches - 1) * bs + int64_t(rows - 1) * rs + int64_t(cols - 1) * cs;
}

int pick_shift(rng& g, int k, int out_max) {
    if (g.chance(20)) return g.between(1, 62);
    // Scale the typical |acc| (~ sqrt(k)·300) to the output range, with M ~ 2^30.5.
    double ratio = 300.0 * __builtin_sqrt(double(k)) / out_max;
    int s = 31;
    while (ratio > 1.5) {
        ratio /= 2;
        ++s;
    }
    s += g.between(-2, 2);
    return s < 1 ? 1 : (s > 62 ? 62 : s);
}

template <class Config>
void random_call(rng& g, call& c, call_data& d) {
    c.batches = g.between(1, 3);
    c.m = g.chance(10) ? 1 : g.between(1, 2 * Config::TILE_TOKENS + 3);
    c.k = g.chance(15) ? Config::MAX_REDUCTION : g.between(1, Config::MAX_REDUCTION);
    c.flags = (g.chance(35) ? quasar::PER_TENSOR : 0) | (g.chance(30) ? quasar::ALL_8BIT : 0);
    const bool per_tensor = (c.flags & quasar::PER_TENSOR) != 0;
    const int max_n = per_tensor ? Config::MAX_ROWS + 6 : Config::MAX_ROWS; // per tensor: n is not bounded
    c.n = g.chance(15) ? max_n : g.between(1, max_n);

    // A: dense, padded, or heads interleaved in the row (attention Q).
    switch (g.between(0, 2)) {
    case 0:
        c.a_row_stride = c.k;
        c.a_batch_stride = c.m * c.k;
        break;
    case 1:
        c.a_row_stride = c.k + g.between(1, 3);
        c.a_batch_stride = c.m * c.a_row_stride + g.between(0, 5);
        break;
    default:
        c.a_batch_stride = c.k;
        c.a_row_stride = c.batches * c.k + g.between(0, 2);
        break;
    }
    // B: weights (row stride k), keys (heads interleaved), or values laid out per head as the host does
    // (KernelOperandLayout: row-contiguous, so every call reads B at unit stride).
    switch (g.between(0, 2)) {
    case 0:
        c.b_row_stride = c.k + g.between(0, 2);
        c.b_col_stride = 1;
        c.b_batch_stride = c.n * c.b_row_stride;
        break;
    case 1:
        c.b_batch_stride = c.k;
        c.b_row_stride = c.batches * c.k;
        c.b_col_stride = 1;
        break;
    default:
        c.b_row_stride = c.k;
        c.b_batch_stride = c.n * c.k + g.between(0, 2);
        c.b_col_stride = 1;
        break;
    }
    // Out: dense, padded, or heads interleaved (attention context).
    switch (g.between(0, 2)) {
    case 0:
        c.out_row_stride = c.n;
        c.out_batch_stride = c.m * c.n;
        break;
    case 1:
        c.out_row_stride = c.n + g.between(1, 4);
        c.out_batch_stride = c.m * c.out_row_stride + 3;
        break;
    default:
        c.out_batch_stride = c.n;
        c.out_row_stride = c.batches * c.n;
        break;
    }
    switch (g.between(0, 2)) {
    case 0:
        c.out_bytes = 1;
        c.out_min = -32;
        c.out_max = 31;
        break;
    case 1:
        c.out_bytes = 1;
        c.out_min = -128;
        c.out_max = 127;
        break;
    default:
        c.out_bytes = 2;
        c.out_min = -32768;
        c.out_max = 32767;
        break;
    }

    const int table = per_tensor ? 1 : c.n;
    d.row_is8.assign(size_t(table), 0);
    const int is8_percent = g.between(0, 2) * 50;
    for (auto& f : d.row_is8) f = g.chance(is8_percent) ? uint8_t(g.between(1, 255)) : 0;
    // With ALL_8BIT the table is ignored by the layout: random entries show that they do not matter.

    const int value_mode = g.between(0, 3); // 0, 1 uniform; 2 extremes only; 3 most negative only
    auto activation = [&]() {
        return value_mode == 2 ? (g.chance(50) ? -32 : 31) : value_mode == 3 ? -32 : g.between(-32, 31);
    };
    auto weight = [&](bool is8) {
        if (value_mode == 2) return is8 ? (g.chance(50) ? -128 : 127) : (g.chance(50) ? -8 : 7);
        if (value_mode == 3) return is8 ? -128 : -8;
        return is8 ? g.between(-128, 127) : g.between(-8, 7);
    };

    d.a.assign(size_t(max_index(c.batches, c.a_batch_stride, c.m, c.a_row_stride, c.k, 1) + 1), 0);
    for (auto& x : d.a) x = int8_t(activation());
    d.b.assign(size_t(max_index(c.batches, c.b_batch_stride, c.n, c.b_row_stride, c.k, c.b_col_stride) + 1), 0);
    // Fill row by row so each element gets its row's format (B may alias across heads only where strides do).
    for (int h = 0; h < c.batches; ++h)
        for (int r = 0; r < c.n; ++r) {
            const bool is8 = (c.flags & quasar::ALL_8BIT) || d.row_is8[size_t(per_tensor ? 0 : r)] != 0;
            for (int j = 0; j < c.k; ++j)
                d.b[size_t(int64_t(h) * c.b_batch_stride + int64_t(r) * c.b_row_stride + int64_t(j) * c.b_col_stride)] =
                    int8_t(weight(is8));
        }

    d.bias.assign(size_t(table), 0);
    d.multiplier.assign(size_t(table), 0);
    d.shift.assign(size_t(table), 0);
    const int bias_mode = g.between(0, 3);
    for (int r = 0; r < table; ++r) {
        d.bias[size_t(r)] = bias_mode == 0   ? 0
                            : bias_mode == 1 ? g.between(-(1 << 20), 1 << 20)
                            : bias_mode == 2 ? (g.chance(50) ? -(1 << 30) : (1 << 30))
                                             : int32_t(uint32_t(g.next()));
        const int m_mode = g.between(0, 9);
        const int32_t magnitude = int32_t((1u << 30) + uint32_t(g.next() % (1u << 30)));
        d.multiplier[size_t(r)] = m_mode == 0   ? int32_t(INT32_MIN)
                                  : m_mode == 1 ? 0
                                                : (g.chance(50) ? magnitude : -magnitude);
        d.shift[size_t(r)] = uint8_t(pick_shift(g, c.k, c.out_max));
    }
    const int64_t out_elements = max_index(c.batches, c.out_batch_stride, c.m, c.out_row_stride, c.n, 1) + 1;
    d.out.assign(size_t(out_elements * c.out_bytes + 2 * GUARD), 0);
    for (auto& byte : d.out) byte = uint8_t(g.next());
}

// ---- Running the engine ----------------------------------------------------------------------------------------

template <class Config>
void kernel(const quasar::word_t* a, const quasar::word_t* w, const quasar::word_t* rows, quasar::word_t* out0,
            quasar::word_t* out1, int batches, int m, int n, int k, int nibble_rows, int out_bytes, int out_min,
            int out_max, int flags, int* status) {
    *status = quasar::run_gemm<Config>(a, w, rows, out0, out1, batches, m, n, k, nibble_rows, out_bytes, out_min,
                                       out_max, flags);
}

template <class Config>
layout::geometry geometry_of() {
    return {Config::TILE_TOKENS, Config::TILE_ROWS, Config::TILE_REDUCTION};
}

// The kernel's two output ports, each with GUARD_WORDS guard words either side that must stay untouched.
constexpr int GUARD_WORDS = 4;

struct ports {
    std::vector<quasar::word_t> out[2];
    long long words[2] = {0, 0};
};

quasar::word_t guard_word(size_t i, int port) {
    quasar::word_t word(0);
    for (int b = 0; b < 16; b += 4) quasar::set_word_field(word, 8 * b, 32, 0xA5A5A5A5u ^ uint32_t(i) ^ uint32_t(port << 20));
    return word;
}

int run(quasar::KernelFn fn, const call& c, const layout::words& wl, const std::vector<int>& port_of, ports& out,
        int nibble_rows) {
    out.words[0] = out.words[1] = 0;
    for (int p : port_of) ++out.words[p];
    for (int p = 0; p < 2; ++p) {
        out.out[p].resize(size_t(out.words[p] + 2 * GUARD_WORDS));
        for (size_t i = 0; i < out.out[p].size(); ++i) out.out[p][i] = guard_word(i, p);
    }
    int status = -1;
    fn(wl.a.data(), wl.w.data(), wl.rows.data(), out.out[0].data() + GUARD_WORDS, out.out[1].data() + GUARD_WORDS,
       c.batches, c.m, c.n, c.k, nibble_rows, c.out_bytes, c.out_min, c.out_max, c.flags, &status);
    return status;
}

// The guards, and with `written` false (a refused call) every word, are as they were before the call.
bool guards_intact(const ports& out, bool written) {
    for (int p = 0; p < 2; ++p)
        for (size_t i = 0; i < out.out[p].size(); ++i) {
            const bool inside = i >= size_t(GUARD_WORDS) && i < size_t(GUARD_WORDS + out.words[p]);
            if (inside && written) continue;
            for (int b = 0; b < 16; b += 4)
                if (quasar::word_field(out.out[p][i], 8 * b, 32) != quasar::word_field(guard_word(i, p), 8 * b, 32))
                    return false;
        }
    return true;
}

void describe(const char* config, int index, const call& c) {
    std::printf("  config %s call %d: batches=%d m=%d n=%d k=%d a=(%d,%d) b=(%d,%d,%d) out=(%d,%d) bytes=%d "
                "range=[%d,%d] flags=%d\n",
                config, index, c.batches, c.m, c.n, c.k, c.a_batch_stride, c.a_row_stride, c.b_batch_stride,
                c.b_row_stride, c.b_col_stride, c.out_batch_stride, c.out_row_stride, c.out_bytes, c.out_min, c.out_max,
                c.flags);
}

template <class Config>
void random_calls(const char* name, uint64_t seed, int calls) {
    rng g{seed};
    long long macs = 0;
    for (int i = 0; i < calls; ++i) {
        call c;
        call_data d;
        random_call<Config>(g, c, d);
        std::vector<uint8_t> expected = d.out, got = d.out;
        compute(c, d, expected, GUARD);
        const layout::words wl = layout::lay_out(c, d, geometry_of<Config>());
        const std::vector<int> port_of = layout::ports_of(c, wl, geometry_of<Config>());
        ports out;
        const int status = run(&kernel<Config>, c, wl, port_of, out, wl.nibble_rows);
        macs += int64_t(c.batches) * c.m * c.n * c.k;
        if (!CHECK_EQ(quasar::STATUS_OK, status)) {
            describe(name, i, c);
            return;
        }
        const std::vector<quasar::word_t> call_words =
            layout::merge_ports(port_of, out.out[0].data() + GUARD_WORDS, out.out[1].data() + GUARD_WORDS);
        if (!CHECK(layout::un_lay_out(c, wl, geometry_of<Config>(), call_words, got, GUARD)) ||
            !CHECK(guards_intact(out, true))) {
            describe(name, i, c);
            std::printf("  a hole or padding byte of the output words is not zero, or a guard word changed\n");
            return;
        }
        for (size_t byte = 0; byte < got.size(); ++byte) {
            if (got[byte] != expected[byte]) {
                CHECK_EQ(int(expected[byte]), int(got[byte]));
                describe(name, i, c);
                std::printf("  first differing byte %lld of the output (guard %d bytes before it)\n",
                            (long long)byte - GUARD, GUARD);
                return;
            }
        }
    }
    std::printf("  %s: %d random calls, %lld MACs, all equal to the reference\n", name, calls, macs);
}

// ---- Status codes ----------------------------------------------------------------------------------------------

template <class Config>
void status_codes(uint64_t seed) {
    rng g{seed};
    call base;
    call_data d;
    do random_call<Config>(g, base, d);
    while (base.flags & quasar::PER_TENSOR);
    const layout::words wl = layout::lay_out(base, d, geometry_of<Config>());
    const std::vector<int> port_of = layout::ports_of(base, wl, geometry_of<Config>());
    auto expect = [&](int status, call c, int nibble_rows) {
        ports out;
        const int actual = run(&kernel<Config>, c, wl, port_of, out, nibble_rows);
        CHECK_EQ(status, actual);
        if (status != quasar::STATUS_OK) CHECK(guards_intact(out, false)); // nothing written
    };
    const int nibbles = wl.nibble_rows;
    call c = base;
    c.k = Config::MAX_REDUCTION + 1;
    expect(quasar::STATUS_REDUCTION_TOO_LONG, c, nibbles);
    c = base;
    c.n = Config::MAX_ROWS + 1;
    expect(quasar::STATUS_TOO_MANY_ROWS, c, c.n);
    c.out_bytes = 3;
    expect(quasar::STATUS_BAD_OUT_BYTES, c, c.n); // out_bytes is checked before n
    c = base;
    c.out_bytes = 0;
    expect(quasar::STATUS_BAD_OUT_BYTES, c, nibbles);
    c.k = Config::MAX_REDUCTION + 1;
    expect(quasar::STATUS_BAD_OUT_BYTES, c, nibbles); // and before k
    c.m = 0;
    expect(quasar::STATUS_NON_POSITIVE_DIMENSION, c, nibbles); // dimensions first
    const int dims[4] = {0, 1, 2, 3};
    for (int which : dims) {
        c = base;
        int* field = which == 0 ? &c.batches : which == 1 ? &c.m : which == 2 ? &c.n : &c.k;
        *field = 0;
        expect(quasar::STATUS_NON_POSITIVE_DIMENSION, c, nibbles);
        *field = -5;
        expect(quasar::STATUS_NON_POSITIVE_DIMENSION, c, nibbles);
    }
    c = base;
    c.k = Config::MAX_REDUCTION + 1;
    c.n = Config::MAX_ROWS + 1;
    expect(quasar::STATUS_REDUCTION_TOO_LONG, c, c.n); // k before n
    c = base;
    expect(quasar::STATUS_BAD_NIBBLE_ROWS, c, c.n - 1); // fewer nibble rows than rows
    expect(quasar::STATUS_BAD_NIBBLE_ROWS, c, 2 * c.n + 1); // more than two a row
    c.n = Config::MAX_ROWS + 1;
    expect(quasar::STATUS_TOO_MANY_ROWS, c, 0); // the nibble rows last
}

template <class Config>
void exercise(const char* name, uint64_t seed, int calls) {
    random_calls<Config>(name, seed, calls);
    status_codes<Config>(seed + 1);
}

} // namespace

int main(int argc, char** argv) {
    const int calls = argc > 1 ? std::atoi(argv[1]) : 250;
    exercise<pf3_mixed>("pf3_mixed", 11, calls);
    exercise<pf3_dsp_only>("pf3_dsp_only", 22, calls);
    exercise<pf3_lut_only>("pf3_lut_only", 33, calls);
    exercise<pf4_mixed>("pf4_mixed", 44, calls);
    exercise<pf4_dsp_only>("pf4_dsp_only", 55, calls);
    exercise<pf4_lut_only>("pf4_lut_only", 66, calls);
    exercise<pf4_solver_like>("pf4_solver_like", 77, calls);
    return check::exit_code("gemm_engine_test");
}
