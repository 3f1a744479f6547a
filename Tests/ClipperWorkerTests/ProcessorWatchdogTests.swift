import ClipperCore
import Testing

@testable import ClipperWorker

@Suite struct ProcessorWatchdogTests {
    @Test func reportsAttemptsRunningPastTheLimit() {
        let watchdog = ProcessorWatchdog(stuckAfter: .seconds(5))
        let start = ContinuousClock.now
        watchdog.processorStarted("entities", token: ProcessorRunToken(id: 1))
        watchdog.processorStarted("language", token: ProcessorRunToken(id: 2))
        #expect(watchdog.stuckProcessors(now: start + .seconds(1)).isEmpty)
        watchdog.processorFinished("language", token: ProcessorRunToken(id: 2), status: .ok, seconds: 0.1)
        #expect(watchdog.stuckProcessors(now: start + .seconds(10)) == ["entities"])
        watchdog.processorFinished("entities", token: ProcessorRunToken(id: 1), status: .failed, seconds: 10)
        #expect(watchdog.stuckProcessors(now: start + .seconds(20)).isEmpty)
        #expect(watchdog.inFlightAttempts == 0)
    }

    @Test func countersMoveBetweenKinds() {
        let counters = WorkerCounters()
        counters.add(.published)
        counters.add(.published)
        counters.move(from: .published, to: .deadLettered)
        #expect(counters.snapshot == WorkerCounters.Snapshot(published: 1, deadLettered: 1, dropped: 0))
        #expect(counters.snapshot.handled == 2)
    }
}
