import Foundation
import Synchronization

/// The files shipped in `Sources/Model/`: the gazetteer, loaded once per process, and one tagger per model,
/// loaded the first time a language needs it (an English-only stream never loads the Chinese model).
///
/// ```swift
/// let resources = try ModelResources.shared()
/// try resources.tagger(for: "de")?.model.labels.count  // 7
/// try resources.tagger(for: "ar")                      // nil: no tagger for Arabic
/// ```
public final class ModelResources: Sendable {
    public let gazetteer: Gazetteer
    let bundle: Bundle
    private let loaded = Mutex<[String: EntityTagger]>([:])

    public static func shared() throws -> ModelResources {
        try sharedResources.get()
    }

    private static let sharedResources: Result<ModelResources, any Error> = Result {
        try ModelResources(bundle: .module)
    }

    public init(bundle: Bundle) throws {
        self.bundle = bundle
        gazetteer = try Gazetteer(
            places: try Self.resource("places", "tsv", in: bundle),
            lexicon: try Self.resource("lexicon", "tsv", in: bundle))
    }

    /// The tagger a language runs (see ``LanguageSupport``), loading its model on first use.
    public func tagger(for language: String) throws -> EntityTagger? {
        guard let model = LanguageSupport.for(language).model else { return nil }
        return try tagger(model: model)
    }

    /// The tagger of one model file, `tagger-<model>.bin`, loading it on first use.
    public func tagger(model: String) throws -> EntityTagger {
        if let tagger = loaded.withLock({ $0[model] }) { return tagger }
        // Load outside the lock: two threads may both load a model once, and the first one stored wins.
        let tagger = EntityTagger(
            model: try PerceptronModel(contentsOf: try Self.resource("tagger-\(model)", "bin", in: bundle)),
            gazetteer: gazetteer)
        return loaded.withLock { cache in
            if let existing = cache[model] { return existing }
            cache[model] = tagger
            return tagger
        }
    }

    static func resource(_ name: String, _ ext: String, in bundle: Bundle) throws -> URL {
        guard
            let url = bundle.url(forResource: name, withExtension: ext, subdirectory: "Model")
                ?? bundle.url(forResource: name, withExtension: ext)
        else { throw ModelError.missing("Model/\(name).\(ext)") }
        return url
    }
}
