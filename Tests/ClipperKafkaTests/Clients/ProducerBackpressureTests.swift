import ClipperKafka
import Foundation
import Synchronization
import Testing

@Suite("Producer backpressure", .timeLimit(.minutes(1)))
struct ProducerBackpressureTests {
    @Test func aFullLocalQueueMakesProduceWaitInsteadOfFailing() async throws {
        let cluster = try TestCluster()
        try cluster.broker.createTopic("qf.out", partitions: 1)
        cluster.broker.setRoundTripTime(broker: 1, milliseconds: 20)   // keep the tiny queue full for a while
        var settings = cluster.producerSettings
        settings.client.properties["queue.buffering.max.messages"] = "5"
        let producer = try KafkaProducer(settings: settings, logger: cluster.logger)
        let delivered = Counter()
        let failed = Counter()
        for index in 0..<300 {
            try await producer.produce(OutgoingRecord(topic: "qf.out", key: nil, value: Array("m\(index)".utf8))) { result in
                switch result {
                case .success: delivered.add()
                case .failure: failed.add()
                }
            }
        }
        #expect(await producer.flush(timeout: .seconds(30)))
        #expect(delivered.value == 300)
        #expect(failed.value == 0)
        let report = try await producer.send(OutgoingRecord(topic: "qf.out", key: nil, value: [1]))
        #expect(report.offset == 300)
        await producer.close()
    }
}
