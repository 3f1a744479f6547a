import ClipperCore
import Testing

@Suite struct ConfigurationDecoderTests {
    struct Settings: Decodable, Sendable {
        var maxChars: Int
        var languages: [String]
    }

    let descriptor = ProcessorDescriptor(
        name: "demo", version: "1.0.0", summary: "s", writes: [.ext],
        configFields: [
            ConfigField(name: "max_chars", type: .integer, default: 100, description: "d", examples: [500]),
            ConfigField(name: "languages", type: .stringList, default: ["en"], choices: ["en", "de"], description: "d"),
            ConfigField(name: "ratio", type: .number, default: 0.5, range: 0.0...1.0, description: "d"),
        ])

    @Test func fillsDefaultsFromTheDescriptor() throws {
        let settings = try ConfigurationDecoder.decode(Settings.self, settings: [:], descriptor: descriptor)
        #expect(settings.maxChars == 100)
        #expect(settings.languages == ["en"])
        let overridden = try ConfigurationDecoder.decode(Settings.self, settings: ["max_chars": 7], descriptor: descriptor)
        #expect(overridden.maxChars == 7)
    }

    @Test func lintNamesUnknownKeysWithASuggestion() {
        let problems = ConfigurationDecoder.lint(["max_char": 5], descriptor: descriptor)
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains("processors.demo.config.max_char") == true)
        #expect(problems.first?.description.contains(#"did you mean "max_chars""#) == true)
    }

    @Test func lintNamesWrongTypesWithAnExample() {
        let problems = ConfigurationDecoder.lint(["max_chars": "many", "languages": [1]], descriptor: descriptor)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.key == "max_chars" && $0.message.contains("expected integer") && $0.message.contains("500") })
    }

    @Test func suggestionsNeedACloseMatch() {
        #expect(Suggestion.didYouMean("langauge", among: ["language", "entities"]).contains("language"))
        #expect(Suggestion.didYouMean("zzzzzz", among: ["language", "entities"]).isEmpty)
    }

    @Test func rangesAndChoicesAreCheckedWhenDecodingAndLinting() throws {
        let problems = ConfigurationDecoder.lint(["ratio": 1.5, "languages": ["en", "xx"]], descriptor: descriptor)
        #expect(problems.contains { $0.key == "ratio" && $0.message.hasPrefix("must be between 0 and 1, found 1.5") })
        #expect(problems.contains { $0.key == "languages" && $0.message.hasPrefix("must be one of en, de, found \"xx\"") })
        #expect(throws: ProcessorSetupError.self) {
            try ConfigurationDecoder.decode(Settings.self, settings: ["ratio": -1], descriptor: descriptor)
        }
    }
}
