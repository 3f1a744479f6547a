import ArgumentParser
import ClipperCatalog
import ClipperCore
import ClipperWorker
import Foundation

/// Options shared by commands that build a processor chain.
struct ChainOptions: ParsableArguments {
    @Option(name: [.customShort("c"), .long], help: "Config file (YAML). Default: Config/clipper.yaml when it exists.")
    var config: String?

    @Option(
        name: .long,
        help: "Processors to run, in order, comma-separated (overrides the config), e.g. normalize,language.")
    var processors: String?

    @Option(name: .long, help: "Folder for processor state (dedup). Overrides worker.state_dir.")
    var state: String?

    /// The config file to use: --config, else Config/clipper.yaml in the current folder, else built-in defaults.
    func loadConfiguration() throws -> ClipperConfiguration {
        let path =
            config ?? (FileManager.default.fileExists(atPath: "Config/clipper.yaml") ? "Config/clipper.yaml" : nil)
        var configuration: ClipperConfiguration
        if let path {
            configuration = try ConfigurationLoader.load(file: URL(fileURLWithPath: path), catalog: .builtIn)
        } else {
            configuration = try ConfigurationLoader.parse(
                "{}", directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath), catalog: .builtIn)
        }
        if let processors {
            let names = processors.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            configuration.processors = names.map { name in
                configuration.processors.first { $0.name == name } ?? ProcessorSpec(name: name)
            }
        }
        if let state {
            configuration.worker.stateDirectory =
                state.hasPrefix("/")
                ? state : FileManager.default.currentDirectoryPath + "/" + state
        }
        return configuration
    }
}
