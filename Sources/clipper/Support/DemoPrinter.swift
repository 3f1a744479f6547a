import ClipperCore
import ClipperWorker
import Foundation

/// Prints enriched records and dead letters for people: one block per article.
struct DemoPrinter {
    let json: Bool

    func printEnriched(_ record: TopicSnapshot) {
        guard let value = record.value else { return }
        if json {
            print(String(decoding: value, as: UTF8.self))
            return
        }
        guard let article = try? JSONDecoder().decode(Article.self, from: Data(value)) else {
            print("(unreadable record at \(record.topic)[\(record.partition)]@\(record.offset))")
            return
        }
        print("")
        print("■ \(article.title ?? "(no title)")")
        print(
            "  doc_id   \(article.docID.prefix(16))…  from \(article.processing.input.map { "\($0.topic)[\($0.partition)]@\($0.offset)" } ?? "?")"
        )
        if let url = article.canonicalURL { print("  url      \(url)") }
        if let language = article.language {
            let alternatives = language.alternatives.prefix(2).map { "\($0.code) \(format($0.confidence))" }
            print(
                "  language \(language.code) (\(format(language.confidence))\(language.script.map { ", \($0)" } ?? ""))"
                    + (alternatives.isEmpty ? "" : "  runners-up: \(alternatives.joined(separator: ", "))")
                    + (language.fallback.map { "  [\($0)]" } ?? ""))
        }
        if let entities = article.entities, !entities.isEmpty {
            let top = entities.sorted { ($0.salience ?? 0) > ($1.salience ?? 0) }.prefix(8)
            print(
                "  entities "
                    + top.map { "\($0.name) [\($0.type.rawValue)\($0.id.map { " \($0)" } ?? "")]" }
                    .joined(separator: ", ") + (entities.count > 8 ? ", … (\(entities.count) in all)" : ""))
        }
        if let dedup = article.dedup {
            if dedup.isDuplicate {
                print(
                    "  dedup    \(dedup.kind?.rawValue ?? "duplicate") of \(dedup.duplicateOf?.prefix(16) ?? "?")…"
                        + (dedup.similarity.map { " (similarity \(format($0)))" } ?? ""))
            } else {
                print("  dedup    first of its story")
            }
        }
        let steps = article.processing.processors.map {
            "\($0.name)@\($0.version) \($0.status.rawValue) \(format($0.durationMS))ms"
        }
        print("  chain    \(steps.joined(separator: " → "))")
    }

    func printDeadLetter(_ record: TopicSnapshot) {
        let headers = record.headers
        print("")
        print(
            "✗ dead letter from \(headers["mm-src-topic"] ?? "?")[\(headers["mm-src-partition"] ?? "?")]@\(headers["mm-src-offset"] ?? "?")"
                + ": \(headers["mm-dlq-reason"] ?? "?")")
        print("  error    \(headers["mm-dlq-error"] ?? "")")
        let preview = String(decoding: (record.value ?? []).prefix(80), as: UTF8.self)
        print("  bytes    \(record.value?.count ?? 0): \(preview)\((record.value?.count ?? 0) > 80 ? "…" : "")")
    }

    func format(_ value: Double) -> String {
        String(format: value < 10 ? "%.2f" : "%.0f", value)
    }
}
