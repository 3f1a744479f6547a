"""Trains every tagger in `corpora.MODELS` and writes Sources/Model/tagger-<model>.bin.

    .venv-entities/bin/python Plugins/EntityExtractor/scripts/train_all.py              # all models, 2 at a time
    .venv-entities/bin/python Plugins/EntityExtractor/scripts/train_all.py de ru --jobs 1

Each model is one `train.py` run with the same settings; its log goes to .build/entities-train-<model>.log.
"""
import argparse
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import corpora

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
MODEL = os.path.join(HERE, "..", "Sources", "Model")


def train(model, epochs, seeds):
    log = os.path.join(ROOT, ".build", f"entities-train-{model}.log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    command = [sys.executable, os.path.join(HERE, "train.py"), *corpora.train_paths(model),
               "--epochs", str(epochs), "--seeds", str(seeds), "--max-sentences", "4", "--min-count", "2",
               "--seed", "7", "--out", os.path.join(MODEL, f"tagger-{model}.bin")]
    with open(log, "w") as out:
        status = subprocess.call(command, stdout=out, stderr=subprocess.STDOUT)
    tail = open(log).read().strip().splitlines()[-1:]
    print(f"{model}: {'ok' if status == 0 else 'FAILED'} {' '.join(tail)}", flush=True)
    return status


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("models", nargs="*", default=list(corpora.MODELS))
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=15, help="unless corpora.EPOCHS names the model")
    parser.add_argument("--seeds", type=int, default=2)
    args = parser.parse_args()
    with ThreadPoolExecutor(args.jobs) as pool:
        statuses = list(pool.map(lambda m: train(m, corpora.EPOCHS.get(m, args.epochs), args.seeds), args.models))
    sys.exit(1 if any(statuses) else 0)


if __name__ == "__main__":
    main()
