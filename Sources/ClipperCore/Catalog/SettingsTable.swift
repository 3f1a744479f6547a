import Foundation

/// Renders config fields as a Markdown table (key, type, default, allowed values, meaning). The worker's reference
/// (`clipper config --docs`), `clipper processors --format markdown` and each plugin README's settings table use it,
/// so documentation and descriptors cannot drift apart.
///
/// ```swift
/// print(SettingsTable.markdown(LanguageTaggerProcessor.descriptor.configFields))
/// // | key | type | default | allowed | meaning |
/// // |---|---|---|---|---|
/// // | `max_chars` | integer | `1000` | ≥ 1 | Read at most this many characters … |
/// ```
public enum SettingsTable {
    /// The table, one row per field, ending in a newline.
    public static func markdown(_ fields: [ConfigField], keyPrefix: String = "") -> String {
        var lines = ["| key | type | default | allowed | meaning |", "|---|---|---|---|---|"]
        for field in fields {
            let meaning = field.description + (field.isSecret ? " **Secret**: never printed." : "")
            lines.append(
                "| `\(keyPrefix)\(field.name)` | \(field.type.rawValue.replacingOccurrences(of: "_", with: " ")) | "
                    + "\(defaultCell(field)) | \(allowedCell(field)) | \(escape(meaning)) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func defaultCell(_ field: ConfigField) -> String {
        if let choices = field.choices, field.defaultValue == .array(choices.map { .string($0) }) {
            return "all allowed"
        }
        return defaultCell(field.defaultValue)
    }

    static func defaultCell(_ value: JSONValue) -> String {
        switch value {
        case .null: "—"
        case .string(let text) where text.isEmpty: "`\"\"`"
        case .string(let text): "`\(escape(text))`"
        case .array(let items):
            "`[" + items.map { $0.stringValue ?? $0.settingDescription }.joined(separator: ", ") + "]`"
        case .object(let members) where members.isEmpty: "`{}`"
        default: "`\(escape(value.settingDescription))`"
        }
    }

    static func allowedCell(_ field: ConfigField) -> String {
        if let choices = field.choices { return choices.map { "`\($0)`" }.joined(separator: ", ") }
        if let range = field.range {
            return "\(ConfigField.bound(range.lowerBound))–\(ConfigField.bound(range.upperBound))"
        }
        return ""
    }

    static func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
