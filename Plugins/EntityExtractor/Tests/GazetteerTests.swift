import ClipperCore
import Foundation
import Testing

@testable import EntityExtractor

/// The gazetteer does not invent places, and one place has one id in every language.
@Suite struct GazetteerTests {
    let gazetteer: Gazetteer

    init() throws {
        gazetteer = try ModelResources.shared().gazetteer
    }

    @Test func hashKeyedTableKeepsEveryEntryThroughGrowth() {
        var table = HashKeyedTable<Int>()
        for number in 0..<5_000 { table[FeatureHash("word\(number)").value] = number }
        table[FeatureHash("word7").value] = -7  // overwrite
        #expect(table.count == 5_000)
        #expect(table[FeatureHash("word7").value] == -7)
        #expect((0..<5_000).filter { $0 != 7 }.allSatisfy { table[FeatureHash("word\($0)").value] == $0 })
        #expect(table[FeatureHash("missing").value] == nil)
        #expect(!table.contains(FeatureHash("missing").value))
        table[0] = 42
        #expect(table[0] == 42)
    }

    @Test(arguments: ["Germany", "Deutschland", "Allemagne", "Германия", "德国", "德國", "ドイツ", "Tyskland", "Alemanha"])
    func countryNamesInEveryLanguageShareOneID(name: String) {
        let tokens = Tokenizer.tokenize(name).map(\.text)
        #expect(gazetteer.place(named: tokens)?.namespacedID == "geonames:2921044")
    }

    @Test func subdivisionsHaveISOIDsInSeveralLanguages() {
        #expect(gazetteer.place(named: ["Baden", "-", "Württemberg"])?.namespacedID == "iso3166-2:DE-BW")
        #expect(gazetteer.place(named: ["Rheinland", "-", "Pfalz"])?.namespacedID == "iso3166-2:DE-RP")
        #expect(gazetteer.place(named: ["Саксония", "-", "Анхальт"])?.namespacedID == "iso3166-2:DE-ST")
    }

    @Test(arguments: ["SPD", "CDU", "AfD", "FDP"])
    func partyAcronymsAreNeverPlaces(acronym: String) {
        #expect(gazetteer.place(named: [acronym]) == nil)
        #expect(gazetteer.isListedOrganisation([acronym]))
    }

    @Test func aPlaceOwnNameWinsOverAnotherPlaceAlias() {
        // "Baden" is an alias of South San Francisco in GeoNames, and the name of two Badens.
        #expect(gazetteer.place(named: ["Baden"])?.name == "Baden")
    }

    @Test func evidenceRulesRejectLowerCaseAndAllCapitalForms() {
        #expect(NameEvidence.isWrittenAsName("Berlin", placeName: "Berlin"))
        #expect(!NameEvidence.isWrittenAsName("turkey", placeName: "Turkey"))
        #expect(!NameEvidence.isWrittenAsName("NICE", placeName: "Nice"))
        #expect(NameEvidence.isWrittenAsName("北京", placeName: "Beijing"))
    }

    @Test func gazetteerOnlyLanguagesDoNotMatchCodesOrLowerCaseWords() async throws {
        let resources = try ModelResources.shared()
        let extractor = try MentionExtractor(
            resources: resources, watchlist: WatchlistMatcher(Watchlist(entries: [])), language: "tr")
        #expect(LanguageSupport.for("tr") != .gazetteerOnly)
        let gazetteerOnly = try MentionExtractor(
            resources: resources, watchlist: WatchlistMatcher(Watchlist(entries: [])), language: "xx")
        let text = Array("SPD ve CDU, berlin ile Berlin arasında.".unicodeScalars)
        let found = gazetteerOnly.candidates(in: text, field: .body)
        #expect(found.map(\.surface) == ["Berlin"])
        #expect(found.first?.id == "geonames:2950159")
        _ = extractor
    }
}
