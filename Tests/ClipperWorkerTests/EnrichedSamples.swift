import ClipperCatalog
import ClipperCore
import Foundation
import Testing

@testable import ClipperWorker

/// The samples in `Config/samples/articles.jsonl` through every built-in processor with fresh dedup state, as the
/// schema, encoder and golden-output tests need them.
enum EnrichedSamples {
    static let root = CatalogPaths.repositoryRoot

    /// The published records in sample order; a sample that is not published is recorded as a test issue.
    static func publish() async throws -> [EnrichedOutput] {
        let state = FileManager.default.temporaryDirectory.appending(path: "clipper-samples-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let environment = ProcessorEnvironment(configDirectory: root.appending(path: "Config"), stateDirectory: state)
        let specs = ProcessorCatalog.builtIn.names.map { ProcessorSpec(name: $0) }
        let chain = try ProcessorCatalog.builtIn.makeChain(specs, environment: environment)
        let pipeline = ArticlePipeline(chain: chain, identity: PipelineIdentity(workerID: "test", chain: chain))
        var outputs: [EnrichedOutput] = []
        for (offset, line) in try lines().enumerated() {
            let decision = await pipeline.handle(
                InputRecord(value: Data(line.utf8), topic: "articles.raw", partition: 0, offset: Int64(offset)))
            guard case .publish(let enriched) = decision else {
                Issue.record("sample \(offset) was not published: \(decision)")
                continue
            }
            outputs.append(enriched)
        }
        return outputs
    }

    /// The raw sample lines.
    static func lines() throws -> [Substring] {
        try String(contentsOf: root.appending(path: "Config/samples/articles.jsonl"), encoding: .utf8)
            .split(separator: "\n")
    }
}
