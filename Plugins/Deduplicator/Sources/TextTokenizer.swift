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
        /// The tokens joined by single spaces, as UTF-8: the normalised text of the line.
        public var canonicalBytes: [UInt8]
        /// Hash of ``canonical``: equal lines (after normalisation) have equal hashes.
        public var hash: UInt64
        /// The raw UTF-8 bytes of the line when it is short enough to be chrome (at most
        /// ``ChromeLineRules/maximumTokens`` tokens); empty otherwise.
        public var rawBytes: [UInt8]

        public var tokenCount: Int { tokenHashes.count }

        /// ``canonicalBytes`` as a string.
        public var canonical: String { String(decoding: canonicalBytes, as: UTF8.self) }
    }

    /// The non-empty lines of `text` (lines with no token are skipped). Lines end at `\n` or `\r`.
    public static func lines(of text: String) -> [Line] {
        var copy = text
        return copy.withUTF8 { bytes in
            var result: [Line] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A || bytes[index] == 0x0D {
                if index > start {
                    let line = tokenize(UnsafeBufferPointer(rebasing: bytes[start..<index]))
                    if !line.tokenHashes.isEmpty { result.append(line) }
                }
                start = index + 1
            }
            return result
        }
    }

    /// Tokenises one line of text.
    public static func tokenize(_ text: Substring) -> Line {
        var copy = String(text)
        return copy.withUTF8 { tokenize($0) }
    }

    /// Tokenises one line of UTF-8 bytes: ASCII byte by byte, other scalars decoded and classified.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> Line {
        var builder = LineBuilder(capacity: bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x30...0x39, 0x61...0x7a: builder.append(byte)
                case 0x41...0x5a: builder.append(byte | 0x20)
                default: builder.endToken()
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            var offset = 1
            while offset < length && index + offset < bytes.count {
                value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                offset += 1
            }
            index += offset
            guard length > 1, let scalar = Unicode.Scalar(value) else {
                builder.endToken()
                continue
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark {
                for lowered in properties.lowercaseMapping.utf8 { builder.append(lowered) }
            } else {
                builder.endToken()
            }
        }
        builder.endToken()
        let raw = builder.hashes.count <= ChromeLineRules.maximumTokens ? Array(bytes) : []
        return builder.line(rawBytes: raw)
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

        func line(rawBytes: [UInt8]) -> Line {
            var lineHash = StableHash.fnvOffset
            for byte in canonical { lineHash = StableHash.fnvStep(lineHash, byte) }
            return Line(tokenHashes: hashes, canonicalBytes: canonical, hash: StableHash.mix(lineHash), rawBytes: rawBytes)
        }
    }
}
