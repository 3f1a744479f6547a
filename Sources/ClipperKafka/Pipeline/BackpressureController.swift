/// Decides when partitions are paused and resumed so that un-acked records per partition and un-acked bytes
/// overall stay bounded. Pure state machine: feed it events, execute the actions it returns.
///
/// A partition is paused while any of these holds: its lane is full (count reached `laneCapacity`, until it drains
/// to the resume threshold), in-flight bytes are high (reached the pause threshold, until they drop to the resume
/// threshold), or it is held (end offset reached, shutdown).
///
/// ```swift
/// var controller = BackpressureController(limits: PipelineLimits(laneCapacity: 2))
/// controller.assigned(tp)
/// controller.dispatched(tp, bytes: 10)       // []
/// controller.dispatched(tp, bytes: 10)       // [.pause([tp])]
/// controller.completed(tp, bytes: 10)        // [.resume([tp])]  (resume threshold 1)
/// ```
public struct BackpressureController: Sendable {
    /// What the caller must do.
    public enum Action: Sendable, Hashable {
        /// Call `rd_kafka_pause_partitions` for these.
        case pause([TopicPartition])
        /// Call `rd_kafka_resume_partitions` for these.
        case resume([TopicPartition])
    }

    struct PartitionState: Sendable {
        var count = 0
        var bytes = 0
        var laneFull = false
        var held = false
        var paused = false
    }

    let laneCapacity: Int
    let laneResume: Int
    let bytesPause: Int
    let bytesResume: Int
    private(set) var partitions: [TopicPartition: PartitionState] = [:]
    /// Un-acked bytes over all partitions.
    public private(set) var totalBytes = 0
    /// Whether the byte limit currently pauses every partition.
    public private(set) var bytesFull = false
    /// Partition pauses issued so far, for any reason (each paused partition counts once per pause).
    public private(set) var pauseCount = 0
    /// Partition resumes issued so far (each resumed partition counts once per resume).
    public private(set) var resumeCount = 0

    /// Creates a controller from pipeline limits.
    ///
    /// ```swift
    /// BackpressureController(limits: PipelineLimits())
    /// ```
    public init(limits: PipelineLimits) {
        laneCapacity = max(1, limits.laneCapacity)
        laneResume = min(max(0, limits.effectiveLaneResume), laneCapacity - 1)
        bytesPause = max(1, limits.effectiveBytesPause)
        bytesResume = min(limits.effectiveBytesResume, bytesPause - 1)
    }

    /// Un-acked records of a partition.
    public func inFlight(_ tp: TopicPartition) -> Int { partitions[tp]?.count ?? 0 }
    /// Un-acked bytes of a partition.
    public func inFlightBytes(_ tp: TopicPartition) -> Int { partitions[tp]?.bytes ?? 0 }
    /// Whether a partition is currently paused.
    public func isPaused(_ tp: TopicPartition) -> Bool { partitions[tp]?.paused ?? false }
    /// Paused partitions.
    public var pausedPartitions: [TopicPartition] { partitions.filter { $0.value.paused }.map(\.key).sorted() }

    /// A partition was assigned (starts unpaused, as librdkafka assigns it).
    ///
    /// ```swift
    /// let actions = controller.assigned(tp)
    /// ```
    @discardableResult
    public mutating func assigned(_ tp: TopicPartition) -> [Action] {
        if partitions[tp] == nil { partitions[tp] = PartitionState() }
        return reconcile([tp])
    }

    /// A partition was revoked or lost: forget it (its bytes no longer count).
    ///
    /// ```swift
    /// controller.removed(tp)
    /// ```
    @discardableResult
    public mutating func removed(_ tp: TopicPartition) -> [Action] {
        guard let state = partitions.removeValue(forKey: tp) else { return [] }
        totalBytes -= state.bytes
        return updateBytes()
    }

    /// A record of `bytes` was handed to the partition's lane.
    ///
    /// ```swift
    /// for action in controller.dispatched(tp, bytes: record.byteCount) { execute(action) }
    /// ```
    public mutating func dispatched(_ tp: TopicPartition, bytes: Int) -> [Action] {
        guard var state = partitions[tp] else { return [] }
        state.count += 1
        state.bytes += bytes
        if state.count >= laneCapacity { state.laneFull = true }
        partitions[tp] = state
        totalBytes += bytes
        return updateBytes(also: [tp])
    }

    /// A record of `bytes` was acked.
    ///
    /// ```swift
    /// for action in controller.completed(tp, bytes: n) { execute(action) }
    /// ```
    public mutating func completed(_ tp: TopicPartition, bytes: Int) -> [Action] {
        guard var state = partitions[tp] else { return [] }
        state.count -= 1
        state.bytes -= bytes
        if state.laneFull, state.count <= laneResume { state.laneFull = false }
        partitions[tp] = state
        totalBytes -= bytes
        return updateBytes(also: [tp])
    }

    /// Holds (pauses) or releases a partition regardless of load, e.g. at its end offset or during shutdown.
    ///
    /// ```swift
    /// controller.hold(tp, true)
    /// ```
    public mutating func hold(_ tp: TopicPartition, _ held: Bool) -> [Action] {
        guard partitions[tp] != nil else { return [] }
        partitions[tp]?.held = held
        return reconcile([tp])
    }

    /// Holds every partition (shutdown).
    ///
    /// ```swift
    /// controller.holdAll()
    /// ```
    public mutating func holdAll() -> [Action] {
        for tp in partitions.keys { partitions[tp]?.held = true }
        return reconcile(Array(partitions.keys))
    }

    private mutating func updateBytes(also touched: [TopicPartition] = []) -> [Action] {
        let wasFull = bytesFull
        if !bytesFull, totalBytes >= bytesPause { bytesFull = true }
        if bytesFull, totalBytes <= bytesResume { bytesFull = false }
        return reconcile(wasFull != bytesFull ? Array(partitions.keys) : touched)
    }

    private mutating func reconcile(_ touched: [TopicPartition]) -> [Action] {
        var pause: [TopicPartition] = []
        var resume: [TopicPartition] = []
        for tp in touched {
            guard var state = partitions[tp] else { continue }
            let shouldPause = state.laneFull || state.held || bytesFull
            if shouldPause != state.paused {
                state.paused = shouldPause
                partitions[tp] = state
                if shouldPause { pause.append(tp) } else { resume.append(tp) }
            }
        }
        pauseCount += pause.count
        resumeCount += resume.count
        var actions: [Action] = []
        if !pause.isEmpty { actions.append(.pause(pause.sorted())) }
        if !resume.isEmpty { actions.append(.resume(resume.sorted())) }
        return actions
    }
}
