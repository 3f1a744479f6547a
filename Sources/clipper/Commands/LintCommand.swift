import ArgumentParser
import ClipperCatalog
import ClipperCore
import ClipperWorker
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `clipper lint`: checks config files and prints each problem on one line as `file:line:column: key: what is
/// wrong; the fix`. With `--connect`, also reaches the services processors depend on (the dedup PostgreSQL).
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check config files: unknown keys, wrong types, processor settings, librdkafka properties.",
        discussion: """
            Takes several files or quoted globs ('deploy/*.yaml'); Config/clipper.yaml when none is given. Also \
            refused: an input topic that is also the output or dead-letter topic (it loops), an empty input topic \
            list or processor list, and a worker.max_record_bytes that does not stay 64 KiB under the producer's \
            message.max.bytes. --env-file supplies ${VAR} values as the service will see them (systemd \
            EnvironmentFile= format). --connect also reaches the databases processors use (dedup with store: \
            postgres), creating or migrating the dedup schema, and prints the schema version.

              clipper lint Config/clipper.yaml
              clipper lint --env-file /etc/clipper/env -c /etc/clipper/clipper.yaml
            """)

    @Argument(help: "Config files or globs to check.")
    var files: [String] = []

    @Option(name: [.customShort("c"), .long], help: "A config file to check (repeatable; the same as an argument).")
    var config: [String] = []

    @Option(name: .long, help: "Read ${VAR} values from this file (NAME=value lines) over the process environment.")
    var envFile: String?

    @Flag(name: .long, help: "Also connect to the services processors depend on and report them.")
    var connect = false

    func run() async throws {
        var environment = ProcessInfo.processInfo.environment
        if let envFile {
            do {
                environment.merge(try EnvironmentFile.read(URL(fileURLWithPath: envFile))) { _, file in file }
            } catch let problems as ConfigProblems {
                for problem in problems.problems { print("\(envFile):\(problem.position)\(problem.message)") }
                throw ExitCode(1)
            }
        }
        var failed = false
        for path in try Self.expand(config + files) {
            failed = try await !lint(path, environment: environment) || failed
        }
        if failed { throw ExitCode(1) }
    }

    /// Checks one file; true when it is clean (and, with --connect, every service was reachable).
    func lint(_ path: String, environment: [String: String]) async throws -> Bool {
        let file = URL(fileURLWithPath: path)
        let problems = ConfigLinter.lint(file: file, environment: environment, catalog: .builtIn)
        for problem in problems { print("\(path):\(problem.position)\(problem)") }
        var unreachable = false
        if connect, problems.isEmpty {
            for result in await ConnectionChecker.check(file: file, environment: environment, catalog: .builtIn) {
                print("\(path): \(result)")
                unreachable = unreachable || !result.isReachable
            }
        }
        if problems.isEmpty, !unreachable { print("\(path): ok") }
        return problems.isEmpty && !unreachable
    }

    /// Paths with glob patterns expanded (for patterns the shell did not expand, e.g. quoted ones); a pattern
    /// that matches nothing is an error.
    static func expand(_ patterns: [String]) throws -> [String] {
        guard !patterns.isEmpty else { return ["Config/clipper.yaml"] }
        var paths: [String] = []
        for pattern in patterns {
            guard pattern.contains(where: { "*?[".contains($0) }) else {
                paths.append(pattern)
                continue
            }
            var matches = glob_t()
            defer { globfree(&matches) }
            guard glob(pattern, 0, nil, &matches) == 0 else {
                throw CLIError("\(pattern): no file matches; check the pattern")
            }
            for index in 0..<Int(matches.gl_pathc) {
                if let match = matches.gl_pathv[index] { paths.append(String(cString: match)) }
            }
        }
        return paths
    }
}
