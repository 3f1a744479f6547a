import ClipperCore
import Deduplicator
import Foundation

/// Pair mode: each pair on a fresh in-memory state; predicted duplicate when b lands in a's cluster.
enum PairMode {
    static func run(pairs: DevPairs) throws {
        for pair in pairs.pairs {
            let index = try DedupIndex(fileURL: nil, settings: DedupSettings())
            let first = try index.insertAndQuery(PreparedDocument(pair.a)).annotation
            let second = try index.insertAndQuery(PreparedDocument(pair.b)).annotation
            emit([
                "id": pair.id, "label": pair.label, "kind": pair.kind,
                "predicted": second.clusterID == first.clusterID,
                "match_kind": second.kind?.rawValue ?? NSNull(), "similarity": second.similarity ?? NSNull(),
            ])
        }
    }
}

/// Index mode: every distinct document once, in file order, into one on-disk state; prints each cluster_id.
enum IndexMode {
    static func run(pairs: DevPairs) throws {
        let file = temporaryStateFile()
        defer { removeState(file) }
        let index = try DedupIndex(fileURL: file, settings: DedupSettings())
        for document in pairs.distinctDocuments {
            let annotation = try index.insertAndQuery(PreparedDocument(document)).annotation
            emit(["doc": document.id, "cluster": annotation.clusterID, "kind": annotation.kind?.rawValue ?? NSNull()])
        }
    }
}
