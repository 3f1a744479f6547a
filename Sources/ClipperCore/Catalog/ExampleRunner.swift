import Foundation

/// Runs processors on fixtures without Kafka: every declared example (`clipper processors --examples`, the catalog
/// test) and ad-hoc inputs. The test kit (`ClipperTesting`) offers it to plugin authors as `ProcessorHarness`.
///
/// ```swift
/// let harness = ExampleRunner(catalog: ProcessorCatalog([.plugin(UppercaseTitle.self, folder: "UppercaseTitle")]))
/// let run = try await harness.run("uppercase_title", input: ["id": "1", "title": "hello"])
/// #expect(run.json.lookup("ext.uppercase_title.title") == "HELLO")
/// let failures = try await harness.runExamples(of: "uppercase_title")
/// #expect(failures.isEmpty)
/// ```
public struct ExampleRunner: Sendable {
    public let catalog: ProcessorCatalog
    public let environment: ProcessorEnvironment

    public init(catalog: ProcessorCatalog, environment: ProcessorEnvironment = ProcessorEnvironment()) {
        self.catalog = catalog
        self.environment = environment
    }

    /// The result of running a chain on one input.
    public struct Run: Sendable {
        public let result: ChainResult
        /// The article after the chain (also for drops); nil when it failed.
        public let article: Article?
        /// The article encoded as the enriched JSON record; `.null` when it failed.
        public let json: JSONValue
    }

    /// Runs `after` processors (with defaults), then `name` with `settings`, on the raw article `input`.
    public func run(
        _ name: String, settings: [String: JSONValue] = [:], after: [String] = [], input: JSONValue
    ) async throws -> Run {
        let specs = after.map { ProcessorSpec(name: $0) } + [ProcessorSpec(name: name, settings: settings)]
        return try await runChain(specs, input: input)
    }

    /// Runs a chain of processor specs on the raw article `input`.
    public func runChain(_ specs: [ProcessorSpec], input: JSONValue) async throws -> Run {
        let chain = try catalog.makeChain(specs, environment: environment)
        let raw = try ArticleCoding.decodeRaw(try JSONEncoder().encode(input))
        let result = await chain.run(Article(raw: raw), context: ProcessorContext())
        let article: Article? =
            switch result {
            case .publish(let article), .dropped(_, _, let article): article
            case .deadLetter, .halt: nil
            }
        let json = try article.map { try JSONDecoder().decode(JSONValue.self, from: try $0.jsonData()) } ?? .null
        return Run(result: result, article: article, json: json)
    }

    /// One example that did not hold.
    public struct ExampleFailure: Sendable, CustomStringConvertible {
        public let processor: String
        public let example: String
        public let problem: String
        public var description: String { "\(processor) example \"\(example)\": \(problem)" }
    }

    /// Runs every example the processor declares; returns the ones that failed (empty = all held).
    public func runExamples(of name: String) async throws -> [ExampleFailure] {
        guard let entry = catalog.entry(named: name) else {
            return [ExampleFailure(processor: name, example: "-", problem: "not in the catalog")]
        }
        var failures: [ExampleFailure] = []
        for example in entry.descriptor.examples {
            let run = try await run(name, settings: example.configuration, after: example.after, input: example.input)
            func fail(_ problem: String) {
                failures.append(ExampleFailure(processor: name, example: example.name, problem: problem))
            }
            switch run.result {
            case .dropped(let processor, let reason, _):
                if !example.expectDrop || processor != name { fail("dropped by \(processor): \(reason)") }
            case .publish:
                if example.expectDrop { fail("expected a drop, but the article was kept") }
            case .deadLetter(let failure), .halt(let failure):
                fail("failed: \(failure)")
                continue
            }
            for (path, expected) in example.expect.sorted(by: { $0.key < $1.key }) {
                let actual = run.json.lookup(path)
                if !Self.matches(actual, expected) {
                    fail("\(path): expected \(Self.render(expected)), found \(actual.map(Self.render) ?? "nothing")")
                }
            }
        }
        return failures
    }

    static func matches(_ actual: JSONValue?, _ expected: JSONValue) -> Bool {
        guard let actual else { return expected == .null }
        if case .number(let a) = actual, case .number(let b) = expected { return abs(a - b) < 1e-9 }
        return actual == expected
    }

    /// Compact JSON text of a value, for messages.
    public static func render(_ value: JSONValue) -> String {
        guard let data = try? ArticleCoding.encoder().encode(value) else { return "\(value)" }
        return String(decoding: data, as: UTF8.self)
    }
}
