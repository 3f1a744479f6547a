import ClipperCore
import Foundation

/// One self-contained HTML page for an analyst, from enriched records: a summary with inline SVG charts, the
/// duplicate clusters, and every article with its entities highlighted by type and linked to their ids.
///
/// ```swift
/// let html = ReportPage(input: ReportInput(jsonl: text), title: "Clipper report").html
/// try html.write(toFile: "report.html", atomically: true, encoding: .utf8)
/// ```
public struct ReportPage: Sendable {
    public var input: ReportInput
    public var title: String

    public init(input: ReportInput, title: String = "Clipper report") {
        self.input = input
        self.title = title
    }

    public var html: String {
        let summary = ReportSummary(articles: input.articles)
        var page =
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>\(HTMLText.escape(title))</title><style>\(Self.style)</style></head><body>"
            + "<h1>\(HTMLText.escape(title))</h1>"
        page += summarySection(summary)
        page += clusterSection(summary.clusters)
        page += "<section id=\"articles\"><h2>Articles</h2>"
        for (index, article) in input.articles.enumerated() { page += articleSection(article, index: index) }
        return page + "</section></body></html>\n"
    }

    func summarySection(_ summary: ReportSummary) -> String {
        var out =
            "<section id=\"summary\"><h2>Summary</h2><p class=\"counts\">"
            + "<span id=\"count-articles\">\(input.articles.count)</span> enriched articles, "
            + "<span id=\"count-not-enriched\">\(input.notEnriched)</span> dead-lettered or dropped (`null` lines), "
            + "<span id=\"count-unreadable\">\(input.unreadableLines.count)</span> unreadable lines, "
            + "<span id=\"count-clusters\">\(summary.clusters.count)</span> duplicate clusters.</p>"
        if !input.unreadableLines.isEmpty {
            out +=
                "<p class=\"warning\">Unreadable lines: \(input.unreadableLines.prefix(20).map(String.init).joined(separator: ", "))</p>"
        }
        out += "<div class=\"charts\">"
        out += SVGBarChart.render(title: "Articles per language", bars: summary.languages.map { ($0.code, $0.count) })
        out += SVGBarChart.render(
            title: "Entities per type", bars: summary.entityTypes.map { ($0.type.rawValue, $0.count) })
        out += SVGBarChart.render(
            title: "Top entities (articles)",
            bars: summary.topEntities.map { ("\($0.name) (\($0.type.rawValue))", $0.articles) })
        return out + "</div></section>"
    }

    func clusterSection(_ clusters: [ReportSummary.Cluster]) -> String {
        var out = "<section id=\"clusters\"><h2>Duplicate clusters</h2>"
        if clusters.isEmpty { out += "<p>No story has more than one article.</p>" }
        for cluster in clusters {
            out +=
                "<div class=\"cluster\" data-cluster=\"\(HTMLText.escape(cluster.id))\"><h3>Cluster "
                + "\(HTMLText.escape(String(cluster.id.prefix(12))))… (\(cluster.members.count) articles)</h3><ol>"
            for index in cluster.members {
                let member = input.articles[index]
                let role =
                    member.dedup?.isDuplicate == true
                    ? "copy" + (member.dedup?.similarity.map { String(format: ", similarity %.2f", $0) } ?? "")
                    : "first"
                out +=
                    "<li><a href=\"#\(Self.anchor(index))\">\(HTMLText.escape(member.title ?? member.rawID))</a> "
                    + "<span class=\"role\">\(role)</span></li>"
            }
            out += "</ol></div>"
        }
        return out + "</section>"
    }

    func articleSection(_ article: Article, index: Int) -> String {
        var out = "<article id=\"\(Self.anchor(index))\">"
        let highlights = highlightsByField(article)
        out +=
            "<h3>\(HTMLText.highlighted(article.title ?? "(no title)", article.title == nil ? [] : highlights[.title] ?? []))</h3>"
        var meta: [String] = []
        if let language = article.language {
            meta.append(
                "language <b>\(HTMLText.escape(language.code))</b> (\(String(format: "%.2f", language.confidence)))")
        }
        if let source = article.source?.name ?? article.source?.id { meta.append(HTMLText.escape(source)) }
        if let published = article.publishedAt { meta.append(HTMLText.escape(published)) }
        if let dedup = article.dedup {
            meta.append(
                dedup.isDuplicate
                    ? "copy in cluster \(HTMLText.escape(String(dedup.clusterID.prefix(12))))…" : "first of its story")
        }
        out += "<p class=\"meta\">\(meta.joined(separator: " · "))</p>"
        if let description = article.description {
            out += "<p class=\"description\">\(HTMLText.highlighted(description, highlights[.description] ?? []))</p>"
        }
        if let body = article.body {
            out += "<p class=\"body\">\(HTMLText.highlighted(body, highlights[.body] ?? []))</p>"
        }
        let entities = article.entities ?? []
        if !entities.isEmpty {
            out += "<ul class=\"entities\">"
            for entity in entities {
                let name = HTMLText.escape(entity.name)
                let label =
                    HTMLText.link(for: entity.id).map { "<a href=\"\(HTMLText.escape($0))\">\(name)</a>" } ?? name
                out +=
                    "<li class=\"ent-\(entity.type.rawValue)\">\(label) <small>\(entity.type.rawValue)"
                    + (entity.id.map { " · \(HTMLText.escape($0))" } ?? "") + "</small></li>"
            }
            out += "</ul>"
        }
        return out + "</article>"
    }

    func highlightsByField(_ article: Article) -> [TextField: [HTMLText.Highlight]] {
        var out: [TextField: [HTMLText.Highlight]] = [:]
        for entity in article.entities ?? [] {
            for mention in entity.mentions {
                out[mention.field, default: []].append(
                    HTMLText.Highlight(
                        start: mention.start, end: mention.end, type: entity.type.rawValue, name: entity.name,
                        id: entity.id))
            }
        }
        return out
    }

    static func anchor(_ index: Int) -> String { "article-\(index + 1)" }

    static let style = """
        body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d2430}
        h1{font-size:1.6rem}h2{border-bottom:1px solid #ccd;padding-bottom:.2rem;margin-top:2rem}
        article{border:1px solid #dde;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
        .meta{color:#555;font-size:.85rem}.body{white-space:normal}
        mark.ent{border-radius:3px;padding:0 .15em}.ent-PER{background:#ffe08a}.ent-ORG{background:#b9e3ff}
        .ent-LOC{background:#c7f0c2}li.ent-PER,li.ent-ORG,li.ent-LOC{display:inline-block;margin:.15rem;padding:0 .4rem;border-radius:3px}
        ul.entities{padding:0}.charts{display:flex;flex-wrap:wrap;gap:1.5rem}
        svg.chart text{font:12px system-ui,sans-serif;fill:#1d2430}svg.chart rect{fill:#4a78c2}
        svg.chart .chart-title{font-weight:600}.cluster{background:#f6f7fb;border-radius:6px;padding:.2rem 1rem;margin:.6rem 0}
        .role{color:#555;font-size:.85rem}.warning{color:#a33}
        """
}
