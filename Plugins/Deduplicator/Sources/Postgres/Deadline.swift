/// Runs `operation`, giving up after `limit`: the operation is cancelled and `onTimeout()` is thrown.
///
/// ```swift
/// let rows = try await Deadline.run(within: .seconds(5), onTimeout: { TimeoutError() }) { try await fetch() }
/// ```
enum Deadline {
    static func run<T: Sendable>(
        within limit: Duration, onTimeout: @escaping @Sendable () -> any Error,
        _ operation: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await operation() }
            group.addTask {
                try await Task.sleep(for: limit)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw onTimeout() }
            return value
        }
    }
}
