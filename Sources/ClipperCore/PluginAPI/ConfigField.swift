/// One setting of a processor, as declared in its descriptor.
///
/// ```swift
/// ConfigField(name: "max_chars", type: .integer, default: 2000,
///             description: "Read at most this many characters of the body.", examples: [500, 10000])
/// ```
public struct ConfigField: Sendable {
    /// snake_case key in the `config:` block.
    public var name: String
    public var type: ValueType
    public var defaultValue: JSONValue
    public var description: String
    public var examples: [JSONValue]
    /// Secrets are never printed by `clipper print-config`.
    public var isSecret: Bool

    public init(
        name: String, type: ValueType, default defaultValue: JSONValue, description: String,
        examples: [JSONValue] = [], isSecret: Bool = false
    ) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.description = description
        self.examples = examples
        self.isSecret = isSecret
    }

    /// The JSON/YAML type a field takes.
    public enum ValueType: String, Sendable, Codable {
        case string, integer, number, boolean, stringList = "string_list", object

        /// Whether `value` is of this type.
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
