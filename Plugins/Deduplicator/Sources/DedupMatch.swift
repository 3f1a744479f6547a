import ClipperCore

/// A window member a document was found to copy: the verified result of one candidate, shared by both stores.
///
/// ```swift
/// let overlap = SetSimilarity(a: shingles, b: candidateShingles)
/// let match = DedupMatch.verified(overlap, matchedDocID: "d7", clusterID: "d1", settings: settings)
/// match?.kind // .near, .contained, or nil when neither threshold is met
/// ```
struct DedupMatch {
    var matchedDocID: String
    var clusterID: String
    var similarity: Double
    var kind: DuplicateKind

    /// `near` when the Jaccard similarity reaches `jaccard_threshold`, else `contained` when the containment
    /// reaches `containment_threshold`, else nil. The caller has already checked `min_shingles`.
    static func verified(
        _ overlap: SetSimilarity, matchedDocID: String, clusterID: String, settings: DedupSettings
    ) -> DedupMatch? {
        if overlap.jaccard >= settings.jaccardThreshold {
            return DedupMatch(
                matchedDocID: matchedDocID, clusterID: clusterID, similarity: overlap.jaccard, kind: .near)
        }
        if overlap.containment >= settings.containmentThreshold {
            return DedupMatch(
                matchedDocID: matchedDocID, clusterID: clusterID, similarity: overlap.containment, kind: .contained)
        }
        return nil
    }
}
