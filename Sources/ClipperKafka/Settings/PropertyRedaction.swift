import CRdKafka
import Foundation

/// Decides whether the value of a raw librdkafka property may be shown in lint output, logs and `print-config`.
/// A value is hidden when the property's name mentions a secret (`password`, `secret`, `token`, `key`, JAAS or
/// OAuth settings), or when librdkafka does not know the name at all: a misspelled secret
/// (`sasl.passwrod`, `sasl.pasword`) must not be echoed in clear either.
///
/// ```swift
/// PropertyRedaction.shown(name: "sasl.passwrod", value: "hunter2")  // "<redacted>"
/// PropertyRedaction.shown(name: "linger.ms", value: "20")           // "20"
/// ```
public enum PropertyRedaction {
    /// What secret values are replaced with.
    public static let redacted = "<redacted>"

    /// Words that make a property name secret, matched anywhere in the lower-cased name.
    public static let secretWords = [
        "password", "secret", "token", "key", "sasl.jaas", "oauthbearer.config", "private",
    ]

    /// Whether the name mentions a secret.
    ///
    /// ```swift
    /// PropertyRedaction.isSecretName("ssl.key.password") // true
    /// ```
    public static func isSecretName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return secretWords.contains { lowered.contains($0) }
    }

    /// Whether librdkafka knows a property of this name (any client type).
    ///
    /// ```swift
    /// PropertyRedaction.isKnownProperty("linger.ms") // true
    /// ```
    public static func isKnownProperty(_ name: String) -> Bool {
        guard let conf = rd_kafka_conf_new() else { return false }
        defer { rd_kafka_conf_destroy(conf) }
        var errstr = [CChar](repeating: 0, count: 512)
        // The value is irrelevant: an unknown name is reported as unknown before the value is looked at.
        return rd_kafka_conf_set(conf, name, "", &errstr, errstr.count) != RD_KAFKA_CONF_UNKNOWN
    }

    /// Whether a property's value must be hidden: a secret name, or a name librdkafka does not know.
    public static func hides(name: String) -> Bool { isSecretName(name) || !isKnownProperty(name) }

    /// The value to print for a property.
    public static func shown(name: String, value: String) -> String { hides(name: name) ? redacted : value }

    /// `text` with every occurrence of a hidden property's value replaced, for librdkafka's own error strings
    /// (which quote the value: `Invalid value "…" for configuration property "…"`).
    static func scrub(_ text: String, name: String, value: String) -> String {
        guard hides(name: name), !value.isEmpty else { return text }
        return text.replacingOccurrences(of: value, with: redacted)
    }
}
