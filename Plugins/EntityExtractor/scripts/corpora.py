"""Which corpora train and evaluate each tagger: the one table that `train_all.py` and `evaluate.py` share.

Paths are relative to the `shared/` folder next to the checkout (`../shared`), which holds the openly licensed
corpora; see `../shared/train/entities/multilingual/README.md` for sources and licences. Nothing from there is
committed. "file:train" / "file:dev" split a file that has no dev part of its own: every tenth record
(index % 10 == 9) is held out for evaluation and never trained on.
"""
import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", "shared"))
TRAIN = os.path.join(SHARED, "train", "entities")
MULTI_TRAIN = os.path.join(TRAIN, "multilingual")
EVAL = os.path.join(SHARED, "eval", "entities")
MULTI_EVAL = os.path.join(EVAL, "multilingual")

# model name -> (training files, languages it serves as a trained model)
MODELS = {
    "en": (["gum.jsonl", "uner_ewt_train.jsonl"], ["en"]),
    # Europeana German (historic OCR) lowered GermEval dev F1 from 0.634 to 0.597, so German trains on GermEval.
    "de": (["multilingual/germeval2014_de_test.jsonl.gz"], ["de"]),
    "fr": (["multilingual/europeana_fr_train.jsonl.gz:train"], ["fr"]),
    "nl": (["multilingual/europeana_nl_train.jsonl.gz:train"], ["nl"]),
    "pt": (["multilingual/uner-bosque_pt_train.jsonl.gz=2", "multilingual/lener-br_pt_train.jsonl.gz"], ["pt"]),
    "ru": (["multilingual/factrueval2016_ru_test.jsonl.gz"], ["ru"]),
    "zh": (["multilingual/uner-gsd_zh_train.jsonl.gz", "multilingual/uner-gsdsimp_zh_train.jsonl.gz"], ["zh"]),
    "ja": (["multilingual/stockmark_ja_train.jsonl.gz"], ["ja"]),
    # Danish and Swedish share one model: Talbanken alone has too few names (250 PER) to learn from.
    "nordic": (["multilingual/uner-ddt_da_train.jsonl.gz", "multilingual/uner-talbanken_sv_train.jsonl.gz"],
               ["da", "sv"]),
}

# Training passes per model where the default (15 epochs, 2 averaged orders) underfits: character-level Chinese
# still had 5% training-token errors after 10 epochs.
EPOCHS = {"zh": 25}

# language -> dev files (relative to shared/eval/entities); the first one is the headline figure.
DEV = {
    "en": ["uner_en_ewt_dev.jsonl", "uner_en_pud_news.jsonl", "uner_en_pud_wiki.jsonl"],
    "de": ["multilingual/germeval2014_de_dev.jsonl.gz"],
    "fr": ["../../train/entities/multilingual/europeana_fr_train.jsonl.gz:dev"],
    "nl": ["../../train/entities/multilingual/europeana_nl_train.jsonl.gz:dev"],
    "pt": ["multilingual/uner-bosque_pt_dev.jsonl.gz", "multilingual/lener-br_pt_dev.jsonl.gz"],
    "ru": ["multilingual/factrueval2016_ru_dev.jsonl.gz"],
    "zh": ["multilingual/uner-gsd_zh_dev.jsonl.gz", "multilingual/uner-gsdsimp_zh_dev.jsonl.gz"],
    "ja": ["multilingual/stockmark_ja_dev.jsonl.gz"],
    "da": ["multilingual/uner-ddt_da_dev.jsonl.gz"],
    "sv": ["multilingual/uner-talbanken_sv_dev.jsonl.gz"],
}


def held_out(index):
    return index % 10 == 9


def records(path):
    """The JSON records of a (possibly gzipped) JSONL file; "path:dev" keeps held-out records only,
    "path:train" the others."""
    path, _, part = path.partition(":")
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for index, line in enumerate(f):
            if part == "dev" and not held_out(index):
                continue
            if part == "train" and held_out(index):
                continue
            yield json.loads(line)


def train_paths(model):
    return [os.path.join(TRAIN, spec) for spec in MODELS[model][0]]


def dev_paths(language):
    return [os.path.normpath(os.path.join(EVAL, spec.split(":")[0])) + (":" + spec.split(":")[1] if ":" in spec else "")
            for spec in DEV.get(language, [])]


# language -> the model trained for it
MODELS_BY_LANGUAGE = {language: model for model, (_, languages) in MODELS.items() for language in languages}
