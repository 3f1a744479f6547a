import ClipperCatalog
import ClipperCore
import ClipperKafka
import Foundation
import Logging
import Testing

@testable import ClipperWorker

/// Replay on the in-process mock cluster (reset-offsets needs group descriptions, which the mock lacks: see
/// IntegrationTests/OffsetResetIntegrationTests.swift, on Tansu). The mock answers offsets-for-times with -1, so the
/// time-range test also proves the fallback: start at the low watermark and filter on the client.
@Suite(.serialized) struct ReplayKafkaTests {
    let broker: EmbeddedBroker
    let configuration: ClipperConfiguration
    let admin: KafkaAdmin

    init() throws {
        broker = try EmbeddedBroker(brokers: 1)
        try broker.createTopic("raw", partitions: 2)
        try broker.createTopic("replayed", partitions: 2)
        try broker.createTopic("dlq", partitions: 1)
        var configuration = try ConfigurationLoader.parse(
            """
            kafka:
              bootstrap_servers: \(broker.bootstrapServers)
              group_id: live
              session_timeout_ms: 6000
              topics: { input: raw, output: enriched, dead_letter: dlq }
            processors: [normalize]
            http: { enabled: false }
            """, directory: URL(fileURLWithPath: "/tmp"), environment: [:], catalog: .builtIn)
        configuration.worker.stateDirectory = "/tmp/clipper-replay-\(UUID().uuidString)"
        self.configuration = configuration
        admin = try KafkaAdmin(client: configuration.kafkaClientSettings(properties: [:]))
    }

    func produce(_ ids: Range<Int>, at timestamp: Date? = nil) async throws {
        let producer = try KafkaProducer(
            settings: ProducerSettings(client: configuration.kafkaClientSettings(properties: [:])), logger: Logger(label: "t"))
        for id in ids {
            _ = try await producer.send(OutgoingRecord(
                topic: "raw", key: Array("k\(id)".utf8), value: Array(#"{"id":"\#(id)","title":"Story \#(id)"}"#.utf8),
                partition: Int32(id % 2), timestampMilliseconds: timestamp.map { Int64($0.timeIntervalSince1970 * 1000) }))
        }
        _ = await producer.close(timeout: .seconds(5))
    }

    func replay(_ request: ReplayRequest, id: String) async throws -> (ReplayPlan, ReplaySummary, [Article]) {
        let plan = try await ReplayPlanner(admin: admin).plan(request, topic: "raw")
        let before = try await TopicReader(client: configuration.kafkaClientSettings(properties: [:])).readAll(topic: "replayed")
        let summary = try await ReplayRunner(
            configuration: configuration, plan: plan, outputTopic: "replayed", replayID: id, catalog: .builtIn,
            logger: Logger(label: "test.replay")
        ).run { _ in }
        let after = try await TopicReader(client: configuration.kafkaClientSettings(properties: [:])).readAll(topic: "replayed")
        let beforeKeys = Set(before.map { "\($0.partition)@\($0.offset)" })
        let articles = try after.filter { !beforeKeys.contains("\($0.partition)@\($0.offset)") }
            .map { try JSONDecoder().decode(Article.self, from: Data($0.value ?? [])) }
        return (plan, summary, articles)
    }

    @Test func anOffsetRangeReplaysExactlyThatRange() async throws {
        try await produce(0..<40)
        let request = ReplayRequest(start: .offsets(try .parse("0:5,1:5")), end: .offsets(try .parse("0:15,1:12")))
        let (plan, summary, articles) = try await replay(request, id: "range-1")
        #expect(plan.totalRecords == 17)
        #expect(articles.count == 17, "neither more nor fewer records than the range")
        #expect(summary.complete)
        #expect(summary.rows.map(\.records) == plan.partitions.map { Int($0.count) }, "the dry-run plan matches the run")
        #expect(articles.allSatisfy { $0.processing.replay == "range-1" })
        #expect(articles.allSatisfy { $0.processing.processors.map(\.name) == ["normalize"] })
        let inputs = Set(articles.compactMap { $0.processing.input.map { "\($0.partition)@\($0.offset)" } })
        let expected = Set((5..<15).map { "0@\($0)" } + (5..<12).map { "1@\($0)" })
        #expect(inputs == expected)
    }

    @Test func aTimeRangeReplaysOnlyRecordsInsideTheWindow() async throws {
        // Record timestamps set explicitly, a minute apart, so that the window needs no waiting.
        let start = Date().addingTimeInterval(-600)
        try await produce(0..<10, at: start)
        try await produce(10..<16, at: start.addingTimeInterval(60))
        try await produce(16..<20, at: start.addingTimeInterval(120))
        let from = start.addingTimeInterval(30)
        let to = start.addingTimeInterval(90)
        let (_, summary, articles) = try await replay(ReplayRequest(start: .timestamp(from), end: .timestamp(to)), id: "time-1")
        #expect(Set(articles.map(\.rawID)) == Set((10..<16).map(String.init)))
        #expect(summary.rows.reduce(0) { $0 + $1.skipped } == 14)
    }

    @Test func replayNeverMovesTheLiveGroupsOffsets() async throws {
        try await produce(0..<10)
        try await admin.commitOffsets(group: "live", [
            TopicPartitionOffset(topic: "raw", partition: 0, offset: 2),
            TopicPartitionOffset(topic: "raw", partition: 1, offset: 3),
        ])
        _ = try await replay(ReplayRequest(start: .earliest), id: "live-check")
        let committed = try await admin.committedOffsets(group: "live", topic: "raw").sorted { $0.partition < $1.partition }
        #expect(committed.map(\.offset) == [2, 3])
    }
}
