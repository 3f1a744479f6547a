/// A runnable example: an input article, optional settings, and fields the output must have.
///
/// Paths are dotted paths into the enriched JSON record, with array indices as numbers.
///
/// ```swift
/// ProcessorExample(
///     name: "tags German",
///     input: ["id": "1", "title": "Die Regierung hat am Montag beschlossen"],
///     expect: ["language.code": "de"])
/// ```
public struct ProcessorExample: Sendable {
    public var name: String
    /// A raw article, as JSON.
    public var input: JSONValue
    /// Settings for this example; defaults fill the rest.
    public var configuration: [String: JSONValue]
    /// Processors to run first, by name (for example `["normalize", "language"]` before `entities`).
    public var after: [String]
    /// Dotted path → expected value. `"entities.0.name": "Angela Merkel"`.
    public var expect: [String: JSONValue]
    /// Whether the example expects the processor to drop the article.
    public var expectDrop: Bool

    public init(
        name: String, input: JSONValue, configuration: [String: JSONValue] = [:], after: [String] = [],
        expect: [String: JSONValue], expectDrop: Bool = false
    ) {
        self.name = name
        self.input = input
        self.configuration = configuration
        self.after = after
        self.expect = expect
        self.expectDrop = expectDrop
    }
}

extension JSONValue {
    /// Looks up a dotted path such as `entities.0.mentions.1.start`.
    ///
    /// ```swift
    /// let value: JSONValue = ["a": [["b": 1]]]
    /// value.lookup("a.0.b") // 1
    /// ```
    public func lookup(_ path: String) -> JSONValue? {
        var current: JSONValue? = self
        for component in path.split(separator: ".") {
            switch current {
            case .object(let members): current = members[String(component)]
            case .array(let items):
                guard let index = Int(component), items.indices.contains(index) else { return nil }
                current = items[index]
            default: return nil
            }
        }
        return current
    }
}
