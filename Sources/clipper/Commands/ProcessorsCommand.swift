import ArgumentParser
import ClipperCatalog
import ClipperCore
import Foundation

/// `clipper processors`: what is compiled in, with versions and settings, as text, JSON or Markdown.
struct ProcessorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "processors",
        abstract: "List the compiled-in processor plugins with their versions and config fields.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
    }

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: Format = .text

    @Flag(name: .long, help: "Also run every declared example and report the result.")
    var examples = false

    func run() async throws {
        let catalog = ProcessorCatalog.builtIn
        var failures = 0
        switch format {
        case .json: print(String(decoding: try catalog.jsonReference(), as: UTF8.self))
        case .markdown: print(catalog.markdownReference(), terminator: "")
        case .text: failures = try await printText(catalog)
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// One block per processor; with `--examples`, each block ends with its examples' results. Returns the failures.
    func printText(_ catalog: ProcessorCatalog) async throws -> Int {
        var failures = 0
        let runner = ExampleRunner(catalog: catalog)
        for entry in catalog.entries {
            let descriptor = entry.descriptor
            print("\(descriptor.name) \(descriptor.version) [\(descriptor.status.rawValue)]  Plugins/\(entry.folder)")
            print("  \(descriptor.summary)")
            print("  writes: \(descriptor.writes.map(\.rawValue).sorted().joined(separator: ", "))")
            for field in descriptor.configFields {
                let value = ExampleRunner.render(field.defaultValue)
                print("  config.\(field.name) (\(field.type.rawValue), default \(value)): \(field.description)")
            }
            if examples {
                let problems = try await runner.runExamples(of: descriptor.name)
                failures += problems.count
                let held = descriptor.examples.count - Set(problems.map(\.example)).count
                print("  examples: \(held)/\(descriptor.examples.count) hold")
                for problem in problems { print("    FAIL \(problem)") }
            }
            print("")
        }
        return failures
    }
}
