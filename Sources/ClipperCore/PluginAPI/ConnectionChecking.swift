/// A processor that talks to an outside service and can check that it is reachable, for `clipper lint --connect`.
///
/// ```swift
/// extension MyProcessor: ConnectionChecking {
///     func checkConnection() async throws -> String {
///         let version = try await store.schemaVersion()
///         return "postgresql db:5432/clipper reachable, schema version \(version)"
///     }
/// }
/// ```
public protocol ConnectionChecking: Sendable {
    /// Reaches the service and returns a one-line report; throws with an error that says what to fix.
    func checkConnection() async throws -> String
}
