import ClipperCore
import ClipperTesting
import Testing

@testable import Normalize

@Suite struct NormalizeTests {
    let harness = ProcessorHarness(catalog: ProcessorCatalog([.plugin(NormalizeProcessor.self, folder: "Normalize")]))

    @Test func declaredExamplesHold() async throws {
        let failures = try await harness.runExamples(of: "normalize")
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func canonicalHintWinsWhenValid() async throws {
        let run = try await harness.run(
            "normalize",
            input: [
                "id": "1", "title": "T", "url": "https://m.example.com/a?x=1",
                "canonical_url_hint": "https://www.example.com/a",
            ])
        #expect(run.json.lookup("canonical_url") == "https://www.example.com/a")
        #expect(run.json.lookup("url_canonicalisation.method") == "rel_canonical")
        #expect(run.json.lookup("url") == "https://m.example.com/a?x=1")
    }

    @Test func invalidHintFallsBackToTheFetchedURL() async throws {
        let run = try await harness.run(
            "normalize",
            input: ["id": "1", "title": "T", "url": "https://example.com/a", "canonical_url_hint": "not a url"])
        #expect(run.json.lookup("canonical_url") == "https://example.com/a")
    }

    @Test func trackingStripCanBeTurnedOff() async throws {
        let run = try await harness.run(
            "normalize", settings: ["strip_tracking_params": false],
            input: ["id": "1", "title": "T", "url": "https://example.com/a?utm_source=x"])
        #expect(run.json.lookup("canonical_url") == "https://example.com/a?utm_source=x")
    }

    @Test func sameArticleThroughDifferentLinksGetsOneDocID() async throws {
        let first = try await harness.run(
            "normalize", input: ["id": "1", "title": "T", "url": "https://Example.com:443/a?b=2&a=1&gclid=z"])
        let second = try await harness.run(
            "normalize", input: ["id": "2", "title": "T", "url": "https://example.com/a?a=1&b=2#comments"])
        #expect(first.article?.docID == second.article?.docID)
        #expect(first.article?.docID.count == 64)
    }

    @Test func bodyKeepsParagraphsButCollapsesBlankLines() {
        #expect(TextCleaner.cleanBlock("One  line.\r\n\r\n\r\n\tTwo\u{200B} lines.\n") == "One line.\n\nTwo lines.")
    }

    @Test func decodesNumericAndNamedEntitiesAndLeavesStrayAmpersands() {
        #expect(HTMLEntities.decode("AT&T &#8220;x&#x201D; &eacute; &bogus; &") == "AT&T “x” é &bogus; &")
    }

    @Test func rejectsNonHTTPURLs() {
        #expect(URLCanonicalizer().canonicalize("ftp://example.com/a") == nil)
        #expect(URLCanonicalizer().canonicalize("/relative/path") == nil)
    }

    @Test func extraTrackingPatternsMatchPrefixes() {
        let canonicalizer = URLCanonicalizer(extraTrackingParameters: ["src_*"])
        #expect(canonicalizer.canonicalize("https://x.org/p?src_a=1&keep=2") == "https://x.org/p?keep=2")
    }
}

/// The NFC shortcut never changes a result: random texts from scalars near every range boundary of
/// `NFCStability` come out the same as with Foundation's NFC pass always run.
@Suite struct NFCShortcutTests {
    static let pool: [Unicode.Scalar] = [
        "a", "Z", " ", "\n", "\t", "&", ";", "é", "ÿ", "\u{2FF}", "\u{300}", "\u{301}", "\u{308}", "\u{327}",
        "\u{340}", "\u{374}", "\u{37E}", "\u{387}", "е", "и", "\u{483}", "\u{489}", "й", "\u{2000}", "\u{2001}",
        "\u{2002}", "\u{200B}", "\u{2010}", "\u{2026}", "\u{2126}", "\u{212B}", "\u{3001}", "\u{302A}", "\u{302F}",
        "\u{3099}", "\u{309A}", "か", "カ", "ヴ", "\u{30FB}", "東", "\u{F900}", "\u{FA10}", "\u{1100}", "\u{1161}",
        "\u{AC00}", "\u{FF21}", "\u{FF9E}", "\u{1D15E}", "\u{2F800}",
    ]

    @Test func shortcutAgreesWithTheFullNormalization() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                view.append(Self.pool.randomElement(using: &generator) ?? "a")
            }
            let text = String(view)
            #expect(TextCleaner.cleanBlock(text) == TextCleaner.cleanAlwaysNormalizing(text, keepParagraphs: true))
            #expect(TextCleaner.cleanLine(text) == TextCleaner.cleanAlwaysNormalizing(text, keepParagraphs: false))
        }
    }

    @Test func entitiesThatDecodeToCombiningMarksAreStillNormalized() {
        #expect(TextCleaner.cleanLine("Cafe&#769;") == "Café")
        #expect(!NFCStability.isCertainlyNFC("e\u{301}"))
        #expect(NFCStability.isCertainlyNFC("Zürich — 東京 — Москва"))
    }
}
