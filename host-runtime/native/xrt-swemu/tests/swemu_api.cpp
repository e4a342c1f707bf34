#include "swemu_api.h"

#include <cstdio>
#include <cstdlib>
#include <dlfcn.h>

namespace {
SwemuApi api;
}

void load_swemu(const std::string& library) {
    void* handle = dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        std::fprintf(stderr, "cannot load %s: %s\n", library.c_str(), dlerror());
        std::exit(2);
    }
#define SWEMU_RESOLVE(name)                                                                                            \
    api.name = reinterpret_cast<decltype(api.name)>(dlsym(handle, #name));                                             \
    if (api.name == nullptr) {                                                                                         \
        std::fprintf(stderr, "%s does not export %s\n", library.c_str(), #name);                                       \
        std::exit(2);                                                                                                  \
    }
    SWEMU_FUNCTIONS(SWEMU_RESOLVE)
#undef SWEMU_RESOLVE
}

const SwemuApi& xrt() {
    return api;
}
