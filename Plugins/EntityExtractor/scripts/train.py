"""Trains the English BIO tagger (averaged structured perceptron, first-order Viterbi) and writes
Sources/Model/tagger-en.bin.

    .venv-entities/bin/python Plugins/EntityExtractor/scripts/train.py /work/shared/train/entities/*.jsonl

Reads the training JSONL (text + scalar-offset spans), tokenizes with nerlib.tokenize, extracts
nerlib.sentence_features, trains, prunes rare features, quantizes the averaged weights to int16 and writes
an open-addressing hash table keyed by FNV-1a 64 of the feature string (format in model_format.py).
"""
import argparse
import json
import os
import random
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpora  # noqa: E402
import nerlib  # noqa: E402
import model_format  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "..", "Sources", "Model")
L = len(nerlib.LABELS)
LABEL_INDEX = {name: i for i, name in enumerate(nerlib.LABELS)}


def allowed_transitions():
    """allowed[prev, cur]; row L is the sentence start. I-X only after B-X or I-X."""
    allowed = np.ones((L + 1, L), dtype=bool)
    for cur, name in enumerate(nerlib.LABELS):
        if name.startswith("I-"):
            kind = name[2:]
            for prev in range(L + 1):
                prev_name = nerlib.LABELS[prev] if prev < L else "START"
                allowed[prev, cur] = prev_name in ("B-" + kind, "I-" + kind)
    return allowed


def bio_tags(text, tokens, spans):
    tags = ["O"] * len(tokens)
    for span in spans:
        inside = [k for k, (s, e) in enumerate(tokens) if s >= span["start"] and e <= span["end"]]
        if not inside:
            continue
        tags[inside[0]] = "B-" + span["label"]
        for k in inside[1:]:
            tags[k] = "I-" + span["label"]
    return tags


def load(paths):
    """Documents (lists of sentence records) in file order. "path=N" repeats a file's documents N times;
    "path:train" keeps only the records that `corpora.held_out` does not reserve for evaluation."""
    docs = {}
    order = []
    for spec in paths:
        path, _, times = spec.partition("=")
        for copy in range(int(times or 1)):
            _load_file(path, f"{copy}:", docs, order)
    return [docs[d] for d in order]


def _load_file(path, tag, docs, order):
    path, _, part = path.partition(":")
    for index, rec in enumerate(corpora.records(path)):
        if part == "train" and corpora.held_out(index):
            continue
        doc = tag + rec["id"].rsplit("-", 1)[0]
        if doc not in docs:
            docs[doc] = []
            order.append(doc)
        docs[doc].append(rec)


def join_sentences(doc, max_sentences):
    """Consecutive sentences of a document joined with a space into chunks of up to `max_sentences`, so the
    tagger learns sentence boundaries inside a sequence (the processor tags a whole field at once)."""
    chunks = []
    for first in range(0, len(doc), max_sentences):
        text = ""
        entities = []
        for rec in doc[first:first + max_sentences]:
            if text:
                text += " "
            shift = len(text)
            entities += [{"start": e["start"] + shift, "end": e["end"] + shift, "label": e["label"]}
                         for e in rec["entities"]]
            text += rec["text"]
        chunks.append({"text": text, "entities": entities})
    return chunks


def viterbi(emissions, transitions, allowed):
    n = emissions.shape[0]
    neg = -1e18
    trans = np.where(allowed, transitions, neg)
    score = trans[L] + emissions[0]
    back = np.zeros((n, L), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + trans[:L]  # prev x cur
        back[i] = np.argmax(cand, axis=0)  # first max = lowest prev index, as in Swift
        score = cand[back[i], np.arange(L)] + emissions[i]
    best = [int(np.argmax(score))]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i][best[-1]]))
    return best[::-1]


def train_once(data, F, allowed, epochs, seed, started):
    """One averaged-perceptron run over `data` in a seed-dependent order; returns averaged (W, T)."""
    W = np.zeros((F, L))
    U = np.zeros((F, L))  # sum of c * update, for averaging
    T = np.zeros((L + 1, L))
    TU = np.zeros((L + 1, L))
    c = 1
    rng = random.Random(seed)
    order = list(range(len(data)))
    for epoch in range(epochs):
        rng.shuffle(order)
        errors = total = 0
        for idx in order:
            flat, owner, gold = data[idx]
            n = len(gold)
            emissions = np.zeros((n, L))
            np.add.at(emissions, owner, W[flat])
            pred = viterbi(emissions, T, allowed)
            total += n
            if pred != list(gold):
                errors += sum(1 for a, b in zip(pred, gold) if a != b)
                pred_arr = np.array(pred)
                diff = pred_arr != gold
                for k in np.nonzero(diff)[0]:
                    fids = flat[owner == k]
                    W[fids, gold[k]] += 1
                    W[fids, pred_arr[k]] -= 1
                    U[fids, gold[k]] += c
                    U[fids, pred_arr[k]] -= c
                prev_g = prev_p = L
                for k in range(n):
                    g, p = gold[k], pred_arr[k]
                    if g != p or prev_g != prev_p:
                        T[prev_g, g] += 1
                        T[prev_p, p] -= 1
                        TU[prev_g, g] += c
                        TU[prev_p, p] -= c
                    prev_g, prev_p = g, p
            c += 1
        print(f"seed {seed} epoch {epoch + 1}: token error rate {errors / total:.4f} ({time.time() - started:.0f}s)",
              flush=True)
    return W - U / c, T - TU / c


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--seeds", type=int, default=1, help="train this many orders and average the weights")
    parser.add_argument("--max-sentences", type=int, default=4, help="sentences per training sequence")
    parser.add_argument("--out", default=os.path.join(MODEL, "tagger-en.bin"))
    parser.add_argument("--prune", type=float, default=0.02,
                        help="drop features whose largest weight is below this fraction of the largest weight "
                             "(0.02 halves the Chinese model and costs 0.002 dev F1)")
    args = parser.parse_args()

    lexicon = nerlib.Lexicon(os.path.join(MODEL, "places.tsv"), os.path.join(MODEL, "lexicon.tsv"))
    started = time.time()
    sentences = []  # (feature string lists, gold label ids)
    counts = {}
    for doc in load(args.paths):
        for rec in join_sentences(doc, args.max_sentences):
            tokens = nerlib.tokenize(rec["text"])
            if not tokens:
                continue
            words = [rec["text"][s:e] for s, e in tokens]
            feats = nerlib.sentence_features(words, lexicon)
            gold = [LABEL_INDEX[t] for t in bio_tags(rec["text"], tokens, rec["entities"])]
            sentences.append((feats, gold))
            for fs in feats:
                for f in fs:
                    counts[f] = counts.get(f, 0) + 1
    vocab = {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= args.min_count))}
    print(f"{len(sentences)} sentences, {sum(len(g) for _, g in sentences)} tokens, "
          f"{len(vocab)} features kept of {len(counts)} ({time.time() - started:.0f}s)")
    data = []
    for feats, gold in sentences:
        ids = [np.array([vocab[f] for f in fs if f in vocab], dtype=np.int64) for fs in feats]
        flat = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        owner = np.repeat(np.arange(len(ids)), [len(x) for x in ids])
        data.append((flat, owner, np.array(gold)))

    F = len(vocab)
    allowed = allowed_transitions()
    W_sum = np.zeros((F, L))
    T_sum = np.zeros((L + 1, L))
    for seed in range(args.seed, args.seed + args.seeds):
        W_avg, T_avg = train_once(data, F, allowed, args.epochs, seed, started)
        W_sum += W_avg
        T_sum += T_avg
    W_avg = W_sum / args.seeds
    T_avg = T_sum / args.seeds
    features = sorted(vocab, key=vocab.get)
    size = model_format.write(args.out, nerlib.LABELS, features, W_avg, T_avg, allowed, prune=args.prune)
    print(f"wrote {args.out}: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
