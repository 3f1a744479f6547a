import ClipperCore
import PostgresNIO

/// How the PostgreSQL store reacts to an error: retry the transaction at once (a conflict PostgreSQL resolved by
/// aborting one side), or report the database unavailable (the chain then retries the article with backoff).
///
/// ```swift
/// switch PostgresFailure.classify(error) {
/// case .conflict: continue            // run the transaction again
/// case .unavailable(let reason): throw DependencyUnavailable(dependency: "postgresql …", reason: reason)
/// }
/// ```
enum PostgresFailure: Equatable {
    /// Serialization failure, deadlock or a unique violation from a racing duplicate: run the transaction again.
    case conflict
    /// Anything else: connection refused or lost, server shutting down, timeouts, authentication, schema problems.
    case unavailable(String)

    static let conflictStates: Set<String> = ["40001", "40P01", "23505"]

    static func classify(_ error: any Error) -> PostgresFailure {
        if let transaction = error as? PostgresTransactionError {
            if let inner = transaction.closureError ?? transaction.beginError ?? transaction.commitError {
                return classify(inner)
            }
            return .unavailable("transaction failed")
        }
        if let setup = error as? ProcessorSetupError { return .unavailable(setup.message) }
        if let outage = error as? DependencyUnavailable { return .unavailable(outage.reason) }
        if let psql = error as? PSQLError {
            if let state = psql.serverInfo?[.sqlState] {
                if conflictStates.contains(state) { return .conflict }
                let message = psql.serverInfo?[.message] ?? ""
                return .unavailable("server error \(state): \(message)")
            }
            return .unavailable("\(psql.code)" + (psql.underlying.map { " (\($0))" } ?? ""))
        }
        return .unavailable(String(describing: error))
    }
}
