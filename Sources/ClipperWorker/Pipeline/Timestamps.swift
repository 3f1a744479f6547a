import Foundation

/// RFC 3339 timestamps, as records and headers carry them.
///
/// ```swift
/// Timestamps.rfc3339(Date(timeIntervalSince1970: 0)) // "1970-01-01T00:00:00.000Z"
/// ```
public enum Timestamps {
    public static func rfc3339(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt))
    }

    /// Parses RFC 3339 with or without fractional seconds.
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
