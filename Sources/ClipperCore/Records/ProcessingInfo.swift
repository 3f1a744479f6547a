/// Provenance of an enriched record: where it came from and which processors made it.
///
/// ```swift
/// var info = ProcessingInfo()
/// info.input = .init(topic: "articles.raw", partition: 0, offset: 42, timestamp: nil)
/// ```
public struct ProcessingInfo: Sendable, Hashable, Codable {
    /// Clipper version plus a hash of the chain configuration.
    public var pipelineVersion: String
    public var workerID: String?
    /// The replay id, when a replay produced this record.
    public var replay: String?
    public var input: Input?
    public var processors: [ProcessorRun]
    /// Things about the input a reader should know, one sentence each, e.g. a `published_at` that is not RFC 3339
    /// (kept as given). Absent when there are none.
    ///
    /// ```swift
    /// Article(raw: RawArticle(id: "1", title: "T", publishedAt: "yesterday")).processing.warnings
    /// // ["published_at \"yesterday\" is not an RFC 3339 time; kept as given"]
    /// ```
    public var warnings: [String]?

    public init(
        pipelineVersion: String = "", workerID: String? = nil, replay: String? = nil, input: Input? = nil,
        processors: [ProcessorRun] = [], warnings: [String]? = nil
    ) {
        self.pipelineVersion = pipelineVersion
        self.workerID = workerID
        self.replay = replay
        self.input = input
        self.processors = processors
        self.warnings = warnings
    }

    enum CodingKeys: String, CodingKey {
        case pipelineVersion = "pipeline_version", workerID = "worker_id", replay, input, processors, warnings
    }

    /// The Kafka coordinates of the input record.
    public struct Input: Sendable, Hashable, Codable {
        public var topic: String
        public var partition: Int32
        public var offset: Int64
        /// RFC 3339.
        public var timestamp: String?

        public init(topic: String, partition: Int32, offset: Int64, timestamp: String?) {
            self.topic = topic
            self.partition = partition
            self.offset = offset
            self.timestamp = timestamp
        }
    }

    /// One processor's run on this record.
    public struct ProcessorRun: Sendable, Hashable, Codable {
        public var name: String
        public var version: String
        public var status: ProcessorRunStatus
        public var durationMS: Double
        public var attempts: Int
        public var error: String?
        /// Free-form note, e.g. "fell back to source language hint".
        public var note: String?

        public init(
            name: String, version: String, status: ProcessorRunStatus, durationMS: Double, attempts: Int = 1,
            error: String? = nil, note: String? = nil
        ) {
            self.name = name
            self.version = version
            self.status = status
            self.durationMS = durationMS
            self.attempts = attempts
            self.error = error
            self.note = note
        }

        enum CodingKeys: String, CodingKey {
            case name, version, status, durationMS = "duration_ms", attempts, error, note
        }
    }
}

/// What happened when a processor ran.
public enum ProcessorRunStatus: String, Sendable, Hashable, Codable {
    /// It ran and kept the record.
    case ok
    /// It failed and its error policy said to go on without it.
    case skipped
    /// It failed and the record was dead-lettered or failed.
    case failed
    /// It dropped the record on purpose.
    case dropped
}
