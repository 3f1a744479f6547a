import Synchronization

/// Runs one processor attempt under a time limit.
///
/// The attempt runs in its own task so that a processor that never returns (a hang, a blocking call) can be
/// abandoned when the limit passes: the chain goes on, the task is cancelled, and the watchdog (through
/// ``ChainObserver``) has seen the attempt start. This is the one place Clipper starts an unstructured task, because
/// structured concurrency would wait for a hung child forever.
enum AttemptRunner {
    enum Result: Sendable {
        case finished(Article, ProcessorOutcome)
        case threw(String)
        /// The processor threw ``DependencyUnavailable``.
        case unavailable(String)
        case timedOut
    }

    static func run(_ step: ChainStep, article: Article, context: ProcessorContext) async -> Result {
        let processor = step.processor
        let timeout = step.timeout
        let gate = ResumeOnce()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result, Never>) in
                gate.install(continuation)
                let work = Task {
                    var copy = article
                    do {
                        let outcome = try await processor.process(&copy, context: context)
                        gate.resume(with: .finished(copy, outcome))
                    } catch let outage as DependencyUnavailable {
                        gate.resume(with: .unavailable(outage.description))
                    } catch {
                        gate.resume(with: .threw(Self.describe(error)))
                    }
                }
                let timer = Task {
                    try? await Task.sleep(for: timeout)
                    if !Task.isCancelled {
                        gate.resume(with: .timedOut)
                        work.cancel()
                    }
                }
                gate.onResume { timer.cancel() }
            }
        } onCancel: {
            gate.resume(with: .threw("cancelled: the worker is shutting down"))
        }
    }

    static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.isEmpty ? "\(type(of: error))" : text
    }
}

/// Resumes a continuation exactly once, whichever of work, timer or cancellation comes first.
final class ResumeOnce: Sendable {
    private struct State {
        var continuation: CheckedContinuation<AttemptRunner.Result, Never>?
        var pending: AttemptRunner.Result?
        var done = false
        var cleanup: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<AttemptRunner.Result, Never>) {
        let pending: AttemptRunner.Result? = state.withLock { state in
            if let pending = state.pending, !state.done {
                state.done = true
                return pending
            }
            state.continuation = continuation
            return nil
        }
        if let pending { continuation.resume(returning: pending) }
    }

    func onResume(_ cleanup: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if state.done { return true }
            state.cleanup = cleanup
            return false
        }
        if runNow { cleanup() }
    }

    func resume(with result: AttemptRunner.Result) {
        let (continuation, cleanup) = state.withLock {
            state -> (CheckedContinuation<AttemptRunner.Result, Never>?, (@Sendable () -> Void)?) in
            if state.done { return (nil, nil) }
            guard let continuation = state.continuation else {
                if state.pending == nil { state.pending = result }
                return (nil, nil)
            }
            state.done = true
            state.continuation = nil
            let cleanup = state.cleanup
            state.cleanup = nil
            return (continuation, cleanup)
        }
        continuation?.resume(returning: result)
        cleanup?()
    }
}
