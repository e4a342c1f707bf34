// Test stand-in for hls-templates/include/quasar/testbench.h: reads QGV2 (docs/kernel-layout.md §5) as written from
// the contract, runs every call through the kernel with guard words after the output, compares, and prints
// PASS <calls> or the first MISMATCH.
#ifndef QUASAR_STUB_TESTBENCH_H
#define QUASAR_STUB_TESTBENCH_H
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "quasar/gemm_engine.h"

typedef void (*KernelFn)(const ap_uint<128>*, const ap_uint<128>*, const ap_uint<128>*, ap_uint<128>*, ap_uint<128>*,
                         int, int, int, int, int, int, int, int, int, int*);

namespace quasar_stub {
typedef std::vector<ap_uint<128>> Words;
struct Reader {
    std::vector<unsigned char> data;
    std::size_t at = 0;
    std::uint32_t u32() { std::uint32_t v = 0; for (int i = 0; i < 4; ++i) v |= std::uint32_t(data.at(at++)) << (8 * i); return v; }
    std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
    std::string str() { std::size_t n = data.at(at) | (data.at(at + 1) << 8); at += 2; std::string s(data.begin() + at, data.begin() + at + n); at += n; return s; }
    Words words() {
        Words v(u32());
        for (auto& w : v) for (auto& b : w.b) b = data.at(at++);
        return v;
    }
};
struct Op {
    std::string name, output;
    int scalars[9];
    Words w, rows;
};
}  // namespace quasar_stub

inline int quasar_testbench_main(int argc, char** argv, KernelFn kernel, const quasar::array_depths&,
                                 const quasar::layout_geometry& geometry) {
    using namespace quasar_stub;
    long total = 0;
    for (int f = 1; f < argc; ++f) {
        std::ifstream file(argv[f], std::ios::binary);
        Reader in;
        in.data.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
        if (in.data.size() < 4 || std::memcmp(in.data.data(), "QGV2", 4) != 0) { std::printf("not QGV2: %s\n", argv[f]); return 1; }
        in.at = 4;
        if (in.u32() != 2) return 1;
        in.at += 12; // geometry
        std::vector<Op> ops(in.u32());
        for (Op& op : ops) {
            op.name = in.str();
            op.output = in.str();
            in.at += 1;
            for (int& s : op.scalars) s = in.i32();
            op.w = in.words();
            op.rows = in.words();
        }
        std::uint32_t calls = in.u32();
        for (std::uint32_t c = 0; c < calls; ++c) {
            const Op& op = ops.at(in.u32());
            std::uint32_t image = in.u32();
            Words a = in.words(), w = in.words(), expected = in.words();
            const Words& ww = w.empty() ? op.w : w;
            Words out0(expected.size() + 4), out1(expected.size() + 4);
            for (auto& word : out0) std::memset(word.b, 0xA5, 16);
            for (auto& word : out1) std::memset(word.b, 0xA5, 16);
            const int* s = op.scalars;
            int status = -1;
            kernel(a.data(), ww.data(), op.rows.data(), out0.data(), out1.data(), s[0], s[1], s[2], s[3], s[4], s[5], s[6],
                   s[7], s[8], &status);
            // The ports back into the stream: per (batch, token tile, row tile), even tokens from out0, odd from out1.
            const int tm = geometry.tile_tokens, tn = geometry.tile_rows;
            const int ow = (tn * s[5] + 15) / 16, rt = (s[2] + tn - 1) / tn; // the groups of TN rows write
            Words out;
            std::size_t taken[2] = {0, 0};
            for (int h = 0; h < s[0]; ++h)
                for (int t0 = 0; t0 < s[1]; t0 += tm)
                    for (int j = 0; j < rt; ++j)
                        for (int t = 0; t < (s[1] - t0 < tm ? s[1] - t0 : tm); ++t)
                            for (int x = 0; x < ow; ++x) out.push_back((t % 2 == 0 ? out0 : out1)[taken[t % 2]++]);
            for (int p = 0; p < 2; ++p)
                for (std::size_t i = taken[p]; i < out0.size(); ++i)
                    out.push_back((p == 0 ? out0 : out1)[i]); // past the port's words: must still be 0xA5
            if (status != 0) { std::printf("STATUS layer=%s status=%d\n", op.name.c_str(), status); return 1; }
            for (std::size_t i = 0; i < 16 * out.size(); ++i) {
                const int want = i < 16 * expected.size() ? expected[i / 16].b[i % 16] : 0xA5;
                const int got = out[i / 16].b[i % 16];
                if (got != want) {
                    std::printf("MISMATCH layer=%s tensor=%s image=%u index=%zu expected=%d got=%d\n", op.name.c_str(),
                                op.output.c_str(), image, i, want, got);
                    return 1;
                }
            }
            ++total;
        }
    }
    std::printf("PASS %ld\n", total);
    return 0;
}
#endif
