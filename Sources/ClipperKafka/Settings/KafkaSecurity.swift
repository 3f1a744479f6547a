/// Authentication and encryption for a Kafka client: SASL (PLAIN or SCRAM) and/or TLS.
///
/// ```swift
/// var security = KafkaSecurity()
/// security.sasl = .init(mechanism: .scramSHA512, username: "clipper", password: secret)
/// security.tls = .init(caPath: "/etc/ssl/kafka-ca.pem")
/// ```
public struct KafkaSecurity: Sendable, Hashable {
    /// SASL mechanisms supported (OAUTHBEARER is not: Debian's librdkafka has no libcurl).
    public enum Mechanism: String, Sendable, Hashable {
        /// `PLAIN`.
        case plain = "PLAIN"
        /// `SCRAM-SHA-256`.
        case scramSHA256 = "SCRAM-SHA-256"
        /// `SCRAM-SHA-512`.
        case scramSHA512 = "SCRAM-SHA-512"
    }

    /// SASL user credentials.
    ///
    /// ```swift
    /// KafkaSecurity.SASL(mechanism: .plain, username: "u", password: "p")
    /// ```
    public struct SASL: Sendable, Hashable {
        /// The mechanism.
        public var mechanism: Mechanism
        /// User name.
        public var username: String
        /// Password (never logged).
        public var password: String
        /// Creates credentials.
        public init(mechanism: Mechanism, username: String, password: String) {
            self.mechanism = mechanism
            self.username = username
            self.password = password
        }
    }

    /// TLS file paths (PEM).
    ///
    /// ```swift
    /// KafkaSecurity.TLS(caPath: "ca.pem", certificatePath: "client.pem", keyPath: "client.key")
    /// ```
    public struct TLS: Sendable, Hashable {
        /// CA bundle used to verify the brokers.
        public var caPath: String?
        /// Client certificate (mutual TLS).
        public var certificatePath: String?
        /// Client private key (mutual TLS).
        public var keyPath: String?
        /// Password of the private key, if encrypted.
        public var keyPassword: String?
        /// Creates TLS settings.
        public init(
            caPath: String? = nil, certificatePath: String? = nil, keyPath: String? = nil, keyPassword: String? = nil
        ) {
            self.caPath = caPath
            self.certificatePath = certificatePath
            self.keyPath = keyPath
            self.keyPassword = keyPassword
        }
    }

    /// SASL credentials, or `nil` for none.
    public var sasl: SASL?
    /// TLS settings, or `nil` for plaintext.
    public var tls: TLS?

    /// Creates security settings (default: plaintext, no authentication).
    public init(sasl: SASL? = nil, tls: TLS? = nil) {
        self.sasl = sasl
        self.tls = tls
    }

    /// The librdkafka properties these settings translate to.
    var properties: [(String, String)] {
        var result: [(String, String)] = []
        let proto: String
        switch (sasl != nil, tls != nil) {
        case (true, true): proto = "SASL_SSL"
        case (true, false): proto = "SASL_PLAINTEXT"
        case (false, true): proto = "SSL"
        case (false, false): proto = "PLAINTEXT"
        }
        result.append(("security.protocol", proto))
        if let sasl {
            result += [
                ("sasl.mechanisms", sasl.mechanism.rawValue), ("sasl.username", sasl.username),
                ("sasl.password", sasl.password),
            ]
        }
        if let tls {
            if let v = tls.caPath { result.append(("ssl.ca.location", v)) }
            if let v = tls.certificatePath { result.append(("ssl.certificate.location", v)) }
            if let v = tls.keyPath { result.append(("ssl.key.location", v)) }
            if let v = tls.keyPassword { result.append(("ssl.key.password", v)) }
        }
        return result
    }
}
