import ClipperCore

/// An article reduced to what deduplication needs: its exact fingerprint and its tokenised lines, with chrome
/// lines already marked. Built outside the state lock; the learned boilerplate is applied later, under it.
///
/// ```swift
/// let doc = PreparedDocument(docID: "d1", sourceKey: "wire", title: "Budget", body: "Share on Facebook\nThe budget…")
/// doc.fingerprint // SHA-256 hex of "budget the budget…" (chrome lines left out)
/// ```
public struct PreparedDocument: Sendable {
    public let docID: String
    /// Lower-case hex SHA-256 of the normalised text without chrome lines.
    public let fingerprint: String
    /// The first 64 bits of ``fingerprint``: the indexed exact-match key.
    public let fingerprintKey: Int64
    /// Number of tokens the fingerprint covers; 0 means there is nothing to compare.
    public let tokenCount: Int
    /// The lines that count as content before learned boilerplate is removed (chrome lines already gone).
    let contentLines: [TextTokenizer.Line]
    /// Per content line: its key in the learned-boilerplate table (source and line), or nil when the line is not
    /// eligible (the title, or a line longer than ``PreparedDocument/maximumBoilerplateTokens``).
    let boilerplateKeys: [Int64?]

    /// Lines longer than this are never learned as boilerplate.
    public static let maximumBoilerplateTokens = 40

    public init(docID: String, sourceKey: String, title: String?, body: String?) {
        self.docID = docID
        let titleLines = title.map { $0.isEmpty ? [] : TextTokenizer.lines(of: $0) } ?? []
        let bodyLines = body.map { $0.isEmpty ? [] : TextTokenizer.lines(of: $0) } ?? []
        var content: [TextTokenizer.Line] = []
        var keys: [Int64?] = []
        content.reserveCapacity(titleLines.count + bodyLines.count)
        keys.reserveCapacity(titleLines.count + bodyLines.count)
        let sourceHash = StableHash.of(sourceKey)
        // Title lines are never boilerplate; body lines are when they are short enough.
        for line in titleLines where !ChromeLineRules.isChrome(line) {
            content.append(line)
            keys.append(nil)
        }
        for line in bodyLines where !ChromeLineRules.isChrome(line) {
            content.append(line)
            let isEligible = line.tokenCount <= Self.maximumBoilerplateTokens
            keys.append(isEligible ? Int64(bitPattern: StableHash.combine(sourceHash, line.hash)) : nil)
        }
        contentLines = content
        boilerplateKeys = keys
        eligibleBoilerplateKeys = Array(Set(keys.compactMap { $0 }))
        var tokens = 0
        var normalisedLength = 0
        for line in content {
            tokens += line.tokenCount
            normalisedLength += line.canonicalBytes.count + 1
        }
        tokenCount = tokens
        // The canonical lines joined by single spaces, built straight into the string's storage.
        let normalised = String(unsafeUninitializedCapacity: max(normalisedLength, 1)) { buffer in
            var written = 0
            for line in content {
                if written > 0 {
                    buffer[written] = 0x20
                    written += 1
                }
                line.canonicalBytes.withUnsafeBufferPointer { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[written..<(written + bytes.count)]).initialize(
                        from: bytes)
                }
                written += line.canonicalBytes.count
            }
            return written
        }
        fingerprint = DocumentID.sha256Hex(normalised)
        fingerprintKey = Int64(bitPattern: UInt64(fingerprint.prefix(16), radix: 16) ?? 0)
    }

    /// The content tokens once lines whose keys are in `boilerplate` are removed.
    func tokens(excluding boilerplate: Set<Int64>) -> [UInt64] {
        var tokens: [UInt64] = []
        tokens.reserveCapacity(tokenCount)
        for (line, key) in zip(contentLines, boilerplateKeys) {
            if !boilerplate.isEmpty, let key, boilerplate.contains(key) { continue }
            tokens += line.tokenHashes
        }
        return tokens
    }

    /// The shingle set of the content without any learned boilerplate removed: for diagnostics and the tool.
    ///
    /// ```swift
    /// let overlap = SetSimilarity(a: first.shingles(size: 5), b: second.shingles(size: 5))
    /// ```
    public func shingles(size: Int) -> [UInt32] {
        Shingler.shingles(of: tokens(excluding: []), size: size)
    }

    /// The learned-boilerplate keys of this document, without repeats.
    let eligibleBoilerplateKeys: [Int64]
}
