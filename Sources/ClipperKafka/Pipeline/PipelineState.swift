/// The mutable state of a pipeline, guarded by one mutex.
struct PipelineState {
    struct LaneEntry {
        let lane: PartitionLane
        var tracker = PartitionAckTracker()
        var endOffset: Int64?
        var reachedEnd = false
        var finished = false
    }

    var lanes: [TopicPartition: LaneEntry] = [:]
    var controller: BackpressureController
    var consumed = 0
    var commits = 0
    var commitFailures = 0
    var rebalances = 0
    var deliveryFailures = 0
    var groupJoined = false
    var shuttingDown = false
    var finished = false

    init(limits: PipelineLimits) {
        controller = BackpressureController(limits: limits)
    }

    var totalInFlight: Int { lanes.values.reduce(0) { $0 + $1.tracker.inFlight } }

    /// For `.assign`: every range has an end and is fully processed.
    var allRangesFinished: Bool { !lanes.isEmpty && lanes.values.allSatisfy(\.finished) }
}
