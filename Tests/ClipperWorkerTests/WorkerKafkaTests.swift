import ClipperCatalog
import ClipperCore
import ClipperKafka
import Foundation
import Logging
import Testing

@testable import ClipperWorker

/// The worker on the in-process mock cluster: every record ends in exactly one place.
@Suite(.serialized) struct WorkerKafkaTests {
    struct Harness {
        let broker: EmbeddedBroker
        var configuration: ClipperConfiguration

        init(processors: String = "[normalize]", extraWorker: String = "", producerProperties: String = "{}") throws {
            broker = try EmbeddedBroker(brokers: 1)
            try broker.createTopic("in", partitions: 2)
            try broker.createTopic("out", partitions: 2)
            try broker.createTopic("dlq", partitions: 1)
            let yaml = """
                kafka:
                  bootstrap_servers: \(broker.bootstrapServers)
                  group_id: g-\(UUID().uuidString.prefix(8))
                  session_timeout_ms: 6000
                  topics: { input: in, output: out, dead_letter: dlq }
                  producer_properties: \(producerProperties)
                worker: { max_record_bytes: 2048, drain_timeout_ms: 5000, close_timeout_ms: 5000\(extraWorker) }
                processors: \(processors)
                http: { enabled: false }
                """
            configuration = try ConfigurationLoader.parse(
                yaml, directory: CatalogPaths.repositoryRoot.appending(path: "Config"), environment: [:],
                catalog: .builtIn)
            configuration.worker.stateDirectory = FileManager.default.temporaryDirectory
                .appending(path: "clipper-worker-\(UUID().uuidString)").path
        }

        var client: KafkaClientSettings { KafkaClientSettings(bootstrapServers: broker.bootstrapServers) }

        func produce(_ values: [Data]) async throws {
            let producer = try KafkaProducer(settings: ProducerSettings(client: client), logger: Logger(label: "test"))
            for value in values {
                _ = try await producer.send(OutgoingRecord(topic: "in", key: Array("k".utf8), value: Array(value)))
            }
            _ = await producer.close(timeout: .seconds(5))
        }

        /// Runs a worker until it has handled `count` records, then shuts it down gracefully.
        func runWorker(until count: Int) async throws -> WorkerCounters.Snapshot {
            let worker = try Worker(configuration: configuration, catalog: .builtIn, logger: Logger(label: "test.worker"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await worker.run() }
                group.addTask {
                    let deadline = ContinuousClock.now + .seconds(60)
                    while worker.counters.snapshot.handled < count, ContinuousClock.now < deadline {
                        try await Task.sleep(for: .milliseconds(50))
                    }
                    worker.shutdown()
                }
                try await group.waitForAll()
            }
            return worker.counters.snapshot
        }

        func read(_ topic: String) async throws -> [ConsumedRecord] {
            try await TopicReader(client: client).readAll(topic: topic)
        }
    }

    static func header(_ record: ConsumedRecord, _ name: String) -> String? {
        record.headers.first { $0.name == name }?.value.map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func everyRecordEndsInTheOutputOrTheDeadLetterTopic() async throws {
        let harness = try Harness()
        var values = (0..<40).map { Data(#"{"id":"a\#($0)","title":"Story \#($0)","url":"https://x.org/\#($0)?utm_source=t"}"#.utf8) }
        values.append(Data("{not json".utf8))
        values.append(Data(#"{"id":"big","title":""#.utf8) + Data(repeating: 0x61, count: 3000) + Data(#""}"#.utf8))
        values.append(Data([0x7B, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]))
        try await harness.produce(values)

        let counts = try await harness.runWorker(until: values.count)
        #expect(counts == WorkerCounters.Snapshot(published: 40, deadLettered: 3, dropped: 0))

        let output = try await harness.read("out")
        let deadLetters = try await harness.read("dlq")
        #expect(output.count == 40)
        #expect(deadLetters.count == 3)
        for record in output {
            let article = try JSONDecoder().decode(Article.self, from: Data(record.value ?? []))
            #expect(record.key.map { String(decoding: $0, as: UTF8.self) } == article.docID)
            #expect(Self.header(record, "mm-schema") == "mm.article.enriched/1")
            #expect(article.canonicalURL?.contains("utm_") == false)
        }
        let reasons = deadLetters.compactMap { Self.header($0, "mm-dlq-reason") }.sorted()
        #expect(reasons == ["deserialize", "deserialize", "oversize"])
        let originals = Set(values.suffix(3))
        #expect(Set(deadLetters.map { Data($0.value ?? []) }) == originals, "dead letters carry the original bytes")
        #expect(deadLetters.allSatisfy { $0.key == Array("k".utf8) })

        var seen: Set<String> = []
        for record in output {
            let article = try JSONDecoder().decode(Article.self, from: Data(record.value ?? []))
            seen.insert("\(article.processing.input!.partition)@\(article.processing.input!.offset)")
        }
        for record in deadLetters {
            seen.insert("\(Self.header(record, "mm-src-partition")!)@\(Self.header(record, "mm-src-offset")!)")
        }
        #expect(seen.count == values.count, "every input offset is accounted for exactly once")
    }

    @Test func droppedRecordsAreCountedAndCommitted() async throws {
        var harness = try Harness()
        harness.configuration.processors = [ProcessorSpec(name: "normalize")]
        try await harness.produce((0..<6).map { Data(#"{"id":"d\#($0)","title":"T\#($0)"}"#.utf8) })
        let counts = try await harness.runWorker(until: 6)
        #expect(counts.published == 6)
        let admin = try KafkaAdmin(client: harness.client)
        let committed = try await admin.committedOffsets(group: harness.configuration.kafka.groupID, topic: "in")
        let total = committed.filter { $0.offset >= 0 }.map(\.offset).reduce(0, +)
        #expect(total == 6, "offsets are committed after delivery: \(committed)")
    }

    @Test func anUndeliverableOutputIsDeadLetteredWithReasonProduce() async throws {
        // Outputs above message.max.bytes fail delivery for good; the input must then go to the dead-letter topic.
        // The output repeats the long URL (url and canonical_url), so it is far larger than the input and its
        // dead letter.
        let harness = try Harness(producerProperties: "{ message.max.bytes: 1400 }")
        let path = String(repeating: "segment/", count: 75)
        try await harness.produce([Data(#"{"id":"p1","title":"T","url":"https://x.org/\#(path)"}"#.utf8)])
        let counts = try await harness.runWorker(until: 1)
        #expect(counts.handled == 1)
        let deadLetters = try await harness.read("dlq")
        #expect(deadLetters.count == 1)
        #expect(deadLetters.first.flatMap { Self.header($0, "mm-dlq-reason") } == "produce")
        #expect(try await harness.read("out").isEmpty)
    }
}
