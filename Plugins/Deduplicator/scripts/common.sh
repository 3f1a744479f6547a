# Shared by run_eval.sh and run_bench.sh: the venv with datasketch, and the release tool.
set -euo pipefail
PLUGIN_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGE_DIR="${PACKAGE_DIR:-$(cd "$PLUGIN_DIR/../.." && pwd)}"
VENV="${VENV:-$PACKAGE_DIR/.venv-dedup}"
PAIRS="${1:-$PACKAGE_DIR/../shared/eval/dedup/dev_pairs.jsonl}"
if [ ! -f "$PAIRS" ]; then
    echo "no dev set at $PAIRS; pass the path of dev_pairs.jsonl as the first argument" >&2
    exit 2
fi
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "datasketch==2.0.0"
fi
if [ -z "${DEDUP_TOOL:-}" ]; then
    (cd "$PACKAGE_DIR" && swift build -c release --product DeduplicatorTool >&2)
    DEDUP_TOOL="$(cd "$PACKAGE_DIR" && swift build -c release --show-bin-path)/DeduplicatorTool"
fi
