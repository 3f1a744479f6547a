import ClipperCore
import Synchronization
import Testing

@Suite struct ProcessorChainTests {
    let fastRetry = ErrorPolicy(maxAttempts: 3, backoffMilliseconds: 1, maxBackoffMilliseconds: 2, finally: .deadLetter)

    @Test func runsProcessorsInOrderAndStampsEachRun() async throws {
        let chain = ProcessorChain(steps: ["first", "second", "third"].map { ChainStep(processor: TestProcessors.tracer($0)) })
        guard case .publish(let article) = await chain.run(.sample(), context: ProcessorContext()) else {
            Issue.record("expected publish")
            return
        }
        #expect(article.processing.processors.map(\.name) == ["first", "second", "third"])
        #expect(article.processing.processors.allSatisfy { $0.status == .ok && $0.version == "1.2.3" })
        #expect(article.ext.keys.sorted() == ["first", "second", "third"])
    }

    @Test func dropStopsTheChainAndNamesTheProcessor() async {
        let later = Counter()
        let chain = ProcessorChain(steps: [
            ChainStep(processor: TestProcessors.dropper("gate", reason: "off-topic")),
            ChainStep(processor: TestProcessors.flaky("after", failures: 0, calls: later)),
        ])
        guard case .dropped(let processor, let reason, let article) = await chain.run(.sample(), context: ProcessorContext())
        else {
            Issue.record("expected a drop")
            return
        }
        #expect(processor == "gate")
        #expect(reason == "off-topic")
        #expect(article.processing.processors.last?.status == .dropped)
        #expect(later.count == 0)
    }

    @Test func retriesUntilTheProcessorSucceeds() async {
        let calls = Counter()
        let chain = ProcessorChain(steps: [
            ChainStep(processor: TestProcessors.flaky("flaky", failures: 2, calls: calls), policy: fastRetry)
        ])
        guard case .publish(let article) = await chain.run(.sample(), context: ProcessorContext()) else {
            Issue.record("expected publish after retries")
            return
        }
        #expect(calls.count == 3)
        #expect(article.processing.processors.first?.attempts == 3)
        #expect(article.ext["flaky"]?["attempt"] == 3)
    }

    @Test func deadLettersAfterTheLastAttempt() async {
        let calls = Counter()
        let chain = ProcessorChain(steps: [
            ChainStep(processor: TestProcessors.flaky("broken", failures: 99, calls: calls), policy: fastRetry)
        ])
        guard case .deadLetter(let failure) = await chain.run(.sample(), context: ProcessorContext()) else {
            Issue.record("expected dead letter")
            return
        }
        #expect(calls.count == 3)
        #expect(failure.attempts == 3)
        #expect(failure.processor == "broken")
        #expect(failure.reason == .processor)
        #expect(failure.message.contains("attempt 3 failed"))
    }

    @Test func skipPolicyMarksTheProcessorAndGoesOn() async {
        var policy = fastRetry
        policy.finally = .skip
        policy.maxAttempts = 1
        let chain = ProcessorChain(steps: [
            ChainStep(processor: TestProcessors.flaky("optional", failures: 99, calls: Counter()), policy: policy),
            ChainStep(processor: TestProcessors.tracer("next")),
        ])
        guard case .publish(let article) = await chain.run(.sample(), context: ProcessorContext()) else {
            Issue.record("expected publish")
            return
        }
        #expect(article.processing.processors.map(\.status) == [.skipped, .ok])
        #expect(article.processing.processors.first?.error?.contains("failed") == true)
        #expect(article.ext["optional"] == nil)
    }

    @Test func failPolicyHaltsInsteadOfPublishing() async {
        var policy = fastRetry
        policy.finally = .fail
        let chain = ProcessorChain(steps: [
            ChainStep(processor: TestProcessors.flaky("critical", failures: 99, calls: Counter()), policy: policy)
        ])
        guard case .halt(let failure) = await chain.run(.sample(), context: ProcessorContext()) else {
            Issue.record("expected halt")
            return
        }
        #expect(failure.processor == "critical")
    }

    @Test func aHangingProcessorTimesOutAndIsDeadLettered() async {
        let policy = ErrorPolicy(maxAttempts: 2, backoffMilliseconds: 1, maxBackoffMilliseconds: 1, finally: .deadLetter)
        let chain = ProcessorChain(steps: [
            ChainStep(processor: TestProcessors.sleeper("slow", seconds: 30), policy: policy, timeout: .milliseconds(50))
        ])
        let started = ContinuousClock.now
        guard case .deadLetter(let failure) = await chain.run(.sample(), context: ProcessorContext()) else {
            Issue.record("expected dead letter after timeouts")
            return
        }
        #expect(failure.reason == .timeout)
        #expect(failure.attempts == 2)
        #expect(ContinuousClock.now - started < .seconds(10), "the chain must not wait for the hung attempt")
    }

    @Test func aProcessorWritingOutsideItsSectionsFails() async {
        let sneaky = AnyProcessor(descriptor: TestProcessors.descriptor("sneaky", writes: [.ext])) { article, _ in
            article.language = LanguageTag(code: "xx", confidence: 1, detector: "sneaky")
            return .keep
        }
        let chain = ProcessorChain(steps: [ChainStep(processor: sneaky, policy: fastRetry)])
        guard case .deadLetter(let failure) = await chain.run(.sample(), context: ProcessorContext()) else {
            Issue.record("expected the trespass to fail the processor")
            return
        }
        #expect(failure.message.contains("language"))
    }

    @Test func aUserPluginMayNotTouchAnotherPluginsExt() async {
        let meddler = AnyProcessor(descriptor: TestProcessors.descriptor("meddler")) { article, _ in
            article.ext["someone_else"] = "changed"
            return .keep
        }
        let chain = ProcessorChain(steps: [ChainStep(processor: meddler, policy: fastRetry)])
        guard case .deadLetter = await chain.run(.sample(), context: ProcessorContext()) else {
            Issue.record("expected the ext trespass to fail the processor")
            return
        }
    }

    @Test func backoffDoublesUpToTheCap() {
        let policy = ErrorPolicy(maxAttempts: 10, backoffMilliseconds: 100, maxBackoffMilliseconds: 500)
        #expect((1...6).map(policy.backoff(beforeAttempt:)) == [0, 100, 200, 400, 500, 500])
    }
}

/// A processor whose dependency is out waits (retried with backoff, attempts not used up) and is never
/// dead-lettered for it; the observer hears about the outage and the recovery.
@Suite struct DependencyOutageTests {
    final class Recorder: ChainObserver {
        private let events = Mutex<[String]>([])
        func processorStarted(_ name: String, token: ProcessorRunToken) {}
        func processorFinished(_ name: String, token: ProcessorRunToken, status: ProcessorRunStatus, seconds: Double) {}
        func processorUnavailable(_ name: String, reason: String) { record("unavailable \(name): \(reason)") }
        func processorAvailable(_ name: String) { record("available \(name)") }
        func record(_ event: String) { events.withLock { $0.append(event) } }
        var all: [String] { events.withLock { $0 } }
    }

    @Test func anOutageIsWaitedOutNotDeadLettered() async {
        let calls = Counter()
        let outage = AnyProcessor(descriptor: TestProcessors.descriptor("store")) { article, _ in
            if calls.increment() <= 5 { throw DependencyUnavailable(dependency: "db", reason: "connection refused") }
            article.ext["store"] = ["ok": true]
            return .keep
        }
        let recorder = Recorder()
        let policy = ErrorPolicy(maxAttempts: 2, backoffMilliseconds: 1, maxBackoffMilliseconds: 2, finally: .deadLetter)
        let chain = ProcessorChain(steps: [ChainStep(processor: outage, policy: policy)], observer: recorder)
        guard case .publish(let article) = await chain.run(.sample(), context: ProcessorContext()) else {
            Issue.record("expected publish once the dependency is back")
            return
        }
        #expect(calls.count == 6, "five outage attempts beyond max_attempts 2, then success")
        #expect(article.processing.processors.first?.attempts == 1)
        #expect(recorder.all.first == "unavailable store: db unavailable: connection refused")
        #expect(recorder.all.last == "available store")
    }
}
