/// What the detector decided for one text.
///
/// ```swift
/// let guess = detector.detect("Das ist ein kleiner Test.")
/// guess.code        // "de"
/// guess.confidence  // 0.99...
/// guess.script      // "Latn"
/// ```
public struct LanguageGuess: Sendable, Hashable {
    /// ISO 639-1 code, or `und` for text without letters (or whose script no configured language uses).
    public var code: String
    /// 0 to 1.
    public var confidence: Double
    /// ISO 15924 code of the text's main script, nil without letters.
    public var script: String?
    /// Runners-up with their confidences, best first.
    public var alternatives: [(code: String, confidence: Double)]
    /// How the decision was made.
    public var method: Method

    /// How a guess was made.
    public enum Method: String, Sendable, Hashable {
        /// No letters, or no configured language uses the script.
        case none
        /// The script belongs to one configured language.
        case script
        /// Character n-gram statistics (with the character and close-pair word rules).
        case ngrams
    }

    public static func == (lhs: LanguageGuess, rhs: LanguageGuess) -> Bool {
        lhs.code == rhs.code && lhs.confidence == rhs.confidence && lhs.script == rhs.script
            && lhs.method == rhs.method && lhs.alternatives.map(\.code) == rhs.alternatives.map(\.code)
            && lhs.alternatives.map(\.confidence) == rhs.alternatives.map(\.confidence)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(confidence)
    }

    static func undetermined(script: String?) -> LanguageGuess {
        LanguageGuess(code: "und", confidence: 0, script: script, alternatives: [], method: .none)
    }
}
