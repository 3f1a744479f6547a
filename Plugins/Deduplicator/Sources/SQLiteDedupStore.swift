import ClipperCore
import Foundation
import GRDB
import Synchronization

/// The SQLite ``DedupStore`` (the embedded default): one SQLite state file shared by every worker that opens it,
/// plus this process's LSH cache.
///
/// Each ``insertAndQuery(_:)`` is one `BEGIN IMMEDIATE` transaction: evict, read rows other workers added since
/// the last call, look for an exact then a near copy, insert the document, commit. SQLite lets one such
/// transaction run at a time across all processes, so two copies can never both become "first", however close
/// together they arrive on different workers (the consistency window is zero; the price is that inserts are
/// serialised across workers sharing the file).
///
/// ```swift
/// let index = try SQLiteDedupStore(fileURL: URL(fileURLWithPath: "/var/lib/clipper/dedup.sqlite"), settings: DedupSettings())
/// let verdict = try index.insertAndQuery(PreparedDocument(docID: "d1", sourceKey: "wire", title: "T", body: "…"))
/// verdict.annotation.clusterID // "d1": the first member of a new cluster
/// ```
public final class SQLiteDedupStore: DedupStore {
    public let settings: DedupSettings
    let hasher: MinHasher
    let database: DatabaseQueue
    let memory: Mutex<BandMemory>
    let clock: @Sendable () -> Double

    /// Opens (creating if needed) the state at `fileURL`, or a private in-memory state when `fileURL` is nil.
    /// `clock` gives seconds since 1970 and is replaceable for tests of the age window.
    public init(
        fileURL: URL?, settings: DedupSettings,
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) throws {
        try settings.validate()
        self.settings = settings
        self.clock = clock
        hasher = MinHasher(bands: settings.lshBands, rows: settings.lshRows)
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        if let fileURL {
            do {
                try FileManager.default.createDirectory(
                    at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                database = try DatabaseQueue(path: fileURL.path, configuration: configuration)
            } catch {
                throw ProcessorSetupError(
                    processor: "dedup", key: "state_file",
                    message: "cannot open \(fileURL.path) (\(error)); point --state / state_file at a writable folder")
            }
        } else {
            database = try DatabaseQueue(configuration: configuration)
        }
        memory = Mutex(BandMemory())
        let signature = settings.storageSignature
        try database.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try StateSchema.migrate(in: db)
                try db.execute(
                    sql: "INSERT OR IGNORE INTO meta(key, value) VALUES('storage', ?)", arguments: [signature])
                let stored = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'storage'")
                if let stored, stored != signature {
                    throw ProcessorSetupError(
                        processor: "dedup", key: "lsh_bands",
                        message:
                            "the state in \(fileURL?.path ?? "memory") was written with \(stored), not \(signature); "
                            + "use the same shingle_size, lsh_bands and lsh_rows, or a new state_file")
                }
                return .commit
            }
        }
    }

    /// Decides whether `document` copies one already in the window, records it, and returns the annotation.
    /// A `doc_id` seen before gets its stored verdict back (replays and retries are idempotent).
    public func insertAndQuery(_ document: PreparedDocument) throws -> DedupVerdict {
        try memory.withLock { memory in
            var outcome: Decision?
            try database.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    outcome = try decide(document, db: db, memory: &memory)
                    return .commit
                }
            }
            guard let outcome else { throw CancellationError() }
            if let inserted = outcome.insertedID {
                memory.add(id: inserted, keys: outcome.bandKeys)
                memory.watermark = max(memory.watermark, inserted)
            }
            return outcome.verdict
        }
    }

    /// Number of documents in the window, for tests and the benchmark.
    public func documentCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0 }
    }

    /// The schema version recorded in the file (``StateSchema/currentVersion`` once opened).
    public func schemaVersion() throws -> Int {
        try database.read { db in try StateSchema.version(in: db) }
    }

    /// Eviction runs inside every ``insertAndQuery(_:)``: nothing to do.
    public func evictNow() {}

    /// SQLite closes the file when the store is released.
    public func close() async {}

    /// Entries in this process's LSH cache.
    public var cachedBucketCount: Int { memory.withLock { $0.buckets.count } }

    struct Decision {
        var verdict: DedupVerdict
        var insertedID: Int64?
        var bandKeys: [UInt64]
    }

    typealias Match = DedupMatch

    func decide(_ document: PreparedDocument, db: Database, memory: inout BandMemory) throws -> Decision {
        if let replay = try storedVerdict(of: document.docID, db: db) {
            return Decision(
                verdict: DedupVerdict(annotation: replay, isReplay: true, matchedDocID: nil), insertedID: nil,
                bandKeys: [])
        }
        try Eviction.run(settings: settings, now: clock(), db: db, memory: &memory)
        try syncFromOtherWorkers(db: db, memory: &memory)

        var match = try exactMatch(of: document, db: db)
        var shingles: [UInt32] = []
        var bandKeys: [UInt64] = []
        if match == nil, document.tokenCount > 0 {
            let boilerplate = try learnedBoilerplate(of: document, db: db)
            shingles = Shingler.shingles(of: document.tokens(excluding: boilerplate), size: settings.shingleSize)
            if shingles.count >= settings.minShingles {
                bandKeys = hasher.bandKeys(of: shingles)
                match = try nearMatch(shingles: shingles, bandKeys: bandKeys, db: db, memory: memory)
            }
        }
        let indexed = !bandKeys.isEmpty
        try db.cachedStatement(
            sql: """
                INSERT INTO documents(doc_id, fingerprint, fp_key, cluster_id, kind, similarity, seen_at, shingles, bands)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                document.docID, document.fingerprint, document.fingerprintKey, match?.clusterID ?? document.docID,
                match?.kind.rawValue, match?.similarity, clock(),
                indexed ? BlobCoding.encode(shingles) : nil, indexed ? BlobCoding.encode(bandKeys) : nil,
            ])
        let insertedID = db.lastInsertedRowID
        if match == nil, settings.boilerplateMinStories > 0 {
            try recordLines(of: document, id: insertedID, db: db)
        }
        let annotation = DedupAnnotation(
            fingerprint: document.fingerprint, method: DedupVerdict.method, isDuplicate: match != nil,
            duplicateOf: match?.clusterID, clusterID: match?.clusterID ?? document.docID,
            similarity: match?.similarity, kind: match?.kind)
        return Decision(
            verdict: DedupVerdict(annotation: annotation, isReplay: false, matchedDocID: match?.matchedDocID),
            insertedID: insertedID, bandKeys: bandKeys)
    }

    func storedVerdict(of docID: String, db: Database) throws -> DedupAnnotation? {
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT fingerprint, cluster_id, kind, similarity FROM documents WHERE doc_id = ?"),
                arguments: [docID])
        else { return nil }
        let kind = (row["kind"] as String?).flatMap(DuplicateKind.init(rawValue:))
        let clusterID: String = row["cluster_id"]
        return DedupAnnotation(
            fingerprint: row["fingerprint"], method: DedupVerdict.method, isDuplicate: kind != nil,
            duplicateOf: kind == nil ? nil : clusterID, clusterID: clusterID, similarity: row["similarity"], kind: kind)
    }

    /// Reads the band keys of rows other workers committed since this process last looked.
    func syncFromOtherWorkers(db: Database, memory: inout BandMemory) throws {
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT id, bands FROM documents WHERE id > ? ORDER BY id"),
            arguments: [max(memory.watermark, memory.cutoff - 1)])
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            if let bands = row["bands"] as Data? { memory.add(id: id, keys: BlobCoding.decode(bands, as: UInt64.self)) }
            memory.watermark = id
        }
    }

    func exactMatch(of document: PreparedDocument, db: Database) throws -> Match? {
        guard document.tokenCount > 0 else { return nil }
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT doc_id, cluster_id FROM documents WHERE fp_key = ? AND fingerprint = ? ORDER BY id LIMIT 1"
            ),
            arguments: [document.fingerprintKey, document.fingerprint])
        return row.map { Match(matchedDocID: $0["doc_id"], clusterID: $0["cluster_id"], similarity: 1.0, kind: .exact) }
    }

    /// The document's short lines already seen in `boilerplate_min_stories` stories of its source: one statement,
    /// the keys passed as a JSON array (per-line statements showed in profiles).
    func learnedBoilerplate(of document: PreparedDocument, db: Database) throws -> Set<Int64> {
        let keys = document.eligibleBoilerplateKeys
        guard settings.boilerplateMinStories > 0, !keys.isEmpty else { return [] }
        let statement = try db.cachedStatement(
            sql: """
                SELECT line_key FROM line_stats
                WHERE line_key IN (SELECT value FROM json_each(?)) AND stories >= ?
                """)
        let found = try Int64.fetchAll(statement, arguments: [Self.jsonArray(keys), settings.boilerplateMinStories])
        return Set(found)
    }

    /// Counts one more story for each short line of a first-seen document.
    func recordLines(of document: PreparedDocument, id: Int64, db: Database) throws {
        let keys = document.eligibleBoilerplateKeys
        guard !keys.isEmpty else { return }
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO line_stats(line_key, stories, last_id) SELECT value, 1, ? FROM json_each(?) WHERE true
                ON CONFLICT(line_key) DO UPDATE SET stories = stories + 1, last_id = excluded.last_id
                """)
        try statement.execute(arguments: [id, Self.jsonArray(keys)])
    }

    static func jsonArray(_ keys: [Int64]) -> String {
        "[" + keys.map(String.init).joined(separator: ",") + "]"
    }

    /// Verifies the LSH candidates exactly on stored shingle sets; the best passing cluster wins.
    ///
    /// A candidate stands for its cluster: the document is compared with the cluster's first member (the story as
    /// first seen), or with the candidate itself once that first member has left the window. Comparing with the
    /// first member stops chains: a developing story that shares 40% with a trimmed copy does not join the cluster
    /// just because the trimmed copy is mostly inside it.
    func nearMatch(shingles: [UInt32], bandKeys: [UInt64], db: Database, memory: BandMemory) throws -> Match? {
        let byID = try db.cachedStatement(sql: "SELECT doc_id, cluster_id, shingles FROM documents WHERE id = ?")
        let byDocID = try db.cachedStatement(sql: "SELECT doc_id, cluster_id, shingles FROM documents WHERE doc_id = ?")
        var verifiedClusters: Set<String> = []
        var best: Match?
        for candidate in memory.candidates(for: bandKeys, limit: settings.maxCandidates) {
            guard let member = try Row.fetchOne(byID, arguments: [candidate]) else { continue }
            let clusterID: String = member["cluster_id"]
            guard verifiedClusters.insert(clusterID).inserted else { continue }
            let firstMember = member["doc_id"] == clusterID ? member : try Row.fetchOne(byDocID, arguments: [clusterID])
            let reference = firstMember.flatMap { ($0["shingles"] as Data?) != nil ? $0 : nil } ?? member
            guard let blob = reference["shingles"] as Data? else { continue }
            let overlap = SetSimilarity(a: shingles, b: BlobCoding.decode(blob, as: UInt32.self))
            guard overlap.smallerSize >= settings.minShingles else { continue }
            let found = DedupMatch.verified(
                overlap, matchedDocID: reference["doc_id"], clusterID: clusterID, settings: settings)
            if let found, found.similarity > (best?.similarity ?? -1) { best = found }
        }
        return best
    }
}
