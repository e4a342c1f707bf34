// The sw-emu's own exports: what real XRT reports through its message sink, and the leak tests' handle count.
#include "api_guard.h"
#include "handles.h"
#include "quasar_xrt_swemu.h"

using namespace quasar::swemu;

const char* quasar_swemu_last_error(void) {
    return last_error();
}

int quasar_swemu_live_handles(void) {
    return guarded("quasar_swemu_live_handles", -1, [] { return live_handle_count(); });
}
