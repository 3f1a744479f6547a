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
            if let single = FoldTable.shared.single(value) {
                folded.scalars.append(single)
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

/// ``TextFolding/foldScalar(_:)`` precomputed for the scalars below U+3400 (Latin, Greek, Cyrillic, Arabic, kana, …)
/// that fold to exactly one scalar, and the identity for Han ideographs, which have no case and no decomposition.
/// `foldScalar` goes through Foundation (a String, lower-casing, NFD) for each scalar: for a Russian or Japanese
/// article that was most of the watchlist's cost. A test checks the table against `foldScalar` for every scalar.
struct FoldTable: Sendable {
    static let shared = FoldTable()
    /// Table range: every scalar below this is precomputed.
    static let limit: UInt32 = 0x3400
    /// The folded scalar, or 0 where folding gives several scalars (or none) and `foldScalar` must be asked.
    private let values: [UInt32]

    init() {
        var values = [UInt32](repeating: 0, count: Int(Self.limit))
        for value in 0..<Self.limit {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let folded = TextFolding.foldScalar(scalar)
            if folded.count == 1 { values[Int(value)] = folded[0] }
        }
        self.values = values
    }

    /// The one scalar `value` folds to, or nil when the slow path must decide.
    @inline(__always)
    func single(_ value: UInt32) -> UInt32? {
        if value < Self.limit {
            let folded = values[Int(value)]
            return folded == 0 ? nil : folded
        }
        switch value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: return value
        default: return nil
        }
    }
}
