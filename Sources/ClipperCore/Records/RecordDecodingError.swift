import Foundation

/// Why an input record could not be read as a raw article. The ``reason`` is one line a person can act on.
///
/// ```swift
/// do { _ = try ArticleCoding.decodeRaw(Data("{".utf8)) }
/// catch { print(error.reason) } // "invalid JSON: …"
/// ```
public struct RecordDecodingError: Error, Sendable, CustomStringConvertible {
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    init(_ error: DecodingError, bytes: Data) {
        if String(validating: bytes, as: UTF8.self) == nil {
            reason = "invalid UTF-8: the record is not UTF-8 text; fix the producer's encoding"
            return
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            if context.debugDescription.contains("title") {
                reason = context.debugDescription
            } else {
                reason = "invalid JSON: \(Self.underlying(context))"
            }
        case .dataCorrupted(let context):
            reason = "field \(Self.path(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            reason = "missing required field \(Self.path(context.codingPath + [key]))"
        case .typeMismatch(let type, let context):
            reason = "field \(Self.path(context.codingPath)) has the wrong type: expected \(Self.jsonType(type))"
        case .valueNotFound(let type, let context):
            reason = "field \(Self.path(context.codingPath)) is null: expected \(Self.jsonType(type))"
        @unknown default:
            reason = "\(error)"
        }
    }

    public var description: String { reason }

    static func path(_ codingPath: [any CodingKey]) -> String {
        let joined = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        return "\"\(joined.replacingOccurrences(of: ".[", with: "["))\""
    }

    static func jsonType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int64.Type, is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        case is [String].Type: "an array of strings"
        default: "an object"
        }
    }

    static func underlying(_ context: DecodingError.Context) -> String {
        if let inner = context.underlyingError { return "\(inner)".prefix(200).description }
        return context.debugDescription
    }
}
