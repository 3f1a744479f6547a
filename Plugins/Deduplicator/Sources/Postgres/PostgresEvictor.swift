import Logging
import PostgresNIO

/// Deletes documents that left the window, in the background, so that eviction never holds up processing.
///
/// Every `interval`, one worker (elected by `pg_try_advisory_xact_lock`; the others skip the round) deletes
/// documents below the count bound or older than the age bound, band entries pointing below the oldest live
/// document, and learned-boilerplate lines last seen there — each in batches of ``batchSize`` rows, one short
/// transaction per batch. Lookups already ignore documents outside the window, so deletion may lag without
/// changing any verdict.
///
/// ```swift
/// let evictor = PostgresEvictor(store: store, interval: .seconds(2))
/// Task { await evictor.run() } // until cancelled
/// ```
struct PostgresEvictor: Sendable {
    weak var store: PostgresDedupStore?
    let interval: Duration

    static let batchSize = 5_000

    init(store: PostgresDedupStore, interval: Duration) {
        self.store = store
        self.interval = interval
    }

    func run() async {
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            guard !Task.isCancelled, let store else { return }
            do {
                try await store.evictNow()
            } catch {
                store.logger.debug("eviction round failed; next round retries", metadata: ["error": "\(error)"])
            }
        }
    }

    /// One round; returns the number of documents deleted (0 when another worker holds the round).
    static func evictRound(store: PostgresDedupStore, connection: PostgresConnection) async throws -> Int {
        let window = store.window()
        let logger = store.logger
        var deleted = 0
        while true {
            let batch = try await connection.withTransaction(logger: logger) { connection -> Int? in
                var elected = false
                for try await flag in try await connection.query(
                    "SELECT pg_try_advisory_xact_lock(\(AdvisoryLockKeys.eviction), 0)", logger: logger
                ).decode(Bool.self) {
                    elected = flag
                }
                guard elected else { return nil }
                var count = 0
                for try await _ in try await connection.query(
                    """
                    WITH low AS (
                        SELECT coalesce(max(id), 0) - \(window.countWindow) + 2 AS id FROM clipper_dedup_documents
                    )
                    DELETE FROM clipper_dedup_documents WHERE id IN (
                        SELECT id FROM clipper_dedup_documents
                        WHERE id < (SELECT id FROM low) OR seen_at < \(window.oldest)
                        ORDER BY id LIMIT \(Int64(batchSize)))
                    RETURNING id
                    """, logger: logger
                ).decode(Int64.self) {
                    count += 1
                }
                return count
            }
            guard let batch else { return deleted }
            deleted += batch
            if batch < batchSize { break }
        }
        try await sweep(table: "clipper_dedup_bands", column: "doc", connection: connection, logger: logger)
        try await sweep(table: "clipper_dedup_line_stats", column: "last_id", connection: connection, logger: logger)
        return deleted
    }

    /// Deletes rows of `table` whose `column` points below the oldest live document, in batches.
    static func sweep(table: String, column: String, connection: PostgresConnection, logger: Logger) async throws {
        let sql = """
            WITH oldest AS (
                SELECT coalesce(min(id), (SELECT coalesce(max(\(column)), 0) + 1 FROM \(table))) AS id
                FROM clipper_dedup_documents
            )
            DELETE FROM \(table) WHERE ctid IN (
                SELECT ctid FROM \(table) WHERE \(column) < (SELECT id FROM oldest) LIMIT \(batchSize))
            RETURNING 1
            """
        while true {
            let result = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            var rows = 0
            for try await _ in result { rows += 1 }
            if rows < batchSize { break }
        }
    }
}
