import ClipperCatalog
import ClipperCore
import Foundation
import Testing

@testable import ClipperWorker

/// ``RecordJSONEncoder`` must write exactly the bytes Foundation's `JSONEncoder` writes for records
/// (`ArticleCoding.encoder()`: sorted keys, unescaped slashes): consumers diff and hash our output.
@Suite struct RecordJSONEncoderTests {
    static let root = CatalogPaths.repositoryRoot

    func expectSameBytes<T: Encodable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let ours = try RecordJSONEncoder().encode(value)
        let foundation = try ArticleCoding.encoder().encode(value)
        #expect(
            ours == foundation,
            "ours:       \(String(decoding: ours, as: UTF8.self))\nfoundation: \(String(decoding: foundation, as: UTF8.self))",
            sourceLocation: sourceLocation)
    }

    @Test func enrichedSamplesEncodeToFoundationsBytes() async throws {
        let state = FileManager.default.temporaryDirectory.appending(path: "clipper-json-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = ProcessorEnvironment(configDirectory: Self.root.appending(path: "Config"), stateDirectory: state)
        let specs = ProcessorCatalog.builtIn.names.map { ProcessorSpec(name: $0) }
        let chain = try ProcessorCatalog.builtIn.makeChain(specs, environment: environment)
        let pipeline = ArticlePipeline(chain: chain, identity: PipelineIdentity(workerID: "test", chain: chain))
        let samples = try String(contentsOf: Self.root.appending(path: "Config/samples/articles.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        var compared = 0
        for (offset, line) in samples.enumerated() {
            let decision = await pipeline.handle(
                InputRecord(value: Data(line.utf8), topic: "articles.raw", partition: 0, offset: Int64(offset)))
            guard case .publish(let enriched) = decision else { continue }
            try expectSameBytes(enriched.article)
            #expect(enriched.value == (try ArticleCoding.encoder().encode(enriched.article)))
            compared += 1
        }
        #expect(compared == samples.count)
    }

    @Test func everyEscapeAndNumberRuleMatches() throws {
        let strings = [
            "", "plain", "a/b", "q\"uote", "back\\slash", "\u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1F}", "\u{7F}",
            "\u{2028}\u{2029}", "é東😀", "<>&'",
        ]
        let numbers: [Double] = [
            0, -0.0, 1, -1, 0.1, 0.84, 1e-7, 3e-5, 123_456_789_012, 2.5e15, 9e15, 1e16, 1e21, .leastNonzeroMagnitude,
            0.300_000_000_000_000_04, 1.7976931348623157e308,
        ]
        try expectSameBytes(strings)
        try expectSameBytes(numbers)
        try expectSameBytes([Int64.min, Int64.max, 0])
        try expectSameBytes(["b": 1, "B": 2, "a_b": 3, "ab": 4, "a": 5, "_x": 6, "Z": 7, "10": 8, "9": 9, "é": 10, "aB": 11])
        let value = JSONValue.object([
            "list": .array([.null, .bool(true), .bool(false), .number(1.5), .number(42), .string("x/y")]),
            "nested": .object(["z": .object([:]), "a": .array([])]), "big": .number(1e300),
        ])
        try expectSameBytes(value)
        #expect(throws: EncodingError.self) { try RecordJSONEncoder().encode([Double.nan]) }
    }

    @Test func aFullyPopulatedArticleMatches() throws {
        var raw = RawArticle(id: "r1", title: "Title \"quoted\"")
        raw.url = "https://example.com/a?b=1"
        raw.body = "Body\nwith\tcontrol\u{1} and / slash"
        raw.authors = ["A", "B"]
        raw.publishedAt = "2026-01-01T00:00:00Z"
        raw.extra = ["k": .number(3), "s": .string("v")]
        var article = Article(raw: raw)
        article.language = LanguageTag(
            code: "en", confidence: 0.97, script: "Latn", detector: "test", alternatives: [.init(code: "de", confidence: 0.02)])
        article.entities = [
            Entity(
                id: "geonames:1", type: .location, name: "Paris",
                mentions: [.init(field: .body, start: 0, end: 5, surface: "Paris")], salience: 0.5, confidence: 0.9,
                extractor: "gazetteer")
        ]
        article.ext = ["mine": .object(["score": .number(0.25)])]
        article.processing.pipelineVersion = "clipper/test"
        article.processing.workerID = "w"
        article.processing.processors = [
            .init(name: "normalize", version: "1", status: .ok, durationMS: 0.125, attempts: 1)
        ]
        try expectSameBytes(article)
    }
}
