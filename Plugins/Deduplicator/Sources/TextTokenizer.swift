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
        return copy.withUTF8 { scan($0, splittingLines: true) }
    }

    /// Tokenises one line of text (`\n` and `\r` only separate tokens here).
    public static func tokenize(_ text: Substring) -> Line {
        var copy = String(text)
        return copy.withUTF8 { bytes in
            scan(bytes, splittingLines: false).first
                ?? Line(
                    tokenHashes: [], canonicalBytes: [], hash: StableHash.mix(StableHash.fnvOffset),
                    rawBytes: Array(bytes))
        }
    }

    /// One pass over UTF-8 bytes: ASCII byte by byte, other scalars decoded and classified; with
    /// `splittingLines`, `\n` and `\r` also end the current line. Returns the lines that have tokens.
    ///
    /// ASCII is classified with two range checks: `byte | 0x20` folds `A`–`Z` onto `a`–`z` (and maps no other
    /// byte into that range), and digits are tested directly. Tokens and canonical bytes go into one scratch
    /// buffer shared by all lines of the text; each line then gets exactly sized arrays.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, splittingLines: Bool) -> [Line] {
        var result: [Line] = []
        var writer = LineWriter(inputCount: bytes.count)
        defer { writer.deallocate() }
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                let folded = byte | 0x20
                if folded &- 0x61 < 26 {
                    writer.append(folded)
                } else if byte &- 0x30 < 10 {
                    writer.append(byte)
                } else if splittingLines && (byte == 0x0A || byte == 0x0D) {
                    if let line = writer.finishLine(raw: UnsafeBufferPointer(rebasing: bytes[lineStart..<index])) {
                        result.append(line)
                    }
                    lineStart = index + 1
                } else {
                    writer.endToken()
                }
                index += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            var offset = 1
            while offset < length && index + offset < bytes.count {
                let next = bytes[index + offset]
                if splittingLines && (next == 0x0A || next == 0x0D) { break }  // a truncated sequence ends its line
                value = value << 6 | UInt32(next & 0x3F)
                offset += 1
            }
            index += offset
            guard length > 1, let scalar = Unicode.Scalar(value) else {
                writer.endToken()
                continue
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
            {
                let lowered = properties.lowercaseMapping.utf8
                writer.ensureRoom(for: lowered.count + 1, remainingInput: bytes.count - index)
                for byte in lowered { writer.append(byte) }
            } else {
                writer.endToken()
            }
        }
        if let line = writer.finishLine(raw: UnsafeBufferPointer(rebasing: bytes[lineStart..<bytes.count])) {
            result.append(line)
        }
        return result
    }

    /// Accumulates the tokens, their hashes and the canonical bytes of the current line in scratch buffers. The
    /// line hash (FNV-1a over the canonical bytes, separating spaces included) is folded in as bytes arrive, so
    /// the canonical text is walked only once.
    ///
    /// Room: every input byte writes at most two canonical bytes (a separating space and itself), and a line of
    /// `n` bytes has at most `n / 2 + 1` tokens, so the buffers sized from the whole input never overflow on the
    /// ASCII path; a non-ASCII scalar whose lower-case form is longer calls ``ensureRoom(for:remainingInput:)``.
    struct LineWriter {
        var hashes: UnsafeMutablePointer<UInt64>
        var canonical: UnsafeMutablePointer<UInt8>
        var canonicalCapacity: Int
        var hashCount = 0
        var canonicalCount = 0
        var current = StableHash.fnvOffset
        var lineHash = StableHash.fnvOffset
        var inToken = false

        init(inputCount: Int) {
            hashes = .allocate(capacity: inputCount / 2 + 2)
            canonicalCapacity = 2 * inputCount + 8
            canonical = .allocate(capacity: canonicalCapacity)
        }

        func deallocate() {
            hashes.deallocate()
            canonical.deallocate()
        }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            if !inToken {
                if canonicalCount > 0 {
                    canonical[canonicalCount] = 0x20
                    canonicalCount += 1
                    lineHash = StableHash.fnvStep(lineHash, 0x20)
                }
                inToken = true
            }
            current = StableHash.fnvStep(current, byte)
            lineHash = StableHash.fnvStep(lineHash, byte)
            canonical[canonicalCount] = byte
            canonicalCount += 1
        }

        @inline(__always)
        mutating func endToken() {
            guard inToken else { return }
            hashes[hashCount] = StableHash.mix(current)
            hashCount += 1
            current = StableHash.fnvOffset
            inToken = false
        }

        /// Grows the canonical buffer so that `bytes` more plus two per remaining input byte still fit.
        mutating func ensureRoom(for bytes: Int, remainingInput: Int) {
            let needed = canonicalCount + bytes + 2 * remainingInput + 8
            guard needed > canonicalCapacity else { return }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: needed)
            grown.update(from: canonical, count: canonicalCount)
            canonical.deallocate()
            canonical = grown
            canonicalCapacity = needed
        }

        /// Ends the current line: its ``Line`` when it has tokens (`raw` is kept when it is short enough to be
        /// chrome), and the scratch buffers are emptied for the next line.
        mutating func finishLine(raw: UnsafeBufferPointer<UInt8>) -> Line? {
            endToken()
            defer {
                hashCount = 0
                canonicalCount = 0
                lineHash = StableHash.fnvOffset
            }
            guard hashCount > 0 else { return nil }
            return Line(
                tokenHashes: Array(UnsafeBufferPointer(start: hashes, count: hashCount)),
                canonicalBytes: Array(UnsafeBufferPointer(start: canonical, count: canonicalCount)),
                hash: StableHash.mix(lineHash),
                rawBytes: hashCount <= ChromeLineRules.maximumTokens ? Array(raw) : [])
        }
    }
}
