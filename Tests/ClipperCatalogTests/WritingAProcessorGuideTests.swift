import ClipperCatalog
import ClipperCore
import ClipperTesting
import Testing

// The processor from the README's "Writing a processor plugin" guide, verbatim, so the guide cannot rot:
// if the API changes and the guide does not, this file stops compiling or these tests fail.

public struct UppercaseTitleProcessor: Processor {
    /// Settings from the `config:` block; snake_case keys map to camelCase properties.
    public struct Configuration: Decodable, Sendable {
        var suffix: String
    }

    public static let descriptor = ProcessorDescriptor(
        name: "uppercase_title",          // used in config files and in processing.processors
        version: "1.0.0",                 // semantic version of what you write: bump major on a breaking change
        status: .experimental,
        summary: "Writes the title in upper case under ext.uppercase_title.",
        writes: [.ext],                   // user plugins write only ext["<name>"]; the chain enforces it
        configFields: [                   // every setting, with its default: drives decoding, lint and docs
            ConfigField(name: "suffix", type: .string, default: "", description: "Appended to the title.")
        ],
        examples: [                       // runnable: the catalog test and `clipper processors --examples` run them
            ProcessorExample(
                name: "upper-cases",
                input: ["id": "1", "title": "Hello world"],
                expect: ["ext.uppercase_title.title": "HELLO WORLD"])
        ])

    let configuration: Configuration

    public init(configuration: Configuration, environment: ProcessorEnvironment) throws {
        self.configuration = configuration
    }

    public func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
        guard let title = article.title else { return .drop(reason: "no title") }   // or .keep
        article.ext[Self.descriptor.name] = ["title": .string(title.uppercased() + configuration.suffix)]
        return .keep
    }
}

@Test func upperCasesTheTitle() async throws {
    let harness = ProcessorHarness(catalog: ProcessorCatalog([.plugin(UppercaseTitleProcessor.self, folder: "UppercaseTitle")]))
    #expect(try await harness.runExamples(of: "uppercase_title").isEmpty)
    let run = try await harness.run("uppercase_title", settings: ["suffix": "!"], input: ["id": "2", "title": "hi"])
    #expect(run.json.lookup("ext.uppercase_title.title") == "HI!")
}

@Test func theGuidesProcessorDropsArticlesWithoutATitle() async throws {
    let harness = ProcessorHarness(catalog: ProcessorCatalog([.plugin(UppercaseTitleProcessor.self, folder: "UppercaseTitle")]))
    let run = try await harness.run("uppercase_title", input: ["id": "3", "body": "only a body"])
    guard case .dropped(let processor, let reason, _) = run.result else {
        Issue.record("expected a drop")
        return
    }
    #expect(processor == "uppercase_title")
    #expect(reason == "no title")
}

@Test func theGuidesProcessorComposesWithTheBuiltIns() async throws {
    let catalog = ProcessorCatalog(
        ProcessorCatalog.builtIn.entries.filter { $0.descriptor.name == "normalize" }
            + [.plugin(UppercaseTitleProcessor.self, folder: "UppercaseTitle")])
    let run = try await ProcessorHarness(catalog: catalog).run(
        "uppercase_title", after: ["normalize"], input: ["id": "4", "title": "  caf&eacute;  crème "])
    #expect(run.json.lookup("ext.uppercase_title.title") == "CAFÉ CRÈME")
    #expect(run.json.lookup("title") == "café crème")
}
