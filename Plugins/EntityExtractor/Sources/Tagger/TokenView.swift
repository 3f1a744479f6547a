/// Everything the feature templates need about one token, computed once: lower-cased scalars and their
/// UTF-8 bytes, the shape, the lexicon classes and the gazetteer tag.
///
/// The bytes of all tokens of a text live in one shared buffer (``views(of:gazetteerTags:classes:)``): each view
/// holds slices of it, so preparing a token allocates nothing.
///
/// ```swift
/// let view = TokenView(word: "Paris", classes: Array("-".utf8), gazetteer: Array("LOC-B".utf8))
/// Array(view.lowerBytes)  // Array("paris".utf8)
/// ```
public struct TokenView: Sendable {
    public let word: String
    public let lowerBytes: ArraySlice<UInt8>
    /// UTF-8 byte offset (from the word's start) where each lower-cased scalar starts, plus the total length at the
    /// end; nil when every scalar is ASCII (one byte each).
    let scalarByteOffsets: ArraySlice<Int>?
    public let shape: ArraySlice<UInt8>
    /// Sorted lexicon classes joined ("FNSN"), or "-".
    public var classes: ArraySlice<UInt8>
    /// "LOC-B", "LOC-I", … or "-".
    public let gazetteer: ArraySlice<UInt8>
    /// Whether the token ends a sentence or opens a quotation (the next token counts as sentence-initial).
    public let endsSentence: Bool

    /// One token on its own (tests and examples; the tagger prepares a whole text with
    /// ``views(of:gazetteerTags:classes:)``).
    public init(word: String, classes: [UInt8], gazetteer: [UInt8]) {
        self = Self.views(of: [word], gazetteerTags: [gazetteer], classes: { _ in classes })[0]
    }

    init(
        word: String, lowerBytes: ArraySlice<UInt8>, scalarByteOffsets: ArraySlice<Int>?, shape: ArraySlice<UInt8>,
        classes: ArraySlice<UInt8>, gazetteer: ArraySlice<UInt8>
    ) {
        self.word = word
        self.lowerBytes = lowerBytes
        self.scalarByteOffsets = scalarByteOffsets
        self.shape = shape
        self.classes = classes
        self.gazetteer = gazetteer
        endsSentence = word.utf8.count <= 3 && TokenFeatures.sentenceEnd.contains(word)
    }

    /// Views of every token of a text. Lower-cased bytes and shapes go into one byte buffer, scalar offsets into
    /// one integer buffer; the slices are cut once both are complete, so they share those two allocations.
    public static func views(
        of words: [String], gazetteerTags: [[UInt8]], classes: (ArraySlice<UInt8>) -> [UInt8]
    ) -> [TokenView] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(words.count * 16)
        var offsets: [Int] = []
        var spans: [(lower: Range<Int>, shape: Range<Int>, offsets: Range<Int>?)] = []
        spans.reserveCapacity(words.count)
        for word in words {
            let lowerStart = bytes.count
            var isASCII = true
            for byte in word.utf8 {
                if byte >= 0x80 {
                    isASCII = false
                    break
                }
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            var offsetSpan: Range<Int>? = nil
            if !isASCII {
                bytes.removeSubrange(lowerStart...)
                let lower = word.lowercased()
                bytes.append(contentsOf: lower.utf8)
                let first = offsets.count
                var total = 0
                offsets.append(0)
                for scalar in lower.unicodeScalars {
                    total += scalar.utf8.count
                    offsets.append(total)
                }
                offsetSpan = first..<offsets.count
            }
            let lowerEnd = bytes.count
            WordShape.append(of: word, to: &bytes)
            spans.append((lowerStart..<lowerEnd, lowerEnd..<bytes.count, offsetSpan))
        }
        return words.indices.map { index in
            let span = spans[index]
            let lower = bytes[span.lower]
            return TokenView(
                word: words[index], lowerBytes: lower, scalarByteOffsets: span.offsets.map { offsets[$0] },
                shape: bytes[span.shape], classes: classes(lower)[...], gazetteer: gazetteerTags[index][...])
        }
    }

    var scalarCount: Int { scalarByteOffsets.map { $0.count - 1 } ?? lowerBytes.count }

    func byteOffset(ofScalar index: Int) -> Int {
        guard let offsets = scalarByteOffsets else { return index }
        return offsets[offsets.startIndex + index]
    }

    /// The first `count` lower-cased scalars, as UTF-8 (Python `l[:count]`).
    public func prefix(_ count: Int) -> ArraySlice<UInt8> {
        let start = lowerBytes.startIndex
        return lowerBytes[start..<(start + byteOffset(ofScalar: min(count, scalarCount)))]
    }

    /// The last `count` lower-cased scalars, as UTF-8 (Python `l[-count:]`).
    public func suffix(_ count: Int) -> ArraySlice<UInt8> {
        let start = lowerBytes.startIndex
        return lowerBytes[(start + byteOffset(ofScalar: max(scalarCount - count, 0)))..<lowerBytes.endIndex]
    }
}
