import ClipperCore

/// The keys of one `processors:` entry besides `name` and `config`: its timeout and its error policy, with ranges.
/// The defaults are those of ``ProcessorSpec`` and ``ErrorPolicy`` (the library types), so they are written once.
///
/// ```swift
/// ProcessorEntrySpec.timeout.defaultValue // 30000
/// ```
public enum ProcessorEntrySpec {
    static let policy = ErrorPolicy()

    public static let timeout = ConfigField(
        name: "timeout_ms", type: .integer, default: .number(Double(ProcessorSpec(name: "").timeout.wholeMilliseconds)),
        range: 1...3_600_000,
        description: "One attempt of the processor may take this long; then it counts as failed.")
    public static let maxAttempts = ConfigField(
        name: "max_attempts", type: .integer, default: .number(Double(policy.maxAttempts)), range: 1...100,
        description: "Attempts before `then` applies (1 = no retry).")
    public static let backoff = ConfigField(
        name: "backoff_ms", type: .integer, default: .number(Double(policy.backoffMilliseconds)), range: 0...600_000,
        description: "Wait before the first retry; doubles each time.")
    public static let maxBackoff = ConfigField(
        name: "max_backoff_ms", type: .integer, default: .number(Double(policy.maxBackoffMilliseconds)),
        range: 0...3_600_000,
        description: "Longest wait between retries.")
    public static let then = ConfigField(
        name: "then", type: .string, default: .string(policy.finally.rawValue),
        choices: ErrorPolicy.FinalAction.allCases.map(\.rawValue),
        description: "After the last attempt: dead_letter the record, skip the processor, or fail the article.")

    /// The `on_error` keys, in file order.
    public static let onError = [maxAttempts, backoff, maxBackoff, then]
}

extension Duration {
    /// Whole milliseconds.
    ///
    /// ```swift
    /// Duration.seconds(2).wholeMilliseconds // 2000
    /// ```
    var wholeMilliseconds: Int {
        Int(components.seconds) * 1000 + Int(components.attoseconds / 1_000_000_000_000_000)
    }
}
