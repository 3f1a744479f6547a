import ClipperKafka
import Foundation
import Logging
import Synchronization
import Testing

/// A mock cluster plus settings tuned for fast tests.
struct TestCluster {
    let broker: EmbeddedBroker
    let logger: Logger

    init(brokers: Int = 1) throws {
        broker = try EmbeddedBroker(brokers: brokers)
        var logger = Logger(label: "clipper.kafka.test")
        logger.logLevel = ProcessInfo.processInfo.environment["KAFKA_TEST_LOG"] == nil ? .critical : .debug
        self.logger = logger
    }

    var client: KafkaClientSettings {
        KafkaClientSettings(bootstrapServers: broker.bootstrapServers, clientID: "clipper-test",
                            properties: ["log_level": "3", "topic.metadata.refresh.interval.ms": "1000"])
    }

    func consumerSettings(group: String = "g-\(UUID().uuidString.prefix(8))") -> ConsumerSettings {
        var settings = ConsumerSettings(client: client, groupID: group)
        settings.sessionTimeout = .seconds(6)
        settings.heartbeatInterval = .milliseconds(500)
        settings.statisticsInterval = .milliseconds(500)
        settings.commitInterval = .milliseconds(500)
        return settings
    }

    var producerSettings: ProducerSettings {
        var settings = ProducerSettings(client: client)
        settings.linger = .milliseconds(2)
        settings.statisticsInterval = .milliseconds(500)
        return settings
    }

    func pipeline(_ source: PipelineSource, group: String = "g-\(UUID().uuidString.prefix(8))", limits: PipelineLimits = PipelineLimits(),
                  consumer: ConsumerSettings? = nil) throws -> KafkaPipeline {
        try KafkaPipeline(consumer: consumer ?? consumerSettings(group: group), producer: producerSettings, source: source,
                          limits: limits, logger: logger)
    }

    /// Produces `count` small records round-robin over `partitions` partitions; returns per-partition counts.
    @discardableResult
    func load(_ topic: String, count: Int, partitions: Int32, value: (Int) -> [UInt8] = { Array("message-\($0)-padding-to-40-bytes-xxxx".utf8.prefix(40)) }) async throws -> [Int32: Int] {
        let producer = try KafkaProducer(settings: producerSettings, logger: logger)
        let failures = Atomic<Int>(0)
        var perPartition: [Int32: Int] = [:]
        for index in 0..<count {
            let partition = Int32(index % Int(partitions))
            perPartition[partition, default: 0] += 1
            try await producer.produce(OutgoingRecord(topic: topic, key: Array("k\(index)".utf8), value: value(index), partition: partition)) { result in
                if case .failure = result { failures.add(1, ordering: .relaxed) }
            }
        }
        let flushed = await producer.close(timeout: .seconds(30))
        #expect(flushed)
        #expect(failures.load(ordering: .relaxed) == 0)
        return perPartition
    }
}

/// Thread-safe collection of handled (partition, offset) pairs.
final class Handled: Sendable {
    private let seen = Mutex<[TopicPartition: Set<Int64>]>([:])
    private let total = Atomic<Int>(0)

    func record(_ record: ConsumedRecord) {
        total.add(1, ordering: .relaxed)
        seen.withLock { _ = $0[TopicPartition(topic: record.topic, partition: record.partition), default: []].insert(record.offset) }
    }

    var count: Int { total.load(ordering: .relaxed) }
    var distinct: Int { seen.withLock { $0.values.reduce(0) { $0 + $1.count } } }
    func offsets(_ tp: TopicPartition) -> Set<Int64> { seen.withLock { $0[tp] ?? [] } }
}

struct TimeoutError: Error, CustomStringConvertible {
    var what: String
    var description: String { "timed out waiting for \(what)" }
}

/// Polls `condition` every 20 ms until true; throws after `timeout`.
func eventually(_ what: String, timeout: Duration = .seconds(30), _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while try await !condition() {
        if ContinuousClock.now > deadline { throw TimeoutError(what: what) }
        try await Task.sleep(for: .milliseconds(20))
    }
}

/// Runs `body` with a deadline; a hang fails the test instead of blocking forever.
func withTimeout<T: Sendable>(_ timeout: Duration, _ what: String, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: timeout)
            return nil
        }
        guard let first = try await group.next(), let value = first else {
            group.cancelAll()
            throw TimeoutError(what: what)
        }
        group.cancelAll()
        return value
    }
}

/// Forwards every input to `topic` unchanged.
func forward(to topic: String) -> @Sendable (ConsumedRecord) async -> RecordDisposition {
    { record in .produce([OutgoingRecord(topic: topic, key: record.key, value: record.value, headers: record.headers)]) }
}

let retryOriginal: @Sendable (ConsumedRecord, OutgoingRecord, KafkaError) async -> OutgoingRecord? = { _, _, _ in nil }

/// A shareable atomic integer for tests.
final class Counter: Sendable {
    private let storage = Atomic<Int>(0)
    func add(_ n: Int = 1) { storage.add(n, ordering: .relaxed) }
    func max(_ n: Int) { storage.max(n, ordering: .relaxed) }
    var value: Int { storage.load(ordering: .relaxed) }
}
