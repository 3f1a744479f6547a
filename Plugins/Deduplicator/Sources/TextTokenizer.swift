/// Splits text into lines and case-folded alphanumeric tokens, hashing as it goes.
///
/// A token is a maximal run of letters and digits (`\w+` without the underscore), lower-cased. Everything else,
/// punctuation, quotes of any style and whitespace, separates tokens, so straight vs curly quotes, case and line
/// breaks do not change the token stream. It works on Unicode scalars with an ASCII fast path: this is the hot loop.
///
/// ```swift
/// let lines = TextTokenizer.lines(of: "Hello, World!\n\nIt’s “here”.")
/// lines.count           // 2
/// lines[0].tokenCount   // 2
/// lines[0].canonical    // "hello world"
/// ```
public enum TextTokenizer {
    /// One non-empty line of the input, tokenised.
    public struct Line: Sendable {
        /// FNV-1a hash of each lower-cased token.
        public var tokenHashes: [UInt64]
        /// The tokens joined by single spaces: the normalised text of the line.
        public var canonical: String
        /// Hash of ``canonical``: equal lines (after normalisation) have equal hashes.
        public var hash: UInt64
        /// The raw line, for the chrome-line rules.
        public var raw: Substring

        public var tokenCount: Int { tokenHashes.count }
    }

    /// The non-empty lines of `text` (lines with no token are skipped). Lines end at `\n` or `\r`.
    public static func lines(of text: String) -> [Line] {
        var result: [Line] = []
        for raw in text.utf8.split(whereSeparator: { $0 == 0x0A || $0 == 0x0D }) {
            let line = tokenize(Substring(raw))
            if !line.tokenHashes.isEmpty { result.append(line) }
        }
        return result
    }

    /// Tokenises one line.
    public static func tokenize(_ raw: Substring) -> Line {
        var builder = LineBuilder(capacity: raw.utf8.count)
        for scalar in raw.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(truncatingIfNeeded: value)
                switch byte {
                case 0x30...0x39, 0x61...0x7a: builder.append(byte)
                case 0x41...0x5a: builder.append(byte | 0x20)
                default: builder.endToken()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
            {
                for lowered in scalar.properties.lowercaseMapping.utf8 { builder.append(lowered) }
            } else {
                builder.endToken()
            }
        }
        builder.endToken()
        return builder.line(raw: raw)
    }

    /// Accumulates tokens, their hashes and the canonical bytes of one line.
    struct LineBuilder {
        var hashes: [UInt64] = []
        var canonical: [UInt8] = []
        var current = StableHash.fnvOffset
        var inToken = false

        init(capacity: Int) {
            hashes.reserveCapacity(capacity / 5 + 1)
            canonical.reserveCapacity(capacity)
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            if !inToken {
                if !canonical.isEmpty { canonical.append(0x20) }
                inToken = true
            }
            current = StableHash.fnvStep(current, byte)
            canonical.append(byte)
        }

        @inline(__always)
        mutating func endToken() {
            guard inToken else { return }
            hashes.append(StableHash.mix(current))
            current = StableHash.fnvOffset
            inToken = false
        }

        func line(raw: Substring) -> Line {
            var lineHash = StableHash.fnvOffset
            for byte in canonical { lineHash = StableHash.fnvStep(lineHash, byte) }
            return Line(
                tokenHashes: hashes, canonical: String(decoding: canonical, as: UTF8.self),
                hash: StableHash.mix(lineHash), raw: raw)
        }
    }
}
