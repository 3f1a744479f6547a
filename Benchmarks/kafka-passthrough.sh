#!/usr/bin/env bash
# Kafka passthrough benchmark: a plain C librdkafka loop vs. Clipper's KafkaPipeline, same broker, same run.
#
# Starts Tansu on a free loopback port (memory storage), loads COUNT x SIZE-byte messages into a PARTITIONS-
# partition input topic, then runs the C loop and the Swift pipeline (release build) one after the other, each
# consuming the whole input as its own consumer group and forwarding every record to its own output topic with an
# idempotent acks=all producer, storing offsets after delivery. Prints messages/s for each and the ratio Swift/C.
#
#   Benchmarks/kafka-passthrough.sh                 # 200,000 x 2 KB, 3 partitions
#   COUNT=50000 SIZE=1024 Benchmarks/kafka-passthrough.sh
#   BUILD_PATH=.build-kafka PACKAGE_DIR=. Benchmarks/kafka-passthrough.sh
#   SWIFT_ARGS="--lane-capacity 1000000" Benchmarks/kafka-passthrough.sh   # extra flags for the Swift side
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
COUNT="${COUNT:-200000}"
SIZE="${SIZE:-2048}"
PARTITIONS="${PARTITIONS:-3}"
LINGER="${LINGER:-5}"
PACKAGE_DIR="${PACKAGE_DIR:-$ROOT}"
BUILD_PATH="${BUILD_PATH:-$PACKAGE_DIR/.build-kafka}"
TANSU="${TANSU_BIN:-$ROOT/.tools/tansu/bin/tansu}"
WORK="$(mktemp -d)"
TANSU_PID=""
cleanup() {
    if [ -n "$TANSU_PID" ]; then kill -9 "$TANSU_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

[ -x "$TANSU" ] || { echo "Tansu not found at $TANSU: run scripts/setup.sh" >&2; exit 1; }

echo "== building the C loop and the Swift benchmark (release)"
gcc -O2 -Wall -o "$WORK/passthrough" "$ROOT/Benchmarks/KafkaPassthrough/c/passthrough.c" -lrdkafka
(cd "$PACKAGE_DIR" && swift build -c release --build-path "$BUILD_PATH" --product KafkaPassthroughBenchmark 2>&1 | tail -1)
SWIFT_BIN="$BUILD_PATH/release/KafkaPassthroughBenchmark"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
BROKER="127.0.0.1:$PORT"
echo "== starting Tansu on $BROKER"
"$TANSU" broker --listener-url "tcp://$BROKER" --advertised-listener-url "tcp://$BROKER" \
    --storage-engine memory://tansu/ >"$WORK/tansu.log" 2>&1 &
TANSU_PID=$!
for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
    sleep 0.1
done
for topic in bench.in bench.out.c bench.out.swift; do
    "$TANSU" topic create --broker "tcp://$BROKER" --partitions "$PARTITIONS" "$topic" >/dev/null
done

echo "== loading $COUNT x $SIZE bytes into bench.in ($PARTITIONS partitions)"
"$WORK/passthrough" load -b "$BROKER" -t bench.in -n "$COUNT" -s "$SIZE" -p "$PARTITIONS"

echo "== C librdkafka loop"
C_LINE="$("$WORK/passthrough" run -b "$BROKER" -i bench.in -o bench.out.c -g bench-c -n "$COUNT" -l "$LINGER")"
echo "$C_LINE"
echo "== Swift KafkaPipeline"
SWIFT_LINE="$("$SWIFT_BIN" --brokers "$BROKER" --input bench.in --output bench.out.swift --group bench-swift --count "$COUNT" --linger "$LINGER" ${SWIFT_ARGS:-})"
echo "$SWIFT_LINE"

C_RATE="$(echo "$C_LINE" | sed -E 's/.*= ([0-9]+) msg\/s.*/\1/')"
SWIFT_RATE="$(echo "$SWIFT_LINE" | sed -E 's/.*= ([0-9]+) msg\/s.*/\1/')"
python3 - "$C_RATE" "$SWIFT_RATE" <<'PY'
import sys
c, s = float(sys.argv[1]), float(sys.argv[2])
print(f"== result: C {c:,.0f} msg/s, Swift {s:,.0f} msg/s, ratio Swift/C = {s / c:.2f}")
PY
