/// Where the dedup window lives: the engine's one interface, with two implementations.
///
/// - ``SQLiteDedupStore``: one SQLite file, the embedded default (one host, the demo, tests). Workers that share
///   the file share the window.
/// - ``PostgresDedupStore``: PostgreSQL, for workers on many hosts.
///
/// Both keep the same promises, checked by one contract test suite run against each:
/// - **Zero consistency window.** Two copies processed at the same moment, by workers in one process or on
///   different hosts, never both come out as first (see each store's documentation for how).
/// - **Bounded window** by count (`max_documents`) and age (`max_age_hours`).
/// - **Restarts lose nothing**: a verdict is returned only once it is durable.
/// - **Replays are idempotent**: a `doc_id` seen before gets its stored verdict back.
///
/// ```swift
/// let store: any DedupStore = try SQLiteDedupStore(fileURL: nil, settings: DedupSettings())
/// let verdict = try await store.insertAndQuery(PreparedDocument(docID: "d1", sourceKey: "wire", title: "T", body: "…"))
/// verdict.annotation.clusterID // "d1": the first member of a new cluster
/// await store.close()
/// ```
public protocol DedupStore: Sendable {
    /// The settings the store was opened with.
    var settings: DedupSettings { get }

    /// Decides whether `document` copies one already in the window, records it durably, and returns the verdict.
    /// A store that cannot reach its database throws `DependencyUnavailable` (the chain retries the article).
    func insertAndQuery(_ document: PreparedDocument) async throws -> DedupVerdict

    /// Documents physically kept (the window plus any not yet evicted), for tests and the benchmark.
    func documentCount() async throws -> Int

    /// The version of the store's schema (1 for the first), creating or migrating the schema if needed.
    func schemaVersion() async throws -> Int

    /// Runs eviction now and waits for it; stores that evict inline return at once.
    func evictNow() async throws

    /// Releases connections and background tasks. The store must not be used afterwards.
    func close() async
}
