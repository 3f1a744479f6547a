/// Which script each language is written in, for the rule stage. Languages not listed are Latin-script.
///
/// ```swift
/// LanguageScripts.script(of: "uk") // .cyrillic
/// LanguageScripts.script(of: "fi") // .latin
/// ```
enum LanguageScripts {
    private static let nonLatin: [String: WritingScript] = [
        "ru": .cyrillic, "uk": .cyrillic, "bg": .cyrillic, "sr": .cyrillic, "mk": .cyrillic, "be": .cyrillic,
        "kk": .cyrillic, "mn": .cyrillic,
        "el": .greek, "ar": .arabic, "fa": .arabic, "ur": .arabic, "he": .hebrew,
        "zh": .han, "ja": .kana, "ko": .hangul, "th": .thai,
        "hi": .devanagari, "mr": .devanagari, "bn": .bengali, "hy": .armenian, "ka": .georgian,
    ]

    static func script(of code: String) -> WritingScript {
        nonLatin[code] ?? .latin
    }
}
