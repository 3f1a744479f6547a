import Logging

/// What a processor gets with each article: a logger carrying the record's coordinates, and the attempt number.
///
/// ```swift
/// context.logger.debug("tagged", metadata: ["code": "\(code)"])
/// ```
public struct ProcessorContext: Sendable {
    /// Carries `kafka.topic`, `kafka.partition`, `kafka.offset`, `doc_id` and `processor` metadata.
    public var logger: Logger
    /// 1 on the first try, 2 on the first retry, and so on.
    public var attempt: Int
    /// Where the record came from, when it came from Kafka.
    public var input: ProcessingInfo.Input?

    public init(
        logger: Logger = Logger(label: "clipper.processor"), attempt: Int = 1, input: ProcessingInfo.Input? = nil
    ) {
        self.logger = logger
        self.attempt = attempt
        self.input = input
    }
}
