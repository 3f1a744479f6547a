/// The language of an article, written by the `language` processor.
///
/// ```swift
/// let tag = LanguageTag(code: "de", confidence: 0.97, script: "Latn", detector: "language@1.0.0",
///                       alternatives: [.init(code: "nl", confidence: 0.02)])
/// ```
public struct LanguageTag: Sendable, Hashable, Codable {
    /// ISO 639-1 (BCP-47 where needed), or `und` when undetermined.
    public var code: String
    /// 0 to 1.
    public var confidence: Double
    /// ISO 15924 script code, e.g. `Latn`, `Cyrl`.
    public var script: String?
    /// `name@version` of the detector.
    public var detector: String
    /// Runners-up, best first.
    public var alternatives: [Alternative]
    /// Set when the detector was not confident and the source's declared language was used instead.
    public var fallback: String?

    public init(
        code: String, confidence: Double, script: String? = nil, detector: String,
        alternatives: [Alternative] = [], fallback: String? = nil
    ) {
        self.code = code
        self.confidence = confidence
        self.script = script
        self.detector = detector
        self.alternatives = alternatives
        self.fallback = fallback
    }

    /// A runner-up language.
    public struct Alternative: Sendable, Hashable, Codable {
        public var code: String
        public var confidence: Double
        public init(code: String, confidence: Double) {
            self.code = code
            self.confidence = confidence
        }
    }
}
