/// Letter test and lower-casing for one Unicode scalar, without allocating.
///
/// Scalars below U+2000 (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, Thai, Vietnamese) come from a table
/// built once from the Unicode properties; CJK, kana and Hangul are letters by block; the rest ask the standard library.
/// Combining marks count as letters so that Indic and Thai words stay whole.
///
/// ```swift
/// LetterTable.lowercasedLetter(0x00C4) // 0x00E4 ("Ä" -> "ä")
/// LetterTable.lowercasedLetter(0x0031) // nil (a digit)
/// ```
enum LetterTable {
    private static let tableLimit: UInt32 = 0x2000
    /// Lower-cased scalar for letters, 0 for everything else.
    private static let table: [UInt32] = (0..<tableLimit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return 0 }
        return classify(scalar)
    }

    @inline(__always)
    static func lowercasedLetter(_ value: UInt32) -> UInt32? {
        if value < tableLimit {
            let lowered = table.withUnsafeBufferPointer { $0[Int(value)] }
            return lowered == 0 ? nil : lowered
        }
        switch value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF: return value
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            let lowered = classify(scalar)
            return lowered == 0 ? nil : lowered
        }
    }

    private static func classify(_ scalar: Unicode.Scalar) -> UInt32 {
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.generalCategory == .nonspacingMark
            || properties.generalCategory == .spacingMark
        else { return 0 }
        guard properties.changesWhenLowercased else { return scalar.value }
        let lowered = properties.lowercaseMapping.unicodeScalars
        return lowered.count == 1 ? lowered.first!.value : scalar.value
    }
}
