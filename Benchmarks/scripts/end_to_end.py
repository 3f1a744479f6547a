#!/usr/bin/env python3
"""End-to-end `clipper run` through a real broker: articles/s, produce-to-output latency, RSS, start-up.

    .tools/venv-bench/bin/python Benchmarks/scripts/end_to_end.py --broker tansu --clipper .build/release/clipper \
        --corpus .build/bench/corpus.jsonl

1. Starts the broker (Tansu, or `clipper broker`, librdkafka's mock cluster) on a free loopback port with 4-partition
   topics, and a `clipper run` worker with the shipped Config/clipper.yaml (all four processors) pointed at it.
   Start-up is the time from spawning the worker to `/readyz` answering 200, and to the first output record.
2. Throughput: the corpus is loaded into the input topic as a backlog, then the worker's progress is watched on
   the output and dead-letter topics. articles/s = records out / (last output timestamp - first output timestamp).
3. Latency: the same articles under new ids are produced at half that rate; each output record's broker timestamp
   minus its input record's timestamp gives the latency; p50 and p99 are printed.
RSS is the worker's peak (VmHWM). Prints one JSON object.
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from confluent_kafka import Consumer, Producer

ROOT = Path(__file__).resolve().parents[2]
PARTITIONS = 4


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.02)
    raise SystemExit(f"end_to_end: timed out after {timeout:.0f}s waiting for {what}")


def start_broker(kind: str, options, work: Path):
    topics = ["bench.in", "bench.out", "bench.dlq"]
    if kind == "tansu":
        port = free_port()
        address = f"127.0.0.1:{port}"
        process = subprocess.Popen(
            [options.tansu, "broker", "--listener-url", f"tcp://{address}", "--advertised-listener-url",
             f"tcp://{address}", "--storage-engine", "memory://tansu/"],
            stdout=open(work / "tansu.log", "w"), stderr=subprocess.STDOUT)

        def reachable():
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return True
            except OSError:
                return False

        wait_for(reachable, 20, "Tansu to listen")
        for topic in topics:
            subprocess.run([options.tansu, "topic", "create", "--broker", f"tcp://{address}", "--partitions",
                            str(PARTITIONS), topic], check=True, stdout=subprocess.DEVNULL)
        return process, address
    bootstrap = work / "bootstrap"
    arguments = [options.clipper, "broker", "--bootstrap-file", str(bootstrap)]
    for topic in topics:
        arguments += ["--topic", f"{topic}:{PARTITIONS}"]
    process = subprocess.Popen(arguments, stdout=open(work / "broker.log", "w"), stderr=subprocess.STDOUT)
    wait_for(lambda: bootstrap.exists() and bootstrap.read_text().strip(), 20, "clipper broker")
    return process, bootstrap.read_text().strip()


def worker_config(work: Path, http_port: int, fetch_wait_ms: int) -> Path:
    text = (ROOT / "Config/clipper.yaml").read_text()
    text = text.replace("input: articles.raw", "input: bench.in")
    text = text.replace("output: articles.enriched", "output: bench.out")
    text = text.replace("dead_letter: articles.dlq", "dead_letter: bench.dlq")
    text = re.sub(r"(\n  port:) \d+", rf"\1 {http_port}", text)
    # Tansu and the mock cluster answer a fetch only when fetch.wait.max.ms (librdkafka: 500) runs out, where a
    # Kafka broker answers as soon as a record arrives; without this the latency measured is the broker's wait.
    text = text.replace("consumer_properties: {}", f'consumer_properties: {{fetch.wait.max.ms: "{fetch_wait_ms}"}}')
    shutil.copy(ROOT / "Config/watchlist.yaml", work / "watchlist.yaml")
    path = work / "clipper.yaml"
    path.write_text(text)
    return path


class TopicWatcher(threading.Thread):
    """Reads the output and dead-letter topics from the start, keeping each record's id and broker timestamp."""

    def __init__(self, address: str):
        super().__init__(daemon=True)
        self.consumer = Consumer({"bootstrap.servers": address, "group.id": f"bench-watch-{os.getpid()}",
                                  "auto.offset.reset": "earliest", "enable.auto.commit": False,
                                  "log_level": 0})
        self.consumer.subscribe(["bench.out", "bench.dlq"])
        self.outputs = {}
        self.dead_letters = 0
        self.first_seen = None
        #: The worker's pid once it runs; its CPU time is read when the first output arrives.
        self.pid = None
        self.cpu_at_first_output = 0.0
        self.lock = threading.Lock()
        self.running = True

    def run(self):
        while self.running:
            message = self.consumer.poll(0.1)
            if message is None or message.error():
                continue
            with self.lock:
                if self.first_seen is None:
                    self.first_seen = time.monotonic()
                    if self.pid:
                        self.cpu_at_first_output = cpu_seconds(self.pid)
                if message.topic() == "bench.dlq":
                    self.dead_letters += 1
                    continue
                raw_id = json.loads(message.value())["raw_id"]
                self.outputs[raw_id] = message.timestamp()[1] / 1000

    def count(self):
        with self.lock:
            return len(self.outputs) + self.dead_letters


def produce(address: str, articles, suffix: str, rate: float = 0):
    producer = Producer({"bootstrap.servers": address, "linger.ms": 5, "acks": "all"})
    sent = {}
    began = time.monotonic()
    for number, article in enumerate(articles):
        if rate:
            delay = began + number / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        record = dict(article, id=article["id"] + suffix)
        sent[record["id"]] = time.time()
        producer.produce("bench.in", json.dumps(record).encode(), key=record["id"].encode())
        producer.poll(0)
    producer.flush(30)
    return sent


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--broker", choices=["tansu", "clipper"], default="tansu")
    parser.add_argument("--clipper", default=str(ROOT / ".build/release/clipper"))
    parser.add_argument("--tansu", default=str(ROOT / ".tools/tansu/bin/tansu"))
    parser.add_argument("--corpus", default=str(ROOT / ".build/bench/corpus.jsonl"))
    parser.add_argument("--count", type=int, default=0, help="articles in the backlog (default: the whole corpus)")
    parser.add_argument("--latency-count", type=int, default=300)
    parser.add_argument("--fetch-wait-ms", type=int, default=100, help="the worker's fetch.wait.max.ms")
    options = parser.parse_args()

    articles = [json.loads(line) for line in open(options.corpus, encoding="utf-8") if line.strip()]
    backlog = articles[:options.count] if options.count else articles
    work = Path(tempfile.mkdtemp(prefix="clipper-e2e-"))
    broker = worker = None
    try:
        broker, address = start_broker(options.broker, options, work)
        watcher = TopicWatcher(address)
        watcher.start()
        produce(address, backlog, "")

        http_port = free_port()
        environment = dict(os.environ, CLIPPER_KAFKA_BROKERS=address, CLIPPER_GROUP_ID="bench",
                           CLIPPER_STATE_DIR=str(work / "state"), CLIPPER_LOG_LEVEL="warning")
        spawned = time.monotonic()
        worker = subprocess.Popen([options.clipper, "run", "--config", str(worker_config(work, http_port, options.fetch_wait_ms))],
                                  env=environment, stdout=open(work / "worker.log", "w"), stderr=subprocess.STDOUT)
        watcher.pid = worker.pid

        def ready():
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{http_port}/readyz", timeout=0.5) as response:
                    return response.status == 200
            except OSError:
                return worker.poll() is not None and sys.exit(f"worker exited: see {work}/worker.log")

        wait_for(ready, 60, "/readyz")
        startup = time.monotonic() - spawned
        wait_for(lambda: watcher.count() >= len(backlog), 600, f"{len(backlog)} records out")
        with watcher.lock:
            stamps = sorted(watcher.outputs.values())
        throughput = (len(stamps) - 1) / max(stamps[-1] - stamps[0], 1e-6)
        # CPU from the first output on (Tansu's first group join alone takes 20 s of idle polling).
        cpu_backlog = cpu_seconds(worker.pid) - watcher.cpu_at_first_output
        first_output = watcher.first_seen - spawned

        latency_set = articles[:options.latency_count]
        sent = produce(address, latency_set, "-latency", rate=max(5.0, throughput / 2))
        wait_for(lambda: watcher.count() >= len(backlog) + len(latency_set), 120, "latency records out")
        with watcher.lock:
            latencies = sorted(watcher.outputs[key] - sent[key] for key in sent if key in watcher.outputs)
        rss = peak_rss_mb(worker.pid)
        result = {
            "broker": options.broker,
            "fetch_wait_ms": options.fetch_wait_ms,
            "articles": len(backlog),
            "startup_s": startup,
            "first_output_s": first_output,
            "articles_per_s": throughput,
            "articles_per_cpu_s": len(backlog) / max(cpu_backlog, 1e-6),
            "latency_rate_per_s": max(5.0, throughput / 2),
            "latency_p50_ms": latencies[len(latencies) // 2] * 1000 if latencies else None,
            "latency_p99_ms": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
            if latencies else None,
            "rss_mb": rss,
            "dead_letters": watcher.dead_letters,
        }
        watcher.running = False
        watcher.join(5)
        watcher.consumer.close()
        print(json.dumps(result, sort_keys=True))
        return 0
    finally:
        for process in (worker, broker):
            if process and process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(20)
                except subprocess.TimeoutExpired:
                    process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
