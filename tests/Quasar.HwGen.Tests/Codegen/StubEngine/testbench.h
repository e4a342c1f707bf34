// Test stand-in for hls-templates/include/quasar/testbench.h: reads QGV1 (docs/hls-engine.md §4) as written from
// the contract, runs every call through the kernel with a guard region after the output, compares, and prints
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

typedef void (*KernelFn)(const ap_int<8>*, const ap_int<8>*, const ap_uint<8>*, const ap_int<32>*, const ap_int<32>*,
                         const ap_uint<8>*, ap_int<8>*, int, int, int, int, int, int, int, int, int, int, int, int, int,
                         int, int, int*);

namespace quasar_stub {
struct Reader {
    std::vector<unsigned char> data;
    std::size_t at = 0;
    std::uint32_t u32() { std::uint32_t v = 0; for (int i = 0; i < 4; ++i) v |= std::uint32_t(data.at(at++)) << (8 * i); return v; }
    std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
    std::string str() { std::size_t n = data.at(at) | (data.at(at + 1) << 8); at += 2; std::string s(data.begin() + at, data.begin() + at + n); at += n; return s; }
    std::vector<unsigned char> bytes(std::size_t n) { std::vector<unsigned char> v(data.begin() + at, data.begin() + at + n); at += n; return v; }
    std::vector<unsigned char> blob() { return bytes(u32()); }
};
struct Op {
    std::string name, output;
    int scalars[15];
    std::vector<unsigned char> b, row_is8, shift;
    std::vector<std::int32_t> bias, multiplier;
};
}  // namespace quasar_stub

inline int quasar_testbench_main(int argc, char** argv, KernelFn kernel, const quasar::array_depths& = quasar::array_depths()) {
    using namespace quasar_stub;
    long total = 0;
    for (int f = 1; f < argc; ++f) {
        std::ifstream file(argv[f], std::ios::binary);
        Reader in;
        in.data.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
        if (in.data.size() < 4 || std::memcmp(in.data.data(), "QGV1", 4) != 0) { std::printf("not QGV1: %s\n", argv[f]); return 1; }
        in.at = 4;
        if (in.u32() != 1) return 1;
        std::vector<Op> ops(in.u32());
        for (Op& op : ops) {
            op.name = in.str();
            op.output = in.str();
            in.bytes(1);
            for (int& s : op.scalars) s = in.i32();
            op.b = in.blob();
            std::uint32_t rows = in.u32();
            op.row_is8 = in.bytes(rows);
            for (std::uint32_t r = 0; r < rows; ++r) op.bias.push_back(in.i32());
            for (std::uint32_t r = 0; r < rows; ++r) op.multiplier.push_back(in.i32());
            op.shift = in.bytes(rows);
        }
        std::uint32_t calls = in.u32();
        for (std::uint32_t c = 0; c < calls; ++c) {
            const Op& op = ops.at(in.u32());
            std::uint32_t image = in.u32();
            std::vector<unsigned char> a = in.blob(), b = in.blob(), expected = in.blob();
            const std::vector<unsigned char>& bb = b.empty() ? op.b : b;
            const std::size_t guard = 64;
            std::vector<unsigned char> out(expected.size() + guard, 0xA5);
            const int* s = op.scalars;
            int status = -1;
            kernel(reinterpret_cast<const ap_int<8>*>(a.data()), reinterpret_cast<const ap_int<8>*>(bb.data()),
                                op.row_is8.data(), op.bias.data(), op.multiplier.data(), op.shift.data(),
                                reinterpret_cast<ap_int<8>*>(out.data()), s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8],
                                s[9], s[10], s[11], s[12], s[13], s[14], &status);
            if (status != 0) { std::printf("STATUS layer=%s status=%d\n", op.name.c_str(), status); return 1; }
            for (std::size_t i = 0; i < out.size(); ++i) {
                int want = i < expected.size() ? expected[i] : 0xA5;
                if (out[i] != want) {
                    std::printf("MISMATCH layer=%s tensor=%s image=%u index=%zu expected=%d got=%d\n", op.name.c_str(),
                                op.output.c_str(), image, i, want, out[i]);
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
