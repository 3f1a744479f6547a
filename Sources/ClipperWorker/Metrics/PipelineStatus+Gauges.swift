import ClipperKafka

extension PipelineStatus {
    /// Consumer lag of the partitions assigned now. librdkafka's statistics arrive every few seconds and can still
    /// list a partition after it was revoked; the lag gauge must not.
    ///
    /// ```swift
    /// lagGauge.update(kafka.status.lagOfAssignedPartitions)
    /// ```
    public var lagOfAssignedPartitions: [TopicPartition: Double] {
        let assigned = Set(assignedPartitions)
        return consumerLag.filter { assigned.contains($0.key) }.mapValues(Double.init)
    }

    /// 1 for each assigned partition that is paused, 0 for the others.
    ///
    /// ```swift
    /// pausedGauge.update(kafka.status.pausedFlagsOfAssignedPartitions)
    /// ```
    public var pausedFlagsOfAssignedPartitions: [TopicPartition: Double] {
        let paused = Set(pausedPartitions)
        return Dictionary(uniqueKeysWithValues: Set(assignedPartitions).map { ($0, paused.contains($0) ? 1 : 0) })
    }
}
