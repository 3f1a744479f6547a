import ClipperCore
import Foundation

/// The `entities` processor: people, organisations and places in `title`, `description` and `body`, with
/// Unicode-scalar offsets, GeoNames or watchlist ids, canonical names, salience and confidence.
///
/// Each language runs its own tagger (``LanguageSupport``): ten languages have one trained on labelled text,
/// others borrow the nearest trained language's, and the rest get watchlist hits plus GeoNames places that have
/// evidence (their `extractor` says which). Run `language` first to choose the model; without it,
/// `default_language` applies. Place ids are the same whatever language a name is written in.
///
/// ```yaml
/// processors:
///   - name: entities
///     config: { watchlist: watchlist.yaml, default_language: en }
/// ```
public struct EntityExtractorProcessor: Processor {
    public struct Configuration: Decodable, Sendable {
        public var watchlist: String
        public var defaultLanguage: String
        public var fields: [String]
        public var minConfidence: Double
        public var gazetteerMinPopulation: Int
        public var maxFieldChars: Int
        public var precisionFirst: Bool

        /// Settings in code (the YAML `config:` block is the usual route); defaults as in the descriptor.
        ///
        /// ```swift
        /// let configuration = EntityExtractorProcessor.Configuration(watchlist: "")
        /// ```
        public init(
            watchlist: String = "watchlist.yaml", defaultLanguage: String = "en",
            fields: [String] = ["title", "description", "body"], minConfidence: Double = 0,
            gazetteerMinPopulation: Int = 100_000, maxFieldChars: Int = 200_000, precisionFirst: Bool = true
        ) {
            self.watchlist = watchlist
            self.defaultLanguage = defaultLanguage
            self.fields = fields
            self.minConfidence = minConfidence
            self.gazetteerMinPopulation = gazetteerMinPopulation
            self.maxFieldChars = maxFieldChars
            self.precisionFirst = precisionFirst
        }
    }

    public static let descriptor = ProcessorDescriptor(
        name: "entities",
        version: "2.0.0",
        status: .beta,
        summary: "People, organisations and places with scalar offsets, GeoNames/watchlist ids, salience, confidence.",
        writes: [.entities],
        configFields: [
            ConfigField(
                name: "watchlist", type: .string, default: "watchlist.yaml",
                description: "Tracked entities (id, type, name, aliases), relative to the config folder; read at "
                    + "start-up, so edits apply on the next start without a rebuild. \"\" runs without one; "
                    + "the default file may be absent, any other path must exist.",
                examples: ["watchlist.yaml", "/etc/clipper/watchlist.yaml"]),
            ConfigField(
                name: "default_language", type: .string, default: "en",
                description: "Language assumed when the language processor did not run or said `und`."),
            ConfigField(
                name: "fields", type: .stringList, default: ["title", "description", "body"],
                description: "Text fields to read: any of title, description, body."),
            ConfigField(
                name: "min_confidence", type: .number, default: 0.0,
                description: "Drop tagger mentions whose confidence (0–1) is below this.", examples: [0.6]),
            ConfigField(
                name: "gazetteer_min_population", type: .integer, default: 100_000,
                description: "In languages without a trusted tagger, match only cities at least this populous "
                    + "(countries, regions and continents always match, when written as names)."),
            ConfigField(
                name: "max_field_chars", type: .integer, default: 200_000,
                description: "Read at most this many Unicode scalars of each field."),
            ConfigField(
                name: "precision_first", type: .boolean, default: true,
                description: "Drop tagger-only entities below the language's confidence floor (tuned so dev "
                    + "precision reaches 0.75) and use places only in languages whose tagger stays below 0.75. "
                    + "false reports every tagger span: more recall, less precision."),
        ],
        examples: [
            ProcessorExample(
                name: "finds and merges a person, and tags a place with its GeoNames id",
                input: [
                    "id": "1", "title": "Angela Merkel visits Paris",
                    "body": "Merkel met students in Paris on Monday.",
                ],
                configuration: ["watchlist": ""],
                expect: [
                    "entities.0.name": "Angela Merkel", "entities.0.type": "PER",
                    "entities.0.mentions.1.field": "body", "entities.0.mentions.1.surface": "Merkel",
                    "entities.1.id": "geonames:2988507", "entities.1.type": "LOC",
                ]),
            ProcessorExample(
                name: "offsets count Unicode scalars (the flag is two)",
                input: ["id": "2", "title": "🇫🇷 Visit to Zürich by Emmanuel Macron"],
                configuration: ["watchlist": ""],
                expect: [
                    "entities.0.name": "Emmanuel Macron", "entities.0.mentions.0.start": 22,
                    "entities.0.mentions.0.end": 37,
                ]),
            ProcessorExample(
                name: "languages without a tagger still get places, with the same id as in English",
                input: ["id": "3", "title": "اجتماع في برلين"],
                configuration: ["watchlist": "", "default_language": "ar"],
                expect: ["entities.0.id": "geonames:2950159", "entities.0.extractor": "gazetteer@2 (no tagger for ar)"]),
        ])

    static let defaultWatchlist = "watchlist.yaml"

    let configuration: Configuration
    let resources: ModelResources
    let watchlist: WatchlistMatcher
    let fields: [TextField]

    public init(configuration: Configuration, environment: ProcessorEnvironment) throws {
        self.configuration = configuration
        do {
            resources = try ModelResources.shared()
            // Load the default language's tagger now, so a missing model fails at start-up, not per record.
            _ = try resources.tagger(for: Self.languageCode(nil, fallback: configuration.defaultLanguage))
        } catch {
            throw ProcessorSetupError(processor: "entities", message: "\(error)")
        }
        let watchlistURL = environment.resolve(configuration.watchlist)
        if configuration.watchlist.isEmpty {
            watchlist = WatchlistMatcher(Watchlist(entries: []))
        } else if configuration.watchlist == Self.defaultWatchlist
            && !FileManager.default.fileExists(atPath: watchlistURL.path)
        {
            // The default file is optional; a path someone wrote down must exist.
            environment.logger.warning(
                "entities: no \(watchlistURL.path); running without a watchlist (set `watchlist` to choose a file)")
            watchlist = WatchlistMatcher(Watchlist(entries: []))
        } else {
            watchlist = WatchlistMatcher(try Watchlist.load(from: watchlistURL))
        }
        fields = try configuration.fields.map { name in
            guard let field = TextField(rawValue: name) else {
                throw ProcessorSetupError(
                    processor: "entities", key: "fields",
                    message: "unknown field \"\(name)\"; use any of title, description, body")
            }
            return field
        }
    }

    public func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
        let language = Self.languageCode(article.language?.code, fallback: configuration.defaultLanguage)
        let extractor = try MentionExtractor(
            resources: resources, watchlist: watchlist, language: language,
            minConfidence: configuration.minConfidence, gazetteerMinPopulation: configuration.gazetteerMinPopulation,
            precisionFirst: configuration.precisionFirst)
        var texts: [(field: TextField, scalars: [Unicode.Scalar])] = []
        var lengths: [TextField: Int] = [:]
        for field in fields {
            guard let text = article.text(of: field), !text.isEmpty else { continue }
            let scalars = Array(text.unicodeScalars.prefix(configuration.maxFieldChars))
            lengths[field] = scalars.count
            texts.append((field, scalars))
        }
        let candidates = extractor.candidates(in: texts)
        article.entities = EntityMerger.merge(
            candidates, fieldLengths: lengths,
            taggerFloor: configuration.precisionFirst ? extractor.support.confidenceFloor : 0,
            extractor: extractor.extractorName)
        return .keep
    }

    /// The primary subtag of a language code, lower-cased; `und` or nothing means `fallback`.
    static func languageCode(_ code: String?, fallback: String) -> String {
        guard let code, !code.isEmpty, code != "und" else { return fallback.lowercased() }
        return code.split(separator: "-").first.map { $0.lowercased() } ?? fallback.lowercased()
    }
}
