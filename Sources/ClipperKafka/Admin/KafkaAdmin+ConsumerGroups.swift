import CRdKafka
import Foundation

extension KafkaAdmin {
    /// Describes a consumer group through the Admin API (a DescribeGroups request to the group's coordinator).
    ///
    /// Unlike ``describeGroup(_:timeout:)``, which lists groups first, this also works with brokers whose group
    /// listing omits active groups (Tansu 0.6 does). A group that does not exist comes back as state `Dead` with
    /// no members.
    ///
    /// ```swift
    /// let group = try await admin.describeConsumerGroup("clipper")
    /// if !group.members.isEmpty { print("\(group.members.count) live members") }
    /// ```
    public func describeConsumerGroup(_ group: String, timeout: Duration = .seconds(10)) async throws
        -> GroupDescription
    {
        let client = client
        return try await BlockingCall.run("clipper.admin") {
            let handle = client.handle
            guard let queue = rd_kafka_queue_new(handle) else {
                throw KafkaError(code: .adminFailed, text: "cannot create a queue")
            }
            defer { rd_kafka_queue_destroy(queue) }
            let options = rd_kafka_AdminOptions_new(handle, RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS)
            defer { rd_kafka_AdminOptions_destroy(options) }
            group.withCString { name in
                var names: [UnsafePointer<CChar>?] = [name]
                names.withUnsafeMutableBufferPointer { buffer in
                    rd_kafka_DescribeConsumerGroups(handle, buffer.baseAddress, 1, options, queue)
                }
            }
            guard let event = rd_kafka_queue_poll(queue, Int32(timeout.milliseconds)) else {
                throw KafkaError(code: .timedOut, text: "describe consumer group \(group) timed out")
            }
            defer { rd_kafka_event_destroy(event) }
            let err = rd_kafka_event_error(event)
            if err != RD_KAFKA_RESP_ERR_NO_ERROR { throw KafkaError(err, context: "describe consumer group \(group)") }
            guard let result = rd_kafka_event_DescribeConsumerGroups_result(event) else {
                throw KafkaError(code: .adminFailed, text: "unexpected admin result for \(group)")
            }
            var count = 0
            guard let groups = rd_kafka_DescribeConsumerGroups_result_groups(result, &count), count > 0,
                let description = groups[0]
            else {
                return GroupDescription(group: group, state: "Dead", members: [])
            }
            if let error = rd_kafka_ConsumerGroupDescription_error(description) {
                let code = rd_kafka_error_code(error)
                if code == RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND {
                    return GroupDescription(group: group, state: "Dead", members: [])
                }
                throw KafkaError(code, context: "describe consumer group \(group)")
            }
            let state = String(
                cString: rd_kafka_consumer_group_state_name(rd_kafka_ConsumerGroupDescription_state(description)))
            let members = (0..<rd_kafka_ConsumerGroupDescription_member_count(description)).compactMap { index in
                rd_kafka_ConsumerGroupDescription_member(description, index).map { member in
                    GroupDescription.Member(
                        memberID: String(cString: rd_kafka_MemberDescription_consumer_id(member)),
                        clientID: String(cString: rd_kafka_MemberDescription_client_id(member)),
                        host: String(cString: rd_kafka_MemberDescription_host(member)))
                }
            }
            return GroupDescription(group: group, state: state, members: members)
        }
    }
}
