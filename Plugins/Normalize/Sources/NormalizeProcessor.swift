import ClipperCore
import Foundation

/// The `normalize` processor: cleans `title`, `description` and `body` (Unicode NFC, HTML entities, whitespace) and
/// canonicalises the URL, which gives the article its `doc_id`.
///
/// Run it first: every other processor reads the cleaned text, and dedup keys on `doc_id`.
///
/// ```yaml
/// processors:
///   - name: normalize
///     config: { strip_tracking_params: true, prefer_canonical_hint: true }
/// ```
public struct NormalizeProcessor: Processor {
    public struct Configuration: Decodable, Sendable {
        public var stripTrackingParams: Bool
        public var preferCanonicalHint: Bool
        public var extraTrackingParams: [String]
    }

    public static let descriptor = ProcessorDescriptor(
        name: "normalize",
        version: "1.0.0",
        status: .stable,
        summary: "Unicode NFC, HTML-entity and whitespace clean-up of the text; URL canonicalisation and doc_id.",
        writes: [.text, .identity],
        configFields: [
            ConfigField(
                name: "strip_tracking_params", type: .boolean, default: true,
                description: "Drop tracking query parameters (utm_*, fbclid, gclid, …) from the canonical URL."),
            ConfigField(
                name: "prefer_canonical_hint", type: .boolean, default: true,
                description: "Use the crawler's canonical_url_hint (rel=canonical / og:url) when it is a valid URL."),
            ConfigField(
                name: "extra_tracking_params", type: .stringList, default: [],
                description: "More query parameter names to drop; a trailing * matches a prefix.",
                examples: [["ref", "src_*"]]),
        ],
        examples: [
            ProcessorExample(
                name: "drops tracking parameters and the fragment",
                input: [
                    "id": "1", "title": "Budget", "url": "HTTPS://News.Example.COM/a/b?utm_source=x&id=7&fbclid=y#top",
                ],
                expect: [
                    "canonical_url": "https://news.example.com/a/b?id=7",
                    "url_canonicalisation.method": "normalised",
                    "doc_id": .string(DocumentID.sha256Hex("https://news.example.com/a/b?id=7")),
                ]),
            ProcessorExample(
                name: "decodes entities and collapses whitespace",
                input: ["id": "2", "title": "  Tom &amp; Jerry&#39;s   \t show ", "body": "Caf\u{65}\u{301} &eacute;"],
                expect: ["title": "Tom & Jerry's show", "body": "Café é"]),
            ProcessorExample(
                name: "no URL: doc_id from source and id",
                input: ["id": "42", "title": "Wire", "source": ["id": "wire"]],
                expect: ["doc_id": .string(DocumentID.sha256Hex("wire|42")), "canonical_url": nil]),
        ])

    let configuration: Configuration
    let canonicalizer: URLCanonicalizer

    public init(configuration: Configuration, environment: ProcessorEnvironment) throws {
        self.configuration = configuration
        canonicalizer = URLCanonicalizer(
            stripTrackingParameters: configuration.stripTrackingParams,
            extraTrackingParameters: configuration.extraTrackingParams)
    }

    public func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
        article.title = article.title.map(TextCleaner.cleanLine)
        article.description = article.description.map(TextCleaner.cleanLine)
        article.body = article.body.map(TextCleaner.cleanBlock)

        let hinted =
            configuration.preferCanonicalHint ? article.canonicalURLHint.flatMap(canonicalizer.canonicalize) : nil
        if let hinted {
            article.canonicalURL = hinted
            article.urlCanonicalisation = URLCanonicalisation(
                rulesVersion: URLCanonicalizer.rulesVersion, method: "rel_canonical")
        } else if let url = article.url, let canonical = canonicalizer.canonicalize(url) {
            article.canonicalURL = canonical
            article.urlCanonicalisation = URLCanonicalisation(
                rulesVersion: URLCanonicalizer.rulesVersion, method: "normalised")
        } else if let url = article.url, !url.isEmpty {
            article.canonicalURL = url
            article.urlCanonicalisation = URLCanonicalisation(
                rulesVersion: URLCanonicalizer.rulesVersion, method: "as_fetched")
        }
        article.docID = DocumentID.make(
            canonicalURL: article.canonicalURL, sourceID: article.source?.id, rawID: article.rawID)
        return .keep
    }
}
