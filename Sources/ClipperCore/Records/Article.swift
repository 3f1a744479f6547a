import Foundation

/// The record every processor sees: one fixed type along the whole chain.
///
/// It starts as a copy of the ``RawArticle`` and each processor fills in its own section. Encoded, it is
/// the enriched record `mm.article.enriched/1` (see `Config/schemas/mm.article.enriched.schema.json`).
///
/// ```swift
/// var article = Article(raw: RawArticle(id: "a1", title: "Hello"))
/// article.language = LanguageTag(code: "en", confidence: 0.99, script: "Latn", detector: "language@1.0.0")
/// article.ext["my_plugin"] = ["score": 1]
/// ```
public struct Article: Sendable, Hashable {
    /// The input record's `id`.
    public var rawID: String
    /// Deterministic identity: SHA-256 of the canonical URL, or of `source|id` when there is no URL.
    public var docID: String
    public var url: String?
    public var canonicalURL: String?
    /// The crawler's `canonical_url_hint` (rel=canonical / og:url). Input only; not written to the output.
    public var canonicalURLHint: String?
    public var urlCanonicalisation: URLCanonicalisation?
    public var source: ArticleSource?
    public var title: String?
    public var description: String?
    public var body: String?
    public var authors: [String]?
    public var imageURL: String?
    public var publishedAt: String?
    public var modifiedAt: String?
    public var fetchedAt: String?
    /// Unknown input fields, passed through untouched.
    public var extra: [String: JSONValue]

    /// Written by the `language` processor.
    public var language: LanguageTag?
    /// Written by the `entities` processor.
    public var entities: [Entity]?
    /// Written by the `dedup` processor.
    public var dedup: DedupAnnotation?
    /// Written by user plugins, each under its own name: `ext["<plugin name>"]`.
    public var ext: [String: JSONValue]
    /// Written by the chain and the worker: where the record came from and what processed it.
    public var processing: ProcessingInfo

    /// Starts a record from its raw input. `docID` starts as the identity of the URL as given (or of `source|id`);
    /// the `normalize` processor replaces it with the identity of the canonical URL.
    public init(raw: RawArticle) {
        rawID = raw.id
        url = raw.url
        canonicalURL = nil
        canonicalURLHint = raw.canonicalURLHint
        urlCanonicalisation = nil
        source = raw.source
        title = raw.title
        description = raw.description
        body = raw.body
        authors = raw.authors
        imageURL = raw.imageURL
        publishedAt = raw.publishedAt
        modifiedAt = raw.modifiedAt
        fetchedAt = raw.fetchedAt
        extra = raw.extra
        language = nil
        entities = nil
        dedup = nil
        ext = [:]
        processing = ProcessingInfo()
        processing.warnings = ArticleTimes.warnings(for: raw)
        docID = DocumentID.make(canonicalURL: raw.url, sourceID: raw.source?.id, rawID: raw.id)
    }

    /// The text of one field, by name: `title`, `description` or `body`.
    public func text(of field: TextField) -> String? {
        switch field {
        case .title: title
        case .description: description
        case .body: body
        }
    }
}

/// The text fields processors read and that entity offsets point into.
public enum TextField: String, Sendable, Hashable, Codable, CaseIterable {
    case title, description, body
}

/// How the canonical URL was chosen.
public struct URLCanonicalisation: Sendable, Hashable, Codable {
    public var rulesVersion: String
    /// `rel_canonical`, `normalised` or `as_fetched`.
    public var method: String

    public init(rulesVersion: String, method: String) {
        self.rulesVersion = rulesVersion
        self.method = method
    }

    enum CodingKeys: String, CodingKey { case rulesVersion = "rules_version", method }
}
