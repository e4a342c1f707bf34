// output_stage.h and nibble.h against hand-computed values (docs/numerics.md §2, §4), then against the contract
// formula evaluated in 128-bit arithmetic for random operands over the whole int32 range and every shift.
#include <cstdint>

#include "check.h"
#include "quasar/nibble.h"
#include "quasar/output_stage.h"

namespace {

constexpr int INT32_LO = -2147483647 - 1;
constexpr int INT32_HI = 2147483647;

int stage(int acc, int bias, int m, int s, int lo = INT32_LO, int hi = INT32_HI) {
    return quasar::output_stage(acc, bias, m, s, lo, hi).to_int();
}

void rounds_half_up() {
    // S = 1: halves go up, towards +infinity.
    CHECK_EQ(2, stage(3, 0, 1, 1));   // 1.5
    CHECK_EQ(-1, stage(-3, 0, 1, 1)); // -1.5
    CHECK_EQ(0, stage(-1, 0, 1, 1));  // -0.5
    CHECK_EQ(1, stage(1, 0, 1, 1));   // 0.5
    CHECK_EQ(-1, stage(-2, 0, 1, 1));
    // S = 4.
    CHECK_EQ(1, stage(8, 0, 1, 4)); // 0.5
    CHECK_EQ(0, stage(7, 0, 1, 4));
    CHECK_EQ(0, stage(-8, 0, 1, 4)); // -0.5
    CHECK_EQ(-1, stage(-9, 0, 1, 4));
    CHECK_EQ(2, stage(24, 0, 1, 4));   // 1.5
    CHECK_EQ(-1, stage(-24, 0, 1, 4)); // -1.5
    CHECK_EQ(-2, stage(-25, 0, 1, 4));
}

void extreme_shifts_and_products() {
    // v = -2^31 (acc + bias), M = -2^30: p = 2^61, exactly half of 2^62.
    CHECK_EQ(1, stage(-1073741824, -1073741824, -1073741824, 62));
    CHECK_EQ(0, stage(-1073741824, -1073741824, 1073741824, 62));  // p = -2^61: -0.5 rounds up to 0
    CHECK_EQ(0, stage(-1073741824, -1073741823, -1073741824, 62)); // p = 2^61 - 2^30: below half
    // v = M = -2^31: p = 2^62, the largest product.
    CHECK_EQ(1, stage(INT32_LO, 0, INT32_LO, 62)); // 1.0
    CHECK_EQ(2, stage(INT32_LO, 0, INT32_LO, 61));
    CHECK_EQ(1 << 30, stage(INT32_LO, 0, INT32_LO, 32));
    // p = -2^62 + 2^31 (v = -2^31, M = 2^31 - 1) at S = 1: no 65-bit overflow in the rounding.
    CHECK(quasar::output_stage(INT32_LO, 0, INT32_HI, 62, INT32_LO, INT32_HI) == -1);
    // A typical requantization: acc 1000, bias 24, M = 0.75·2^31, S = 31 + 3: 1024·0.75/8 = 96.
    CHECK_EQ(96, stage(1000, 24, 1610612736, 34));
}

void wraps_and_saturates() {
    CHECK_EQ(INT32_LO, stage(INT32_HI, 1, 2, 1)); // acc + bias wraps to -2^31, then ×2 / 2
    CHECK_EQ(31, stage(1000, 0, 1 << 30, 30, -32, 31));
    CHECK_EQ(-32, stage(-1000, 0, 1 << 30, 30, -32, 31));
    CHECK_EQ(31, stage(31, 0, 1 << 30, 30, -32, 31));
    CHECK_EQ(-32, stage(-32, 0, 1 << 30, 30, -32, 31));
    CHECK_EQ(32767, stage(INT32_HI, 0, INT32_HI, 1, -32768, 32767));
    CHECK_EQ(-32768, stage(INT32_HI, 0, INT32_LO, 1, -32768, 32767));
    CHECK_EQ(0, stage(123456, 7, 0, 62, -128, 127)); // M = 0 (factor below 2^-32)
}

// The contract formula in 128-bit arithmetic.
int reference(int acc, int bias, int m, int s, int lo, int hi) {
    const int32_t v = static_cast<int32_t>(static_cast<uint32_t>(acc) + static_cast<uint32_t>(bias));
    const __int128 p = static_cast<__int128>(v) * m;
    const __int128 y = (p + (static_cast<__int128>(1) << (s - 1))) >> s;
    return y < lo ? lo : (y > hi ? hi : static_cast<int>(y));
}

void random_operands() {
    uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&state]() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    for (int i = 0; i < 2000000; ++i) {
        const int acc = static_cast<int>(next());
        const int bias = (i & 3) == 0 ? 0 : static_cast<int>(next());
        const int m = static_cast<int>(next());
        const int s = 1 + static_cast<int>(next() % 62);
        const int lo = (i & 1) ? INT32_LO : -32768, hi = (i & 1) ? INT32_HI : 32767;
        if (!CHECK_EQ(reference(acc, bias, m, s, lo, hi), stage(acc, bias, m, s, lo, hi))) break;
    }
}

void nibble_rows() {
    for (int w = -128; w <= 127; ++w) {
        const quasar::nibble_t high = quasar::nibble_bits(w, quasar::NIBBLE_HIGH);
        const quasar::nibble_t low = quasar::nibble_bits(w, quasar::NIBBLE_LOW);
        const int h = quasar::nibble_operand(high, false).to_int();
        const int l = quasar::nibble_operand(low, true).to_int();
        CHECK(h >= -8 && h <= 7 && l >= 0 && l <= 15);
        CHECK_EQ(w, 16 * h + l);
        CHECK_EQ(w >> 4, h);
        for (int x = -32; x <= 31; ++x)
            CHECK_EQ(x * w, quasar::join_nibble_accumulators<ap_int<16>>(ap_int<11>(x * h), ap_int<11>(x * l)));
    }
    for (int w = -8; w <= 7; ++w)
        CHECK_EQ(w, quasar::nibble_operand(quasar::nibble_bits(w, quasar::NIBBLE_ROW4), false));
    // A joined type too narrow wraps (engine_shape sizes it so that it never is).
    CHECK_EQ(-2147483647 - 1, quasar::join_nibble_accumulators<ap_int<32>>(ap_int<32>(1 << 27), ap_int<32>(0)));
}

} // namespace

int main() {
    rounds_half_up();
    extreme_shifts_and_products();
    wraps_and_saturates();
    random_operands();
    nibble_rows();
    return check::exit_code("output_stage_test");
}
