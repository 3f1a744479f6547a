import CRdKafka
import Logging
import Synchronization

/// The Swift side of librdkafka's per-client callbacks. Passed as the conf opaque; it must outlive the handle
/// (``RdClient`` holds it and destroys the handle first).
final class ClientCallbacks: Sendable {
    typealias RebalanceHandler =
        @Sendable (OpaquePointer, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) -> Void
    typealias CommitHandler = @Sendable (rd_kafka_resp_err_t, [TopicPartitionOffset]) -> Void

    struct Handlers: Sendable {
        var rebalance: RebalanceHandler?
        var commit: CommitHandler?
        var statistics: (@Sendable (KafkaStatistics) -> Void)?
        var log: (@Sendable (Logger.Level, String, String) -> Void)?
        var error: (@Sendable (KafkaError) -> Void)?
    }

    let logger: Logger
    let handlers = Mutex(Handlers())

    init(logger: Logger) {
        self.logger = logger
    }

    var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ opaque: UnsafeMutableRawPointer?) -> ClientCallbacks? {
        opaque.map { Unmanaged<ClientCallbacks>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Installs the C callbacks on `conf`. Rebalance and commit callbacks only for consumers.
    func install(on conf: OpaquePointer, consumer: Bool) {
        rd_kafka_conf_set_opaque(conf, opaque)
        rd_kafka_conf_set_log_cb(conf) { rk, level, facility, buffer in
            guard let rk, let callbacks = ClientCallbacks.from(rd_kafka_opaque(rk)) else { return }
            callbacks.log(
                level: level, facility: facility.map { String(cString: $0) } ?? "",
                message: buffer.map { String(cString: $0) } ?? "")
        }
        rd_kafka_conf_set_error_cb(conf) { _, err, reason, opaque in
            guard let callbacks = ClientCallbacks.from(opaque) else { return }
            let error = KafkaError(rd_kafka_resp_err_t(rawValue: err), context: reason.map { String(cString: $0) })
            callbacks.logger.warning("librdkafka error", metadata: ["error": "\(error)"])
            callbacks.handlers.withLock { $0.error }?(error)
        }
        rd_kafka_conf_set_stats_cb(conf) { _, json, length, opaque in
            guard let callbacks = ClientCallbacks.from(opaque), let json,
                let handler = callbacks.handlers.withLock({ $0.statistics })
            else { return 0 }
            let bytes = UnsafeRawBufferPointer(start: json, count: length)
            if let statistics = KafkaStatistics(json: bytes) { handler(statistics) }
            return 0
        }
        if consumer {
            rd_kafka_conf_set_rebalance_cb(conf) { rk, err, partitions, opaque in
                guard let rk, let partitions, let callbacks = ClientCallbacks.from(opaque) else { return }
                if let handler = callbacks.handlers.withLock({ $0.rebalance }) {
                    handler(rk, err, partitions)
                } else if err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS {
                    RdClient.assign(rk, partitions)
                } else {
                    RdClient.unassign(rk, partitions)
                }
            }
            rd_kafka_conf_set_offset_commit_cb(conf) { _, err, offsets, opaque in
                guard let callbacks = ClientCallbacks.from(opaque),
                    let handler = callbacks.handlers.withLock({ $0.commit })
                else { return }
                handler(err, offsets.map { PartitionList.offsets(of: UnsafePointer($0)) } ?? [])
            }
        }
    }

    func log(level: Int32, facility: String, message: String) {
        let swiftLevel: Logger.Level
        switch level {
        case ...3: swiftLevel = .error
        case 4: swiftLevel = .warning
        case 5, 6: swiftLevel = .info
        default: swiftLevel = .debug
        }
        logger.log(
            level: swiftLevel, "\(message)", metadata: ["librdkafka.facility": "\(facility)"], source: "librdkafka")
        handlers.withLock { $0.log }?(swiftLevel, facility, message)
    }
}
