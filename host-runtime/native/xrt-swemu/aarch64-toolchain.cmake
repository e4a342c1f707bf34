# Cross-compiles the sw-emu library for an aarch64 Linux host (the ZCU102's A53s):
#   cmake -S host-runtime/native/xrt-swemu -B <build dir> -DCMAKE_TOOLCHAIN_FILE=host-runtime/native/xrt-swemu/aarch64-toolchain.cmake
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_CXX_COMPILER aarch64-linux-gnu-g++)
