extension ConfigField {
    /// What is wrong with `value` for this field (type, range or choices), as one sentence that names the fix;
    /// `nil` when it is fine.
    ///
    /// ```swift
    /// let port = ConfigField(name: "port", type: .integer, default: 9464, range: 0...65_535, description: "TCP port.")
    /// port.problem(with: 70_000) // "must be between 0 and 65535, found 70000; 9464 is the default"
    /// ```
    public func problem(with value: JSONValue) -> String? {
        if case .null = value { return nil }
        guard type.accepts(value) else {
            return "expected \(type.rawValue), found \(value.settingDescription); e.g. "
                + (examples.first ?? defaultValue).settingDescription
        }
        if let range, case .number(let number) = value, !range.contains(number) {
            return "must be between \(Self.bound(range.lowerBound)) and \(Self.bound(range.upperBound)), found "
                + "\(value.settingDescription)\(defaultHint)"
        }
        if let choices {
            let offered: [String] =
                switch value {
                case .string(let text): [text]
                case .array(let items): items.compactMap(\.stringValue)
                default: []
                }
            if let wrong = offered.first(where: { !choices.contains($0) }) {
                return "must be one of \(choices.joined(separator: ", ")), found \"\(wrong)\""
                    + Suggestion.didYouMean(wrong, among: choices)
            }
        }
        return nil
    }

    var defaultHint: String {
        if case .null = defaultValue { return "" }
        return "; \(defaultValue.settingDescription) is the default"
    }

    /// A number as a config file writes it: whole numbers without a fraction.
    ///
    /// ```swift
    /// ConfigField.bound(9464) // "9464"
    /// ```
    public static func bound(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension JSONValue {
    /// How a config value is quoted in a message: text in quotes, whole numbers without a fraction.
    ///
    /// ```swift
    /// JSONValue.number(3).settingDescription // "3"
    /// ```
    public var settingDescription: String {
        switch self {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let number): ConfigField.bound(number)
        case .string(let text): "\"\(text)\""
        case .array(let items): "[" + items.map(\.settingDescription).joined(separator: ", ") + "]"
        case .object: "a mapping"
        }
    }
}
