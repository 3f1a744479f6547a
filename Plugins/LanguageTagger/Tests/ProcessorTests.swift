import ClipperCore
import ClipperTesting
import Testing

@testable import LanguageTagger

@Suite struct ProcessorTests {
    let harness = ProcessorHarness(
        catalog: ProcessorCatalog([.plugin(LanguageTaggerProcessor.self, folder: "LanguageTagger")]))

    @Test func declaredExamplesHold() async throws {
        let failures = try await harness.runExamples(of: "language")
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func recordsDetectorScriptAndRunnersUp() async throws {
        let run = try await harness.run(
            "language", input: ["id": "1", "title": "Le gouvernement présente son budget pour l'année prochaine"])
        #expect(run.article?.language?.code == "fr")
        #expect(run.article?.language?.detector == "language@\(LanguageTaggerProcessor.descriptor.version)")
        #expect(run.article?.language?.script == "Latn")
        let tag = try #require(run.article?.language)
        #expect(tag.confidence > 0.5 && tag.confidence <= 1)
        #expect(tag.alternatives.count == 3)
        #expect(tag.alternatives.allSatisfy { $0.confidence <= tag.confidence })
        #expect(tag.fallback == nil)
    }

    @Test func confidentDetectionIgnoresAWrongHint() async throws {
        let run = try await harness.run(
            "language",
            input: [
                "id": "1", "title": "Il presidente del Consiglio ha incontrato i sindacati questa mattina",
                "source": ["id": "x", "language_hint": "en"],
            ])
        #expect(run.article?.language?.code == "it")
        #expect(run.article?.language?.fallback == nil)
    }

    @Test func lowConfidenceFallsBackToTheHint() async throws {
        // A threshold above any real confidence forces the fallback.
        let run = try await harness.run(
            "language", settings: ["min_confidence": 1.0],
            input: ["id": "1", "title": "Das Wetter", "source": ["id": "x", "language_hint": "de-AT"]])
        let tag = try #require(run.article?.language)
        #expect(tag.code == "de-at")
        #expect(tag.fallback == "source.language_hint")
    }

    @Test func fallbackCanBeSwitchedOff() async throws {
        let run = try await harness.run(
            "language", settings: ["use_source_hint": false],
            input: ["id": "1", "title": "+++ 2025 +++", "source": ["id": "x", "language_hint": "pl"]])
        #expect(run.article?.language?.code == "und")
        #expect(run.article?.language?.fallback == nil)
    }

    @Test func readsOnlyTheFirstMaxChars() async throws {
        let run = try await harness.run(
            "language", settings: ["max_chars": 40],
            input: [
                "id": "1", "title": "Sveriges regering presenterar budgeten",
                "body": "The rest of this article is written in English and is much longer than the title.",
            ])
        #expect(run.article?.language?.code == "sv")
    }

    @Test func unsupportedLanguageIsAClearSetupError() async throws {
        await #expect(throws: ProcessorSetupError.self) {
            _ = try await harness.run(
                "language", settings: ["languages": ["en", "klingon"]], input: ["id": "1", "title": "x"])
        }
        do {
            _ = try LanguageTaggerProcessor(
                configuration: .init(
                    languages: ["xx"], maxChars: 100, minConfidence: 0.5, useSourceHint: true,
                    maxAlternatives: 3),
                environment: ProcessorEnvironment())
            Issue.record("expected an error")
        } catch let error as ProcessorSetupError {
            #expect(error.key == "languages")
            #expect(error.message.contains("xx") && error.message.contains("en"))
        }
    }
}
