import Foundation

/// HTML escaping, and text with entity mentions wrapped in `<mark>` elements at their Unicode-scalar offsets.
///
/// ```swift
/// HTMLText.escape("AT&T <b>")  // "AT&amp;T &lt;b&gt;"
/// ```
public enum HTMLText {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A mention to highlight: scalar offsets into the field, the entity's type, name and id.
    public struct Highlight: Sendable, Hashable {
        public var start: Int
        public var end: Int
        public var type: String
        public var name: String
        public var id: String?

        public init(start: Int, end: Int, type: String, name: String, id: String?) {
            self.start = start
            self.end = end
            self.type = type
            self.name = name
            self.id = id
        }
    }

    /// The escaped text with each highlight wrapped in `<mark class="ent ent-TYPE">`, linked to the entity's page
    /// when its id has one. Overlapping or out-of-range highlights are skipped; newlines become `<br>`.
    ///
    /// ```swift
    /// HTMLText.highlighted("Merkel in Paris", [.init(start: 10, end: 15, type: "LOC", name: "Paris", id: nil)])
    /// // "Merkel in <mark class=\"ent ent-LOC\" title=\"LOC: Paris\">Paris</mark>"
    /// ```
    public static func highlighted(_ text: String, _ highlights: [Highlight]) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var cursor = 0
        for highlight in highlights.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            guard highlight.start >= cursor, highlight.start < highlight.end, highlight.end <= scalars.count else {
                continue
            }
            out += paragraphs(scalars[cursor..<highlight.start])
            let surface = paragraphs(scalars[highlight.start..<highlight.end])
            let title = escape("\(highlight.type): \(highlight.name)" + (highlight.id.map { " (\($0))" } ?? ""))
            let mark = "<mark class=\"ent ent-\(highlight.type)\" title=\"\(title)\">\(surface)</mark>"
            if let url = link(for: highlight.id) {
                out += "<a href=\"\(escape(url))\">\(mark)</a>"
            } else {
                out += mark
            }
            cursor = highlight.end
        }
        out += paragraphs(scalars[cursor..<scalars.count])
        return out
    }

    /// Where an id can be looked up: GeoNames pages for `geonames:` ids, the ISO browsing platform for subdivisions.
    public static func link(for id: String?) -> String? {
        guard let id else { return nil }
        if id.hasPrefix("geonames:") { return "https://www.geonames.org/\(id.dropFirst("geonames:".count))" }
        if id.hasPrefix("iso3166-2:") {
            return "https://www.iso.org/obp/ui/#iso:code:3166:\(id.dropFirst(10).prefix(2))"
        }
        return nil
    }

    static func paragraphs(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return escape(String(view)).replacingOccurrences(of: "\n", with: "<br>")
    }
}
