"""Reference decoder in Python for an exported tagger-en.bin: the evaluation compares the Swift tool with it."""
import os

import numpy as np

import model_format
import nerlib

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "..", "Sources", "Model")


class PyTagger:
    def __init__(self, model_path=os.path.join(MODEL, "tagger-en.bin")):
        self.labels, self.trans, self.rows = model_format.read(model_path)
        self.lexicon = nerlib.Lexicon(os.path.join(MODEL, "places.tsv"), os.path.join(MODEL, "lexicon.tsv"))
        self.zero = np.zeros(len(self.labels), dtype=np.int64)

    def tag(self, words):
        if not words:
            return []
        feats = nerlib.sentence_features(words, self.lexicon)
        L = len(self.labels)
        emis = np.array([sum((self.rows.get(nerlib.fnv1a64(f), self.zero) for f in fs), self.zero) for fs in feats])
        score = self.trans[L] + emis[0]
        back = []
        for i in range(1, len(words)):
            cand = score[:, None] + self.trans[:L]
            arg = np.argmax(cand, axis=0)
            back.append(arg)
            score = cand[arg, np.arange(L)] + emis[i]
        best = [int(np.argmax(score))]
        for arg in reversed(back):
            best.append(int(arg[best[-1]]))
        return [self.labels[k] for k in reversed(best)]

    def spans(self, text):
        tokens = nerlib.tokenize(text)
        tags = self.tag([text[s:e] for s, e in tokens])
        return bio_to_spans(tokens, tags)


def bio_to_spans(tokens, tags):
    spans = []
    current = None
    for (s, e), tag in zip(tokens, tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current[2] != tag[2:])):
            if current:
                spans.append(tuple(current))
            current = [s, e, tag[2:]]
        elif tag.startswith("I-"):
            current[1] = e
        else:
            if current:
                spans.append(tuple(current))
            current = None
    if current:
        spans.append(tuple(current))
    return spans
