import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension WorkerIntegrationTests {
    /// `clipper lint` and `clipper print-config` as a user runs them, and the rule that secrets never leak.
    @Suite("Worker config commands")
    struct WorkerConfigCommandTests {
        static let secret = "Sup3r-Secret-\(UUID().uuidString.prefix(12))"

        func runClipper(_ arguments: [String], environment: [String: String] = [:], in directory: URL) async throws
            -> (status: Int32, stdout: String, stderr: String)
        {
            let child = try WorkerChildProcess(
                name: "clipper-\(arguments[0])", executable: WorkerTestEnvironment.clipperBinary(),
                arguments: arguments,
                environment: environment, logDirectory: directory)
            let status = await child.finish(timeout: .seconds(60))
            return (status, child.stdout, child.stderr)
        }

        func write(_ yaml: String, _ name: String, in directory: URL) throws -> String {
            let url = directory.appendingPathComponent(name)
            try Data(yaml.utf8).write(to: url)
            return url.path
        }

        static let cleanYAML = """
            kafka:
              bootstrap_servers: 127.0.0.1:9092
              group_id: lint-check
              topics:
                input: articles.raw
                output: articles.enriched
                dead_letter: articles.dlq
            processors:
              - name: normalize
            """

        @Test("lint names a mistyped key on one line and suggests the right one; a clean config passes")
        func lintNamesTheMistypedKeyAndSuggestsTheFix() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("lint")
            let clean = try write(Self.cleanYAML, "clean.yaml", in: directory)
            let good = try await runClipper(["lint", "--config", clean], in: directory)
            #expect(good.status == 0, "clean config: \(good.stdout)\(good.stderr)")
            #expect(good.stdout.contains("ok"))

            let typo = try write(
                Self.cleanYAML.replacingOccurrences(of: "bootstrap_servers:", with: "bootstrap_server:"), "typo.yaml",
                in: directory)
            let bad = try await runClipper(["lint", "--config", typo], in: directory)
            #expect(bad.status != 0)
            let lines = bad.stdout.split(separator: "\n").filter { !$0.isEmpty }
            let naming = lines.filter {
                $0.contains("kafka.bootstrap_server:") || $0.hasSuffix("kafka.bootstrap_server")
            }
            #expect(naming.count == 1, "lines naming kafka.bootstrap_server: \(lines)")
            #expect(naming.first?.contains("bootstrap_servers") == true, "no suggestion in \(naming)")
            #expect(lines.count == 1, "one problem, one line: \(lines)")
        }

        @Test("lint names a raw librdkafka property that librdkafka rejects, by section and name")
        func lintNamesABadRawLibrdkafkaProperty() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("lint-raw")
            let unknownName = try write(
                Self.cleanYAML.replacingOccurrences(
                    of: "  group_id: lint-check",
                    with: "  group_id: lint-check\n  consumer_properties:\n    fetch.wait.max.msec: \"100\""),
                "unknown.yaml", in: directory)
            let unknown = try await runClipper(["lint", "--config", unknownName], in: directory)
            #expect(unknown.status != 0)
            let unknownLines = unknown.stdout.split(separator: "\n").filter { $0.contains("fetch.wait.max.msec") }
            #expect(
                unknownLines.count == 1 && unknownLines[0].contains("kafka.consumer_properties"),
                "\(unknown.stdout)")

            let badValue = try write(
                Self.cleanYAML.replacingOccurrences(
                    of: "  group_id: lint-check",
                    with: "  group_id: lint-check\n  producer_properties:\n    linger.ms: \"soon\""),
                "value.yaml", in: directory)
            let value = try await runClipper(["lint", "--config", badValue], in: directory)
            #expect(value.status != 0)
            let valueLines = value.stdout.split(separator: "\n").filter { $0.contains("linger.ms") }
            #expect(valueLines.count == 1 && valueLines[0].contains("kafka.producer_properties"), "\(value.stdout)")
        }

        @Test(
            "a SASL password given through ${VAR} never appears in print-config output or in the worker's logs",
            .timeLimit(.minutes(2)))
        func saslPasswordFromTheEnvironmentNeverAppearsInPrintConfigOrLogs() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("secret")
            let binary = try WorkerTestEnvironment.clipperBinary()
            let broker = try await WorkerTestBroker(
                binary: binary, topics: ["articles.raw": 1, "articles.enriched": 1, "articles.dlq": 1],
                directory: directory)
            defer { broker.stop() }
            var config = WorkerTestConfig(
                bootstrapServers: broker.bootstrapServers, groupID: "clipper-it-secret",
                stateDirectory: directory.appendingPathComponent("state"))
            config.logLevel = "trace"
            config.drainTimeoutMS = 2000
            config.closeTimeoutMS = 3000
            config.extraKafkaYAML = """
                  security:
                    protocol: sasl_plaintext
                    sasl_mechanism: PLAIN
                    sasl_username: clipper-it
                    sasl_password: ${CLIPPER_IT_SASL_PASSWORD}
                  consumer_properties:
                    sasl.password: ${CLIPPER_IT_SASL_PASSWORD}
                    debug: conf,security,broker
                """
            let path = try config.write(to: directory)
            let environment = ["CLIPPER_IT_SASL_PASSWORD": Self.secret]

            let printed = try await runClipper(
                ["print-config", "--config", path], environment: environment, in: directory)
            #expect(printed.status == 0, "\(printed.stderr)")
            #expect(printed.stdout.contains("sasl_password"), "print-config should show the key: \(printed.stdout)")
            #expect(printed.stdout.contains("<redacted>"))
            #expect(
                !printed.stdout.contains(Self.secret) && !printed.stderr.contains(Self.secret),
                "print-config leaked the password")

            let lint = try await runClipper(["lint", "--config", path], environment: environment, in: directory)
            #expect(
                !lint.stdout.contains(Self.secret) && !lint.stderr.contains(Self.secret), "lint leaked the password")

            // The mock has no SASL: the worker fails to authenticate (or not); either way it logs, never the secret.
            let worker = try WorkerChildProcess(
                name: "worker-secret", executable: binary, arguments: ["run", "--config", path],
                environment: environment, logDirectory: directory)
            defer { worker.stop() }
            _ = await WorkerTestEnvironment.poll(timeout: .seconds(8), interval: .milliseconds(250)) {
                !worker.isRunning || worker.stderr.contains("\"source\":\"librdkafka\"") && worker.stderr.count > 4000
            }
            try? await Task.sleep(for: .seconds(2))  // let the client retry and log a few times; not an assertion
            worker.send(SIGTERM)
            _ = await worker.waitForExit(timeout: .seconds(15))
            worker.stop()
            let logs = worker.stderr + worker.stdout
            #expect(logs.contains("librdkafka"), "the worker's logs should include librdkafka's (debug: conf,security)")
            #expect(!logs.contains(Self.secret), "the worker's output contains the SASL password")
        }
    }
}
