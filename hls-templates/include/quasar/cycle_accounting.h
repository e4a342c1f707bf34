// Cycle accounting (docs/kernel-layout.md §4): with -DQUASAR_CYCLE_ACCOUNTING the engine charges every iteration of
// its pipelined loops one cycle (each runs at II 1) and every entry of one its declared depth, per dataflow process.
// The counts are what the C++ executes for the call at hand (its token and row tiles, its 8-bit rows), so the
// hardware model's closed form can be held against them. Off for synthesis and for the lint: the macros are empty.
#ifndef QUASAR_CYCLE_ACCOUNTING_H
#define QUASAR_CYCLE_ACCOUNTING_H

#ifdef QUASAR_CYCLE_ACCOUNTING
namespace quasar {

struct cycle_counts {
    long long tables, read_a, read_w, compute, output;
    long long write_port[2]; // the two output writers, side by side
    // Pipeline fill of the region: the first word's way through reader, array, output stage and writer.
    long long fill;

    long long write() const { return write_port[0] > write_port[1] ? write_port[0] : write_port[1]; }

    // The region's processes overlap (DATAFLOW), so the slowest sets the pace; the table load runs before it.
    long long total() const {
        long long slowest = read_a;
        const long long others[] = {read_w, compute, output, write()};
        for (long long c : others) slowest = c > slowest ? c : slowest;
        return tables + slowest + fill;
    }
};

inline cycle_counts& cycle_counter() {
    static cycle_counts counts;
    return counts;
}

inline void reset_cycle_counter() {
    cycle_counter() = cycle_counts();
}

} // namespace quasar
#define QUASAR_COUNT(process, cycles) (::quasar::cycle_counter().process += (cycles))
#else
#define QUASAR_COUNT(process, cycles) ((void)0)
#endif

#endif // QUASAR_CYCLE_ACCOUNTING_H
