/// Detects the language of a text: script rules first, then character n-gram log-likelihoods over the configured
/// languages, with a character-alphabet penalty and a word-level tie-breaker for close pairs.
///
/// Thread-safe and cheap to share; build it once.
///
/// ```swift
/// let detector = try LanguageDetector(languages: ["en", "de", "fr"])
/// detector.detect("Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen.").code // "de"
/// ```
public struct LanguageDetector: Sendable {
    public let model: NgramModel
    public let tuning: DetectorTuning
    /// Configured language codes, in model order.
    public let languages: [String]
    let candidates: LanguageMask
    /// Configured languages per script, indexed by `WritingScript.rawValue`.
    let scriptCandidates: [LanguageMask]
    let alphabet: AlphabetMasks
    let markers: MarkerWords
    /// `unseenCost` per order in quantisation steps.
    let unseenQuanta: [Int32]

    /// Builds a detector over `languages` (default: every language of the model).
    ///
    /// ```swift
    /// let detector = try LanguageDetector(languages: ["ms", "id"])
    /// ```
    /// - Throws: ``UnsupportedLanguageError`` naming codes the model does not cover.
    public init(model: NgramModel? = nil, languages: [String]? = nil, tuning: DetectorTuning = DetectorTuning()) throws
    {
        let model = try model ?? NgramModel.shared.get()
        let requested = languages.map { $0.map { $0.lowercased() } } ?? model.languageCodes
        let unknown = requested.filter { model.index(of: $0) == nil }
        guard unknown.isEmpty, !requested.isEmpty else {
            throw UnsupportedLanguageError(unsupported: unknown, supported: model.languageCodes)
        }
        var candidates = LanguageMask()
        for index in requested.compactMap(model.index(of:)) { candidates.insert(index) }
        var scriptCandidates = [LanguageMask](repeating: LanguageMask(), count: WritingScript.allCases.count)
        for index in candidates.indices {
            scriptCandidates[LanguageScripts.script(of: model.languageCodes[index]).rawValue].insert(index)
        }
        self.model = model
        self.tuning = tuning
        self.languages = candidates.indices.map { model.languageCodes[$0] }
        self.candidates = candidates
        self.scriptCandidates = scriptCandidates
        alphabet = AlphabetMasks(model.alphabet)
        markers = MarkerWords(model: model)
        unseenQuanta = tuning.unseenCost.map { Int32(($0 / model.quantStep).rounded()) }
    }

    /// Detects the language of one text, reading at most `maxCharacters` Unicode scalars.
    ///
    /// ```swift
    /// detector.detect("Привет, как дела?").code // "ru"
    /// ```
    public func detect(_ text: String, maxCharacters: Int = 4096) -> LanguageGuess {
        detect(fields: [text], maxCharacters: maxCharacters)
    }

    /// Detects the language of several fields read in order (title, description, body), together capped at
    /// `maxCharacters` Unicode scalars.
    ///
    /// ```swift
    /// detector.detect(fields: ["Título", "Cuerpo del artículo"], maxCharacters: 1000).code // "es"
    /// ```
    public func detect(fields: [String], maxCharacters: Int) -> LanguageGuess {
        let sample = TextSample(fields, maxScalars: maxCharacters)
        guard let script = sample.dominantScript else { return .undetermined(script: nil) }
        let inScript = scriptCandidates[script.rawValue]
        switch inScript.count {
        case 0:
            return .undetermined(script: script.iso15924)
        case 1:
            guard let only = inScript.indices.first else { return .undetermined(script: script.iso15924) }
            let code = model.languageCodes[only]
            return LanguageGuess(
                code: code, confidence: sample.share(of: script), script: script.iso15924, alternatives: [],
                method: .script)
        default:
            var scores = NgramScorer(detector: self, sample: sample, candidates: inScript).scores()
            markers.applyTieBreak(to: &scores, sample: sample, candidates: inScript, bonus: tuning.markerWordBonus)
            return ranked(scores, candidates: inScript, script: script, letters: sample.letterCount)
        }
    }

    /// Turns log-likelihoods into the guess: softmax confidences, best first.
    private func ranked(_ scores: [Float], candidates: LanguageMask, script: WritingScript, letters: Int)
        -> LanguageGuess
    {
        let orders = letters >= tuning.longTextLetters ? tuning.longTextOrders : tuning.shortTextOrders
        let scale = 1 / (tuning.temperature * Float(orders.count))
        let indices = candidates.indices
        let best = indices.map { scores[$0] }.max() ?? 0
        var weights = indices.map { (index: $0, weight: Double(((scores[$0] - best) * scale).clampedExponent)) }
        let total = weights.reduce(0) { $0 + $1.weight }
        weights.sort { $0.weight > $1.weight }
        let top = weights[0]
        let alternatives = weights.dropFirst().prefix(5).map {
            (code: model.languageCodes[$0.index], confidence: $0.weight / total)
        }
        return LanguageGuess(
            code: model.languageCodes[top.index], confidence: top.weight / total, script: script.iso15924,
            alternatives: Array(alternatives), method: .ngrams)
    }
}

extension Float {
    /// `exp(self)`, without underflow trouble for very negative inputs.
    fileprivate var clampedExponent: Float {
        self < -80 ? 0 : Float(exp(Double(self)))
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
