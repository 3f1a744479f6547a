/// One Kafka record header. A `nil` value is a header without a value (distinct from an empty value).
///
/// ```swift
/// let header = KafkaHeader(name: "schema", value: Array("mm.article.raw/1".utf8))
/// ```
public struct KafkaHeader: Sendable, Hashable {
    /// The header name.
    public var name: String
    /// The header value, or `nil` for a null value.
    public var value: [UInt8]?

    /// Creates a header.
    ///
    /// ```swift
    /// KafkaHeader(name: "trace", value: nil)
    /// ```
    public init(name: String, value: [UInt8]?) {
        self.name = name
        self.value = value
    }

    /// Creates a header with a UTF-8 string value.
    ///
    /// ```swift
    /// KafkaHeader(name: "schema", string: "mm.article.raw/1")
    /// ```
    public init(name: String, string: String) {
        self.init(name: name, value: Array(string.utf8))
    }
}
