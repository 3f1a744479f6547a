import ClipperCatalog
import ClipperCore
import Foundation
import Testing

@testable import ClipperWorker

/// The worker's own output must validate against the published JSON Schema (checked with the Python
/// `jsonschema` package through scripts/validate-records.py, the same tool users get).
@Suite struct SchemaConformanceTests {
    static let root = CatalogPaths.repositoryRoot

    func validate(_ lines: [Data], schema: String) throws -> (status: Int32, output: String) {
        try RecordValidator.validate(lines, schema: schema)
    }

    @Test func enrichedSamplesValidateAgainstTheSchema() async throws {
        let outputs = try await EnrichedSamples.publish().map(\.value)
        let samples = try EnrichedSamples.lines()
        #expect(outputs.count == samples.count)
        #expect(outputs.contains { String(decoding: $0, as: UTF8.self).contains("\"entities\"") })
        let result = try validate(outputs, schema: "mm.article.enriched")
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func aWrongFieldNameFailsValidation() throws {
        var article = Article(raw: RawArticle(id: "x", title: "T"))
        article.processing.pipelineVersion = "clipper/test"
        var json = try JSONDecoder().decode(JSONValue.self, from: try article.jsonData())
        if case .object(var members) = json, case .object(var processing)? = members["processing"] {
            processing["pipeline_versoin"] = processing.removeValue(forKey: "pipeline_version")
            members["processing"] = .object(processing)
            json = .object(members)
        }
        let result = try validate([try JSONEncoder().encode(json)], schema: "mm.article.enriched")
        #expect(result.status != 0, "a misspelt field must not validate")
    }

    @Test func rawSamplesValidateAgainstTheRawSchema() throws {
        let lines = try String(contentsOf: Self.root.appending(path: "Config/samples/articles.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { Data($0.utf8) }
        let result = try validate(lines, schema: "mm.article.raw")
        #expect(result.status == 0, "\(result.output)")
    }
}
