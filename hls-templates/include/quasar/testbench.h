// The csim testbench (docs/hls-engine.md §3, docs/kernel-layout.md §5): reads golden-vector files (QGV2, the words
// the host lays out), calls the kernel once per recorded call, and compares its output words with the recorded ones.
// Not synthesized, so it uses stdio and the heap.
//
// Lines it prints (the C# driver parses them; the first failure ends the run):
//   PASS <calls> calls
//   MISMATCH layer=<op> tensor=<output> image=<i> index=<batch,token,row> expected=<e> got=<g>
//     (row in the kernel's row order: the 8-bit rows first, docs/kernel-layout.md §3)
//   STATUS layer=<op> tensor=<output> image=<i> status=<n> (<meaning>)
//   WRITE_OUTSIDE layer=<op> tensor=<output> image=<i> offset=<byte> (<where>)
//   ERROR golden file <path>: <what is wrong>
// and, in a cycle-accounting build (-DQUASAR_CYCLE_ACCOUNTING), one line per call before its verdict:
//   CYCLES layer=<op> image=<i> batches=… m=… n=… k=… nibble_rows=… out_bytes=… flags=… tables=… read_a=… read_w=…
//          compute=… output=… write=… fill=… total=…
// Every output byte is addressed (an element per slot, zero holes and padding), and starts as the complement of its
// expected value; both output ports are surrounded by guard words: an element the kernel forgets to write, or a write
// outside the arrays, cannot pass. The two ports (out0: a row tile's even tokens, out1: its odd ones) are merged back
// into the one output stream of docs/kernel-layout.md §2 before the comparison.
#ifndef QUASAR_TESTBENCH_H
#define QUASAR_TESTBENCH_H

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "cycle_accounting.h"
#include "gemm_interface.h"

namespace quasar {
namespace testbench {

constexpr uint32_t GOLDEN_VERSION = 2;
constexpr int CALL_SCALARS = 9; // the kernel's int arguments, batches .. flags
constexpr size_t OUTPUT_GUARD_WORDS = 256;
constexpr uint8_t GUARD_FILL = 0xA5;
constexpr int OP_KIND_COUNT = 3; // 0 linear, 1 attention scores, 2 attention context

// Positions of the call scalars in signature order.
enum scalar { BATCHES, M, N, K, NIBBLE_ROWS, OUT_BYTES, OUT_MIN, OUT_MAX, FLAGS };

typedef std::vector<uint8_t> bytes;

struct golden_op {
    std::string name, tensor;
    int kind = 0;
    int scalars[CALL_SCALARS] = {};
    bytes w, rows; // 16 bytes a word
};

struct golden_call {
    uint32_t op = 0, image = 0;
    bytes a, w, expected;
};

struct golden_file {
    layout_geometry geometry = {0, 0, 0};
    std::vector<golden_op> ops;
    std::vector<golden_call> calls;
};

inline const char* status_meaning(int status) {
    switch (status) {
    case STATUS_REDUCTION_TOO_LONG: return "k exceeds MAX_REDUCTION";
    case STATUS_TOO_MANY_ROWS: return "n exceeds MAX_ROWS";
    case STATUS_BAD_OUT_BYTES: return "bad out_bytes";
    case STATUS_NON_POSITIVE_DIMENSION: return "non-positive dimension";
    case STATUS_BAD_NIBBLE_ROWS: return "nibble_rows outside [n, 2n]";
    default: return "unknown status";
    }
}

inline int ceil_div_ll(long long a, long long b) {
    return static_cast<int>((a + b - 1) / b);
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

// The word counts of a call (docs/kernel-layout.md §1-3), from its scalars and the geometry.
struct call_words {
    long long a, w_batch, w, rows, out;
    int kw, chunks, cw, hw, row_tiles, row_groups, ow;
};

inline call_words words_of(const int* s, const layout_geometry& g) {
    call_words c = {};
    c.kw = ceil_div_ll(s[K], WORD_BYTES);
    c.chunks = ceil_div_ll(s[K], g.tile_reduction);
    c.cw = ceil_div_ll(static_cast<long long>(g.tile_rows) * g.tile_reduction, WORD_NIBBLES);
    c.hw = ceil_div_ll(32 + 2LL * g.tile_rows, WORD_BITS);
    // A group of TILE_ROWS rows takes two row tiles while it holds an 8-bit row (8-bit rows come first), else one;
    // only the group's last tile writes outputs.
    c.row_groups = ceil_div_ll(s[N], g.tile_rows);
    c.row_tiles = c.row_groups + ceil_div_ll(s[NIBBLE_ROWS] - s[N], g.tile_rows);
    c.ow = ceil_div_ll(static_cast<long long>(g.tile_rows) * s[OUT_BYTES], WORD_BYTES);
    c.a = static_cast<long long>(s[BATCHES]) * s[M] * c.kw;
    c.w_batch = static_cast<long long>(c.row_tiles) * (c.hw + static_cast<long long>(c.chunks) * c.cw);
    c.w = s[BATCHES] * c.w_batch;
    c.rows = (s[FLAGS] & PER_TENSOR) != 0 ? 1 : s[N];
    c.out = static_cast<long long>(s[BATCHES]) * s[M] * c.row_groups * c.ow;
    return c;
}

// Whether the call's arrays hold exactly the words its scalars need; otherwise says what is wrong.
inline bool check_call_sizes(const golden_op& op, const golden_call& call, const layout_geometry& g,
                             std::string& error) {
    const int* s = op.scalars;
    if (s[BATCHES] <= 0 || s[M] <= 0 || s[N] <= 0 || s[K] <= 0 || s[NIBBLE_ROWS] <= 0 ||
        (s[OUT_BYTES] != OUT_BYTES_INT8 && s[OUT_BYTES] != OUT_BYTES_INT16))
        return true; // the kernel only returns a status
    const call_words c = words_of(s, g);
    const bytes& w = call.w.empty() ? op.w : call.w;
    const struct {
        const char* what;
        size_t have;
        long long need;
    } arrays[] = {{"A", call.a.size(), c.a},
                  {"the weight stream", w.size(), c.w},
                  {"the row tables", op.rows.size(), c.rows},
                  {"the expected output", call.expected.size(), c.out}};
    for (const auto& array : arrays) {
        if (static_cast<long long>(array.have) != array.need * WORD_BYTES) {
            error = std::string(array.what) + " has " + std::to_string(array.have) + " bytes, the call needs " +
                    std::to_string(array.need) + " words of 16 bytes";
            return false;
        }
    }
    return true;
}

inline bool read_words(reader& in, const char* what, bytes& out) {
    uint32_t words = 0;
    return in.counted(what, words, WORD_BYTES) && in.bytes(static_cast<size_t>(words) * WORD_BYTES, what, out);
}

// Parses one golden file (format QGV2). On failure `error` names what is wrong and where.
inline bool parse_golden(const bytes& data, golden_file& file, std::string& error) {
    reader in(data);
    bytes magic;
    uint32_t version = 0, op_count = 0, call_count = 0;
    if (!in.bytes(4, "magic", magic)) {
        error = in.error();
        return false;
    }
    const std::string tag(magic.begin(), magic.end());
    if (tag != "QGV2") {
        error = tag == "QGV1" ? "a version-1 golden file (byte arrays with strides): regenerate the project with this "
                                "quasar (quasar generate --force) to get the word layout"
                              : "not a golden-vector file (magic is not \"QGV2\")";
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
    int32_t tm = 0, tn = 0, tk = 0;
    in.i32("TILE_TOKENS", tm);
    in.i32("TILE_ROWS", tn);
    in.i32("TILE_REDUCTION", tk);
    file.geometry = {tm, tn, tk};
    in.u32("op count", op_count);
    file.ops.clear();
    for (uint32_t i = 0; i < op_count && !in.failed(); ++i) {
        golden_op op;
        in.set_context("op " + std::to_string(i));
        uint32_t kind = 0;
        in.text("op name", op.name);
        in.set_context("op " + std::to_string(i) + " (" + op.name + ")");
        in.text("output tensor name", op.tensor);
        in.u8("op kind", kind);
        for (int j = 0; j < CALL_SCALARS; ++j) in.i32("call scalars", op.scalars[j]);
        read_words(in, "weight stream", op.w);
        read_words(in, "row tables", op.rows);
        if (in.failed()) break;
        if (kind >= static_cast<uint32_t>(OP_KIND_COUNT)) {
            in.fail("op kind " + std::to_string(kind) + " is not 0 (linear), 1 (scores) or 2 (context)");
            break;
        }
        op.kind = static_cast<int>(kind);
        file.ops.push_back(op);
    }
    in.set_context("");
    in.u32("call count", call_count);
    file.calls.clear();
    for (uint32_t i = 0; i < call_count && !in.failed(); ++i) {
        golden_call call;
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
        read_words(in, "A", call.a);
        read_words(in, "weight stream", call.w);
        read_words(in, "expected output", call.expected);
        if (in.failed()) break;
        std::string problem;
        if (!check_call_sizes(op, call, file.geometry, problem)) {
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

inline bool read_file(const char* path, bytes& data, std::string& error) {
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

// Words from bytes, at least `depth` of them (the m_axi depth cosim copies), zeros after the data.
inline std::vector<word_t> to_words(const bytes& data, long long depth) {
    const size_t count = data.size() / WORD_BYTES;
    std::vector<word_t> words(depth > static_cast<long long>(count) ? static_cast<size_t>(depth) : count, word_t(0));
    for (size_t i = 0; i < count; ++i)
        for (int b = 0; b < WORD_BYTES; ++b) set_word_field(words[i], 8 * b, 8, data[i * WORD_BYTES + b]);
    return words;
}

// For each output word of the call's stream, its port (0 or 1): a tile's even tokens go to out0, its odd ones to out1.
inline std::vector<uint8_t> port_of_words(const int* s, const layout_geometry& g) {
    const call_words c = words_of(s, g);
    std::vector<uint8_t> port;
    port.reserve(static_cast<size_t>(c.out));
    for (int h = 0; h < s[BATCHES]; ++h)
        for (int t0 = 0; t0 < s[M]; t0 += g.tile_tokens) {
            const int tokens = s[M] - t0 < g.tile_tokens ? s[M] - t0 : g.tile_tokens;
            for (int j = 0; j < c.row_groups; ++j)
                for (int t = 0; t < tokens; ++t)
                    for (int w = 0; w < c.ow; ++w) port.push_back(static_cast<uint8_t>(t % 2));
        }
    return port;
}

inline uint8_t word_byte(const std::vector<word_t>& words, size_t byte) {
    return static_cast<uint8_t>(word_field(words[byte / WORD_BYTES], 8 * static_cast<int>(byte % WORD_BYTES), 8));
}

// Where output byte `byte` of a call lies: batch, token, and the row of its slot in the kernel's row order (8-bit
// rows first, docs/kernel-layout.md §3; the golden file does not carry the permutation back to the model's order),
// -1 for padding past the last row.
struct output_position {
    int batch, token, row;
};

inline output_position locate_output(const int* s, const layout_geometry& g, long long byte) {
    const call_words c = words_of(s, g);
    const long long word = byte / WORD_BYTES;
    const long long per_batch = static_cast<long long>(s[M]) * c.row_groups * c.ow;
    output_position at = {static_cast<int>(word / per_batch), 0, -1};
    long long rest = word % per_batch;
    for (int t0 = 0; t0 < s[M]; t0 += g.tile_tokens) {
        const int tokens = s[M] - t0 < g.tile_tokens ? s[M] - t0 : g.tile_tokens;
        const long long tile = static_cast<long long>(tokens) * c.row_groups * c.ow;
        if (rest < tile) {
            const int group = static_cast<int>(rest / (static_cast<long long>(tokens) * c.ow));
            rest %= static_cast<long long>(tokens) * c.ow;
            at.token = t0 + static_cast<int>(rest / c.ow);
            const int slot = static_cast<int>((rest % c.ow * WORD_BYTES + byte % WORD_BYTES) / s[OUT_BYTES]);
            const int row = group * g.tile_rows + slot;
            at.row = slot < g.tile_rows && row < s[N] ? row : -1;
            return at;
        }
        rest -= tile;
    }
    return at;
}

inline int element_value(const uint8_t* data, int out_bytes) {
    if (out_bytes == OUT_BYTES_INT16) return static_cast<int16_t>(static_cast<uint16_t>(data[0] | (data[1] << 8)));
    return static_cast<int8_t>(data[0]);
}

#ifdef QUASAR_CYCLE_ACCOUNTING
inline void print_cycles(const golden_op& op, const golden_call& call) {
    const cycle_counts& c = cycle_counter();
    const int* s = op.scalars;
    std::printf("CYCLES layer=%s image=%u batches=%d m=%d n=%d k=%d nibble_rows=%d out_bytes=%d flags=%d tables=%lld "
                "read_a=%lld read_w=%lld compute=%lld output=%lld write=%lld fill=%lld total=%lld\n",
                op.name.c_str(), call.image, s[BATCHES], s[M], s[N], s[K], s[NIBBLE_ROWS], s[OUT_BYTES], s[FLAGS],
                c.tables, c.read_a, c.read_w, c.compute, c.output, c.write(), c.fill, c.total());
}
#endif

// Runs one call and checks it; prints the failure line and returns false on any failure.
inline bool run_call(KernelFn kernel, const array_depths& depths, const layout_geometry& g, const golden_op& op,
                     const golden_call& call) {
    const int* s = op.scalars;
    const bytes& w_bytes = call.w.empty() ? op.w : call.w;
    std::vector<word_t> a = to_words(call.a, depths.a);
    std::vector<word_t> w = to_words(w_bytes, depths.w);
    std::vector<word_t> rows = to_words(op.rows, depths.rows);

    // Each output port: guard words, then max(its words, depth) words, then guards; the words past its own are guards.
    const size_t total = call.expected.size();
    const std::vector<uint8_t> port_of = port_of_words(s, g);
    size_t port_bytes[2] = {0, 0};
    for (uint8_t p : port_of) port_bytes[p] += WORD_BYTES;
    const size_t guard = OUTPUT_GUARD_WORDS * WORD_BYTES;
    bytes initial[2];
    std::vector<word_t> out[2];
    for (int p = 0; p < 2; ++p) {
        const size_t span = depths.out * WORD_BYTES > static_cast<long long>(port_bytes[p])
                                ? static_cast<size_t>(depths.out) * WORD_BYTES
                                : port_bytes[p];
        initial[p].assign(span + 2 * guard, GUARD_FILL);
    }
    size_t next[2] = {guard, guard};
    for (size_t w = 0; w < port_of.size(); ++w) {
        for (size_t b = 0; b < WORD_BYTES; ++b)
            initial[port_of[w]][next[port_of[w]] + b] = static_cast<uint8_t>(~call.expected[w * WORD_BYTES + b]);
        next[port_of[w]] += WORD_BYTES;
    }
    for (int p = 0; p < 2; ++p) out[p] = to_words(initial[p], 0);

#ifdef QUASAR_CYCLE_ACCOUNTING
    reset_cycle_counter();
#endif
    int status = -1;
    kernel(a.data(), w.data(), rows.data(), out[0].data() + OUTPUT_GUARD_WORDS, out[1].data() + OUTPUT_GUARD_WORDS, s[BATCHES], s[M], s[N], s[K],
           s[NIBBLE_ROWS], s[OUT_BYTES], s[OUT_MIN], s[OUT_MAX], s[FLAGS], &status);
#ifdef QUASAR_CYCLE_ACCOUNTING
    if (status == STATUS_OK) print_cycles(op, call);
#endif
    if (status != STATUS_OK) {
        std::printf("STATUS layer=%s tensor=%s image=%u status=%d (%s)\n", op.name.c_str(), op.tensor.c_str(),
                    call.image, status, status_meaning(status));
        return false;
    }
    // The ports merged back into the call's output stream.
    bytes merged(total);
    size_t taken[2] = {guard, guard};
    for (size_t w = 0; w < port_of.size(); ++w) {
        for (size_t b = 0; b < WORD_BYTES; ++b) merged[w * WORD_BYTES + b] = word_byte(out[port_of[w]], taken[port_of[w]] + b);
        taken[port_of[w]] += WORD_BYTES;
    }
    // Every byte of the call's words, in order: the first difference is the one reported.
    for (size_t i = 0; i < total; ++i) {
        if (merged[i] == call.expected[i]) continue;
        const size_t element = i - i % static_cast<size_t>(s[OUT_BYTES]);
        uint8_t got[2] = {merged[element], 0};
        if (s[OUT_BYTES] == OUT_BYTES_INT16) got[1] = merged[element + 1];
        const output_position at = locate_output(s, g, static_cast<long long>(element));
        std::printf("MISMATCH layer=%s tensor=%s image=%u index=%d,%d,%d expected=%d got=%d\n", op.name.c_str(),
                    op.tensor.c_str(), call.image, at.batch, at.token, at.row,
                    element_value(call.expected.data() + element, s[OUT_BYTES]), element_value(got, s[OUT_BYTES]));
        return false;
    }
    // Nothing else may change: the guards on both sides of each port, and the depth's words past the port's.
    for (int p = 0; p < 2; ++p)
        for (size_t i = 0; i < initial[p].size(); ++i) {
            if (i >= guard && i < guard + port_bytes[p]) continue;
            if (word_byte(out[p], i) == initial[p][i]) continue;
            const long long offset = static_cast<long long>(i) - static_cast<long long>(guard);
            std::printf("WRITE_OUTSIDE layer=%s tensor=%s image=%u offset=%lld (%s out%d)\n", op.name.c_str(),
                        op.tensor.c_str(), call.image, offset, offset < 0 ? "before" : "after", p);
            return false;
        }
    return true;
}

// Runs every call of every file; 0 when all pass.
inline int run_files(int count, char** paths, KernelFn kernel, const array_depths& depths,
                     const layout_geometry& geometry) {
    if (count < 1) {
        std::printf("ERROR no golden files given: pass the .qgv files to check as arguments\n");
        return 1;
    }
    long calls = 0;
    for (int i = 0; i < count; ++i) {
        bytes data;
        golden_file file;
        std::string error;
        if (!read_file(paths[i], data, error) || !parse_golden(data, file, error)) {
            std::printf("ERROR golden file %s: %s\n", paths[i], error.c_str());
            return 1;
        }
        const layout_geometry& g = file.geometry;
        if (g.tile_tokens != geometry.tile_tokens || g.tile_rows != geometry.tile_rows ||
            g.tile_reduction != geometry.tile_reduction) {
            std::printf("ERROR golden file %s: laid out for TILE_TOKENS %d, TILE_ROWS %d, TILE_REDUCTION %d, but this "
                        "engine has %d, %d, %d: regenerate the golden vectors for this project\n",
                        paths[i], g.tile_tokens, g.tile_rows, g.tile_reduction, geometry.tile_tokens,
                        geometry.tile_rows, geometry.tile_reduction);
            return 1;
        }
        for (const golden_call& call : file.calls) {
            if (!run_call(kernel, depths, geometry, file.ops[call.op], call)) return 1;
            ++calls;
        }
    }
    std::printf("PASS %ld calls\n", calls);
    return 0;
}

} // namespace testbench
} // namespace quasar

// The generated tb/quasar_tb.cpp: int main(int argc, char** argv) { return quasar_testbench_main(argc, argv,
// quasar_gemm, depths, geometry); } with the m_axi depths and the tile geometry of quasar_engine_config.h.
inline int quasar_testbench_main(int argc, char** argv, quasar::KernelFn kernel, const quasar::array_depths& depths,
                                 const quasar::layout_geometry& geometry) {
    const int status = quasar::testbench::run_files(argc - 1, argv + 1, kernel, depths, geometry);
    std::fflush(stdout);
    return status;
}

#endif // QUASAR_TESTBENCH_H
