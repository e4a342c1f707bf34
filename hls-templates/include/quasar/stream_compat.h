// hls::stream for g++ builds without Vitis (types.h chooses): an unbounded FIFO, as Vitis' own csim model. In csim
// the processes of a DATAFLOW region run one after the other, so a stream holds everything its producer wrote until
// the consumer runs. Reading an empty stream is a bug of the engine's loop bounds (the hardware would hang): it aborts
// with the stream's name, as Vitis csim reports it.
#ifndef QUASAR_STREAM_COMPAT_H
#define QUASAR_STREAM_COMPAT_H

#include <cstdio>
#include <cstdlib>
#include <deque>

namespace hls {

template <class T>
class stream {
  public:
    stream() : name_("stream") {}
    explicit stream(const char* name) : name_(name) {}
    stream(const stream&) = delete;
    stream& operator=(const stream&) = delete;

    void write(const T& value) { items_.push_back(value); }
    T read() {
        if (items_.empty()) {
            std::fprintf(stderr, "hls::stream '%s' read while empty\n", name_);
            std::abort();
        }
        T value = items_.front();
        items_.pop_front();
        return value;
    }
    bool empty() const { return items_.empty(); }
    bool full() const { return false; }
    size_t size() const { return items_.size(); }

  private:
    const char* name_;
    std::deque<T> items_;
};

} // namespace hls

#endif // QUASAR_STREAM_COMPAT_H
