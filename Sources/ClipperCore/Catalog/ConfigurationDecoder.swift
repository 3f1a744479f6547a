import Foundation

/// Decodes a processor's `config:` block into its `Configuration`, with the descriptor's defaults filled in,
/// and reports problems as one line each, naming the key and the fix.
///
/// ```swift
/// let problems = ConfigurationDecoder.lint(["min_confidense": 0.5], descriptor: LanguageTagger.descriptor)
/// // processors.language.config.min_confidense: unknown setting; did you mean "min_confidence"?
/// ```
public enum ConfigurationDecoder {
    public static func decode<C: Decodable>(
        _ type: C.Type, settings: [String: JSONValue], descriptor: ProcessorDescriptor
    ) throws -> C {
        var merged = descriptor.defaultConfiguration
        for (key, value) in settings { merged[key] = value }
        for field in descriptor.configFields {
            if let value = merged[field.name], let problem = field.problem(with: value) {
                throw ProcessorSetupError(processor: descriptor.name, key: field.name, message: problem)
            }
        }
        let data = try JSONEncoder().encode(JSONValue.object(merged))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(C.self, from: data)
        } catch let error as DecodingError {
            throw ProcessorSetupError(
                processor: descriptor.name, key: Self.key(of: error),
                message: "cannot read the setting (\(Self.summary(of: error))); see `clipper processors`")
        }
    }

    /// Every problem with `settings`, one per key: unknown keys (with a suggestion) and wrong types.
    public static func lint(_ settings: [String: JSONValue], descriptor: ProcessorDescriptor) -> [ProcessorSetupError] {
        let fields = Dictionary(descriptor.configFields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var problems: [ProcessorSetupError] = []
        for key in settings.keys.sorted() {
            guard let field = fields[key] else {
                let known = fields.keys.sorted()
                let hint = Suggestion.didYouMean(key, among: known)
                problems.append(
                    ProcessorSetupError(
                        processor: descriptor.name, key: key,
                        message: "unknown setting\(hint.isEmpty ? "" : ";" + hint.dropFirst(1)); "
                            + (known.isEmpty
                                ? "this processor takes no settings" : "known: \(known.joined(separator: ", "))")))
                continue
            }
            if let value = settings[key], let problem = field.problem(with: value) {
                problems.append(ProcessorSetupError(processor: descriptor.name, key: key, message: problem))
            }
        }
        return problems
    }

    static func key(of error: DecodingError) -> String? {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            path = context.codingPath
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        @unknown default: path = []
        }
        return path.first.map { Self.snakeCase($0.stringValue) }
    }

    static func summary(of error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, _): "wrong type, expected \(type)"
        case .valueNotFound(let type, _): "missing value of type \(type)"
        case .keyNotFound(let key, _):
            "missing \(snakeCase(key.stringValue)): declare it in the descriptor's configFields with a default"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "\(error)"
        }
    }

    static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
        return result
    }
}
