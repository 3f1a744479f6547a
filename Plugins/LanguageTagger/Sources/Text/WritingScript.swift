/// The writing systems the rule stage tells apart, with their ISO 15924 codes.
///
/// ```swift
/// WritingScript.of(0x0416) // .cyrillic  ("Ж")
/// WritingScript.cyrillic.iso15924 // "Cyrl"
/// ```
public enum WritingScript: Int, Sendable, CaseIterable {
    case latin, cyrillic, greek, arabic, hebrew, han, kana, hangul, thai, devanagari, bengali, armenian, georgian, other

    /// ISO 15924 code. Kana maps to `Jpan` (Japanese mixes kana and kanji).
    public var iso15924: String {
        switch self {
        case .latin: "Latn"
        case .cyrillic: "Cyrl"
        case .greek: "Grek"
        case .arabic: "Arab"
        case .hebrew: "Hebr"
        case .han: "Hani"
        case .kana: "Jpan"
        case .hangul: "Hang"
        case .thai: "Thai"
        case .devanagari: "Deva"
        case .bengali: "Beng"
        case .armenian: "Armn"
        case .georgian: "Geor"
        case .other: "Zyyy"
        }
    }

    /// The script of a letter, by Unicode block.
    @inline(__always)
    public static func of(_ scalar: UInt32) -> WritingScript {
        switch scalar {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x250...0x2AF, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            .latin
        case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F: .cyrillic
        case 0x370...0x3FF, 0x1F00...0x1FFF: .greek
        case 0x530...0x58F: .armenian
        case 0x590...0x5FF, 0xFB1D...0xFB4F: .hebrew
        case 0x600...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: .arabic
        case 0x900...0x97F: .devanagari
        case 0x980...0x9FF: .bengali
        case 0xE00...0xE7F: .thai
        case 0x10A0...0x10FF: .georgian
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: .hangul
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF: .han
        default: .other
        }
    }
}
