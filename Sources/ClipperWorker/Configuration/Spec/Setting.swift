import ClipperCore

/// One key of the worker's config file (`kafka`, `worker`, `http`, `log`): where it lives, its ``ConfigField``
/// (type, default, range or choices, secret flag, doc line), the environment variable the shipped file reads it
/// from, and the property of ``ClipperConfiguration`` it fills. ``SettingsSpec`` lists them all; loading,
/// `clipper lint`, `clipper print-config`, the shipped `Config/clipper.yaml`, its JSON Schema and
/// `clipper config --docs` are all derived from that list.
///
/// ```swift
/// Setting("http", \.http.port, ConfigField(
///     name: "port", type: .integer, default: 9464, range: 0...65_535, description: "TCP port of /metrics."))
/// ```
public struct Setting: Sendable {
    /// The dotted section the key lives in, e.g. `kafka.security`.
    public var section: String
    public var field: ConfigField
    /// The shipped file writes the value as `${name:fallback}` (the fallback is the default unless given).
    public var environment: EnvironmentDefault?
    /// Describes a default that is computed when the worker starts (such as the host name); `nil` for a fixed one.
    public var computedDefault: (@Sendable () -> JSONValue)?
    let store: @Sendable (JSONValue, inout ClipperConfiguration) -> Void
    let load: @Sendable (ClipperConfiguration) -> JSONValue

    /// The full dotted key, e.g. `kafka.security.sasl_password`.
    public var path: String { "\(section).\(field.name)" }

    /// Declares a setting stored at `keyPath`.
    ///
    /// ```swift
    /// Setting("log", \.log.format, ConfigField(
    ///     name: "format", type: .string, default: "json", choices: ["json", "text"], description: "Log lines."))
    /// ```
    public init<Value: SettingValue>(
        _ section: String, _ keyPath: any WritableKeyPath<ClipperConfiguration, Value> & Sendable, _ field: ConfigField,
        environment: EnvironmentDefault? = nil, computedDefault: (@Sendable () -> JSONValue)? = nil
    ) {
        self.section = section
        self.field = field
        self.environment = environment
        self.computedDefault = computedDefault
        store = { value, configuration in
            if let typed = Value(settingValue: value) { configuration[keyPath: keyPath] = typed }
        }
        load = { configuration in configuration[keyPath: keyPath].settingValue }
    }

    /// The value a missing key takes.
    var effectiveDefault: JSONValue { computedDefault?() ?? field.defaultValue }

    /// The value the shipped file writes for this key: `${VAR:fallback}` or the default.
    ///
    /// ```swift
    /// // Setting for kafka.group_id with environment .init("CLIPPER_GROUP_ID") → "${CLIPPER_GROUP_ID:clipper}"
    /// ```
    public var shippedValue: JSONValue {
        guard let environment else { return field.defaultValue }
        let fallback = environment.fallback ?? field.defaultValue.templateText
        return .string("${\(environment.variable):\(fallback)}")
    }
}

/// An environment variable that the shipped config file reads a setting from, with its fallback.
///
/// ```swift
/// EnvironmentDefault("CLIPPER_KAFKA_BROKERS")            // ${CLIPPER_KAFKA_BROKERS:localhost:9092}
/// EnvironmentDefault("HOSTNAME", fallback: "clipper")    // ${HOSTNAME:clipper}
/// ```
public struct EnvironmentDefault: Sendable, Hashable {
    public var variable: String
    /// What the file falls back to when the variable is unset; `nil` means the setting's default.
    public var fallback: String?

    public init(_ variable: String, fallback: String? = nil) {
        self.variable = variable
        self.fallback = fallback
    }
}

extension JSONValue {
    /// A scalar as it is written in YAML, without quotes.
    var templateText: String {
        switch self {
        case .string(let text): text
        case .null: ""
        default: settingDescription
        }
    }
}
