/// Everything the feature templates need about one token, computed once: lower-cased scalars and their
/// UTF-8 bytes, the shape, the lexicon classes and the gazetteer tag.
///
/// ```swift
/// let view = TokenView(word: "Paris", classes: Array("-".utf8), gazetteer: Array("LOC-B".utf8))
/// view.lowerBytes  // Array("paris".utf8)
/// ```
public struct TokenView: Sendable {
    public let word: String
    public let lowerBytes: [UInt8]
    /// UTF-8 byte offset where each lower-cased scalar starts, plus the total length at the end.
    public let scalarByteOffsets: [Int]
    public let shape: [UInt8]
    /// Sorted lexicon classes joined ("FNSN"), or "-".
    public let classes: [UInt8]
    /// "LOC-B", "LOC-I", … or "-".
    public let gazetteer: [UInt8]

    public init(word: String, classes: [UInt8], gazetteer: [UInt8]) {
        self.word = word
        let lower = word.lowercased()
        lowerBytes = Array(lower.utf8)
        var offsets: [Int] = [0]
        var total = 0
        for scalar in lower.unicodeScalars {
            total += scalar.utf8.count
            offsets.append(total)
        }
        scalarByteOffsets = offsets
        shape = WordShape.bytes(of: word)
        self.classes = classes
        self.gazetteer = gazetteer
    }

    /// The first `count` lower-cased scalars, as UTF-8 (Python `l[:count]`).
    public func prefix(_ count: Int) -> ArraySlice<UInt8> {
        let scalars = scalarByteOffsets.count - 1
        return lowerBytes[0..<scalarByteOffsets[min(count, scalars)]]
    }

    /// The last `count` lower-cased scalars, as UTF-8 (Python `l[-count:]`).
    public func suffix(_ count: Int) -> ArraySlice<UInt8> {
        let scalars = scalarByteOffsets.count - 1
        return lowerBytes[scalarByteOffsets[max(scalars - count, 0)]..<lowerBytes.count]
    }
}
