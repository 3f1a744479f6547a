import Foundation

/// The files shipped in `Sources/Model/`, loaded once per process and shared by every processor instance.
///
/// ```swift
/// let resources = try ModelResources.shared()
/// resources.taggers["en"]?.model.labels.count  // 7
/// ```
public struct ModelResources: Sendable {
    public let gazetteer: Gazetteer
    /// Trained taggers by language code.
    public let taggers: [String: EntityTagger]

    /// Languages with a trained tagger, and the model file each one loads.
    public static let taggerFiles: [String: String] = ["en": "tagger-en"]

    public static func shared() throws -> ModelResources {
        try loaded.get()
    }

    private static let loaded: Result<ModelResources, any Error> = Result { try ModelResources(bundle: .module) }

    public init(bundle: Bundle) throws {
        func resource(_ name: String, _ ext: String) throws -> URL {
            guard let url = bundle.url(forResource: name, withExtension: ext, subdirectory: "Model")
                ?? bundle.url(forResource: name, withExtension: ext)
            else { throw ModelError.missing("Model/\(name).\(ext)") }
            return url
        }
        gazetteer = try Gazetteer(places: try resource("places", "tsv"), lexicon: try resource("lexicon", "tsv"))
        var taggers: [String: EntityTagger] = [:]
        for (language, file) in Self.taggerFiles {
            taggers[language] = EntityTagger(model: try PerceptronModel(contentsOf: try resource(file, "bin")), gazetteer: gazetteer)
        }
        self.taggers = taggers
    }
}
