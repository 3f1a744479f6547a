import Foundation

/// `promtool`, Prometheus's checker, extracted by `scripts/setup.sh --for-tests` into `.tools/promtool/`.
///
/// ```swift
/// let result = try Promtool.checkMetrics(scrapedText)
/// #expect(result.status == 0, "\(result.output)")
/// ```
enum Promtool {
    static let path = DeploymentFilesTests.root.appendingPathComponent(".tools/promtool/promtool").path

    static func checkMetrics(_ exposition: String) throws -> CommandRun {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw WorkerTestError("promtool not found at \(path): run `bash scripts/setup.sh --for-tests`")
        }
        return try CommandRun([path, "check", "metrics"], input: Data(exposition.utf8), timeout: 60)
    }
}
