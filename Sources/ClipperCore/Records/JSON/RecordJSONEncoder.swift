import Foundation

/// Encodes records as one line of JSON with sorted keys and unescaped slashes: byte for byte what Foundation's
/// `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]`, at a fraction of its cost.
///
/// Foundation's encoder checks every value for its special types (dates, data, URLs, decimals) with dynamic casts,
/// tracks coding paths and boxes each value; for an enriched record that was about 7% of an article's time in
/// `clipper process`. This encoder builds a small tree of ``Node``s straight from the `Encodable` calls and writes
/// it in one pass. Records hold no dates, data or URLs (times are RFC 3339 strings), so nothing needs the special
/// cases. `RecordJSONEncoderTests` compares the two encoders' bytes on the samples and on values made to hit every
/// escaping and number rule.
///
/// ```swift
/// let line = try RecordJSONEncoder().encode(article)   // Data, no trailing newline
/// ```
public struct RecordJSONEncoder: Sendable {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> Data {
        let root = Node()
        try value.encode(to: NodeEncoder(node: root))
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        JSONWriter.write(root, into: &output)
        return Data(output)
    }
}

/// One JSON value under construction. A class, because `Encoder` hands out containers that fill it later.
final class Node {
    enum Value {
        case unset
        case null
        case bool(Bool)
        /// Already formatted.
        case number(String)
        case string(String)
        case array([Node])
        /// Members in the order they were set; the writer sorts them (and the last of two equal keys wins).
        case object([(key: String, node: Node)])
    }

    var value: Value = .unset

    init() {}

    init(_ value: Value) {
        self.value = value
    }

    /// Makes this node an object (if it is not one yet) and sets `key`.
    func set(_ key: String, _ child: Node) {
        if case .object(var members) = value {
            value = .unset  // keeps `members` uniquely referenced while it changes
            members.append((key, child))
            value = .object(members)
        } else {
            value = .object([(key, child)])
        }
    }

    /// Makes this node an array (if it is not one yet) and appends `child`.
    func append(_ child: Node) {
        if case .array(var elements) = value {
            value = .unset
            elements.append(child)
            value = .array(elements)
        } else {
            value = .array([child])
        }
    }

    var count: Int {
        if case .array(let elements) = value { return elements.count }
        return 0
    }
}

/// Number formatting as Foundation's encoder does it: Swift's shortest round-trip form without a trailing ".0".
enum JSONNumber {
    static func format<Number: BinaryFloatingPoint & CustomStringConvertible>(_ value: Number) throws -> String {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, .init(codingPath: [], debugDescription: "\(value) cannot be written as a JSON number"))
        }
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}

/// Writes a finished tree as compact JSON: keys sorted by their UTF-8 bytes, `"`, `\` and control characters
/// escaped (`\b \t \n \f \r`, else `\u00XX`), everything else (slashes, non-ASCII) as is.
enum JSONWriter {
    static func write(_ node: Node, into output: inout [UInt8]) {
        switch node.value {
        case .unset:
            output.append(contentsOf: "{}".utf8)
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text):
            output.append(contentsOf: text.utf8)
        case .string(let text):
            writeString(text, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            let sorted = members.enumerated().sorted { left, right in
                left.element.key == right.element.key
                    ? left.offset < right.offset
                    : left.element.key.utf8.lexicographicallyPrecedes(right.element.key.utf8)
            }
            var first = true
            for (index, member) in sorted.enumerated() {
                if index + 1 < sorted.count && sorted[index + 1].element.key == member.element.key { continue }
                if !first { output.append(UInt8(ascii: ",")) }
                first = false
                writeString(member.element.key, into: &output)
                output.append(UInt8(ascii: ":"))
                write(member.element.node, into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for (index, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x22: output.append(contentsOf: [0x5C, 0x22])
                case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
                case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                default:
                    output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0x0F)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
