/// A consumer group's state and members, from ``KafkaAdmin/describeGroup(_:timeout:)``.
///
/// ```swift
/// let group = try await admin.describeGroup("clipper")
/// print(group.state, group.members.count)
/// ```
public struct GroupDescription: Sendable, Hashable {
    /// One member of a group.
    public struct Member: Sendable, Hashable {
        /// Broker-assigned member id.
        public var memberID: String
        /// The member's `client.id`.
        public var clientID: String
        /// The member's host.
        public var host: String
    }

    /// Group id.
    public var group: String
    /// State as the coordinator reports it: "Stable", "Empty", "PreparingRebalance", "Dead", ...
    public var state: String
    /// Members.
    public var members: [Member]
}
