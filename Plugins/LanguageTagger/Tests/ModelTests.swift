import Foundation
import Testing

@testable import LanguageTagger

@Suite struct ModelTests {
    @Test func bundledModelLoadsWithAllDefaultLanguages() throws {
        let model = try NgramModel.bundled()
        #expect(Set(model.languageCodes) == Set(LanguageTaggerProcessor.defaultLanguages))
        #expect(model.tables.count == 5)
        #expect(model.tables[2].keyCount > 100_000)
    }

    @Test func frequentNgramsAreFoundAndRareOnesAreNot() throws {
        let model = try NgramModel.bundled()
        let english = try #require(model.index(of: "en"))
        let postings = try #require(model.tables[2].postings(forKey: NgramHasher.hash("the")))
        #expect(postings.contains { Int($0 & 0xFF) == english })
        #expect(model.tables[2].postings(forKey: NgramHasher.hash("qqx")) == nil)
    }

    @Test func hasherMatchesTheConverterOnAKnownValue() {
        // Value printed by scripts/convert_lingua_models.py: ngram_hash("ab").
        #expect(NgramHasher.hash("ab") == NgramHasherFixture.ab)
    }

    @Test func garbageFileIsRejectedWithAFix() throws {
        let url = FileManager.default.temporaryDirectory.appending(path: "not-a-model-\(UUID()).bin")
        try Data(repeating: 7, count: 256).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            _ = try NgramModel(contentsOf: url)
        } throws: { error in
            "\(error)".contains("bad magic") && "\(error)".contains("convert_lingua_models.py")
        }
    }

    @Test func missingFileIsRejected() {
        #expect(throws: ModelFormatError.self) {
            _ = try NgramModel(contentsOf: URL(fileURLWithPath: "/nonexistent/ngrams.bin"))
        }
    }

    @Test func unsupportedLanguageNamesTheCode() {
        #expect {
            _ = try LanguageDetector(languages: ["en", "tlh"])
        } throws: { error in
            "\(error)".contains("tlh")
        }
    }
}
