// ap_compat.h against the Vitis semantics it reproduces: wrap on assign, result widths, shifts, comparisons,
// conversions and bit select. Compiled without Vitis, so ap_int here is always the project's own.
#include <type_traits>

#include "check.h"
#include "quasar/ap_compat.h"

template <class T, int W, bool S>
constexpr bool is_type() {
    return std::is_same<T, ap_int_base<W, S>>::value;
}

static void wraps_on_assignment() {
    ap_int<8> a = 200;
    CHECK_EQ(-56, a);
    ap_uint<4> b = 0x1F;
    CHECK_EQ(15, b);
    ap_int<4> c = 8;
    CHECK_EQ(-8, c);
    ap_int<4> d = -9;
    CHECK_EQ(7, d);
    ap_uint<8> e = -1;
    CHECK_EQ(255, e);
    ap_int<6> f = 32;
    CHECK_EQ(-32, f);
    ap_int<64> g = 0x8000000000000000ull;
    CHECK(g < 0);
    CHECK_EQ(INT64_MIN, g.to_int64());
    ap_uint<64> h = -1;
    CHECK(h.to_uint64() == ~0ull);
    ap_int<1> i = 1;
    CHECK_EQ(-1, i);
    ap_uint<1> j = 3;
    CHECK_EQ(1, j);
    ap_int<5> from_wider = ap_int<12>(0x7F3); // low 5 bits 10011 -> -13
    CHECK_EQ(-13, from_wider);
    ap_uint<3> from_signed = ap_int<8>(-1);
    CHECK_EQ(7, from_signed);
    ap_int<16> sign_extended = ap_int<4>(-3);
    CHECK_EQ(-3, sign_extended);
    ap_int<16> zero_extended = ap_uint<4>(13);
    CHECK_EQ(13, zero_extended);
}

static void storage_is_compact() {
    CHECK_EQ(1, sizeof(ap_int<6>));
    CHECK_EQ(1, sizeof(ap_uint<8>));
    CHECK_EQ(2, sizeof(ap_int<10>));
    CHECK_EQ(4, sizeof(ap_int<27>));
    CHECK_EQ(8, sizeof(ap_int<45>));
}

static void result_widths_follow_vitis() {
    ap_int<6> x = -32;
    ap_int<5> w = 15;
    ap_uint<4> u = 15;
    ap_uint<8> v = 200;
    static_assert(is_type<decltype(x * w), 11, true>(), "ap_int<6> * ap_int<5> is ap_int<11>");
    static_assert(is_type<decltype(x * u), 10, true>(), "signed * unsigned is signed, W1 + W2");
    static_assert(is_type<decltype(u * v), 12, false>(), "unsigned * unsigned stays unsigned");
    static_assert(is_type<decltype(x + w), 7, true>(), "+ grows max(W) by one");
    static_assert(is_type<decltype(x + u), 7, true>(), "signed + unsigned: max(6, 4 + 1) + 1");
    static_assert(is_type<decltype(x + v), 10, true>(), "signed + ap_uint<8>: max(6, 9) + 1");
    static_assert(is_type<decltype(u + v), 9, false>(), "unsigned + unsigned stays unsigned");
    static_assert(is_type<decltype(u - v), 9, true>(), "- is always signed");
    static_assert(is_type<decltype(x << 3), 6, true>(), "<< keeps the left width");
    static_assert(is_type<decltype(v >> x), 8, false>(), ">> keeps the left type");
    static_assert(is_type<decltype(x & u), 6, true>(), "logic: max(6, 4 + 1)");
    static_assert(is_type<decltype(-u), 5, true>(), "unary - adds a sign bit");
    static_assert(is_type<decltype(x + 1), 33, true>(), "an int takes part as ap_int<32>");
    static_assert(is_type<decltype(1u + u), 33, false>(), "an unsigned takes part as ap_uint<32>");
    static_assert(is_type<decltype(ap_int<32>(0) * ap_int<32>(0)), 64, true>(), "int32 x int32 fits 64 bits");

    CHECK_EQ(-480, x * w);
    CHECK_EQ(-480, x * u);
    CHECK_EQ(3000, u * v);
    CHECK_EQ(-17, x + w);
    CHECK_EQ(-17, x + u);
    CHECK_EQ(168, x + v);
    CHECK_EQ(215, u + v);
    CHECK_EQ(-185, u - v);
    CHECK_EQ(185, v - u);
    CHECK_EQ(-47, x - w);
    CHECK_EQ(-15, -u);
    CHECK_EQ(32, -x); // -(-32) needs the seventh bit
    ap_int<6> negated = -x;
    CHECK_EQ(-32, negated); // and wraps back when stored in six
    CHECK_EQ(0, x & u);
    CHECK_EQ(-17, x | u);
    CHECK_EQ(-17, x ^ u);
    CHECK_EQ(~200 & 0xFF, ~v);
    CHECK_EQ(1 - 32, x + 1);
    ap_int<64> big = ap_int<32>(-2147483647 - 1) * ap_int<32>(-2147483647 - 1);
    CHECK(big.to_int64() == (int64_t(1) << 62));
}

static void shifts_keep_the_left_width() {
    ap_int<8> a = 0x41;
    CHECK_EQ(0x10, a << 4); // 0x410 keeps eight bits
    ap_int<8> one = 1;
    CHECK_EQ(-128, one << 7);
    CHECK_EQ(0, one << 8);
    CHECK_EQ(0, one << 70);
    ap_int<8> m = -100;
    CHECK_EQ(-25, m >> 2);
    CHECK_EQ(-1, m >> 7);
    CHECK_EQ(-1, m >> 100);
    CHECK_EQ(-50, m << -1); // a negative amount shifts the other way
    ap_uint<8> u = 200;
    CHECK_EQ(50, u >> 2);
    CHECK_EQ(0, u >> 8);
    CHECK_EQ(32, u << 2); // 800 & 0xFF
    ap_uint<3> amount = 3;
    CHECK_EQ(-13, m >> amount); // floor(-100 / 8)
    ap_int<16> widened = ap_int<16>(a) << 4;
    CHECK_EQ(0x410, widened);
    ap_int<45> p = ap_int<45>(-5) << 40;
    CHECK((p >> 40) == -5);
}

static void comparisons_use_exact_values() {
    ap_int<8> neg = -1;
    ap_uint<8> max = 255;
    CHECK(neg < max);
    CHECK(max > neg);
    CHECK(neg != max);
    CHECK(ap_uint<64>(~0ull) > ap_int<64>(-1));
    CHECK(ap_int<64>(-1) < ap_uint<64>(~0ull));
    CHECK(ap_int<4>(-8) == -8);
    CHECK(-8 == ap_int<4>(8));
    CHECK(ap_uint<4>(15) >= 15u);
    CHECK(ap_int<6>(-32) <= -32);
    CHECK(!(ap_int<6>(31) < 31));
    CHECK(ap_uint<8>(0) < 1);
}

static void conversions_and_bits() {
    ap_int<10> a = -300;
    int as_int = a;
    CHECK_EQ(-300, as_int);
    CHECK_EQ(-300, a.to_int());
    CHECK_EQ(-300, a.to_int64());
    ap_uint<8> b = 0xA5;
    CHECK_EQ(0xA5, b.to_uint());
    long long wide = b;
    CHECK_EQ(165, wide);
    CHECK(b[0] && !b[1] && b[2] && b[7] && !b[8] && !b[-1]);
    CHECK(a[9]);  // the sign bit of -300
    CHECK(!a[0]); // -300 is even
    int counted = 0;
    for (ap_uint<4> i = 0; i < 10; ++i) counted++;
    CHECK_EQ(10, counted);
    ap_int<8> c = 120;
    c += 10;
    CHECK_EQ(-126, c);
    c -= 3;
    CHECK_EQ(127, c);
    c *= 2;
    CHECK_EQ(-2, c);
    c <<= 6;
    CHECK_EQ(-128, c);
    c >>= 3;
    CHECK_EQ(-16, c);
    ap_uint<4> d = 15;
    d++;
    CHECK_EQ(0, d);
    d--;
    CHECK_EQ(15, d);
    CHECK_EQ(10, ap_int<10>::length());
    const int table[4] = {10, 11, 12, 13};
    ap_uint<2> index = 6;
    CHECK_EQ(12, table[index]);
}

int main() {
    wraps_on_assignment();
    storage_is_compact();
    result_widths_follow_vitis();
    shifts_keep_the_left_width();
    comparisons_use_exact_values();
    conversions_and_bits();
    return check::exit_code("ap_compat_test");
}
