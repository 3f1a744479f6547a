import Foundation

extension Article: Codable {
    public static let schemaName = "mm.article.enriched"
    /// Semantic version of the enriched schema this build writes. Minor = additive.
    public static let schemaVersion = "1.0.0"
    /// Kafka header value naming the schema and its major version.
    public static let schemaHeader = "mm.article.enriched/1"

    enum CodingKeys: String, CodingKey {
        case schema, schemaVersion = "schema_version", docID = "doc_id", rawID = "raw_id", url
        case canonicalURL = "canonical_url", urlCanonicalisation = "url_canonicalisation", source, title
        case description, body, authors, imageURL = "image_url", times, extra, language, entities
        case offsetUnit = "offset_unit", dedup, ext, processing
    }

    enum TimesKeys: String, CodingKey {
        case publishedAt = "published_at", modifiedAt = "modified_at", fetchedAt = "fetched_at"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.schemaName, forKey: .schema)
        try container.encode(Self.schemaVersion, forKey: .schemaVersion)
        try container.encode(docID, forKey: .docID)
        try container.encode(rawID, forKey: .rawID)
        try container.encodeIfPresent(url, forKey: .url)
        try container.encodeIfPresent(canonicalURL, forKey: .canonicalURL)
        try container.encodeIfPresent(urlCanonicalisation, forKey: .urlCanonicalisation)
        try container.encodeIfPresent(source, forKey: .source)
        try container.encodeIfPresent(title, forKey: .title)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(body, forKey: .body)
        try container.encodeIfPresent(authors, forKey: .authors)
        try container.encodeIfPresent(imageURL, forKey: .imageURL)
        var times = container.nestedContainer(keyedBy: TimesKeys.self, forKey: .times)
        try times.encodeIfPresent(publishedAt, forKey: .publishedAt)
        try times.encodeIfPresent(modifiedAt, forKey: .modifiedAt)
        try times.encodeIfPresent(fetchedAt, forKey: .fetchedAt)
        if !extra.isEmpty { try container.encode(extra, forKey: .extra) }
        try container.encodeIfPresent(language, forKey: .language)
        if let entities {
            try container.encode(entities, forKey: .entities)
            try container.encode("unicode_scalar", forKey: .offsetUnit)
        }
        try container.encodeIfPresent(dedup, forKey: .dedup)
        if !ext.isEmpty { try container.encode(ext, forKey: .ext) }
        try container.encode(processing, forKey: .processing)
    }

    /// Reads an enriched record back (readers ignore fields they do not know).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rawID = try container.decode(String.self, forKey: .rawID)
        docID = try container.decode(String.self, forKey: .docID)
        url = try container.decodeIfPresent(String.self, forKey: .url)
        canonicalURL = try container.decodeIfPresent(String.self, forKey: .canonicalURL)
        canonicalURLHint = nil
        urlCanonicalisation = try container.decodeIfPresent(URLCanonicalisation.self, forKey: .urlCanonicalisation)
        source = try container.decodeIfPresent(ArticleSource.self, forKey: .source)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        authors = try container.decodeIfPresent([String].self, forKey: .authors)
        imageURL = try container.decodeIfPresent(String.self, forKey: .imageURL)
        if container.contains(.times) {
            let times = try container.nestedContainer(keyedBy: TimesKeys.self, forKey: .times)
            publishedAt = try times.decodeIfPresent(String.self, forKey: .publishedAt)
            modifiedAt = try times.decodeIfPresent(String.self, forKey: .modifiedAt)
            fetchedAt = try times.decodeIfPresent(String.self, forKey: .fetchedAt)
        } else {
            publishedAt = nil
            modifiedAt = nil
            fetchedAt = nil
        }
        extra = try container.decodeIfPresent([String: JSONValue].self, forKey: .extra) ?? [:]
        language = try container.decodeIfPresent(LanguageTag.self, forKey: .language)
        entities = try container.decodeIfPresent([Entity].self, forKey: .entities)
        dedup = try container.decodeIfPresent(DedupAnnotation.self, forKey: .dedup)
        ext = try container.decodeIfPresent([String: JSONValue].self, forKey: .ext) ?? [:]
        processing = try container.decode(ProcessingInfo.self, forKey: .processing)
    }
}

extension Article {
    /// Encodes the record as one line of JSON (keys sorted, so output is stable), with ``RecordJSONEncoder``:
    /// the same bytes as ``ArticleCoding/encoder()``, faster.
    ///
    /// ```swift
    /// let line = try article.jsonData()
    /// ```
    public func jsonData() throws -> Data {
        try RecordJSONEncoder().encode(self)
    }
}

/// Shared JSON coders for records.
public enum ArticleCoding {
    /// A JSON encoder configured for records: sorted keys, no escaped slashes.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Decodes a raw article, turning every failure into a ``RecordDecodingError`` with a readable reason.
    ///
    /// ```swift
    /// let raw = try ArticleCoding.decodeRaw(Data(#"{"id":"1","title":"T"}"#.utf8))
    /// ```
    public static func decodeRaw(_ bytes: Data) throws(RecordDecodingError) -> RawArticle {
        do {
            return try JSONDecoder().decode(RawArticle.self, from: bytes)
        } catch let error as DecodingError {
            throw RecordDecodingError(error, bytes: bytes)
        } catch {
            throw RecordDecodingError(reason: "\(error)")
        }
    }
}
