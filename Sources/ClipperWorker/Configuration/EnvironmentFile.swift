import Foundation

/// Reads an environment file as systemd's `EnvironmentFile=` and `docker --env-file` write it: `NAME=value` per
/// line, `#` comments, blank lines, an optional `export ` and optional single or double quotes around the value.
/// `clipper lint --env-file` checks a config with the values the service will see.
///
/// ```swift
/// let values = try EnvironmentFile.read(URL(fileURLWithPath: "/etc/clipper/env"))
/// values["CLIPPER_KAFKA_BROKERS"] // "kafka-1:9092"
/// ```
public enum EnvironmentFile {
    public static func read(_ file: URL) throws -> [String: String] {
        let text = try ConfigProblems.readText(
            of: file, what: "the environment file", hint: "check the --env-file path")
        return try parse(text, name: file.path)
    }

    public static func parse(_ text: String, name: String = "env file") throws -> [String: String] {
        var values: [String: String] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) }
            guard let equals = line.firstIndex(of: "="), equals != line.startIndex else {
                throw ConfigProblems([
                    ConfigProblem(
                        path: name, message: "line \(index + 1) is not NAME=value; fix or comment it out with #",
                        line: index + 1, column: 1)
                ])
            }
            let key = String(line[..<equals]).trimmingCharacters(in: .whitespaces)
            var value = String(line[line.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[key] = value
        }
        return values
    }
}
