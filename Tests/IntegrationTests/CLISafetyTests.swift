import ClipperKafka
import ClipperWorker
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension WorkerIntegrationTests {
    /// Issue 15 items 5–7 and issue 16 item 11, as a user meets them: the real binary against `clipper broker` (and
    /// Tansu for reset-offsets, which needs group descriptions the mock cluster lacks).
    @Suite("CLI refuses nonsense")
    struct CLISafetyTests {
        struct Run {
            var status: Int32
            var stdout: String
            var stderr: String
            var output: String { stdout + stderr }
        }

        /// Runs the binary to completion, with `stdin` from a file when given.
        static func clipper(_ arguments: [String], stdin: URL? = nil, in directory: URL) async throws -> Run {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try WorkerTestEnvironment.clipperBinary())
            process.arguments = arguments
            process.currentDirectoryURL = directory
            let stamp = UUID().uuidString.prefix(8)
            let out = directory.appendingPathComponent("run-\(stamp).stdout")
            let err = directory.appendingPathComponent("run-\(stamp).stderr")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            _ = FileManager.default.createFile(atPath: err.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            process.standardInput = try stdin.map { try FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
            try process.run()
            let exited = await WorkerTestEnvironment.poll(timeout: .seconds(120), interval: .milliseconds(50)) {
                !process.isRunning
            }
            if !exited { process.terminate() }
            process.waitUntilExit()
            return Run(
                status: exited ? process.terminationStatus : -1,
                stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        }

        static func write(_ text: String, _ name: String, in directory: URL) throws -> URL {
            let url = directory.appendingPathComponent(name)
            try Data(text.utf8).write(to: url)
            return url
        }

        static func config(servers: String = "127.0.0.1:9", extra: String = "") -> String {
            """
            kafka:
              bootstrap_servers: \(servers)
              group_id: cli-safety
              topics: { input: raw, output: enriched, dead_letter: dlq }
            \(extra)
            processors: [normalize]
            http: { enabled: false }
            worker: { state_dir: state }
            """
        }

        static func article(_ id: Int) -> String { #"{"id":"a\#(id)","title":"Title \#(id)","body":"Body \#(id)."}"# }

        // MARK: issue 15 item 5

        @Test("a misspelled secret property is redacted by lint, print-config and run")
        func aMisspelledSecretIsNeverEchoed() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("cli-secret")
            let secret = "Sup3r-\(UUID().uuidString.prefix(10))"
            let file = try Self.write(
                Self.config(extra: "  consumer_properties: { sasl.passwrod: \"\(secret)\" }"), "secret.yaml",
                in: directory)
            for arguments in [["lint", file.path], ["print-config", "-c", file.path], ["run", "-c", file.path]] {
                let run = try await Self.clipper(arguments, in: directory)
                #expect(!run.output.contains(secret), "\(arguments[0]) echoed the secret: \(run.output)")
                if arguments[0] != "print-config" { #expect(run.status != 0, "\(arguments[0]): \(run.output)") }
            }
            let printed = try await Self.clipper(["print-config", "-c", file.path], in: directory)
            #expect(printed.stdout.contains("sasl.passwrod: <redacted>"), "\(printed.output)")
            let linted = try await Self.clipper(["lint", file.path], in: directory)
            #expect(linted.stdout.contains("sasl.passwrod"), "lint names the property: \(linted.output)")
        }

        @Test("lint refuses a topic loop, empty lists and a max_record_bytes over the producer limit")
        func lintRefusesConfigsThatCannotWork() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("cli-cannot-work")
            let loop = try Self.write(
                Self.config().replacingOccurrences(of: "output: enriched", with: "output: raw"), "loop.yaml",
                in: directory)
            let empty = try Self.write(
                Self.config().replacingOccurrences(of: "input: raw", with: "input: []")
                    .replacingOccurrences(of: "processors: [normalize]", with: "processors: []"), "empty.yaml",
                in: directory)
            let size = try Self.write(
                Self.config().replacingOccurrences(of: "state_dir: state", with: "state_dir: state, max_record_bytes: 1048576"),
                "size.yaml", in: directory)
            let run = try await Self.clipper(["lint", loop.path, empty.path, size.path], in: directory)
            #expect(run.status == 1)
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasPrefix(loop.path + ":4:") && $0.contains("kafka.topics.output") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix(empty.path) && $0.contains("kafka.topics.input: empty") }, "\(lines)")
            #expect(lines.contains { $0.hasPrefix(empty.path) && $0.contains("processors: empty list") }, "\(lines)")
            #expect(
                lines.contains { $0.hasPrefix(size.path) && $0.contains("worker.max_record_bytes") && $0.contains("message.max.bytes") },
                "\(lines)")
            let refused = try await Self.clipper(["run", "-c", loop.path], in: directory)
            #expect(refused.status != 0 && refused.output.contains("consumed again"), "\(refused.output)")
        }

        // MARK: issue 16 item 11: lint habits

        @Test("lint takes several files and globs, -c, and --env-file; problems carry line and column")
        func lintTakesSeveralFilesAndAnEnvFile() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("cli-lint-many")
            let servers = "  bootstrap_servers: 127.0.0.1:9"
            _ = try Self.write(
                Self.config().replacingOccurrences(of: servers, with: "  bootstrap_servers: ${LINT_BROKERS}"),
                "a.yaml", in: directory)
            _ = try Self.write(Self.config(), "b.yaml", in: directory)
            let env = try Self.write("# brokers\nexport LINT_BROKERS=\"127.0.0.1:9093\"\n", "env", in: directory)
            let noEnv = try await Self.clipper(["lint", "\(directory.path)/*.yaml"], in: directory)
            #expect(noEnv.status == 1)
            #expect(noEnv.stdout.contains("a.yaml:2:3: kafka.bootstrap_servers: environment variable LINT_BROKERS"), "\(noEnv.output)")
            #expect(noEnv.stdout.contains("b.yaml: ok"), "\(noEnv.output)")
            let withEnv = try await Self.clipper(
                ["lint", "--env-file", env.path, "\(directory.path)/*.yaml", "-c", "\(directory.path)/b.yaml"], in: directory)
            #expect(withEnv.status == 0, "\(withEnv.output)")
            #expect(withEnv.stdout.split(separator: "\n").filter { $0.hasSuffix(": ok") }.count == 3, "\(withEnv.output)")
        }

        // MARK: issue 15 item 6 and issue 16 item 11: replay

        @Test("replay refuses nonsense with a reason; --until and the old --to-offset work; produce reads stdin with -b/-t")
        func replayRefusesNonsense() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("cli-replay")
            let binary = try WorkerTestEnvironment.clipperBinary()
            let broker = try await WorkerTestBroker(
                binary: binary, topics: ["raw": 2, "enriched": 1, "dlq": 1], directory: directory)
            defer { broker.stop() }
            let input = try Self.write((0..<10).map(Self.article).joined(separator: "\n") + "\n", "in.jsonl", in: directory)
            let produced = try await Self.clipper(
                ["produce", "-b", broker.bootstrapServers, "-t", "raw"], stdin: input, in: directory)
            #expect(produced.status == 0 && produced.stdout.contains("produced 10 records to raw"), "\(produced.output)")
            let config = try Self.write(Self.config(servers: broker.bootstrapServers), "c.yaml", in: directory)
            let snapshot = try await TopicSnapshot.read(
                topic: "raw", bootstrapServers: broker.bootstrapServers, logger: WorkerTestEnvironment.logger)
            let highs = Dictionary(grouping: snapshot, by: \.partition).mapValues { Int64($0.count) }
            let high0 = highs[0] ?? 0

            let future = Timestamps.rfc3339(Date().addingTimeInterval(3600))
            let cases: [([String], String)] = [
                (["--from", "2026-01-02T00:00:00Z", "--until", "2026-01-01T00:00:00Z"], "is not before --until"),
                (["--from", future], "in the future"),
                (["--from-offset", "5", "--until-offset", "2"], "--from-offset 5 is after --until-offset 2"),
                (["--from-offset", "0:\(high0 + 1)"], "past the end of raw partition 0"),
                (["--earliest", "--until-offset", "0:\(high0 + 5)"], "--until-offset \(high0 + 5) is past the end"),
                (["--from-offset", "9:0"], "partition 9 does not exist; raw has 2 partitions"),
                (["--earliest", "--topic", "no.such.topic"], "topic \"no.such.topic\" does not exist"),
                (["--earliest", "--topic", "no.such.topic"], "topic \"no.such.topic\" does not exist"),
                (["--earliest", "--output", "raw"], "--output raw is the topic being replayed"),
            ]
            for (arguments, expected) in cases {
                let output = arguments.contains("--output") ? [] : ["--output", "replayed"]
                let run = try await Self.clipper(
                    ["replay", "-c", config.path, "--dry-run"] + arguments + output, in: directory)
                #expect(run.status != 0, "\(arguments) was accepted: \(run.output)")
                #expect(run.stderr.contains(expected), "\(arguments): expected \"\(expected)\" in \(run.output)")
            }
            let until = try await Self.clipper(
                ["replay", "-c", config.path, "--dry-run", "--earliest", "--until-offset", "0:1", "--output", "r"],
                in: directory)
            #expect(until.status == 0, "\(until.output)")
            let legacy = try await Self.clipper(
                ["replay", "-c", config.path, "--dry-run", "--earliest", "--to-offset", "0:1", "--output", "r"],
                in: directory)
            #expect(legacy.status == 0 && legacy.stdout == until.stdout, "\(legacy.output)")
            let help = try await Self.clipper(["replay", "--help"], in: directory)
            #expect(help.stdout.contains("--until-offset") && !help.stdout.contains("--to-offset <"), "\(help.stdout)")
        }

        @Test("reset-offsets prints the plan unless --execute, and a move past the retained log needs --force")
        func resetOffsetsNeedsExecuteAndForce() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("cli-reset")
            let broker = try TansuBroker()
            defer { broker.stop() }
            let client = KafkaClientSettings(bootstrapServers: broker.bootstrapServers)
            let admin = try KafkaAdmin(client: client)
            try await admin.createTopic("raw", partitions: 2)
            let producer = try KafkaProducer(settings: ProducerSettings(client: client), logger: WorkerTestEnvironment.logger)
            for id in 0..<6 {
                _ = try await producer.send(OutgoingRecord(
                    topic: "raw", key: nil, value: Array(Self.article(id).utf8), partition: id < 4 ? 0 : 1))
            }
            _ = await producer.close(timeout: .seconds(5))
            // Partition 0: a committed offset far beyond its 4-record log, as after the topic was recreated.
            try await admin.commitOffsets(group: "cli-safety", [
                TopicPartitionOffset(topic: "raw", partition: 0, offset: 1000),
                TopicPartitionOffset(topic: "raw", partition: 1, offset: 2),
            ])
            let config = try Self.write(Self.config(servers: broker.bootstrapServers), "c.yaml", in: directory)
            func committed() async throws -> [Int32: Int64] {
                Dictionary(uniqueKeysWithValues: try await admin.committedOffsets(group: "cli-safety", topic: "raw")
                    .map { ($0.partition, $0.offset) })
            }

            let plan = try await Self.clipper(["reset-offsets", "-c", config.path, "--earliest"], in: directory)
            #expect(plan.status == 0, "\(plan.output)")
            #expect(plan.stdout.contains("plan only: nothing changed"), "\(plan.output)")
            #expect(plan.stdout.contains("needs --force: partition 0 would move back 1000 records"), "\(plan.output)")
            #expect(!plan.stdout.contains("partition 1 would move"), "\(plan.output)")
            #expect(try await committed() == [0: 1000, 1: 2])

            let refused = try await Self.clipper(["reset-offsets", "-c", config.path, "--earliest", "--execute"], in: directory)
            #expect(refused.status != 0 && refused.stderr.contains("rerun with --force"), "\(refused.output)")
            #expect(try await committed() == [0: 1000, 1: 2])

            let pastEnd = try await Self.clipper(
                ["reset-offsets", "-c", config.path, "--to-offset", "0:99", "--execute", "--force"], in: directory)
            #expect(pastEnd.status != 0 && pastEnd.stderr.contains("past the end of raw partition 0"), "\(pastEnd.output)")
            let noPartition = try await Self.clipper(
                ["reset-offsets", "-c", config.path, "--to-offset", "5:0", "--execute"], in: directory)
            #expect(noPartition.status != 0 && noPartition.stderr.contains("partition 5 does not exist"), "\(noPartition.output)")

            let future = Timestamps.rfc3339(Date().addingTimeInterval(86_400))
            let later = try await Self.clipper(
                ["reset-offsets", "-c", config.path, "--to-time", future, "--execute"], in: directory)
            #expect(later.status != 0 && later.stderr.contains("in the future"), "\(later.output)")

            let named = try await Self.clipper(
                ["reset-offsets", "-c", config.path, "--to-offset", "0:1", "--execute", "--force"], in: directory)
            #expect(named.status == 0, "\(named.output)")
            #expect(try await committed() == [0: 1, 1: 2], "only the named partition moves")

            let earliest = try await Self.clipper(
                ["reset-offsets", "-c", config.path, "--earliest", "--execute"], in: directory)
            #expect(earliest.status == 0, "within the retained log: no --force needed: \(earliest.output)")
            #expect(try await committed() == [0: 0, 1: 0])
        }

        // MARK: issue 15 item 7

        @Test("process: one output line per input line, a 20 MB line rejected as oversize, blank lines give null")
        func processKeepsLinesAligned() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("cli-process")
            let huge = #"{"id":"big","title":"Big","body":""# + String(repeating: "x", count: 20 << 20) + #""}"#
            let eight = #"{"id":"eight","title":"Eight","body":""# + String(repeating: "y", count: 8 << 20) + #""}"#
            let lines = [
                Self.article(1), huge, "", "   \t", eight, Self.article(2), "1e999",
                #"{"id":"when","title":"Dated","published_at":"yesterday"}"#, Self.article(3),
            ]
            let input = try Self.write(lines.joined(separator: "\n") + "\n", "in.jsonl", in: directory)
            let run = try await Self.clipper(
                ["process", "--processors", "normalize", "--state", directory.appendingPathComponent("state").path,
                 "--input", input.path], in: directory)
            #expect(run.status == 0, "\(run.stderr)")
            let output = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            #expect(output.count == lines.count, "one output line per input line: \(output.map { $0.prefix(60) })")
            guard output.count == lines.count else { return }
            #expect(output[1] == "null" && output[2] == "null" && output[3] == "null" && output[4] == "null")
            #expect(output[6] == "null")
            for index in [0, 5, 7, 8] { #expect(output[index].hasPrefix("{"), "line \(index + 1): \(output[index].prefix(80))") }
            #expect(run.stderr.contains("line 2: oversize"), "\(run.stderr)")
            #expect(run.stderr.contains("line 3: blank line") && run.stderr.contains("line 4: blank line"), "\(run.stderr)")
            #expect(run.stderr.contains("line 5: oversize"), "\(run.stderr)")
            #expect(run.stderr.contains("line 7: ") && run.stderr.contains("out of range"), "\(run.stderr)")
            #expect(!run.stderr.contains("expected an object"), "\(run.stderr)")
            let dated = try #require(try JSONSerialization.jsonObject(with: Data(output[7].utf8)) as? [String: Any])
            let times = dated["times"] as? [String: Any]
            #expect(times?["published_at"] as? String == "yesterday", "the raw string is kept: \(output[7])")
            let processing = dated["processing"] as? [String: Any]
            let warnings = processing?["warnings"] as? [String] ?? []
            #expect(warnings.contains { $0.contains("published_at") && $0.contains("yesterday") }, "\(output[7])")
        }

        @Test("produce names a line it cannot send and still sends the next one")
        func produceNamesTheFailedLine() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("cli-produce")
            let binary = try WorkerTestEnvironment.clipperBinary()
            let broker = try await WorkerTestBroker(binary: binary, topics: ["raw": 1], directory: directory)
            defer { broker.stop() }
            let big = #"{"id":"big","title":"Big","body":""# + String(repeating: "z", count: 8 << 20) + #""}"#
            let input = try Self.write(
                [Self.article(1), big, Self.article(3)].joined(separator: "\n") + "\n", "in.jsonl", in: directory)
            let run = try await Self.clipper(
                ["produce", "-b", broker.bootstrapServers, "-t", "raw", input.path], in: directory)
            #expect(run.status != 0, "\(run.output)")
            #expect(run.stderr.contains("line 2:") && run.stderr.contains("not sent"), "\(run.output)")
            let records = try await TopicSnapshot.read(
                topic: "raw", bootstrapServers: broker.bootstrapServers, logger: WorkerTestEnvironment.logger)
            let ids = records.compactMap { $0.value.map { String(decoding: $0, as: UTF8.self) } }
            #expect(ids == [Self.article(1), Self.article(3)], "line 3 was sent after line 2 failed")
        }

        // MARK: issue 16 item 11: broker --count

        @Test("broker takes --count (and the old --brokers, hidden)")
        func brokerTakesCount() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("cli-broker")
            let binary = try WorkerTestEnvironment.clipperBinary()
            for flag in ["--count", "--brokers"] {
                let file = directory.appendingPathComponent("bootstrap\(flag)")
                let child = try WorkerChildProcess(
                    name: "broker", executable: binary, arguments: ["broker", flag, "2", "--bootstrap-file", file.path],
                    logDirectory: directory)
                defer { child.stop() }
                var address = ""
                _ = await WorkerTestEnvironment.poll(timeout: .seconds(20), interval: .milliseconds(50)) {
                    address = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
                    return !address.isEmpty || !child.isRunning
                }
                #expect(address.split(separator: ",").count == 2, "\(flag) 2: \(address) \(child.tail())")
                child.send(SIGTERM)
                _ = await child.finish(timeout: .seconds(10))
            }
            let help = try await Self.clipper(["broker", "--help"], in: directory)
            #expect(help.stdout.contains("--count") && !help.stdout.contains("--brokers"), "\(help.stdout)")
        }
    }
}
