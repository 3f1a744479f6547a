import Foundation

/// The inputs of the health checks and the verdicts, as a pure value so the rules are testable without a server.
///
/// - live: no Kafka client hit a fatal error, the poll loop ran recently, no processor is stuck, and no partition
///   with lag has had its committed offset stand still for `worker.stuck_partition_ms`.
/// - ready: the consumer group is joined and settled (`up/steady` in the consumer's statistics; zero partitions is
///   fine for a member with nothing to do), a broker answered the consumer within ``brokerSilentAfter`` seconds,
///   the producer is healthy (no fatal error, a broker connection up), no processor is waiting for an unavailable
///   dependency (its database, say), and the worker is not shutting down.
///
/// ```swift
/// let report = HealthReport(lastPoll: Date(), now: Date(), pollStaleAfter: 10, stuckProcessors: [],
///                           groupJoined: true, producerConnected: true, shuttingDown: false, started: true)
/// report.isLive  // true
/// report.isReady // true
/// ```
public struct HealthReport: Sendable, Hashable {
    public var lastPoll: Date?
    public var now: Date
    /// Seconds without a poll after which the loop counts as dead.
    public var pollStaleAfter: Double
    public var stuckProcessors: [String]
    public var groupJoined: Bool
    public var producerConnected: Bool
    public var shuttingDown: Bool
    /// Whether the pipeline has started (before that, liveness is granted and readiness is not).
    public var started: Bool
    /// Processors waiting for a dependency, with the reason (see `DependencyUnavailable`).
    public var unavailableProcessors: [String: String]
    /// The fatal Kafka client error that is stopping the worker, if any.
    public var fatalError: String?
    /// Partitions stalled with lag for `worker.stuck_partition_ms` (`topic[partition]`).
    public var stuckPartitions: [String] = []
    /// The consumer group's `state/join_state` from the latest statistics (`nil`: not known yet).
    public var groupState: String?
    /// Seconds since a broker last answered the consumer, from the latest statistics (`nil`: no connection up).
    public var brokerSilence: Double?
    /// Whether consumer statistics have arrived (without them, the group state and broker checks are skipped).
    public var statisticsKnown = false
    /// A broker silent for longer than this counts as unreachable (heartbeats and fetches answer every few seconds).
    public var brokerSilentAfter: Double = 10

    public init(
        lastPoll: Date?, now: Date, pollStaleAfter: Double, stuckProcessors: [String], groupJoined: Bool,
        producerConnected: Bool, shuttingDown: Bool, started: Bool, unavailableProcessors: [String: String] = [:]
    ) {
        self.unavailableProcessors = unavailableProcessors
        self.lastPoll = lastPoll
        self.now = now
        self.pollStaleAfter = pollStaleAfter
        self.stuckProcessors = stuckProcessors
        self.groupJoined = groupJoined
        self.producerConnected = producerConnected
        self.shuttingDown = shuttingDown
        self.started = started
    }

    public var pollIsFresh: Bool {
        guard started else { return true }
        guard let lastPoll else { return false }
        return now.timeIntervalSince(lastPoll) <= pollStaleAfter
    }

    public var isLive: Bool { fatalError == nil && pollIsFresh && stuckProcessors.isEmpty && stuckPartitions.isEmpty }

    /// Joined, and settled according to the latest statistics when there are any.
    public var groupSettled: Bool {
        guard groupJoined else { return false }
        guard statisticsKnown, let groupState else { return true }
        return groupState == "up/steady"
    }

    /// A broker answered the consumer recently (unknown before the first statistics: assumed reachable).
    public var brokerReachable: Bool {
        guard statisticsKnown else { return true }
        guard let brokerSilence else { return false }
        return brokerSilence <= brokerSilentAfter
    }

    public var isReady: Bool {
        started && groupSettled && brokerReachable && producerConnected && fatalError == nil && !shuttingDown
            && unavailableProcessors.isEmpty
    }

    /// Why the worker is not live, one reason per line (empty when live).
    public var livenessProblems: [String] {
        var problems: [String] = []
        if let fatalError { problems.append("fatal Kafka client error, the worker is exiting: \(fatalError)") }
        if !pollIsFresh { problems.append("poll loop has not run for more than \(Int(pollStaleAfter)) s") }
        for name in stuckProcessors { problems.append("processor \(name) is stuck") }
        for partition in stuckPartitions {
            problems.append(
                "partition \(partition) has lag and its committed offset has not moved (stuck_partition_ms)")
        }
        return problems
    }

    /// Why the worker is not ready, one reason per line (empty when ready).
    public var readinessProblems: [String] {
        var problems: [String] = []
        if !started { problems.append("pipeline not started") }
        if !groupJoined {
            problems.append("consumer group not joined")
        } else if !groupSettled {
            problems.append("consumer group not settled (state \(groupState ?? "?"), want up/steady)")
        }
        if !brokerReachable {
            problems.append(
                brokerSilence.map { "no broker has answered the consumer for \(Int($0)) s" }
                    ?? "no broker connection is up")
        }
        if fatalError != nil { problems.append("producer or consumer hit a fatal error") }
        if !producerConnected { problems.append("producer not connected to any broker") }
        if shuttingDown { problems.append("shutting down") }
        for (name, reason) in unavailableProcessors.sorted(by: { $0.key < $1.key }) {
            problems.append("processor \(name) is waiting (articles are retried, partitions hold): \(reason)")
        }
        return problems
    }
}
