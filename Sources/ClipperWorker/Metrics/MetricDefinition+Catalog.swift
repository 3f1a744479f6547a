extension MetricDefinition {
    public static let messagesIn = MetricDefinition(
        "clipper_messages_in_total", .counter, labels: ["topic", "partition"],
        help: "Records consumed from the input topics.")
    public static let messagesOut = MetricDefinition(
        "clipper_messages_out_total", .counter, help: "Enriched records handed to the producer for the output topic.")
    public static let messagesDropped = MetricDefinition(
        "clipper_messages_dropped_total", .counter, labels: ["processor", "reason"],
        help: "Records a processor dropped on purpose (counted, not published, not dead-lettered).")
    public static let deadLetters = MetricDefinition(
        "clipper_dead_letters_total", .counter, labels: ["reason"],
        help: "Records sent to the dead-letter topic, by reason (deserialize, processor, timeout, oversize, produce).")
    public static let processorDuration = MetricDefinition(
        "clipper_processor_duration_seconds", .histogram, labels: ["processor"],
        help: "Time of one processor attempt on one record, in seconds.")
    public static let processorErrors = MetricDefinition(
        "clipper_processor_errors_total", .counter, labels: ["processor"],
        help: "Processor attempts that failed, timeouts included.")
    public static let processorStuck = MetricDefinition(
        "clipper_processor_stuck", .gauge, labels: ["processor"],
        help: "1 while an attempt of the processor runs past worker.stuck_processor_ms, else 0.")
    public static let processorAvailable = MetricDefinition(
        "clipper_processor_available", .gauge, labels: ["processor"],
        help: "0 while the processor waits for an unavailable dependency (the dedup PostgreSQL), 1 after.")
    public static let processorOutages = MetricDefinition(
        "clipper_processor_outages_total", .counter, labels: ["processor"],
        help: "Times a processor's dependency became unavailable.")
    public static let consumerLagRecords = MetricDefinition(
        "clipper_consumer_lag_records", .gauge, labels: ["topic", "partition"],
        help: "Consumer lag in records of a partition this worker owns, from librdkafka statistics; gone once revoked.")
    public static let partitionPaused = MetricDefinition(
        "clipper_partition_paused", .gauge, labels: ["topic", "partition"],
        help: "1 while backpressure pauses fetching from the partition, else 0.")
    public static let partitionStalledSeconds = MetricDefinition(
        "clipper_partition_stalled_seconds", .gauge, labels: ["topic", "partition"],
        help: "Seconds the committed offset of a lagging partition has stood still (0 while it moves or is caught up).")
    public static let inFlightMessages = MetricDefinition(
        "clipper_inflight_messages", .gauge, help: "Records consumed and not yet acknowledged by the broker as output.")
    public static let inFlightBytes = MetricDefinition(
        "clipper_inflight_bytes", .gauge, help: "Input bytes consumed and not yet acknowledged by the broker as output."
    )
    public static let producerQueueMessages = MetricDefinition(
        "clipper_producer_queue_messages", .gauge, help: "Records in the producer's queue, not yet acknowledged.")
    public static let commits = MetricDefinition(
        "clipper_commits_total", .counter, help: "Offset commits that succeeded.")
    public static let commitFailures = MetricDefinition(
        "clipper_commit_failures_total", .counter,
        help: "Offset commits that failed (records are redelivered, not lost).")
    public static let rebalances = MetricDefinition(
        "clipper_rebalances_total", .counter, labels: ["kind"],
        help: "Consumer group rebalance events, by kind (assigned, revoked, lost).")
    public static let deliveryErrors = MetricDefinition(
        "clipper_delivery_errors_total", .counter,
        help: "Produce deliveries that failed after librdkafka's retries (the record is then dead-lettered).")
    public static let ready = MetricDefinition(
        "clipper_ready", .gauge, help: "1 when /readyz answers 200 (group joined, producer connected), else 0.")
    public static let live = MetricDefinition(
        "clipper_live", .gauge, help: "1 when /livez answers 200 (poll loop and processors not stuck), else 0.")
    public static let buildInfo = MetricDefinition(
        "clipper_build_info", .gauge, labels: ["version", "librdkafka"],
        help: "Always 1; the labels carry the Clipper and librdkafka versions.")

    /// The process metrics every Prometheus client exports, read from `/proc` on Linux at each scrape.
    public static let processCPUSeconds = MetricDefinition(
        "process_cpu_seconds_total", .counter, help: "Total user and system CPU time spent in seconds.")
    public static let processResidentMemory = MetricDefinition(
        "process_resident_memory_bytes", .gauge, help: "Resident memory size in bytes.")
    public static let processVirtualMemory = MetricDefinition(
        "process_virtual_memory_bytes", .gauge, help: "Virtual memory size in bytes.")
    public static let processOpenFDs = MetricDefinition(
        "process_open_fds", .gauge, help: "Number of open file descriptors.")
    public static let processMaxFDs = MetricDefinition(
        "process_max_fds", .gauge, help: "Maximum number of open file descriptors.")
    public static let processStartTime = MetricDefinition(
        "process_start_time_seconds", .gauge, help: "Start time of the process since unix epoch in seconds.")

    /// The worker's own metrics, recorded through swift-metrics.
    public static let worker: [MetricDefinition] = [
        messagesIn, messagesOut, messagesDropped, deadLetters, processorDuration, processorErrors, processorStuck,
        processorAvailable, processorOutages, consumerLagRecords, partitionPaused, partitionStalledSeconds,
        inFlightMessages, inFlightBytes,
        producerQueueMessages, commits, commitFailures, rebalances, deliveryErrors, ready, live, buildInfo,
    ]

    /// The `process_*` metrics (``ProcessMetrics``).
    public static let process: [MetricDefinition] = [
        processCPUSeconds, processResidentMemory, processVirtualMemory, processOpenFDs, processMaxFDs,
        processStartTime,
    ]

    /// Everything `/metrics` can show.
    public static let all: [MetricDefinition] = worker + process

    /// ``all`` by name.
    ///
    /// ```swift
    /// MetricDefinition.byName["clipper_commits_total"]?.help // "Offset commits that succeeded."
    /// ```
    public static let byName: [String: MetricDefinition] = Dictionary(
        all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}
