/// A horizontal bar chart as inline SVG: no script, no external assets, readable in any browser or mail client.
///
/// ```swift
/// SVGBarChart.render(title: "Articles per language", bars: [("en", 5), ("de", 4)])
/// ```
public enum SVGBarChart {
    public static func render(title: String, bars: [(label: String, value: Int)], width: Int = 460) -> String {
        let rowHeight = 22
        let labelWidth = 200
        let height = rowHeight * max(bars.count, 1) + 30
        let peak = max(bars.map(\.value).max() ?? 1, 1)
        var svg =
            "<svg class=\"chart\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" "
            + "height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\"><title>\(HTMLText.escape(title))</title>"
            + "<text x=\"0\" y=\"14\" class=\"chart-title\">\(HTMLText.escape(title))</text>"
        for (row, bar) in bars.enumerated() {
            let y = 24 + row * rowHeight
            let length = Int(Double(width - labelWidth - 40) * Double(bar.value) / Double(peak))
            svg +=
                "<text x=\"0\" y=\"\(y + 14)\">\(HTMLText.escape(String(bar.label.prefix(30))))</text>"
                + "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(max(length, 1))\" height=\"14\" rx=\"2\"></rect>"
                + "<text x=\"\(labelWidth + length + 6)\" y=\"\(y + 14)\">\(bar.value)</text>"
        }
        return svg + "</svg>"
    }
}
