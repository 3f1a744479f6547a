import ClipperCore

/// A Swift type a ``Setting`` can fill: converts from the checked config value and back, for printing.
///
/// ```swift
/// Int(settingValue: .number(9464)) // 9464
/// 9464.settingValue                // .number(9464)
/// ```
public protocol SettingValue: Sendable {
    init?(settingValue: JSONValue)
    var settingValue: JSONValue { get }
}

extension String: SettingValue {
    public init?(settingValue: JSONValue) {
        guard case .string(let text) = settingValue else { return nil }
        self = text
    }

    public var settingValue: JSONValue { .string(self) }
}

extension Int: SettingValue {
    public init?(settingValue: JSONValue) {
        guard case .number(let number) = settingValue, number.rounded() == number,
            let value = Int(exactly: number)
        else { return nil }
        self = value
    }

    public var settingValue: JSONValue { .number(Double(self)) }
}

extension Bool: SettingValue {
    public init?(settingValue: JSONValue) {
        guard case .bool(let flag) = settingValue else { return nil }
        self = flag
    }

    public var settingValue: JSONValue { .bool(self) }
}

extension Optional: SettingValue where Wrapped: SettingValue {
    public init?(settingValue: JSONValue) {
        if case .null = settingValue {
            self = .none
            return
        }
        guard let wrapped = Wrapped(settingValue: settingValue) else { return nil }
        self = .some(wrapped)
    }

    public var settingValue: JSONValue { self?.settingValue ?? .null }
}

extension Array: SettingValue where Element == String {
    public init?(settingValue: JSONValue) {
        guard case .array(let items) = settingValue else { return nil }
        self = items.compactMap(\.stringValue)
    }

    public var settingValue: JSONValue { .array(map { .string($0) }) }
}

extension Dictionary: SettingValue where Key == String, Value == String {
    public init?(settingValue: JSONValue) {
        guard case .object(let members) = settingValue else { return nil }
        self = members.compactMapValues(\.stringValue)
    }

    public var settingValue: JSONValue { .object(mapValues { .string($0) }) }
}
