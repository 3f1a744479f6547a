import ClipperCatalog
import Foundation
import Logging
import Testing

@testable import ClipperWorker

@Suite struct SecretRedactionTests {
    let secret = "hunter2-\(UUID().uuidString)"

    func configuration() throws -> ClipperConfiguration {
        let yaml = """
            kafka:
              security: { protocol: sasl_plaintext, sasl_mechanism: PLAIN, sasl_username: u, sasl_password: "${PW}" }
              producer_properties: { ssl.key.password: "${PW}" }
            processors: [normalize]
            """
        return try ConfigurationLoader.parse(
            yaml, directory: URL(fileURLWithPath: "/tmp"), environment: ["PW": secret], catalog: .builtIn)
    }

    @Test func printConfigRedactsPasswords() throws {
        let configuration = try configuration()
        #expect(configuration.kafka.security.saslPassword == secret)
        let printed = ConfigurationPrinter.yaml(configuration, catalog: .builtIn)
        #expect(!printed.contains(secret))
        #expect(printed.contains(ConfigurationPrinter.redacted))
        #expect(printed.contains("sasl_username: u"))
    }

    @Test func printConfigHidesTheDedupDatabasePassword() throws {
        let yaml = """
            processors:
              - name: dedup
                config: { store: postgres, postgres_url: "${URL}" }
            """
        let configuration = try ConfigurationLoader.parse(
            yaml, directory: URL(fileURLWithPath: "/tmp"),
            environment: ["URL": "postgres://clipper:\(secret)@db.internal:5432/clipper"], catalog: .builtIn)
        let printed = ConfigurationPrinter.yaml(configuration, catalog: .builtIn)
        #expect(!printed.contains(secret))
        #expect(printed.contains("postgres://clipper:***@db.internal:5432/clipper"))
    }

    @Test func startingAWorkerNeverLogsTheSecret() async throws {
        let logFile = FileManager.default.temporaryDirectory.appending(path: "clipper-log-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: logFile) }
        let sink = LogSink(handle: try FileHandle(forWritingTo: logFile))
        let logger = Logger(label: "test") { label in JSONLogHandler(label: label, level: .trace, sink: sink) }
        var configuration = try configuration()
        configuration.kafka.bootstrapServers = "127.0.0.1:1"
        let worker = try Worker(configuration: configuration, catalog: .builtIn, logger: logger)
        logger.info("configured", metadata: ["servers": "\(configuration.kafka.bootstrapServers)"])
        withExtendedLifetime(worker) {}
        let logged = try String(contentsOf: logFile, encoding: .utf8)
        #expect(logged.contains("configured"))
        #expect(!logged.contains(secret))
    }
}

/// JSON log lines say where they come from, so librdkafka's own lines can be told apart (`source: librdkafka`).
@Suite struct JSONLogSourceTests {
    @Test func everyLineCarriesItsSource() throws {
        let file = FileManager.default.temporaryDirectory.appending(path: "clipper-log-\(UUID().uuidString).jsonl")
        _ = FileManager.default.createFile(atPath: file.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: file) }
        let sink = LogSink(handle: try FileHandle(forWritingTo: file))
        let logger = Logger(label: "test") { label in JSONLogHandler(label: label, level: .trace, sink: sink) }
        logger.warning("broker down", source: "librdkafka")
        let line = try #require(try String(contentsOf: file, encoding: .utf8).split(separator: "\n").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["source"] as? String == "librdkafka")
        #expect(object["msg"] as? String == "broker down")
    }
}
