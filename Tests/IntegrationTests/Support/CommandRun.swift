import Foundation

/// Runs a command to completion and captures what it printed (into files, so a chatty command never blocks on a
/// full pipe); kills it after `timeout`.
///
/// ```swift
/// let result = try CommandRun(["/usr/bin/env", "true"])
/// #expect(result.status == 0, "\(result.output)")
/// ```
struct CommandRun {
    let status: Int32
    let stdout: String
    let stderr: String
    let seconds: Double
    /// stdout then stderr, for failure messages.
    var output: String { stdout + (stderr.isEmpty ? "" : "\n[stderr]\n" + stderr) }

    init(
        _ command: [String], in directory: URL? = nil, environment: [String: String]? = nil, input: Data? = nil,
        timeout: TimeInterval = 300
    ) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("clipper-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outURL = scratch.appendingPathComponent("stdout")
        let errURL = scratch.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0].hasPrefix("/") ? command[0] : "/usr/bin/env")
        process.arguments = command[0].hasPrefix("/") ? Array(command.dropFirst()) : command
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        let stdin = Pipe()
        process.standardInput = stdin
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let started = Date()
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try? stdin.fileHandleForWriting.close()
        if exited.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            exited.wait()
        }
        seconds = Date().timeIntervalSince(started)
        status = process.terminationStatus
        stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
    }
}
