/// Duplicate detection result, written by the `dedup` processor.
///
/// ```swift
/// let first = DedupAnnotation(fingerprint: "9f2c…", method: "minhash-lsh@1", isDuplicate: false,
///                             duplicateOf: nil, clusterID: "<own doc_id>", similarity: nil, kind: nil)
/// ```
public struct DedupAnnotation: Sendable, Hashable, Codable {
    public var fingerprint: String
    public var method: String
    public var isDuplicate: Bool
    /// `doc_id` of the first-seen member of the cluster, when this is a duplicate.
    public var duplicateOf: String?
    /// The first member's `doc_id`; on the first member itself, its own `doc_id`.
    public var clusterID: String
    public var similarity: Double?
    /// `exact`, `near` or `contained`, when this is a duplicate.
    public var kind: DuplicateKind?

    public init(
        fingerprint: String, method: String, isDuplicate: Bool, duplicateOf: String?, clusterID: String,
        similarity: Double?, kind: DuplicateKind?
    ) {
        self.fingerprint = fingerprint
        self.method = method
        self.isDuplicate = isDuplicate
        self.duplicateOf = duplicateOf
        self.clusterID = clusterID
        self.similarity = similarity
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case fingerprint, method, isDuplicate = "is_duplicate", duplicateOf = "duplicate_of"
        case clusterID = "cluster_id", similarity, kind
    }
}

/// How a duplicate relates to the first member of its cluster.
public enum DuplicateKind: String, Sendable, Hashable, Codable {
    case exact, near, contained
}
