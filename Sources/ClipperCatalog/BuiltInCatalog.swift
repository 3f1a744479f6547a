import ClipperCore
import Deduplicator
import EntityExtractor
import LanguageTagger
import Normalize

extension ProcessorCatalog {
    /// Every processor compiled into Clipper: one line per plugin folder under `Plugins/`, plus its `import` above.
    ///
    /// ```swift
    /// ProcessorCatalog.builtIn.names // ["normalize", "language", "entities", "dedup"]
    /// ```
    public static let builtIn = ProcessorCatalog([
        .plugin(NormalizeProcessor.self, folder: "Normalize"),
        .plugin(LanguageTaggerProcessor.self, folder: "LanguageTagger"),
        .plugin(EntityExtractorProcessor.self, folder: "EntityExtractor"),
        .plugin(DeduplicatorProcessor.self, folder: "Deduplicator"),
    ])
}
