import ClipperTesting
import Deduplicator
import Foundation
import Synchronization

/// `DeduplicatorTool stores FILE [STREAM_DOCS] [CONCURRENCY]`: the SQLite and the PostgreSQL store side by side, in
/// one run: documents per second for one worker and p99 latency per document, on the dev pairs and on a synthetic
/// stream (one document in five a trimmed copy of a recent one).
///
/// PostgreSQL is a throwaway server started from the machine's `initdb`/`pg_ctl` (durable settings: fsync on) on
/// loopback; `BENCH_NONDURABLE=1` turns fsync off, to see how much of the time the commit flush takes. `CONCURRENCY` documents are in flight at once, as a worker processing that many partitions has them;
/// each is its own transaction (no batching). Prints one JSON line per store and workload.
///
/// ```
/// DeduplicatorTool stores dev_pairs.jsonl 100000 8
/// {"store":"postgres","workload":"stream","documents":100000,"docs_per_s":…,"p99_ms":…,"concurrency":8}
/// ```
enum StoreBench {
    static func run(pairs: DevPairs, streamDocuments: Int, concurrency: Int) async throws {
        let server = try PostgresTestServer.start(
            durable: ProcessInfo.processInfo.environment["BENCH_NONDURABLE"] == nil)
        defer { server.stop() }
        let devDocuments = pairs.distinctDocuments.map(PreparedDocument.init)
        let stream = syntheticStream(count: streamDocuments)
        var settings = DedupSettings()
        settings.maxDocuments = max(streamDocuments, devDocuments.count) + 1
        for kind in ["sqlite", "postgres"] {
            for (workload, documents) in [("dev_pairs", devDocuments), ("stream", stream)] {
                let store: any DedupStore
                let file = temporaryStateFile()
                defer { removeState(file) }
                if kind == "sqlite" {
                    store = try SQLiteDedupStore(fileURL: file, settings: settings)
                } else {
                    store = try PostgresDedupStore(
                        url: PostgresURL(try server.createDatabase()), settings: settings,
                        maxConnections: concurrency, operationTimeout: .seconds(30))
                }
                _ = try await store.schemaVersion()
                let result = try await measure(store, documents: documents, concurrency: concurrency)
                var footprint: [String: Any] = [:]
                if let postgres = store as? PostgresDedupStore {
                    for (table, size) in try await postgres.storageFootprint() {
                        footprint[table] = ["rows": size.rows, "bytes": size.bytes]
                    }
                }
                await store.close()
                emit([
                    "postgres_tables": footprint,
                    "store": kind, "workload": workload, "documents": documents.count, "concurrency": concurrency,
                    "seconds": result.seconds, "docs_per_s": Double(documents.count) / result.seconds,
                    "p50_ms": result.percentile(0.50), "p99_ms": result.percentile(0.99),
                    "duplicates": result.duplicates,
                ])
            }
        }
    }

    struct Result {
        var seconds: Double
        var latencies: [Double]
        var duplicates: Int

        func percentile(_ share: Double) -> Double {
            let sorted = latencies.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int(Double(sorted.count) * share))] * 1000
        }
    }

    /// Feeds `documents` in order to `concurrency` tasks; each document's latency is its insertAndQuery call.
    static func measure(_ store: any DedupStore, documents: [PreparedDocument], concurrency: Int) async throws -> Result
    {
        let cursor = Cursor()
        let start = ContinuousClock.now
        let perTask = try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for _ in 0..<max(1, concurrency) {
                group.addTask {
                    var latencies: [Double] = []
                    var duplicates = 0
                    while true {
                        let index = cursor.take()
                        guard index < documents.count else { break }
                        let began = ContinuousClock.now
                        let verdict = try await store.insertAndQuery(documents[index])
                        latencies.append((ContinuousClock.now - began).seconds)
                        if verdict.annotation.isDuplicate { duplicates += 1 }
                    }
                    return (latencies, duplicates)
                }
            }
            return try await group.reduce(into: [([Double], Int)]()) { $0.append($1) }
        }
        return Result(
            seconds: (ContinuousClock.now - start).seconds, latencies: perTask.flatMap(\.0),
            duplicates: perTask.map(\.1).reduce(0, +))
    }

    /// `count` 300-word synthetic articles; every fifth is a copy of one of the last 50 without its last paragraph.
    static func syntheticStream(count: Int) -> [PreparedDocument] {
        var generator = SplitMixGenerator(seed: 7)
        let vocabulary = (0..<20_000).map { _ in SyntheticText.word(using: &generator) }
        var bodies: [String] = []
        var documents: [PreparedDocument] = []
        documents.reserveCapacity(count)
        for number in 0..<count {
            let body: String
            if number % 5 == 4, !bodies.isEmpty {
                let original = bodies[bodies.count - 1 - Int.random(in: 0..<min(50, bodies.count), using: &generator)]
                body = original.components(separatedBy: "\n\n").dropLast().joined(separator: "\n\n")
            } else {
                body = SyntheticText.article(words: 300, vocabulary: vocabulary, using: &generator)
                bodies.append(body)
                if bodies.count > 100 { bodies.removeFirst(50) }
            }
            documents.append(
                PreparedDocument(docID: "stream-\(number)", sourceKey: "synthetic", title: nil, body: body))
        }
        return documents
    }
}

/// Hands out document indexes to the benchmark's tasks.
final class Cursor: Sendable {
    private let next = Atomic<Int>(0)
    func take() -> Int { next.add(1, ordering: .relaxed).oldValue }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
