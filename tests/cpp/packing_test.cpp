// Exhaustive check of dsp_packing.h against plain products: every activation with every combination of nibble
// operands in [-8, 15] (signed nibbles, unsigned nibbles, and rows of both kinds sharing one DSP), for packing
// factor 3 (one activation × three nibbles) and packing factor 4 (two activations × two nibbles).
#include "check.h"
#include "quasar/dsp_packing.h"
#include "quasar/pe.h"

namespace {

constexpr int X_MIN = -32, X_MAX = 31; // 6-bit activations
constexpr int W_MIN = -8, W_MAX = 15;  // signed nibbles [-8, 7] and unsigned nibbles [0, 15]

void packing_factor_3() {
    long cases = 0;
    for (int w0 = W_MIN; w0 <= W_MAX; ++w0)
        for (int w1 = W_MIN; w1 <= W_MAX; ++w1)
            for (int w2 = W_MIN; w2 <= W_MAX; ++w2) {
                const quasar::dsp_a_t packed = quasar::pf3_pack_weights(w0, w1, w2);
                for (int x = X_MIN; x <= X_MAX; ++x) {
                    quasar::product_t p0, p1, p2;
                    quasar::pf3_multiply(packed, x, p0, p1, p2);
                    CHECK_EQ(x * w0, p0);
                    CHECK_EQ(x * w1, p1);
                    CHECK_EQ(x * w2, p2);
                    ++cases;
                }
            }
    CHECK_EQ(24L * 24 * 24 * 64, cases);
}

void packing_factor_4() {
    long cases = 0;
    for (int w0 = W_MIN; w0 <= W_MAX; ++w0)
        for (int w1 = W_MIN; w1 <= W_MAX; ++w1) {
            const quasar::dsp_a_t packed_w = quasar::pf4_pack_weights(w0, w1);
            for (int x0 = X_MIN; x0 <= X_MAX; ++x0)
                for (int x1 = X_MIN; x1 <= X_MAX; ++x1) {
                    quasar::product_t x0w0, x1w0, x0w1, x1w1;
                    quasar::pf4_multiply(packed_w, quasar::pf4_pack_activations(x0, x1), x0w0, x1w0, x0w1, x1w1);
                    CHECK_EQ(x0 * w0, x0w0);
                    CHECK_EQ(x1 * w0, x1w0);
                    CHECK_EQ(x0 * w1, x0w1);
                    CHECK_EQ(x1 * w1, x1w1);
                    ++cases;
                }
        }
    CHECK_EQ(24L * 24 * 64 * 64, cases);
}

void lut_unit() {
    for (int w = W_MIN; w <= W_MAX; ++w)
        for (int x = X_MIN; x <= X_MAX; ++x) CHECK_EQ(x * w, quasar::pe_multiply(x, w));
}

} // namespace

int main() {
    packing_factor_3();
    packing_factor_4();
    lut_unit();
    return check::exit_code("packing_test");
}
