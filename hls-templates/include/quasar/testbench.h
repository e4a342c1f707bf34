// The csim testbench (docs/hls-engine.md §3, §4): reads golden-vector files, calls the kernel once per recorded
// call, and compares its output with the recorded one. Not synthesized, so it uses stdio and the heap.
//
// Lines it prints (the C# driver parses them; the first failure ends the run):
//   PASS <calls> calls
//   MISMATCH layer=<op> tensor=<output> image=<i> index=<batch,row,col> expected=<e> got=<g>
//   STATUS layer=<op> tensor=<output> image=<i> status=<n> (<meaning>)
//   WRITE_OUTSIDE layer=<op> tensor=<output> image=<i> offset=<byte> (<where>)
//   ERROR golden file <path>: <what is wrong>
// The output array is surrounded by guard bytes, and every byte the call does not address starts as the complement
// of its expected value: an element the kernel forgets to write, or a write outside the elements, cannot pass.
#ifndef QUASAR_TESTBENCH_H
#define QUASAR_TESTBENCH_H

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "gemm_interface.h"

namespace quasar {
namespace testbench {

constexpr uint32_t GOLDEN_VERSION = 1;
constexpr int CALL_SCALARS = 15; // the kernel's int arguments, batches .. flags
constexpr size_t OUTPUT_GUARD_BYTES = 4096;
constexpr uint8_t GUARD_FILL = 0xA5;
constexpr int OP_KIND_COUNT = 3; // 0 linear, 1 attention scores, 2 attention context

// Positions of the call scalars in signature order.
enum scalar {
    BATCHES,
    M,
    N,
    K,
    A_BATCH_STRIDE,
    A_ROW_STRIDE,
    B_BATCH_STRIDE,
    B_ROW_STRIDE,
    B_COL_STRIDE,
    OUT_BATCH_STRIDE,
    OUT_ROW_STRIDE,
    OUT_BYTES,
    OUT_MIN,
    OUT_MAX,
    FLAGS
};

struct golden_op {
    std::string name, tensor;
    int kind = 0;
    int scalars[CALL_SCALARS] = {};
    std::vector<uint8_t> b;
    std::vector<uint8_t> row_is8;
    std::vector<int32_t> bias, multiplier;
    std::vector<uint8_t> shift;
};

struct golden_call {
    uint32_t op = 0, image = 0;
    std::vector<uint8_t> a, b, expected;
};

struct golden_file {
    std::vector<golden_op> ops;
    std::vector<golden_call> calls;
};

inline const char* status_meaning(int status) {
    switch (status) {
    case STATUS_REDUCTION_TOO_LONG: return "k exceeds MAX_REDUCTION";
    case STATUS_TOO_MANY_ROWS: return "n exceeds MAX_ROWS";
    case STATUS_BAD_OUT_BYTES: return "bad out_bytes";
    case STATUS_NON_POSITIVE_DIMENSION: return "non-positive dimension";
    case STATUS_B_NOT_UNIT_STRIDE: return "b_col_stride is not 1";
    default: return "unknown status";
    }
}

// Little-endian reads that never run past the end; the first failure is kept as a message.
class reader {
  public:
    explicit reader(const std::vector<uint8_t>& data) : data_(data) {}

    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }
    size_t position() const { return pos_; }
    size_t remaining() const { return data_.size() - pos_; }
    void set_context(const std::string& context) { context_ = context; }
    void fail(const std::string& what) {
        if (error_.empty()) error_ = (context_.empty() ? "" : context_ + ": ") + what;
    }

    bool bytes(size_t count, const char* what, std::vector<uint8_t>& out) {
        if (!take(count, what)) return false;
        out.assign(data_.begin() + static_cast<std::ptrdiff_t>(pos_ - count),
                   data_.begin() + static_cast<std::ptrdiff_t>(pos_));
        return true;
    }
    bool u8(const char* what, uint32_t& v) { return unsigned_le(1, what, v); }
    bool u16(const char* what, uint32_t& v) { return unsigned_le(2, what, v); }
    bool u32(const char* what, uint32_t& v) { return unsigned_le(4, what, v); }
    bool i32(const char* what, int32_t& v) {
        uint32_t u = 0;
        if (!unsigned_le(4, what, u)) return false;
        v = static_cast<int32_t>(u);
        return true;
    }
    bool text(const char* what, std::string& out) {
        uint32_t length = 0;
        std::vector<uint8_t> raw;
        if (!u16(what, length) || !bytes(length, what, raw)) return false;
        out.assign(raw.begin(), raw.end());
        return true;
    }
    // A u32 count followed by that many elements of `width` bytes each.
    bool counted(const char* what, uint32_t& count, size_t width) {
        if (!u32(what, count)) return false;
        if (static_cast<uint64_t>(count) * width > remaining()) {
            fail(std::string(what) + ": " + std::to_string(count) + " entries of " + std::to_string(width) +
                 " byte(s) at offset " + std::to_string(pos_) + ", but only " + std::to_string(remaining()) +
                 " bytes remain (truncated file?)");
            return false;
        }
        return true;
    }

  private:
    bool take(size_t count, const char* what) {
        if (failed()) return false;
        if (count > remaining()) {
            fail(std::string("truncated: ") + what + " needs " + std::to_string(count) + " byte(s) at offset " +
                 std::to_string(pos_) + ", only " + std::to_string(remaining()) + " remain");
            return false;
        }
        pos_ += count;
        return true;
    }
    bool unsigned_le(size_t count, const char* what, uint32_t& v) {
        if (!take(count, what)) return false;
        v = 0;
        for (size_t i = 0; i < count; ++i) v |= static_cast<uint32_t>(data_[pos_ - count + i]) << (8 * i);
        return true;
    }

    const std::vector<uint8_t>& data_;
    size_t pos_ = 0;
    std::string context_;
    std::string error_;
};

// Lowest and highest element index of a 3-level strided access, as the kernel computes them.
struct index_range {
    long long lo, hi;
};

inline index_range strided_range(int batches, long long batch_stride, int rows, long long row_stride, int cols,
                                 long long col_stride) {
    index_range range = {0, 0};
    const long long extents[3] = {(batches - 1) * batch_stride, (rows - 1) * row_stride, (cols - 1) * col_stride};
    for (long long e : extents) {
        if (e < 0)
            range.lo += e;
        else
            range.hi += e;
    }
    return range;
}

// Whether the call's arrays cover every element the kernel will touch; otherwise says what is short.
inline bool check_call_sizes(const golden_op& op, const golden_call& call, const std::vector<uint8_t>& b,
                             std::string& error) {
    const int* s = op.scalars;
    if (s[BATCHES] <= 0 || s[M] <= 0 || s[N] <= 0 || s[K] <= 0) return true; // the kernel only returns a status
    const bool per_tensor = (s[FLAGS] & PER_TENSOR) != 0;
    const size_t table_rows = per_tensor ? 1 : static_cast<size_t>(s[N]);
    if (op.bias.size() != table_rows) {
        error = "the row tables have " + std::to_string(op.bias.size()) + " entries, the call needs " +
                std::to_string(table_rows) + (per_tensor ? " (per tensor)" : " (one per output row)");
        return false;
    }
    const index_range a = strided_range(s[BATCHES], s[A_BATCH_STRIDE], s[M], s[A_ROW_STRIDE], s[K], 1);
    if (a.lo < 0 || a.hi >= static_cast<long long>(call.a.size())) {
        error = "A addresses elements " + std::to_string(a.lo) + ".." + std::to_string(a.hi) + " but has " +
                std::to_string(call.a.size()) + " bytes";
        return false;
    }
    const index_range bb = strided_range(s[BATCHES], s[B_BATCH_STRIDE], s[N], s[B_ROW_STRIDE], s[K], s[B_COL_STRIDE]);
    if (bb.lo < 0 || bb.hi >= static_cast<long long>(b.size())) {
        error = "B addresses elements " + std::to_string(bb.lo) + ".." + std::to_string(bb.hi) + " but has " +
                std::to_string(b.size()) + " bytes";
        return false;
    }
    if (s[OUT_BYTES] == OUT_BYTES_INT8 || s[OUT_BYTES] == OUT_BYTES_INT16) {
        const index_range o = strided_range(s[BATCHES], s[OUT_BATCH_STRIDE], s[M], s[OUT_ROW_STRIDE], s[N], 1);
        if (o.lo < 0 || (o.hi + 1) * s[OUT_BYTES] > static_cast<long long>(call.expected.size())) {
            error = "the output addresses elements " + std::to_string(o.lo) + ".." + std::to_string(o.hi) + " of " +
                    std::to_string(s[OUT_BYTES]) + " byte(s) but " + std::to_string(call.expected.size()) +
                    " expected bytes are recorded";
            return false;
        }
    }
    return true;
}

// Parses one golden file (format QGV1). On failure `error` names what is wrong and where.
inline bool parse_golden(const std::vector<uint8_t>& data, golden_file& file, std::string& error) {
    reader in(data);
    std::vector<uint8_t> magic;
    uint32_t version = 0, op_count = 0, call_count = 0;
    if (!in.bytes(4, "magic", magic)) {
        error = in.error();
        return false;
    }
    if (std::string(magic.begin(), magic.end()) != "QGV1") {
        error = "not a golden-vector file (magic is not \"QGV1\")";
        return false;
    }
    if (!in.u32("version", version)) {
        error = in.error();
        return false;
    }
    if (version != GOLDEN_VERSION) {
        error =
            "version " + std::to_string(version) + ", this testbench reads version " + std::to_string(GOLDEN_VERSION);
        return false;
    }
    in.u32("op count", op_count);
    file.ops.clear();
    for (uint32_t i = 0; i < op_count && !in.failed(); ++i) {
        golden_op op;
        in.set_context("op " + std::to_string(i));
        uint32_t kind = 0, b_bytes = 0, rows = 0;
        in.text("op name", op.name);
        in.set_context("op " + std::to_string(i) + " (" + op.name + ")");
        in.text("output tensor name", op.tensor);
        in.u8("op kind", kind);
        for (int j = 0; j < CALL_SCALARS; ++j) in.i32("call scalars", op.scalars[j]);
        if (in.counted("B", b_bytes, 1)) in.bytes(b_bytes, "B", op.b);
        if (in.failed()) break;
        if (kind >= static_cast<uint32_t>(OP_KIND_COUNT)) {
            in.fail("op kind " + std::to_string(kind) + " is not 0 (linear), 1 (scores) or 2 (context)");
            break;
        }
        op.kind = static_cast<int>(kind);
        // row_is8 (1 byte) + bias (4) + multiplier (4) + shift (1) per row.
        if (!in.counted("row tables", rows, 10)) break;
        in.bytes(rows, "row_is8", op.row_is8);
        op.bias.resize(rows);
        op.multiplier.resize(rows);
        for (uint32_t r = 0; r < rows; ++r) in.i32("bias", op.bias[r]);
        for (uint32_t r = 0; r < rows; ++r) in.i32("multiplier", op.multiplier[r]);
        in.bytes(rows, "shift", op.shift);
        file.ops.push_back(op);
    }
    in.set_context("");
    in.u32("call count", call_count);
    file.calls.clear();
    for (uint32_t i = 0; i < call_count && !in.failed(); ++i) {
        golden_call call;
        uint32_t a_bytes = 0, b_bytes = 0, out_bytes = 0;
        in.set_context("call " + std::to_string(i));
        in.u32("op index", call.op);
        in.u32("image index", call.image);
        if (in.failed()) break;
        if (call.op >= file.ops.size()) {
            in.fail("op index " + std::to_string(call.op) + ", but the file has " + std::to_string(file.ops.size()) +
                    " ops");
            break;
        }
        const golden_op& op = file.ops[call.op];
        in.set_context("call " + std::to_string(i) + " (op " + op.name + ", image " + std::to_string(call.image) + ")");
        if (in.counted("A", a_bytes, 1)) in.bytes(a_bytes, "A", call.a);
        if (in.counted("B", b_bytes, 1)) in.bytes(b_bytes, "B", call.b);
        if (in.counted("expected output", out_bytes, 1)) in.bytes(out_bytes, "expected output", call.expected);
        if (in.failed()) break;
        std::string problem;
        if (!check_call_sizes(op, call, call.b.empty() ? op.b : call.b, problem)) {
            in.fail(problem);
            break;
        }
        file.calls.push_back(call);
    }
    in.set_context("");
    if (!in.failed() && in.remaining() != 0)
        in.fail(std::to_string(in.remaining()) + " unexpected byte(s) after the last call, at offset " +
                std::to_string(in.position()));
    if (in.failed()) {
        error = in.error();
        return false;
    }
    return true;
}

inline bool read_file(const char* path, std::vector<uint8_t>& data, std::string& error) {
    std::FILE* f = std::fopen(path, "rb");
    if (f == nullptr) {
        error = "cannot be opened";
        return false;
    }
    data.clear();
    uint8_t block[1 << 16];
    size_t got;
    while ((got = std::fread(block, 1, sizeof block, f)) > 0) data.insert(data.end(), block, block + got);
    const bool ok = std::ferror(f) == 0;
    std::fclose(f);
    if (!ok) error = "read error";
    return ok;
}

// The value of output element e (1 or 2 bytes, little endian, signed).
inline int element_value(const uint8_t* bytes, long long e, int out_bytes) {
    if (out_bytes == OUT_BYTES_INT16)
        return static_cast<int16_t>(static_cast<uint16_t>(bytes[2 * e] | (bytes[2 * e + 1] << 8)));
    return static_cast<int8_t>(bytes[e]);
}

// Runs one call and checks it; prints the failure line and returns false on any failure.
// At least `depth` elements (the m_axi depth cosim copies), the values first and zeros after them.
template <class T, class Source>
std::vector<T> padded_to_depth(const Source& values, long long depth) {
    std::vector<T> padded(values.begin(), values.end()); // bytes 128..255 wrap to the int8 values they encode
    if (depth > static_cast<long long>(padded.size())) padded.resize(static_cast<size_t>(depth), T(0));
    return padded;
}

inline bool run_call(KernelFn kernel, const array_depths& depths, const golden_op& op, const golden_call& call) {
    const int* s = op.scalars;
    const std::vector<uint8_t>& b_bytes = call.b.empty() ? op.b : call.b;
    std::vector<ap_int<8>> a = padded_to_depth<ap_int<8>>(call.a, depths.a);
    std::vector<ap_int<8>> b = padded_to_depth<ap_int<8>>(b_bytes, depths.b);
    std::vector<ap_uint<8>> row_is8 = padded_to_depth<ap_uint<8>>(op.row_is8, depths.table_rows);
    std::vector<ap_uint<8>> shift = padded_to_depth<ap_uint<8>>(op.shift, depths.table_rows);
    std::vector<ap_int<32>> bias = padded_to_depth<ap_int<32>>(op.bias, depths.table_rows);
    std::vector<ap_int<32>> multiplier = padded_to_depth<ap_int<32>>(op.multiplier, depths.table_rows);

    // The output: guards, then max(call bytes, depth) bytes, then guards; the bytes past the call's are guards too.
    const size_t total = call.expected.size();
    const size_t span = depths.out > static_cast<long long>(total) ? static_cast<size_t>(depths.out) : total;
    std::vector<ap_int<8>> out(span + 2 * OUTPUT_GUARD_BYTES);
    std::vector<uint8_t> initial(out.size(), GUARD_FILL);
    for (size_t i = 0; i < total; ++i) initial[OUTPUT_GUARD_BYTES + i] = static_cast<uint8_t>(~call.expected[i]);
    for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<int8_t>(initial[i]);

    int status = -1;
    kernel(a.data(), b.data(), row_is8.empty() ? nullptr : row_is8.data(), bias.empty() ? nullptr : bias.data(),
           multiplier.empty() ? nullptr : multiplier.data(), shift.empty() ? nullptr : shift.data(),
           out.data() + OUTPUT_GUARD_BYTES, s[BATCHES], s[M], s[N], s[K], s[A_BATCH_STRIDE], s[A_ROW_STRIDE],
           s[B_BATCH_STRIDE], s[B_ROW_STRIDE], s[B_COL_STRIDE], s[OUT_BATCH_STRIDE], s[OUT_ROW_STRIDE], s[OUT_BYTES],
           s[OUT_MIN], s[OUT_MAX], s[FLAGS], &status);
    if (status != STATUS_OK) {
        std::printf("STATUS layer=%s tensor=%s image=%u status=%d (%s)\n", op.name.c_str(), op.tensor.c_str(),
                    call.image, status, status_meaning(status));
        return false;
    }
    std::vector<uint8_t> got(out.size());
    for (size_t i = 0; i < out.size(); ++i) got[i] = static_cast<uint8_t>(out[i].to_int());
    const uint8_t* got_output = got.data() + OUTPUT_GUARD_BYTES;

    // Every addressed element, in (batch, row, col) order: the first difference is the one reported.
    std::vector<bool> addressed(total, false);
    const int bytes = s[OUT_BYTES];
    for (int h = 0; h < s[BATCHES]; ++h)
        for (int t = 0; t < s[M]; ++t)
            for (int r = 0; r < s[N]; ++r) {
                const long long e =
                    static_cast<long long>(h) * s[OUT_BATCH_STRIDE] + static_cast<long long>(t) * s[OUT_ROW_STRIDE] + r;
                const int expected = element_value(call.expected.data(), e, bytes);
                const int actual = element_value(got_output, e, bytes);
                if (expected != actual) {
                    std::printf("MISMATCH layer=%s tensor=%s image=%u index=%d,%d,%d expected=%d got=%d\n",
                                op.name.c_str(), op.tensor.c_str(), call.image, h, t, r, expected, actual);
                    return false;
                }
                for (int i = 0; i < bytes; ++i) addressed[static_cast<size_t>(e * bytes + i)] = true;
            }
    // Nothing else may change: the unaddressed bytes of the output and the guards on both sides.
    for (size_t i = 0; i < got.size(); ++i) {
        const bool inside = i >= OUTPUT_GUARD_BYTES && i < OUTPUT_GUARD_BYTES + total;
        if ((inside && addressed[i - OUTPUT_GUARD_BYTES]) || got[i] == initial[i]) continue;
        const long long offset = static_cast<long long>(i) - static_cast<long long>(OUTPUT_GUARD_BYTES);
        std::printf("WRITE_OUTSIDE layer=%s tensor=%s image=%u offset=%lld (%s)\n", op.name.c_str(), op.tensor.c_str(),
                    call.image, offset,
                    inside ? "a byte of the output no element addresses"
                           : (offset < 0 ? "before the output array" : "after the output array"));
        return false;
    }
    return true;
}

// Runs every call of every file; 0 when all pass.
inline int run_files(int count, char** paths, KernelFn kernel, const array_depths& depths) {
    if (count < 1) {
        std::printf("ERROR no golden files given: pass the .qgv files to check as arguments\n");
        return 1;
    }
    long calls = 0;
    for (int i = 0; i < count; ++i) {
        std::vector<uint8_t> data;
        golden_file file;
        std::string error;
        if (!read_file(paths[i], data, error) || !parse_golden(data, file, error)) {
            std::printf("ERROR golden file %s: %s\n", paths[i], error.c_str());
            return 1;
        }
        for (const golden_call& call : file.calls) {
            if (!run_call(kernel, depths, file.ops[call.op], call)) return 1;
            ++calls;
        }
    }
    std::printf("PASS %ld calls\n", calls);
    return 0;
}

} // namespace testbench
} // namespace quasar

// The generated tb/quasar_tb.cpp: int main(int argc, char** argv) { return quasar_testbench_main(argc, argv,
// quasar_gemm, depths); } with the m_axi depths of quasar_engine_config.h (zero: each call's exact sizes).
inline int quasar_testbench_main(int argc, char** argv, quasar::KernelFn kernel,
                                 const quasar::array_depths& depths = quasar::array_depths()) {
    const int status = quasar::testbench::run_files(argc - 1, argv + 1, kernel, depths);
    std::fflush(stdout);
    return status;
}

#endif // QUASAR_TESTBENCH_H
