import ArgumentParser
import ClipperCatalog
import ClipperCore
import ClipperWorker
import Foundation

/// `clipper lint`: checks a config file and prints each problem on one line with the key and the fix.
/// With `--connect`, also reaches the services processors depend on (the dedup PostgreSQL) and reports them.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a config file: unknown keys, wrong types, processor settings, librdkafka properties.",
        discussion: "--connect also reaches the databases processors use (dedup with store: postgres), creating or "
            + "migrating the dedup schema, and prints the schema version.")

    @Option(name: .long, help: "The config file to check.")
    var config: String = "Config/clipper.yaml"

    @Flag(name: .long, help: "Also connect to the services processors depend on and report them.")
    var connect = false

    func run() async throws {
        let file = URL(fileURLWithPath: config)
        let problems = ConfigLinter.lint(file: file, catalog: .builtIn)
        for problem in problems { print("\(config): \(problem)") }
        var unreachable = false
        if connect, problems.isEmpty {
            for result in await ConnectionChecker.check(file: file, catalog: .builtIn) {
                print("\(config): \(result)")
                unreachable = unreachable || !result.isReachable
            }
        }
        if problems.isEmpty, !unreachable {
            print("\(config): ok")
            return
        }
        throw ExitCode(1)
    }
}
