import ClipperKafka
import Foundation
import Testing

@testable import ClipperWorker

@Suite struct ReplayPlanTests {
    let watermarks: [Int32: (low: Int64, high: Int64)] = [0: (0, 100), 1: (10, 50)]

    @Test func earliestReadsEverythingUpToTheCapturedHighWatermarks() {
        let plan = ReplayPlan.resolve(.init(start: .earliest), topic: "t", watermarks: watermarks, timeOffsets: [:])
        #expect(plan.partitions.map(\.start) == [0, 10])
        #expect(plan.partitions.map(\.end) == [100, 50])
        #expect(plan.totalRecords == 140)
    }

    @Test func offsetSpecsAreClampedToTheWatermarks() throws {
        let request = ReplayRequest(start: .offsets(try OffsetSpec.parse("0:20,1:5")), end: .offsets(try .parse("0:30,1:999")))
        let plan = ReplayPlan.resolve(request, topic: "t", watermarks: watermarks, timeOffsets: [:])
        #expect(plan.partitions.map(\.start) == [20, 10])
        #expect(plan.partitions.map(\.end) == [30, 50])
        #expect(plan.ranges.map(\.endOffset) == [30, 50])
    }

    @Test func anUnknownTimeOffsetFallsBackToTheLowWatermark() {
        let request = ReplayRequest(start: .timestamp(Date(timeIntervalSince1970: 1000)))
        let plan = ReplayPlan.resolve(request, topic: "t", watermarks: watermarks, timeOffsets: [0: 42, 1: -1])
        #expect(plan.partitions.map(\.start) == [42, 10])
    }

    @Test func theTimeWindowIsFilteredOnTheClient() {
        let from = Date(timeIntervalSince1970: 1000), to = Date(timeIntervalSince1970: 2000)
        let request = ReplayRequest(start: .timestamp(from), end: .timestamp(to))
        #expect(!request.includes(timestamp: Date(timeIntervalSince1970: 999)))
        #expect(request.includes(timestamp: from))
        #expect(!request.includes(timestamp: to))
        #expect(request.includes(timestamp: nil))
    }

    @Test func offsetSpecsRejectNonsenseWithAnExample() {
        #expect(throws: ReplayError.self) { try OffsetSpec.parse("0=5") }
        #expect((try? OffsetSpec.parse("7")) == .all(7))
    }

    @Test func progressRendersRateAndETA() {
        let plan = ReplayPlan.resolve(.init(start: .earliest), topic: "t", watermarks: watermarks, timeOffsets: [:])
        let progress = ReplayProgress(plan: plan, done: [0: 50, 1: 20], elapsed: 7)
        #expect(progress.totalDone == 70)
        #expect(progress.rate == 10)
        #expect(progress.eta == 7)
        let text = progress.render(width: 10, terminal: true)
        #expect(text.contains("p0 [#####.....] 50 %"))
        #expect(text.contains("70/140  10/s  ETA 7s"))
        #expect(progress.render(width: 10, terminal: false).split(separator: "\n").count == 1)
    }
}
