/// Names of several tokens or one, keyed by the FNV hash of their space-joined tokens, with longest-match
/// lookup. Each name is a place (its index in the place list) or a listed organisation.
///
/// ```swift
/// var table = PhraseTable()
/// table.insert(["New", "York"], entry: .place(0))
/// table.longestMatches(in: ["in", "New", "York"]).first?.length  // 2
/// ```
public struct PhraseTable: Sendable {
    public enum Entry: Sendable, Hashable {
        case place(Int32)
        case organisation
    }

    var entries = HashKeyedTable<Entry>()
    /// Hashes of every proper prefix (in tokens) of a multi-token name: longer matches are tried only after one.
    var prefixes = HashKeyedTable<Bool>()
    public private(set) var maxLength = 1

    public init() {}

    /// Adds a name unless one with the same tokens is already there (the first entry wins).
    public mutating func insert(_ tokens: [String], entry: Entry) {
        guard !tokens.isEmpty, tokens.count <= 8 else { return }
        let key = Self.hash(tokens[...])
        if entries[key] == nil { entries[key] = entry }
        for length in 1..<tokens.count { prefixes[Self.hash(tokens[0..<length])] = true }
        maxLength = max(maxLength, tokens.count)
    }

    public func entry(for tokens: [String]) -> Entry? {
        entries[Self.hash(tokens[...])]
    }

    /// Longest matches, left to right: `(start token, token count, entry)`.
    public func longestMatches(in words: [String]) -> [(start: Int, length: Int, entry: Entry)] {
        var matches: [(start: Int, length: Int, entry: Entry)] = []
        var index = 0
        while index < words.count {
            var hash = FeatureHash()
            var found: (length: Int, entry: Entry)? = nil
            for length in 1...min(maxLength, words.count - index) {
                if length > 1 { hash.add(UInt8(ascii: " ")) }
                hash.add(words[index + length - 1])
                if let entry = entries[hash.value] { found = (length, entry) }
                if !prefixes.contains(hash.value) { break }
            }
            if let found {
                matches.append((index, found.length, found.entry))
                index += found.length
            } else {
                index += 1
            }
        }
        return matches
    }

    /// FNV-1a hash of tokens joined by single spaces.
    static func hash(_ tokens: ArraySlice<String>) -> UInt64 {
        var hash = FeatureHash()
        for (position, token) in tokens.enumerated() {
            if position > 0 { hash.add(UInt8(ascii: " ")) }
            hash.add(token)
        }
        return hash.value
    }
}
