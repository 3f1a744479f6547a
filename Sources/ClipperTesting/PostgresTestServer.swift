import Foundation

/// A throwaway PostgreSQL server for tests and benchmarks: `initdb` on a temporary folder, `pg_ctl start` on a
/// free loopback port, `pg_ctl stop` and the folder removed by ``stop()``. Never a mock: the real server.
///
/// The binaries come from `PATH` or the newest `/usr/lib/postgresql/*/bin` (Debian's `postgresql` package;
/// `make setup` installs it). `initdb` refuses to run as root, so under root the server runs as the `postgres`
/// system user (through `runuser`) on a folder that user owns. The role `clipper` logs in with
/// ``password`` (SCRAM), so the password path of the client is exercised too.
///
/// ```swift
/// let server = try PostgresTestServer.start()
/// defer { server.stop() }
/// let url = try server.createDatabase() // "postgres://clipper:…@127.0.0.1:54321/test_1?sslmode=disable"
/// ```
public final class PostgresTestServer: Sendable {
    public let binDirectory: URL
    public let dataDirectory: URL
    public let port: Int
    public let runAsUser: String?
    public static let user = "clipper"
    public static let password = "clipper-test-secret"

    /// Why no server could be started, with what to do.
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `initdb` and starts the server. `durable: false` (tests) turns fsync off; benchmarks keep it on.
    public static func start(durable: Bool = false) throws -> PostgresTestServer {
        guard let bin = findBinDirectory() else {
            throw Unavailable(
                description: "PostgreSQL not found (initdb on PATH or /usr/lib/postgresql/*/bin); "
                    + "run `make setup` or `apt-get install postgresql`")
        }
        let runAs: String? = getuid() == 0 ? "postgres" : nil
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appending(
            path: "clipper-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let passwordFile = root.appending(path: "password")
        try Data(password.utf8).write(to: passwordFile)
        if let runAs {
            try run(["/bin/chown", "-R", "\(runAs):", root.path])
        }
        let data = root.appending(path: "data")
        let server = PostgresTestServer(binDirectory: bin, dataDirectory: data, port: freePort(), runAsUser: runAs)
        try server.command(
            "initdb",
            [
                "-D", data.path, "-U", user, "--auth=scram-sha-256", "--pwfile=\(passwordFile.path)",
                "-E", "UTF8", "--locale=C",
            ])
        var settings =
            "listen_addresses = '127.0.0.1'\nport = \(server.port)\n"
            + "unix_socket_directories = '\(root.path)'\nmax_connections = 200\nshared_buffers = 128MB\n"
        if !durable { settings += "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n" }
        let conf = data.appending(path: "postgresql.conf")
        let handle = try FileHandle(forWritingTo: conf)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(settings.utf8))
        try handle.close()
        try server.startServer()
        try server.stopWhenProcessExits(removing: root)
        return server
    }

    /// Starts a detached shell that stops the server and removes its folder once this process is gone, so a
    /// test run that ends in any way (even a crash) leaves no server behind. The shell waits for end-of-file on a
    /// pipe whose only writer is this process (close-on-exec, so no other child keeps it open).
    func stopWhenProcessExits(removing root: URL) throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw Unavailable(description: "pipe() failed: \(errno)") }
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        defer { close(ends[0]) }
        let stop =
            (runAsUser.map { ["/usr/sbin/runuser", "-u", $0, "--"] } ?? [])
            + [binDirectory.appending(path: "pg_ctl").path, "-D", dataDirectory.path, "-m", "immediate", "stop"]
        let script = "cat >/dev/null; " + stop.map { "'\($0)'" }.joined(separator: " ") + "; rm -rf '\(root.path)'"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = ([String](["/bin/sh", "-c", script])).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        guard spawned == 0 else {
            close(ends[1])
            throw Unavailable(
                description: "cannot start the server's clean-up watcher: \(String(cString: strerror(spawned)))")
        }
        // ends[1] stays open for the life of this process on purpose.
    }

    init(binDirectory: URL, dataDirectory: URL, port: Int, runAsUser: String?) {
        self.binDirectory = binDirectory
        self.dataDirectory = dataDirectory
        self.port = port
        self.runAsUser = runAsUser
    }

    /// The URL of `database` for the `clipper` role.
    public func url(database: String = "postgres") -> String {
        "postgres://\(Self.user):\(Self.password)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Creates a fresh, empty database and returns its URL.
    public func createDatabase(named name: String = "test_\(UUID().uuidString.prefix(8).lowercased())") throws -> String
    {
        try command("createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", Self.user, name])
        return url(database: name)
    }

    /// Starts the server (again, after ``stopServer()``), waiting until it accepts connections.
    public func startServer() throws {
        try command(
            "pg_ctl",
            [
                "-D", dataDirectory.path, "-l", dataDirectory.deletingLastPathComponent().appending(path: "log").path,
                "-w", "-t", "60", "start",
            ])
    }

    /// Stops the server (fast shutdown: connections are closed), keeping its data.
    public func stopServer() throws {
        try command("pg_ctl", ["-D", dataDirectory.path, "-m", "fast", "-w", "-t", "60", "stop"])
    }

    /// Stops the server and removes its folder. Safe to call more than once.
    public func stop() {
        try? stopServer()
        try? FileManager.default.removeItem(at: dataDirectory.deletingLastPathComponent())
    }

    /// Runs one of the server's binaries (as the `postgres` user when root), throwing its output on failure.
    @discardableResult
    func command(_ name: String, _ arguments: [String]) throws -> String {
        let tool = binDirectory.appending(path: name).path
        var environment = ["PGPASSWORD": Self.password, "PATH": "/usr/bin:/bin"]
        environment["LC_ALL"] = "C"
        if let runAsUser {
            return try Self.run(
                ["/usr/sbin/runuser", "-u", runAsUser, "--", "env"]
                    + environment.map { "\($0.key)=\($0.value)" } + [tool] + arguments)
        }
        return try Self.run([tool] + arguments, environment: environment)
    }

    /// Runs a command to completion with posix_spawn and waitpid (Foundation's `Process` can mis-report the exit
    /// of a command whose child, the server `pg_ctl` starts, outlives it). Output goes to a file, returned on failure.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws -> String {
        let outputPath = NSTemporaryDirectory() + "clipper-pg-cmd-\(UUID().uuidString)"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let environmentList = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environmentList.map { strdup($0) } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw Unavailable(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            throw Unavailable(description: "\(arguments.joined(separator: " ")) failed (status \(status)): \(text)")
        }
        return text
    }

    static func findBinDirectory() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appending(path: "initdb").resolvingSymlinksInPath()
            if FileManager.default.isExecutableFile(atPath: candidate.path),
                FileManager.default.isExecutableFile(
                    atPath: candidate.deletingLastPathComponent().appending(path: "pg_ctl").path)
            {
                return candidate.deletingLastPathComponent()
            }
        }
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let bin = URL(fileURLWithPath: "/usr/lib/postgresql/\(version)/bin")
            if FileManager.default.isExecutableFile(atPath: bin.appending(path: "initdb").path) { return bin }
        }
        return nil
    }

    /// A loopback TCP port nobody listens on right now.
    static func freePort() -> Int {
        let socketFD = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketFD) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketFD, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
