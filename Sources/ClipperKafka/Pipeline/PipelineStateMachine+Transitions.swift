extension PipelineStateMachine {
    mutating func assigned(_ partitions: [TopicPartition]) -> [Action] {
        rebalances += 1
        groupJoined = true
        var actions: [Action] = []
        for tp in partitions where entries[tp] == nil {
            let lane = makeLane(tp)
            entries[tp] = Entry(lane: lane)
            controller.assigned(tp)
            actions.append(.startLane(lane))
        }
        actions.append(.clearStalePause(partitions))
        if shuttingDown {
            for tp in partitions { actions += controller.hold(tp, true).map(Self.action) }
        }
        return actions
    }

    mutating func rangesAssigned(_ ranges: [PartitionRange]) -> [Action] {
        var actions: [Action] = []
        for range in ranges {
            let lane = makeLane(range.topicPartition)
            var entry = Entry(lane: lane, endOffset: range.endOffset)
            if let end = range.endOffset, range.startOffset >= 0, range.startOffset >= end {
                entry.reachedEnd = true
                entry.finished = true
            }
            entries[range.topicPartition] = entry
            controller.assigned(range.topicPartition)
            actions.append(.startLane(lane))
        }
        return actions + finishedIfDone()
    }

    mutating func revoked(_ partitions: [TopicPartition], lost: Bool) -> [Action] {
        rebalances += 1
        var actions: [Action] = []
        for tp in partitions {
            guard var entry = entries[tp] else { continue }
            entry.lost = lost
            entry.draining = !lost && commitsOffsets
            entries[tp] = entry
            actions.append(.stopLane(entry.lane, discardBuffered: lost))
        }
        guard !lost, commitsOffsets else { return actions }
        if inFlight(partitions) == 0 || shutdownDrainOver || fatal {
            actions.append(.drainDone)
        } else {
            actions.append(.awaitDrain(partitions))
        }
        return actions
    }

    mutating func revokeCompleted(_ partitions: [TopicPartition]) -> [Action] {
        var actions: [Action] = []
        let offsets = partitions.compactMap { tp -> TopicPartitionOffset? in
            guard let entry = entries[tp], !entry.lost, commitsOffsets, let offset = entry.tracker.storeOffset else {
                return nil
            }
            return TopicPartitionOffset(topic: tp.topic, partition: tp.partition, offset: offset)
        }
        if !offsets.isEmpty { actions.append(.commit(offsets)) }
        for tp in partitions {
            guard let entry = entries.removeValue(forKey: tp) else { continue }
            actions.append(.stopLane(entry.lane, discardBuffered: true))
            actions += controller.removed(tp).map(Self.action)
        }
        return actions
    }

    mutating func recordPolled(_ tp: TopicPartition, offset: Int64, bytes: Int) -> [Action] {
        guard var entry = entries[tp], !entry.lost else { return [] }
        if let end = entry.endOffset, offset >= end {
            entry.reachedEnd = true
            entries[tp] = entry
            return controller.hold(tp, true).map(Self.action)
        }
        guard entry.tracker.dispatched(offset) else { return [] }
        var actions: [Action] = []
        if let end = entry.endOffset, offset >= end - 1 {
            entry.reachedEnd = true
            actions += controller.hold(tp, true).map(Self.action)
        }
        entries[tp] = entry
        consumed += 1
        actions += controller.dispatched(tp, bytes: bytes).map(Self.action)
        actions.append(.dispatch(entry.lane))
        return actions
    }

    mutating func partitionEnd(_ tp: TopicPartition, nextOffset: Int64) -> [Action] {
        guard var entry = entries[tp], let end = entry.endOffset, nextOffset >= end else { return [] }
        entry.reachedEnd = true
        if entry.tracker.inFlight == 0 { entry.finished = true }
        entries[tp] = entry
        return finishedIfDone()
    }

    mutating func acked(_ acks: [Ack]) -> [Action] {
        var actions: [Action] = []
        var stores: [TopicPartition: Int64] = [:]
        var drainedSome = false
        for ack in acks {
            let tp = ack.partition
            guard var entry = entries[tp], entry.lane === ack.lane else { continue }
            let advanced = entry.tracker.acked(ack.offset)
            if entry.reachedEnd, entry.tracker.inFlight == 0 { entry.finished = true }
            if entry.draining, entry.tracker.inFlight == 0 { drainedSome = true }
            entries[tp] = entry
            actions += controller.completed(tp, bytes: ack.bytes).map(Self.action)
            if let advanced, commitsOffsets, !entry.lost { stores[tp] = advanced + 1 }
        }
        if !stores.isEmpty {
            actions.append(.storeOffsets(stores))
            if earlyCommitDue(stores) { actions.append(.commitStoredAsync) }
        }
        let draining = entries.values.filter(\.draining)
        if drainedSome, draining.allSatisfy({ $0.tracker.inFlight == 0 }) { actions.append(.drainDone) }
        if shuttingDown, totalInFlight == 0, !acks.isEmpty { actions.append(.drainDone) }
        return actions + finishedIfDone()
    }

    mutating func skipped(_ ack: Ack) -> [Action] {
        guard var entry = entries[ack.partition], entry.lane === ack.lane else { return [] }
        let forgotten = entry.tracker.abandon(from: ack.offset)
        entries[ack.partition] = entry
        var actions = controller.completed(ack.partition, bytes: ack.bytes).map(Self.action)
        if forgotten > 0, shuttingDown, totalInFlight == 0 { actions.append(.drainDone) }
        return actions
    }

    mutating func fatalError() -> [Action] {
        let firstTime = !fatal
        fatal = true
        shuttingDown = true
        guard firstTime else { return [] }
        return controller.holdAll().map(Self.action) + [.drainDone]
    }

    mutating func shutdownRequested() -> [Action] {
        shuttingDown = true
        var actions = controller.holdAll().map(Self.action)
        if totalInFlight == 0 { actions.append(.drainDone) }
        return actions
    }

    /// An early commit starts as soon as any partition has stored half a lane's worth of offsets since the last
    /// one, instead of waiting for the periodic commit. This bounds what a crash re-delivers to about a lane per
    /// partition, whatever the throughput.
    private mutating func earlyCommitDue(_ stores: [TopicPartition: Int64]) -> Bool {
        var due = false
        for (tp, offset) in stores {
            if let mark = earlyCommitMarks[tp] {
                if offset - mark >= earlyCommitEvery { due = true }
            } else {
                earlyCommitMarks[tp] = offset
            }
        }
        if due { for (tp, offset) in stores { earlyCommitMarks[tp] = offset } }
        return due
    }

    /// For `.assign` sources with ends: `.rangesFinished` once every range is processed.
    private mutating func finishedIfDone() -> [Action] {
        guard stopsAtEnd, !finished, !entries.isEmpty, entries.values.allSatisfy(\.finished) else { return [] }
        finished = true
        return [.rangesFinished]
    }

    static func action(_ action: BackpressureController.Action) -> Action {
        switch action {
        case .pause(let partitions): .pause(partitions)
        case .resume(let partitions): .resume(partitions)
        }
    }
}
