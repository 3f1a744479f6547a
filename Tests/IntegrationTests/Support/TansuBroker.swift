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
        port = try Self.freePort()
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
        while !Self.accepts(port) {
            if Date() > deadline || !process.isRunning {
                stop()
                throw TansuError("Tansu did not accept connections on port \(port)")
            }
            usleep(50_000)
        }
    }

    /// Kills the broker (SIGKILL: Tansu does not exit promptly on SIGTERM) and waits up to 5 s for it to go.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(10_000) }
    }

    deinit { stop() }

    private static func freePort() throws -> UInt16 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TansuError("socket() failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer -> Bool in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw TansuError("could not find a free port") }
        return UInt16(bigEndian: address.sin_port)
    }

    private static func accepts(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}

struct TansuError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
