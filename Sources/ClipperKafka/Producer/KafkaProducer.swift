import CRdKafka
import Foundation
import Logging
import Synchronization

/// An idempotent (`acks=all`) producer. A dedicated thread serves delivery reports; `send` awaits the broker's
/// acknowledgement. A full local queue is backpressure: the call waits for room and retries, it never fails for it.
///
/// ```swift
/// let producer = try KafkaProducer(settings: ProducerSettings(client: client), logger: logger)
/// let report = try await producer.send(OutgoingRecord(topic: "out", key: nil, value: Array("hi".utf8)))
/// producer.close()
/// ```
public final class KafkaProducer: Sendable {
    let client: RdClient
    private let logger: Logger
    private let running = Atomic<Bool>(true)
    private let poller: Mutex<DedicatedThread?> = Mutex(nil)
    private let space = Mutex(SpaceWaiters())
    private let closed = AtomicFlag()
    /// Called on the delivery thread after each batch of delivery reports (the pipeline flushes its acks here).
    let afterPoll = Mutex<(@Sendable () -> Void)?>(nil)
    /// Figures from the latest statistics report.
    let gauges = ClientGauges()
    /// A broker answered the metadata request the delivery thread sends first (readiness before any statistics).
    private let metadataAnswered = AtomicFlag()
    private let statisticsArrived = AtomicFlag()

    struct SpaceWaiters {
        var generation: UInt64 = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    /// Creates the producer and starts its delivery-report thread.
    ///
    /// ```swift
    /// let producer = try KafkaProducer(settings: settings, logger: Logger(label: "producer"))
    /// ```
    public init(settings: ProducerSettings, logger: Logger) throws {
        self.logger = logger
        client = try RdClient(type: RD_KAFKA_PRODUCER, properties: settings.librdkafkaProperties, logger: logger) {
            conf in
            rd_kafka_conf_set_dr_msg_cb(conf, DeliveryToken.callback)
        }
        client.callbacks.handlers.withLock { [gauges, statisticsArrived] handlers in
            handlers.statistics = {
                gauges.update($0)
                _ = statisticsArrived.setOnce()
            }
        }
        let client = client
        let thread = DedicatedThread(name: "clipper.producer.poll") { [self] in
            // One metadata round trip at start, so that readiness need not wait for the first statistics report.
            var metadata: UnsafePointer<rd_kafka_metadata>?
            if rd_kafka_metadata(client.handle, 0, nil, &metadata, 2_000) == RD_KAFKA_RESP_ERR_NO_ERROR {
                _ = metadataAnswered.setOnce()
            }
            if let metadata { rd_kafka_metadata_destroy(metadata) }
            while running.load(ordering: .relaxed) {
                rd_kafka_poll(client.handle, 100)
                wakeSpaceWaiters()
                afterPoll.withLock { $0 }?()
            }
            client.destroy()
        }
        poller.withLock { $0 = thread }
    }

    /// Messages waiting in librdkafka (queued or in flight), i.e. `rd_kafka_outq_len`.
    ///
    /// ```swift
    /// if producer.queueDepth > 10_000 { logger.warning("producer backlog") }
    /// ```
    public var queueDepth: Int { closed.isSet ? 0 : Int(rd_kafka_outq_len(client.handle)) }

    /// Whether at least one broker connection was up at the last statistics report; before the first report,
    /// whether a broker answered the metadata request sent at start.
    ///
    /// ```swift
    /// if !producer.isConnected { logger.warning("no broker up") }
    /// ```
    public var isConnected: Bool {
        statisticsArrived.isSet ? gauges.brokersUp.load(ordering: .relaxed) > 0 : metadataAnswered.isSet
    }

    /// Produces `record` and awaits its delivery report. Waits (does not fail) while the local queue is full.
    ///
    /// ```swift
    /// let report = try await producer.send(record)
    /// ```
    @discardableResult
    public func send(_ record: OutgoingRecord) async throws -> DeliveryReport {
        let report = OneShot<DeliveryReport>()
        try await produce(record) { report.complete($0.mapError { $0 as any Error }) }
        return try await report.value()
    }

    /// Enqueues `record`; `onDelivery` is called once with the delivery report (on the producer's thread; keep it
    /// short). Waits while the local queue is full. Throws only when librdkafka rejects the record at once
    /// (e.g. ``KafkaErrorCode/messageSizeTooLarge`` above `message.max.bytes`); `onDelivery` is then not called.
    ///
    /// ```swift
    /// try await producer.produce(record) { result in print(result) }
    /// ```
    public func produce(
        _ record: OutgoingRecord, onDelivery: @escaping @Sendable (Result<DeliveryReport, KafkaError>) -> Void
    ) async throws {
        while true {
            guard !closed.isSet else {
                throw KafkaError(code: .notRunning, text: "producer closed", message: "Create a new producer.")
            }
            let generation = space.withLock { $0.generation }
            guard let error = tryProduce(record, onDelivery: onDelivery) else { return }
            guard error.code == .queueFull else { throw error }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = space.withLock { state -> Bool in
                    if state.generation != generation { return true }
                    state.waiters.append(continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        }
    }

    /// One non-blocking attempt; returns the error (including ``KafkaErrorCode/queueFull``) or `nil` when enqueued.
    func tryProduce(
        _ record: OutgoingRecord, onDelivery: @escaping @Sendable (Result<DeliveryReport, KafkaError>) -> Void
    ) -> KafkaError? {
        let token = Unmanaged.passRetained(DeliveryToken(onDelivery)).toOpaque()
        var headers: OpaquePointer?
        if !record.headers.isEmpty {
            headers = rd_kafka_headers_new(record.headers.count)
            for header in record.headers {
                if let value = header.value {
                    value.withUnsafeBytes {
                        _ = rd_kafka_header_add(
                            headers, header.name, -1, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), $0.count)
                    }
                } else {
                    _ = rd_kafka_header_add(headers, header.name, -1, nil, 0)
                }
            }
        }
        let error: OpaquePointer? = record.topic.withCString { topic in
            withBytes(record.key) { keyPointer, keyCount in
                withBytes(record.value) { valuePointer, valueCount in
                    var vus = [rd_kafka_vu_t](repeating: rd_kafka_vu_t(), count: 8)
                    vus[0].vtype = RD_KAFKA_VTYPE_TOPIC
                    vus[0].u.cstr = topic
                    vus[1].vtype = RD_KAFKA_VTYPE_PARTITION
                    vus[1].u.i32 = record.partition ?? RD_KAFKA_PARTITION_UA
                    vus[2].vtype = RD_KAFKA_VTYPE_MSGFLAGS
                    vus[2].u.i = RD_KAFKA_MSG_F_COPY
                    vus[3].vtype = RD_KAFKA_VTYPE_OPAQUE
                    vus[3].u.ptr = token
                    vus[4].vtype = RD_KAFKA_VTYPE_KEY
                    vus[4].u.mem.ptr = keyPointer
                    vus[4].u.mem.size = keyCount
                    vus[5].vtype = RD_KAFKA_VTYPE_VALUE
                    vus[5].u.mem.ptr = valuePointer
                    vus[5].u.mem.size = valueCount
                    var count = 6
                    if let headers {
                        vus[count].vtype = RD_KAFKA_VTYPE_HEADERS
                        vus[count].u.headers = headers
                        count += 1
                    }
                    if let timestamp = record.timestampMilliseconds {
                        vus[count].vtype = RD_KAFKA_VTYPE_TIMESTAMP
                        vus[count].u.i64 = timestamp
                        count += 1
                    }
                    return rd_kafka_produceva(client.handle, &vus, count)
                }
            }
        }
        guard let error else { return nil }
        Unmanaged<DeliveryToken>.fromOpaque(token).release()
        if let headers { rd_kafka_headers_destroy(headers) }
        return KafkaError(consuming: error, context: "produce to \(record.topic)")
    }

    private func withBytes<R>(_ bytes: [UInt8]?, _ body: (UnsafeMutableRawPointer?, Int) -> R) -> R {
        guard let bytes else { return body(nil, 0) }
        return bytes.withUnsafeBytes { body(UnsafeMutableRawPointer(mutating: $0.baseAddress), $0.count) }
    }

    private func wakeSpaceWaiters() {
        let waiters = space.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.generation &+= 1
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Waits (without blocking a thread) until every queued record got its delivery report or `timeout` passed.
    /// Returns whether the queue is empty.
    ///
    /// ```swift
    /// let drained = await producer.flush(timeout: .seconds(5))
    /// ```
    public func flush(timeout: Duration) async -> Bool {
        guard !closed.isSet else { return true }
        let deadline = monotonicMillis() + Int64(timeout.milliseconds)
        while rd_kafka_outq_len(client.handle) > 0 {
            if monotonicMillis() >= deadline { return false }
            try? await Task.sleep(for: .milliseconds(2))
        }
        return true
    }

    /// Blocking flush for dedicated threads: waits until every record got its delivery report (served by the
    /// delivery thread, so reports are never handled on two threads). Do not call from async code.
    func flushBlocking(timeout: Duration) -> Bool {
        guard !closed.isSet else { return true }
        let deadline = monotonicMillis() + Int64(timeout.milliseconds)
        while rd_kafka_outq_len(client.handle) > 0 {
            if monotonicMillis() >= deadline { return false }
            usleep(1_000)
        }
        return true
    }

    /// Flushes (up to `timeout`), stops the delivery thread and destroys the handle. Idempotent.
    /// Returns whether every record was delivered before closing.
    ///
    /// ```swift
    /// await producer.close()
    /// ```
    @discardableResult
    public func close(timeout: Duration = .seconds(10)) async -> Bool {
        let drained = await flush(timeout: timeout)
        guard closed.setOnce() else { return drained }
        running.store(false, ordering: .relaxed)
        wakeSpaceWaiters()
        return drained
    }
}
