import ClipperCore
import Foundation
import PostgresNIO

extension PostgresDedupStore {
    /// The window's lower id bound and age bound, as SQL: `id >= low` and `seen_at >= oldest`.
    struct Window {
        /// Documents with an id below `newest - countWindow + 2` are out (room for the one being inserted).
        var countWindow: Int64
        var oldest: Double
    }

    func window() -> Window {
        Window(
            countWindow: settings.maxDocuments > 0 ? Int64(settings.maxDocuments) : Int64.max / 4,
            oldest: settings.maxAgeSeconds > 0 ? clock() - settings.maxAgeSeconds : -Double.greatestFiniteMagnitude)
    }

    /// One document, one transaction: see the type's documentation for the locking.
    func decide(_ document: PreparedDocument, connection: PostgresConnection) async throws -> DedupVerdict {
        try await connection.withTransaction(logger: logger) { connection in
            let window = self.window()
            let known = try await self.lockAndReadKnown(document, window: window, connection: connection)
            if let replay = known.replay {
                return DedupVerdict(annotation: replay, isReplay: true, matchedDocID: nil)
            }
            var match = known.exact
            var shingles: [UInt32] = []
            var bandKeys: [Int64] = []
            if match == nil, document.tokenCount > 0 {
                let boilerplate = known.boilerplate
                shingles = Shingler.shingles(
                    of: document.tokens(excluding: boilerplate), size: self.settings.shingleSize)
                if shingles.count >= self.settings.minShingles {
                    bandKeys = Array(Set(self.hasher.bandKeys(of: shingles).map { Int64(bitPattern: $0) })).sorted()
                    match = try await self.lockAndMatchNear(
                        shingles: shingles, bandKeys: bandKeys, window: window, connection: connection)
                }
            }
            let indexed = !bandKeys.isEmpty
            let lineKeys =
                match == nil && self.settings.boilerplateMinStories > 0
                ? document.eligibleBoilerplateKeys.sorted() : []
            try await connection.query(
                """
                WITH doc AS (
                    INSERT INTO clipper_dedup_documents(doc_id, fingerprint, fp_key, cluster_id, kind, similarity,
                                                        seen_at, shingles)
                    VALUES (\(document.docID), \(document.fingerprint), \(document.fingerprintKey),
                            \(match?.clusterID ?? document.docID), \(match?.kind.rawValue), \(match?.similarity),
                            \(self.clock()), \(indexed ? BlobCoding.encode(shingles) : nil))
                    RETURNING id
                ), bands AS (
                    INSERT INTO clipper_dedup_bands(band_key, doc)
                    SELECT key, doc.id FROM doc, unnest(\(bandKeys)::int8[]) AS key
                    ON CONFLICT (band_key) DO UPDATE SET doc = excluded.doc
                ), lines AS (
                    INSERT INTO clipper_dedup_line_stats(line_key, stories, last_id)
                    SELECT key, 1, doc.id FROM doc, unnest(\(lineKeys)::int8[]) AS key
                    ON CONFLICT (line_key) DO UPDATE
                    SET stories = clipper_dedup_line_stats.stories + 1, last_id = excluded.last_id
                )
                SELECT id FROM doc
                """, logger: self.logger)
            let annotation = DedupAnnotation(
                fingerprint: document.fingerprint, method: DedupVerdict.method, isDuplicate: match != nil,
                duplicateOf: match?.clusterID, clusterID: match?.clusterID ?? document.docID,
                similarity: match?.similarity, kind: match?.kind)
            return DedupVerdict(annotation: annotation, isReplay: false, matchedDocID: match?.matchedDocID)
        }
    }

    /// Locks the document id and fingerprint, then reads what the window already knows about `document` — its
    /// stored verdict when its `doc_id` was seen (a replay), the first exact copy in the window, its short lines
    /// that are learned boilerplate — in one round trip (`clipper_dedup_lock_and_read`, schema version 2).
    func lockAndReadKnown(_ document: PreparedDocument, window: Window, connection: PostgresConnection) async throws
        -> (replay: DedupAnnotation?, exact: DedupMatch?, boilerplate: Set<Int64>)
    {
        let lineKeys = settings.boilerplateMinStories > 0 ? document.eligibleBoilerplateKeys : []
        let locks = [
            (AdvisoryLockKeys.documentID, AdvisoryLockKeys.fold(StableHash.of(document.docID).asInt64)),
            (AdvisoryLockKeys.fingerprint, AdvisoryLockKeys.fold(document.fingerprintKey)),
        ].sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        let rows = try await connection.query(
            """
            SELECT * FROM clipper_dedup_lock_and_read(
                \(locks.map(\.0))::int4[], \(locks.map(\.1))::int4[], \(document.docID), \(document.tokenCount > 0),
                \(document.fingerprintKey), \(document.fingerprint), \(window.countWindow), \(window.oldest),
                \(lineKeys)::int8[], \(Int32(clamping: settings.boilerplateMinStories)))
            """, logger: logger)
        var replay: DedupAnnotation?
        var exact: DedupMatch?
        var boilerplate: Set<Int64> = []
        for try await (what, first, second, kindText, similarity, lineKey) in rows.decode(
            (String, String?, String?, String?, Double?, Int64?).self)
        {
            switch what {
            case "replay":
                guard let fingerprint = first, let clusterID = second else { continue }
                let kind = kindText.flatMap(DuplicateKind.init(rawValue:))
                replay = DedupAnnotation(
                    fingerprint: fingerprint, method: DedupVerdict.method, isDuplicate: kind != nil,
                    duplicateOf: kind == nil ? nil : clusterID, clusterID: clusterID, similarity: similarity,
                    kind: kind)
            case "exact":
                guard let docID = first, let clusterID = second else { continue }
                exact = DedupMatch(matchedDocID: docID, clusterID: clusterID, similarity: 1.0, kind: .exact)
            default:
                if let lineKey { boilerplate.insert(lineKey) }
            }
        }
        return (replay, exact, boilerplate)
    }

    /// Locks the band keys, then reads the LSH candidates (most shared bands first, then oldest), each with its
    /// cluster's first member when that member is still in the window, in one round trip
    /// (`clipper_dedup_lock_and_candidates`), and verifies them exactly as ``SQLiteDedupStore`` does.
    func lockAndMatchNear(shingles: [UInt32], bandKeys: [Int64], window: Window, connection: PostgresConnection)
        async throws -> DedupMatch?
    {
        let rows = try await connection.query(
            """
            SELECT * FROM clipper_dedup_lock_and_candidates(
                \(AdvisoryLockKeys.sorted(bandKeys))::int4[], \(bandKeys)::int8[], \(window.countWindow),
                \(window.oldest), \(Int64(settings.maxCandidates)))
            """, logger: logger)
        var verifiedClusters: Set<String> = []
        var best: DedupMatch?
        for try await (docID, clusterID, memberShingles, firstDocID, firstShingles) in rows.decode(
            (String, String, Data?, String?, Data?).self)
        {
            guard verifiedClusters.insert(clusterID).inserted else { continue }
            let reference: (docID: String, blob: Data?) =
                firstShingles != nil ? (firstDocID ?? clusterID, firstShingles) : (docID, memberShingles)
            guard let blob = reference.blob else { continue }
            let overlap = SetSimilarity(a: shingles, b: BlobCoding.decode(blob, as: UInt32.self))
            guard overlap.smallerSize >= settings.minShingles else { continue }
            if let found = DedupMatch.verified(
                overlap, matchedDocID: reference.docID, clusterID: clusterID, settings: settings),
                found.similarity > (best?.similarity ?? -1)
            {
                best = found
            }
        }
        return best
    }
}

extension UInt64 {
    var asInt64: Int64 { Int64(bitPattern: self) }
}
