import ClipperCore

/// One mention found by one source (tagger, watchlist or gazetteer) before mentions are merged into entities.
///
/// ```swift
/// Candidate(field: .body, start: 0, end: 5, surface: "Putin", type: .person, confidence: 0.9, source: .tagger)
/// ```
public struct Candidate: Sendable, Hashable {
    public enum Source: String, Sendable {
        case tagger, watchlist, gazetteer
    }

    public var field: TextField
    public var start: Int
    public var end: Int
    public var surface: String
    public var type: EntityType
    /// Known id (`watch:…`, `geonames:…`) and its canonical name, when a list identified the mention.
    public var id: String? = nil
    public var canonicalName: String? = nil
    public var confidence: Double
    public var source: Source
    /// The gazetteer place with exactly this name, whatever type the tagger gave the mention: evidence for the
    /// document-level type vote (``EntityMerger``), and the id if the entity ends up a place.
    public var place: Place? = nil

    public init(
        field: TextField, start: Int, end: Int, surface: String, type: EntityType, id: String? = nil,
        canonicalName: String? = nil, confidence: Double, source: Source
    ) {
        self.field = field
        self.start = start
        self.end = end
        self.surface = surface
        self.type = type
        self.id = id
        self.canonicalName = canonicalName
        self.confidence = confidence
        self.source = source
    }

    public var mention: Entity.Mention { Entity.Mention(field: field, start: start, end: end, surface: surface) }

    /// Whether two candidates in the same field overlap.
    public func overlaps(_ other: Candidate) -> Bool {
        field == other.field && start < other.end && other.start < end
    }
}
