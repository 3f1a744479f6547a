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
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: logFile) }
        let sink = LogSink(handle: try FileHandle(forWritingTo: logFile))
        let logger = Logger(label: "test") { label in JSONLogHandler(label: label, level: .trace, sink: sink) }
        var configuration = try configuration()
        configuration.kafka.bootstrapServers = "127.0.0.1:1"
        let worker = try Worker(configuration: configuration, logger: logger)
        logger.info("configured", metadata: ["servers": "\(configuration.kafka.bootstrapServers)"])
        withExtendedLifetime(worker) {}
        let logged = try String(contentsOf: logFile, encoding: .utf8)
        #expect(logged.contains("configured"))
        #expect(!logged.contains(secret))
    }
}
