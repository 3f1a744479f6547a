import ClipperCore
import Deduplicator
import Foundation

/// Pair mode: each pair on a fresh in-memory state; predicted duplicate when b lands in a's cluster.
enum PairMode {
    static func run(pairs: DevPairs) throws {
        for pair in pairs.pairs {
            let index = try SQLiteDedupStore(fileURL: nil, settings: DedupSettings())
            let documentA = PreparedDocument(pair.a)
            let documentB = PreparedDocument(pair.b)
            let first = try index.insertAndQuery(documentA).annotation
            let second = try index.insertAndQuery(documentB).annotation
            let overlap = SetSimilarity(a: documentA.shingles(size: 5), b: documentB.shingles(size: 5))
            emit([
                "id": pair.id, "label": pair.label, "kind": pair.kind,
                "predicted": second.clusterID == first.clusterID,
                "match_kind": second.kind?.rawValue ?? NSNull(), "similarity": second.similarity ?? NSNull(),
                "jaccard": overlap.jaccard, "containment": overlap.containment, "smaller": overlap.smallerSize,
            ])
        }
    }
}

/// Index mode: every distinct document once, in file order, into one on-disk state; prints each cluster_id.
enum IndexMode {
    static func run(pairs: DevPairs) throws {
        let file = temporaryStateFile()
        defer { removeState(file) }
        let index = try SQLiteDedupStore(fileURL: file, settings: DedupSettings())
        for document in pairs.distinctDocuments {
            let verdict = try index.insertAndQuery(PreparedDocument(document))
            emit([
                "doc": document.id, "cluster": verdict.annotation.clusterID,
                "kind": verdict.annotation.kind?.rawValue ?? NSNull(), "matched": verdict.matchedDocID ?? NSNull(),
                "similarity": verdict.annotation.similarity ?? NSNull(),
            ])
        }
    }
}
