#!/usr/bin/env bash
# One entry point for a fresh Debian/Ubuntu machine with the .NET SDK:
#   ./build.sh Demo   the main job end to end on the shipped samples
#   ./build.sh Test   the test suite (what CI runs)
# It installs the system packages the project needs (when missing), restores the cake tool, then runs the target.
set -euo pipefail
cd "$(dirname "$0")"
.ci/install-system-packages
dotnet tool restore >/dev/null
exec dotnet cake build.cake --target="${1:-Test}" "${@:2}"
