/// One setting, as declared in a processor's descriptor or in the worker's settings spec: its key, type, default,
/// allowed range or choices, whether it is a secret, and one line of documentation.
///
/// ```swift
/// ConfigField(name: "max_chars", type: .integer, default: 2000, range: 1...100_000,
///             description: "Read at most this many characters of the body.", examples: [500, 10000])
/// ConfigField(name: "action", type: .string, default: "annotate", choices: ["annotate", "drop"],
///             description: "What to do with a duplicate.")
/// ```
public struct ConfigField: Sendable {
    /// snake_case key in the `config:` block (or in the worker's section).
    public var name: String
    public var type: ValueType
    /// The value used when the key is absent; `.null` when absence means "not set".
    public var defaultValue: JSONValue
    public var description: String
    public var examples: [JSONValue]
    /// Secrets are never printed by `clipper print-config`.
    public var isSecret: Bool
    /// Inclusive bounds of a number or integer, checked when the config is read.
    public var range: ClosedRange<Double>?
    /// The allowed values of a string (or of each item of a string list), checked when the config is read.
    public var choices: [String]?

    public init(
        name: String, type: ValueType, default defaultValue: JSONValue, range: ClosedRange<Double>? = nil,
        choices: [String]? = nil, description: String, examples: [JSONValue] = [], isSecret: Bool = false
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.range = range
        self.choices = choices
        self.description = description
        self.examples = examples
        self.isSecret = isSecret
    }

    /// The same, with whole-number bounds.
    ///
    /// ```swift
    /// ConfigField(name: "port", type: .integer, default: 9464, range: 0...65_535, description: "TCP port.")
    /// ```
    public init(
        name: String, type: ValueType, default defaultValue: JSONValue, range: ClosedRange<Int>,
        description: String, examples: [JSONValue] = [], isSecret: Bool = false
    ) {
        self.init(
            name: name, type: type, default: defaultValue, range: Double(range.lowerBound)...Double(range.upperBound),
            description: description, examples: examples, isSecret: isSecret)
    }

    /// The JSON/YAML type a field takes.
    public enum ValueType: String, Sendable, Codable {
        case string, integer, number, boolean, stringList = "string_list", object

        /// Whether `value` is of this type.
        ///
        /// ```swift
        /// ConfigField.ValueType.integer.accepts(.number(3)) // true
        /// ```
        public func accepts(_ value: JSONValue) -> Bool {
            switch (self, value) {
            case (_, .null): true
            case (.string, .string), (.boolean, .bool), (.number, .number), (.object, .object): true
            case (.integer, .number(let number)): number.rounded() == number
            case (.stringList, .array(let items)): items.allSatisfy { $0.stringValue != nil }
            default: false
            }
        }
    }
}
