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
    /// UTF-8 byte offset where each lower-cased scalar starts, plus the total length at the end; nil when
    /// every scalar is ASCII (one byte each).
    let scalarByteOffsets: [Int]?
    public let shape: [UInt8]
    /// Sorted lexicon classes joined ("FNSN"), or "-".
    public var classes: [UInt8]
    /// "LOC-B", "LOC-I", … or "-".
    public let gazetteer: [UInt8]
    /// Whether the token ends a sentence or opens a quotation (the next token counts as sentence-initial).
    public let endsSentence: Bool

    public init(word: String, classes: [UInt8], gazetteer: [UInt8]) {
        self.word = word
        self.classes = classes
        self.gazetteer = gazetteer
        endsSentence = word.utf8.count <= 3 && TokenFeatures.sentenceEnd.contains(word)
        var ascii: [UInt8] = []
        ascii.reserveCapacity(word.utf8.count)
        var isASCII = true
        for byte in word.utf8 {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            ascii.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        if isASCII {
            lowerBytes = ascii
            scalarByteOffsets = nil
        } else {
            let lower = word.lowercased()
            lowerBytes = Array(lower.utf8)
            var offsets: [Int] = [0]
            var total = 0
            for scalar in lower.unicodeScalars {
                total += scalar.utf8.count
                offsets.append(total)
            }
            scalarByteOffsets = offsets
        }
        shape = WordShape.bytes(of: word)
    }

    var scalarCount: Int { scalarByteOffsets.map { $0.count - 1 } ?? lowerBytes.count }

    func byteOffset(ofScalar index: Int) -> Int { scalarByteOffsets?[index] ?? index }

    /// The first `count` lower-cased scalars, as UTF-8 (Python `l[:count]`).
    public func prefix(_ count: Int) -> ArraySlice<UInt8> {
        lowerBytes[0..<byteOffset(ofScalar: min(count, scalarCount))]
    }

    /// The last `count` lower-cased scalars, as UTF-8 (Python `l[-count:]`).
    public func suffix(_ count: Int) -> ArraySlice<UInt8> {
        lowerBytes[byteOffset(ofScalar: max(scalarCount - count, 0))..<lowerBytes.count]
    }
}
