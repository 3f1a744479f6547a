/// The model file cannot be used. The message says what is wrong and how to fix it.
///
/// ```swift
/// do { _ = try NgramModel(contentsOf: url) } catch let error as ModelFormatError { print(error) }
/// ```
public struct ModelFormatError: Error, Sendable, CustomStringConvertible {
    /// The file that failed to load.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String {
        "language model \(path): \(message). Rebuild it with Plugins/LanguageTagger/scripts/convert_lingua_models.py"
    }
}
