// The bytes of one copy of a buffer that are newer than the other copy, as one interval [begin, end). Syncing a range
// removes it; a sync through the middle keeps the whole interval, which can only make the check stricter, never
// let stale data through.
#ifndef QUASAR_SWEMU_DIRTY_RANGE_H
#define QUASAR_SWEMU_DIRTY_RANGE_H

#include <algorithm>
#include <cstddef>

namespace quasar::swemu {

struct DirtyRange {
    std::size_t begin = 0, end = 0;

    bool empty() const { return begin >= end; }
    bool overlaps(std::size_t from, std::size_t to) const { return !empty() && from < end && begin < to; }

    void add(std::size_t from, std::size_t to) {
        if (from >= to) return;
        if (empty()) {
            begin = from;
            end = to;
        } else {
            begin = std::min(begin, from);
            end = std::max(end, to);
        }
    }

    void remove(std::size_t from, std::size_t to) {
        if (!overlaps(from, to)) return;
        if (from <= begin && to >= end)
            begin = end = 0;
        else if (from <= begin)
            begin = to;
        else if (to >= end)
            end = from;
    }
};

} // namespace quasar::swemu

#endif // QUASAR_SWEMU_DIRTY_RANGE_H
