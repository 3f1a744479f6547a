import Foundation

extension ReplayRequest {
    /// Refuses a request that cannot mean anything, before any broker is asked: a start time in the future, a
    /// start time at or after the end time, a start offset after the end offset of the same partition.
    /// `startOption` and `endOption` name the flags in the messages.
    ///
    /// ```swift
    /// try ReplayRequest(start: .offsets(.all(500)), end: .offsets(.all(100))).check()
    /// // throws: --from-offset 500 is after --until-offset 100 for partition 0 …
    /// ```
    public func check(
        now: Date = Date(), startOption: String = "--from", endOption: String = "--until"
    ) throws(ReplayError) {
        if case .timestamp(let from) = start, from > now {
            throw ReplayError(
                "\(startOption) \(Timestamps.rfc3339(from)) is in the future (now is \(Timestamps.rfc3339(now))): "
                    + "no record is that new; give a time in the past")
        }
        switch (start, end) {
        case (.timestamp(let from), .timestamp(let to)) where from >= to:
            throw ReplayError(
                "\(startOption) \(Timestamps.rfc3339(from)) is not before \(endOption) \(Timestamps.rfc3339(to)): "
                    + "the window is empty; swap them or pick an earlier \(startOption)")
        case (.offsets(let from), .offsets(let to)):
            if let (partition, first, last) = Self.firstInversion(from: from, to: to) {
                throw ReplayError(
                    "\(startOption)-offset \(first) is after \(endOption)-offset \(last)"
                        + (partition.map { " for partition \($0)" } ?? "")
                        + ": the range is backwards; swap them")
            }
        default:
            break
        }
    }

    /// The first partition (nil: every partition) whose start offset is greater than its end offset.
    static func firstInversion(from: OffsetSpec, to: OffsetSpec) -> (Int32?, Int64, Int64)? {
        switch (from, to) {
        case (.all(let first), .all(let last)):
            return first > last ? (nil, first, last) : nil
        case (.perPartition(let starts), _):
            for (partition, first) in starts.sorted(by: { $0.key < $1.key }) {
                if let last = to.offset(forPartition: partition), first > last { return (partition, first, last) }
            }
            return nil
        case (.all(let first), .perPartition(let ends)):
            for (partition, last) in ends.sorted(by: { $0.key < $1.key }) where first > last {
                return (partition, first, last)
            }
            return nil
        }
    }
}

extension ReplayPlan {
    /// Refuses offsets the topic does not have, instead of clamping them quietly: a partition that does not exist,
    /// an offset past a partition's end (high watermark). Offsets below the low watermark (removed by retention)
    /// still start at the low watermark.
    ///
    /// ```swift
    /// try ReplayPlan.check(request, topic: "articles.raw", watermarks: [0: (0, 120)])
    /// ```
    public static func check(
        _ request: ReplayRequest, topic: String, watermarks: [Int32: (low: Int64, high: Int64)],
        startOption: String = "--from-offset", endOption: String = "--until-offset"
    ) throws(ReplayError) {
        if case .offsets(let spec) = request.start {
            try check(spec, option: startOption, topic: topic, watermarks: watermarks)
        }
        if case .offsets(let spec) = request.end {
            try check(spec, option: endOption, topic: topic, watermarks: watermarks)
        }
    }

    static func check(
        _ spec: OffsetSpec, option: String, topic: String, watermarks: [Int32: (low: Int64, high: Int64)]
    ) throws(ReplayError) {
        let count = watermarks.count
        if case .perPartition(let offsets) = spec {
            for partition in offsets.keys.sorted() where watermarks[partition] == nil {
                throw ReplayError(
                    "\(option): partition \(partition) does not exist; \(topic) has \(count) partition"
                        + (count == 1 ? " (0)" : "s (0-\(count - 1))"))
            }
        }
        for (partition, (_, high)) in watermarks.sorted(by: { $0.key < $1.key }) {
            guard let offset = spec.offset(forPartition: partition), offset > high else { continue }
            throw ReplayError(
                "\(option) \(offset) is past the end of \(topic) partition \(partition), which ends at offset "
                    + "\(high); give an offset up to \(high)")
        }
    }
}
