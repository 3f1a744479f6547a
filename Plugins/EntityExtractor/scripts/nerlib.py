"""Tokenizer, gazetteer matching and feature templates shared by training and evaluation.

The Swift decoder (Sources/Tagger/*.swift) mirrors this file exactly: same tokens, same feature
strings, same FNV-1a 64 hashes. Change one, change the other, and re-run `evaluate.py` (it checks parity).
"""
import unicodedata

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
SENTENCE_END = {".", "!", "?", "\u201c", "\"", ":", ";", "\u2014", "-", "(", "\u2018", "'",
                "\u3002", "\uff01", "\uff1f", "\u300c", "\u300e", "\u201e", "\u00ab"}


def cjk_class(ch):
    """"H" Han ideograph, "h" hiragana, "K" katakana, None otherwise. CJK text has no spaces: Han and hiragana
    are tagged one character at a time, a katakana run (usually one borrowed word or name) as one token."""
    c = ord(ch)
    if 0x3040 <= c <= 0x309F:
        return "h"
    if (0x30A0 <= c <= 0x30FF and c != 0x30FB) or 0x31F0 <= c <= 0x31FF or 0xFF66 <= c <= 0xFF9F:
        return "K"
    if (0x4E00 <= c <= 0x9FFF or 0x3400 <= c <= 0x4DBF or 0xF900 <= c <= 0xFAFF or 0x20000 <= c <= 0x3134F
            or 0x2E80 <= c <= 0x2FDF or c == 0x3005):
        return "H"
    return None


def is_word_char(ch):
    return unicodedata.category(ch)[0] in "LMN"


def is_letter(ch):
    return unicodedata.category(ch)[0] == "L"


def tokenize(text):
    """Tokens as (start, end) Unicode scalar offsets.

    A token is a run of letters, marks and digits; a single letter followed by "." that starts a dotted
    acronym ("U.S.", "D.C.") keeps its dots; every other non-space scalar is a token of its own. Han
    ideographs and hiragana are one token each, a run of katakana is one token (see `cjk_class`).
    """
    tokens = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        cjk = cjk_class(ch)
        if cjk is not None:
            j = i + 1
            if cjk == "K":
                while j < n and cjk_class(text[j]) == "K":
                    j += 1
            tokens.append((i, j))
            i = j
            continue
        if is_word_char(ch):
            j = i
            while j < n and is_word_char(text[j]) and cjk_class(text[j]) is None:
                j += 1
            if j - i == 1 and is_letter(ch):
                # dotted acronym: "U.S.", "D.C." (single letters joined by dots)
                k = j
                while k + 1 < n and text[k] == "." and is_letter(text[k + 1]) \
                        and (k + 2 >= n or not is_word_char(text[k + 2])):
                    k += 2
                if k > j:
                    j = k + 1 if k < n and text[k] == "." else k
            tokens.append((i, j))
            i = j
        else:
            tokens.append((i, i + 1))
            i += 1
    return tokens


def shape(word):
    """Short word shape: X upper, x lower, d digit, H/h/K Han/hiragana/katakana, l other letters, other
    scalars as is; runs of one class collapse."""
    out = []
    for ch in word:
        cat = unicodedata.category(ch)
        cjk = cjk_class(ch)
        if cjk is not None:
            c = cjk
        elif cat == "Nd":
            c = "d"
        elif cat == "Lu":
            c = "X"
        elif cat == "Ll":
            c = "x"
        elif cat[0] == "L":
            c = "l"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


class Lexicon:
    """Gazetteer for features: multi-token place names (LOC), first names, surnames, organisation keywords."""

    def __init__(self, places_path, lexicon_path):
        self.phrases = {}   # "tok tok" -> class
        self.max_len = 1
        self.words = {}     # single lowercased word -> set of classes (FN, SN, ORGKEY, TITLE)
        with open(places_path, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                for name in [parts[3]] + (parts[4].split("|") if len(parts) > 4 and parts[4] else []):
                    self.add_phrase(name, "LOC")
        with open(lexicon_path, encoding="utf-8") as f:
            for line in f:
                cls, word = line.rstrip("\n").split("\t")
                if cls == "ORGPHRASE":
                    self.add_phrase(word, "ORG")
                else:
                    self.words.setdefault(word.lower(), set()).add(cls)

    def add_phrase(self, name, cls):
        toks = [name[s:e] for s, e in tokenize(name)]
        if not toks or len(toks) > 8:
            return
        key = " ".join(toks)
        self.phrases.setdefault(key, cls)
        self.max_len = max(self.max_len, len(toks))

    def phrase_tags(self, words):
        """Longest-match, left to right: per token "LOC-B"/"LOC-I"/"ORG-B"/... or None. A token left untagged
        whose dictionary form (`inflected_forms`) is a one-token place name is tagged "LOC-B"."""
        tags = [None] * len(words)
        i = 0
        while i < len(words):
            found = 0
            for length in range(min(self.max_len, len(words) - i), 0, -1):
                cls = self.phrases.get(" ".join(words[i:i + length]))
                if cls is not None:
                    found = length
                    break
            if found:
                tags[i] = cls + "-B"
                for k in range(i + 1, i + found):
                    tags[k] = cls + "-I"
                i += found
            else:
                i += 1
        for k, word in enumerate(words):
            if tags[k] is None and any(self.phrases.get(form) == "LOC" for form in inflected_forms(word)):
                tags[k] = "LOC-B"
        return tags


# Case endings -> nominative endings, longest first (Russian grammar, written for this project). Mirrors
# Sources/Gazetteer/InflectedForms.swift.
CYRILLIC_REWRITES = [
    ("ией", ["ия"]), ("ии", ["ия", "ий"]), ("ию", ["ия"]), ("ой", ["а", "ая"]), ("ом", [""]), ("ами", ["ы", "и"]),
    ("ах", ["ы", "и"]), ("ей", ["ь", "я"]), ("ую", ["ая"]),
    ("е", ["а", "", "я", "й", "ь"]), ("у", ["а", ""]), ("ы", ["а"]), ("и", ["я", "ь", "и"]), ("ю", ["я", "ь"]),
    ("а", [""]), ("я", ["ь", "й"]),
]


def inflected_forms(word):
    """Dictionary forms a place name's last token may have in the nominative ("Москве" -> "Москва"; German
    genitive "Deutschlands" -> "Deutschland"), best first; [] when no rule applies."""
    if not word:
        return []
    if 0x0400 <= ord(word[0]) <= 0x04FF:
        out = []
        for ending, replacements in CYRILLIC_REWRITES:
            if len(word) > len(ending) + 2 and word.endswith(ending):
                stem = word[:-len(ending)]
                out += [stem + r for r in replacements if stem + r != word]
        return out
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        return [word[:-1]]
    return []


CONNECTORS = {"of", "the", "and", "for", "de", "&", "-", "von", "van", "la", "du", "del", "al", "bin", "da", "di"}


def capitalised_runs(lower, shapes):
    """Runs of capitalised tokens, joined over single connector words ("Bank of England"): (start, end) pairs."""
    n = len(shapes)
    runs = []
    i = 0
    while i < n:
        if not shapes[i].startswith("X"):
            i += 1
            continue
        j = i + 1
        while j < n:
            if shapes[j].startswith("X"):
                j += 1
            elif lower[j] in CONNECTORS and j + 1 < n and shapes[j + 1].startswith("X"):
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def run_features(lower, shapes, classes):
    """Per token, the features of the capitalised run it belongs to (or ["rp=-"] outside runs)."""
    out = [["rp=-"] for _ in lower]
    for s, e in capitalised_runs(lower, shapes):
        length = e - s
        has_key = "1" if any("ORGKEY" in classes[k] for k in range(s, e)) else "0"
        for k in range(s, e):
            pos = "S" if length == 1 else ("B" if k == s else ("E" if k == e - 1 else "I"))
            out[k] = [
                "rp=" + pos + "|" + str(min(length, 4)),
                "rh=" + lower[e - 1],
                "rhp=" + pos + "|" + lower[e - 1],
                "rk=" + has_key + pos,
                "rf=" + lower[s],
            ]
    return out


def sentence_features(words, lexicon):
    """Feature strings per token. Order and spelling must match TokenFeatures.swift."""
    n = len(words)
    lower = [w.lower() for w in words]
    shapes = [shape(w) for w in words]
    gaz = lexicon.phrase_tags(words)
    classes = ["".join(sorted(lexicon.words.get(l, ()))) or "-" for l in lower]
    runs = run_features(lower, shapes, classes)

    def at(seq, k, pad):
        return seq[k] if 0 <= k < n else pad

    feats = []
    for i in range(n):
        w, l, s = words[i], lower[i], shapes[i]
        first = i == 0 or words[i - 1] in SENTENCE_END
        g = gaz[i] or "-"
        f = [
            "b",
            "w=" + l,
            "s=" + s,
            "p1=" + l[:1], "p2=" + l[:2], "p3=" + l[:3], "p4=" + l[:4], "p5=" + l[:5],
            "x1=" + l[-1:], "x2=" + l[-2:], "x3=" + l[-3:], "x4=" + l[-4:],
            "fs=" + ("1" if first else "0") + s,
            "w-1=" + at(lower, i - 1, "<s>"),
            "w+1=" + at(lower, i + 1, "</s>"),
            "w-2=" + at(lower, i - 2, "<s>"),
            "w+2=" + at(lower, i + 2, "</s>"),
            "s-1=" + at(shapes, i - 1, "<s>"),
            "s+1=" + at(shapes, i + 1, "</s>"),
            "s-1s=" + at(shapes, i - 1, "<s>") + "|" + s,
            "ss+1=" + s + "|" + at(shapes, i + 1, "</s>"),
            "s3=" + at(shapes, i - 1, "<s>") + "|" + s + "|" + at(shapes, i + 1, "</s>"),
            "w-1s=" + at(lower, i - 1, "<s>") + "|" + s,
            "sw+1=" + s + "|" + at(lower, i + 1, "</s>"),
            "ww+1=" + l + "|" + at(lower, i + 1, "</s>"),
            "w-1w=" + at(lower, i - 1, "<s>") + "|" + l,
            "w-2w-1=" + at(lower, i - 2, "<s>") + "|" + at(lower, i - 1, "<s>"),
            "w+1w+2=" + at(lower, i + 1, "</s>") + "|" + at(lower, i + 2, "</s>"),
            "w3=" + at(lower, i - 1, "<s>") + "|" + l + "|" + at(lower, i + 1, "</s>"),
            "g=" + g,
            "g-1=" + (at(gaz, i - 1, None) or "-"),
            "g+1=" + (at(gaz, i + 1, None) or "-"),
            "gs=" + g + "|" + s,
            "c=" + classes[i],
            "c-1=" + at(classes, i - 1, "<s>"),
            "c+1=" + at(classes, i + 1, "</s>"),
            "cs=" + classes[i] + "|" + s,
        ] + runs[i]
        feats.append(f)
    return feats


FNV_OFFSET = 0xcbf29ce484222325
FNV_PRIME = 0x100000001b3
MASK64 = 0xFFFFFFFFFFFFFFFF


def fnv1a64(text):
    h = FNV_OFFSET
    for b in text.encode("utf-8"):
        h ^= b
        h = (h * FNV_PRIME) & MASK64
    return h or 1  # 0 marks an empty slot in the table
