import ClipperCore
import ClipperTesting
import Foundation
import Testing

@testable import EntityExtractor

@Suite struct ProcessorTests {
    let harness = ProcessorHarness(
        catalog: ProcessorCatalog([.plugin(EntityExtractorProcessor.self, folder: "EntityExtractor")]))

    func run(_ input: JSONValue, settings: [String: JSONValue] = ["watchlist": ""]) async throws -> Article {
        let run = try await harness.run("entities", settings: settings, input: input)
        return try #require(run.article)
    }

    func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[start..<end])
        return String(view)
    }

    @Test func declaredExamplesHold() async throws {
        let failures = try await harness.runExamples(of: "entities")
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func everyMentionPointsAtItsSurfaceInNonASCIIText() async throws {
        let title = "🇫🇷 Emmanuel Macron trifft Olaf Scholz in Zürich"
        let body =
            "東京 — 👋 Angela Merkel told Reuters in São Paulo that Merkel and the European Union agree. "
            + "Later, Gerhard Schröder spoke in Berlin."
        let article = try await run(["id": "1", "title": .string(title), "body": .string(body)])
        let entities = try #require(article.entities)
        #expect(entities.count >= 4)
        for mention in entities.flatMap(\.mentions) {
            let text = mention.field == .title ? title : body
            #expect(slice(text, mention.start, mention.end) == mention.surface)
        }
        #expect(entities.flatMap(\.mentions).contains { $0.surface == "Zürich" })
    }

    @Test func laterSurnameJoinsTheFullName() async throws {
        let article = try await run([
            "id": "1", "title": "Putin warns the West",
            "body":
                "Russian President Vladimir Putin said on Tuesday that sanctions had failed. Putin added that talks would go on.",
        ])
        let putin = try #require(article.entities?.first { $0.name == "Vladimir Putin" })
        #expect(putin.type == .person)
        #expect(putin.mentions.count == 3)
        #expect(putin.mentions.map(\.field) == [.title, .body, .body])
        #expect(article.entities?.filter { $0.name == "Putin" }.isEmpty == true)
    }

    @Test func mergerGroupsByIDAndRetypesSurnames() {
        let candidates = [
            Candidate(
                field: .body, start: 0, end: 5, surface: "Smith", type: .organisation, confidence: 0.6, source: .tagger),
            Candidate(
                field: .body, start: 20, end: 31, surface: "Alice Smith", type: .person, confidence: 0.9,
                source: .tagger),
            Candidate(
                field: .title, start: 0, end: 5, surface: "Paris", type: .location, id: "geonames:2988507",
                canonicalName: "Paris", confidence: 0.8, source: .tagger),
            Candidate(
                field: .body, start: 40, end: 45, surface: "PARIS", type: .location, id: "geonames:2988507",
                canonicalName: "Paris", confidence: 0.7, source: .tagger),
        ]
        let entities = EntityMerger.merge(candidates, fieldLengths: [.title: 10, .body: 100]) { _ in "test" }
        #expect(entities.count == 2)
        let smith = try! #require(entities.first { $0.name == "Alice Smith" })
        #expect(smith.mentions.count == 2)
        #expect(smith.type == .person)
        let paris = try! #require(entities.first { $0.id == "geonames:2988507" })
        #expect(paris.mentions.count == 2)
        #expect(entities.allSatisfy { ($0.salience ?? -1) >= 0 && ($0.salience ?? 2) <= 1 })
        #expect(entities.first?.salience == 1)
    }

    @Test func watchlistHitsTakeTheWatchlistID() async throws {
        let folder = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .appending(path: "../../../Config").standardized
        let processor = try EntityExtractorProcessor(
            configuration: .init(), environment: ProcessorEnvironment(configDirectory: folder))
        var article = Article(raw: RawArticle(id: "1", body: "NATO ministers met in Brussels. Путин не приехал."))
        article.language = LanguageTag(code: "en", confidence: 0.9, detector: "test")
        _ = try await processor.process(&article, context: ProcessorContext())
        let ids = (article.entities ?? []).compactMap(\.id)
        #expect(ids.contains("watch:nato"))
        #expect(ids.contains("watch:vladimir-putin"))
    }

    @Test func languagesWithoutATaggerSaySo() async throws {
        let processor = try EntityExtractorProcessor(
            configuration: .init(watchlist: ""), environment: ProcessorEnvironment())
        var article = Article(raw: RawArticle(id: "1", body: "وصل الرئيس إلى برلين ثم إلى القاهرة."))
        article.language = LanguageTag(code: "ar", confidence: 0.99, detector: "test")
        _ = try await processor.process(&article, context: ProcessorContext())
        let entities = try #require(article.entities)
        #expect(entities.contains { $0.id == "geonames:2950159" && $0.name == "Berlin" })
        #expect(entities.allSatisfy { $0.extractor?.contains("no tagger for ar") == true })
    }

    @Test func modelLoadsWithBIOConstraints() throws {
        let resources = try ModelResources.shared()
        let model = try #require(try resources.tagger(for: "en")).model
        #expect(model.labels.first == "O")
        #expect(Set(model.labels) == ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"])
        let labelCount = model.labels.count
        let outside = model.labels.firstIndex(of: "O")!
        let insidePerson = model.labels.firstIndex(of: "I-PER")!
        let beginPerson = model.labels.firstIndex(of: "B-PER")!
        // O → I-PER and start → I-PER are forbidden; B-PER → I-PER is not.
        #expect(model.transitions[outside * labelCount + insidePerson] < -1_000_000)
        #expect(model.transitions[labelCount * labelCount + insidePerson] < -1_000_000)
        #expect(model.transitions[beginPerson * labelCount + insidePerson] > -1_000_000)
        #expect(model.featureCount > 10_000)
        #expect(resources.gazetteer.place(named: ["New", "York"])?.kind == .city)
    }

    @Test func taggedLabelsFormValidBIOSequences() throws {
        let tagger = try #require(try ModelResources.shared().tagger(for: "en"))
        let labels = tagger.labels(
            Tokenizer.tokenize("The Bank of England and Mr. John Smith of Acme Corp. met in New York City on Monday."))
        for (index, label) in labels.enumerated() where label.hasPrefix("I-") {
            let previous = index > 0 ? labels[index - 1] : "O"
            #expect(previous.dropFirst(2) == label.dropFirst(2))
        }
    }
}
