import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

extension WorkerIntegrationTests {
    /// The issues' acceptance lines as a new user tries them, through the real binary: `clipper process` with no
    /// broker, `clipper broker` serving kcat, and `clipper replay` over demo-style data.
    @Suite("Worker acceptance commands")
    struct WorkerAcceptanceTests {
        static let repositoryRoot: URL = {
            var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            while directory.path != "/",
                !FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path)
            {
                directory = directory.deletingLastPathComponent()
            }
            return directory
        }()

        static var samples: URL { repositoryRoot.appendingPathComponent("Config/samples") }

        func run(_ executable: String, _ arguments: [String], in directory: URL, timeout: Duration = .seconds(120))
            async throws -> WorkerChildProcess
        {
            let child = try WorkerChildProcess(
                name: URL(fileURLWithPath: executable).lastPathComponent + "-" + (arguments.first ?? ""),
                executable: executable, arguments: arguments, logDirectory: directory)
            _ = await child.finish(timeout: timeout)
            return child
        }

        func lines(_ file: URL) throws -> [Substring] {
            try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        }

        @Test("process without a broker: one output line per input line, null plus a reason for a bad line")
        func processWorksWithoutABroker() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("process")
            let input = directory.appendingPathComponent("mixed.jsonl")
            var mixed = try Data(contentsOf: Self.samples.appendingPathComponent("articles.jsonl"))
            mixed.append(try Data(contentsOf: Self.samples.appendingPathComponent("malformed.jsonl")))
            try mixed.write(to: input)
            let inputLines = mixed.split(separator: 0x0A).count

            let child = try await run(
                try WorkerTestEnvironment.clipperBinary(),
                ["process", "--processors", "normalize,language", "--input", input.path], in: directory)
            let output = child.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(output.count == inputLines, "\(child.tail())")
            let published = output.filter { $0 != "null" }
            #expect(published.count == 17)
            #expect(output.filter { $0 == "null" }.count == 6)
            for line in published {
                let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                #expect((record?["doc_id"] as? String)?.count == 64)
                #expect((record?["language"] as? [String: Any])?["code"] is String)
            }
            #expect(child.stderr.contains("deserialize"), "bad lines are explained on stderr: \(child.stderr)")
            #expect(child.stderr.contains("processed 17, failed 6"))
        }

        @Test("process --processors entities gives offsets that point at the surface text")
        func entityOffsetsPointAtTheSurface() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("entities")
            let child = try await run(
                try WorkerTestEnvironment.clipperBinary(),
                ["process", "--processors", "normalize,language,entities", "--input",
                 Self.samples.appendingPathComponent("articles.jsonl").path], in: directory)
            var checked = 0
            for line in child.stdout.split(separator: "\n") where line != "null" {
                guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let entities = record["entities"] as? [[String: Any]]
                else { continue }
                for entity in entities {
                    for mention in entity["mentions"] as? [[String: Any]] ?? [] {
                        guard let field = mention["field"] as? String, let text = record[field] as? String,
                            let start = mention["start"] as? Int, let end = mention["end"] as? Int
                        else {
                            Issue.record("malformed mention \(mention)")
                            continue
                        }
                        let scalars = Array(text.unicodeScalars)
                        #expect(end <= scalars.count && start < end)
                        guard end <= scalars.count, start < end else { continue }
                        var slice = String.UnicodeScalarView()
                        slice.append(contentsOf: scalars[start..<end])
                        #expect(String(slice) == mention["surface"] as? String)
                        checked += 1
                    }
                }
            }
            #expect(checked > 20, "the samples mention people, places and organisations: \(child.tail())")
        }

        @Test("demo prints the enriched samples, the dead letters and a summary that accounts for every record")
        func demoPrintsEveryRecordAndTheSummary() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("demo")
            let child = try WorkerChildProcess(
                name: "clipper-demo", executable: try WorkerTestEnvironment.clipperBinary(), arguments: ["demo"],
                logDirectory: directory, currentDirectory: Self.repositoryRoot)
            #expect(await child.finish(timeout: .seconds(180)) == 0, "\(child.tail())")
            #expect(child.stdout.contains("summary: in 23 / out 17 / dead-lettered 6 / dropped 0"), "\(child.tail())")
            #expect(child.stdout.components(separatedBy: "\n■ ").count - 1 == 17)
            #expect(child.stdout.components(separatedBy: "\n✗ dead letter").count - 1 == 6)
            #expect(child.stdout.contains("contained of"), "the near-duplicate pair is linked")
            // The README's transcript of `make demo` shows lines the demo really prints.
            let readme = try String(contentsOf: Self.repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
            let afterMarker = try #require(readme.components(separatedBy: "<!-- readme-transcript: make demo -->").dropFirst().first)
            let transcript = afterMarker.split(separator: "\n").dropFirst().prefix { !$0.hasPrefix("```") }.map(String.init)
            #expect(transcript.count > 5, "no transcript after the marker")
            // Partitions and offsets of the samples vary between runs: compare titles, errors and the summary.
            for line in transcript
            where line.hasPrefix("■ ") || line.hasPrefix("summary: ") || line.hasPrefix("  error ") {
                #expect(child.stdout.contains(line), "README transcript line not in the demo's output: \(line)")
            }
        }

        @Test("clipper broker serves kcat -P and kcat -C -G")
        func brokerServesKcat() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("kcat")
            let broker = try await WorkerTestBroker(
                binary: try WorkerTestEnvironment.clipperBinary(), topics: ["kc.in": 2], directory: directory)
            defer { broker.stop() }
            let kcat = try WorkerKcat.executable()
            let file = Self.samples.appendingPathComponent("articles.jsonl")
            let produce = try await run(kcat, ["-P", "-b", broker.bootstrapServers, "-t", "kc.in", "-l", file.path], in: directory)
            #expect(await produce.finish() == 0, "\(produce.tail())")
            let consume = try await run(
                kcat, ["-C", "-b", broker.bootstrapServers, "-G", "kc-group", "-X", "auto.offset.reset=earliest",
                       "-c", "17", "-q", "-f", "%s\n", "kc.in"], in: directory, timeout: .seconds(60))
            let consumed = Set(consume.stdout.split(separator: "\n").map(String.init))
            let produced = Set(try lines(file).map(String.init))
            #expect(consumed == produced, "\(consume.tail())")
        }

        @Test("replay --earliest shows a summary and writes one stamped record per input record")
        func replayWritesOneStampedRecordPerInput() async throws {
            let directory = try WorkerTestEnvironment.scratchDirectory("replay")
            let binary = try WorkerTestEnvironment.clipperBinary()
            let broker = try await WorkerTestBroker(
                binary: binary, topics: ["articles.raw": 3, "articles.enriched.v2": 3, "articles.dlq": 1],
                directory: directory)
            defer { broker.stop() }
            let produce = try await run(
                binary, ["produce", "--brokers", broker.bootstrapServers, "--topic", "articles.raw", "--file",
                         Self.samples.appendingPathComponent("articles.jsonl").path], in: directory)
            #expect(produce.stdout.contains("produced 17 records"), "\(produce.tail())")
            let config = directory.appendingPathComponent("replay.yaml")
            try Data("""
                kafka:
                  bootstrap_servers: \(broker.bootstrapServers)
                  topics: { input: articles.raw, output: articles.enriched, dead_letter: articles.dlq }
                processors: [normalize]
                worker: { state_dir: \(directory.appendingPathComponent("state").path) }
                """.utf8).write(to: config)

            let dryRun = try await run(
                binary, ["replay", "--config", config.path, "--earliest", "--output", "articles.enriched.v2", "--dry-run"],
                in: directory)
            #expect(dryRun.stdout.contains("total records to read: 17"), "\(dryRun.tail())")

            let replay = try await run(
                binary, ["replay", "--config", config.path, "--earliest", "--output", "articles.enriched.v2",
                         "--replay-id", "acceptance-1"], in: directory)
            #expect(await replay.finish() == 0, "\(replay.tail())")
            #expect(replay.stdout.contains("replay acceptance-1 → articles.enriched.v2"))
            #expect(replay.stdout.contains("total: 17 records, 17 published"), "\(replay.tail())")
            #expect(replay.stderr.contains("/17"), "progress is shown: \(replay.stderr)")

            let records = try await WorkerKcat.read(
                topic: "articles.enriched.v2", brokers: broker.bootstrapServers, directory: directory)
            #expect(records.count == 17)
            var inputs: Set<String> = []
            for record in records {
                let json = try JSONSerialization.jsonObject(with: Data(record.value ?? [])) as? [String: Any]
                let processing = json?["processing"] as? [String: Any]
                #expect(processing?["replay"] as? String == "acceptance-1")
                let input = processing?["input"] as? [String: Any]
                inputs.insert("\(input?["partition"] ?? "?")@\(input?["offset"] ?? "?")")
            }
            #expect(inputs.count == 17, "one record per input record")
        }
    }
}
