import Foundation

/// A raw news article as crawlers publish it: schema `mm.article.raw/1`.
///
/// Only `id` and at least one of `title` or `body` are required. Unknown fields never cause a rejection:
/// they are kept under ``extra`` and passed through.
///
/// ```swift
/// let raw = try RawArticle.decode(from: Data(#"{"id":"a1","title":"Hello","lang":"en"}"#.utf8))
/// raw.extra["lang"] // "en"
/// ```
public struct RawArticle: Sendable, Hashable, Codable {
    public static let schemaName = "mm.article.raw"
    public static let schemaMajorVersion = 1

    public var id: String
    public var url: String?
    public var canonicalURLHint: String?
    public var source: ArticleSource?
    public var title: String?
    public var description: String?
    public var body: String?
    public var authors: [String]?
    public var imageURL: String?
    public var publishedAt: String?
    public var modifiedAt: String?
    public var fetchedAt: String?
    /// Fields the schema does not name, plus the producer's own `extra` object members.
    public var extra: [String: JSONValue]

    public init(
        id: String, url: String? = nil, canonicalURLHint: String? = nil, source: ArticleSource? = nil,
        title: String? = nil, description: String? = nil, body: String? = nil, authors: [String]? = nil,
        imageURL: String? = nil, publishedAt: String? = nil, modifiedAt: String? = nil, fetchedAt: String? = nil,
        extra: [String: JSONValue] = [:]
    ) {
        self.id = id
        self.url = url
        self.canonicalURLHint = canonicalURLHint
        self.source = source
        self.title = title
        self.description = description
        self.body = body
        self.authors = authors
        self.imageURL = imageURL
        self.publishedAt = publishedAt
        self.modifiedAt = modifiedAt
        self.fetchedAt = fetchedAt
        self.extra = extra
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schema, schemaVersion = "schema_version"
        case id, url, canonicalURLHint = "canonical_url_hint", source, title, description, body, authors
        case imageURL = "image_url", publishedAt = "published_at", modifiedAt = "modified_at"
        case fetchedAt = "fetched_at", extra
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let schema = try container.decodeIfPresent(String.self, forKey: .schema), schema != Self.schemaName {
            throw DecodingError.dataCorruptedError(
                forKey: .schema, in: container,
                debugDescription: "expected schema \"\(Self.schemaName)\", found \"\(schema)\"")
        }
        id = try container.decodeFlexibleID(forKey: .id)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        canonicalURLHint = try container.decodeIfPresent(String.self, forKey: .canonicalURLHint)
        source = try container.decodeIfPresent(ArticleSource.self, forKey: .source)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        authors = try container.decodeIfPresent([String].self, forKey: .authors)
        imageURL = try container.decodeIfPresent(String.self, forKey: .imageURL)
        publishedAt = try container.decodeIfPresent(String.self, forKey: .publishedAt)
        modifiedAt = try container.decodeIfPresent(String.self, forKey: .modifiedAt)
        fetchedAt = try container.decodeIfPresent(String.self, forKey: .fetchedAt)
        var extra = try container.decodeIfPresent([String: JSONValue].self, forKey: .extra) ?? [:]
        let unknown = try decoder.container(keyedBy: AnyCodingKey.self)
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        for key in unknown.allKeys where !known.contains(key.stringValue) {
            extra[key.stringValue] = try unknown.decode(JSONValue.self, forKey: key)
        }
        self.extra = extra
        if (title ?? "").isEmpty && (body ?? "").isEmpty {
            throw DecodingError.dataCorrupted(
                .init(codingPath: [], debugDescription: "an article needs a non-empty \"title\" or \"body\""))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaName, forKey: .schema)
        try container.encode("1.0.0", forKey: .schemaVersion)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(canonicalURLHint, forKey: .canonicalURLHint)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(body, forKey: .body)
        try container.encodeIfPresent(authors, forKey: .authors)
        try container.encodeIfPresent(imageURL, forKey: .imageURL)
        try container.encodeIfPresent(publishedAt, forKey: .publishedAt)
        try container.encodeIfPresent(modifiedAt, forKey: .modifiedAt)
        try container.encodeIfPresent(fetchedAt, forKey: .fetchedAt)
        if !extra.isEmpty { try container.encode(extra, forKey: .extra) }
    }
}

/// Where an article came from.
///
/// ```swift
/// let source = ArticleSource(id: "bbc.co.uk", languageHint: "en")
/// ```
public struct ArticleSource: Sendable, Hashable, Codable {
    public var id: String?
    public var name: String?
    public var domain: String?
    public var country: String?
    public var feedURL: String?
    /// The language the source or feed declares (BCP-47).
    public var languageHint: String?

    public init(
        id: String? = nil, name: String? = nil, domain: String? = nil, country: String? = nil,
        feedURL: String? = nil, languageHint: String? = nil
    ) {
        self.id = id
        self.name = name
        self.domain = domain
        self.country = country
        self.feedURL = feedURL
        self.languageHint = languageHint
    }

    enum CodingKeys: String, CodingKey {
        case id, name, domain, country, feedURL = "feed_url", languageHint = "language_hint"
    }
}

/// A coding key for any string, used to find the fields a schema does not name.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == RawArticle.CodingKeys {
    /// Accepts `"id": "a1"` and `"id": 42`, since crawlers disagree; anything else is a clear error.
    func decodeFlexibleID(forKey key: Key) throws -> String {
        if let text = try? decode(String.self, forKey: key) {
            guard !text.isEmpty else {
                throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\"id\" is empty")
            }
            return text
        }
        if let number = try? decode(Int64.self, forKey: key) { return String(number) }
        guard contains(key) else {
            throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "\"id\" is required"))
        }
        throw DecodingError.typeMismatch(
            String.self, .init(codingPath: codingPath + [key], debugDescription: "\"id\" must be a string"))
    }
}
