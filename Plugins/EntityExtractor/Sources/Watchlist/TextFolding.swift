import Foundation

/// Case- and diacritic-folding of text, one scalar at a time, remembering where each folded scalar came from,
/// so matches in folded text map back to Unicode-scalar offsets of the original.
///
/// ```swift
/// let folded = TextFolding.fold("Zürich")
/// folded.scalars            // "zurich" as scalar values
/// folded.origin[1]          // 1: the "u" came from "ü" at offset 1
/// ```
public enum TextFolding {
    /// Folded scalar values and, for each, the offset of the original scalar it came from.
    public struct Folded: Sendable {
        public var scalars: [UInt32]
        public var origin: [Int]
    }

    public static func fold(_ text: String) -> Folded {
        fold(scalars: Array(text.unicodeScalars))
    }

    public static func fold(scalars: [Unicode.Scalar]) -> Folded {
        var folded = Folded(scalars: [], origin: [])
        folded.scalars.reserveCapacity(scalars.count)
        folded.origin.reserveCapacity(scalars.count)
        for (offset, scalar) in scalars.enumerated() {
            let value = scalar.value
            if value < 0x80 {
                folded.scalars.append((value >= 0x41 && value <= 0x5A) ? value + 0x20 : value)
                folded.origin.append(offset)
                continue
            }
            for value in foldScalar(scalar) {
                folded.scalars.append(value)
                folded.origin.append(offset)
            }
        }
        return folded
    }

    /// Lower-case, then canonical decomposition without combining marks; typographic apostrophes become "'".
    public static func foldScalar(_ scalar: Unicode.Scalar) -> [UInt32] {
        let value = scalar.value
        if value < 0x80 {
            return [(value >= 0x41 && value <= 0x5A) ? value + 0x20 : value]
        }
        if value == 0x2019 || value == 0x2018 { return [0x27] }
        let lowered = String(Character(scalar)).lowercased().decomposedStringWithCanonicalMapping
        let kept = lowered.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }
        return kept.isEmpty ? [value] : kept.map(\.value)
    }

    /// Scripts written without spaces between words: a match there needs no word boundary.
    public static func isUnspaced(_ value: UInt32) -> Bool {
        switch value {
        case 0x0E00...0x0EFF, 0x1000...0x109F, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xAC00...0xD7AF, 0xF900...0xFAFF, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }
}
