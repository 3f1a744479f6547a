import Foundation

/// A watchlist hit, in Unicode-scalar offsets of the searched text.
///
/// ```swift
/// WatchlistHit(start: 0, end: 5, entry: putin)
/// ```
public struct WatchlistHit: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var entry: Watchlist.Entry
}

/// Finds watchlist names and aliases in text with one Aho–Corasick pass over case- and diacritic-folded scalars.
///
/// Aliases written all in capitals ("UN", "NATO") match only in capitals, so "un" in French text is no hit.
/// Other aliases match whatever the accents ("Erdogan" for "Erdoğan") and case, except that an alias starting
/// with a capital needs a capital in the text ("Trump" and "TRUMP", never "trump"). In scripts written with
/// spaces, a hit must start and end at word boundaries; in Chinese, Japanese, Korean and Thai it need not.
/// Overlapping hits resolve to the longest, then the leftmost.
///
/// ```swift
/// let matcher = WatchlistMatcher(watchlist)
/// matcher.hits(in: "Путин met NATO leaders").map(\.entry.id)  // ["vladimir-putin", "nato"]
/// ```
public struct WatchlistMatcher: Sendable {
    struct Pattern: Sendable {
        var entry: Int
        var original: [Unicode.Scalar]
        var caseSensitive: Bool
        var startsCapitalised: Bool
    }

    let watchlist: Watchlist
    let patterns: [Pattern]
    let automaton: AhoCorasick

    public init(_ watchlist: Watchlist) {
        self.watchlist = watchlist
        var patterns: [Pattern] = []
        var folded: [[UInt32]] = []
        for (index, entry) in watchlist.entries.enumerated() {
            for alias in Set([entry.name] + entry.aliases) {
                let trimmed = alias.trimmingCharacters(in: .whitespacesAndNewlines)
                guard !trimmed.isEmpty else { continue }
                let scalars = Array(trimmed.unicodeScalars)
                let letters = scalars.filter { $0.properties.isAlphabetic }
                let caseSensitive =
                    !letters.isEmpty && letters.allSatisfy { $0.properties.isUppercase }
                    && letters.contains { $0.properties.changesWhenLowercased }
                let startsCapitalised = scalars[0].properties.isUppercase
                patterns.append(
                    Pattern(
                        entry: index, original: scalars, caseSensitive: caseSensitive,
                        startsCapitalised: startsCapitalised))
                folded.append(TextFolding.fold(scalars: scalars).scalars)
            }
        }
        self.patterns = patterns
        automaton = AhoCorasick(patterns: folded)
    }

    public var isEmpty: Bool { patterns.isEmpty }

    /// Non-overlapping hits in `text`, left to right.
    public func hits(in text: String) -> [WatchlistHit] {
        hits(in: Array(text.unicodeScalars))
    }

    /// Non-overlapping hits in a scalar array, left to right.
    public func hits(in scalars: [Unicode.Scalar]) -> [WatchlistHit] {
        guard !patterns.isEmpty else { return [] }
        let folded = TextFolding.fold(scalars: scalars)
        var candidates: [WatchlistHit] = []
        for match in automaton.matches(in: folded.scalars) {
            let pattern = patterns[match.pattern]
            let foldedStart = match.end - automaton.patternLengths[match.pattern]
            let start = folded.origin[foldedStart]
            let end = folded.origin[match.end - 1] + 1
            guard isBoundary(scalars, start: start, end: end) else { continue }
            if pattern.caseSensitive && Array(scalars[start..<end]) != pattern.original { continue }
            if pattern.startsCapitalised && !scalars[start].properties.isUppercase { continue }
            candidates.append(WatchlistHit(start: start, end: end, entry: watchlist.entries[pattern.entry]))
        }
        candidates.sort { ($0.end - $0.start, -$0.start) > ($1.end - $1.start, -$1.start) }
        var taken: [WatchlistHit] = []
        for hit in candidates where !taken.contains(where: { $0.start < hit.end && hit.start < $0.end }) {
            taken.append(hit)
        }
        return taken.sorted { $0.start < $1.start }
    }

    private func isBoundary(_ scalars: [Unicode.Scalar], start: Int, end: Int) -> Bool {
        if start > 0 && !TextFolding.isUnspaced(scalars[start].value)
            && ScalarClass.isWordScalar(scalars[start - 1])
        {
            return false
        }
        if end < scalars.count && !TextFolding.isUnspaced(scalars[end - 1].value)
            && ScalarClass.isWordScalar(scalars[end])
        {
            return false
        }
        return true
    }
}
