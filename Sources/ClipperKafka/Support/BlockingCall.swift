/// Runs a blocking librdkafka call on its own thread and awaits it, so async callers never block the
/// cooperative pool.
enum BlockingCall {
    static func run<T: Sendable>(_ name: String, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        let result = OneShot<T>()
        _ = DedicatedThread(name: name) {
            result.complete(Result { try body() })
        }
        return try await result.value()
    }
}
