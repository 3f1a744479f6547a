import ClipperKafka
import Foundation
import Synchronization
import Testing

@Suite("Produce and consume on the embedded broker", .timeLimit(.minutes(1)))
struct RoundTripTests {
    @Test func producedRecordsComeBackWithKeysHeadersAndTimestamps() async throws {
        let cluster = try TestCluster()
        try cluster.broker.createTopic("rt.in", partitions: 2)
        try cluster.broker.createTopic("rt.out", partitions: 2)
        let producer = try KafkaProducer(settings: cluster.producerSettings, logger: cluster.logger)
        var reports: [DeliveryReport] = []
        for index in 0..<10 {
            let headers = [KafkaHeader(name: "schema", string: "mm.article.raw/1"), KafkaHeader(name: "null", value: nil),
                           KafkaHeader(name: "index", string: "\(index)")]
            reports.append(try await producer.send(OutgoingRecord(topic: "rt.in", key: Array("key-\(index)".utf8),
                                                                  value: Array("value-\(index)".utf8), headers: headers,
                                                                  partition: Int32(index % 2))))
        }
        await producer.close()
        #expect(reports.filter { $0.partition == 0 }.map(\.offset) == [0, 1, 2, 3, 4])

        // Replay both partitions through a pipeline into rt.out; it stops by itself at the end offsets.
        let seen = Mutex<[ConsumedRecord]>([])
        let replay = try cluster.pipeline(.assign([
            PartitionRange(topic: "rt.in", partition: 0, startOffset: PartitionRange.beginning, endOffset: 5),
            PartitionRange(topic: "rt.in", partition: 1, startOffset: 0, endOffset: 5),
        ]))
        try await withTimeout(.seconds(30), "replay") {
            try await replay.run(process: { record in
                seen.withLock { $0.append(record) }
                return .produce([OutgoingRecord(topic: "rt.out", key: record.key, value: record.value,
                                                headers: record.headers + [KafkaHeader(name: "copied", string: "yes")],
                                                partition: record.partition)])
            }, deliveryFailed: retryOriginal)
        }
        let records = seen.withLock { $0 }.sorted { ($0.partition, $0.offset) < ($1.partition, $1.offset) }
        #expect(records.count == 10)
        let first = try #require(records.first)
        #expect(first.key == Array("key-0".utf8))
        #expect(first.value == Array("value-0".utf8))
        #expect(first.headers == [KafkaHeader(name: "schema", string: "mm.article.raw/1"), KafkaHeader(name: "null", value: nil),
                                  KafkaHeader(name: "index", string: "0")])
        #expect(first.timestamp != nil)
        #expect(replay.status.produced == 10)

        // Read the copies back.
        let copies = Mutex<[ConsumedRecord]>([])
        let reader = try cluster.pipeline(.assign([
            PartitionRange(topic: "rt.out", partition: 0, startOffset: 0, endOffset: 5),
            PartitionRange(topic: "rt.out", partition: 1, startOffset: 0, endOffset: 5),
        ]))
        try await withTimeout(.seconds(30), "read back") {
            try await reader.run(process: { record in copies.withLock { $0.append(record) }; return .drop }, deliveryFailed: retryOriginal)
        }
        let copied = copies.withLock { $0 }
        #expect(copied.count == 10)
        #expect(copied.allSatisfy { $0.headers.last == KafkaHeader(name: "copied", string: "yes") })
    }

    @Test func adminReportsWatermarksPartitionsAndCommittedOffsets() async throws {
        let cluster = try TestCluster()
        let admin = try KafkaAdmin(client: cluster.client, embeddedBroker: cluster.broker, logger: cluster.logger)
        try await admin.createTopic("adm", partitions: 3)
        #expect(try await admin.partitionCount(topic: "adm") == 3)
        try await cluster.load("adm", count: 30, partitions: 3)
        let marks = try await admin.watermarks(topic: "adm", partition: 1)
        #expect(marks.low == 0 && marks.high == 10)
        try await admin.commitOffsets(group: "reset", [TopicPartitionOffset(topic: "adm", partition: 0, offset: 7)])
        let committed = try await admin.committedOffsets(group: "reset", topic: "adm")
        #expect(committed.first { $0.partition == 0 }?.offset == 7)
        #expect(committed.first { $0.partition == 1 }.map { $0.offset < 0 } == true)
    }
}
