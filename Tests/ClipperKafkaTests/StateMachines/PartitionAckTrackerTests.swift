import Testing
@testable import ClipperKafka

@Suite("PartitionAckTracker")
struct PartitionAckTrackerTests {
    @Test func inOrderAcksAdvanceTheStoreOffset() {
        var tracker = PartitionAckTracker()
        for offset in Int64(0)..<5 { tracker.dispatched(offset) }
        #expect(tracker.acked(0) == 0)
        #expect(tracker.acked(1) == 1)
        #expect(tracker.storeOffset == 2)
        #expect(tracker.inFlight == 3)
    }

    @Test func commitsOnlyContiguousOffsets() {
        var tracker = PartitionAckTracker()
        for offset in Int64(10)..<15 { tracker.dispatched(offset) }
        #expect(tracker.acked(12) == nil)
        #expect(tracker.acked(14) == nil)
        #expect(tracker.storeOffset == nil)
        #expect(tracker.acked(10) == 10)
        #expect(tracker.storeOffset == 11)
        #expect(tracker.acked(11) == 12)   // 11 and the already acked 12
        #expect(tracker.storeOffset == 13)
        #expect(tracker.acked(13) == 14)
        #expect(tracker.inFlight == 0)
    }

    @Test func gapsInDispatchedOffsetsAreSkipped() {
        var tracker = PartitionAckTracker()
        tracker.dispatched(3)
        tracker.dispatched(7)   // 4...6 were compacted away or are control records
        tracker.dispatched(8)
        #expect(tracker.acked(7) == nil)
        #expect(tracker.acked(3) == 7)
        #expect(tracker.storeOffset == 8)
    }

    @Test func duplicateUnknownAndStaleAcksAreIgnored() {
        var tracker = PartitionAckTracker()
        tracker.dispatched(0)
        tracker.dispatched(1)
        #expect(tracker.acked(1) == nil)
        #expect(tracker.acked(1) == nil)
        #expect(tracker.acked(99) == nil)
        #expect(tracker.inFlight == 1)
        #expect(tracker.acked(0) == 1)
        #expect(tracker.acked(0) == nil)
        #expect(tracker.dispatched(1) == false)   // not above the acked offset
        #expect(tracker.inFlight == 0)
    }

    @Test func reverseOrderAcksOverManyOffsetsEndAtTheLast() {
        var tracker = PartitionAckTracker()
        for offset in Int64(0)..<10_000 { tracker.dispatched(offset) }
        for offset in (Int64(1)..<10_000).reversed() { #expect(tracker.acked(offset) == nil) }
        #expect(tracker.acked(0) == 9_999)
        #expect(tracker.storeOffset == 10_000)
        tracker.dispatched(10_000)
        #expect(tracker.acked(10_000) == 10_000)
    }
}
