import Foundation

/// Runs blocking work (a librdkafka poll loop) on its own thread and awaits the result, so Swift's cooperative
/// thread pool is never blocked.
///
/// ```swift
/// let records = try await BlockingCall.run { try pollUntilDone() }
/// ```
enum BlockingCall {
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try work() })
            }
            thread.name = "clipper.blocking"
            thread.start()
        }
    }
}
