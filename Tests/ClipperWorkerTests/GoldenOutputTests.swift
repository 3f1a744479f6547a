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
        let lines = try await EnrichedSamples.publish().map { try Self.comparable($0.value) }
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
