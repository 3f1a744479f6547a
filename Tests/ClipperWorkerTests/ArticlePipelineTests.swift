import ClipperCatalog
import ClipperCore
import Foundation
import Testing

@testable import ClipperWorker

@Suite struct ArticlePipelineTests {
    func pipeline(_ steps: [ChainStep] = [], maxRecordBytes: Int = 4096) -> ArticlePipeline {
        let chain = ProcessorChain(steps: steps)
        return ArticlePipeline(
            chain: chain, identity: PipelineIdentity(workerID: "w", chain: chain), maxRecordBytes: maxRecordBytes)
    }

    func record(_ text: String, offset: Int64 = 5) -> InputRecord {
        InputRecord(value: Data(text.utf8), topic: "articles.raw", partition: 2, offset: offset,
                    timestamp: Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test func publishesWithProvenanceAndTheDocIDAsKey() async throws {
        guard case .publish(let output) = await pipeline().handle(record(#"{"id":"a","title":"T","url":"https://x.org/a"}"#))
        else {
            Issue.record("expected publish")
            return
        }
        #expect(output.key == DocumentID.sha256Hex("https://x.org/a"))
        #expect(output.article.processing.input?.partition == 2)
        #expect(output.article.processing.input?.offset == 5)
        #expect(output.article.processing.input?.timestamp?.hasPrefix("2023-11-14T22:13:20") == true)
        #expect(output.article.processing.pipelineVersion.hasPrefix("clipper/"))
        #expect(try JSONDecoder().decode(Article.self, from: output.value) == output.article)
    }

    @Test func oversizedRecordsAreDeadLetteredBeforeDecoding() async {
        let big = #"{"id":"a","title":""# + String(repeating: "x", count: 5000) + #""}"#
        guard case .deadLetter(let letter) = await pipeline().handle(record(big)) else {
            Issue.record("expected dead letter")
            return
        }
        #expect(letter.reason == .oversize)
        #expect(letter.error.contains("max_record_bytes"))
    }

    @Test func emptyAndUndecodableRecordsAreDeadLettered() async {
        for text in ["", "{", #"{"id":"a","title":1}"#] {
            guard case .deadLetter(let letter) = await pipeline().handle(record(text)) else {
                Issue.record("expected dead letter for \(text)")
                continue
            }
            #expect(letter.reason == .deserialize)
        }
    }

    @Test func timeoutsBecomeTheTimeoutReason() async {
        let slow = AnyProcessor(descriptor: ProcessorDescriptor(name: "slow", version: "1.0.0", summary: "s", writes: [.ext])) { _, _ in
            try await Task.sleep(for: .seconds(20))
            return .keep
        }
        let step = ChainStep(
            processor: slow, policy: ErrorPolicy(maxAttempts: 1, finally: .deadLetter), timeout: .milliseconds(20))
        guard case .deadLetter(let letter) = await pipeline([step]).handle(record(#"{"id":"a","title":"T"}"#)) else {
            Issue.record("expected dead letter")
            return
        }
        #expect(letter.reason == .timeout)
        #expect(letter.processor == "slow")
    }

    @Test func deadLetterHeadersCarryTheSourceAndATruncatedError() {
        let letter = DeadLetter(reason: .processor, processor: "entities", error: String(repeating: "é", count: 2000), attempts: 3)
        let headers = Dictionary(uniqueKeysWithValues: letter.headers(for: record("{}"), pipelineVersion: "clipper/x"))
        #expect(headers["mm-dlq-reason"] == "processor")
        #expect(headers["mm-dlq-processor"] == "entities")
        #expect(headers["mm-dlq-attempts"] == "3")
        #expect(headers["mm-src-topic"] == "articles.raw")
        #expect(headers["mm-src-partition"] == "2")
        #expect(headers["mm-src-offset"] == "5")
        #expect(headers["mm-src-timestamp"] != nil)
        #expect(headers["mm-pipeline-version"] == "clipper/x")
        #expect((headers["mm-dlq-error"]?.utf8.count ?? 0) <= DeadLetter.maxErrorBytes)
    }

    @Test func pipelineVersionChangesWithTheChain() {
        let one = ProcessorChain(steps: [ChainStep(processor: AnyProcessor(descriptor: ProcessorDescriptor(name: "a", version: "1.0.0", summary: "s", writes: [.ext])) { _, _ in .keep })])
        let two = ProcessorChain(steps: [ChainStep(processor: AnyProcessor(descriptor: ProcessorDescriptor(name: "a", version: "2.0.0", summary: "s", writes: [.ext])) { _, _ in .keep })])
        #expect(PipelineIdentity(workerID: "w", chain: one).pipelineVersion != PipelineIdentity(workerID: "w", chain: two).pipelineVersion)
        #expect(PipelineIdentity(workerID: "w", chain: one).pipelineVersion == PipelineIdentity(workerID: "x", chain: one).pipelineVersion)
    }
}
