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

    /// The non-empty lines of `text` (lines with no token are skipped).
    public static func lines(of text: String) -> [Line] {
        var result: [Line] = []
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\u{2029}" || $0 == "\u{2028}" }) {
            let line = tokenize(raw)
            if !line.tokenHashes.isEmpty { result.append(line) }
        }
        return result
    }

    /// Tokenises one line.
    public static func tokenize(_ raw: Substring) -> Line {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(raw.utf8.count / 5 + 1)
        var canonical: [UInt8] = []
        canonical.reserveCapacity(raw.utf8.count)
        var current = StableHash.fnvOffset
        var inToken = false

        @inline(__always) func endToken() {
            if inToken {
                hashes.append(StableHash.mix(current))
                current = StableHash.fnvOffset
                inToken = false
            }
        }
        @inline(__always) func append(_ byte: UInt8) {
            if !inToken {
                if !canonical.isEmpty { canonical.append(0x20) }
                inToken = true
            }
            current = StableHash.fnvStep(current, byte)
            canonical.append(byte)
        }

        for scalar in raw.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x30...0x39, 0x61...0x7a: append(byte)
                case 0x41...0x5a: append(byte | 0x20)
                default: endToken()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
            {
                for lowered in scalar.properties.lowercaseMapping.utf8 { append(lowered) }
            } else {
                endToken()
            }
        }
        endToken()
        let text = String(decoding: canonical, as: UTF8.self)
        var lineHash = StableHash.fnvOffset
        for byte in canonical { lineHash = StableHash.fnvStep(lineHash, byte) }
        return Line(tokenHashes: hashes, canonical: text, hash: StableHash.mix(lineHash), raw: raw)
    }
}
