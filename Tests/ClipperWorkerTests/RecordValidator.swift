import ClipperCatalog
import Foundation

/// Runs `scripts/validate-records.py` (Python `jsonschema`, the tool users get) on JSON lines: the one way the
/// schema and config-spec tests check a document against a published JSON Schema.
///
/// ```swift
/// let result = try RecordValidator.validate([line], schema: "mm.article.enriched")
/// #expect(result.status == 0, "\(result.output)")
/// ```
enum RecordValidator {
    static let root = CatalogPaths.repositoryRoot
    /// The venv `scripts/setup.sh --for-tests` makes (with jsonschema), else the machine's python3.
    static let python: String = {
        let venv = root.appending(path: ".tools/venv-tests/bin/python").path
        return FileManager.default.isExecutableFile(atPath: venv) ? venv : "python3"
    }()

    /// `schema` is a record schema name (`mm.article.raw`) or a path to a schema file.
    static func validate(_ lines: [Data], schema: String) throws -> (status: Int32, output: String) {
        let input = FileManager.default.temporaryDirectory.appending(path: "clipper-records-\(UUID().uuidString).jsonl")
        try lines.reduce(into: Data()) { $0.append($1); $0.append(0x0A) }.write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, root.appending(path: "scripts/validate-records.py").path, schema, input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}
