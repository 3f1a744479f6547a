/// Dictionary forms a place name may have when a sentence inflects it, for languages whose gazetteer names are
/// in the nominative: Russian "в Москве" → "Москва", "Германии" → "Германия", "в Берлине" → "Берлин"; German
/// genitive "Deutschlands" → "Deutschland". Used only when the exact form is not listed, so a listed name
/// always wins. Mirrors `inflected_forms` in `scripts/nerlib.py` (it feeds the tagger's gazetteer feature),
/// so it works on Unicode scalars, as Python does on code points.
///
/// ```swift
/// InflectedForms.candidates(of: "Москве").first  // "Москва"
/// InflectedForms.candidates(of: "Deutschlands")   // ["Deutschland"]
/// ```
public enum InflectedForms {
    /// Case endings → nominative endings, longest first. Written for this project from Russian grammar.
    static let cyrillicRewrites: [(ending: [Unicode.Scalar], replacements: [String])] = [
        ("ией", ["ия"]), ("ии", ["ия", "ий"]), ("ию", ["ия"]), ("ой", ["а", "ая"]), ("ом", [""]), ("ами", ["ы", "и"]),
        ("ах", ["ы", "и"]), ("ей", ["ь", "я"]), ("ую", ["ая"]),
        ("е", ["а", "", "я", "й", "ь"]), ("у", ["а", ""]), ("ы", ["а"]), ("и", ["я", "ь", "и"]), ("ю", ["я", "ь"]),
        ("а", [""]), ("я", ["ь", "й"]),
    ].map { (Array($0.0.unicodeScalars), $0.1) }

    /// The same rules as UTF-8 bytes, for ``anyCandidateHash(of:where:)``.
    static let cyrillicByteRewrites: [(ending: [UInt8], endingScalars: Int, replacements: [[UInt8]])] =
        cyrillicRewrites.map { rule in
            (
                Array(String(String.UnicodeScalarView(rule.ending)).utf8), rule.ending.count,
                rule.replacements.map { Array($0.utf8) }
            )
        }
    static let sByte = UInt8(ascii: "s")

    /// Whether `test` holds for the FNV hash of any of ``candidates(of:)``, without building the strings (the
    /// tagger asks this for every token).
    public static func anyCandidateHash(of word: String, where test: (UInt64) -> Bool) -> Bool {
        if let found = word.utf8.withContiguousStorageIfAvailable({ anyCandidateHash($0, where: test) }) {
            return found
        }
        return Array(word.utf8).withUnsafeBufferPointer { anyCandidateHash($0, where: test) }
    }

    static func anyCandidateHash(_ bytes: UnsafeBufferPointer<UInt8>, where test: (UInt64) -> Bool) -> Bool {
        guard let first = bytes.first else { return false }
        // U+0400…U+04FF is 0xD0 0x80 … 0xD3 0xBF in UTF-8.
        if first >= 0xD0 && first <= 0xD3 {
            var scalarCount = 0
            for byte in bytes where byte & 0xC0 != 0x80 { scalarCount += 1 }
            for rule in cyrillicByteRewrites
            where scalarCount > rule.endingScalars + 2 && bytes.count >= rule.ending.count
                && bytes.suffix(rule.ending.count).elementsEqual(rule.ending)
            {
                var stem = FeatureHash()
                for byte in bytes.prefix(bytes.count - rule.ending.count) { stem.add(byte) }
                for replacement in rule.replacements where replacement != rule.ending {
                    var hash = stem
                    hash.add(replacement)
                    if test(hash.value) { return true }
                }
            }
            return false
        }
        guard bytes.count > 4, bytes[bytes.count - 1] == sByte, bytes[bytes.count - 2] != sByte else { return false }
        var scalarCount = 0
        for byte in bytes where byte & 0xC0 != 0x80 { scalarCount += 1 }
        guard scalarCount > 4 else { return false }
        var hash = FeatureHash()
        for byte in bytes.prefix(bytes.count - 1) { hash.add(byte) }
        return test(hash.value)
    }

    /// Other spellings to look up for a name's last token, best first; empty when no rule applies.
    public static func candidates(of word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        guard let first = scalars.first else { return [] }
        if (0x0400...0x04FF).contains(first.value) {
            var out: [String] = []
            for (ending, replacements) in cyrillicRewrites
            where scalars.count > ending.count + 2 && scalars.suffix(ending.count).elementsEqual(ending) {
                let stem = String(String.UnicodeScalarView(scalars.dropLast(ending.count)))
                out += replacements.map { stem + $0 }.filter { $0 != word }
            }
            return out
        }
        if scalars.count > 4 && scalars.last == "s" && scalars[scalars.count - 2] != "s" {
            return [String(String.UnicodeScalarView(scalars.dropLast()))]
        }
        return []
    }
}
