/// A processor's settings cannot work. The message names the key and the fix.
///
/// ```swift
/// throw ProcessorSetupError(processor: "entities", key: "watchlist",
///                           message: "file Config/watch.yaml not found; point watchlist at an existing file")
/// ```
public struct ProcessorSetupError: Error, Sendable, CustomStringConvertible {
    public var processor: String
    public var key: String?
    public var message: String

    public init(processor: String, key: String? = nil, message: String) {
        self.processor = processor
        self.key = key
        self.message = message
    }

    public var description: String {
        if let key { return "processors.\(processor).config.\(key): \(message)" }
        return "processors.\(processor): \(message)"
    }
}
