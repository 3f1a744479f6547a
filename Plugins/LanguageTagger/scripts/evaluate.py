#!/usr/bin/env python3
"""Evaluate the language tagger on the DEV set: macro accuracy per bucket over 41 and 29 core languages.

Builds `LanguageTaggerTool` (release), reads `code<TAB>text` files from the eval folder
(default: ../shared/eval/langid next to the repository), and prints one table row per bucket:
sentences, word pairs, single words, and news-length (four consecutive DEV sentences of one
language joined by a space), plus the most frequent confusions.

Usage (from the repository root):
  python3 Plugins/LanguageTagger/scripts/evaluate.py
  python3 Plugins/LanguageTagger/scripts/evaluate.py --languages en,de,fr    # restricted set
  python3 Plugins/LanguageTagger/scripts/evaluate.py --tool-args "--unseen 14,10,9,8,8"

Standard library only. Evaluation data is read in place and never copied into the repository.
"""

import argparse
import collections
import os
import shlex
import subprocess
import sys
import tempfile

CORE = "en ru uk de fr es it pt pl nl tr ar fa zh ja ko hi sv cs ro hu el he bg sr hr id vi th".split()
ALL = CORE + "da fi nb sk sl lt lv et ca ms bn ur".split()
BUCKETS = [("sentences", "sentences.tsv"), ("word pairs", "word-pairs.tsv"), ("single words", "single-words.tsv")]
TARGETS = {"sentences": 97.0, "word pairs": 92.0, "single words": 81.0, "news-length": 98.5}
TARGETS_CORE = {"news-length": 99.8}
LINGUA_41 = {"sentences": 96.6, "word pairs": 91.8, "single words": 80.7, "news-length": 97.8}

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def read_tsv(path):
    items = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if "\t" in line:
                code, text = line.split("\t", 1)
                items.append((code, text))
    return items


def news_length(sentences):
    """Four consecutive sentences of one language, joined: ~420 characters, 75 items per language."""
    by_language = collections.defaultdict(list)
    for code, text in sentences:
        by_language[code].append(text)
    items = []
    for code, texts in by_language.items():
        for start in range(0, len(texts) - 3, 4):
            items.append((code, " ".join(texts[start : start + 4])))
    return items


def build_tool(package_dir):
    subprocess.run(["swift", "build", "-c", "release", "--product", "LanguageTaggerTool"], cwd=package_dir,
                   check=True, stdout=sys.stderr)
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=package_dir, check=True,
                              capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "LanguageTaggerTool")


def run_tool(tool, items, extra_args):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", encoding="utf-8", delete=False) as handle:
        for code, text in items:
            handle.write(f"{code}\t{text}\n")
        path = handle.name
    try:
        result = subprocess.run([tool, *extra_args, path], capture_output=True, text=True, check=True)
    finally:
        os.unlink(path)
    predictions = [line.split("\t")[1] for line in result.stdout.splitlines()]
    if len(predictions) != len(items):
        raise SystemExit(f"tool printed {len(predictions)} predictions for {len(items)} texts")
    return predictions, result.stderr.strip()


def macro(items, predictions, languages):
    correct, total = collections.Counter(), collections.Counter()
    for (gold, _), predicted in zip(items, predictions):
        total[gold] += 1
        correct[gold] += predicted == gold
    present = [code for code in languages if total[code]]
    if not present:
        return float("nan"), {}
    per_language = {code: 100.0 * correct[code] / total[code] for code in present}
    return sum(per_language.values()) / len(present), per_language


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--eval-dir", default=os.path.join(REPO, "..", "shared", "eval", "langid"))
    parser.add_argument("--package-dir", default=REPO, help="SwiftPM package that has the LanguageTaggerTool product")
    parser.add_argument("--tool", help="use this LanguageTaggerTool binary instead of building one")
    parser.add_argument("--languages", help="comma-separated set passed to the tool (default: all 41)")
    parser.add_argument("--tool-args", default="", help="extra arguments for the tool (tuning experiments)")
    parser.add_argument("--per-language", action="store_true", help="also print per-language accuracy")
    args = parser.parse_args()

    if not os.path.isdir(args.eval_dir):
        raise SystemExit(f"no eval set at {args.eval_dir}; pass --eval-dir")
    tool = args.tool or build_tool(args.package_dir)
    extra = shlex.split(args.tool_args) + (["--languages", args.languages] if args.languages else [])
    languages = args.languages.split(",") if args.languages else ALL
    core = [code for code in CORE if code in languages]

    buckets = [(name, read_tsv(os.path.join(args.eval_dir, file))) for name, file in BUCKETS]
    buckets.append(("news-length", news_length(buckets[0][1])))

    print(f"| bucket | items | macro acc. {len(languages)} | macro acc. {len(core)} core | target | "
          f"lingua-high-41 | texts/s (tool) |")
    print("|---|---|---|---|---|---|---|")
    confusions = collections.Counter()
    per_language_rows = {}
    for name, items in buckets:
        items = [item for item in items if item[0] in languages]
        predictions, stats = run_tool(tool, items, extra)
        all_accuracy, per_language = macro(items, predictions, languages)
        core_accuracy, _ = macro(items, predictions, core)
        per_language_rows[name] = per_language
        for (gold, _), predicted in zip(items, predictions):
            if predicted != gold:
                confusions[(name, gold, predicted)] += 1
        rate = dict(part.split("=") for part in stats.split()).get("texts_per_second", "?")
        target = f"≥ {TARGETS[name]}" + (f" / ≥ {TARGETS_CORE[name]} core" if name in TARGETS_CORE else "")
        print(f"| {name} | {len(items)} | {all_accuracy:.1f} | {core_accuracy:.1f} | {target} | "
              f"{LINGUA_41.get(name, '')} | {rate} |")

    print("\nTop confusions (bucket: gold -> predicted, count):")
    for (name, gold, predicted), count in confusions.most_common(25):
        print(f"  {name}: {gold} -> {predicted}  {count}")
    if args.per_language:
        print("\nPer-language accuracy:")
        print("| lang | " + " | ".join(name for name, _ in buckets) + " |")
        for code in languages:
            cells = [f"{per_language_rows[name].get(code, float('nan')):.1f}" for name, _ in buckets]
            print(f"| {code} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
