import Testing

@testable import ClipperKafka

/// The state machine's fault decisions, without Kafka: a fatal client error, the end of the shutdown drain, records
/// skipped at shutdown, and the tracker forgetting them.
@Suite("PipelineStateMachine faults")
struct PipelineStateMachineFaultTests {
    final class Lane: Sendable {
        let partition: TopicPartition
        init(_ partition: TopicPartition) { self.partition = partition }
    }

    typealias Machine = PipelineStateMachine<Lane>

    let tp = TopicPartition(topic: "in", partition: 0)

    func assignedMachine(polled offsets: ClosedRange<Int64>) throws -> (Machine, Lane) {
        var machine = Machine(
            limits: PipelineLimits(laneCapacity: 100, maxInFlightBytes: 1 << 20), commitsOffsets: true,
            stopsAtEnd: false, makeLane: { Lane($0) })
        _ = machine.handle(.assigned([tp]))
        let lane = try #require(machine.entries[tp]?.lane)
        for offset in offsets { _ = machine.handle(.recordPolled(tp, offset: offset, bytes: 10)) }
        return (machine, lane)
    }

    func ack(_ lane: Lane, _ offset: Int64) -> Machine.Event {
        .acked([Machine.Ack(lane: lane, partition: tp, offset: offset, bytes: 10)])
    }

    func skip(_ lane: Lane, _ offset: Int64) -> Machine.Event {
        .skipped(Machine.Ack(lane: lane, partition: tp, offset: offset, bytes: 10))
    }

    static func isDrainDone(_ action: Machine.Action) -> Bool { if case .drainDone = action { true } else { false } }
    static func isAwaitDrain(_ action: Machine.Action) -> Bool {
        if case .awaitDrain = action { true } else { false }
    }

    @Test func aFailedDeliveryIsRecoveredUntilAFatalErrorThenNeverAgain() throws {
        var (machine, _) = try assignedMachine(polled: 0...2)
        let failed = machine.handle(.deliveryFailed(fatal: false))
        #expect(failed.contains { $0.recoversDelivery })
        #expect(machine.handle(.deliveryFailed(fatal: true)).isEmpty, "a fatal failure is never recovered")
        let fatal = machine.handle(.fatalError)
        #expect(fatal.contains(where: Self.isDrainDone), "nothing in flight can be delivered any more: stop waiting")
        #expect(fatal.contains { if case .pause(let partitions) = $0 { partitions == [tp] } else { false } })
        #expect(machine.shuttingDown)
        #expect(machine.handle(.deliveryFailed(fatal: false)).isEmpty, "a fatal producer's failures are not retried")
        #expect(machine.deliveryFailures == 3)
        #expect(machine.handle(.fatalError).isEmpty, "a second fatal error changes nothing")
    }

    @Test func aRevokeWaitsForItsRecordsUnlessTheShutdownDrainIsOver() throws {
        var (machine, _) = try assignedMachine(polled: 0...2)
        #expect(machine.handle(.revoked([tp])).contains(where: Self.isAwaitDrain))

        var (closing, _) = try assignedMachine(polled: 0...2)
        _ = closing.handle(.shutdownRequested)
        _ = closing.handle(.shutdownDrainEnded)
        let revoked = closing.handle(.revoked([tp]))
        #expect(!revoked.contains(where: Self.isAwaitDrain), "the close after a timed-out drain must not wait again")
        #expect(revoked.contains(where: Self.isDrainDone))

        var failed = try assignedMachine(polled: 0...2).0
        _ = failed.handle(.fatalError)
        #expect(!failed.handle(.revoked([tp])).contains(where: Self.isAwaitDrain))
    }

    @Test func recordsSkippedAtShutdownAreForgottenAndNeverStored() throws {
        var (machine, lane) = try assignedMachine(polled: 0...4)
        _ = machine.handle(ack(lane, 0))
        _ = machine.handle(.shutdownRequested)
        // Offset 1 is being delivered; the lane skips 2 (and so 3 and 4, which it holds behind it).
        let skipped = machine.handle(skip(lane, 2))
        #expect(!skipped.contains(where: Self.isDrainDone), "offset 1 is still in flight")
        #expect(machine.totalInFlight == 1)
        _ = machine.handle(skip(lane, 3))
        _ = machine.handle(skip(lane, 4))
        let last = machine.handle(ack(lane, 1))
        #expect(last.contains(where: Self.isDrainDone))
        #expect(last.contains { if case .storeOffsets(let offsets) = $0 { offsets == [tp: 2] } else { false } })
        #expect(machine.entries[tp]?.tracker.storeOffset == 2, "never past the first skipped record")
    }

    @Test func theTrackerForgetsASkippedOffsetAndEverythingAfterIt() {
        var tracker = PartitionAckTracker()
        for offset in Int64(10)...14 { tracker.dispatched(offset) }
        tracker.acked(10)
        tracker.acked(11)
        #expect(tracker.abandon(from: 12) == 3)
        #expect(tracker.inFlight == 0)
        #expect(tracker.storeOffset == 12)
        #expect(tracker.abandon(from: 13) == 0, "already forgotten")
        let again = tracker.dispatched(12)
        #expect(again, "read again later, it can be dispatched again")
        #expect(tracker.acked(12) == 12)
    }
}
