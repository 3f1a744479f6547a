import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs Tansu 0.6.0 (a Kafka-compatible broker) as a separate process on a free loopback port with in-memory
/// storage, for integration tests. Found at `$TANSU_BIN` or `<repo>/.tools/tansu/bin/tansu` (installed by
/// `scripts/setup.sh`, which `make test` runs).
final class TansuBroker: @unchecked Sendable {
    let port: UInt16
    private let process: Process

    var bootstrapServers: String { "127.0.0.1:\(port)" }

    /// The binary, or `nil` when it is not installed.
    static var binary: String? {
        if let path = ProcessInfo.processInfo.environment["TANSU_BIN"], FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        for start in [URL(fileURLWithPath: #filePath), URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()] {
            var directory = start.deletingLastPathComponent()
            while directory.path != "/" {
                let candidate = directory.appendingPathComponent(".tools/tansu/bin/tansu").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
        }
        return nil
    }

    static var skipReason: String {
        "Tansu binary not found: run scripts/setup.sh (make test does) or set TANSU_BIN"
    }

    /// Starts the broker and waits (up to 15 s) until it accepts connections.
    init() throws {
        guard let binary = Self.binary else { throw TansuError(Self.skipReason) }
        port = try LoopbackPort.free()
        process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "broker", "--listener-url", "tcp://127.0.0.1:\(port)", "--advertised-listener-url", "tcp://127.0.0.1:\(port)",
            "--storage-engine", "memory://tansu/", "--cluster-id", "clipper-it-\(port)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(15)
        while !LoopbackPort.accepts(port) {
            if Date() > deadline || !process.isRunning {
                stop()
                throw TansuError("Tansu did not accept connections on port \(port)")
            }
            usleep(50_000)
        }
    }

    /// The broker's process id (to pause it with SIGSTOP and resume it with SIGCONT).
    var pid: Int32 { process.processIdentifier }

    /// Kills the broker (SIGKILL: Tansu does not exit promptly on SIGTERM) and waits up to 5 s for it to go.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(10_000) }
    }

    deinit { stop() }
}

struct TansuError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
