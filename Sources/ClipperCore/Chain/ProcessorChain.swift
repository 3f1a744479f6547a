import Foundation
import Logging
import Synchronization

/// Runs an article through the configured processors, in order, applying each one's error policy and time limit.
///
/// The chain stamps each processor's name, version, status, attempts and duration into
/// `processing.processors`, and rejects a processor that writes outside its declared sections.
///
/// ```swift
/// let chain = ProcessorChain(steps: [ChainStep(processor: AnyProcessor(normalize))])
/// let result = await chain.run(Article(raw: raw), context: ProcessorContext())
/// ```
public struct ProcessorChain: Sendable {
    public let steps: [ChainStep]
    public let observer: any ChainObserver

    public init(steps: [ChainStep], observer: any ChainObserver = NoChainObserver()) {
        self.steps = steps
        self.observer = observer
    }

    /// The names of the processors, in order.
    public var processorNames: [String] { steps.map(\.processor.descriptor.name) }

    /// Runs every step on `article`.
    public func run(_ article: Article, context: ProcessorContext) async -> ChainResult {
        var article = article
        for step in steps {
            let descriptor = step.processor.descriptor
            var stepContext = context
            stepContext.logger[metadataKey: "processor"] = "\(descriptor.name)"
            let started = ContinuousClock.now
            let outcome = await runWithPolicy(step, article: article, context: stepContext)
            let milliseconds = (ContinuousClock.now - started).milliseconds
            switch outcome {
            case .finished(let updated, let result, let attempts):
                article = updated
                switch result {
                case .keep:
                    article.processing.processors.append(
                        .init(
                            name: descriptor.name, version: descriptor.version, status: .ok,
                            durationMS: milliseconds, attempts: attempts))
                case .drop(let reason):
                    article.processing.processors.append(
                        .init(
                            name: descriptor.name, version: descriptor.version, status: .dropped,
                            durationMS: milliseconds, attempts: attempts, note: reason))
                    return .dropped(processor: descriptor.name, reason: reason, article)
                }
            case .failed(let failure) where failure.reason == .unavailable:
                // Only reached when shutting down during an outage: never dead-letter or skip for an outage.
                return .halt(failure)
            case .failed(let failure):
                switch step.policy.finally {
                case .skip:
                    article.processing.processors.append(
                        .init(
                            name: descriptor.name, version: descriptor.version, status: .skipped,
                            durationMS: milliseconds, attempts: failure.attempts,
                            error: String(failure.message.prefix(512))))
                    stepContext.logger.warning(
                        "processor failed; skipped by policy", metadata: ["error": "\(failure.message)"])
                case .deadLetter:
                    return .deadLetter(failure)
                case .fail:
                    return .halt(failure)
                }
            }
        }
        return .publish(article)
    }

    enum StepOutcome: Sendable {
        case finished(Article, ProcessorOutcome, attempts: Int)
        case failed(ChainFailure)
    }

    private func runWithPolicy(_ step: ChainStep, article: Article, context: ProcessorContext) async -> StepOutcome {
        let name = step.processor.descriptor.name
        var lastFailure = ChainFailure(reason: .processor, processor: name, message: "not run", attempts: 0)
        var attempt = 0
        // Consecutive attempts that met an unavailable dependency; they do not count against max_attempts.
        var outageAttempts = 0
        while attempt < max(1, step.policy.maxAttempts) {
            attempt += 1
            if outageAttempts > 0 {
                if Task.isCancelled {
                    return .failed(
                        ChainFailure(
                            reason: .unavailable, processor: name,
                            message:
                                "shutting down while waiting: \(lastFailure.message); not committed, retried after restart",
                            attempts: attempt - 1))
                }
                try? await Task.sleep(
                    for: .milliseconds(Int(Self.jittered(step.policy.backoff(beforeAttempt: outageAttempts + 1)))))
            } else if attempt > 1 {
                try? await Task.sleep(
                    for: .milliseconds(Int(Self.jittered(step.policy.backoff(beforeAttempt: attempt)))))
            }
            var attemptContext = context
            attemptContext.attempt = attempt
            let token = ProcessorRunToken(id: RunTokens.next())
            observer.processorStarted(name, token: token)
            let started = ContinuousClock.now
            let result = await AttemptRunner.run(step, article: article, context: attemptContext)
            let seconds = (ContinuousClock.now - started).seconds
            if case .unavailable(let message) = result {
                observer.processorFinished(name, token: token, status: .failed, seconds: seconds)
                observer.processorUnavailable(name, reason: message)
                if outageAttempts == 0 || outageAttempts.isMultiple(of: 20) {
                    context.logger.warning(
                        "dependency unavailable; retrying the article with backoff (not dead-lettered)",
                        metadata: ["error": "\(message)", "retries": "\(outageAttempts)"])
                }
                lastFailure = ChainFailure(reason: .unavailable, processor: name, message: message, attempts: attempt)
                outageAttempts += 1
                attempt -= 1
                continue
            }
            if outageAttempts > 0 {
                outageAttempts = 0
                observer.processorAvailable(name)
                context.logger.info("dependency available again")
            }
            switch result {
            case .finished(let updated, let outcome):
                var trespass = updated.changedSections(comparedTo: article)
                    .subtracting(step.processor.descriptor.writes)
                if updated.ext.filter({ $0.key != name }) != article.ext.filter({ $0.key != name }) {
                    trespass.insert(.ext)
                }
                if trespass.isEmpty {
                    observer.processorFinished(
                        name, token: token, status: outcome == .keep ? .ok : .dropped,
                        seconds: seconds)
                    return .finished(updated, outcome, attempts: attempt)
                }
                observer.processorFinished(name, token: token, status: .failed, seconds: seconds)
                let sections = trespass.map(\.rawValue).sorted().joined(separator: ", ")
                return .failed(
                    ChainFailure(
                        reason: .processor, processor: name,
                        message: "wrote to \(sections), which it does not declare in descriptor.writes; "
                            + "write only your own section (user plugins: ext[\"\(name)\"])",
                        attempts: attempt))
            case .threw(let message):
                observer.processorFinished(name, token: token, status: .failed, seconds: seconds)
                lastFailure = ChainFailure(reason: .processor, processor: name, message: message, attempts: attempt)
            case .unavailable:
                break
            case .timedOut:
                observer.processorFinished(name, token: token, status: .failed, seconds: seconds)
                lastFailure = ChainFailure(
                    reason: .timeout, processor: name,
                    message: "no result within \(step.timeout); raise timeout_ms or make the processor faster",
                    attempts: attempt)
            }
            context.logger.debug(
                "processor attempt failed", metadata: ["attempt": "\(attempt)", "error": "\(lastFailure.message)"])
        }
        return .failed(lastFailure)
    }

    static func jittered(_ milliseconds: Int) -> Double {
        Double(milliseconds) * Double.random(in: 0.8...1.2)
    }
}

/// Monotonic ids for processor attempts.
enum RunTokens {
    static let counter = Atomic<UInt64>(0)
    static func next() -> UInt64 { counter.add(1, ordering: .relaxed).newValue }
}

extension Duration {
    var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    var milliseconds: Double { (seconds * 1_000_000).rounded() / 1000 }
}
