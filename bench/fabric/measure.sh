#!/usr/bin/env bash
# Fabric cost of the engine's 4-bit atomic units, measured with Yosys (synth_xilinx -family xcup -abc9) on RTL models
# of one array column slice (docs/hardware-model.md §2.1). First proves the bit-slice recovery equivalent to the
# subtract-and-shift recovery of dsp_packing.h (SAT, every input), then prints LUTs per unit for each variant.
# Usage: bench/fabric/measure.sh [TK]      (needs yosys: apt-get install yosys)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
tk="${1:-24}"
command -v yosys >/dev/null || { echo "error: yosys is not installed (apt-get install yosys)" >&2; exit 4; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

prove() { # module: the SLICE=1 recovery equals the SLICE=0 one for every input (one DSP, TK = 1)
  cat > "$work/prove.ys" <<YS
read_verilog $here/$1.v
chparam -set TK 1 -set SLICE 0 -set SUM_BITS 12 $1
rename $1 gold
read_verilog $here/$1.v
chparam -set TK 1 -set SLICE 1 -set SUM_BITS 12 $1
rename $1 gate
proc; opt_clean; async2sync
miter -equiv -flatten -make_outputs gold gate miter
hierarchy -top miter; flatten; opt
sat -verify -prove trigger 0 -set-init-zero -seq 2 miter
YS
  yosys -q "$work/prove.ys" >/dev/null && echo "$1: bit-slice recovery proven equal to subtract-and-shift (SAT, all inputs)"
}

luts() { # module, units, chparams..., [-nodsp]: LUTs and DSPs after synthesis
  local module=$1 units=$2; shift 2
  local extra="" params=""
  for p in "$@"; do if [ "$p" = -nodsp ]; then extra="-nodsp"; else params="$params -set ${p%%=*} ${p#*=}"; fi; done
  printf 'read_verilog %s/%s.v\nchparam%s %s\nsynth_xilinx -family xcup -top %s -flatten -abc9 %s\ntee -o %s/stat.txt stat\n' \
    "$here" "$module" "$params" "$module" "$module" "$extra" "$work" > "$work/syn.ys"
  yosys -q "$work/syn.ys" >/dev/null
  awk -v units="$units" -v what="$module $*" '/LUT[1-6] /{l+=$2} /DSP48E2 /{d=$2} /CARRY/{c+=$2}
    END {printf "| %-40s | %5d | %4d | %5d | %5.1f |\n", what, l, d+0, c, l/units}' "$work/stat.txt"
}

prove pf3_column
prove pf4_column
echo
echo "| column slice (TK = $tk) | LUTs | DSPs | CARRY | LUTs per unit |"
echo "|---|---|---|---|---|"
luts pf3_column $((3 * tk)) TK=$tk SLICE=0 SUM_BITS=32
luts pf3_column $((3 * tk)) TK=$tk SLICE=1 SUM_BITS=32
luts pf4_column $((4 * tk)) TK=$tk SLICE=0 SUM_BITS=32
luts pf4_column $((4 * tk)) TK=$tk SLICE=1 SUM_BITS=32
luts lut_column $tk TK=$tk SUM_BITS=32 -nodsp
