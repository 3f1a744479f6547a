#!/usr/bin/env python3
"""Evaluation and benchmark of the dedup plugin, with datasketch MinHashLSH side by side.

Pair mode: each labelled pair on its own (ours: fresh state, insert a then b; datasketch: fresh LSH with a, query b).
Index mode: every distinct document once, in file order; a pair is predicted duplicate when both documents end up
with the same cluster_id (datasketch: a document joins the cluster of its earliest LSH candidate).
Bench (--bench): insert+query documents/s on the same documents for both, pinned to one core by the caller
(taskset), plus resident memory and disk per document for a window of synthetic documents (ours).

Run through run_eval.sh / run_bench.sh, which make the venv and build the release tool.
"""
import argparse
import collections
import json
import re
import subprocess
import sys
import time

from datasketch import MinHash, MinHashLSH

TOKEN = re.compile(r"\w+")
NUM_PERM = 128
THRESHOLD = 0.8


def load(path):
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def distinct_documents(pairs):
    seen, documents = set(), []
    for pair in pairs:
        for side in ("a", "b"):
            doc = pair[side]
            if doc["id"] not in seen:
                seen.add(doc["id"])
                documents.append(doc)
    return documents


def minhash(text):
    tokens = TOKEN.findall(text.lower())
    shingles = {" ".join(tokens[i:i + 5]) for i in range(max(len(tokens) - 4, 1))}
    signature = MinHash(num_perm=NUM_PERM, seed=1)
    signature.update_batch([s.encode("utf-8") for s in shingles])
    return signature


def datasketch_pairs(pairs):
    predicted = {}
    for pair in pairs:
        lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        lsh.insert(pair["a"]["id"], minhash(pair["a"]["text"]))
        predicted[pair["id"]] = pair["a"]["id"] in lsh.query(minhash(pair["b"]["text"]))
    return predicted


def datasketch_index(documents):
    """Insert+query in file order; returns (cluster by doc id, wall seconds, CPU seconds)."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    order, cluster = {}, {}
    start, start_cpu = time.perf_counter(), time.process_time()
    for number, doc in enumerate(documents):
        signature = minhash(doc["text"])
        candidates = lsh.query(signature)
        if candidates:
            earliest = min(candidates, key=order.__getitem__)
            cluster[doc["id"]] = cluster[earliest]
        else:
            cluster[doc["id"]] = doc["id"]
        if doc["id"] not in order:
            lsh.insert(doc["id"], signature)
            order[doc["id"]] = number
    return cluster, time.perf_counter() - start, time.process_time() - start_cpu


def run_tool(tool, *args):
    output = subprocess.run([tool, *args], check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def scores(pairs, predicted):
    tp = sum(1 for p in pairs if predicted[p["id"]] and p["label"] == "dup")
    fp = sum(1 for p in pairs if predicted[p["id"]] and p["label"] != "dup")
    fn = sum(1 for p in pairs if not predicted[p["id"]] and p["label"] == "dup")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def per_kind(pairs, predicted):
    hits = collections.defaultdict(list)
    for pair in pairs:
        hits[(pair["label"], pair["kind"])].append(predicted[pair["id"]])
    return {key: sum(values) / len(values) for key, values in hits.items()}


def print_quality(title, pairs, systems):
    print(f"\n### {title}\n")
    print("| system | P | R | F1 |\n|---|---|---|---|")
    for name, predicted in systems.items():
        p, r, f = scores(pairs, predicted)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} |")
    kinds = per_kind(pairs, next(iter(systems.values())))
    print("\nPer kind: recall for dup kinds, false-positive rate for not-dup kinds.\n")
    print("| label | kind | n | " + " | ".join(systems) + " |")
    print("|---|---|---|" + "---|" * len(systems))
    rates = {name: per_kind(pairs, predicted) for name, predicted in systems.items()}
    counts = collections.Counter((p["label"], p["kind"]) for p in pairs)
    for key in sorted(kinds, key=lambda k: (k[0] != "dup", k[1])):
        cells = " | ".join(f"{rates[name][key]:.2f}" for name in systems)
        print(f"| {key[0]} | {key[1]} | {counts[key]} | {cells} |")


def quality(args, pairs):
    documents = distinct_documents(pairs)
    ours_pairs = {row["id"]: row["predicted"] for row in run_tool(args.tool, "pairs", args.pairs)}
    print_quality("Pair mode", pairs, {"clipper dedup": ours_pairs, "datasketch MinHashLSH 0.8": datasketch_pairs(pairs)})

    ours_clusters = {row["doc"]: row["cluster"] for row in run_tool(args.tool, "index", args.pairs)}
    theirs_clusters, _, _ = datasketch_index(documents)
    systems = {}
    for name, clusters in (("clipper dedup", ours_clusters), ("datasketch MinHashLSH 0.8", theirs_clusters)):
        systems[name] = {p["id"]: clusters[p["a"]["id"]] == clusters[p["b"]["id"]] for p in pairs}
    print_quality(f"Index mode ({len(documents)} distinct documents, file order)", pairs, systems)


def bench(args, pairs):
    documents = distinct_documents(pairs)
    ours = run_tool(args.tool, "bench", args.pairs, str(args.rounds))[0]
    runs = [datasketch_index(documents)[1:] for _ in range(args.rounds)]
    theirs = len(documents) / min(wall for wall, _ in runs)
    theirs_cpu = len(documents) / min(cpu for _, cpu in runs)
    window = run_tool(args.tool, "window", str(args.window))[0]
    print(f"\n### Benchmark ({len(documents)} distinct dev documents, insert+query, best of {args.rounds})\n")
    print("| system | docs/s (wall) | relative | docs per CPU-second | relative |\n|---|---|---|---|---|")
    print(f"| clipper dedup (release, SQLite on disk, one commit per document) | {ours['docs_per_s']:,.0f} | "
          f"{ours['docs_per_s'] / theirs:.1f}x | {ours['docs_per_cpu_s']:,.0f} | "
          f"{ours['docs_per_cpu_s'] / theirs_cpu:.1f}x |")
    print(f"| datasketch MinHashLSH 0.8 (in memory) | {theirs:,.0f} | 1.0x | {theirs_cpu:,.0f} | 1.0x |")
    print(f"\nDisk per dev document: {ours['disk_bytes_per_doc']:,} bytes.")
    print(f"\nWindow of {window['documents']:,} synthetic 700-word documents: resident memory "
          f"{window['rss_bytes_per_doc']:,} bytes/document (RSS {window['rss_before'] / 2**20:.0f} -> "
          f"{window['rss_after'] / 2**20:.0f} MiB, {window['cache_entries']:,} LSH cache entries), disk "
          f"{window['disk_bytes_per_doc']:,} bytes/document, {window['docs_per_s']:,.0f} docs/s; "
          f"1,000,000 documents -> {window['rss_bytes_per_doc'] * 1e6 / 2**30:.2f} GiB RAM.")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pairs", help="dev_pairs.jsonl")
    parser.add_argument("--tool", required=True, help="path of the DeduplicatorTool executable")
    parser.add_argument("--bench", action="store_true", help="run the benchmark instead of the quality tables")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--window", type=int, default=100_000, help="synthetic documents for the memory figure")
    args = parser.parse_args()
    pairs = load(args.pairs)
    (bench if args.bench else quality)(args, pairs)


if __name__ == "__main__":
    sys.exit(main())
