import ClipperCore

/// Finds candidate mentions in one field: tagger spans (when the language has a tagger, see
/// ``LanguageSupport``), watchlist hits, and GeoNames places (ids for tagged places; matches of their own,
/// with evidence, in languages without a trusted tagger).
///
/// ```swift
/// let extractor = try MentionExtractor(resources: try .shared(), watchlist: matcher, language: "de")
/// extractor.candidates(in: Array("Merkel besucht Paris".unicodeScalars), field: .title)
/// ```
public struct MentionExtractor: Sendable {
    public let resources: ModelResources
    public let watchlist: WatchlistMatcher
    public let language: String
    public let support: LanguageSupport
    public var minConfidence: Double = 0
    public var gazetteerMinPopulation: Int = 100_000

    /// - Parameter precisionFirst: false runs the tagger of a language below precision 0.75 as well.
    public init(
        resources: ModelResources, watchlist: WatchlistMatcher, language: String, minConfidence: Double = 0,
        gazetteerMinPopulation: Int = 100_000, precisionFirst: Bool = true
    ) throws {
        self.resources = resources
        self.watchlist = watchlist
        self.language = language
        self.minConfidence = minConfidence
        self.gazetteerMinPopulation = gazetteerMinPopulation
        var support = LanguageSupport.for(language)
        if !precisionFirst, case .precisionFallback(let model) = support { support = .trained(model: model) }
        self.support = support
        tagger = try support.taggerModel.map { try resources.tagger(model: $0) }
    }

    let tagger: EntityTagger?

    /// What to write in `extractor` for an entity whose best mention is `candidate`.
    public func extractorName(_ candidate: Candidate) -> String {
        let base =
            switch candidate.source {
            case .tagger: "perceptron-\(support.model ?? language)@2"
            case .watchlist: "watchlist@1"
            case .gazetteer: "gazetteer@2"
            }
        switch support {
        case .trained: return base
        case .transferred(let model):
            return "\(base) (transferred to \(language))" + (candidate.source == .tagger ? "" : " via \(model)")
        case .precisionFallback: return "\(base) (tagger for \(language) below precision 0.75)"
        case .gazetteerOnly: return "\(base) (no tagger for \(language))"
        }
    }

    /// Candidates of all fields of one article, with document-level propagation of tagged names.
    public func candidates(in fields: [(field: TextField, scalars: [Unicode.Scalar])]) -> [Candidate] {
        let tagged = fields.map { field in
            let tokens = Tokenizer.tokenize(scalars: field.scalars)
            return DocumentPropagation.FieldText(
                field: field.field, scalars: field.scalars, tokens: tokens,
                candidates: candidates(in: field.scalars, tokens: tokens, field: field.field))
        }
        guard support.model != nil else { return tagged.flatMap(\.candidates) }
        return tagged.flatMap(\.candidates) + DocumentPropagation.missedMentions(in: tagged)
    }

    /// Candidates of one field.
    public func candidates(in scalars: [Unicode.Scalar], field: TextField) -> [Candidate] {
        candidates(in: scalars, tokens: Tokenizer.tokenize(scalars: scalars), field: field)
    }

    func candidates(in scalars: [Unicode.Scalar], tokens: [Token], field: TextField) -> [Candidate] {
        let hits = watchlist.hits(in: scalars).map { hit in
            Candidate(
                field: field, start: hit.start, end: hit.end, surface: Tokenizer.string(scalars[hit.start..<hit.end]),
                type: hit.entry.type, id: hit.entry.namespacedID, canonicalName: hit.entry.name, confidence: 0.99,
                source: .watchlist)
        }
        var found = hits
        let listed: [Candidate]
        switch (support, tagger) {
        case (.trained, let tagger?), (.transferred, let tagger?):
            // Countries and continents the tagger left out ("Guadeloupe :" opening a headline) are places anyway;
            // not in Chinese or Japanese script, where "日本" as a modifier is no name and the tagger knows it.
            let matches = resources.gazetteer.phraseMatches(in: tokens.map(\.text))
            let tagged = taggedCandidates(tagger, tokens: tokens, scalars: scalars, field: field, matches: matches)
            let countries = gazetteerCandidates(
                tokens: tokens, scalars: scalars, field: field, kinds: [.country, .continent], matches: matches)
            listed =
                tagged
                + countries.filter { candidate in
                    ScalarClass.cjkClass(scalars[candidate.start]) == nil && !tagged.contains { $0.overlaps(candidate) }
                }
        case (.precisionFallback, let tagger?):
            // High evidence: the gazetteer and the tagger agree on the span and on LOC.
            let matches = resources.gazetteer.phraseMatches(in: tokens.map(\.text))
            let places = taggedCandidates(tagger, tokens: tokens, scalars: scalars, field: field, matches: matches)
                .filter { $0.type == .location }
            listed = gazetteerCandidates(tokens: tokens, scalars: scalars, field: field, matches: matches)
                .filter { candidate in places.contains { $0.start == candidate.start && $0.end == candidate.end } }
        default:
            listed = gazetteerCandidates(tokens: tokens, scalars: scalars, field: field)
        }
        for candidate in listed where !hits.contains(where: { $0.overlaps(candidate) }) {
            found.append(candidate)
        }
        return found.sorted { $0.start < $1.start }
    }

    func taggedCandidates(
        _ tagger: EntityTagger, tokens: [Token], scalars: [Unicode.Scalar], field: TextField,
        matches: [PhraseMatch]? = nil
    ) -> [Candidate] {
        tagger.tag(tokens, phraseMatches: matches).compactMap { span in
            guard span.confidence >= minConfidence else { return nil }
            let words = tokens[span.firstToken..<(span.firstToken + span.tokenCount)].map(\.text)
            let place =
                span.type == .location
                ? resources.gazetteer.place(namedInflected: words) : resources.gazetteer.place(named: words)
            var candidate = Candidate(
                field: field, start: span.start, end: span.end,
                surface: Tokenizer.string(scalars[span.start..<span.end]),
                type: span.type, confidence: span.confidence, source: .tagger)
            candidate.place = place
            return candidate
        }
    }

    /// Gazetteer places with evidence (of `kinds` only, when given): the name is written as a name (capitalised,
    /// in scripts with case), an all-capital form must be the place's own name ("SPD" is never Saidpur), and a
    /// city must reach `gazetteerMinPopulation`. In Chinese and Japanese script a name must not run on into a
    /// longer name (南京大學), and a city must have a million people.
    func gazetteerCandidates(
        tokens: [Token], scalars: [Unicode.Scalar], field: TextField, kinds: Set<Place.Kind>? = nil,
        matches: [PhraseMatch]? = nil
    ) -> [Candidate] {
        let gazetteer = resources.gazetteer
        let places = matches.map(gazetteer.placeMatches(from:)) ?? gazetteer.placeMatches(in: tokens.map(\.text))
        return places.compactMap { match in
            guard kinds?.contains(match.place.kind) ?? true else { return nil }
            guard match.place.kind != .city || match.place.population >= gazetteerMinPopulation else { return nil }
            let start = tokens[match.start].start
            let end = tokens[match.start + match.length - 1].end
            let surface = Tokenizer.string(scalars[start..<end])
            guard NameEvidence.isWrittenAsName(surface, placeName: match.place.name) else { return nil }
            if ScalarClass.cjkClass(scalars[end - 1]) != nil {
                guard NameEvidence.endsAName(before: end < scalars.count ? scalars[end] : nil),
                    match.place.kind != .city || match.place.population >= NameEvidence.uncasedCityMinPopulation
                else { return nil }
            }
            var candidate = Candidate(
                field: field, start: start, end: end, surface: surface, type: .location,
                id: match.place.namespacedID, canonicalName: match.place.name, confidence: 0.7, source: .gazetteer)
            candidate.place = match.place
            return candidate
        }
    }
}
