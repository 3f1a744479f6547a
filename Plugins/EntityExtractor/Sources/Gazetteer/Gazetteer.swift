import Foundation

/// Place names (GeoNames) and word lists (first names, surnames, organisation keywords, titles), matched on
/// tokens. Feeds the tagger's gazetteer features and gives places their GeoNames id.
/// Mirrors `Lexicon` in `scripts/nerlib.py`.
///
/// ```swift
/// let gazetteer = try Gazetteer(places: placesURL, lexicon: lexiconURL)
/// gazetteer.place(named: ["New", "York"])?.namespacedID  // "geonames:5128581"
/// ```
public final class Gazetteer: Sendable {
    public let places: [Place]
    /// FNV hash of the space-joined phrase tokens → index into `places`.
    let phrases: [UInt64: Int32]
    /// Hashes of every proper prefix (in tokens) of a multi-token name: longer matches are tried only after one.
    let phrasePrefixes: Set<UInt64>
    public let maxPhraseLength: Int
    /// FNV hash of the lower-cased word → its classes, sorted and joined ("FNSN").
    let wordClasses: [UInt64: [UInt8]]

    public init(places placesURL: URL, lexicon lexiconURL: URL) throws {
        var places: [Place] = []
        var phrases: [UInt64: Int32] = [:]
        var prefixes: Set<UInt64> = []
        var maxLength = 1
        let placesText = try String(contentsOf: placesURL, encoding: .utf8)
        for line in placesText.split(separator: "\n", omittingEmptySubsequences: true) {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 4, let id = Int(columns[0]), let kind = Place.Kind(rawValue: String(columns[1])) else {
                throw ModelError.malformed(placesURL.path, "bad line \(line.prefix(60))")
            }
            let index = Int32(places.count)
            places.append(Place(geonameID: id, kind: kind, population: Int(columns[2]) ?? 0, name: String(columns[3])))
            var names = [String(columns[3])]
            if columns.count > 4 && !columns[4].isEmpty { names += columns[4].split(separator: "|").map(String.init) }
            for name in names {
                let tokens = Tokenizer.tokenize(name).map(\.text)
                guard !tokens.isEmpty, tokens.count <= 8 else { continue }
                let key = Self.phraseHash(tokens[...])
                if phrases[key] == nil { phrases[key] = index }
                for length in 1..<tokens.count { prefixes.insert(Self.phraseHash(tokens[0..<length])) }
                maxLength = max(maxLength, tokens.count)
            }
        }
        var classes: [String: Set<String>] = [:]
        let lexiconText = try String(contentsOf: lexiconURL, encoding: .utf8)
        for line in lexiconText.split(separator: "\n", omittingEmptySubsequences: true) {
            let columns = line.split(separator: "\t")
            guard columns.count == 2 else { throw ModelError.malformed(lexiconURL.path, "bad line \(line.prefix(60))") }
            classes[columns[1].lowercased(), default: []].insert(String(columns[0]))
        }
        self.places = places
        self.phrases = phrases
        phrasePrefixes = prefixes
        maxPhraseLength = maxLength
        wordClasses = Dictionary(
            classes.map { (FeatureHash($0.key).value, Array($0.value.sorted().joined().utf8)) },
            uniquingKeysWith: { first, _ in first })
    }

    /// FNV-1a hash of tokens joined by single spaces.
    static func phraseHash(_ tokens: ArraySlice<String>) -> UInt64 {
        var hash = FeatureHash()
        for (position, token) in tokens.enumerated() {
            if position > 0 { hash.add(UInt8(ascii: " ")) }
            hash.add(token)
        }
        return hash.value
    }

    /// The most populous place with exactly this name (case-sensitive, as tokens).
    public func place(named tokens: [String]) -> Place? {
        phrases[Self.phraseHash(tokens[...])].map { places[Int($0)] }
    }

    /// Longest place-name matches, left to right: `(start token, token count, place)`.
    public func placeMatches(in words: [String]) -> [(start: Int, length: Int, place: Place)] {
        var matches: [(start: Int, length: Int, place: Place)] = []
        var index = 0
        while index < words.count {
            var hash = FeatureHash()
            var found: (length: Int, place: Int32)? = nil
            for length in 1...min(maxPhraseLength, words.count - index) {
                if length > 1 { hash.add(UInt8(ascii: " ")) }
                hash.add(words[index + length - 1])
                if let place = phrases[hash.value] { found = (length, place) }
                if !phrasePrefixes.contains(hash.value) { break }
            }
            if let found {
                matches.append((index, found.length, places[Int(found.place)]))
                index += found.length
            } else {
                index += 1
            }
        }
        return matches
    }

    /// Per token: "LOC-B", "LOC-I" or "-" (the tagger's `g=` feature).
    public func phraseTags(_ words: [String]) -> [[UInt8]] {
        var tags = [[UInt8]](repeating: Self.none, count: words.count)
        for match in placeMatches(in: words) {
            tags[match.start] = Self.begin
            for index in (match.start + 1)..<(match.start + match.length) { tags[index] = Self.inside }
        }
        return tags
    }

    /// Sorted, joined lexicon classes of a word ("FNSN"), or "-".
    public func classes(ofLowercased word: String) -> [UInt8] {
        wordClasses[FeatureHash(word).value] ?? Self.none
    }

    /// The same, for a word given as lower-cased UTF-8.
    public func classes(ofLowercasedBytes word: [UInt8]) -> [UInt8] {
        var hash = FeatureHash()
        hash.add(word)
        return wordClasses[hash.value] ?? Self.none
    }

    static let none = Array("-".utf8)
    static let begin = Array("LOC-B".utf8)
    static let inside = Array("LOC-I".utf8)
}
