import ClipperCatalog
import ClipperCore
import Foundation
import Testing

@testable import ClipperWorker

@Suite struct ConfigurationLoaderTests {
    let directory = URL(fileURLWithPath: "/tmp")

    func problems(_ yaml: String, environment: [String: String] = [:]) -> [String] {
        do {
            _ = try ConfigurationLoader.parse(yaml, directory: directory, environment: environment, catalog: .builtIn)
            return []
        } catch let problems as ConfigProblems {
            return problems.problems.map(\.description)
        } catch {
            return ["\(error)"]
        }
    }

    @Test func anEmptyFileGivesTheDocumentedDefaults() throws {
        let configuration = try ConfigurationLoader.parse("{}", directory: directory, environment: [:])
        #expect(configuration.kafka.inputTopics == ["articles.raw"])
        #expect(configuration.kafka.outputTopic == "articles.enriched")
        #expect(configuration.kafka.deadLetterTopic == "articles.dlq")
        #expect(configuration.worker.maxInFlightPerPartition == 1024)
        #expect(configuration.processors.map(\.name) == ["normalize", "language", "entities", "dedup"])
        #expect(configuration.http.port == 9464)
    }

    @Test func theShippedConfigIsValid() throws {
        let file = CatalogPaths.repositoryRoot.appending(path: "Config/clipper.yaml")
        #expect(ConfigLinter.lint(file: file, environment: [:], catalog: .builtIn).isEmpty)
    }

    @Test func unknownKeysAreNamedWithASuggestion() {
        let found = problems("kafka:\n  bootstrap_server: x:9092\n")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("kafka.bootstrap_server: unknown key") == true)
        #expect(found.first?.contains(#"did you mean "bootstrap_servers""#) == true)
    }

    @Test func everyProblemIsReportedAtOnce() {
        let found = problems("""
            kafka: { group_idd: g }
            worker: { max_record_bytes: lots }
            log: { level: loud }
            """)
        #expect(found.count == 3)
        #expect(found.contains { $0.hasPrefix("worker.max_record_bytes: expected a whole number") })
        #expect(found.contains { $0.hasPrefix("log.level: must be one of") })
    }

    @Test func environmentValuesAndDefaultsAreInterpolated() throws {
        let yaml = "kafka:\n  bootstrap_servers: ${BROKERS:localhost:1}\n  group_id: ${GROUP:fallback}\n"
        let configuration = try ConfigurationLoader.parse(yaml, directory: directory, environment: ["BROKERS": "k:9"])
        #expect(configuration.kafka.bootstrapServers == "k:9")
        #expect(configuration.kafka.groupID == "fallback")
    }

    @Test func aMissingVariableWithoutDefaultIsAProblem() {
        let found = problems("kafka:\n  group_id: ${NOT_SET_ANYWHERE}\n")
        #expect(found.first?.contains("NOT_SET_ANYWHERE is not set") == true)
    }

    @Test func processorNamesAndSettingsAreChecked() {
        let found = problems("""
            processors:
              - name: langauge
              - name: normalize
                config: { strip_tracking_param: true }
                on_error: { then: explode }
            """)
        #expect(found.contains { $0.hasPrefix("processors[0].name") && $0.contains(#"did you mean "language""#) })
        #expect(found.contains { $0.hasPrefix("processors[1].config.strip_tracking_param") })
        #expect(found.contains { $0.hasPrefix("processors[1].on_error.then: must be one of") })
    }

    @Test func saslNeedsCredentials() {
        let found = problems("kafka:\n  security: { protocol: sasl_ssl, sasl_mechanism: SCRAM-SHA-512 }\n")
        #expect(found.contains { $0.hasPrefix("kafka.security:") && $0.contains("sasl_username") })
    }

    @Test func librdkafkaValidatesRawProperties() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "clipper-lint-\(UUID().uuidString).yaml")
        try "kafka:\n  consumer_properties: { fetch.wait.max.msx: 10 }\nprocessors: [normalize]\n"
            .write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let found = ConfigLinter.lint(file: file, environment: [:], catalog: .builtIn)
        #expect(found.count == 1)
        #expect(found.first?.path == "kafka.consumer_properties")
        #expect(found.first?.message.contains("fetch.wait.max.msx") == true)
    }

    @Test(arguments: [
        ("{ store: bogus }", "processors[0].config.store", "sqlite"),
        ("{ store: postgres }", "processors[0].config.postgres_url", "CLIPPER_DEDUP_POSTGRES_URL"),
        ("{ store: postgres, postgres_url: \"mysql://u:topsecret@h/d\" }", "processors[0].config.postgres_url",
         "postgres://"),
    ])
    func lintChecksTheDedupStoreKeys(config: String, path: String, hint: String) throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "clipper-lint-\(UUID().uuidString).yaml")
        try "processors:\n  - name: dedup\n    config: \(config)\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let found = ConfigLinter.lint(file: file, environment: [:], catalog: .builtIn)
        #expect(found.count == 1)
        #expect(found.first?.path == path)
        #expect(found.first?.message.contains(hint) == true, "\(found)")
        #expect(found.first?.message.contains("topsecret") == false)
    }
}

enum CatalogPaths {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
