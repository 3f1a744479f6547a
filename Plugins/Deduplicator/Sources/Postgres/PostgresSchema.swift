import ClipperCore
import Logging
import PostgresNIO

/// The PostgreSQL schema of the dedup store, versioned with a migrations table.
///
/// ``migrate(connection:signature:logger:)`` runs in one transaction that first takes the advisory lock
/// ``AdvisoryLockKeys/schema``: when N workers start at once against an empty database, one creates the schema and
/// the others wait, then find it there (each migration is applied exactly once, recorded in
/// `clipper_dedup_schema`).
///
/// Tables (all prefixed `clipper_dedup_`):
/// - `documents`: one row per document in the window (`id` from an identity column, in arrival order).
/// - `bands`: LSH band key → the latest document in that bucket (the shared LSH table).
/// - `line_stats`: learned boilerplate: per (source, short line), the number of stories it appeared in.
/// - `meta`: the storage signature (shingle size, bands, rows), checked on open.
/// - `schema`: applied migrations.
///
/// ```swift
/// let version = try await PostgresSchema.migrate(connection: connection, signature: "shingle=5;…", logger: logger)
/// ```
enum PostgresSchema {
    struct Migration {
        var version: Int
        var description: String
        var statements: [String]
    }

    static let migrations: [Migration] = [
        Migration(
            version: 1, description: "documents, bands, line_stats, meta",
            statements: [
                "CREATE TABLE clipper_dedup_meta(key text PRIMARY KEY, value text NOT NULL)",
                """
                CREATE TABLE clipper_dedup_documents(
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    doc_id text NOT NULL UNIQUE,
                    fingerprint text NOT NULL,
                    fp_key bigint NOT NULL,
                    cluster_id text NOT NULL,
                    kind text,
                    similarity double precision,
                    seen_at double precision NOT NULL,
                    shingles bytea
                )
                """,
                "CREATE INDEX clipper_dedup_documents_fp_key ON clipper_dedup_documents(fp_key)",
                "CREATE INDEX clipper_dedup_documents_seen_at ON clipper_dedup_documents(seen_at)",
                "CREATE TABLE clipper_dedup_bands(band_key bigint PRIMARY KEY, doc bigint NOT NULL)",
                "CREATE INDEX clipper_dedup_bands_doc ON clipper_dedup_bands(doc)",
                """
                CREATE TABLE clipper_dedup_line_stats(
                    line_key bigint PRIMARY KEY, stories integer NOT NULL, last_id bigint NOT NULL)
                """,
                "CREATE INDEX clipper_dedup_line_stats_last_id ON clipper_dedup_line_stats(last_id)",
            ]),
        Migration(
            version: 2, description: "lock-then-read functions (one round trip each)",
            statements: [
                // Advisory locks first, then the read: in READ COMMITTED each statement of a VOLATILE function
                // takes a fresh snapshot, so the read sees every row committed by whoever held the locks before.
                """
                CREATE FUNCTION clipper_dedup_lock_and_read(
                    p_namespaces int4[], p_keys int4[], p_doc_id text, p_has_tokens bool, p_fp_key int8,
                    p_fingerprint text, p_count_window int8, p_oldest float8, p_line_keys int8[], p_min_stories int4)
                RETURNS TABLE(o_what text, o_first text, o_second text, o_kind text, o_similarity float8, o_line int8)
                LANGUAGE plpgsql VOLATILE AS $$
                BEGIN
                    PERFORM pg_advisory_xact_lock(l.n, l.k) FROM unnest(p_namespaces, p_keys) AS l(n, k);
                    RETURN QUERY
                    SELECT 'replay'::text, d.fingerprint, d.cluster_id, d.kind, d.similarity, NULL::int8
                    FROM clipper_dedup_documents d WHERE d.doc_id = p_doc_id
                    UNION ALL (
                        SELECT 'exact'::text, d.doc_id, d.cluster_id, NULL::text, NULL::float8, NULL::int8
                        FROM clipper_dedup_documents d
                        WHERE p_has_tokens AND d.fp_key = p_fp_key AND d.fingerprint = p_fingerprint
                          AND d.id >= (SELECT coalesce(max(x.id), 0) FROM clipper_dedup_documents x) - p_count_window + 2
                          AND d.seen_at >= p_oldest
                        ORDER BY d.id LIMIT 1)
                    UNION ALL
                    SELECT 'line'::text, NULL::text, NULL::text, NULL::text, NULL::float8, s.line_key
                    FROM clipper_dedup_line_stats s
                    WHERE s.line_key = ANY(p_line_keys) AND s.stories >= p_min_stories;
                END
                $$
                """,
                """
                CREATE FUNCTION clipper_dedup_lock_and_candidates(
                    p_lock_keys int4[], p_band_keys int8[], p_count_window int8, p_oldest float8, p_limit int8)
                RETURNS TABLE(o_doc_id text, o_cluster_id text, o_shingles bytea, o_first_doc_id text,
                              o_first_shingles bytea)
                LANGUAGE plpgsql VOLATILE AS $$
                DECLARE
                    v_low int8;
                BEGIN
                    PERFORM pg_advisory_xact_lock(\(AdvisoryLockKeys.band), k) FROM unnest(p_lock_keys) AS k;
                    SELECT coalesce(max(x.id), 0) - p_count_window + 2 INTO v_low FROM clipper_dedup_documents x;
                    RETURN QUERY
                    WITH candidates AS (
                        SELECT b.doc, count(*) AS hits
                        FROM clipper_dedup_bands b JOIN clipper_dedup_documents d ON d.id = b.doc
                        WHERE b.band_key = ANY(p_band_keys) AND b.doc >= v_low AND d.seen_at >= p_oldest
                        GROUP BY b.doc ORDER BY hits DESC, b.doc LIMIT p_limit
                    )
                    SELECT m.doc_id, m.cluster_id, m.shingles, f.doc_id, f.shingles
                    FROM candidates c
                    JOIN clipper_dedup_documents m ON m.id = c.doc
                    LEFT JOIN clipper_dedup_documents f ON f.doc_id = m.cluster_id
                         AND f.id >= v_low AND f.seen_at >= p_oldest
                    ORDER BY c.hits DESC, c.doc;
                END
                $$
                """,
            ]),
    ]

    static var currentVersion: Int { migrations.last?.version ?? 0 }

    /// Creates or migrates the schema and checks the storage signature; returns the schema version.
    static func migrate(connection: PostgresConnection, signature: String, logger: Logger) async throws -> Int {
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(\(AdvisoryLockKeys.schema), 0)", logger: logger)
            try await connection.query(
                """
                CREATE TABLE IF NOT EXISTS clipper_dedup_schema(
                    version integer PRIMARY KEY, description text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, logger: logger)
            var found = 0
            for try await version in try await connection.query(
                "SELECT coalesce(max(version), 0)::int4 FROM clipper_dedup_schema", logger: logger
            ).decode(Int32.self) {
                found = Int(version)
            }
            guard found <= currentVersion else {
                throw ProcessorSetupError(
                    processor: "dedup", key: "postgres_url",
                    message: "the database has dedup schema version \(found), newer than this clipper knows "
                        + "(\(currentVersion)); upgrade clipper on this host")
            }
            for migration in migrations where migration.version > found {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    """
                    INSERT INTO clipper_dedup_schema(version, description)
                    VALUES (\(Int32(migration.version)), \(migration.description))
                    """, logger: logger)
                logger.info(
                    "dedup schema migrated",
                    metadata: ["version": "\(migration.version)", "what": "\(migration.description)"])
            }
            try await connection.query(
                "INSERT INTO clipper_dedup_meta(key, value) VALUES ('storage', \(signature)) ON CONFLICT DO NOTHING",
                logger: logger)
            for try await stored in try await connection.query(
                "SELECT value FROM clipper_dedup_meta WHERE key = 'storage'", logger: logger
            ).decode(String.self) where stored != signature {
                throw ProcessorSetupError(
                    processor: "dedup", key: "lsh_bands",
                    message: "the database was written with \(stored), not \(signature); use the same shingle_size, "
                        + "lsh_bands and lsh_rows, or another database")
            }
            return currentVersion
        }
    }
}
