import Foundation
import Testing

@testable import ClipperWorker

@Suite struct HealthReportTests {
    let now = Date()

    func report(lastPoll: Date?, stuck: [String] = [], joined: Bool = true, producer: Bool = true,
                shuttingDown: Bool = false, started: Bool = true) -> HealthReport {
        HealthReport(lastPoll: lastPoll, now: now, pollStaleAfter: 10, stuckProcessors: stuck, groupJoined: joined,
                     producerConnected: producer, shuttingDown: shuttingDown, started: started)
    }

    @Test func readyOnlyWhenJoinedConnectedAndNotShuttingDown() {
        #expect(report(lastPoll: now).isReady)
        #expect(!report(lastPoll: now, joined: false).isReady)
        #expect(!report(lastPoll: now, producer: false).isReady)
        #expect(!report(lastPoll: now, shuttingDown: true).isReady)
        #expect(!report(lastPoll: nil, started: false).isReady)
        #expect(report(lastPoll: now, joined: false).readinessProblems == ["consumer group not joined"])
    }

    @Test func notLiveWhenThePollLoopStallsOrAProcessorIsStuck() {
        #expect(report(lastPoll: now.addingTimeInterval(-5)).isLive)
        #expect(!report(lastPoll: now.addingTimeInterval(-30)).isLive)
        #expect(!report(lastPoll: now, stuck: ["entities"]).isLive)
        #expect(report(lastPoll: now, stuck: ["entities"]).livenessProblems == ["processor entities is stuck"])
        #expect(report(lastPoll: nil, started: false).isLive, "before start the process is alive, just not ready")
    }
}
