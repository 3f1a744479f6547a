import ClipperCore

/// Reads one mapping of a config file strictly: typed getters with defaults, and at the end every key nobody
/// asked for is reported as unknown, with a "did you mean" hint.
///
/// ```swift
/// let problems = ProblemCollector()
/// var kafka = ObjectReader(path: "kafka", value: root["kafka"], problems: problems)
/// let servers = kafka.string("bootstrap_servers", default: "localhost:9092")
/// kafka.finish()
/// ```
struct ObjectReader {
    let path: String
    let members: [String: JSONValue]
    let problems: ProblemCollector
    private(set) var known: [String] = []

    init(path: String, value: JSONValue?, problems: ProblemCollector) {
        self.path = path
        self.problems = problems
        switch value {
        case .object(let members): self.members = members
        case nil, .null: members = [:]
        default:
            members = [:]
            problems.add(path, "expected a mapping of settings")
        }
    }

    func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    mutating func raw(_ key: String) -> JSONValue? {
        known.append(key)
        if case .null = members[key] { return nil }
        return members[key]
    }

    mutating func string(_ key: String, default fallback: String) -> String {
        optionalString(key) ?? fallback
    }

    mutating func optionalString(_ key: String) -> String? {
        guard let value = raw(key) else { return nil }
        switch value {
        case .string(let text): return text
        case .number(let number): return number.rounded() == number ? String(Int64(number)) : String(number)
        case .bool(let flag): return String(flag)
        default:
            problems.add(keyPath(key), "expected text")
            return nil
        }
    }

    mutating func int(_ key: String, default fallback: Int, range: ClosedRange<Int>? = nil) -> Int {
        guard let value = raw(key) else { return fallback }
        let parsed: Int? =
            switch value {
            case .number(let number) where number.rounded() == number: Int(number)
            case .string(let text): Int(text)
            default: nil
            }
        guard let parsed else {
            problems.add(keyPath(key), "expected a whole number, e.g. \(fallback)")
            return fallback
        }
        if let range, !range.contains(parsed) {
            problems.add(keyPath(key), "must be between \(range.lowerBound) and \(range.upperBound), found \(parsed)")
            return fallback
        }
        return parsed
    }

    mutating func bool(_ key: String, default fallback: Bool) -> Bool {
        guard let value = raw(key) else { return fallback }
        switch value {
        case .bool(let flag): return flag
        case .string("true"): return true
        case .string("false"): return false
        default:
            problems.add(keyPath(key), "expected true or false")
            return fallback
        }
    }

    mutating func oneOf(_ key: String, _ choices: [String], default fallback: String) -> String {
        let value = string(key, default: fallback)
        guard choices.contains(value) else {
            problems.add(
                keyPath(key),
                "must be one of \(choices.joined(separator: ", "))\(Suggestion.didYouMean(value, among: choices))")
            return fallback
        }
        return value
    }

    /// A mapping of text values, such as raw librdkafka properties.
    mutating func stringMap(_ key: String) -> [String: String] {
        guard let value = raw(key) else { return [:] }
        guard case .object(let members) = value else {
            problems.add(keyPath(key), "expected a mapping of property: value")
            return [:]
        }
        var result: [String: String] = [:]
        for (name, item) in members {
            switch item {
            case .string(let text): result[name] = text
            case .number(let number): result[name] = number.rounded() == number ? String(Int64(number)) : String(number)
            case .bool(let flag): result[name] = String(flag)
            default: problems.add(keyPath(key) + ".\(name)", "expected a text, number or boolean value")
            }
        }
        return result
    }

    mutating func object(_ key: String) -> ObjectReader {
        ObjectReader(path: keyPath(key), value: raw(key), problems: problems)
    }

    /// Reports every key that no getter asked for.
    func finish() {
        for key in members.keys.sorted() where !known.contains(key) {
            let hint = Suggestion.didYouMean(key, among: known)
            problems.add(
                keyPath(key),
                "unknown key\(hint.isEmpty ? "; known keys: \(known.joined(separator: ", "))" : hint)")
        }
    }
}

/// Collects problems while a config is read.
final class ProblemCollector {
    private(set) var problems: [ConfigProblem] = []

    func add(_ path: String, _ message: String) {
        problems.append(ConfigProblem(path: path, message: message))
    }
}
