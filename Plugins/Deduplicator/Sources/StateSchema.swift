import GRDB

/// The SQLite schema of the dedup state, created on first open.
///
/// - `documents`: one row per document in the window, in arrival order (`id`, never reused). The truth for every
///   worker: exact fingerprints, cluster ids, shingle sets for verification, band keys for the LSH caches.
/// - `line_stats`: per (source, short line) the number of distinct stories it appeared in: learned boilerplate.
/// - `meta`: the storage signature (shingle size, bands, rows), checked on open.
///
/// ```swift
/// try StateSchema.create(in: db)
/// ```
enum StateSchema {
    static func create(in db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
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
