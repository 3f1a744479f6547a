import ClipperCatalog
import Foundation

/// Runs `promtool` (Prometheus's own checker), which `scripts/setup.sh --for-tests` extracts from Debian's
/// `prometheus` package into `.tools/promtool/`.
///
/// ```swift
/// let result = try Promtool.run(["check", "metrics"], input: Data(text.utf8))
/// #expect(result.status == 0, "\(result.output)")
/// ```
enum Promtool {
    static let path = CatalogPaths.repositoryRoot.appending(path: ".tools/promtool/promtool").path

    struct Missing: Error, CustomStringConvertible {
        var description: String { "promtool not found at \(Promtool.path): run `bash scripts/setup.sh --for-tests`" }
    }

    static func run(_ arguments: [String], input: Data? = nil) throws -> (status: Int32, output: String) {
        guard FileManager.default.isExecutableFile(atPath: path) else { throw Missing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }
}
