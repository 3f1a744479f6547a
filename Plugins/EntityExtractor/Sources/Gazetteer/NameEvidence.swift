/// Whether a gazetteer match looks like a name in running text, so a list match alone does not invent a place.
///
/// ```swift
/// NameEvidence.isWrittenAsName("Berlin", placeName: "Berlin")   // true
/// NameEvidence.isWrittenAsName("turkey", placeName: "Turkey")   // false: not capitalised
/// NameEvidence.isWrittenAsName("SPD", placeName: "Saidpur")     // false: all capitals, not the place's name
/// NameEvidence.isWrittenAsName("北京", placeName: "Beijing")     // true: Han has no case
/// NameEvidence.endsAName(before: "大")                            // false: 南京大學 is a university
/// ```
public enum NameEvidence {
    /// Han characters that continue a place name into the name of something else: university, school, team,
    /// empire, broadcaster (南京大學, 北京電影學院, 北京國安隊, 神聖羅馬帝國).
    static let continuations: Set<Unicode.Scalar> = ["大", "學", "学", "隊", "队", "帝", "電", "电", "院"]

    /// In scripts without spaces, whether a place name can end before this scalar (nil: end of text).
    public static func endsAName(before next: Unicode.Scalar?) -> Bool {
        guard let next else { return true }
        return !continuations.contains(next)
    }

    /// Cities named in a script without case match only from this population: short Han and kana names of
    /// smaller cities are often ordinary words (中央, 北部).
    public static let uncasedCityMinPopulation = 1_000_000

    public static func isWrittenAsName(_ surface: String, placeName: String) -> Bool {
        guard let first = surface.unicodeScalars.first else { return false }
        let cased = surface.unicodeScalars.filter { $0.properties.isCased }
        if cased.isEmpty { return true }  // scripts without case: CJK, Arabic, Hebrew, Thai, …
        guard first.properties.isUppercase || !first.properties.isCased else { return false }
        let allCapitals = cased.count >= 2 && cased.allSatisfy { $0.properties.isUppercase }
        return !allCapitals || surface == placeName
    }
}
