/// Receives what the chain does, for metrics and the stuck-processor watchdog.
///
/// ```swift
/// struct PrintingObserver: ChainObserver {
///     func processorStarted(_ name: String, token: ProcessorRunToken) {}
///     func processorFinished(_ name: String, token: ProcessorRunToken, status: ProcessorRunStatus, seconds: Double) {
///         print(name, status, seconds)
///     }
/// }
/// ```
public protocol ChainObserver: Sendable {
    /// An attempt started. `token` identifies it until ``processorFinished(_:token:status:seconds:)``.
    func processorStarted(_ name: String, token: ProcessorRunToken)
    /// An attempt ended. An abandoned (timed-out) attempt ends here with `failed`, even if its task runs on.
    func processorFinished(_ name: String, token: ProcessorRunToken, status: ProcessorRunStatus, seconds: Double)
    /// The processor threw ``DependencyUnavailable``: the chain is waiting for the dependency and will retry.
    func processorUnavailable(_ name: String, reason: String)
    /// An attempt of the processor finished without ``DependencyUnavailable`` again.
    func processorAvailable(_ name: String)
}

extension ChainObserver {
    public func processorUnavailable(_ name: String, reason: String) {}
    public func processorAvailable(_ name: String) {}
}

/// Identifies one processor attempt.
public struct ProcessorRunToken: Sendable, Hashable {
    public let id: UInt64
    public init(id: UInt64) { self.id = id }
}

/// An observer that ignores everything.
public struct NoChainObserver: ChainObserver {
    public init() {}
    public func processorStarted(_ name: String, token: ProcessorRunToken) {}
    public func processorFinished(_ name: String, token: ProcessorRunToken, status: ProcessorRunStatus, seconds: Double)
    {}
}
