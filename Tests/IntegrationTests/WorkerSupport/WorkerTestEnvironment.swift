import ClipperKafka
import Foundation
import Logging
import Testing

#if canImport(Glibc)
    import Glibc
#endif

struct WorkerTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Where things are: the `clipper` binary, a scratch folder per test, free ports.
enum WorkerTestEnvironment {
    /// `$CLIPPER_BINARY`, else `<repo>/.build/debug/clipper` (repo root found from this file's path).
    static func clipperBinary() throws -> String {
        if let path = ProcessInfo.processInfo.environment["CLIPPER_BINARY"], !path.isEmpty {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw WorkerTestError("CLIPPER_BINARY=\(path) is not an executable file; run `make test`")
            }
            return path
        }
        for start in [URL(fileURLWithPath: #filePath), URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()] {
            var directory = start.deletingLastPathComponent()
            while directory.path != "/" {
                if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                    let candidate = directory.appendingPathComponent(".build/debug/clipper").path
                    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                }
                directory = directory.deletingLastPathComponent()
            }
        }
        throw WorkerTestError(
            "the clipper binary was not found (CLIPPER_BINARY unset, no <repo>/.build/debug/clipper): run `make test`, "
                + "which builds it and sets CLIPPER_BINARY")
    }

    /// A fresh temporary folder for configs, state and child-process logs.
    static func scratchDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("clipper-it-\(label)-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A loopback TCP port nobody listens on right now.
    static func freePort() throws -> Int {
        Int(try LoopbackPort.free())
    }

    /// A logger for the in-test Kafka clients that stays quiet unless `KAFKA_TEST_LOG` is set.
    static var logger: Logger {
        var logger = Logger(label: "clipper.it.worker")
        logger.logLevel = ProcessInfo.processInfo.environment["KAFKA_TEST_LOG"] == nil ? .critical : .debug
        return logger
    }

    /// Polls `condition` every `interval` until it holds or `timeout` passes. Returns whether it held.
    static func poll(
        timeout: Duration, interval: Duration = .milliseconds(250), _ condition: () async throws -> Bool
    ) async rethrows -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if try await condition() { return true }
            if ContinuousClock.now >= deadline { return false }
            try? await Task.sleep(for: interval)
        }
    }
}

/// `clipper broker` as a separate process: a librdkafka mock cluster on a loopback port, stopped with SIGTERM.
final class WorkerTestBroker: @unchecked Sendable {
    let process: WorkerChildProcess
    let bootstrapServers: String

    /// Starts the broker with `topics` (name → partitions) and waits until it printed its address.
    init(binary: String, topics: [String: Int], directory: URL) async throws {
        let file = directory.appendingPathComponent("bootstrap-\(UUID().uuidString.prefix(6))")
        var arguments = ["broker", "--bootstrap-file", file.path]
        for (name, partitions) in topics.sorted(by: { $0.key < $1.key }) {
            arguments += ["--topic", "\(name):\(partitions)"]
        }
        let child = try WorkerChildProcess(
            name: "broker", executable: binary, arguments: arguments, logDirectory: directory)
        process = child
        var address: String?
        _ = await WorkerTestEnvironment.poll(timeout: .seconds(20), interval: .milliseconds(50)) {
            if let text = try? String(contentsOf: file, encoding: .utf8) {
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { address = trimmed }
            }
            return address != nil || !child.isRunning
        }
        guard let address else {
            child.stop()
            throw WorkerTestError("clipper broker did not print its address within 20 s\n\(child.tail())")
        }
        bootstrapServers = address
    }

    /// SIGTERM, then SIGKILL if it lingers.
    func stop() {
        guard process.isRunning else { return }
        process.send(SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        process.stop()
    }

    deinit { stop() }
}
