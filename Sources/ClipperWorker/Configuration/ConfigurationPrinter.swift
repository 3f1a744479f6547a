import ClipperCatalog
import ClipperCore
import Foundation
import Yams

/// Renders a resolved config as YAML with every secret replaced by `<redacted>`: SASL and key passwords, raw
/// properties whose name mentions a password, secret or token, and processor fields declared `isSecret`.
///
/// ```swift
/// print(ConfigurationPrinter.yaml(configuration, catalog: .builtIn))
/// ```
public enum ConfigurationPrinter {
    public static let redacted = "<redacted>"

    public static func yaml(_ configuration: ClipperConfiguration, catalog: ProcessorCatalog) -> String {
        let security = configuration.kafka.security
        var securityMap: [String: Any] = ["protocol": security.protocolName]
        securityMap["sasl_mechanism"] = security.saslMechanism
        securityMap["sasl_username"] = security.saslUsername
        securityMap["sasl_password"] = security.saslPassword.map { _ in redacted }
        securityMap["ca_location"] = security.caLocation
        securityMap["certificate_location"] = security.certificateLocation
        securityMap["key_location"] = security.keyLocation
        securityMap["key_password"] = security.keyPassword.map { _ in redacted }
        let root: [String: Any] = [
            "kafka": [
                "bootstrap_servers": configuration.kafka.bootstrapServers,
                "group_id": configuration.kafka.groupID,
                "client_id": configuration.kafka.clientID,
                "topics": [
                    "input": configuration.kafka.inputTopics,
                    "output": configuration.kafka.outputTopic,
                    "dead_letter": configuration.kafka.deadLetterTopic,
                ],
                "security": securityMap,
                "consumer_properties": redactProperties(configuration.kafka.consumerProperties),
                "producer_properties": redactProperties(configuration.kafka.producerProperties),
                "session_timeout_ms": configuration.kafka.sessionTimeoutMS,
                "auto_offset_reset": configuration.kafka.autoOffsetReset,
                "commit_interval_ms": configuration.kafka.commitIntervalMS,
            ] as [String: Any],
            "worker": [
                "worker_id": configuration.worker.workerID,
                "max_record_bytes": configuration.worker.maxRecordBytes,
                "max_in_flight_per_partition": configuration.worker.maxInFlightPerPartition,
                "max_in_flight_bytes": configuration.worker.maxInFlightBytes,
                "drain_timeout_ms": configuration.worker.drainTimeoutMS,
                "close_timeout_ms": configuration.worker.closeTimeoutMS,
                "state_dir": configuration.worker.stateDirectory,
                "stuck_processor_ms": configuration.worker.stuckProcessorMS,
            ] as [String: Any],
            "processors": configuration.processors.map { spec in processorMap(spec, catalog: catalog) },
            "http": [
                "enabled": configuration.http.enabled, "host": configuration.http.host, "port": configuration.http.port,
            ] as [String: Any],
            "log": ["level": configuration.log.level, "format": configuration.log.format],
        ]
        return (try? Yams.dump(object: root, sortKeys: true)) ?? "\(root)"
    }

    static func isSecretName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["password", "secret", "token", "sasl.jaas", "oauthbearer.config", "private"].contains {
            lowered.contains($0)
        }
    }

    static func redactProperties(_ properties: [String: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: properties.map { ($0.key, isSecretName($0.key) ? redacted : $0.value) })
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
            "timeout_ms": Int(spec.timeout.components.seconds * 1000 + spec.timeout.components.attoseconds / 1_000_000_000_000_000),
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
