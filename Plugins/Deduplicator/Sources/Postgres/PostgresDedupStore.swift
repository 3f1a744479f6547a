import ClipperCore
import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The PostgreSQL ``DedupStore``: one window shared by workers on any number of hosts.
///
/// **Zero consistency window, by advisory locks.** Each ``insertAndQuery(_:)`` is one READ COMMITTED transaction
/// that takes transaction-scoped advisory locks (`pg_advisory_xact_lock`) on everything it will look up and write:
/// first its document id and exact fingerprint, then — once the shingles are known — every LSH band key, each
/// group in ascending order (``AdvisoryLockKeys``). Two copies of a story either share the fingerprint (exact) or
/// share at least one band key (that is how LSH finds a near copy at all), so the second transaction waits until
/// the first commits, and its next statement — READ COMMITTED takes a fresh snapshot per statement — sees the
/// first copy's rows. Neither can come out as first. Locks are chosen over SERIALIZABLE because the conflicts are
/// known up front: a lock waits for exactly the racing copy instead of aborting and retrying unrelated documents
/// whose index pages happen to overlap, and a lock is released at commit with nothing left to clean up.
///
/// **Window.** Lookups only see documents inside the window (the newest `max_documents` ids, seen within
/// `max_age_hours`), so the verdict never depends on when rows are physically deleted. Deletion runs in the
/// background, in short batches, by one worker at a time (``PostgresEvictor``); it never holds the locks above.
///
/// **Schema.** Created or migrated on first use (``PostgresSchema``), under an advisory lock.
///
/// **Faults.** Errors that mean the database is unreachable, restarting or refusing throw `DependencyUnavailable`
/// (the chain retries the article with backoff, its partition holds, readiness says why). Each operation gives
/// up after `operationTimeout`. Serialization failures, deadlocks and racing duplicates are retried at once.
///
/// ```swift
/// let store = try PostgresDedupStore(
///     url: PostgresURL("postgres://clipper:secret@db:5432/clipper"), settings: DedupSettings(), logger: logger)
/// let verdict = try await store.insertAndQuery(PreparedDocument(docID: "d1", sourceKey: "wire", title: "T", body: "…"))
/// await store.close()
/// ```
public final class PostgresDedupStore: DedupStore {
    public let settings: DedupSettings
    public let url: PostgresURL
    let client: PostgresClient
    let hasher: MinHasher
    let clock: @Sendable () -> Double
    let logger: Logger
    let operationTimeout: Duration
    let schemaGate = SchemaGate()
    let tasks = Mutex<[Task<Void, Never>]>([])

    /// How many times a transaction that lost a conflict is run again before the error is reported.
    static let conflictRetries = 20

    /// Opens the pool (connections are made on first use) and starts background eviction.
    ///
    /// - Parameters:
    ///   - maxConnections: the pool's limit; about the number of articles this worker processes at once.
    ///   - operationTimeout: one article's transaction gives up after this (keep the step's `timeout_ms` above it).
    ///   - evictionInterval: pause between eviction rounds; nil turns background eviction off (tests).
    public init(
        url: PostgresURL, settings: DedupSettings, maxConnections: Int = 16, operationTimeout: Duration = .seconds(5),
        evictionInterval: Duration? = .seconds(2),
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 },
        logger: Logger = Logger(label: "clipper.dedup.postgres")
    ) throws {
        try settings.validate()
        self.settings = settings
        self.url = url
        self.clock = clock
        self.logger = logger
        self.operationTimeout = operationTimeout
        hasher = MinHasher(bands: settings.lshBands, rows: settings.lshRows)
        var configuration = try url.clientConfiguration()
        configuration.options.maximumConnections = max(1, maxConnections)
        configuration.options.connectTimeout = .seconds(3)
        // The pool logs every failed connection attempt at info; an outage is reported once by the chain instead.
        var poolLogger = logger
        poolLogger.logLevel = max(logger.logLevel, .error)
        client = PostgresClient(configuration: configuration, backgroundLogger: poolLogger)
        let client = client
        // The pool needs a running task for its lifetime; close() cancels it.
        tasks.withLock { $0.append(Task { await client.run() }) }
        if let evictionInterval {
            let evictor = PostgresEvictor(store: self, interval: evictionInterval)
            tasks.withLock { $0.append(Task { await evictor.run() }) }
        }
    }

    /// Where the store lives, without the password: `"postgresql db:5432/clipper"`.
    public var dependencyName: String { "postgresql \(url.endpoint)" }

    public func insertAndQuery(_ document: PreparedDocument) async throws -> DedupVerdict {
        try await withDatabase { connection in
            try await self.decide(document, connection: connection)
        }
    }

    public func documentCount() async throws -> Int {
        try await withDatabase { connection in
            var count = 0
            for try await value in try await connection.query(
                "SELECT count(*) FROM clipper_dedup_documents", logger: self.logger
            ).decode(Int64.self) {
                count = Int(value)
            }
            return count
        }
    }

    public func schemaVersion() async throws -> Int {
        try await withDatabase { connection in
            var version = 0
            for try await value in try await connection.query(
                "SELECT coalesce(max(version), 0)::int4 FROM clipper_dedup_schema", logger: self.logger
            ).decode(Int32.self) {
                version = Int(value)
            }
            return version
        }
    }

    public func evictNow() async throws {
        _ = try await withDatabase { connection in
            try await PostgresEvictor.evictRound(store: self, connection: connection)
        }
    }

    public func close() async {
        let running = tasks.withLock { tasks in
            defer { tasks = [] }
            return tasks
        }
        // Newest first, one at a time: the evictor must finish while the pool still runs (a lease requested from
        // a pool whose run() already ended is never answered).
        for task in running.reversed() {
            task.cancel()
            await task.value
        }
    }

    /// Leases a connection (ensuring the schema once), runs `body` under the operation timeout, retries conflicts,
    /// and turns every other failure into `DependencyUnavailable`.
    func withDatabase<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T
    {
        var conflicts = 0
        while true {
            do {
                let timeout = operationTimeout
                let unavailable: @Sendable () -> any Error = {
                    DependencyUnavailable(
                        dependency: self.dependencyName,
                        reason: "no answer within \(timeout); is PostgreSQL up and reachable?")
                }
                return try await Deadline.run(within: timeout, onTimeout: unavailable) {
                    try await self.client.withConnection { connection in
                        try await self.schemaGate.ensure {
                            _ = try await PostgresSchema.migrate(
                                connection: connection, signature: self.settings.storageSignature, logger: self.logger)
                        }
                        return try await body(connection)
                    }
                }
            } catch {
                if Task.isCancelled { throw CancellationError() }
                switch PostgresFailure.classify(error) {
                case .conflict where conflicts < Self.conflictRetries:
                    conflicts += 1
                    continue
                case .conflict:
                    throw DependencyUnavailable(
                        dependency: dependencyName, reason: "\(conflicts) conflicting transactions in a row")
                case .unavailable(let reason):
                    throw DependencyUnavailable(dependency: dependencyName, reason: reason)
                }
            }
        }
    }
}

/// Runs the schema migration once per store; a failed attempt is tried again by the next caller.
actor SchemaGate {
    private var done = false

    func ensure(_ migrate: @Sendable () async throws -> Void) async throws {
        guard !done else { return }
        try await migrate()
        done = true
    }
}

extension PostgresDedupStore {
    /// The versions recorded in the migrations table, ascending: each appears once however many workers started.
    public func appliedMigrations() async throws -> [Int] {
        try await withDatabase { connection in
            var versions: [Int] = []
            for try await version in try await connection.query(
                "SELECT version FROM clipper_dedup_schema ORDER BY version", logger: self.logger
            ).decode(Int32.self) {
                versions.append(Int(version))
            }
            return versions
        }
    }
}

extension PostgresDedupStore {
    /// Rows and on-disk bytes (tables, indexes, TOAST) per dedup table, for sizing.
    ///
    /// ```swift
    /// let footprint = try await store.storageFootprint() // ["clipper_dedup_documents": (rows: 1000, bytes: 4_210_688), …]
    /// ```
    public func storageFootprint() async throws -> [String: (rows: Int, bytes: Int)] {
        try await withDatabase { connection in
            var result: [String: (rows: Int, bytes: Int)] = [:]
            for table in ["clipper_dedup_documents", "clipper_dedup_bands", "clipper_dedup_line_stats"] {
                for try await (rows, bytes) in try await connection.query(
                    PostgresQuery(unsafeSQL: "SELECT count(*), pg_total_relation_size('\(table)') FROM \(table)"),
                    logger: self.logger
                ).decode((Int64, Int64).self) {
                    result[table] = (Int(rows), Int(bytes))
                }
            }
            return result
        }
    }
}
