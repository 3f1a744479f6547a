import Foundation

/// What a replay did, per partition: the range read, records published, dead-lettered, dropped, skipped by the
/// time window, and how long the partition took.
///
/// ```swift
/// print(summary.table)
/// ```
public struct ReplaySummary: Sendable {
    public struct Row: Sendable, Hashable {
        public var partition: Int32
        public var start: Int64
        public var end: Int64
        public var published: Int
        public var deadLettered: Int
        public var dropped: Int
        public var skipped: Int
        public var seconds: Double
        public var records: Int { published + deadLettered + dropped + skipped }
    }

    public var replayID: String
    public var outputTopic: String
    public var rows: [Row]
    public var seconds: Double

    public var complete: Bool { rows.allSatisfy { Int64($0.records) == $0.end - $0.start } }

    public var table: String {
        var lines = [
            "replay \(replayID) → \(outputTopic)",
            "partition  range              records  out      dead     dropped  skipped  seconds",
        ]
        for row in rows {
            let columns = [
                "\(row.partition)", "\(row.start)..<\(row.end)", "\(row.records)", "\(row.published)",
                "\(row.deadLettered)", "\(row.dropped)", "\(row.skipped)", String(format: "%.1f", row.seconds),
            ]
            let widths = [11, 19, 9, 9, 9, 9, 9, 0]
            lines.append(
                zip(columns, widths).map { $1 > 0 ? $0.padding(toLength: $1, withPad: " ", startingAt: 0) : $0 }
                    .joined())
        }
        let total = rows.reduce(into: (0, 0, 0, 0, 0)) {
            $0.0 += $1.records
            $0.1 += $1.published
            $0.2 += $1.deadLettered
            $0.3 += $1.dropped
            $0.4 += $1.skipped
        }
        lines.append(
            "total: \(total.0) records, \(total.1) published, \(total.2) dead-lettered, \(total.3) dropped, "
                + "\(total.4) outside the time window, \(String(format: "%.1f", seconds)) s")
        return lines.joined(separator: "\n")
    }
}
