// The subset of Vitis' ap_int.h the engine uses, for g++ builds without Vitis (types.h chooses).
//
// Semantics follow Vitis HLS (docs/shared spec "ap_int semantics"): values of W <= 64 bits, two's complement,
// assignment to a narrower type wraps (ap_int<8> = 200 -> -56, ap_uint<4> = 0x1F -> 15), arithmetic results are
// ap_int_base of the exact width Vitis gives them:
//   a * b          W1 + W2 bits, signed if either is
//   a + b, a - b   max(W1 + (S2 && !S1), W2 + (S1 && !S2)) + 1 bits; '+' signed if either is, '-' always signed
//   a & | ^ b      max(W1 + (S2 && !S1), W2 + (S1 && !S2)) bits, signed if either is
//   a << s, a >> s the left operand's width and signedness (a negative s shifts the other way)
//   -a             W + 1 bits, signed;  ~a  W bits
// A built-in integer operand takes part as the ap type of its own width (int -> ap_int<32>, unsigned -> ap_uint<32>,
// long long -> ap_int<64>, ...). A result wider than 64 bits is a compile error here (Vitis would carry it):
// the engine is written so that it never needs one. ap_uint<128>, the bus word, is a separate stand-in with aligned
// field access only (bus.h). Not provided: division, range(), bit assignment, printing, floating point.
#ifndef QUASAR_AP_COMPAT_H
#define QUASAR_AP_COMPAT_H

#include <cstdint>
#include <type_traits>

namespace quasar {
namespace ap_detail {

constexpr int max_width(int a, int b) {
    return a > b ? a : b;
}

// Storage of the smallest built-in type that holds W bits: keeps on-chip arrays small in csim.
template <int W, bool S>
struct storage {
    typedef typename std::conditional<
        W <= 8, int8_t,
        typename std::conditional<W <= 16, int16_t,
                                  typename std::conditional<W <= 32, int32_t, int64_t>::type>::type>::type signed_type;
    typedef typename std::make_unsigned<signed_type>::type unsigned_type;
    typedef typename std::conditional<S, signed_type, unsigned_type>::type type;
};

// The low W bits of a 64-bit pattern, sign-extended (S) or zero-extended (!S), as the value's 64-bit pattern.
template <int W, bool S>
inline uint64_t wrap(uint64_t bits) {
    const int unused = 64 - W;
    if (unused == 0) return bits;
    if (S) return static_cast<uint64_t>(static_cast<int64_t>(bits << unused) >> unused);
    return bits & (~uint64_t(0) >> unused);
}

// Width and signedness of a built-in integer operand.
template <class T>
struct builtin_traits {
    static constexpr int width = std::is_same<T, bool>::value ? 1 : int(sizeof(T) * 8);
    static constexpr bool is_signed = std::is_signed<T>::value;
};

template <class T>
using enable_if_builtin = typename std::enable_if<std::is_integral<T>::value, int>::type;

} // namespace ap_detail
} // namespace quasar

template <int W, bool S>
class ap_int_base {
    static_assert(W >= 1 && W <= 64, "ap_compat.h supports 1..64 bits (a wider result needs Vitis' ap_int.h)");

  public:
    typedef typename std::conditional<S, int64_t, uint64_t>::type value_type;

    ap_int_base() : v_(0) {}
    template <class T, quasar::ap_detail::enable_if_builtin<T> = 0>
    ap_int_base(T x) : v_(from_bits(static_cast<uint64_t>(x))) {}
    template <int W2, bool S2>
    ap_int_base(const ap_int_base<W2, S2>& x) : v_(from_bits(x.bits())) {}

    // The 64-bit two's-complement pattern of the value (sign-extended for a signed type).
    uint64_t bits() const { return static_cast<uint64_t>(value()); }
    value_type value() const { return static_cast<value_type>(v_); }

    operator value_type() const { return value(); }
    int to_int() const { return static_cast<int>(value()); }
    unsigned to_uint() const { return static_cast<unsigned>(value()); }
    long to_long() const { return static_cast<long>(value()); }
    unsigned long to_ulong() const { return static_cast<unsigned long>(value()); }
    int64_t to_int64() const { return static_cast<int64_t>(value()); }
    uint64_t to_uint64() const { return static_cast<uint64_t>(value()); }
    static constexpr int length() { return W; }

    // Bit i (0 = least significant); i outside [0, W) reads as 0.
    bool operator[](int i) const { return i >= 0 && i < W && ((bits() >> i) & 1u) != 0; }
    bool test(int i) const { return (*this)[i]; }

    template <class T>
    ap_int_base& operator+=(const T& x) {
        return *this = *this + x;
    }
    template <class T>
    ap_int_base& operator-=(const T& x) {
        return *this = *this - x;
    }
    template <class T>
    ap_int_base& operator*=(const T& x) {
        return *this = *this * x;
    }
    template <class T>
    ap_int_base& operator&=(const T& x) {
        return *this = *this & x;
    }
    template <class T>
    ap_int_base& operator|=(const T& x) {
        return *this = *this | x;
    }
    template <class T>
    ap_int_base& operator^=(const T& x) {
        return *this = *this ^ x;
    }
    template <class T>
    ap_int_base& operator<<=(const T& x) {
        return *this = *this << x;
    }
    template <class T>
    ap_int_base& operator>>=(const T& x) {
        return *this = *this >> x;
    }
    ap_int_base& operator++() { return *this = *this + 1; }
    ap_int_base& operator--() { return *this = *this - 1; }
    ap_int_base operator++(int) {
        ap_int_base old = *this;
        ++*this;
        return old;
    }
    ap_int_base operator--(int) {
        ap_int_base old = *this;
        --*this;
        return old;
    }

    ap_int_base operator+() const { return *this; }
    ap_int_base<W + 1, true> operator-() const { return ap_int_base<W + 1, true>(0) - *this; }
    ap_int_base operator~() const { return ap_int_base(~bits()); }
    bool operator!() const { return value() == 0; }

  private:
    static typename quasar::ap_detail::storage<W, S>::type from_bits(uint64_t b) {
        return static_cast<typename quasar::ap_detail::storage<W, S>::type>(
            static_cast<value_type>(quasar::ap_detail::wrap<W, S>(b)));
    }

    typename quasar::ap_detail::storage<W, S>::type v_;
};

template <int W>
class ap_int : public ap_int_base<W, true> {
  public:
    ap_int() {}
    template <class T, quasar::ap_detail::enable_if_builtin<T> = 0>
    ap_int(T x) : ap_int_base<W, true>(x) {}
    template <int W2, bool S2>
    ap_int(const ap_int_base<W2, S2>& x) : ap_int_base<W, true>(x) {}
};

template <int W>
class ap_uint : public ap_int_base<W, false> {
  public:
    ap_uint() {}
    template <class T, quasar::ap_detail::enable_if_builtin<T> = 0>
    ap_uint(T x) : ap_int_base<W, false>(x) {}
    template <int W2, bool S2>
    ap_uint(const ap_int_base<W2, S2>& x) : ap_int_base<W, false>(x) {}
};

// The 128-bit bus word (bus.h): two 64-bit limbs and aligned field access only; no arithmetic (the engine moves
// words, it never computes on them).
template <>
class ap_uint<128> {
  public:
    ap_uint() : lo_(0), hi_(0) {}
    ap_uint(int zero) : lo_(static_cast<uint64_t>(static_cast<int64_t>(zero))), hi_(zero < 0 ? ~uint64_t(0) : 0) {}

    // Bits [lo + width - 1 : lo], width <= 32 and within one limb.
    uint64_t field(int lo, int width) const {
        const uint64_t limb = lo < 64 ? lo_ : hi_;
        return (limb >> (lo % 64)) & mask(width);
    }
    void set_field(int lo, int width, uint64_t value) {
        uint64_t& limb = lo < 64 ? lo_ : hi_;
        const int shift = lo % 64;
        limb = (limb & ~(mask(width) << shift)) | ((value & mask(width)) << shift);
    }
    bool operator==(const ap_uint& other) const { return lo_ == other.lo_ && hi_ == other.hi_; }
    bool operator!=(const ap_uint& other) const { return !(*this == other); }

  private:
    static uint64_t mask(int width) { return width >= 64 ? ~uint64_t(0) : (uint64_t(1) << width) - 1; }
    uint64_t lo_, hi_;
};

namespace quasar {
namespace ap_detail {

// Result types of the binary operators (Vitis' ap_int_base::RType).
template <int W1, bool S1, int W2, bool S2>
struct rtype {
    static constexpr int extend1 = (S2 && !S1) ? 1 : 0;
    static constexpr int extend2 = (S1 && !S2) ? 1 : 0;
    static constexpr int logic_w = max_width(W1 + extend1, W2 + extend2);
    typedef ap_int_base<W1 + W2, S1 || S2> mult;
    typedef ap_int_base<logic_w + 1, S1 || S2> plus;
    typedef ap_int_base<logic_w + 1, true> minus;
    typedef ap_int_base<logic_w, S1 || S2> logic;
};

// The ap type a built-in operand takes part as.
template <class T>
using builtin_ap = ap_int_base<builtin_traits<T>::width, builtin_traits<T>::is_signed>;

// Exact value comparison across widths and signedness.
template <int W1, bool S1, int W2, bool S2>
inline int compare(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {
    const bool a_negative = S1 && a.bits() >> 63;
    const bool b_negative = S2 && b.bits() >> 63;
    if (a_negative != b_negative) return a_negative ? -1 : 1;
    // Same sign: the 64-bit patterns order like the values.
    return a.bits() < b.bits() ? -1 : (a.bits() > b.bits() ? 1 : 0);
}

// A negative amount shifts the other way (Vitis' semantics). Both directions go through these two
// non-recursive helpers: the synthesizability lint (and Vitis) reject even bounded recursion.
template <int W, bool S>
inline ap_int_base<W, S> shift_right_by(const ap_int_base<W, S>& a, uint64_t s) {
    if (s >= 64) return ap_int_base<W, S>(S && (a.bits() >> 63) ? ~uint64_t(0) : 0);
    if (S) return ap_int_base<W, S>(static_cast<int64_t>(a.bits()) >> s);
    return ap_int_base<W, S>(a.bits() >> s);
}

template <int W, bool S>
inline ap_int_base<W, S> shift_left_by(const ap_int_base<W, S>& a, uint64_t s) {
    if (s >= 64) return ap_int_base<W, S>(0);
    return ap_int_base<W, S>(a.bits() << s);
}

template <int W, bool S>
inline ap_int_base<W, S> shift_right(const ap_int_base<W, S>& a, int64_t s) {
    return s < 0 ? shift_left_by(a, 0 - static_cast<uint64_t>(s)) : shift_right_by(a, static_cast<uint64_t>(s));
}

template <int W, bool S>
inline ap_int_base<W, S> shift_left(const ap_int_base<W, S>& a, int64_t s) {
    return s < 0 ? shift_right_by(a, 0 - static_cast<uint64_t>(s)) : shift_left_by(a, static_cast<uint64_t>(s));
}

} // namespace ap_detail
} // namespace quasar

// Arithmetic and logic between ap types: computed modulo 2^64, exact because every result fits its <= 64-bit type.
#define QUASAR_AP_BINARY(op, kind)                                                                                     \
    template <int W1, bool S1, int W2, bool S2>                                                                        \
    inline typename quasar::ap_detail::rtype<W1, S1, W2, S2>::kind operator op(const ap_int_base<W1, S1>& a,           \
                                                                               const ap_int_base<W2, S2>& b) {         \
        return typename quasar::ap_detail::rtype<W1, S1, W2, S2>::kind(a.bits() op b.bits());                          \
    }                                                                                                                  \
    template <int W1, bool S1, class T, quasar::ap_detail::enable_if_builtin<T> = 0>                                   \
    inline auto operator op(const ap_int_base<W1, S1>& a, T b)->decltype(a op quasar::ap_detail::builtin_ap<T>(b)) {   \
        return a op quasar::ap_detail::builtin_ap<T>(b);                                                               \
    }                                                                                                                  \
    template <class T, int W2, bool S2, quasar::ap_detail::enable_if_builtin<T> = 0>                                   \
    inline auto operator op(T a, const ap_int_base<W2, S2>& b)->decltype(quasar::ap_detail::builtin_ap<T>(a) op b) {   \
        return quasar::ap_detail::builtin_ap<T>(a) op b;                                                               \
    }

QUASAR_AP_BINARY(*, mult)
QUASAR_AP_BINARY(+, plus)
QUASAR_AP_BINARY(-, minus)
QUASAR_AP_BINARY(&, logic)
QUASAR_AP_BINARY(|, logic)
QUASAR_AP_BINARY(^, logic)
#undef QUASAR_AP_BINARY

#define QUASAR_AP_COMPARE(op)                                                                                          \
    template <int W1, bool S1, int W2, bool S2>                                                                        \
    inline bool operator op(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& b) {                              \
        return quasar::ap_detail::compare(a, b) op 0;                                                                  \
    }                                                                                                                  \
    template <int W1, bool S1, class T, quasar::ap_detail::enable_if_builtin<T> = 0>                                   \
    inline bool operator op(const ap_int_base<W1, S1>& a, T b) {                                                       \
        return quasar::ap_detail::compare(a, quasar::ap_detail::builtin_ap<T>(b)) op 0;                                \
    }                                                                                                                  \
    template <class T, int W2, bool S2, quasar::ap_detail::enable_if_builtin<T> = 0>                                   \
    inline bool operator op(T a, const ap_int_base<W2, S2>& b) {                                                       \
        return quasar::ap_detail::compare(quasar::ap_detail::builtin_ap<T>(a), b) op 0;                                \
    }

QUASAR_AP_COMPARE(==)
QUASAR_AP_COMPARE(!=)
QUASAR_AP_COMPARE(<)
QUASAR_AP_COMPARE(<=)
QUASAR_AP_COMPARE(>)
QUASAR_AP_COMPARE(>=)
#undef QUASAR_AP_COMPARE

// Shifts keep the left operand's type; the amount may be an ap type or a built-in integer.
template <int W1, bool S1, int W2, bool S2>
inline ap_int_base<W1, S1> operator<<(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& s) {
    return quasar::ap_detail::shift_left(a, static_cast<int64_t>(s.value()));
}
template <int W1, bool S1, int W2, bool S2>
inline ap_int_base<W1, S1> operator>>(const ap_int_base<W1, S1>& a, const ap_int_base<W2, S2>& s) {
    return quasar::ap_detail::shift_right(a, static_cast<int64_t>(s.value()));
}
template <int W1, bool S1, class T, quasar::ap_detail::enable_if_builtin<T> = 0>
inline ap_int_base<W1, S1> operator<<(const ap_int_base<W1, S1>& a, T s) {
    return quasar::ap_detail::shift_left(a, static_cast<int64_t>(s));
}
template <int W1, bool S1, class T, quasar::ap_detail::enable_if_builtin<T> = 0>
inline ap_int_base<W1, S1> operator>>(const ap_int_base<W1, S1>& a, T s) {
    return quasar::ap_detail::shift_right(a, static_cast<int64_t>(s));
}

// The kernel's ports are arrays of these types; a host that calls the g++-built kernel in process (the C# csim
// engine, sw-emu) passes plain byte and int32 arrays, so the types must have exactly those sizes.
static_assert(sizeof(ap_int<8>) == 1 && sizeof(ap_uint<8>) == 1 && sizeof(ap_int<32>) == 4,
              "kernel port types must match the host's int8/uint8/int32 arrays");

#endif // QUASAR_AP_COMPAT_H
