import Foundation
import Testing
@testable import ClipperKafka

@Suite("Settings, errors, statistics")
struct SettingsAndErrorsTests {
    @Test func validateNamesTheRejectedProperty() {
        var client = KafkaClientSettings(bootstrapServers: "localhost:9092")
        client.properties["linger.ms"] = "not-a-number"
        do {
            try client.validate()
            Issue.record("expected a KafkaError")
        } catch let error as KafkaError {
            #expect(error.code == .invalidConfiguration)
            #expect(error.message.contains("linger.ms"))
            #expect(!error.isRetriable)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func unknownPropertyIsRejectedAndPasswordsAreRedacted() {
        var client = KafkaClientSettings(bootstrapServers: "localhost:9092")
        client.properties["sasl.password.typo"] = "secret"
        #expect(throws: KafkaError.self) { try client.validate() }
        do { try client.validate() } catch let error as KafkaError {
            #expect(!error.message.contains("secret"))
        } catch {}
    }

    @Test func securitySettingsMapToLibrdkafkaProperties() throws {
        let security = KafkaSecurity(sasl: .init(mechanism: .scramSHA512, username: "u", password: "p"), tls: .init(caPath: "/ca.pem"))
        let properties = Dictionary(uniqueKeysWithValues: security.properties)
        #expect(properties["security.protocol"] == "SASL_SSL")
        #expect(properties["sasl.mechanisms"] == "SCRAM-SHA-512")
        #expect(properties["ssl.ca.location"] == "/ca.pem")
    }

    @Test func producerSettingsForceIdempotenceAndAcksAll() {
        var settings = ProducerSettings(client: KafkaClientSettings(bootstrapServers: "x:1", properties: ["acks": "1"]))
        settings.linger = .milliseconds(7)
        let properties = settings.librdkafkaProperties
        #expect(properties.last { $0.0 == "acks" }?.1 == "all")
        #expect(properties.last { $0.0 == "enable.idempotence" }?.1 == "true")
        #expect(properties.last { $0.0 == "linger.ms" }?.1 == "7")
    }

    @Test func errorsCarryRetriabilityAndAdvice() {
        let retriable = KafkaError(code: .notLeaderForPartition, text: "Broker: Not leader")
        #expect(retriable.isRetriable)
        let tooLarge = KafkaError(code: .messageSizeTooLarge, text: "Broker: Message size too large")
        #expect(!tooLarge.isRetriable)
        #expect(tooLarge.message.contains("dead-letter"))
        #expect(KafkaErrorCode.messageSizeTooLarge.description == "MSG_SIZE_TOO_LARGE")
    }

    @Test func linkedLibrdkafkaIsSupported() throws {
        try LibrdkafkaVersionCheck.require()
        #expect(librdkafkaVersion.hasPrefix("2."))
    }

    @Test func statisticsGiveLagQueueDepthAndBrokersUp() {
        let json = """
        {"name":"c#consumer-1","type":"consumer","msg_cnt":12,
         "brokers":{"a:1/1":{"state":"UP"},"b:2/2":{"state":"DOWN"}},
         "topics":{"in":{"partitions":{"0":{"consumer_lag":5},"1":{"consumer_lag":-1},"-1":{"consumer_lag":0}}}}}
        """
        let stats = Array(json.utf8).withUnsafeBytes { KafkaStatistics(json: $0) }
        #expect(stats?.queuedMessages == 12)
        #expect(stats?.brokersUp == 1)
        #expect(stats?.consumerLag == [TopicPartition(topic: "in", partition: 0): 5])
    }
}
