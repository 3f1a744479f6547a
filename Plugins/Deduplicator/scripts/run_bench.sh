#!/usr/bin/env bash
# Benchmark on one core: insert+query docs/s (ours beside datasketch), memory and disk per document.
#   Plugins/Deduplicator/scripts/run_bench.sh [dev_pairs.jsonl]
# WINDOW=N sets the synthetic window for the memory figure (default 100000).
source "$(dirname "$0")/common.sh"
taskset -c 0 "$VENV/bin/python" "$PLUGIN_DIR/scripts/evaluate.py" "$PAIRS" --tool "$DEDUP_TOOL" --bench \
    --window "${WINDOW:-100000}"
