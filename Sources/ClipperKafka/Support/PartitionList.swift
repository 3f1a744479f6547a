import CRdKafka

/// Helpers for `rd_kafka_topic_partition_list_t`.
enum PartitionList {
    /// A new list the caller must destroy.
    static func make(_ items: [TopicPartitionOffset]) -> UnsafeMutablePointer<rd_kafka_topic_partition_list_t> {
        // librdkafka aborts the process when it cannot allocate, so neither call returns NULL in practice.
        guard let list = rd_kafka_topic_partition_list_new(Int32(max(1, items.count))) else {
            fatalError("librdkafka could not allocate a partition list")
        }
        for item in items {
            rd_kafka_topic_partition_list_add(list, item.topic, item.partition)?.pointee.offset = item.offset
        }
        return list
    }

    static func make(_ items: [TopicPartition]) -> UnsafeMutablePointer<rd_kafka_topic_partition_list_t> {
        make(items.map { TopicPartitionOffset(topic: $0.topic, partition: $0.partition, offset: -1001) })
    }

    static func offsets(of list: UnsafePointer<rd_kafka_topic_partition_list_t>) -> [TopicPartitionOffset] {
        (0..<Int(list.pointee.cnt)).map { index in
            let element = list.pointee.elems[index]
            return TopicPartitionOffset(
                topic: String(cString: element.topic), partition: element.partition, offset: element.offset)
        }
    }

    static func partitions(of list: UnsafePointer<rd_kafka_topic_partition_list_t>) -> [TopicPartition] {
        offsets(of: list).map { TopicPartition(topic: $0.topic, partition: $0.partition) }
    }

    /// The first per-partition error in the list, if any.
    static func firstError(of list: UnsafePointer<rd_kafka_topic_partition_list_t>) -> KafkaError? {
        for index in 0..<Int(list.pointee.cnt) {
            let element = list.pointee.elems[index]
            if element.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                return KafkaError(element.err, context: "\(String(cString: element.topic))[\(element.partition)]")
            }
        }
        return nil
    }
}
