import Foundation

/// The rule for the raw record's time fields (`published_at`, `modified_at`, `fetched_at`): a value that is not
/// RFC 3339 is kept as given, never dropped and never a reason to dead-letter the article, and a warning naming the
/// field and its value goes under `processing.warnings` of the enriched record.
///
/// ```swift
/// ArticleTimes.warnings(for: RawArticle(id: "1", title: "T", publishedAt: "yesterday"))
/// // ["published_at \"yesterday\" is not an RFC 3339 time; kept as given"]
/// ```
public enum ArticleTimes {
    /// The warnings for `raw`'s time fields, or nil when every present one is RFC 3339.
    public static func warnings(for raw: RawArticle) -> [String]? {
        let fields = [
            ("published_at", raw.publishedAt), ("modified_at", raw.modifiedAt), ("fetched_at", raw.fetchedAt),
        ]
        let warnings = fields.compactMap { name, value -> String? in
            guard let value, !isRFC3339(value) else { return nil }
            return "\(name) \"\(value.prefix(100))\" is not an RFC 3339 time; kept as given"
        }
        return warnings.isEmpty ? nil : warnings
    }

    /// Whether `text` is an RFC 3339 date-time (`2026-11-01T08:30:00Z`, with or without fractional seconds, any
    /// offset; a space in place of the `T` is accepted, as RFC 3339 allows).
    public static func isRFC3339(_ text: String) -> Bool {
        let normalized =
            text.count > 10 && text[text.index(text.startIndex, offsetBy: 10)] == " "
            ? String(text.prefix(10) + "T" + text.dropFirst(11)) : text
        if (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(normalized)) != nil { return true }
        return (try? Date.ISO8601FormatStyle().parse(normalized)) != nil
    }
}
