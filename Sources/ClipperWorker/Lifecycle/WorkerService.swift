import ServiceLifecycle

/// The worker as a swift-service-lifecycle `Service`: a graceful shutdown (SIGTERM, SIGINT) starts the drain.
///
/// ```swift
/// let group = ServiceGroup(services: [httpApplication, WorkerService(worker: worker)],
///                          gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
/// try await group.run()
/// ```
public struct WorkerService: Service {
    public let worker: Worker

    public init(worker: Worker) { self.worker = worker }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await worker.run()
        } onGracefulShutdown: {
            worker.shutdown()
        }
    }
}
