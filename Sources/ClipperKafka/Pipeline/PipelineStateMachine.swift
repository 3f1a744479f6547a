/// Every decision of a ``KafkaPipeline`` (assign, revoke, lost, dispatch, ack, store, commit, pause, resume,
/// shutdown) as one value: feed it an ``Event``, execute the ``Action``s it returns, in order. No Kafka, no threads,
/// no clock, so tests drive it directly. Built on ``PartitionAckTracker`` (which offset may be committed) and
/// ``BackpressureController`` (when to pause).
///
/// `Lane` is whatever carries a partition's records to its processing task (``PartitionLane`` in the pipeline, a
/// plain class in tests); the machine only compares lanes by identity, so acks from a lane that was revoked (and
/// perhaps replaced) are ignored.
///
/// ```swift
/// var machine = PipelineStateMachine<PartitionLane>(limits: limits, commitsOffsets: true, stopsAtEnd: false,
///                                                   makeLane: { PartitionLane($0) })
/// for action in machine.handle(.assigned([tp])) { execute(action) }  // [.startLane(lane), .clearStalePause([tp])]
/// for action in machine.handle(.recordPolled(tp, offset: 0, bytes: 100)) { execute(action) } // [.dispatch(lane)]
/// for action in machine.handle(.acked([.init(lane: lane, partition: tp, offset: 0, bytes: 100)])) { execute(action) }
/// // [.storeOffsets([tp: 1])]
/// ```
struct PipelineStateMachine<Lane: AnyObject & Sendable>: Sendable {
    /// What happened.
    enum Event: Sendable {
        /// The group assigned these partitions (new ones get a lane).
        case assigned([TopicPartition])
        /// An `.assign` source starts reading these ranges.
        case rangesAssigned([PartitionRange])
        /// The group takes these partitions back: stop their input and let in-flight records finish.
        case revoked([TopicPartition])
        /// These partitions are already someone else's: drop their records, never commit for them.
        case lost([TopicPartition])
        /// The revoke or loss of these partitions is over (drained, or the drain timed out): commit and forget them.
        case revokeCompleted([TopicPartition])
        /// The consumer returned a record.
        case recordPolled(TopicPartition, offset: Int64, bytes: Int)
        /// The consumer reached the end of a partition (`.assign` sources only).
        case partitionEnd(TopicPartition, nextOffset: Int64)
        /// Inputs are done: every outgoing record delivered, or dropped.
        case acked([Ack])
        /// A lane skipped this record, and so every later one it holds, because the pipeline is shutting down: the
        /// records are forgotten, never acked or stored, and read again after a restart.
        case skipped(Ack)
        /// An outgoing record failed delivery: `.recoverDelivery` (retry or replace it), unless the failure is
        /// `fatal` or a fatal error already stopped the pipeline (a fatal client delivers nothing more; the input
        /// stays uncommitted).
        case deliveryFailed(fatal: Bool)
        /// A client hit a fatal error (librdkafka `_FATAL`): stop fetching, stop waiting for deliveries that can no
        /// longer happen, commit what was delivered, close.
        case fatalError
        /// The shutdown drain is over (everything acked, or the drain timeout passed): a revoke during the close
        /// that follows must not wait for records again.
        case shutdownDrainEnded
        /// A commit finished.
        case commitResult(succeeded: Bool)
        /// Stop fetching and drain.
        case shutdownRequested
    }

    /// What the caller must do, in order.
    enum Action: Sendable {
        /// Start processing this new lane.
        case startLane(Lane)
        /// No more input for this lane; with `discardBuffered`, also skip what it holds and ignore its late acks.
        case stopLane(Lane, discardBuffered: Bool)
        case pause([TopicPartition])
        case resume([TopicPartition])
        /// Resume these newly assigned partitions quietly: one may still carry a pause from an earlier assignment.
        case clearStalePause([TopicPartition])
        /// Hand the polled record to this lane.
        case dispatch(Lane)
        /// Store these offsets (next offset to read) for the next commit.
        case storeOffsets([TopicPartition: Int64])
        /// Commit all stored offsets without waiting (a partition stored half a lane since the last commit).
        case commitStoredAsync
        /// Commit these offsets synchronously (revoke).
        case commit([TopicPartitionOffset])
        /// Every partition being revoked, or every partition at shutdown, has no record in flight any more (or a
        /// fatal error means they never will).
        case drainDone
        /// Wait (up to the drain timeout, woken by `.drainDone`) until these revoked partitions have no record in
        /// flight, before `.revokeCompleted` commits them.
        case awaitDrain([TopicPartition])
        /// Ask the handler what to do with the failed outgoing record (retry it, or produce a replacement).
        case recoverDelivery
        /// An `.assign` source has processed every range up to its end: shut down.
        case rangesFinished
    }

    /// One done input record.
    struct Ack: Sendable {
        var lane: Lane
        var partition: TopicPartition
        var offset: Int64
        var bytes: Int
    }

    /// What the machine knows about one assigned partition.
    struct Entry: Sendable {
        let lane: Lane
        var tracker = PartitionAckTracker()
        var endOffset: Int64?
        var reachedEnd = false
        var finished = false
        var draining = false
        var lost = false
    }

    let commitsOffsets: Bool
    /// `.assign` source whose ranges all have an end: finish by itself.
    let stopsAtEnd: Bool
    let earlyCommitEvery: Int64
    // The state below is changed only by the transitions (PipelineStateMachine+Transitions.swift).
    let makeLane: @Sendable (TopicPartition) -> Lane
    var entries: [TopicPartition: Entry] = [:]
    var controller: BackpressureController
    /// Per partition, the stored offset at which the last early commit was started.
    var earlyCommitMarks: [TopicPartition: Int64] = [:]
    var consumed = 0
    var commits = 0
    var commitFailures = 0
    var rebalances = 0
    var deliveryFailures = 0
    var groupJoined = false
    var shuttingDown = false
    /// Set by `.shutdownDrainEnded`: revokes no longer wait for in-flight records.
    var shutdownDrainOver = false
    /// Set by `.fatalError`: deliveries are no longer recovered, drains no longer wait.
    var fatal = false
    var finished = false

    init(
        limits: PipelineLimits, commitsOffsets: Bool, stopsAtEnd: Bool,
        makeLane: @escaping @Sendable (TopicPartition) -> Lane
    ) {
        controller = BackpressureController(limits: limits)
        self.commitsOffsets = commitsOffsets
        self.stopsAtEnd = stopsAtEnd
        earlyCommitEvery = Int64(max(1, limits.laneCapacity / 2))
        self.makeLane = makeLane
    }

    /// Records in flight over all partitions.
    var totalInFlight: Int { entries.values.reduce(0) { $0 + $1.tracker.inFlight } }

    /// Records in flight in these partitions.
    func inFlight(_ partitions: [TopicPartition]) -> Int {
        partitions.reduce(0) { $0 + (entries[$1]?.tracker.inFlight ?? 0) }
    }

    /// Takes one event; returns what to do, in order.
    mutating func handle(_ event: Event) -> [Action] {
        switch event {
        case .assigned(let partitions): return assigned(partitions)
        case .rangesAssigned(let ranges): return rangesAssigned(ranges)
        case .revoked(let partitions): return revoked(partitions, lost: false)
        case .lost(let partitions): return revoked(partitions, lost: true)
        case .revokeCompleted(let partitions): return revokeCompleted(partitions)
        case .recordPolled(let tp, let offset, let bytes): return recordPolled(tp, offset: offset, bytes: bytes)
        case .partitionEnd(let tp, let nextOffset): return partitionEnd(tp, nextOffset: nextOffset)
        case .acked(let acks): return acked(acks)
        case .skipped(let ack): return skipped(ack)
        case .deliveryFailed(let fatalFailure):
            deliveryFailures += 1
            return fatal || fatalFailure ? [] : [.recoverDelivery]
        case .fatalError: return fatalError()
        case .shutdownDrainEnded:
            shutdownDrainOver = true
            return []
        case .commitResult(let succeeded):
            if succeeded { commits += 1 } else { commitFailures += 1 }
            return []
        case .shutdownRequested: return shutdownRequested()
        }
    }
}

extension PipelineStateMachine.Action {
    /// Whether this asks for the recovery of a failed delivery.
    var recoversDelivery: Bool {
        if case .recoverDelivery = self { true } else { false }
    }

    /// Whether this starts a lane (executed before the consumer is assigned the partition).
    var startsLane: Bool {
        if case .startLane = self { true } else { false }
    }
}
