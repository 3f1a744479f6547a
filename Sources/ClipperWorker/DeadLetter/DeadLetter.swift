import ClipperCore
import Foundation

/// Why a record went to the dead-letter topic, with everything an operator needs to act on it.
///
/// The dead-letter record is the original key and value bytes, unchanged, plus these headers, so it can be
/// replayed into the input topic with any Kafka tool once the cause is fixed.
///
/// ```swift
/// let letter = DeadLetter(reason: .deserialize, processor: nil, error: "invalid JSON", attempts: 1)
/// letter.headers(for: record, pipelineVersion: "clipper/0.1.0+abc") // [("mm-dlq-reason", "deserialize"), …]
/// ```
public struct DeadLetter: Sendable, Hashable {
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// Not a readable raw article: invalid JSON, invalid UTF-8, wrong field type, missing field.
        case deserialize
        /// A processor failed and its policy said dead-letter.
        case processor
        /// The output record could not be delivered.
        case produce
        /// The record is larger than `worker.max_record_bytes`.
        case oversize
        /// A processor overran its time limit on every attempt.
        case timeout
    }

    public var reason: Reason
    public var processor: String?
    public var error: String
    public var attempts: Int
    public var failedAt: Date

    public init(reason: Reason, processor: String?, error: String, attempts: Int, failedAt: Date = Date()) {
        self.reason = reason
        self.processor = processor
        self.error = error
        self.attempts = attempts
        self.failedAt = failedAt
    }

    /// Longest error text kept in the `mm-dlq-error` header.
    public static let maxErrorBytes = 1024
    /// The header that names the reason; every dead letter has it.
    public static let reasonHeader = "mm-dlq-reason"

    /// The headers of the dead-letter record for `record`.
    public func headers(for record: InputRecord, pipelineVersion: String) -> [(String, String)] {
        var headers: [(String, String)] = [
            (Self.reasonHeader, reason.rawValue),
            ("mm-dlq-error", Self.truncate(error, toBytes: Self.maxErrorBytes)),
            ("mm-dlq-attempts", String(attempts)),
            ("mm-dlq-failed-at", Timestamps.rfc3339(failedAt)),
            ("mm-src-topic", record.topic),
            ("mm-src-partition", String(record.partition)),
            ("mm-src-offset", String(record.offset)),
            ("mm-pipeline-version", pipelineVersion),
        ]
        if let processor { headers.insert(("mm-dlq-processor", processor), at: 1) }
        if let timestamp = record.timestamp { headers.append(("mm-src-timestamp", Timestamps.rfc3339(timestamp))) }
        return headers
    }

    /// Cuts `text` to at most `limit` UTF-8 bytes without splitting a character.
    static func truncate(_ text: String, toBytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > limit - 3 { break }
            result.append(character)
            used += size
        }
        return result + "…"
    }
}
