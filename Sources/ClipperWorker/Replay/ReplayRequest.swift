import Foundation

/// What an analyst asked to replay: where to start, where to stop, and the time window.
///
/// ```swift
/// let request = ReplayRequest(start: .timestamp(from), end: .capturedHighWatermarks)
/// ```
public struct ReplayRequest: Sendable, Hashable {
    public enum Start: Sendable, Hashable {
        case earliest
        /// The high watermarks: nothing now in the topic (reset-offsets --latest).
        case latest
        case offsets(OffsetSpec)
        /// The first record at or after this time. Resolved with offsets-for-times, then filtered on the client,
        /// so a broker that answers with an earlier offset costs time, not correctness.
        case timestamp(Date)
    }

    public enum End: Sendable, Hashable {
        /// The high watermarks captured when the replay starts.
        case capturedHighWatermarks
        /// Exclusive end offsets.
        case offsets(OffsetSpec)
        /// Records at or after this time are skipped; reading stops at the captured high watermarks.
        case timestamp(Date)
    }

    public var start: Start
    public var end: End

    public init(start: Start, end: End = .capturedHighWatermarks) {
        self.start = start
        self.end = end
    }

    /// Whether a record's time is inside the requested window (records without a timestamp are kept).
    public func includes(timestamp: Date?) -> Bool {
        guard let timestamp else { return true }
        if case .timestamp(let from) = start, timestamp < from { return false }
        if case .timestamp(let to) = end, timestamp >= to { return false }
        return true
    }
}
