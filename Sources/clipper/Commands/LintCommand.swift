import ArgumentParser
import ClipperCatalog
import ClipperCore
import ClipperWorker
import Foundation

/// `clipper lint`: checks a config file and prints each problem on one line with the key and the fix.
struct LintCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check a config file: unknown keys, wrong types, processor settings, librdkafka properties.")

    @Option(name: .long, help: "The config file to check.")
    var config: String = "Config/clipper.yaml"

    func run() async throws {
        let problems = ConfigLinter.lint(file: URL(fileURLWithPath: config), catalog: .builtIn)
        if problems.isEmpty {
            print("\(config): ok")
            return
        }
        for problem in problems { print("\(config): \(problem)") }
        throw ExitCode(1)
    }
}
