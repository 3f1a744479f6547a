import ClipperCatalog
import ClipperCore
import Foundation
import Testing
import Yams

@testable import ClipperWorker

/// The settings spec drives the shipped config file, its JSON Schema and the reference; these fail when any of them
/// is stale (run `make config`), and check the spec against itself and the loader.
@Suite struct ConfigSpecTests {
    static let root = CatalogPaths.repositoryRoot

    func committed(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appending(path: path), encoding: .utf8)
    }

    @Test func theShippedConfigFileIsGeneratedFromTheSpec() throws {
        #expect(try committed("Config/clipper.yaml") == ConfigTemplate.yaml(), "Config/clipper.yaml is stale: run `make config`")
    }

    @Test func theConfigSchemaIsGeneratedFromTheSpec() throws {
        #expect(
            try committed("Config/schemas/clipper.config.schema.json") == ConfigSchema.json(catalog: .builtIn),
            "Config/schemas/clipper.config.schema.json is stale: run `make config`")
    }

    @Test func theReferenceIsGeneratedFromTheSpec() throws {
        #expect(try committed("docs/configuration.md") == ConfigReference.markdown(), "docs/configuration.md is stale: run `make config`")
    }

    @Test func theShippedConfigValidatesAgainstTheSchema() throws {
        let result = try validate(try committed("Config/clipper.yaml"))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func theSchemaRejectsAnOutOfRangeValueAndAnUnknownKey() throws {
        let outOfRange = try validate("worker: { drain_timeout_ms: -1 }\n")
        #expect(outOfRange.status == 1, "\(outOfRange.output)")
        let unknown = try validate("kafka: { bootstrap_server: x:9092 }\n")
        #expect(unknown.status == 1, "\(unknown.output)")
        let badSetting = try validate("processors: [{ name: dedup, config: { action: explode } }]\n")
        #expect(badSetting.status == 1, "\(badSetting.output)")
    }

    @Test func anEmptyFileLoadsEveryDefaultOfTheSpec() throws {
        let configuration = try ConfigurationLoader.parse("{}", directory: URL(fileURLWithPath: "/tmp"), environment: [:])
        for setting in SettingsSpec.all where setting.computedDefault == nil {
            #expect(setting.load(configuration) == setting.field.defaultValue, "\(setting.path)")
        }
        #expect(configuration.worker.drainTimeoutMS == 15_000)
    }

    @Test func everyDefaultPassesItsOwnChecks() {
        let fields = SettingsSpec.all.map(\.field) + [ProcessorEntrySpec.timeout] + ProcessorEntrySpec.onError
        for field in fields {
            #expect(field.problem(with: field.defaultValue) == nil, "\(field.name)")
            for example in field.examples where example.stringValue?.hasPrefix("${") != true {
                #expect(field.problem(with: example) == nil, "\(field.name) example \(example)")
            }
        }
    }

    @Test func everyKeyIsDeclaredOnceWithADocLine() {
        let paths = SettingsSpec.all.map(\.path)
        #expect(Set(paths).count == paths.count)
        #expect(SettingsSpec.all.allSatisfy { !$0.field.description.isEmpty })
        #expect(SettingsSpec.all.allSatisfy { setting in SettingsSpec.sections.contains { $0.path == setting.section } })
    }

    @Test func rangesAndChoicesNameTheKeyAndTheFix() throws {
        let problems: [String]
        do {
            _ = try ConfigurationLoader.parse(
                "http: { port: 70000 }\nkafka: { security: { sasl_mechanism: SCRAM } }\nworker: { drain_timeout_ms: \"${T:50}\" }\n",
                directory: URL(fileURLWithPath: "/tmp"), environment: [:])
            problems = []
        } catch let found as ConfigProblems {
            problems = found.problems.map(\.description)
        }
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("http.port: must be between 0 and 65535, found 70000") })
        #expect(problems.contains { $0.hasPrefix("kafka.security.sasl_mechanism: must be one of PLAIN") })
    }

    @Test func secretsAreFlaggedInTheSpec() {
        let secrets = SettingsSpec.all.filter(\.field.isSecret).map(\.path)
        #expect(secrets == ["kafka.security.sasl_password", "kafka.security.key_password"])
    }

    /// Converts YAML to one JSON line and runs scripts/validate-records.py (Python `jsonschema`) on it.
    func validate(_ yaml: String) throws -> (status: Int32, output: String) {
        let value = JSONValue(yaml: try Yams.load(yaml: yaml))
        let line = try JSONEncoder().encode(value)
        return try RecordValidator.validate(
            [line], schema: Self.root.appending(path: "Config/schemas/clipper.config.schema.json").path)
    }
}
