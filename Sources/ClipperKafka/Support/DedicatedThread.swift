import Foundation
import Synchronization

/// A plain OS thread running one blocking loop (librdkafka polls), with a way to wait for it to end.
/// Keeps blocking work off Swift's cooperative pool.
final class DedicatedThread: Sendable {
    private let finished = Mutex<Bool>(false)
    private let condition = NSCondition()  // NSCondition is Sendable on Linux Foundation

    /// Starts `body` on a new thread named `name`.
    init(name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread { [self] in
            body()
            condition.lock()
            finished.withLock { $0 = true }
            condition.broadcast()
            condition.unlock()
        }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    var isFinished: Bool { finished.withLock { $0 } }

    /// Blocks until the thread ends or `timeout` passes; returns whether it ended. Call only from a thread
    /// that may block (not from async code).
    @discardableResult
    func join(timeout: Duration) -> Bool {
        let deadline = Date().addingTimeInterval(Double(timeout.milliseconds) / 1000)
        condition.lock()
        defer { condition.unlock() }
        while !isFinished {
            if !condition.wait(until: deadline) { return isFinished }
        }
        return true
    }
}

/// Monotonic milliseconds.
@inline(__always) func monotonicMillis() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}
