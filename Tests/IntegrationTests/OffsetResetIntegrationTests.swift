import ClipperCatalog
import ClipperKafka
import ClipperWorker
import Foundation
import Logging
import Testing

/// `clipper reset-offsets` semantics against Tansu, a separate broker process: the mock cluster cannot describe
/// groups, so the "refuse while members are live" rule is tested here. Tansu's first group join takes
/// session.timeout.ms / 2, hence 6 s sessions.
@Suite(.serialized) struct OffsetResetIntegrationTests {
    @Test func refusesWhileMembersAreLiveAndMovesOffsetsWhenStopped() async throws {
        let broker = try TansuBroker()
        defer { broker.stop() }
        var configuration = try ConfigurationLoader.parse(
            """
            kafka:
              bootstrap_servers: \(broker.bootstrapServers)
              group_id: reset-live
              session_timeout_ms: 6000
              topics: { input: raw, output: enriched, dead_letter: dlq }
            processors: [normalize]
            http: { enabled: false }
            worker: { drain_timeout_ms: 5000, close_timeout_ms: 5000 }
            """, directory: URL(fileURLWithPath: "/tmp"), environment: [:], catalog: .builtIn)
        configuration.worker.stateDirectory = "/tmp/clipper-reset-\(UUID().uuidString)"
        let client = configuration.kafkaClientSettings(properties: [:])
        let admin = try KafkaAdmin(client: client)
        for topic in ["raw", "enriched", "dlq"] { try await admin.createTopic(topic, partitions: 2) }
        let producer = try KafkaProducer(settings: ProducerSettings(client: client), logger: Logger(label: "t"))
        for id in 0..<8 {
            _ = try await producer.send(OutgoingRecord(
                topic: "raw", key: nil, value: Array(#"{"id":"\#(id)","title":"T\#(id)"}"#.utf8), partition: Int32(id % 2)))
        }
        _ = await producer.close(timeout: .seconds(5))

        let worker = try Worker(configuration: configuration, catalog: .builtIn, logger: Logger(label: "test.live"))
        let reset = OffsetReset(admin: admin, group: "reset-live", topic: "raw")
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await worker.run() }
            let deadline = ContinuousClock.now + .seconds(60)
            while worker.counters.snapshot.handled < 8, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(worker.counters.snapshot.handled == 8)
            let description = try await admin.describeConsumerGroup("reset-live")
            let refusal = await #expect(throws: ReplayError.self, "group as described: \(description)") {
                try await reset.ensureStopped()
            }
            // The members are named by client id and host, never as a bare "@".
            #expect(refusal?.description.contains("client id clipper") == true, "\(String(describing: refusal))")
            #expect(refusal?.description.contains("@") == false, "\(String(describing: refusal))")
            worker.shutdown()
            try await group.waitForAll()
        }
        let moves = try await reset.plan(ReplayRequest(start: .earliest))
        #expect(moves.allSatisfy { $0.new == 0 })
        #expect(moves.reduce(0) { $0 + ($1.committed ?? 0) } == 8, "the stopped worker committed everything: \(moves)")
        try await reset.apply(moves)
        let committed = try await admin.committedOffsets(group: "reset-live", topic: "raw")
        #expect(committed.count == 2)
        #expect(committed.allSatisfy { $0.offset == 0 })
    }
}
