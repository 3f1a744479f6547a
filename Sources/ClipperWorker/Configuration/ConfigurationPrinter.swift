import ClipperCore
import ClipperKafka
import Foundation
import Yams

/// Renders a resolved config as YAML with every secret replaced by `<redacted>`: SASL and key passwords, raw
/// properties whose name mentions a password, secret, token or key or that librdkafka does not know (a misspelled
/// secret), and processor fields declared `isSecret`.
///
/// ```swift
/// print(ConfigurationPrinter.yaml(configuration, catalog: .builtIn))
/// ```
public enum ConfigurationPrinter {
    public static let redacted = "<redacted>"

    public static func yaml(_ configuration: ClipperConfiguration, catalog: ProcessorCatalog) -> String {
        var root: [String: Any] = [:]
        for setting in SettingsSpec.all {
            let value = setting.load(configuration)
            if case .null = value { continue }
            let shown: Any =
                if setting.field.isSecret {
                    redacted
                } else if case .object(let members) = value {
                    redactProperties(members.compactMapValues(\.stringValue))
                } else {
                    plain(value)
                }
            insert(
                shown, at: setting.section.split(separator: ".").map(String.init) + [setting.field.name], into: &root)
        }
        root["processors"] = configuration.processors.map { spec in processorMap(spec, catalog: catalog) }
        return (try? Yams.dump(object: root, sortKeys: true)) ?? "\(root)"
    }

    /// Puts `value` at a nested key path, creating the mappings on the way.
    static func insert(_ value: Any, at path: [String], into map: inout [String: Any]) {
        guard let first = path.first else { return }
        if path.count == 1 {
            map[first] = value
            return
        }
        var child = map[first] as? [String: Any] ?? [:]
        insert(value, at: Array(path.dropFirst()), into: &child)
        map[first] = child
    }

    static func isSecretName(_ name: String) -> Bool { PropertyRedaction.isSecretName(name) }

    /// Raw librdkafka properties with the values of secret-sounding or unknown (misspelled) names hidden.
    static func redactProperties(_ properties: [String: String]) -> [String: String] {
        Dictionary(
            uniqueKeysWithValues: properties.map { ($0.key, PropertyRedaction.shown(name: $0.key, value: $0.value)) })
    }

    static func processorMap(_ spec: ProcessorSpec, catalog: ProcessorCatalog) -> [String: Any] {
        let fields = catalog.entry(named: spec.name)?.descriptor.configFields ?? []
        var settings = catalog.entry(named: spec.name)?.descriptor.defaultConfiguration ?? [:]
        for (key, value) in spec.settings { settings[key] = value }
        var rendered: [String: Any] = [:]
        for (key, value) in settings {
            let secret = fields.first { $0.name == key }?.isSecret ?? isSecretName(key)
            if secret {
                rendered[key] = redacted
            } else if case .string(let text) = value {
                // A URL setting (a database URL, say) shows everything but its password.
                rendered[key] = URLRedaction.redactPassword(in: text)
            } else {
                rendered[key] = plain(value)
            }
        }
        return [
            "name": spec.name,
            "config": rendered,
            "timeout_ms": spec.timeout.wholeMilliseconds,
            "on_error": [
                "max_attempts": spec.policy.maxAttempts, "backoff_ms": spec.policy.backoffMilliseconds,
                "max_backoff_ms": spec.policy.maxBackoffMilliseconds, "then": spec.policy.finally.rawValue,
            ] as [String: Any],
        ]
    }

    static func plain(_ value: JSONValue) -> Any {
        switch value {
        case .null: NSNull()
        case .bool(let flag): flag
        case .number(let number): number.rounded() == number && abs(number) < 1e15 ? Int(number) : number
        case .string(let text): text
        case .array(let items): items.map(plain)
        case .object(let members): members.mapValues(plain)
        }
    }
}
