#!/usr/bin/env python3
"""Build the benchmark corpus: raw-article JSONL, about 2 KB per article, many languages, planted near-duplicates.

The text comes from openly licensed sentences the project can reach: the entity training sentences under
``../shared/train/entities`` (GUM, UNER, Europeana, GermEval, FactRuEval, LeNER-Br, Stockmark; see their README for
licences) and ``Config/samples/articles.jsonl`` (Wikinews, CC BY). The corpus is written under ``.build/`` and is
never committed.

    python3 Benchmarks/scripts/build_corpus.py --out .build/bench/corpus.jsonl --count 1000

Articles are consecutive sentences of one source file, in document order, joined until the body reaches
``--size`` bytes of UTF-8. Languages are interleaved round-robin so that every slice of the corpus is mixed.
``--duplicates`` (default 10%) of the articles are near-duplicates of an earlier article: same body with one
sentence dropped, a few words changed and a different id, URL and source, as a syndicated copy would be.
"""
import argparse
import gzip
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# (language, file under train/entities) — one source per language keeps the mix even.
SOURCES = [
    ("en", "gum.jsonl"),
    ("en", "uner_ewt_train.jsonl"),
    ("de", "multilingual/germeval2014_de_test.jsonl.gz"),
    ("fr", "multilingual/europeana_fr_train.jsonl.gz"),
    ("nl", "multilingual/europeana_nl_train.jsonl.gz"),
    ("pt", "multilingual/uner-bosque_pt_train.jsonl.gz"),
    ("ru", "multilingual/factrueval2016_ru_test.jsonl.gz"),
    ("zh", "multilingual/uner-gsdsimp_zh_train.jsonl.gz"),
    ("ja", "multilingual/stockmark_ja_train.jsonl.gz"),
    ("da", "multilingual/uner-ddt_da_train.jsonl.gz"),
    ("sv", "multilingual/uner-talbanken_sv_train.jsonl.gz"),
]


def sentences(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text", "").strip()
            if len(text) >= 20:
                yield text


def articles_from(language: str, path: Path, size: int):
    """Yields (title, body) pairs of about `size` UTF-8 bytes, cycling the file when it runs out."""
    pool = list(sentences(path))
    if not pool:
        return
    index = 0
    joiner = "" if language in ("zh", "ja") else " "
    while True:
        title = pool[index % len(pool)][:120]
        index += 1
        parts, length = [], 0
        while length < size:
            sentence = pool[index % len(pool)]
            index += 1
            parts.append(sentence)
            length += len(sentence.encode("utf-8")) + 1
        paragraphs = [joiner.join(parts[i:i + 4]) for i in range(0, len(parts), 4)]
        yield title, "\n\n".join(paragraphs)


def sample_articles():
    path = ROOT / "Config/samples/articles.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("body"):
            yield record


def near_duplicate(original: dict, number: int, rng: random.Random) -> dict:
    copy = json.loads(json.dumps(original))
    body = copy["body"]
    separator = "\n\n"
    paragraphs = body.split(separator)
    if len(paragraphs) > 2:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    words = separator.join(paragraphs).split(" ")
    for _ in range(3):
        if len(words) > 10:
            spot = rng.randrange(len(words))
            words[spot] = words[spot].upper()
    copy["body"] = " ".join(words)
    copy["id"] = f"bench-dup-{number:06d}"
    copy["url"] = f"https://syndication.example/{number}"
    copy["source"] = {"id": "syndication.example", "name": "Syndicated copy", "domain": "syndication.example"}
    return copy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / ".build/bench/corpus.jsonl"))
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--size", type=int, default=2048, help="target body size in UTF-8 bytes")
    parser.add_argument("--duplicates", type=float, default=0.10)
    parser.add_argument("--train", default=str(ROOT.parent / "shared/train/entities"))
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()

    train = Path(options.train)
    if not train.is_dir():
        print(f"build_corpus: {train} not found; pass --train DIR with the entity training sentences",
              file=sys.stderr)
        return 2
    rng = random.Random(options.seed)
    generators = [(lang, articles_from(lang, train / name, options.size))
                  for lang, name in SOURCES if (train / name).exists()]
    samples = list(sample_articles())
    duplicates = int(options.count * options.duplicates)
    originals = options.count - duplicates

    articles = []
    for number in range(originals):
        if number % 25 == 0 and samples:
            record = dict(samples[(number // 25) % len(samples)])
            record["id"] = f"bench-{number:06d}"
            articles.append(record)
            continue
        language, generator = generators[number % len(generators)]
        title, body = next(generator)
        articles.append({
            "id": f"bench-{number:06d}",
            "url": f"https://news.example/{language}/{number}",
            "source": {"id": f"{language}.news.example", "name": f"News ({language})",
                       "domain": f"{language}.news.example"},
            "title": title,
            "body": body,
            "published_at": "2026-11-30T12:00:00Z",
        })
    for number in range(duplicates):
        original = articles[rng.randrange(len(articles))]
        position = rng.randrange(len(articles) // 2, len(articles) + 1)
        articles.insert(position, near_duplicate(original, number, rng))

    out = Path(options.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    languages = sorted({lang for lang, _ in generators})
    mean = sum(len(a["body"].encode("utf-8")) for a in articles) / len(articles)
    print(f"build_corpus: {len(articles)} articles, {len(languages)} languages ({', '.join(languages)}), "
          f"{duplicates} near-duplicates, mean body {mean:.0f} B -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
