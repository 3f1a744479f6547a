import ClipperCatalog
import ClipperCore
import Foundation
import Testing

@testable import ClipperWorker

/// Every built-in processor's output on the samples, byte for byte, against `Fixtures/enriched-samples.jsonl`:
/// speed work must not change what users get. Timings and the worker's identity are left out of the comparison.
///
/// When a change of output is intended (a retrained model, a new field), regenerate the file and review its diff:
///
///     CLIPPER_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests
@Suite struct GoldenOutputTests {
    static let root = CatalogPaths.repositoryRoot
    static let fixture = root.appending(path: "Tests/ClipperWorkerTests/Fixtures/enriched-samples.jsonl")

    /// The enriched record without what varies from run to run (durations, worker id, pipeline version).
    static func comparable(_ record: Data) throws -> String {
        var article = try JSONDecoder().decode(Article.self, from: record)
        article.processing.workerID = ""
        article.processing.pipelineVersion = ""
        for index in article.processing.processors.indices { article.processing.processors[index].durationMS = 0 }
        return String(decoding: try article.jsonData(), as: UTF8.self)
    }

    @Test func samplesEnrichExactlyAsRecorded() async throws {
        let state = FileManager.default.temporaryDirectory.appending(path: "clipper-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = ProcessorEnvironment(configDirectory: Self.root.appending(path: "Config"), stateDirectory: state)
        let specs = ProcessorCatalog.builtIn.names.map { ProcessorSpec(name: $0) }
        let chain = try ProcessorCatalog.builtIn.makeChain(specs, environment: environment)
        let pipeline = ArticlePipeline(chain: chain, identity: PipelineIdentity(workerID: "golden", chain: chain))
        let samples = try String(contentsOf: Self.root.appending(path: "Config/samples/articles.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        var lines: [String] = []
        for (offset, line) in samples.enumerated() {
            let decision = await pipeline.handle(
                InputRecord(value: Data(line.utf8), topic: "articles.raw", partition: 0, offset: Int64(offset)))
            guard case .publish(let enriched) = decision else {
                Issue.record("sample \(offset) was not published: \(decision)")
                continue
            }
            lines.append(try Self.comparable(enriched.value))
        }
        let produced = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["CLIPPER_UPDATE_GOLDEN"] == "1" {
            try Data(produced.utf8).write(to: Self.fixture)
        }
        let recorded = try String(contentsOf: Self.fixture, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == recorded.count)
        for (index, (line, expected)) in zip(lines, recorded).enumerated() where line != expected {
            Issue.record(
                """
                sample \(index) enriches differently from the recorded output; if intended, regenerate with \
                CLIPPER_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests and review the diff.
                now:      \(line.prefix(600))
                recorded: \(expected.prefix(600))
                """)
        }
    }
}
