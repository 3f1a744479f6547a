import ClipperCore

/// What the engine decided for one document: the ``DedupAnnotation`` to write, and whether it was replayed.
///
/// ```swift
/// let verdict = try index.insertAndQuery(document)
/// if verdict.annotation.isDuplicate { print("copy of", verdict.annotation.duplicateOf!) }
/// ```
public struct DedupVerdict: Sendable, Hashable {
    public var annotation: DedupAnnotation
    /// True when this `doc_id` was already in the state (a replay): the stored verdict is returned unchanged.
    public var isReplay: Bool
    /// The window member this document was verified against (any member of the cluster, not always the first);
    /// nil for first members and replays. For logs and diagnostics.
    public var matchedDocID: String?

    /// The `method` string written on every annotation.
    public static let method = "exact-sha256+minhash-lsh-verified@1"
}
