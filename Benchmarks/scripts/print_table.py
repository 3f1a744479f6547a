#!/usr/bin/env python3
"""Prints `make bench`'s one table from the results Benchmarks/bench.sh collected (one JSON object per line)."""
import argparse
import datetime
import json
import os
import platform
import statistics


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({model}), {memory:.0f} GiB, {platform.system()} {platform.release()}"


def ratio(numerator, denominator) -> str:
    if not numerator or not denominator:
        return ""
    return f"{numerator / denominator:,.1f}×"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("results")
    parser.add_argument("--command", default="make bench")
    options = parser.parse_args()
    parts = {}
    passthrough = []
    for line in open(options.results, encoding="utf-8"):
        entry = json.loads(line)
        if entry["part"] == "passthrough":
            passthrough.append(entry["result"]["line"])
        else:
            parts[entry["part"]] = entry["result"]

    print(f"Clipper benchmark, {datetime.date.today().isoformat()}, {machine()}")
    print(f"command: {options.command}")
    print()
    print("| measure | Clipper | Python stack | Clipper advantage |")
    print("|---|---|---|---|")
    chain, python, process = parts.get("chain"), parts.get("python"), parts.get("process")
    python = python or {}

    def compared(label, mine, theirs, digits=0, higher_is_better=False):
        """A row with Clipper's figure, the Python stack's and how many times better Clipper is."""
        advantage = ratio(mine, theirs) if higher_is_better else ratio(theirs, mine)
        theirs_text = f"{theirs:,.{digits}f}" if theirs else "–"
        print(f"| {label} | {mine:,.{digits}f} | {theirs_text} | {advantage} |")

    if chain:
        peers = {"language": "lingua", "entities": "spaCy sm", "dedup": "datasketch"}
        for name in chain["order"]:
            label = f"(a) `{name}` µs/article, one core" + (f" (vs {peers[name]})" if name in peers else "")
            compared(label, chain["processor_us"].get(name, 0), python.get("processor_us", {}).get(name))
        compared("(a) whole chain µs/article (decode, chain, encode)", chain["chain_us"], python.get("chain_us"))
        compared("(a) start-up: chain built, models loaded, s", chain["startup_s"], python.get("startup_s"), 2)
    if process:
        compared("(a) `clipper process`, articles/s, one core, start-up included", process["articles_per_s"],
                 python.get("articles_per_s"), 1, higher_is_better=True)
        compared("(a) `clipper process` peak RSS, MB", process["rss_mb"], python.get("rss_mb"))
    for broker in ("tansu", "clipper"):
        run = parts.get(f"e2e-{broker}")
        if not run:
            continue
        name = "Tansu" if broker == "tansu" else "`clipper broker`"
        print(f"| (b) `clipper run` via {name}, articles/s, 2 cores | {run['articles_per_s']:,.0f} | | |")
        print(f"| (b) via {name}: latency p50 / p99 ms at {run['latency_rate_per_s']:,.0f}/s "
              f"(fetch.wait.max.ms {run.get('fetch_wait_ms', 500)}) | "
              f"{run['latency_p50_ms']:,.0f} / {run['latency_p99_ms']:,.0f} | | |")
        print(f"| (b) via {name}: start to `/readyz` / to first output, s | {run['startup_s']:.2f} / "
              f"{run['first_output_s']:.2f} | | |")
        print(f"| (b) via {name}: peak RSS, MB | {run['rss_mb']:,.0f} | | |")
    if passthrough:
        ratios = []
        for line in passthrough:
            if "ratio Swift/C = " in line:
                ratios.append(float(line.rsplit("= ", 1)[1]))
        if ratios:
            print(f"| (d) Kafka passthrough, Swift/C loop, median of {len(ratios)} | "
                  f"{statistics.median(ratios):.2f} (runs: {', '.join(f'{r:.2f}' for r in ratios)}) | | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
