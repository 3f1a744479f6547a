/// Everything Clipper knows about a processor without running it. One spec drives config decoding,
/// `clipper lint`, `clipper processors`, generated docs and the catalog test.
///
/// ```swift
/// static let descriptor = ProcessorDescriptor(
///     name: "normalize", version: "1.0.0", status: .stable,
///     summary: "Cleans text and canonicalises the URL.",
///     writes: [.text, .identity],
///     configFields: [.init(name: "strip_tracking_params", type: .bool, default: true,
///                          description: "Drop utm_*, fbclid, gclid and similar from the URL.")],
///     examples: [.init(name: "drops utm", input: ["id": "1", "title": "T", "url": "https://x.org/a?utm_source=x"],
///                      expect: ["canonical_url": "https://x.org/a"])])
/// ```
public struct ProcessorDescriptor: Sendable {
    /// Stable snake_case name, used in config files and in `processing.processors`.
    public var name: String
    /// Semantic version of the processor's *output contract*: bump major when a field changes meaning.
    public var version: String
    public var status: Status
    /// One line.
    public var summary: String
    /// Sections of the article this processor may change. The chain rejects writes anywhere else.
    public var writes: Set<ArticleSection>
    public var configFields: [ConfigField]
    /// Runnable examples: `clipper processors --examples` and the catalog test run every one.
    public var examples: [ProcessorExample]

    public init(
        name: String, version: String, status: Status = .stable, summary: String, writes: Set<ArticleSection>,
        configFields: [ConfigField] = [], examples: [ProcessorExample] = []
    ) {
        self.name = name
        self.version = version
        self.status = status
        self.summary = summary
        self.writes = writes
        self.configFields = configFields
        self.examples = examples
    }

    /// How far a processor can be relied on.
    public enum Status: String, Sendable, Codable {
        case stable, beta, experimental, deprecated
    }

    /// The defaults of every config field, as a JSON object.
    public var defaultConfiguration: [String: JSONValue] {
        Dictionary(configFields.map { ($0.name, $0.defaultValue) }, uniquingKeysWith: { first, _ in first })
    }
}

/// The parts of an ``Article`` a processor may write.
public enum ArticleSection: String, Sendable, Hashable, Codable, CaseIterable {
    /// `title`, `description`, `body` (clean-up), and the other input fields: source, authors, times, `extra`.
    case text
    /// `url`, `canonical_url`, `url_canonicalisation`, `doc_id`.
    case identity
    case language
    case entities
    case dedup
    /// `ext[<processor name>]`: where user plugins write. Only the processor's own member.
    case ext
}
