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
