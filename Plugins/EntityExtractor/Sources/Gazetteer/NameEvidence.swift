/// Whether a gazetteer match looks like a name in running text, so a list match alone does not invent a place.
///
/// ```swift
/// NameEvidence.isWrittenAsName("Berlin", placeName: "Berlin")   // true
/// NameEvidence.isWrittenAsName("turkey", placeName: "Turkey")   // false: not capitalised
/// NameEvidence.isWrittenAsName("SPD", placeName: "Saidpur")     // false: all capitals, not the place's name
/// NameEvidence.isWrittenAsName("北京", placeName: "Beijing")     // true: Han has no case
/// ```
public enum NameEvidence {
    public static func isWrittenAsName(_ surface: String, placeName: String) -> Bool {
        guard let first = surface.unicodeScalars.first else { return false }
        let cased = surface.unicodeScalars.filter { $0.properties.isCased }
        if cased.isEmpty { return true }  // scripts without case: CJK, Arabic, Hebrew, Thai, …
        guard first.properties.isUppercase || !first.properties.isCased else { return false }
        let allCapitals = cased.count >= 2 && cased.allSatisfy { $0.properties.isUppercase }
        return !allCapitals || surface == placeName
    }
}
