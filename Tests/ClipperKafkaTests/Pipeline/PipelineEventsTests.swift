import ClipperKafka
import Foundation
import Synchronization
import Testing

@Suite("Pipeline events and status", .timeLimit(.minutes(1)))
struct PipelineEventsTests {
    @Test func reportsAssignmentCommitsStatisticsLagAndACleanStop() async throws {
        let cluster = try TestCluster()
        try cluster.broker.createTopic("ev.in", partitions: 2)
        try cluster.broker.createTopic("ev.out", partitions: 2)
        try await cluster.load("ev.in", count: 400, partitions: 2)
        let group = "ev-group"
        let pipeline = try cluster.pipeline(.subscribe(topics: ["ev.in"]), group: group)
        let events = EventNames()
        let sawLag = Counter()
        let handled = Handled()
        try await withTimeout(.seconds(40), "events run") {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask {
                    for await event in pipeline.events {
                        let name: String
                        switch event {
                        case .assigned: name = "assigned"
                        case .revoked: name = "revoked"
                        case .lost: name = "lost"
                        case .commitSucceeded: name = "commitSucceeded"
                        case .commitFailed: name = "commitFailed"
                        case .paused: name = "paused"
                        case .resumed: name = "resumed"
                        case .statistics(let statistics):
                            if !statistics.consumerLag.isEmpty { sawLag.add() }
                            name = "statistics"
                        case .log: name = "log"
                        case .error: name = "error"
                        case .deliveryFailed: name = "deliveryFailed"
                        case .stopped(let closeTimedOut): name = closeTimedOut ? "stoppedAfterWatchdog" : "stopped"
                        }
                        events.append(name)
                    }
                }
                tasks.addTask { try await pipeline.run(process: { handled.record($0); return .drop }, deliveryFailed: retryOriginal) }
                try await eventually("all handled and stored") {
                    handled.count == 400 && pipeline.status.storedOffsets.values.reduce(0, +) == 400
                }
                let status = pipeline.status
                #expect(status.groupJoined)
                #expect(status.assignedPartitions.count == 2)
                #expect(status.lastPoll.map { Date().timeIntervalSince($0) < 5 } == true, "poll loop is live")
                try await eventually("lag figures from statistics") { sawLag.value > 0 }
                pipeline.shutdown()
                pipeline.shutdown()   // idempotent
                try await tasks.waitForAll()
            }
        }
        let names = events.names
        #expect(names.contains("assigned"))
        #expect(names.contains("commitSucceeded"))
        #expect(names.contains("statistics"))
        #expect(names.last == "stopped")
        #expect(pipeline.status.closeWatchdogFired == false)
        #expect(pipeline.status.shuttingDown)
        // describeGroup is not checked here: the mock cluster does not implement ListGroups/DescribeGroups.
    }
}

final class EventNames: Sendable {
    private let storage = Mutex<[String]>([])
    func append(_ name: String) { storage.withLock { $0.append(name) } }
    var names: [String] { storage.withLock { $0 } }
}
