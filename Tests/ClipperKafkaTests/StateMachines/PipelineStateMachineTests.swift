import Testing

@testable import ClipperKafka

/// Drives the pipeline's state machine without Kafka: every decision about what is stored, committed, paused and
/// dispatched, event by event.
@Suite("PipelineStateMachine")
struct PipelineStateMachineTests {
    final class Lane: Sendable {
        let partition: TopicPartition
        init(_ partition: TopicPartition) { self.partition = partition }
    }

    typealias Machine = PipelineStateMachine<Lane>

    let tp = TopicPartition(topic: "in", partition: 0)
    let other = TopicPartition(topic: "in", partition: 1)

    func machine(laneCapacity: Int = 100, commitsOffsets: Bool = true, stopsAtEnd: Bool = false) -> Machine {
        Machine(
            limits: PipelineLimits(laneCapacity: laneCapacity, maxInFlightBytes: 1 << 20),
            commitsOffsets: commitsOffsets, stopsAtEnd: stopsAtEnd, makeLane: { Lane($0) })
    }

    /// The lane the machine started for `tp`.
    func lane(_ machine: Machine, _ tp: TopicPartition) throws -> Lane {
        try #require(machine.entries[tp]?.lane)
    }

    func poll(_ machine: inout Machine, _ tp: TopicPartition, _ offsets: ClosedRange<Int64>) {
        for offset in offsets { _ = machine.handle(.recordPolled(tp, offset: offset, bytes: 10)) }
    }

    func ack(_ machine: inout Machine, _ lane: Lane, _ tp: TopicPartition, _ offset: Int64) -> [Machine.Action] {
        machine.handle(.acked([Machine.Ack(lane: lane, partition: tp, offset: offset, bytes: 10)]))
    }

    func stored(_ actions: [Machine.Action]) -> [TopicPartition: Int64]? {
        for case .storeOffsets(let offsets) in actions { return offsets }
        return nil
    }

    func committed(_ actions: [Machine.Action]) -> [TopicPartitionOffset]? {
        for case .commit(let offsets) in actions { return offsets }
        return nil
    }

    func contains(_ actions: [Machine.Action], _ predicate: (Machine.Action) -> Bool) -> Bool {
        actions.contains(where: predicate)
    }

    @Test func anAssignmentStartsOneLanePerNewPartitionAndPolledRecordsAreDispatchedToIt() throws {
        var machine = machine()
        let actions = machine.handle(.assigned([tp, other]))
        #expect(actions.filter(\.startsLane).count == 2)
        #expect(machine.handle(.assigned([tp])).filter(\.startsLane).isEmpty, "an assigned partition keeps its lane")
        let lane = try lane(machine, tp)
        let polled = machine.handle(.recordPolled(tp, offset: 7, bytes: 10))
        #expect(contains(polled) { if case .dispatch(let target) = $0 { target === lane } else { false } })
        #expect(machine.handle(.recordPolled(tp, offset: 7, bytes: 10)).isEmpty, "a repeated offset is not dispatched")
    }

    @Test func outOfOrderAcksStoreOnlyTheHighestContiguousOffset() throws {
        var machine = machine()
        _ = machine.handle(.assigned([tp]))
        let lane = try lane(machine, tp)
        poll(&machine, tp, 0...3)
        #expect(stored(ack(&machine, lane, tp, 2)) == nil)
        #expect(stored(ack(&machine, lane, tp, 1)) == nil)
        #expect(stored(ack(&machine, lane, tp, 0)) == [tp: 3], "0, 1, 2 are done: the next offset to read is 3")
        #expect(stored(ack(&machine, lane, tp, 3)) == [tp: 4])
    }

    @Test func aRevokeDuringDeliveryWaitsForTheAcksThenCommitsWhatIsContiguous() throws {
        var machine = machine()
        _ = machine.handle(.assigned([tp]))
        let lane = try lane(machine, tp)
        poll(&machine, tp, 0...2)
        _ = ack(&machine, lane, tp, 0)
        let revoked = machine.handle(.revoked([tp]))
        #expect(contains(revoked) { if case .stopLane(_, let discard) = $0 { !discard } else { false } })
        #expect(!contains(revoked) { if case .drainDone = $0 { true } else { false } }, "two records are in flight")
        _ = ack(&machine, lane, tp, 2)
        let last = ack(&machine, lane, tp, 1)
        #expect(stored(last) == [tp: 3])
        #expect(contains(last) { if case .drainDone = $0 { true } else { false } })
        let completed = machine.handle(.revokeCompleted([tp]))
        #expect(committed(completed) == [TopicPartitionOffset(topic: "in", partition: 0, offset: 3)])
        #expect(machine.entries[tp] == nil)
        #expect(stored(ack(&machine, lane, tp, 2)) == nil, "a late ack of a revoked partition is ignored")
    }

    @Test func aRevokeThatTimesOutCommitsOnlyTheAckedPrefix() throws {
        var machine = machine()
        _ = machine.handle(.assigned([tp]))
        let lane = try lane(machine, tp)
        poll(&machine, tp, 0...2)
        _ = ack(&machine, lane, tp, 0)
        _ = ack(&machine, lane, tp, 2)
        _ = machine.handle(.revoked([tp]))
        let completed = machine.handle(.revokeCompleted([tp]))
        #expect(committed(completed) == [TopicPartitionOffset(topic: "in", partition: 0, offset: 1)], "1 is redelivered")
    }

    @Test func lostPartitionsAreNeverCommittedAndTheirAcksAreIgnored() throws {
        var machine = machine()
        _ = machine.handle(.assigned([tp]))
        let lane = try lane(machine, tp)
        poll(&machine, tp, 0...1)
        let lost = machine.handle(.lost([tp]))
        #expect(contains(lost) { if case .stopLane(_, let discard) = $0 { discard } else { false } })
        #expect(stored(ack(&machine, lane, tp, 0)) == nil)
        #expect(committed(machine.handle(.revokeCompleted([tp]))) == nil)
        #expect(machine.handle(.recordPolled(tp, offset: 2, bytes: 10)).isEmpty)
    }

    @Test func aReassignedPartitionGetsANewLaneAndTheOldLanesAcksAreIgnored() throws {
        var machine = machine()
        _ = machine.handle(.assigned([tp]))
        let old = try lane(machine, tp)
        poll(&machine, tp, 0...0)
        _ = machine.handle(.lost([tp]))
        _ = machine.handle(.revokeCompleted([tp]))
        _ = machine.handle(.assigned([tp]))
        let new = try lane(machine, tp)
        #expect(new !== old)
        poll(&machine, tp, 5...5)
        #expect(stored(ack(&machine, old, tp, 0)) == nil)
        #expect(stored(ack(&machine, new, tp, 5)) == [tp: 6])
    }

    @Test func aFullLanePausesItsPartitionAndDrainingResumesIt() throws {
        var machine = machine(laneCapacity: 4)
        _ = machine.handle(.assigned([tp]))
        let lane = try lane(machine, tp)
        var actions: [Machine.Action] = []
        for offset in Int64(0)...3 { actions += machine.handle(.recordPolled(tp, offset: offset, bytes: 10)) }
        #expect(contains(actions) { if case .pause(let partitions) = $0 { partitions == [tp] } else { false } })
        let resumed = ack(&machine, lane, tp, 0) + ack(&machine, lane, tp, 1)
        #expect(contains(resumed) { if case .resume(let partitions) = $0 { partitions == [tp] } else { false } })
    }

    @Test func shutdownHoldsEveryPartitionAndSaysWhenTheRecordsInFlightAreDone() throws {
        var machine = machine()
        _ = machine.handle(.assigned([tp, other]))
        let lane = try lane(machine, tp)
        poll(&machine, tp, 0...1)
        let shutdown = machine.handle(.shutdownRequested)
        #expect(contains(shutdown) { if case .pause(let partitions) = $0 { Set(partitions) == [tp, other] } else { false } })
        #expect(!contains(shutdown) { if case .drainDone = $0 { true } else { false } })
        #expect(!contains(ack(&machine, lane, tp, 1)) { if case .drainDone = $0 { true } else { false } })
        let last = ack(&machine, lane, tp, 0)
        #expect(stored(last) == [tp: 2])
        #expect(contains(last) { if case .drainDone = $0 { true } else { false } })
        #expect(machine.totalInFlight == 0)
    }

    @Test func aPartitionAssignedDuringShutdownIsHeldAtOnce() {
        var machine = machine()
        _ = machine.handle(.shutdownRequested)
        let actions = machine.handle(.assigned([tp]))
        #expect(contains(actions) { if case .pause(let partitions) = $0 { partitions == [tp] } else { false } })
    }

    @Test func halfALaneOfStoredOffsetsStartsAnEarlyCommit() throws {
        var machine = machine(laneCapacity: 4)
        _ = machine.handle(.assigned([tp]))
        let lane = try lane(machine, tp)
        poll(&machine, tp, 0...2)
        #expect(!contains(ack(&machine, lane, tp, 0)) { if case .commitStoredAsync = $0 { true } else { false } })
        #expect(!contains(ack(&machine, lane, tp, 1)) { if case .commitStoredAsync = $0 { true } else { false } })
        #expect(contains(ack(&machine, lane, tp, 2)) { if case .commitStoredAsync = $0 { true } else { false } })
    }

    @Test func aReplayFinishesWhenEveryRangeIsProcessedToItsEnd() throws {
        var machine = machine(commitsOffsets: false, stopsAtEnd: true)
        let ranges = [
            PartitionRange(topic: "in", partition: 0, startOffset: 0, endOffset: 2),
            PartitionRange(topic: "in", partition: 1, startOffset: 5, endOffset: 5),
        ]
        #expect(machine.handle(.rangesAssigned(ranges)).filter(\.startsLane).count == 2)
        let lane = try lane(machine, tp)
        let polled = machine.handle(.recordPolled(tp, offset: 0, bytes: 10))
            + machine.handle(.recordPolled(tp, offset: 1, bytes: 10))
        #expect(contains(polled) { if case .pause(let partitions) = $0 { partitions == [tp] } else { false } }, "held at its end")
        #expect(machine.handle(.recordPolled(tp, offset: 2, bytes: 10)).filter { if case .dispatch = $0 { true } else { false } }.isEmpty)
        let first = ack(&machine, lane, tp, 0)
        #expect(stored(first) == nil, "a replay never stores offsets")
        #expect(!contains(first) { if case .rangesFinished = $0 { true } else { false } })
        #expect(contains(ack(&machine, lane, tp, 1)) { if case .rangesFinished = $0 { true } else { false } })
    }

    @Test func commitResultsAndDeliveryFailuresAreCounted() {
        var machine = machine()
        _ = machine.handle(.commitResult(succeeded: true))
        _ = machine.handle(.commitResult(succeeded: false))
        _ = machine.handle(.deliveryFailed(fatal: false))
        #expect(machine.commits == 1 && machine.commitFailures == 1 && machine.deliveryFailures == 1)
    }
}
