#!/usr/bin/env python3
"""Convert lingua's Apache-2.0 n-gram models into the tagger's compact binary model.

Input: the `lingua/language-models/<iso>/*.json.br` files of the PyPI package
`lingua-language-detector==1.4.2` (pure Python; brotli-compressed JSON, one file per language
and n-gram order, relative frequencies as fractions).

Output: one little-endian file (layout in MODEL_CARD.md):
  header, language codes, an alphabet table (which languages use each character),
  and one open-addressing hash table per n-gram order 1..5. Each 8-byte slot holds a 16-bit
  fingerprint and either up to two postings inline or the offset of its posting list; a
  posting is (language index, quantised -log probability). See MODEL_CARD.md.

Orders 1-3 are kept whole. Orders 4 and 5 keep, per language, the n-grams with the highest
estimated corpus frequency (chain rule over the lower-order conditional probabilities),
`--keep4` / `--keep5` of them. Pass 0 to keep everything (for measuring the pruning cost).

Usage:
  python3 -m venv .venv-langid && .venv-langid/bin/pip install lingua-language-detector==1.4.2 numpy
  .venv-langid/bin/python Plugins/LanguageTagger/scripts/convert_lingua_models.py \
      --out Plugins/LanguageTagger/Sources/Model/ngrams.bin
"""

import argparse
import json
import math
import os
import struct
import sys
from fractions import Fraction

import brotli
import numpy as np

# The 41 languages of the default set (ISO 639-1; lingua names Norwegian Bokmål `nb`).
DEFAULT_LANGUAGES = (
    "en ru uk de fr es it pt pl nl tr ar fa zh ja ko hi sv cs ro hu el he bg sr hr id vi th "
    "da fi nb sk sl lt lv et ca ms bn ur"
).split()

ORDER_FILES = {1: "unigrams", 2: "bigrams", 3: "trigrams", 4: "quadrigrams", 5: "fivegrams"}
MAGIC = b"CLNG"
FORMAT_VERSION = 3
LOAD_FACTOR = 0.75  # keys per slot
QUANT_STEP = 0.07  # nats per quantum; 255 quanta reach -17.85 nats (p ~ 1.8e-8)
ALPHABET_MIN_PROBABILITY = 1e-5  # a character "belongs" to a language at or above this unigram frequency
MASK64 = (1 << 64) - 1


def ngram_hash(text):
    """FNV-1a over Unicode scalar values (one 32-bit unit each), then the splitmix64 finaliser.

    Must match `NgramHasher` in Sources/Model/NgramHasher.swift.
    """
    h = 0xCBF29CE484222325
    for ch in text:
        h = ((h ^ ord(ch)) * 0x100000001B3) & MASK64
    return finalise(h)


def finalise(h):
    h = ((h ^ (h >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    h = ((h ^ (h >> 27)) * 0x94D049BB133111EB) & MASK64
    return h ^ (h >> 31)


def load_model(models_dir, iso, order):
    path = os.path.join(models_dir, iso, ORDER_FILES[order] + ".json.br")
    if not os.path.exists(path):  # zh and ja ship unigrams (and few others) only
        return {}
    with open(path, "rb") as handle:
        data = json.loads(brotli.decompress(handle.read()))
    result = {}
    for fraction, ngrams in data["ngrams"].items():
        probability = float(Fraction(fraction))
        for ngram in ngrams.split(" "):
            result[ngram] = probability
    return result


def joint_frequencies(conditional_by_order):
    """Estimated corpus frequency of each n-gram: P(a) * P(b|a) * P(c|ab) ..."""
    joint = {1: dict(conditional_by_order[1])}
    for order in range(2, 6):
        lower = joint[order - 1]
        joint[order] = {
            ngram: lower[ngram[:-1]] * p for ngram, p in conditional_by_order[order].items() if ngram[:-1] in lower
        }
    return joint


def quantise(probability):
    return min(255, max(0, int(round(-math.log(probability) / QUANT_STEP))))


def build_table(entries):
    """entries: list of (hash, language index, quantum). Returns the packed section bytes and stats.

    Open addressing with linear probing (wrapping at the end); a slot is 8 bytes: fingerprint u16, posting
    count u8, reserved u8, then either the postings themselves (count <= 2, inline) or the offset of the first
    posting (u32). Home slot = (high 32 bits of the hash * slot count) >> 32; fingerprint = low 16 bits; an empty
    slot has count 0. Slot count = keys / LOAD_FACTOR.
    """
    by_key = {}
    for key, language, quantum in entries:
        by_key.setdefault(key, []).append((language, quantum))
    key_count = len(by_key)
    slot_count = max(16, int(key_count / LOAD_FACTOR) + 1)
    fingerprints = np.zeros(slot_count, dtype=np.uint16)
    counts = np.zeros(slot_count, dtype=np.uint8)
    payload = np.zeros(slot_count, dtype=np.uint32)
    postings = []
    longest_probe = 0
    for key in sorted(by_key):
        items = sorted(by_key[key])
        if len(items) > 255:
            raise SystemExit("more than 255 languages share one n-gram: widen the count field")
        packed = [language | (quantum << 8) for language, quantum in items]
        slot = ((key >> 32) * slot_count) >> 32
        probe = 0
        while counts[slot]:
            slot = slot + 1 if slot + 1 < slot_count else 0
            probe += 1
        longest_probe = max(longest_probe, probe)
        fingerprints[slot] = key & 0xFFFF
        counts[slot] = len(packed)
        if len(packed) <= 2:
            payload[slot] = packed[0] | ((packed[1] if len(packed) == 2 else 0) << 16)
        else:
            payload[slot] = len(postings)
            postings.extend(packed)
    slots = np.zeros(slot_count, dtype=[("fingerprint", "<u2"), ("count", "u1"), ("reserved", "u1"), ("payload", "<u4")])
    slots["fingerprint"] = fingerprints
    slots["count"] = counts
    slots["payload"] = payload
    return {
        "slot_count": slot_count,
        "key_count": key_count,
        "posting_count": len(postings),
        "longest_probe": longest_probe,
        "slots": slots.tobytes(),
        "postings": np.array(postings, dtype="<u2").tobytes(),
    }


def align(buffer, boundary=8):
    while len(buffer) % boundary:
        buffer.append(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", help="lingua/language-models folder (default: from the installed package)")
    parser.add_argument("--out", required=True)
    parser.add_argument("--languages", default=",".join(DEFAULT_LANGUAGES))
    parser.add_argument("--keep4", type=int, default=40000, help="quadrigrams kept per language (0 = all)")
    parser.add_argument("--keep5", type=int, default=40000, help="fivegrams kept per language (0 = all)")
    args = parser.parse_args()

    models_dir = args.models
    if models_dir is None:
        import lingua

        models_dir = os.path.join(os.path.dirname(lingua.__file__), "language-models")
    languages = args.languages.split(",")
    if len(languages) > 64:
        raise SystemExit("at most 64 languages fit the alphabet masks")

    entries = {order: [] for order in range(1, 6)}
    alphabet = {}
    for index, iso in enumerate(languages):
        conditional = {order: load_model(models_dir, iso, order) for order in range(1, 6)}
        joint = joint_frequencies(conditional)
        for order in range(1, 6):
            keep = {4: args.keep4, 5: args.keep5}.get(order, 0)
            ngrams = conditional[order]
            if keep:
                ranked = sorted(joint[order].items(), key=lambda item: -item[1])[:keep]
                ngrams = {ngram: conditional[order][ngram] for ngram, _ in ranked}
            for ngram, probability in ngrams.items():
                entries[order].append((ngram_hash(ngram), index, quantise(probability)))
        for char, probability in conditional[1].items():
            if probability >= ALPHABET_MIN_PROBABILITY:
                alphabet[ord(char)] = alphabet.get(ord(char), 0) | (1 << index)
        print(f"{iso}: " + " ".join(f"{o}:{len(conditional[o])}" for o in range(1, 6)), file=sys.stderr)

    tables = {order: build_table(entries[order]) for order in range(1, 6)}

    # Layout: header | language codes | alphabet | 5 section directories | arrays.
    out = bytearray()
    out += MAGIC
    out += struct.pack("<IIIf", FORMAT_VERSION, len(languages), 5, QUANT_STEP)
    out += struct.pack("<I", len(alphabet))
    for iso in languages:
        out += iso.encode("ascii").ljust(8, b"\0")
    align(out)
    for scalar in sorted(alphabet):
        out += struct.pack("<IIQ", scalar, 0, alphabet[scalar])
    directory_at = len(out)
    out += bytes(5 * 48)  # filled below
    directories = []
    for order in range(1, 6):
        table = tables[order]
        offsets = {}
        for name in ("slots", "postings"):
            align(out)
            offsets[name] = len(out)
            out += table[name]
        directories.append(
            struct.pack(
                "<IIIIQQQQ",
                table["slot_count"], table["key_count"], table["posting_count"], 0,
                offsets["slots"], offsets["postings"], 0, 0,
            )
        )
    out[directory_at : directory_at + 5 * 48] = b"".join(directories)
    with open(args.out, "wb") as handle:
        handle.write(out)
    for order in range(1, 6):
        t = tables[order]
        print(f"order {order}: {t['key_count']} keys, {t['posting_count']} out-of-line postings, "
              f"{t['slot_count']} slots, longest probe {t['longest_probe']}",
              file=sys.stderr)
    print(f"wrote {args.out}: {len(out) / 1e6:.1f} MB, {len(languages)} languages", file=sys.stderr)


if __name__ == "__main__":
    main()
