/// A person, organisation or place mentioned in an article, written by the `entities` processor.
///
/// All mentions of one entity in an article are merged into one value. Offsets are Unicode scalar offsets
/// into the named field, end exclusive.
///
/// ```swift
/// let putin = Entity(id: "watch:putin", type: .person, name: "Vladimir Putin",
///                    mentions: [.init(field: .body, start: 0, end: 5, surface: "Putin")],
///                    salience: 0.8, confidence: 0.95, extractor: "watchlist")
/// ```
public struct Entity: Sendable, Hashable, Codable {
    /// Namespaced id (`geonames:2013348`, `watch:<id>`), or nil when unknown.
    public var id: String?
    public var type: EntityType
    /// Canonical display name.
    public var name: String
    public var mentions: [Mention]
    /// 0 to 1.
    public var salience: Double?
    /// 0 to 1.
    public var confidence: Double?
    /// What found it, e.g. `perceptron-en@1`, `watchlist`, `gazetteer`.
    public var extractor: String?

    public init(
        id: String? = nil, type: EntityType, name: String, mentions: [Mention], salience: Double? = nil,
        confidence: Double? = nil, extractor: String? = nil
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.mentions = mentions
        self.salience = salience
        self.confidence = confidence
        self.extractor = extractor
    }

    /// One occurrence of an entity in a text field.
    public struct Mention: Sendable, Hashable, Codable {
        public var field: TextField
        /// Unicode scalar offset of the first scalar.
        public var start: Int
        /// Unicode scalar offset one past the last scalar.
        public var end: Int
        /// The text as it appears.
        public var surface: String

        public init(field: TextField, start: Int, end: Int, surface: String) {
            self.field = field
            self.start = start
            self.end = end
            self.surface = surface
        }
    }
}

/// Entity types. Countries, cities and regions are ``location``.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
    case person = "PER"
    case organisation = "ORG"
    case location = "LOC"
}
