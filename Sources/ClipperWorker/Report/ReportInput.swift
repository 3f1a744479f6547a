import ClipperCore
import Foundation

/// Enriched records read for a report: the articles, and the lines that were not articles.
///
/// `clipper process` prints `null` for a record it dead-lettered or dropped (the reason goes to stderr), so a
/// report of its output counts those lines too.
///
/// ```swift
/// let input = ReportInput(jsonl: try String(contentsOfFile: "enriched.jsonl", encoding: .utf8))
/// input.articles.count  // records that decoded as enriched articles
/// ```
public struct ReportInput: Sendable {
    public var articles: [Article] = []
    /// `null` lines: records the chain dead-lettered or dropped.
    public var notEnriched = 0
    /// Lines that are neither `null` nor an enriched article, with their 1-based line numbers.
    public var unreadableLines: [Int] = []

    public init(jsonl: String) {
        let decoder = JSONDecoder()
        for (index, line) in jsonl.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if text == "null" {
                notEnriched += 1
            } else if let article = try? decoder.decode(Article.self, from: Data(text.utf8)) {
                articles.append(article)
            } else {
                unreadableLines.append(index + 1)
            }
        }
    }
}
