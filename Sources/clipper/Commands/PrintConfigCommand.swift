import ArgumentParser
import ClipperCatalog
import ClipperWorker
import Foundation

/// `clipper print-config`: the resolved config (defaults and environment applied), secrets redacted.
struct PrintConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print-config",
        abstract: "Print the resolved config with defaults and ${VAR} values applied, secrets redacted.")

    @Option(name: [.customShort("c"), .long], help: "The config file.")
    var config: String = "Config/clipper.yaml"

    func run() async throws {
        let configuration = try ConfigurationLoader.load(file: URL(fileURLWithPath: config), catalog: .builtIn)
        print(ConfigurationPrinter.yaml(configuration, catalog: .builtIn))
    }
}
