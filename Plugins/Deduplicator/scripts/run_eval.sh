#!/usr/bin/env bash
# Quality tables (pair mode and index mode), ours beside datasketch MinHashLSH (num_perm 128, threshold 0.8).
#   Plugins/Deduplicator/scripts/run_eval.sh [dev_pairs.jsonl]
# DEDUP_TOOL=path skips the release build; PACKAGE_DIR picks another package root.
source "$(dirname "$0")/common.sh"
"$VENV/bin/python" "$PLUGIN_DIR/scripts/evaluate.py" "$PAIRS" --tool "$DEDUP_TOOL"
