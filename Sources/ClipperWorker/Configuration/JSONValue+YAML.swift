import ClipperCore
import Foundation

extension JSONValue {
    /// Converts what `Yams.load` returns (dictionaries, arrays, scalars) into a JSON value.
    init(yaml: Any?) {
        switch yaml {
        case nil, is NSNull: self = .null
        case let value as Bool: self = .bool(value)
        case let value as Int: self = .number(Double(value))
        case let value as Double: self = .number(value)
        case let value as String: self = .string(value)
        case let value as [Any]: self = .array(value.map { JSONValue(yaml: $0) })
        case let value as [String: Any]: self = .object(value.mapValues { JSONValue(yaml: $0) })
        case let value as [AnyHashable: Any]:
            self = .object(
                Dictionary(
                    value.map { ("\($0.key)", JSONValue(yaml: $0.value)) },
                    uniquingKeysWith: { first, _ in first }))
        case let value?: self = .string("\(value)")
        }
    }
}
