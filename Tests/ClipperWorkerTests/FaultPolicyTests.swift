import ClipperCore
import ClipperKafka
import Foundation
import Testing

@testable import ClipperWorker

/// The worker's fault decisions without Kafka: the delivery-failure ladder, the truncated dead letter, stuck
/// partitions, the health verdicts for faults, and the exit statuses.
@Suite struct FaultPolicyTests {
    let tp = TopicPartition(topic: "in", partition: 0)

    @Test func aTooLargeRecordClimbsOneStepPerFailureAndTheLastStepIsACountedDrop() {
        #expect(DeliveryFailurePolicy.next(after: .output, retriable: false, tooLarge: true) == .deadLetter)
        #expect(DeliveryFailurePolicy.next(after: .deadLetter, retriable: false, tooLarge: true) == .truncatedDeadLetter)
        #expect(DeliveryFailurePolicy.next(after: .truncatedDeadLetter, retriable: false, tooLarge: true) == .drop)
        #expect(DeliveryFailurePolicy.isTooLarge(KafkaError(code: .messageSizeTooLarge, text: "too large")))
    }

    @Test func otherFailuresRetryRatherThanDropAndAnOutputRefusedForGoodIsDeadLettered() {
        #expect(DeliveryFailurePolicy.next(after: .output, retriable: false, tooLarge: false) == .deadLetter)
        #expect(DeliveryFailurePolicy.next(after: .output, retriable: true, tooLarge: false) == .retry)
        for failed in [DeliveryFailurePolicy.Failed.deadLetter, .truncatedDeadLetter] {
            #expect(DeliveryFailurePolicy.next(after: failed, retriable: true, tooLarge: false) == .retry)
            #expect(
                DeliveryFailurePolicy.next(after: failed, retriable: false, tooLarge: false) == .retry,
                "a missing topic or a refused ACL is fixed by an operator, not by dropping records")
        }
        #expect(!DeliveryFailurePolicy.isTooLarge(KafkaError(code: .unknownTopicOrPartition, text: "unknown")))
    }

    @Test func theTruncatedDeadLetterKeepsAPrefixAndSaysWhatWasCut() throws {
        let value = [UInt8](repeating: 0x61, count: 1_000_000)
        let input = ConsumedRecord(
            topic: "in", partition: 3, offset: 17, key: Array("k".utf8), value: value,
            headers: [KafkaHeader(name: "big", value: value)], timestamp: nil)
        let record = TruncatedDeadLetter.record(
            for: input, topic: "dlq", error: "Broker: Message size too large", pipelineVersion: "clipper/test")
        #expect(record.topic == "dlq")
        #expect(record.value?.count == TruncatedDeadLetter.valueLimit)
        #expect(record.key == Array("k".utf8))
        func header(_ name: String) -> String? {
            record.headers.first { $0.name == name }?.value.map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(header("mm-dlq-reason") == "oversize")
        #expect(header("mm-dlq-original-bytes") == "1000000")
        #expect(header("mm-dlq-original-sha256") == DocumentID.sha256Hex(bytes: value))
        #expect(header("mm-dlq-truncated") == "true")
        #expect(header("mm-src-offset") == "17")
        #expect(header("big") == nil, "the original headers are left out")
        #expect(DeliveryFailurePolicy.Failed(record) == .truncatedDeadLetter)
    }

    @Test func aLaggingPartitionWhoseOffsetStandsStillBecomesStuck() {
        var detector = StuckPartitionDetector(stuckAfter: .seconds(60))
        let start = ContinuousClock.now
        _ = detector.observe(stored: [tp: 5], lagging: [tp], assigned: [tp], now: start)
        let later = detector.observe(stored: [tp: 5], lagging: [tp], assigned: [tp], now: start + .seconds(61))
        #expect(later[tp] == .seconds(61))
        #expect(detector.stuck == [tp])
        _ = detector.observe(stored: [tp: 6], lagging: [tp], assigned: [tp], now: start + .seconds(62))
        #expect(detector.stuck.isEmpty, "the offset moved")
        _ = detector.observe(stored: [tp: 6], lagging: [], assigned: [tp], now: start + .seconds(200))
        #expect(detector.stuck.isEmpty, "no lag: an idle partition is not stuck")
        _ = detector.observe(stored: [tp: 6], lagging: [tp], assigned: [], now: start + .seconds(300))
        #expect(detector.stuck.isEmpty, "no longer assigned")
    }

    func report(_ change: (inout HealthReport) -> Void) -> HealthReport {
        var report = HealthReport(
            lastPoll: Date(), now: Date(), pollStaleAfter: 10, stuckProcessors: [], groupJoined: true,
            producerConnected: true, shuttingDown: false, started: true)
        report.statisticsKnown = true
        report.groupState = "up/steady"
        report.brokerSilence = 0.5
        change(&report)
        return report
    }

    @Test func faultsShowInLivenessAndReadiness() {
        #expect(report { _ in }.isLive && report { _ in }.isReady)
        let fatal = report { $0.fatalError = "fatal: Unknown Producer Id" }
        #expect(!fatal.isLive && !fatal.isReady)
        #expect(fatal.livenessProblems.first?.contains("Unknown Producer Id") == true)
        let stuck = report { $0.stuckPartitions = ["in[0]"] }
        #expect(!stuck.isLive)
        #expect(stuck.livenessProblems.first?.contains("in[0]") == true)
        let silent = report { $0.brokerSilence = 25 }
        #expect(silent.isLive && !silent.isReady)
        #expect(silent.readinessProblems == ["no broker has answered the consumer for 25 s"])
        #expect(!report { $0.brokerSilence = nil }.isReady, "no broker connection up")
        let rejoining = report { $0.groupState = "up/wait-join" }
        #expect(!rejoining.isReady)
        #expect(report { $0.statisticsKnown = false; $0.brokerSilence = nil; $0.groupState = nil }.isReady,
                "before the first statistics report the assignment decides")
    }

    @Test func eachWayOfStoppingHasItsOwnExitStatus() {
        let fatal = KafkaError(code: .fatal, isFatal: true, text: "Unknown Producer Id")
        #expect(WorkerError.closeTimedOut.exitCode == 2)
        #expect(WorkerError.fatalKafkaError(fatal).exitCode == 4)
        #expect(WorkerError.fatalKafkaError(fatal).description.contains("status 4"))
    }
}
