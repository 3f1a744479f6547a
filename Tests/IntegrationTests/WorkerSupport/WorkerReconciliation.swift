import ClipperKafka
import Foundation

/// The output and dead-letter topics read back with kcat and indexed by the input position each record came from.
struct WorkerReconciliation {
    /// Input position → how many enriched records name it in `processing.input`.
    var outputs: [WorkerSourceOffset: Int] = [:]
    /// Input position → the `raw_id` of an enriched record that names it.
    var outputRawIDs: [WorkerSourceOffset: String] = [:]
    /// Input position → the dead letters whose `mm-src-*` headers name it.
    var deadLetters: [WorkerSourceOffset: [WorkerTopicRecord]] = [:]
    /// Records that name no input position, or another input topic.
    var unattributed: [String] = []
    var outputRecordCount = 0
    var deadLetterRecordCount = 0
    /// Output records without the `mm-schema` header.
    var outputsWithoutSchemaHeader = 0

    static func read(config: WorkerTestConfig, directory: URL) async throws -> WorkerReconciliation {
        var result = WorkerReconciliation()
        let outputs = try await WorkerKcat.read(
            topic: config.outputTopic, brokers: config.bootstrapServers, directory: directory)
        result.outputRecordCount = outputs.count
        for record in outputs {
            if record.header("mm-schema") == nil { result.outputsWithoutSchemaHeader += 1 }
            guard let input = record.enrichedInput, input.topic == config.inputTopic else {
                result.unattributed.append("output [\(record.partition)]@\(record.offset) has no processing.input")
                continue
            }
            result.outputs[input.source, default: 0] += 1
            result.outputRawIDs[input.source] = input.rawID
        }
        let letters = try await WorkerKcat.read(
            topic: config.deadLetterTopic, brokers: config.bootstrapServers, directory: directory)
        result.deadLetterRecordCount = letters.count
        for record in letters {
            guard let source = record.deadLetterSource, record.header("mm-src-topic") == config.inputTopic else {
                result.unattributed.append("dead letter [\(record.partition)]@\(record.offset) has no mm-src-* headers")
                continue
            }
            result.deadLetters[source, default: []].append(record)
        }
        return result
    }

    /// How many times the input at `source` is accounted for across both topics.
    func count(_ source: WorkerSourceOffset) -> Int {
        outputs[source, default: 0] + (deadLetters[source]?.count ?? 0)
    }

    /// Per input partition: 1 + the highest offset such that every offset from 0 up to it has an output or a dead
    /// letter (0 when offset 0 has neither).
    func contiguousEnds(partitions: Int32) -> [Int32: Int64] {
        var ends: [Int32: Int64] = [:]
        for partition in 0..<partitions {
            var next: Int64 = 0
            while count(WorkerSourceOffset(partition: partition, offset: next)) > 0 { next += 1 }
            ends[partition] = next
        }
        return ends
    }
}

/// Offsets and counts through the admin API (the mock cluster reports exact watermarks).
struct WorkerTopicProbe {
    let admin: KafkaAdmin

    init(brokers: String) throws {
        admin = try KafkaAdmin(
            client: KafkaClientSettings(bootstrapServers: brokers, clientID: "clipper-it-probe"),
            logger: WorkerTestEnvironment.logger)
    }

    /// Sum of the high watermarks of `topic` (the number of records it holds on the mock).
    func recordCount(topic: String, partitions: Int32) async throws -> Int64 {
        var total: Int64 = 0
        for partition in 0..<partitions {
            total += try await admin.watermarks(topic: topic, partition: partition).high
        }
        return total
    }

    /// High watermark of each partition of `topic`.
    func ends(topic: String, partitions: Int32) async throws -> [Int32: Int64] {
        var ends: [Int32: Int64] = [:]
        for partition in 0..<partitions {
            ends[partition] = try await admin.watermarks(topic: topic, partition: partition).high
        }
        return ends
    }

    /// The group's committed offsets on `topic` by partition (negative: none).
    func committed(group: String, topic: String) async throws -> [Int32: Int64] {
        var result: [Int32: Int64] = [:]
        for entry in try await admin.committedOffsets(group: group, topic: topic) {
            result[entry.partition] = entry.offset
        }
        return result
    }

    /// Whether the group committed everything up to each partition's end.
    func committedEverything(group: String, topic: String, ends: [Int32: Int64]) async -> Bool {
        guard let committed = try? await committed(group: group, topic: topic) else { return false }
        return ends.allSatisfy { committed[$0.key] == $0.value }
    }
}
