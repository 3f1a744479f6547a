/// Thrown by a processor when a service it depends on (a database, say) cannot be reached right now.
///
/// The chain treats it differently from an ordinary failure: the article is retried with the step's backoff
/// (`on_error.backoff_ms` doubling up to `max_backoff_ms`) for as long as the outage lasts, the attempts do not
/// count against `max_attempts`, and the article is never dead-lettered for it. Its partition stops advancing
/// meanwhile; `/readyz` and the `clipper_processor_available` gauge name the processor and the reason, and
/// processing resumes by itself on the first attempt that does not throw this error.
///
/// ```swift
/// func process(_ article: inout Article, context: ProcessorContext) async throws -> ProcessorOutcome {
///     guard let connection = try? await pool.lease() else {
///         throw DependencyUnavailable(dependency: "postgresql db.internal:5432", reason: "connection refused")
///     }
///     // …
/// }
/// ```
public struct DependencyUnavailable: Error, CustomStringConvertible, Sendable, Hashable {
    /// What is out, without secrets: `"postgresql db.internal:5432/clipper"`.
    public var dependency: String
    /// Why, in words an operator can act on.
    public var reason: String

    public init(dependency: String, reason: String) {
        self.dependency = dependency
        self.reason = reason
    }

    public var description: String { "\(dependency) unavailable: \(reason)" }
}
