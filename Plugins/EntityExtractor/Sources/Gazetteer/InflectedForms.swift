/// Dictionary forms a place name may have when a sentence inflects it, for languages whose gazetteer names are
/// in the nominative: Russian "в Москве" → "Москва", "Германии" → "Германия", "в Берлине" → "Берлин"; German
/// genitive "Deutschlands" → "Deutschland". Only the last token of a name is rewritten, and only when the exact
/// form is not listed, so a listed name always wins.
///
/// ```swift
/// InflectedForms.candidates(of: "Москве").first  // "Москва"
/// InflectedForms.candidates(of: "Deutschlands")   // ["Deutschland"]
/// ```
public enum InflectedForms {
    /// Case endings → nominative endings, longest first. Written for this project from Russian grammar.
    static let cyrillicRewrites: [(ending: String, replacements: [String])] = [
        ("ией", ["ия"]), ("ии", ["ия", "ий"]), ("ию", ["ия"]), ("ой", ["а", "ая"]), ("ом", [""]), ("ами", ["ы", "и"]),
        ("ах", ["ы", "и"]), ("ей", ["ь", "я"]), ("ую", ["ая"]),
        ("е", ["а", "", "я", "й", "ь"]), ("у", ["а", ""]), ("ы", ["а"]), ("и", ["я", "ь", "и"]), ("ю", ["я", "ь"]),
        ("а", [""]), ("я", ["ь", "й"]),
    ]

    /// Other spellings to look up for a name's last token, best first; empty when no rule applies.
    public static func candidates(of word: String) -> [String] {
        guard let first = word.unicodeScalars.first else { return [] }
        if (0x0400...0x04FF).contains(first.value) {
            var out: [String] = []
            for (ending, replacements) in cyrillicRewrites where word.count > ending.count + 2 && word.hasSuffix(ending) {
                let stem = String(word.dropLast(ending.count))
                out += replacements.map { stem + $0 }.filter { $0 != word }
            }
            return out
        }
        if word.count > 4 && word.hasSuffix("s") && !word.hasSuffix("ss") { return [String(word.dropLast())] }
        return []
    }
}
