import ClipperTesting
import Foundation
import Logging
import Synchronization
import Testing

@testable import Deduplicator

/// The two stores the contract suite runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite, postgres
    var testDescription: String { rawValue }
}

/// One fresh place for a store (a new SQLite file, or a new PostgreSQL database on the shared test server) that
/// can be opened several times, as several workers or a restarted worker would.
struct StoreFixture: Sendable {
    let kind: StoreKind
    let sqliteFile: URL?
    let postgresURL: String?

    init(_ kind: StoreKind) throws {
        self.kind = kind
        switch kind {
        case .sqlite:
            sqliteFile = TestCorpus.tempDirectory().appending(path: "dedup.sqlite")
            postgresURL = nil
        case .postgres:
            sqliteFile = nil
            postgresURL = try SharedPostgres.server().createDatabase()
        }
    }

    /// Warnings and errors only: the schema migration's info line would repeat in every test.
    static let quietLogger: Logger = {
        var logger = Logger(label: "dedup.test")
        logger.logLevel = .warning
        return logger
    }()

    /// Opens a store on the fixture's place. Background eviction is off: tests call `evictNow()`.
    func open(
        settings: DedupSettings = DedupSettings(),
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) throws -> any DedupStore {
        switch kind {
        case .sqlite:
            return try SQLiteDedupStore(fileURL: sqliteFile, settings: settings, clock: clock)
        case .postgres:
            return try PostgresDedupStore(
                url: PostgresURL(postgresURL ?? ""), settings: settings, maxConnections: 4,
                operationTimeout: .seconds(20), evictionInterval: nil, clock: clock, logger: Self.quietLogger)
        }
    }
}

/// One PostgreSQL server for the whole test process, started on first use; it stops itself when the process
/// exits (see `PostgresTestServer.stopWhenProcessExits`).
enum SharedPostgres {
    private static let started: Result<PostgresTestServer, any Error> = Result { try PostgresTestServer.start() }

    static func server() throws -> PostgresTestServer { try started.get() }
}

/// A clock the tests move by hand, for the age window.
final class ManualClock: Sendable {
    private let now = Mutex<Double>(1_800_000_000)
    var reading: @Sendable () -> Double { { [self] in now.withLock { $0 } } }
    func advance(by seconds: Double) { now.withLock { $0 += seconds } }
}

extension DedupStore {
    /// Inserts a body-only document from `source`.
    func record(_ docID: String, _ body: String, title: String? = nil, source: String = "wire") async throws
        -> DedupVerdict
    {
        try await insertAndQuery(PreparedDocument(docID: docID, sourceKey: source, title: title, body: body))
    }
}
