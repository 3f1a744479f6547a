/// The configured language list names codes the model does not cover.
///
/// ```swift
/// do { _ = try LanguageDetector(languages: ["en", "xx"]) }
/// catch let error as UnsupportedLanguageError { print(error) } // names "xx" and lists the supported codes
/// ```
public struct UnsupportedLanguageError: Error, Sendable, CustomStringConvertible {
    public var unsupported: [String]
    public var supported: [String]

    public var description: String {
        if unsupported.isEmpty {
            return "the language list is empty; name at least one of: \(supported.joined(separator: ", "))"
        }
        return "unsupported language code(s) \(unsupported.joined(separator: ", ")); "
            + "use ISO 639-1 codes from: \(supported.joined(separator: ", "))"
    }
}
