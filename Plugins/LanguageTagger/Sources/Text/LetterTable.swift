/// Letter test, lower-casing and script of one Unicode scalar, without allocating.
///
/// Scalars below U+2000 (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, Thai, Vietnamese) come from a table
/// built once from the Unicode properties; CJK, kana and Hangul are letters by block; the rest ask the standard library.
/// Combining marks count as letters so that Indic and Thai words stay whole.
///
/// ```swift
/// let table = LetterTable.shared
/// table.lowercasedLetter(0x00C4) // 0x00E4 ("Ä" -> "ä")
/// table.lowercasedLetter(0x0031) // nil (a digit)
/// ```
struct LetterTable: Sendable {
    static let shared = LetterTable()
    private static let tableLimit: UInt32 = 0x2000
    /// Per scalar: lower-cased scalar in the low 24 bits and `WritingScript.rawValue` in the high 8; 0 = not a letter.
    private let entries: [UInt32]

    private init() {
        entries = (0..<Self.tableLimit).map { value in
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            let lowered = Self.classify(scalar)
            return lowered == 0 ? 0 : lowered | UInt32(WritingScript.of(lowered).rawValue) << 24
        }
    }

    /// The lower-cased letter and its script, or nil for anything that is not a letter.
    @inline(__always)
    func letter(_ value: UInt32) -> (scalar: UInt32, script: Int)? {
        if value < Self.tableLimit {
            let entry = entries.withUnsafeBufferPointer { $0[Int(value)] }
            return entry == 0 ? nil : (entry & 0x00FF_FFFF, Int(entry >> 24))
        }
        guard let lowered = lowercasedLetter(value) else { return nil }
        return (lowered, WritingScript.of(lowered).rawValue)
    }

    /// The lower-cased letter, or nil for anything that is not a letter.
    func lowercasedLetter(_ value: UInt32) -> UInt32? {
        if value < Self.tableLimit {
            let entry = entries.withUnsafeBufferPointer { $0[Int(value)] }
            return entry == 0 ? nil : entry & 0x00FF_FFFF
        }
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF: return value
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            let lowered = Self.classify(scalar)
            return lowered == 0 ? nil : lowered
        }
    }

    private static func classify(_ scalar: Unicode.Scalar) -> UInt32 {
        let properties = scalar.properties
        guard
            properties.isAlphabetic || properties.generalCategory == .nonspacingMark
                || properties.generalCategory == .spacingMark
        else { return 0 }
        guard properties.changesWhenLowercased else { return scalar.value }
        let lowered = properties.lowercaseMapping.unicodeScalars
        return lowered.count == 1 ? (lowered.first?.value ?? scalar.value) : scalar.value
    }
}
