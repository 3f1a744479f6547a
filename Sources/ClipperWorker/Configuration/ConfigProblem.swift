/// One thing wrong with a config file: the key path and what to do about it. Printed as one line.
///
/// ```swift
/// ConfigProblem(path: "kafka.bootstrap_server", message: "unknown key; did you mean \"bootstrap_servers\"?")
/// // kafka.bootstrap_server: unknown key; did you mean "bootstrap_servers"?
/// ```
public struct ConfigProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// All problems found in a config file, in file order.
public struct ConfigProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [ConfigProblem]
    public init(_ problems: [ConfigProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
