import Foundation

/// Progress of a replay: per partition and in total, with rate and ETA. Rendering is pure, so it is tested
/// without a terminal.
///
/// Written here rather than taken from a library: the bar needs one line per partition plus a total line with rate
/// and ETA, redrawn in place on a terminal and printed as plain lines elsewhere; the Swift progress bars available
/// (ConsoleKit's activity bar) draw a single line and would bring a console framework with them.
///
/// ```swift
/// let progress = ReplayProgress(plan: plan, done: [0: 40, 1: 10], elapsed: 2)
/// print(progress.render(width: 30, terminal: true))
/// ```
public struct ReplayProgress: Sendable {
    public var plan: ReplayPlan
    /// Records handled so far, per partition.
    public var done: [Int32: Int64]
    /// Seconds since the replay started.
    public var elapsed: Double

    public init(plan: ReplayPlan, done: [Int32: Int64], elapsed: Double) {
        self.plan = plan
        self.done = done
        self.elapsed = elapsed
    }

    public var totalDone: Int64 { plan.partitions.reduce(0) { $0 + min(done[$1.partition] ?? 0, $1.count) } }
    public var rate: Double { elapsed > 0 ? Double(totalDone) / elapsed : 0 }

    /// Seconds left at the current rate, or nil before there is a rate.
    public var eta: Double? {
        guard rate > 0 else { return nil }
        return Double(plan.totalRecords - totalDone) / rate
    }

    /// One line per partition and a total line on a terminal; only the total line otherwise.
    public func render(width: Int = 30, terminal: Bool) -> String {
        var lines: [String] = []
        if terminal {
            for partition in plan.partitions {
                let handled = min(done[partition.partition] ?? 0, partition.count)
                lines.append(
                    "  p\(partition.partition) " + Self.bar(handled, of: partition.count, width: width)
                        + " \(handled)/\(partition.count)")
            }
        }
        let etaText = eta.map { Self.duration($0) } ?? "--"
        lines.append(
            "  all " + Self.bar(totalDone, of: plan.totalRecords, width: width)
                + " \(totalDone)/\(plan.totalRecords)  \(Int(rate.rounded()))/s  ETA \(etaText)")
        return lines.joined(separator: "\n")
    }

    static func bar(_ value: Int64, of total: Int64, width: Int) -> String {
        let fraction = total > 0 ? Double(value) / Double(total) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let percent = Int((fraction * 100).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            + String(percent).padding(toLength: 3, withPad: " ", startingAt: 0) + "%"
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600
            ? "\(whole / 3600)h\((whole % 3600) / 60)m" : whole >= 60 ? "\(whole / 60)m\(whole % 60)s" : "\(whole)s"
    }
}
