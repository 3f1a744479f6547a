import ClipperCore
import GRDB

/// The SQLite schema of the dedup state, versioned: ``migrate(in:)`` brings a file of any earlier version up to
/// ``currentVersion`` inside the caller's `BEGIN IMMEDIATE` transaction, so concurrent openers apply each step once.
///
/// - `documents`: one row per document in the window, in arrival order (`id`, never reused). The truth for every
///   worker: exact fingerprints, cluster ids, shingle sets for verification, band keys for the LSH caches.
/// - `line_stats`: per (source, short line) the number of distinct stories it appeared in: learned boilerplate.
/// - `meta`: the storage signature (shingle size, bands, rows), checked on open, and `schema_version`.
///
/// Files written before versioning have the version-1 tables and no `schema_version`; they count as version 1.
///
/// ```swift
/// try StateSchema.migrate(in: db)
/// try StateSchema.version(in: db) // 1
/// ```
enum StateSchema {
    static let currentVersion = 1

    static func migrate(in db: Database) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        let found = try version(in: db)
        guard found <= currentVersion else {
            throw ProcessorSetupError(
                processor: "dedup", key: "state_file",
                message: "the state has schema version \(found), newer than this clipper knows (\(currentVersion)); "
                    + "run the clipper version that wrote it, or a newer one")
        }
        if found < 1 { try createVersion1(in: db) }
        try db.execute(
            sql: "INSERT OR REPLACE INTO meta(key, value) VALUES('schema_version', ?)", arguments: ["\(currentVersion)"]
        )
    }

    /// The version recorded in `meta`; 0 for an empty file, 1 for a file from before versioning.
    static func version(in db: Database) throws -> Int {
        guard try db.tableExists("meta") else { return 0 }
        if let text = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema_version'") {
            return Int(text) ?? 0
        }
        return try db.tableExists("documents") ? 1 : 0
    }

    static func createVersion1(in db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS documents(
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    doc_id TEXT NOT NULL UNIQUE,
                    fingerprint TEXT NOT NULL,
                    fp_key INTEGER NOT NULL,
                    cluster_id TEXT NOT NULL,
                    kind TEXT,
                    similarity REAL,
                    seen_at REAL NOT NULL,
                    shingles BLOB,
                    bands BLOB
                );
                CREATE INDEX IF NOT EXISTS documents_fp_key ON documents(fp_key);
                CREATE TABLE IF NOT EXISTS line_stats(
                    line_key INTEGER PRIMARY KEY,
                    stories INTEGER NOT NULL,
                    last_id INTEGER NOT NULL
                );
                """)
    }
}
