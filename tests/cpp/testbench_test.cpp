// testbench.h end to end, driven by TestbenchTests.cs. One program, three roles:
//   testbench_test write <dir>       writes golden files (QGV2, laid out by word_layout.h, expected outputs from the
//                                    reference of gemm_reference.h): <dir>/model.qgv (3 ops × 2 images) and
//                                    <dir>/status.qgv (a call the engine refuses); prints "FLIP offset=<o> ..." for one
//                                    element whose expected bytes the C# test corrupts
//   testbench_test <files>           the generated testbench: quasar_testbench_main with a kernel like the top
//   testbench_test --sloppy <files>  the same with a kernel that also writes the word before its second output port
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "gemm_reference.h"
#include "quasar/gemm_engine.h"
#include "quasar/testbench.h"
#include "word_layout.h"

namespace {

struct tb_engine {
    static constexpr int PACKING = 4, DSP_UNITS = 12, LUT_UNITS = 12, TILE_TOKENS = 4, TILE_ROWS = 3,
                         TILE_REDUCTION = 4, TOKENS_PER_CYCLE = 2, MAX_REDUCTION = 16, MAX_ROWS = 16, TRIP_BATCHES = 4,
                         TRIP_TOKENS = 24;
};

const layout::geometry kGeometry = {tb_engine::TILE_TOKENS, tb_engine::TILE_ROWS, tb_engine::TILE_REDUCTION};
const quasar::layout_geometry kTestbenchGeometry = {tb_engine::TILE_TOKENS, tb_engine::TILE_ROWS,
                                                    tb_engine::TILE_REDUCTION};

} // namespace

// What the generated src/quasar_gemm.cpp holds.
extern "C" void quasar_gemm(const quasar::word_t* a, const quasar::word_t* w, const quasar::word_t* rows,
                            quasar::word_t* out0, quasar::word_t* out1, int batches, int m, int n, int k,
                            int nibble_rows, int out_bytes, int out_min, int out_max, int flags, int* status) {
    *status = quasar::run_gemm<tb_engine>(a, w, rows, out0, out1, batches, m, n, k, nibble_rows, out_bytes, out_min,
                                          out_max, flags);
}

namespace {

void sloppy_gemm(const quasar::word_t* a, const quasar::word_t* w, const quasar::word_t* rows, quasar::word_t* out0,
                 quasar::word_t* out1, int batches, int m, int n, int k, int nibble_rows, int out_bytes, int out_min,
                 int out_max, int flags, int* status) {
    quasar_gemm(a, w, rows, out0, out1, batches, m, n, k, nibble_rows, out_bytes, out_min, out_max, flags, status);
    quasar::set_word_field(out1[-1], 0, 8, quasar::word_field(out1[-1], 0, 8) + 1);
}

// ---- Writing golden files ------------------------------------------------------------------------------------

class writer {
  public:
    void u8(uint32_t v) { bytes_.push_back(uint8_t(v)); }
    void u16(uint32_t v) {
        for (int i = 0; i < 2; ++i) u8(v >> (8 * i));
    }
    void u32(uint32_t v) {
        for (int i = 0; i < 4; ++i) u8(v >> (8 * i));
    }
    void i32(int32_t v) { u32(uint32_t(v)); }
    void text(const std::string& s) {
        u16(uint32_t(s.size()));
        bytes_.insert(bytes_.end(), s.begin(), s.end());
    }
    template <class T>
    void blob(const std::vector<T>& v) {
        u32(uint32_t(v.size()));
        for (T x : v) u8(uint32_t(uint8_t(x)));
    }
    size_t size() const { return bytes_.size(); }
    bool save(const std::string& path) const {
        std::FILE* f = std::fopen(path.c_str(), "wb");
        if (f == nullptr) return false;
        const bool ok = std::fwrite(bytes_.data(), 1, bytes_.size(), f) == bytes_.size();
        return std::fclose(f) == 0 && ok;
    }

  private:
    std::vector<uint8_t> bytes_;
};

struct op_spec {
    std::string name, tensor;
    int kind;
    reference::call call;
    reference::call_data data; // b (linear only) and the row tables
};

void words(writer& w, const std::vector<quasar::word_t>& v) {
    w.u32(uint32_t(v.size()));
    for (const quasar::word_t& word : v)
        for (int b = 0; b < 16; ++b) w.u8(quasar::word_field(word, 8 * b, 8));
}

void write_op(writer& w, const op_spec& op, const layout::words& wl) {
    const reference::call& c = op.call;
    w.text(op.name);
    w.text(op.tensor);
    w.u8(uint32_t(op.kind));
    const int scalars[quasar::testbench::CALL_SCALARS] = {c.batches,     c.m,       c.n,       c.k,    wl.nibble_rows,
                                                          c.out_bytes,   c.out_min, c.out_max, c.flags};
    for (int s : scalars) w.i32(s);
    words(w, op.kind == 0 ? wl.w : std::vector<quasar::word_t>());
    words(w, wl.rows);
}

uint32_t state = 2024;
int random_between(int lo, int hi) {
    state = state * 1664525u + 1013904223u;
    return lo + int((state >> 8) % uint32_t(hi - lo + 1));
}

std::vector<int8_t> random_bytes(size_t count, int lo, int hi) {
    std::vector<int8_t> v(count);
    for (auto& x : v) x = int8_t(random_between(lo, hi));
    return v;
}

// A ViT block's three kinds of kernel op at toy size: 5 tokens, 2 heads of dimension 4 (D = 8).
std::vector<op_spec> model_ops() {
    constexpr int T = 5, H = 2, d = 4, D = H * d, F = 7;
    std::vector<op_spec> ops(3);
    op_spec& fc1 = ops[0];
    fc1.name = "blocks.0.mlp.fc1";
    fc1.tensor = "blocks.0.mlp.fc1.out";
    fc1.kind = 0;
    fc1.call = {1, T, F, D, T * D, D, 0, D, 1, T * F, F, 2, -32768, 32767, 0};
    fc1.data.row_is8 = {1, 0, 0, 1, 1, 0, 1}; // 8-bit rows at both ends of nibble tiles of 3
    fc1.data.b.resize(size_t(F * D));
    for (int r = 0; r < F; ++r)
        for (int j = 0; j < D; ++j)
            fc1.data.b[size_t(r * D + j)] =
                int8_t(fc1.data.row_is8[size_t(r)] ? random_between(-128, 127) : random_between(-8, 7));
    for (int r = 0; r < F; ++r) {
        fc1.data.bias.push_back(random_between(-5000, 5000));
        fc1.data.multiplier.push_back(random_between(1 << 30, 0x7FFFFFFF));
        fc1.data.shift.push_back(uint8_t(random_between(33, 38)));
    }
    op_spec& scores = ops[1];
    scores.name = "blocks.0.attn.scores";
    scores.tensor = "blocks.0.attn.scores.out";
    scores.kind = 1;
    scores.call = {H, T, T, d, d, D, d, D, 1, T * T, T, 2, -32768, 32767, quasar::PER_TENSOR | quasar::ALL_8BIT};
    scores.data.bias = {0};
    scores.data.multiplier = {1518500250};
    scores.data.shift = {36};
    op_spec& context = ops[2];
    context.name = "blocks.0.attn.context";
    context.tensor = "blocks.0.attn.context.out";
    context.kind = 2;
    // V laid out per head as the host does (KernelOperandLayout): B(h, r, j) at h·d·T + r·T + j, unit column stride.
    context.call = {H, T, d, T, T * T, T, d * T, T, 1, d, D, 1, -32, 31, quasar::PER_TENSOR | quasar::ALL_8BIT};
    context.data.bias = {0};
    context.data.multiplier = {-1300000000};
    context.data.shift = {38};
    return ops;
}

size_t elements(int batches, int bs, int rows, int rs, int cols, int cs) {
    return size_t((batches - 1) * bs + (rows - 1) * rs + (cols - 1) * cs + 1);
}

// Per image, each op's data with fresh A (and B for attention); the ops' own words come from image 0's layout.
std::vector<reference::call_data> image_data(const std::vector<op_spec>& ops) {
    std::vector<reference::call_data> data;
    for (const op_spec& op : ops) {
        const reference::call& c = op.call;
        reference::call_data d = op.data;
        d.a = random_bytes(elements(c.batches, c.a_batch_stride, c.m, c.a_row_stride, c.k, 1), -32, 31);
        if (op.kind != 0)
            d.b = random_bytes(elements(c.batches, c.b_batch_stride, c.n, c.b_row_stride, c.k, c.b_col_stride), -128,
                               127);
        if (d.row_is8.empty()) d.row_is8.assign(1, 1);
        data.push_back(d);
    }
    return data;
}

// The expected output words of a call: the reference's logical outputs placed where the layout puts them.
std::vector<quasar::word_t> expected_words(const reference::call& c, const reference::call_data& d,
                                           const layout::words& wl) {
    std::vector<uint8_t> logical(elements(c.batches, c.out_batch_stride, c.m, c.out_row_stride, c.n, 1) *
                                 size_t(c.out_bytes));
    std::vector<quasar::word_t> out(size_t(wl.out_words), quasar::word_t(0));
    if (c.out_bytes != 1 && c.out_bytes != 2) return out;
    reference::compute(c, d, logical, 0);
    for (int h = 0; h < c.batches; ++h)
        for (int t = 0; t < c.m; ++t)
            for (int r = 0; r < c.n; ++r) {
                const long long at = layout::output_byte(c, wl, kGeometry, h, t, r);
                const size_t e = size_t(h * c.out_batch_stride + t * c.out_row_stride + r) * size_t(c.out_bytes);
                for (int b = 0; b < c.out_bytes; ++b) layout::set_byte(out, at + b, logical[e + size_t(b)]);
            }
    return out;
}

// Writes the ops and, per image, one call of each; returns the file offset of every call's expected words.
std::vector<size_t> write_file(writer& w, const std::vector<op_spec>& ops, int images) {
    w.u8('Q'), w.u8('G'), w.u8('V'), w.u8('2');
    w.u32(quasar::testbench::GOLDEN_VERSION);
    w.i32(kGeometry.tm), w.i32(kGeometry.tn), w.i32(kGeometry.tk);
    std::vector<std::vector<reference::call_data>> data;
    for (int image = 0; image < images; ++image) data.push_back(image_data(ops));
    w.u32(uint32_t(ops.size()));
    for (size_t o = 0; o < ops.size(); ++o) write_op(w, ops[o], layout::lay_out(ops[o].call, data[0][o], kGeometry));
    w.u32(uint32_t(ops.size()) * uint32_t(images));
    std::vector<size_t> expected_offsets;
    for (int image = 0; image < images; ++image)
        for (size_t o = 0; o < ops.size(); ++o) {
            const reference::call& c = ops[o].call;
            const layout::words wl = layout::lay_out(c, data[size_t(image)][o], kGeometry);
            w.u32(uint32_t(o));
            w.u32(uint32_t(image));
            words(w, wl.a);
            words(w, ops[o].kind == 0 ? std::vector<quasar::word_t>() : wl.w);
            const std::vector<quasar::word_t> expected = expected_words(c, data[size_t(image)][o], wl);
            expected_offsets.push_back(w.size() + 4);
            words(w, expected);
        }
    return expected_offsets;
}

int write_golden(const std::string& dir) {
    const std::vector<op_spec> ops = model_ops();
    writer model;
    const std::vector<size_t> offsets = write_file(model, ops, 2);
    // The element to corrupt: image 1, the scores op (call 4), head 1, query 2, key 3; int16, low byte.
    const size_t call = 4;
    const int h = 1, t = 2, r = 3;
    const reference::call& sc = ops[1].call;
    reference::call_data d = ops[1].data; // where an output lies depends on the slots, not on the values
    d.row_is8.assign(1, 1);
    d.a.assign(elements(sc.batches, sc.a_batch_stride, sc.m, sc.a_row_stride, sc.k, 1), 0);
    d.b.assign(elements(sc.batches, sc.b_batch_stride, sc.n, sc.b_row_stride, sc.k, sc.b_col_stride), 0);
    const layout::words wl = layout::lay_out(ops[1].call, d, kGeometry);
    std::printf("FLIP offset=%zu layer=%s tensor=%s image=1 index=%d,%d,%d\n",
                offsets[call] + size_t(layout::output_byte(ops[1].call, wl, kGeometry, h, t, r)), ops[1].name.c_str(),
                ops[1].tensor.c_str(), h, t, r);

    std::vector<op_spec> refused(1, ops[0]);
    refused[0].call.k = tb_engine::MAX_REDUCTION + 1; // A and B sized for it, but the engine cannot take it
    refused[0].call.a_row_stride = refused[0].call.k;
    refused[0].call.b_row_stride = refused[0].call.k;
    refused[0].call.a_batch_stride = refused[0].call.m * refused[0].call.k;
    refused[0].data.b = random_bytes(size_t(refused[0].call.n * refused[0].call.k), -8, 7);
    writer status;
    write_file(status, refused, 1);
    return model.save(dir + "/model.qgv") && status.save(dir + "/status.qgv") ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "write") == 0) return write_golden(argv[2]);
    if (argc >= 2 && std::strcmp(argv[1], "--sloppy") == 0)
        return quasar_testbench_main(argc - 1, argv + 1, sloppy_gemm, quasar::array_depths(), kTestbenchGeometry);
    return quasar_testbench_main(argc, argv, quasar_gemm, quasar::array_depths(), kTestbenchGeometry);
}
