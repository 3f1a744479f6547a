import Foundation

/// The inputs of the health checks and the verdicts, as a pure value so the rules are testable without a server.
///
/// - live: the poll loop ran recently and no processor is stuck.
/// - ready: the group is joined (with an assignment, or explicitly idle), the producer reaches a broker, no
///   processor is waiting for an unavailable dependency (its database, say), and the worker is not shutting down.
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

    public var isLive: Bool { pollIsFresh && stuckProcessors.isEmpty }

    public var isReady: Bool {
        started && groupJoined && producerConnected && !shuttingDown && unavailableProcessors.isEmpty
    }

    /// Why the worker is not live, one reason per line (empty when live).
    public var livenessProblems: [String] {
        var problems: [String] = []
        if !pollIsFresh { problems.append("poll loop has not run for more than \(Int(pollStaleAfter)) s") }
        for name in stuckProcessors { problems.append("processor \(name) is stuck") }
        return problems
    }

    /// Why the worker is not ready, one reason per line (empty when ready).
    public var readinessProblems: [String] {
        var problems: [String] = []
        if !started { problems.append("pipeline not started") }
        if !groupJoined { problems.append("consumer group not joined") }
        if !producerConnected { problems.append("producer not connected to any broker") }
        if shuttingDown { problems.append("shutting down") }
        for (name, reason) in unavailableProcessors.sorted(by: { $0.key < $1.key }) {
            problems.append("processor \(name) is waiting (articles are retried, partitions hold): \(reason)")
        }
        return problems
    }
}
