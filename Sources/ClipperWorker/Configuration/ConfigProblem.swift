import Foundation

/// One thing wrong with a config file: the key path and what to do about it. Printed as one line.
///
/// ```swift
/// ConfigProblem(path: "kafka.bootstrap_server", message: "unknown key; did you mean \"bootstrap_servers\"?")
/// // kafka.bootstrap_server: unknown key; did you mean "bootstrap_servers"?
/// ```
public struct ConfigProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String
    /// Where the key is in the file (1-based), when `clipper lint` could find it.
    public var line: Int?
    public var column: Int?

    public init(path: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.message = message
        self.line = line
        self.column = column
    }

    /// `12:3: ` when the position is known, else empty: the prefix `clipper lint` puts after the file name.
    ///
    /// ```swift
    /// print("clipper.yaml:\(problem.position)\(problem)") // clipper.yaml:12:3: kafka.bootstrap_server: unknown key; …
    /// ```
    public var position: String { line.map { "\($0):\(column ?? 1): " } ?? "" }

    public var description: String { "\(path): \(message)" }
}

/// All problems found in a config file, in file order.
public struct ConfigProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [ConfigProblem]
    public init(_ problems: [ConfigProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

extension ConfigProblems {
    /// The text of `file`, or one problem naming the file and what to check (`hint`, e.g. "check the --config
    /// path"). Shared by the config loader and the environment-file reader.
    ///
    /// ```swift
    /// let text = try ConfigProblems.readText(of: url, what: "the file", hint: "check the --config path")
    /// ```
    static func readText(of file: URL, what: String, hint: String) throws -> String {
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ConfigProblems([
                ConfigProblem(path: file.path, message: "cannot read \(what) (\(error.localizedDescription)); \(hint)")
            ])
        }
    }
}
