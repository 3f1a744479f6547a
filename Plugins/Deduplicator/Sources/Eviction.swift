import Foundation
import GRDB

/// Keeps the window bounded: drops the oldest documents past `max_documents`, and those older than
/// `max_age_hours`, inside the caller's transaction. Documents leave in arrival order, so the live rows are always
/// one run of ids from ``BandMemory/cutoff`` up.
///
/// ```swift
/// try Eviction.run(settings: settings, now: Date().timeIntervalSince1970, db: db, memory: &memory)
/// ```
enum Eviction {
    /// How often, in inserts, stale learned-boilerplate lines are swept.
    static let lineSweepInterval: Int64 = 4096

    static func run(settings: DedupSettings, now: Double, db: Database, memory: inout BandMemory) throws {
        let newest = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(id) FROM documents")) ?? 0
        var cutoff = memory.cutoff
        if settings.maxDocuments > 0 {
            // Room for the document about to be inserted: the table never holds more than max_documents.
            cutoff = max(cutoff, newest - Int64(settings.maxDocuments) + 2)
        }
        if settings.maxAgeSeconds > 0 {
            let firstFresh = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM documents WHERE id >= ? AND seen_at >= ? ORDER BY id LIMIT 1"),
                arguments: [cutoff, now - settings.maxAgeSeconds])
            cutoff = max(cutoff, firstFresh ?? newest + 1)
        }
        try rebuildIfBloated(settings: settings, newest: newest, db: db, memory: &memory)
        guard cutoff > memory.cutoff else { return }
        let evicted = try Row.fetchAll(db, sql: "SELECT id, bands FROM documents WHERE id < ?", arguments: [cutoff])
        for row in evicted {
            if let bands = row["bands"] as Data? {
                memory.remove(id: row["id"], keys: BlobCoding.decode(bands, as: UInt64.self))
            }
        }
        if !evicted.isEmpty {
            try db.execute(sql: "DELETE FROM documents WHERE id < ?", arguments: [cutoff])
        }
        if cutoff / lineSweepInterval != memory.cutoff / lineSweepInterval {
            try db.execute(sql: "DELETE FROM line_stats WHERE last_id < ?", arguments: [cutoff])
        }
        memory.cutoff = cutoff
    }

    /// Another worker's evictions leave entries in this cache that nothing removes; when the cache holds more than
    /// twice what the window can need, it is rebuilt from the `documents` table.
    static func rebuildIfBloated(settings: DedupSettings, newest: Int64, db: Database, memory: inout BandMemory) throws
    {
        let live = max(Int(newest - memory.cutoff + 1), 1024)
        guard memory.buckets.count > 2 * settings.lshBands * live else { return }
        memory.buckets = [:]
        memory.watermark = memory.cutoff - 1
    }
}
