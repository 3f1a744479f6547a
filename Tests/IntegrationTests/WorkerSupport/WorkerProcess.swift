import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A child process started from the `clipper` binary (or kcat, curl, …) with stdout and stderr captured to files,
/// so a failing test can print what the child said.
final class WorkerChildProcess: @unchecked Sendable {
    // @unchecked: `Process` is not Sendable; this wrapper is only driven from one test at a time.
    let name: String
    let stdoutURL: URL
    let stderrURL: URL
    private let process = Process()

    /// Starts `executable arguments…` with `environment` added to the test's own environment.
    init(
        name: String, executable: String, arguments: [String], environment: [String: String] = [:],
        logDirectory: URL, currentDirectory: URL? = nil
    ) throws {
        self.name = name
        let stamp = UUID().uuidString.prefix(8)
        stdoutURL = logDirectory.appendingPathComponent("\(name)-\(stamp).stdout")
        stderrURL = logDirectory.appendingPathComponent("\(name)-\(stamp).stderr")
        _ = FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = currentDirectory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }

    /// Sends `signalNumber` (SIGTERM, SIGKILL, …) if the child still runs.
    func send(_ signalNumber: Int32) {
        if process.isRunning { kill(process.processIdentifier, signalNumber) }
    }

    /// Waits up to `timeout` for the child to exit. Returns its exit status (128 + signal when killed by a signal),
    /// or `nil` if it is still running.
    func waitForExit(timeout: Duration) async -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now >= deadline { return nil }
            try? await Task.sleep(for: .milliseconds(50))
        }
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
            ? 128 + process.terminationStatus : process.terminationStatus
    }

    /// Runs to completion (for short commands) and returns the exit status; kills the child after `timeout`.
    func finish(timeout: Duration = .seconds(60)) async -> Int32 {
        if let status = await waitForExit(timeout: timeout) { return status }
        stop()
        return -1
    }

    /// Kills the child (SIGKILL) if it still runs and reaps it.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit { stop() }

    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }
    var stdoutBytes: Data { (try? Data(contentsOf: stdoutURL)) ?? Data() }
    var stderrBytes: Data { (try? Data(contentsOf: stderrURL)) ?? Data() }

    /// The last `lines` lines of stderr and stdout, for failure messages.
    func tail(lines: Int = 25) -> String {
        func last(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
        }
        return "---- \(name) stderr (tail) ----\n\(last(stderr))\n---- \(name) stdout (tail) ----\n\(last(stdout))"
    }
}
