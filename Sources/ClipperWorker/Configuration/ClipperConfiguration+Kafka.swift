import ClipperKafka
import Foundation

extension ClipperConfiguration {
    /// The client settings shared by consumer, producer and admin: servers, client id, SASL/TLS.
    ///
    /// ```swift
    /// let admin = try KafkaAdmin(settings: configuration.kafkaClientSettings(properties: [:]))
    /// ```
    public func kafkaClientSettings(properties: [String: String]) -> KafkaClientSettings {
        var security = KafkaSecurity()
        let securitySection = kafka.security
        if securitySection.protocolName.hasPrefix("sasl"), let username = securitySection.saslUsername,
            let password = securitySection.saslPassword
        {
            let mechanism = KafkaSecurity.Mechanism(rawValue: securitySection.saslMechanism ?? "PLAIN") ?? .plain
            security.sasl = .init(mechanism: mechanism, username: username, password: password)
        }
        if securitySection.protocolName.hasSuffix("ssl") {
            security.tls = .init(
                caPath: securitySection.caLocation, certificatePath: securitySection.certificateLocation,
                keyPath: securitySection.keyLocation, keyPassword: securitySection.keyPassword)
        }
        return KafkaClientSettings(
            bootstrapServers: kafka.bootstrapServers, clientID: kafka.clientID, security: security,
            properties: properties)
    }

    /// Consumer settings for the worker's group.
    public var consumerSettings: ConsumerSettings {
        var settings = ConsumerSettings(
            client: kafkaClientSettings(properties: kafka.consumerProperties), groupID: kafka.groupID)
        settings.sessionTimeout = .milliseconds(kafka.sessionTimeoutMS)
        settings.heartbeatInterval = .milliseconds(max(500, min(3_000, kafka.sessionTimeoutMS / 3)))
        settings.autoOffsetReset = kafka.autoOffsetReset == "latest" ? .latest : .earliest
        settings.commitInterval = .milliseconds(kafka.commitIntervalMS)
        return settings
    }

    /// Producer settings (idempotent, acks=all are always on).
    public var producerSettings: ProducerSettings {
        ProducerSettings(client: kafkaClientSettings(properties: kafka.producerProperties))
    }

    /// Lane and in-flight limits, drain and close timeouts.
    public var pipelineLimits: PipelineLimits {
        var limits = PipelineLimits(
            laneCapacity: worker.maxInFlightPerPartition, maxInFlightBytes: worker.maxInFlightBytes)
        limits.drainTimeout = .milliseconds(worker.drainTimeoutMS)
        limits.closeTimeout = .milliseconds(worker.closeTimeoutMS)
        return limits
    }
}
