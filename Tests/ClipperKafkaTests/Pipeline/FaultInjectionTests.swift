import ClipperKafka
import Foundation
import Synchronization
import Testing

@Suite("Broker faults and delivery errors", .timeLimit(.minutes(1)))
struct FaultInjectionTests {
    @Test func recoversAfterABrokerGoesDownAndComesBackWithNothingLost() async throws {
        let cluster = try TestCluster(brokers: 3)
        try cluster.broker.createTopic("bd.in", partitions: 3)
        try cluster.broker.createTopic("bd.out", partitions: 3)
        let group = "bd-group"
        cluster.broker.setCoordinator(key: group, broker: 1)
        try await cluster.load("bd.in", count: 1_500, partitions: 3)

        let handled = Handled()
        let pipeline = try cluster.pipeline(.subscribe(topics: ["bd.in"]), group: group)
        try await withTimeout(.seconds(50), "broker down/up run") {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    try await pipeline.run(process: { record in
                        handled.record(record)
                        return .produce([OutgoingRecord(topic: "bd.out", key: record.key, value: record.value)])
                    }, deliveryFailed: retryOriginal)
                }
                try await eventually("some progress") { handled.count >= 300 }
                cluster.broker.setBrokerDown(2)   // leads one input and one output partition
                try await Task.sleep(for: .seconds(2))
                cluster.broker.setBrokerUp(2)
                try await cluster.load("bd.in", count: 300, partitions: 3)
                try await eventually("every offset handled") { handled.distinct >= 1_800 }
                try await eventually("all stored") {
                    let stored = pipeline.status.storedOffsets
                    return (0..<3).allSatisfy { stored[TopicPartition(topic: "bd.in", partition: $0)] == 600 }
                }
                pipeline.shutdown()
                try await tasks.waitForAll()
            }
        }
        for partition in Int32(0)..<3 {
            #expect(handled.offsets(TopicPartition(topic: "bd.in", partition: partition)) == Set(0..<600))
        }
        let admin = try KafkaAdmin(client: cluster.client, embeddedBroker: cluster.broker, logger: cluster.logger)
        let committed = try await admin.committedOffsets(group: group, topic: "bd.in")
        #expect(committed.map(\.offset) == [600, 600, 600])
        #expect(pipeline.status.produced >= 1_800)
    }

    @Test func retriableProduceErrorsAreRetriedWithoutCallingDeliveryFailed() async throws {
        let cluster = try TestCluster()
        try cluster.broker.createTopic("re.in", partitions: 2)
        try cluster.broker.createTopic("re.out", partitions: 2)
        try await cluster.load("re.in", count: 200, partitions: 2)
        // The next produce requests fail with retriable errors; librdkafka retries them.
        cluster.broker.injectRequestErrors(apiKey: 0, errors: [.notLeaderForPartition, .requestTimedOut, .notEnoughReplicas, .leaderNotAvailable])
        let failures = Counter()
        let pipeline = try cluster.pipeline(.assign([
            PartitionRange(topic: "re.in", partition: 0, startOffset: 0, endOffset: 100),
            PartitionRange(topic: "re.in", partition: 1, startOffset: 0, endOffset: 100),
        ]))
        try await withTimeout(.seconds(40), "retriable run") {
            try await pipeline.run(process: forward(to: "re.out"), deliveryFailed: { _, _, _ in failures.add(); return nil })
        }
        #expect(failures.value == 0)
        #expect(pipeline.status.produced == 200)
        let admin = try KafkaAdmin(client: cluster.client, embeddedBroker: cluster.broker, logger: cluster.logger)
        let out0 = try await admin.watermarks(topic: "re.out", partition: 0)
        let out1 = try await admin.watermarks(topic: "re.out", partition: 1)
        #expect(out0.high + out1.high == 200, "exactly 200 copies: idempotent retries add no duplicates")
    }

    @Test func nonRetriableFailureCallsDeliveryFailedAndTheReplacementIsDelivered() async throws {
        let cluster = try TestCluster()
        try cluster.broker.createTopic("nr.in", partitions: 1)
        try cluster.broker.createTopic("nr.out", partitions: 1)
        try cluster.broker.createTopic("nr.dlq", partitions: 1)
        try await cluster.load("nr.in", count: 20, partitions: 1)
        var producer = cluster.producerSettings
        producer.client.properties["message.max.bytes"] = "10000"
        let failed = Mutex<[(Int64, KafkaErrorCode)]>([])
        let pipeline = try KafkaPipeline(
            consumer: cluster.consumerSettings(), producer: producer,
            source: .assign([PartitionRange(topic: "nr.in", partition: 0, startOffset: 0, endOffset: 20)]),
            limits: PipelineLimits(), logger: cluster.logger)
        try await withTimeout(.seconds(40), "non-retriable run") {
            try await pipeline.run(process: { record in
                // Every 5th record becomes too large for message.max.bytes.
                let value = record.offset % 5 == 0 ? [UInt8](repeating: 0x41, count: 20_000) : record.value
                return .produce([OutgoingRecord(topic: "nr.out", key: record.key, value: value)])
            }, deliveryFailed: { input, outgoing, error in
                failed.withLock { $0.append((input.offset, error.code)) }
                #expect(!error.isRetriable)
                return OutgoingRecord(topic: "nr.dlq", key: input.key, value: input.value,
                                      headers: [KafkaHeader(name: "error", string: "\(error.code)")])
            })
        }
        let failures = failed.withLock { $0 }
        #expect(failures.map(\.0).sorted() == [0, 5, 10, 15])
        #expect(failures.allSatisfy { $0.1 == .messageSizeTooLarge })
        let admin = try KafkaAdmin(client: cluster.client, embeddedBroker: cluster.broker, logger: cluster.logger)
        #expect(try await admin.watermarks(topic: "nr.dlq", partition: 0).high == 4)
        #expect(try await admin.watermarks(topic: "nr.out", partition: 0).high == 16)
    }

    @Test func brokerRejectedRecordIsDeadLettered() async throws {
        let cluster = try TestCluster()
        try cluster.broker.createTopic("br.in", partitions: 1)
        try cluster.broker.createTopic("br.out", partitions: 1)
        try cluster.broker.createTopic("br.dlq", partitions: 1)
        try await cluster.load("br.in", count: 1, partitions: 1)
        // The broker rejects the next produce request with a non-retriable error.
        cluster.broker.injectRequestErrors(apiKey: 0, errors: [.messageSizeTooLarge])
        let calls = Counter()
        let pipeline = try cluster.pipeline(.assign([PartitionRange(topic: "br.in", partition: 0, startOffset: 0, endOffset: 1)]))
        try await withTimeout(.seconds(40), "broker-rejected run") {
            try await pipeline.run(process: forward(to: "br.out"), deliveryFailed: { input, _, error in
                calls.add()
                return OutgoingRecord(topic: "br.dlq", key: input.key, value: input.value,
                                      headers: [KafkaHeader(name: "error", string: "\(error.code)")])
            })
        }
        #expect(calls.value == 1)
        let admin = try KafkaAdmin(client: cluster.client, embeddedBroker: cluster.broker, logger: cluster.logger)
        #expect(try await admin.watermarks(topic: "br.dlq", partition: 0).high == 1)
    }
}

@Suite("Fatal client errors", .timeLimit(.minutes(1)))
struct FatalClientErrorTests {
    @Test func aFatalProducerErrorStopsThePipelineAfterCommittingWhatWasDelivered() async throws {
        let cluster = try TestCluster()
        try cluster.broker.createTopic("fa.in", partitions: 2)
        try cluster.broker.createTopic("fa.out", partitions: 2)
        try await cluster.load("fa.in", count: 2_000, partitions: 2)
        let group = "fa-group"
        let handled = Handled()
        let failures = Counter()
        let pipeline = try cluster.pipeline(.subscribe(topics: ["fa.in"]), group: group)
        let thrown: (any Error)? = try await withTimeout(.seconds(40), "fatal run") {
            try await withThrowingTaskGroup(of: (any Error)?.self) { tasks in
                tasks.addTask {
                    do {
                        try await pipeline.run(process: { record in
                            handled.record(record)
                            try? await Task.sleep(for: .milliseconds(5))  // a stream that is still flowing
                            return .produce([OutgoingRecord(topic: "fa.out", key: record.key, value: record.value)])
                        }, deliveryFailed: { _, _, _ in failures.add(); return nil })
                        return nil
                    } catch {
                        return error
                    }
                }
                tasks.addTask {
                    // Some deliveries, and a settled group (one commit went through): the mock refuses commits
                    // while its first rebalance is still running, which would leave nothing to check.
                    try await eventually("some deliveries") {
                        let status = pipeline.status
                        return status.produced >= 200 && status.commits >= 1
                    }
                    pipeline.injectFatalProducerError(reason: "fault-injection test")
                    return nil
                }
                var thrown: (any Error)?
                for try await result in tasks where result != nil { thrown = result }
                return thrown
            }
        }
        let error = try #require(thrown as? KafkaError, "run() must throw the fatal error, got \(String(describing: thrown))")
        #expect(error.isFatal)
        #expect(pipeline.status.fatalError != nil)
        #expect(failures.value == 0, "a fatal producer's failures are not handed to deliveryFailed")

        // What was committed was delivered: every input below the committed offset has its output (same key).
        let admin = try KafkaAdmin(client: cluster.client, embeddedBroker: cluster.broker, logger: cluster.logger)
        let committed = try await admin.committedOffsets(group: group, topic: "fa.in")
        let outputKeys = Set(try await TopicReader(client: cluster.client).readAll(topic: "fa.out").compactMap(\.key))
        var committedTotal: Int64 = 0
        for entry in committed where entry.offset > 0 {
            committedTotal += entry.offset
            for offset in 0..<entry.offset {
                let index = Int(offset) * 2 + Int(entry.partition)
                #expect(outputKeys.contains(Array("k\(index)".utf8)), "input [\(entry.partition)]@\(offset) committed, no output")
            }
        }
        let status = pipeline.status
        #expect(committedTotal > 0, "what was delivered before the fatal error is committed: \(committed); stored \(status.storedOffsets), commits \(status.commits), failed \(status.commitFailures), produced \(status.produced), assigned \(status.assignedPartitions)")
        #expect(committedTotal < 2_000, "the fatal error stops the pipeline mid-stream: \(committed)")
    }
}

@Suite("Shutdown with a record that never finishes", .timeLimit(.minutes(1)))
struct ShutdownCloseTests {
    /// The close after a timed-out drain used to wait for the same records again inside the revoke callback (a
    /// second drain timeout), so the close watchdog fired: exit status 2 after drain + close timeouts.
    @Test func aDrainThatTimesOutDoesNotMakeTheCloseWaitForTheRecordsAgain() async throws {
        let cluster = try TestCluster()
        try cluster.broker.createTopic("dc.in", partitions: 1)
        try await cluster.load("dc.in", count: 10, partitions: 1)
        var limits = PipelineLimits()
        limits.drainTimeout = .seconds(3)
        limits.closeTimeout = .seconds(2)
        let pipeline = try cluster.pipeline(.subscribe(topics: ["dc.in"]), limits: limits)
        let started = Counter()
        let elapsed = try await withTimeout(.seconds(40), "shutdown with a stuck record") {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    try await pipeline.run(process: { _ in
                        started.add()
                        try? await Task.sleep(for: .seconds(3600))  // a processor that hangs until cancelled
                        return .drop
                    }, deliveryFailed: retryOriginal)
                }
                try await eventually("a record being processed") { started.value >= 1 }
                let begin = ContinuousClock.now
                pipeline.shutdown()
                try await tasks.waitForAll()
                return ContinuousClock.now - begin
            }
        }
        #expect(!pipeline.status.closeWatchdogFired, "the close waited for the stuck record a second time")
        #expect(elapsed < .seconds(5), "drain timeout (3 s) plus a prompt close, took \(elapsed)")
        #expect(started.value == 1, "records behind the stuck one are skipped, not processed, at shutdown")
    }

    /// A processor policy `then: fail` stops the pipeline at once: the record and everything after it stay
    /// uncommitted (read again after a restart), without parking the lane until the drain times out.
    @Test func aStoppedRecordEndsThePipelineAndItAndEverythingAfterItStayUncommitted() async throws {
        let cluster = try TestCluster()
        try cluster.broker.createTopic("st.in", partitions: 1)
        try cluster.broker.createTopic("st.out", partitions: 1)
        try await cluster.load("st.in", count: 20, partitions: 1)
        var limits = PipelineLimits()
        limits.drainTimeout = .seconds(10)
        let group = "st-group"
        let pipeline = try cluster.pipeline(.subscribe(topics: ["st.in"]), group: group, limits: limits)
        let begin = ContinuousClock.now
        try await withTimeout(.seconds(40), "stop run") {
            try await pipeline.run(process: { record in
                record.offset == 5 ? .stop : .produce([OutgoingRecord(topic: "st.out", key: record.key, value: record.value)])
            }, deliveryFailed: retryOriginal)
        }
        let elapsed = ContinuousClock.now - begin
        let admin = try KafkaAdmin(client: cluster.client, embeddedBroker: cluster.broker, logger: cluster.logger)
        #expect(try await admin.committedOffsets(group: group, topic: "st.in").map(\.offset) == [5])
        #expect(try await admin.watermarks(topic: "st.out", partition: 0).high == 5, "nothing after the stopped record")
        #expect(elapsed < .seconds(10), "the drain did not wait for the stopped record: \(elapsed)")
    }
}
