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

    /// The value of `field`, converted and checked against its range or choices; its default when absent or wrong
    /// (the problem is collected).
    mutating func value(_ field: ConfigField) -> JSONValue {
        guard let value = raw(field.name) else { return field.defaultValue }
        switch field.coerce(value) {
        case .success(let checked): return checked
        case .failure(let problem):
            problems.add(keyPath(field.name), problem.message)
            return field.defaultValue
        }
    }

    /// A whole-number field (see ``value(_:)``).
    mutating func int(_ field: ConfigField) -> Int {
        Int(settingValue: value(field)) ?? Int(settingValue: field.defaultValue) ?? 0
    }

    /// A text field (see ``value(_:)``).
    mutating func string(_ field: ConfigField) -> String {
        String(settingValue: value(field)) ?? field.defaultValue.stringValue ?? ""
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
