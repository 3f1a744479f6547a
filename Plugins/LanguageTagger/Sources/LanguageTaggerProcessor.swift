import ClipperCore
import Foundation

/// The `language` processor: tags each article with its language (ISO 639-1), script (ISO 15924), a confidence and
/// the runners-up, from title + description + body.
///
/// Lingua-style detection (script rules, alphabet rules, character 1–5-gram log-likelihoods from lingua's models, a
/// word-level tie-breaker for ms/id, hr/sr/sl, nb/da, cs/sk, ca/es, pt/es, ur/fa, bg/ru). Below `min_confidence` it
/// uses the source's declared language (`source.language_hint`) and says so in `language.fallback`.
///
/// ```yaml
/// processors:
///   - name: language
///     config: { languages: [en, de, fr, es], min_confidence: 0.5, max_chars: 1000 }
/// ```
public struct LanguageTaggerProcessor: Processor {
    /// Settings of the `config:` block.
    public struct Configuration: Decodable, Sendable {
        /// ISO 639-1 codes to choose from.
        public var languages: [String]
        /// Unicode scalars read from title + description + body together.
        public var maxChars: Int
        /// Below this confidence the source's language hint wins.
        public var minConfidence: Double
        /// Whether to fall back to `source.language_hint` at all.
        public var useSourceHint: Bool
        /// How many runners-up to record.
        public var maxAlternatives: Int
    }

    /// The 41 languages the bundled model covers, which is also the default set.
    public static let defaultLanguages =
        "en ru uk de fr es it pt pl nl tr ar fa zh ja ko hi sv cs ro hu el he bg sr hr id vi th da fi nb sk sl lt lv et ca ms bn ur"
        .split(separator: " ").map(String.init)

    public static let descriptor = ProcessorDescriptor(
        name: "language",
        version: "1.0.0",
        status: .beta,
        summary: "Tags the article's language (ISO 639-1), script, confidence and runners-up; lingua-style n-grams.",
        writes: [.language],
        configFields: [
            ConfigField(
                name: "languages", type: .stringList, default: .array(defaultLanguages.map { .string($0) }),
                description:
                    "ISO 639-1 codes to choose from (any of the 41 default ones). Fewer languages, fewer mix-ups.",
                examples: [["en", "de", "fr"], ["ms", "id"]]),
            ConfigField(
                name: "max_chars", type: .integer, default: 1000, range: 1...10_000_000,
                description: "Read at most this many characters of title + description + body (in that order).",
                examples: [300, 5000]),
            ConfigField(
                name: "min_confidence", type: .number, default: 0.5, range: 0.0...1.0,
                description:
                    "Below this confidence, use source.language_hint (when there is one) and set language.fallback.",
                examples: [0.3, 0.8]),
            ConfigField(
                name: "use_source_hint", type: .boolean, default: true,
                description: "Fall back to source.language_hint for undetermined or low-confidence text."),
            ConfigField(
                name: "max_alternatives", type: .integer, default: 3, range: 0...40,
                description: "How many runners-up to record in language.alternatives.", examples: [0, 5]),
        ],
        examples: [
            ProcessorExample(
                name: "tags a German article",
                input: [
                    "id": "1", "title": "Bundesregierung beschließt neues Klimaschutzgesetz",
                    "body": "Die Koalition hat sich nach langen Verhandlungen auf einen Kompromiss geeinigt.",
                ],
                expect: ["language.code": "de", "language.script": "Latn", "language.detector": "language@1.0.0"]),
            ProcessorExample(
                name: "tags Ukrainian in Cyrillic",
                input: ["id": "2", "title": "Уряд ухвалив нову програму підтримки для фермерів і підприємців"],
                expect: ["language.code": "uk", "language.script": "Cyrl"]),
            ProcessorExample(
                name: "Greek is decided by its script",
                input: ["id": "3", "title": "Η κυβέρνηση ανακοίνωσε νέα μέτρα"],
                expect: ["language.code": "el", "language.script": "Grek"]),
            ProcessorExample(
                name: "text without letters is und",
                input: ["id": "4", "title": "2024 — 3:1 (1:0)"],
                expect: ["language.code": "und", "language.fallback": nil]),
            ProcessorExample(
                name: "falls back to the source's language when unsure",
                input: ["id": "5", "title": "12:30", "source": ["id": "ansa", "language_hint": "it"]],
                expect: ["language.code": "it", "language.fallback": "source.language_hint"]),
            ProcessorExample(
                name: "a restricted language set",
                input: ["id": "6", "title": "Kerajaan akan mengumumkan bajet baharu selepas mesyuarat kabinet"],
                configuration: ["languages": ["ms", "id", "en"]],
                expect: ["language.code": "ms"]),
        ])

    let configuration: Configuration
    let detector: LanguageDetector
    let detectorName: String

    public init(configuration: Configuration, environment: ProcessorEnvironment) throws {
        self.configuration = configuration
        do {
            detector = try LanguageDetector(languages: configuration.languages)
        } catch let error as UnsupportedLanguageError {
            throw ProcessorSetupError(processor: Self.descriptor.name, key: "languages", message: error.description)
        } catch {
            throw ProcessorSetupError(processor: Self.descriptor.name, message: "\(error)")
        }
        detectorName = "\(Self.descriptor.name)@\(Self.descriptor.version)"
    }

    public func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
        let fields = [article.title, article.description, article.body].compactMap { $0 }
        let guess = detector.detect(fields: fields, maxCharacters: configuration.maxChars)
        article.language = tag(for: guess, hint: article.source?.languageHint)
        return .keep
    }

    /// The record for a guess, after the source-hint fallback.
    func tag(for guess: LanguageGuess, hint: String?) -> LanguageTag {
        let alternatives = guess.alternatives.prefix(max(0, configuration.maxAlternatives)).map {
            LanguageTag.Alternative(code: $0.code, confidence: $0.confidence.rounded(toPlaces: 4))
        }
        let hint = hint?.trimmingCharacters(in: .whitespaces).lowercased()
        if configuration.useSourceHint, let hint, !hint.isEmpty,
            guess.code == "und" || guess.confidence < configuration.minConfidence
        {
            let primary = String(hint.split(separator: "-").first ?? Substring(hint))
            let agreeing =
                guess.code == primary ? guess.confidence : guess.alternatives.first { $0.code == primary }?.confidence
            var runnersUp =
                guess.code == "und" || guess.code == primary
                ? [] : [LanguageTag.Alternative(code: guess.code, confidence: guess.confidence.rounded(toPlaces: 4))]
            runnersUp += alternatives.filter { $0.code != primary }
            return LanguageTag(
                code: hint, confidence: (agreeing ?? 0).rounded(toPlaces: 4), script: guess.script,
                detector: detectorName,
                alternatives: Array(runnersUp.prefix(max(0, configuration.maxAlternatives))),
                fallback: "source.language_hint")
        }
        return LanguageTag(
            code: guess.code, confidence: guess.confidence.rounded(toPlaces: 4), script: guess.script,
            detector: detectorName, alternatives: Array(alternatives))
    }
}

extension Double {
    fileprivate func rounded(toPlaces places: Int) -> Double {
        let factor = pow(10, Double(places))
        return (self * factor).rounded() / factor
    }
}
