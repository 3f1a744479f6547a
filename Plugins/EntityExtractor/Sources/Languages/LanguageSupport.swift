/// How the `entities` processor handles one language: which tagger it runs, and how far its output is trusted.
///
/// * `trained`: a tagger trained on labelled text of this language (its dev figures are in MODEL_CARD.md);
///   tagger-only entities below the model's confidence floor are dropped, so dev precision reaches 0.75.
/// * `transferred`: no labelled data; the tagger of the nearest trained language runs, sharing shape,
///   capitalisation, script and gazetteer features. Only spans at confidence 0.8 or with a gazetteer id are kept.
/// * `precisionFallback`: a tagger exists but its dev precision is below 0.75, so only watchlist hits and
///   high-evidence gazetteer places are reported.
/// * `gazetteerOnly`: no tagger fits the script; watchlist hits and high-evidence gazetteer places.
///
/// ```swift
/// LanguageSupport.for("de")  // .trained(model: "de")
/// LanguageSupport.for("es")  // .transferred(model: "pt")
/// LanguageSupport.for("ar")  // .gazetteerOnly
/// ```
public enum LanguageSupport: Sendable, Hashable {
    case trained(model: String)
    case transferred(model: String)
    case precisionFallback(model: String)
    case gazetteerOnly

    /// The support for a primary language subtag ("de", "zh", …).
    public static func `for`(_ language: String) -> LanguageSupport {
        if let model = trainedModels[language] { return .trained(model: model) }
        if let model = weakModels[language] { return .precisionFallback(model: model) }
        if let model = transferModels[language] { return .transferred(model: model) }
        return .gazetteerOnly
    }

    /// The tagger model this language runs, if any.
    public var model: String? {
        switch self {
        case .trained(let model), .transferred(let model): model
        case .precisionFallback, .gazetteerOnly: nil
        }
    }

    /// The model trained for or borrowed by this language, whether or not its spans are reported (evaluation
    /// and parity checks read it).
    public var taggerModel: String? {
        switch self {
        case .trained(let model), .transferred(let model), .precisionFallback(let model): model
        case .gazetteerOnly: nil
        }
    }

    /// The confidence below which a tagger-only entity is dropped, per model: the floor with the best dev F1
    /// whose precision reaches 0.75 (`evaluate.py --sweep`). Transferred languages use at least
    /// ``transferredFloor``.
    public var confidenceFloor: Double {
        switch self {
        case .trained(let model): Self.floors[model] ?? 0
        case .transferred(let model): max(Self.floors[model] ?? 0, Self.transferredFloor)
        case .precisionFallback, .gazetteerOnly: 1
        }
    }

    static let transferredFloor = 0.8
    /// From `evaluate.py --sweep` on the dev sets (MODEL_CARD.md has the sweep): the lowest floor whose dev
    /// precision reaches 0.75, or the best F1 when precision is already there at 0.5.
    static let floors: [String: Double] = [
        "en": 0.55, "de": 0.7, "fr": 0.5, "nl": 0.8, "pt": 0.5, "ru": 0.6, "ja": 0.8, "nordic": 0.5,
    ]

    /// Trained languages whose dev precision (MODEL_CARD.md) is at least 0.75 → model file `tagger-<model>.bin`.
    static let trainedModels: [String: String] = [
        "en": "en", "de": "de", "fr": "fr", "nl": "nl", "pt": "pt", "ru": "ru", "ja": "ja", "da": "nordic",
    ]

    /// Trained languages whose dev precision stays below 0.75 at every floor: precision before recall. Chinese
    /// peaks at 0.64 (GSD dev); Swedish Talbanken dev has 23 names, too few to show 0.75 (0.48 unfloored).
    static let weakModels: [String: String] = ["zh": "zh", "sv": "nordic"]

    /// Languages without labelled data → the nearest trained model. Romance languages take Portuguese (modern
    /// news); Cyrillic-script languages take Russian; Norwegian takes the Danish–Swedish model; other
    /// Latin-script and Greek-script languages, which capitalise names but not nouns, take English.
    static let transferModels: [String: String] = [
        "es": "pt", "it": "pt", "ca": "pt", "ro": "pt", "gl": "pt",
        "uk": "ru", "bg": "ru", "sr": "ru", "be": "ru", "mk": "ru", "kk": "ru",
        "nb": "nordic", "no": "nordic", "nn": "nordic",
        "pl": "en", "cs": "en", "sk": "en", "sl": "en", "hr": "en", "bs": "en", "hu": "en", "fi": "en", "et": "en",
        "lt": "en", "lv": "en", "tr": "en", "id": "en", "ms": "en", "vi": "en", "el": "en",
    ]

    /// Every model file the table names.
    public static var modelNames: Set<String> {
        Set(trainedModels.values).union(weakModels.values).union(transferModels.values)
    }
}
