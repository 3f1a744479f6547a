import ClipperCore

extension ConfigField {
    /// Converts what the file gave into this field's type and checks it, or says what is wrong, naming the fix.
    /// `${VAR}` interpolation always yields text, so `"9464"` is read as a whole number for an integer key.
    ///
    /// ```swift
    /// let port = ConfigField(name: "port", type: .integer, default: 9464, range: 0...65_535, description: "Port.")
    /// port.coerce(.string("9000")) // .success(.number(9000))
    /// ```
    func coerce(_ value: JSONValue) -> Result<JSONValue, SettingProblem> {
        guard let converted = converted(value) else { return .failure(SettingProblem(message: typeHint)) }
        if let problem = problem(with: converted) { return .failure(SettingProblem(message: problem)) }
        return .success(converted)
    }

    private func converted(_ value: JSONValue) -> JSONValue? {
        switch (type, value) {
        case (_, .null): return .null
        case (.string, .string): return value
        case (.string, .number(let number)): return .string(ConfigField.bound(number))
        case (.string, .bool(let flag)): return .string(String(flag))
        case (.integer, .number(let number)) where number.rounded() == number: return value
        case (.integer, .string(let text)): return Int(text).map { .number(Double($0)) }
        case (.number, .number): return value
        case (.number, .string(let text)): return Double(text).map { .number($0) }
        case (.boolean, .bool): return value
        case (.boolean, .string("true")): return .bool(true)
        case (.boolean, .string("false")): return .bool(false)
        case (.stringList, .string): return .array([value])
        case (.stringList, .array(let items)) where items.allSatisfy({ $0.stringValue != nil }): return value
        case (.object, .object(let members)):
            var converted: [String: JSONValue] = [:]
            for (name, member) in members {
                switch member {
                case .string: converted[name] = member
                case .number(let number): converted[name] = .string(ConfigField.bound(number))
                case .bool(let flag): converted[name] = .string(String(flag))
                default: return nil
                }
            }
            return .object(converted)
        default: return nil
        }
    }

    private var typeHint: String {
        switch type {
        case .integer: "expected a whole number, e.g. \((examples.first ?? defaultValue).templateText)"
        case .number: "expected a number, e.g. \((examples.first ?? defaultValue).templateText)"
        case .boolean: "expected true or false"
        case .string: "expected text"
        case .stringList: "expected a name or a list of names, e.g. [\(defaultValue.templateText)]"
        case .object: "expected a mapping of property: value, with text, number or boolean values"
        }
    }
}

/// Why a config value was rejected, as one sentence naming the fix.
struct SettingProblem: Error {
    var message: String
}
