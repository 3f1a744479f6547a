"""Fast dev F1 of one model's raw tagger output (Python reference decoder, no Swift, no merging), for
comparing training variants before a full `evaluate.py` run.

    .venv-entities/bin/python Plugins/EntityExtractor/scripts/quick_eval.py de [--model PATH] [--limit N]
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpora  # noqa: E402
import nerlib  # noqa: E402
from evaluate import score  # noqa: E402
from pytagger import MODEL, PyTagger, bio_to_spans  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("language")
    parser.add_argument("--model")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    path = args.model or os.path.join(MODEL, f"tagger-{corpora.MODELS_BY_LANGUAGE[args.language]}.bin")
    tagger = PyTagger(path)
    for dev in corpora.dev_paths(args.language):
        docs = list(corpora.records(dev))
        if args.limit:
            docs = docs[:args.limit]
        gold = [[(e["start"], e["end"], e["label"]) for e in d["entities"]] for d in docs]
        pred = []
        for d in docs:
            tokens = nerlib.tokenize(d["text"])
            pred.append(bio_to_spans(tokens, tagger.tag([d["text"][s:e] for s, e in tokens])))
        rows = score(gold, pred)
        p, r, f = rows["ALL"]
        print(f"{args.language} {os.path.basename(dev)} {os.path.basename(path)}: P {p:.3f} R {r:.3f} F1 {f:.3f} "
              f"(PER {rows['PER'][2]:.3f} ORG {rows['ORG'][2]:.3f} LOC {rows['LOC'][2]:.3f})", flush=True)


if __name__ == "__main__":
    main()
