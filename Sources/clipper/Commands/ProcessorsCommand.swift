import ArgumentParser
import ClipperCatalog
import ClipperCore
import ClipperTesting
import Foundation

/// `clipper processors`: what is compiled in, with versions and settings.
struct ProcessorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "processors",
        abstract: "List the compiled-in processor plugins with their versions and config fields.")

    @Flag(name: .long, help: "Also run every declared example and report the result.")
    var examples = false

    func run() async throws {
        var failures = 0
        for entry in ProcessorCatalog.builtIn.entries {
            let descriptor = entry.descriptor
            print("\(descriptor.name) \(descriptor.version) [\(descriptor.status.rawValue)]  Plugins/\(entry.folder)")
            print("  \(descriptor.summary)")
            print("  writes: \(descriptor.writes.map(\.rawValue).sorted().joined(separator: ", "))")
            for field in descriptor.configFields {
                let value = ProcessorHarness.render(field.defaultValue)
                print("  config.\(field.name) (\(field.type.rawValue), default \(value)): \(field.description)")
            }
            if examples {
                let harness = ProcessorHarness(catalog: .builtIn)
                let problems = try await harness.runExamples(of: descriptor.name)
                failures += problems.count
                print("  examples: \(descriptor.examples.count - Set(problems.map(\.example)).count)/\(descriptor.examples.count) hold")
                for problem in problems { print("    FAIL \(problem)") }
            }
            print("")
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
