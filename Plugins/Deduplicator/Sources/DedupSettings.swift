import ClipperCore

/// The validated settings of the deduplication engine, independent of how they were configured.
///
/// ```swift
/// var settings = DedupSettings()
/// settings.maxDocuments = 10_000
/// try settings.validate()
/// ```
public struct DedupSettings: Sendable, Hashable {
    /// A pair is a near duplicate when the Jaccard similarity of its shingle sets is at least this.
    public var jaccardThreshold = 0.8
    /// A pair is a contained duplicate when this share of the smaller document's shingles is in the larger one.
    public var containmentThreshold = 0.85
    /// Near and contained matches need at least this many shingles in the smaller document (after stripping).
    public var minShingles = 50
    /// Words per shingle.
    public var shingleSize = 5
    /// LSH bands and rows per band: `bands × rows` MinHash permutations.
    public var lshBands = 20
    public var lshRows = 3
    /// At most this many LSH candidates (those sharing the most bands) are verified per document.
    public var maxCandidates = 8
    /// The window: at most this many documents are kept (oldest evicted first); 0 means no count limit.
    public var maxDocuments = 1_000_000
    /// The window: documents older than this are evicted; 0 means no age limit.
    public var maxAgeSeconds: Double = 7 * 24 * 3600
    /// A short line seen in at least this many different stories of one source is boilerplate; 0 turns learning off.
    public var boilerplateMinStories = 3

    public init() {}

    /// Throws ``ProcessorSetupError`` naming the first setting that cannot work and how to fix it.
    public func validate() throws {
        func fail(_ key: String, _ message: String) -> ProcessorSetupError {
            ProcessorSetupError(processor: "dedup", key: key, message: message)
        }
        guard (0.0...1.0).contains(jaccardThreshold), jaccardThreshold > 0 else {
            throw fail("jaccard_threshold", "must be in (0, 1]; 0.8 is the tested default")
        }
        guard (0.0...1.0).contains(containmentThreshold), containmentThreshold > 0 else {
            throw fail("containment_threshold", "must be in (0, 1]; 0.85 is the tested default")
        }
        guard minShingles >= 1 else { throw fail("min_shingles", "must be at least 1; 50 is the tested default") }
        guard (1...16).contains(shingleSize) else { throw fail("shingle_size", "must be 1…16 words; 5 is the default") }
        guard (1...64).contains(lshBands), (1...16).contains(lshRows) else {
            throw fail("lsh_bands", "bands must be 1…64 and rows 1…16; 20 × 3 is the default")
        }
        guard maxCandidates >= 1 else { throw fail("max_candidates", "must be at least 1; 8 is the default") }
        guard maxDocuments >= 0 else { throw fail("max_documents", "must be 0 (no limit) or positive") }
        guard maxAgeSeconds >= 0 else { throw fail("max_age_hours", "must be 0 (no limit) or positive") }
        guard maxDocuments > 0 || maxAgeSeconds > 0 else {
            throw fail("max_documents", "the window needs a bound: set max_documents or max_age_hours above 0")
        }
        guard boilerplateMinStories >= 0 else {
            throw fail("boilerplate_min_stories", "must be 0 (off) or at least 2; 3 is the default")
        }
    }

    /// The settings that shape stored data; a state directory must be reopened with the same ones.
    var storageSignature: String { "shingle=\(shingleSize);bands=\(lshBands);rows=\(lshRows);hash=1" }
}
