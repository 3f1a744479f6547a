import Testing
@testable import ClipperKafka

@Suite("BackpressureController")
struct BackpressureControllerTests {
    let a = TopicPartition(topic: "t", partition: 0)
    let b = TopicPartition(topic: "t", partition: 1)

    func limits(lane: Int = 4, bytes: Int = 1_000) -> PipelineLimits {
        var limits = PipelineLimits(laneCapacity: lane, maxInFlightBytes: bytes)
        limits.bytesPauseThreshold = 900
        limits.bytesResumeThreshold = 500
        limits.laneResumeThreshold = lane / 2
        return limits
    }

    @Test func pausesAFullLaneAndResumesAtTheLowMark() {
        var controller = BackpressureController(limits: limits())
        controller.assigned(a)
        #expect(controller.dispatched(a, bytes: 1) == [])
        #expect(controller.dispatched(a, bytes: 1) == [])
        #expect(controller.dispatched(a, bytes: 1) == [])
        #expect(controller.dispatched(a, bytes: 1) == [.pause([a])])
        #expect(controller.completed(a, bytes: 1) == [])         // 3 left > resume threshold 2
        #expect(controller.completed(a, bytes: 1) == [.resume([a])])
        #expect(controller.isPaused(a) == false)
    }

    @Test func highInFlightBytesPauseEveryPartitionUntilBelowTheResumeMark() {
        var controller = BackpressureController(limits: limits(lane: 100))
        controller.assigned(a)
        controller.assigned(b)
        #expect(controller.dispatched(a, bytes: 400) == [])
        #expect(controller.dispatched(b, bytes: 500) == [.pause([a, b])])
        #expect(controller.bytesFull)
        #expect(controller.completed(a, bytes: 400) == [.resume([a, b])])   // 500 <= resume mark
    }

    @Test func laneFullPartitionStaysPausedWhenBytesRecover() {
        var controller = BackpressureController(limits: limits(lane: 2))
        controller.assigned(a)
        controller.assigned(b)
        _ = controller.dispatched(a, bytes: 10)
        #expect(controller.dispatched(a, bytes: 890) == [.pause([a, b])])
        #expect(controller.completed(b, bytes: 0) == [])
        // a still has 1 record (lane resume mark is 1), bytes now 10: b resumes, a too (count 1 <= 1)
        #expect(controller.completed(a, bytes: 890) == [.resume([a, b])])
    }

    @Test func heldPartitionsStayPausedRegardlessOfLoad() {
        var controller = BackpressureController(limits: limits())
        controller.assigned(a)
        #expect(controller.hold(a, true) == [.pause([a])])
        #expect(controller.dispatched(a, bytes: 1) == [])
        #expect(controller.completed(a, bytes: 1) == [])
        #expect(controller.isPaused(a))
        #expect(controller.hold(a, false) == [.resume([a])])
    }

    @Test func removingAPartitionReleasesItsBytes() {
        var controller = BackpressureController(limits: limits(lane: 100))
        controller.assigned(a)
        controller.assigned(b)
        _ = controller.dispatched(a, bytes: 950)
        #expect(controller.pausedPartitions == [a, b])
        #expect(controller.removed(a) == [.resume([b])])
        #expect(controller.totalBytes == 0)
    }

    @Test func countsOneCyclePerFullLaneFillAndDrain() {
        var controller = BackpressureController(limits: limits())   // lane 4, resume at 2
        controller.assigned(a)
        for _ in 0..<2 {
            for _ in 0..<4 { _ = controller.dispatched(a, bytes: 1) }
            #expect(controller.isPaused(a))
            for _ in 0..<2 { _ = controller.completed(a, bytes: 1) }
            #expect(!controller.isPaused(a))
            for _ in 0..<2 { _ = controller.completed(a, bytes: 1) }
        }
        #expect(controller.pauseCount == 2)
        #expect(controller.resumeCount == 2)
    }

    @Test func countsPauseAndResumeCyclesPerPartition() {
        var controller = BackpressureController(limits: limits(lane: 100))
        controller.assigned(a)
        controller.assigned(b)
        _ = controller.dispatched(a, bytes: 950)   // bytes full: both pause
        _ = controller.completed(a, bytes: 950)    // both resume
        #expect(controller.hold(a, true) == [.pause([a])])
        #expect(controller.pauseCount == 3)
        #expect(controller.resumeCount == 2)
    }

    @Test func holdAllPausesEverything() {
        var controller = BackpressureController(limits: limits())
        controller.assigned(a)
        controller.assigned(b)
        #expect(controller.holdAll() == [.pause([a, b])])
    }
}

@Suite("PipelineLimits")
struct PipelineLimitsTests {
    @Test func defaultsResumeAtThreeQuartersAndPauseBytesAtNinetyPercent() {
        let limits = PipelineLimits()
        #expect(limits.laneCapacity == 1024)
        #expect(limits.effectiveLaneResume == 768)
        #expect(limits.effectiveBytesPause == (64 << 20) / 10 * 9)
        #expect(limits.effectiveBytesResume == 32 << 20)
    }
}
