#!/usr/bin/env bash
# Format check (CI): `swift format lint --strict` with the repository's .swift-format on the paths listed in
# .swift-format-paths. The list holds the code already in the house format; it grows as code is reformatted
# (`swift format format --in-place --recursive PATH`, then add PATH), so a reformat never lands in the middle of other
# work. Skipped with a note when the toolchain has no `swift format`.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! swift format --version >/dev/null 2>&1; then
    echo "format-check: this toolchain has no 'swift format'; skipped"
    exit 0
fi
mapfile -t paths < <(grep -v -E '^\s*(#|$)' .swift-format-paths)
swift format lint --strict --configuration .swift-format --recursive "${paths[@]}"
echo "format-check: ${#paths[@]} paths clean"
