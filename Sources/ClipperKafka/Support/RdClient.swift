import CRdKafka
import Logging

/// Owns one `rd_kafka_t` and the callbacks object it points to. Destroying the client destroys the handle first,
/// then releases the callbacks.
final class RdClient: @unchecked Sendable {
    /// The handle; valid until `destroy()`/deinit. librdkafka handles are thread-safe.
    let handle: OpaquePointer
    let callbacks: ClientCallbacks
    private let destroyed = AtomicFlag()

    init(
        type: rd_kafka_type_t, properties: [(String, String)], logger: Logger,
        configure: (OpaquePointer) -> Void = { _ in }
    ) throws {
        try LibrdkafkaVersionCheck.require()
        let callbacks = ClientCallbacks(logger: logger)
        let conf = try RdConfiguration.make(properties)
        callbacks.install(on: conf, consumer: type == RD_KAFKA_CONSUMER)
        configure(conf)
        var errstr = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(type, conf, &errstr, errstr.count) else {
            rd_kafka_conf_destroy(conf)
            throw KafkaError(
                code: .invalidConfiguration, text: string(fromCBuffer: errstr),
                message: "librdkafka could not create the client; check the configuration named in the text.")
        }
        self.handle = handle
        self.callbacks = callbacks
    }

    /// Destroys the handle now (idempotent). After this, `handle` must not be used.
    func destroy() {
        if destroyed.setOnce() { rd_kafka_destroy(handle) }
    }

    /// Marks the handle as abandoned (e.g. a close that never returned): deinit will not touch it.
    func abandon() {
        _ = destroyed.setOnce()
        _ = Unmanaged.passRetained(callbacks)  // keep callbacks alive: librdkafka threads may still call them
    }

    deinit { destroy() }

    /// The client's fatal error, if it hit one (`rd_kafka_fatal_error`); `nil` while it is usable.
    func fatalError() -> KafkaError? {
        var errstr = [CChar](repeating: 0, count: 512)
        let err = rd_kafka_fatal_error(handle, &errstr, errstr.count)
        guard err != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        return KafkaError(
            code: KafkaErrorCode(err), isFatal: true, text: "fatal error: \(string(fromCBuffer: errstr))",
            message: "The client cannot continue; the worker stops so that its supervisor restarts it.")
    }

    /// Raises a fabricated fatal error (`rd_kafka_test_fatal_error`), for fault-injection tests.
    func injectFatalError(reason: String) {
        _ = rd_kafka_test_fatal_error(handle, RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER, reason)
    }

    /// Assigns with the protocol in use (incremental for cooperative).
    static func assign(_ rk: OpaquePointer, _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) {
        if isCooperative(rk) {
            if let error = rd_kafka_incremental_assign(rk, partitions) { rd_kafka_error_destroy(error) }
        } else {
            rd_kafka_assign(rk, partitions)
        }
    }

    static func unassign(_ rk: OpaquePointer, _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) {
        if isCooperative(rk) {
            if let error = rd_kafka_incremental_unassign(rk, partitions) { rd_kafka_error_destroy(error) }
        } else {
            rd_kafka_assign(rk, nil)
        }
    }

    static func isCooperative(_ rk: OpaquePointer) -> Bool {
        guard let name = rd_kafka_rebalance_protocol(rk) else { return false }
        return String(cString: name) == "COOPERATIVE"
    }
}
