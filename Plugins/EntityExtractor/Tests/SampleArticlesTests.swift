import ClipperCore
import Foundation
import Testing

@testable import EntityExtractor

/// The non-English samples that `make demo` prints get the right people, organisations and places, with
/// GeoNames ids where GeoNames has them, and no invented places.
@Suite struct SampleArticlesTests {
    static let samples: [String: RawArticle] = {
        let url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
            .appending(path: "../../../Config/samples/articles.jsonl").standardized
        let lines = ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n")
        let decoded = lines.compactMap { try? JSONDecoder().decode(RawArticle.self, from: Data($0.utf8)) }
        return Dictionary(decoded.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }()

    func entities(of id: String) async throws -> [Entity] {
        let raw = try #require(Self.samples[id], "sample \(id) is missing from Config/samples/articles.jsonl")
        let processor = try EntityExtractorProcessor(
            configuration: .init(watchlist: ""), environment: ProcessorEnvironment())
        var article = Article(raw: raw)
        let language = try #require(raw.source?.languageHint)
        article.language = LanguageTag(code: language, confidence: 0.99, detector: "test")
        _ = try await processor.process(&article, context: ProcessorContext())
        return article.entities ?? []
    }

    @Test func germanSampleHasItsPoliticiansPartiesAndLaender() async throws {
        let found = try await entities(of: "wn-de-2016-03-04-gabriel")
        #expect(found.contains { $0.name == "Sigmar Gabriel" && $0.type == .person })
        #expect(found.contains { $0.name == "SPD" && $0.type == .organisation })
        #expect(found.contains { $0.id == "geonames:2950159" && $0.type == .location })  // Berlin
        #expect(found.contains { $0.id == "geonames:2921044" && $0.type == .location })  // Deutschland
        #expect(found.contains { $0.id == "iso3166-2:DE-BW" })  // Baden-Württemberg
        #expect(found.contains { $0.id == "iso3166-2:DE-ST" })  // Sachsen-Anhalt
        #expect(!found.contains { $0.name == "Saidpur" || $0.name == "Cidade Dutra" })
        #expect(!found.contains { $0.type == .location && ($0.name == "SPD" || $0.name == "CDU" || $0.name == "AfD") })
    }

    @Test func russianSampleFindsCambodiaInTheAccusative() async throws {
        let found = try await entities(of: "gv-ru-eco-fashion")
        #expect(found.contains { $0.id == "geonames:1831722" && $0.type == .location })  // Камбоджу → Cambodia
    }

    @Test func chineseSampleFindsWuhan() async throws {
        let found = try await entities(of: "wn-zh-2020-12-26-review")
        #expect(found.contains { $0.id == "geonames:1791247" && $0.type == .location })  // 武漢
    }

    @Test func japaneseSampleFindsVanuatuInKatakana() async throws {
        let found = try await entities(of: "gv-ja-2019-01-17-vanuatu")
        #expect(found.contains { $0.id == "geonames:2134431" && $0.type == .location })  // バヌアツ
    }

    @Test func frenchSampleFindsGuadeloupe() async throws {
        let found = try await entities(of: "gv-fr-2009-01-30-guadeloupe")
        #expect(found.contains { $0.id == "geonames:3579143" && $0.type == .location })
    }
}
