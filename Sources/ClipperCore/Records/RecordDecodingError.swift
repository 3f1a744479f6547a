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
        case .typeMismatch(_, let context) where context.codingPath.isEmpty:
            reason = Self.notAnObject(bytes)
        case .typeMismatch(let type, let context):
            reason = "field \(Self.path(context.codingPath)) has the wrong type: expected \(Self.jsonType(type))"
        case .valueNotFound(let type, let context):
            reason = "field \(Self.path(context.codingPath)) is null: expected \(Self.jsonType(type))"
        @unknown default:
            reason = "\(error)"
        }
    }

    public var description: String { reason }

    /// Why a record whose top level is not a JSON object was refused: what it is instead, and for a number that
    /// does not fit a `Double` (`1e999`), that it is out of range.
    static func notAnObject(_ bytes: Data) -> String {
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let example = #"an article is a JSON object such as {"id":"a1","title":"…"}"#
        let kind: String
        switch text.first {
        case "[": kind = "an array"
        case "\"": kind = "a string"
        case "t", "f": kind = "a boolean"
        case "n": kind = "null"
        default:
            if let number = Double(text), number.isFinite {
                kind = "a number"
            } else {
                return "invalid JSON: the number \(text.prefix(40)) is out of range for a 64-bit float; \(example)"
            }
        }
        return "the record is \(kind), not a JSON object; \(example)"
    }

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
