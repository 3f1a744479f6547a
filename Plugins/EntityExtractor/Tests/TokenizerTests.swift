import Testing

@testable import EntityExtractor

@Suite struct TokenizerTests {
    /// The scalar slice [start, end) of `text`, computed independently of the tokenizer.
    func slice(_ text: String, _ start: Int, _ end: Int) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: Array(text.unicodeScalars)[start..<end])
        return String(view)
    }

    @Test func offsetsAreUnicodeScalarOffsets() {
        let text = "🎉 Zürich, 東京 and the U.S. e\u{301}lan"
        let tokens = Tokenizer.tokenize(text)
        for token in tokens {
            #expect(slice(text, token.start, token.end) == token.text)
        }
        let zurich = try! #require(tokens.first { $0.text == "Zürich" })
        #expect(zurich.start == "🎉 ".unicodeScalars.count)
        #expect(tokens.map(\.text).contains("U.S."))
        // a combining accent stays inside its word
        #expect(tokens.last?.text == "e\u{301}lan")
    }

    @Test func punctuationAndPossessivesAreTokensOfTheirOwn() {
        #expect(Tokenizer.tokenize("Trump's (U.K.)").map(\.text) == ["Trump", "'", "s", "(", "U.K.", ")"])
        #expect(Tokenizer.tokenize("A. Smith").map(\.text) == ["A", ".", "Smith"])
    }

    @Test func shapesCollapseRuns() {
        #expect(WordShape.bytes(of: "McDonald") == Array("XxXx".utf8))
        #expect(WordShape.bytes(of: "2016") == Array("d".utf8))
        #expect(WordShape.bytes(of: "Zürich") == Array("Xx".utf8))
    }

    @Test func featureHashIsIncremental() {
        var pieces = FeatureHash("w=")
        pieces.add("zürich")
        #expect(pieces.value == FeatureHash("w=zürich").value)
        #expect(FeatureHash("w=a").value != FeatureHash("w=b").value)
    }
}
