import CRdKafka

/// Settings shared by every Kafka client: where the brokers are, who we are, security, and raw librdkafka
/// properties passed through unchanged (they override the typed ones).
///
/// ```swift
/// var client = KafkaClientSettings(bootstrapServers: "localhost:9092", clientID: "clipper")
/// client.properties["socket.keepalive.enable"] = "true"
/// try client.validate()
/// ```
public struct KafkaClientSettings: Sendable {
    /// Comma-separated `host:port` list.
    public var bootstrapServers: String
    /// `client.id` sent to the brokers.
    public var clientID: String
    /// SASL / TLS.
    public var security: KafkaSecurity
    /// Raw librdkafka properties (see librdkafka's CONFIGURATION.md); applied last.
    public var properties: [String: String]

    /// Creates client settings.
    ///
    /// ```swift
    /// KafkaClientSettings(bootstrapServers: broker.bootstrapServers)
    /// ```
    public init(
        bootstrapServers: String, clientID: String = "clipper", security: KafkaSecurity = KafkaSecurity(),
        properties: [String: String] = [:]
    ) {
        self.bootstrapServers = bootstrapServers
        self.clientID = clientID
        self.security = security
        self.properties = properties
    }

    /// Typed properties followed by the raw ones.
    var librdkafkaProperties: [(String, String)] { typedProperties + rawProperties }

    var typedProperties: [(String, String)] {
        [("bootstrap.servers", bootstrapServers), ("client.id", clientID)] + security.properties
    }

    var rawProperties: [(String, String)] { properties.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    /// Client typed properties, then `specific`, then the raw properties (which win).
    func merged(with specific: [(String, String)]) -> [(String, String)] {
        typedProperties + specific + rawProperties
    }

    /// Checks every property with librdkafka itself (`rd_kafka_conf_set`); throws a ``KafkaError`` naming the
    /// first property it rejects.
    ///
    /// ```swift
    /// try settings.validate()
    /// ```
    public func validate() throws {
        let conf = try RdConfiguration.make(librdkafkaProperties)
        rd_kafka_conf_destroy(conf)
    }
}

/// Builds `rd_kafka_conf_t` objects from property lists.
enum RdConfiguration {
    /// Returns a new conf; the caller owns it (pass to `rd_kafka_new` or destroy it).
    static func make(_ properties: [(String, String)]) throws -> OpaquePointer {
        guard let conf = rd_kafka_conf_new() else {
            throw KafkaError(code: .invalidConfiguration, text: "rd_kafka_conf_new failed")
        }
        for (name, value) in properties {
            do {
                try set(conf, name, value)
            } catch {
                rd_kafka_conf_destroy(conf)
                throw error
            }
        }
        return conf
    }

    static func set(_ conf: OpaquePointer, _ name: String, _ value: String) throws {
        var errstr = [CChar](repeating: 0, count: 512)
        let result = rd_kafka_conf_set(conf, name, value, &errstr, errstr.count)
        if result != RD_KAFKA_CONF_OK {
            let text = PropertyRedaction.scrub(string(fromCBuffer: errstr), name: name, value: value)
            let shown = PropertyRedaction.shown(name: name, value: value)
            throw KafkaError(
                code: .invalidConfiguration, text: text,
                message: "librdkafka rejected property '\(name)' = '\(shown)'. "
                    + "Fix or remove it; see librdkafka's CONFIGURATION.md for valid names and values."
            )
        }
    }
}

extension Duration {
    /// Whole milliseconds, rounded down, at least 0.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return max(0, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }
}
