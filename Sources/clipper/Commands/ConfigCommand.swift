import ArgumentParser
import ClipperCatalog
import ClipperWorker

/// `clipper config`: what the settings spec generates: the shipped config file, its JSON Schema, the reference.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default config file (--yaml), its JSON Schema (--schema) or the reference (--docs).",
        discussion: "`make config` rewrites Config/clipper.yaml and Config/schemas/clipper.config.schema.json.")

    enum Output: String, EnumerableFlag {
        case yaml, schema, docs

        static func help(for value: Output) -> ArgumentHelp? {
            switch value {
            case .yaml: "The default config file, every setting with its default (Config/clipper.yaml)."
            case .schema: "The JSON Schema of the config file, for editors."
            case .docs: "The reference of every setting, in Markdown."
            }
        }
    }

    @Flag var output: Output = .docs

    func run() async throws {
        switch output {
        case .yaml: print(ConfigTemplate.yaml(), terminator: "")
        case .schema: print(try ConfigSchema.json(catalog: .builtIn), terminator: "")
        case .docs: print(ConfigReference.markdown(), terminator: "")
        }
    }
}
