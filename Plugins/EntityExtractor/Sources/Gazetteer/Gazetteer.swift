import Foundation

/// Place names (GeoNames, CLDR, ISO 3166-2), listed organisations and word lists (first names, surnames,
/// organisation keywords, titles), matched on tokens. Feeds the tagger's gazetteer features and gives places
/// their id. Mirrors `Lexicon` in `scripts/nerlib.py`.
///
/// A place's own name is entered before any alias, so an alias of a small town never hides a bigger place of
/// that name ("Baden" is Baden, not an alias of South San Francisco); places without a population
/// (subdivisions, US states) come after every populated place. Organisation names (`ORGPHRASE` lines of the
/// lexicon) come last and never replace a place.
///
/// ```swift
/// let gazetteer = try Gazetteer(places: placesURL, lexicon: lexiconURL)
/// gazetteer.place(named: ["New", "York"])?.namespacedID  // "geonames:5128581"
/// gazetteer.place(named: ["Deutschland"])?.namespacedID  // "geonames:2921044"
/// ```
public final class Gazetteer: Sendable {
    public let places: [Place]
    let phrases: PhraseTable
    /// FNV hash of the lower-cased word → its classes, sorted and joined ("FNSN").
    let wordClasses: HashKeyedTable<[UInt8]>

    public var maxPhraseLength: Int { phrases.maxLength }

    public init(places placesURL: URL, lexicon lexiconURL: URL) throws {
        var places: [Place] = []
        var aliases: [(index: Int32, names: [Substring])] = []
        var phrases = PhraseTable()
        let placesText = try String(contentsOf: placesURL, encoding: .utf8)
        for line in placesText.split(separator: "\n", omittingEmptySubsequences: true) {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count >= 4, let id = Place.namespacedID(fromColumn: columns[0]),
                let kind = Place.Kind(rawValue: String(columns[1]))
            else {
                throw ModelError.malformed(placesURL.path, "bad line \(line.prefix(60))")
            }
            let index = Int32(places.count)
            let place = Place(namespacedID: id, kind: kind, population: Int(columns[2]) ?? 0, name: String(columns[3]))
            places.append(place)
            if place.population > 0 { phrases.insert(Tokenizer.tokenize(place.name).map(\.text), entry: .place(index)) }
            if columns.count > 4 && !columns[4].isEmpty { aliases.append((index, columns[4].split(separator: "|"))) }
        }
        for (index, names) in aliases where places[Int(index)].population > 0 {
            for name in names { phrases.insert(Tokenizer.tokenize(String(name)).map(\.text), entry: .place(index)) }
        }
        // Places without a population (subdivisions, US states) come last, so "New York" and "Washington" are
        // the cities news usually means.
        for (index, place) in places.enumerated() where place.population == 0 {
            phrases.insert(Tokenizer.tokenize(place.name).map(\.text), entry: .place(Int32(index)))
        }
        for (index, names) in aliases where places[Int(index)].population == 0 {
            for name in names { phrases.insert(Tokenizer.tokenize(String(name)).map(\.text), entry: .place(index)) }
        }
        var classes: [String: Set<String>] = [:]
        let lexiconText = try String(contentsOf: lexiconURL, encoding: .utf8)
        for line in lexiconText.split(separator: "\n", omittingEmptySubsequences: true) {
            let columns = line.split(separator: "\t")
            guard columns.count == 2 else { throw ModelError.malformed(lexiconURL.path, "bad line \(line.prefix(60))") }
            if columns[0] == "ORGPHRASE" {
                phrases.insert(Tokenizer.tokenize(String(columns[1])).map(\.text), entry: .organisation)
            } else {
                classes[columns[1].lowercased(), default: []].insert(String(columns[0]))
            }
        }
        self.places = places
        self.phrases = phrases
        var wordClasses = HashKeyedTable<[UInt8]>(minimumCapacity: classes.count)
        for (word, names) in classes where wordClasses[FeatureHash(word).value] == nil {
            wordClasses[FeatureHash(word).value] = Array(names.sorted().joined().utf8)
        }
        self.wordClasses = wordClasses
    }

    /// The place with exactly this name (case-sensitive, as tokens): own names before aliases, the most
    /// populous first.
    public func place(named tokens: [String]) -> Place? {
        guard case .place(let index) = phrases.entry(for: tokens) else { return nil }
        return places[Int(index)]
    }

    /// ``place(named:)``, or else the place named by a dictionary form of the last token (``InflectedForms``):
    /// "в Москве" still finds Moscow.
    public func place(namedInflected tokens: [String]) -> Place? {
        if let place = place(named: tokens) { return place }
        guard let last = tokens.last else { return nil }
        for form in InflectedForms.candidates(of: last) {
            if let place = place(named: Array(tokens.dropLast()) + [form]) { return place }
        }
        return nil
    }

    /// Whether these tokens are a listed organisation's name.
    public func isListedOrganisation(_ tokens: [String]) -> Bool {
        phrases.entry(for: tokens) == .organisation
    }

    /// Longest place-name matches, left to right: `(start token, token count, place)`. A longer organisation
    /// name wins over a place inside it ("Bank of England" is not England).
    public func placeMatches(in words: [String]) -> [(start: Int, length: Int, place: Place)] {
        phrases.longestMatches(in: words).compactMap { match in
            guard case .place(let index) = match.entry else { return nil }
            return (match.start, match.length, places[Int(index)])
        }
    }

    /// Per token: "LOC-B", "LOC-I", "ORG-B", "ORG-I" or "-" (the tagger's `g=` feature). A token no name covers
    /// whose dictionary form (``InflectedForms``) is a one-token place name is "LOC-B" ("в Москве").
    public func phraseTags(_ words: [String]) -> [[UInt8]] {
        var tags = [[UInt8]](repeating: Self.none, count: words.count)
        var covered = [Bool](repeating: false, count: words.count)
        for match in phrases.longestMatches(in: words) {
            let isPlace = match.entry != .organisation
            tags[match.start] = isPlace ? Self.placeBegin : Self.organisationBegin
            covered[match.start] = true
            for index in (match.start + 1)..<(match.start + match.length) {
                tags[index] = isPlace ? Self.placeInside : Self.organisationInside
                covered[index] = true
            }
        }
        for (index, word) in words.enumerated() where !covered[index] {
            let isPlace = InflectedForms.anyCandidateHash(of: word) { hash in
                if case .place = phrases.entries[hash] { true } else { false }
            }
            if isPlace { tags[index] = Self.placeBegin }
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
    static let placeBegin = Array("LOC-B".utf8)
    static let placeInside = Array("LOC-I".utf8)
    static let organisationBegin = Array("ORG-B".utf8)
    static let organisationInside = Array("ORG-I".utf8)
}
