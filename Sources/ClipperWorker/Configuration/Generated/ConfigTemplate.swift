import ClipperCore
import Foundation

/// Writes the shipped `Config/clipper.yaml` from ``SettingsSpec``: every key with its default (or the `${VAR:default}`
/// the file reads it from) and its doc line; keys without a default are shown commented out with an example.
/// A test fails when the committed file differs from this output; `make config` rewrites it.
///
/// ```swift
/// print(ConfigTemplate.yaml()) // the text of Config/clipper.yaml
/// ```
public enum ConfigTemplate {
    /// Settings of the shipped chain that differ from the defaults: timeouts and config per processor.
    static let shippedChain: [String: (timeoutMS: Int?, config: [(key: String, value: String)])] = [
        "language": (5_000, []),
        "entities": (10_000, [("watchlist", "watchlist.yaml")]),
        "dedup": (
            10_000,
            [
                ("store", "${CLIPPER_DEDUP_STORE:sqlite}   # sqlite: one host | postgres: many hosts"),
                ("postgres_url", "${CLIPPER_DEDUP_POSTGRES_URL:}   # postgres://user:password@host/db, never printed"),
            ]
        ),
    ]
    /// The processor whose entry shows the whole `on_error` block with its defaults.
    static let processorShowingErrorPolicy = "dedup"

    static let header = """
        # Clipper configuration. Every setting is shown with its default; delete what you do not change.
        # Generated from Sources/ClipperWorker/Configuration/Spec/SettingsSpec.swift by `make config`
        # (`clipper config --yaml`); a test fails when this file is stale, so change the spec, not this file.
        # Any string may use ${VAR} or ${VAR:default}: the value comes from the environment (a missing ${VAR} without a
        # default is an error). Check a file with `clipper lint --config FILE`; see the resolved values, secrets redacted,
        # with `clipper print-config --config FILE`. Reference: `clipper config --docs`.
        """

    /// The whole file.
    public static func yaml() -> String {
        var lines = header.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for section in SettingsSpec.sections where !section.path.contains(".") {
            lines.append("")
            lines += sectionLines(section.path, indent: "")
        }
        lines.append("")
        lines += processorLines()
        return lines.joined(separator: "\n") + "\n"
    }

    static func sectionLines(_ path: String, indent: String) -> [String] {
        let name = path.split(separator: ".").last.map(String.init) ?? path
        var lines = [indent + name + ":"]
        let inner = indent + "  "
        for setting in SettingsSpec.all where setting.section == path {
            lines += comment(for: setting.field, indent: inner)
            if case .null = setting.shippedValue {
                let example = setting.field.examples.first ?? .null
                lines.append("\(inner)# \(setting.field.name): \(render(example))")
            } else {
                lines.append("\(inner)\(setting.field.name): \(render(setting.shippedValue))")
            }
        }
        for child in SettingsReader.childSections(of: path) {
            if let summary = SettingsSpec.sections.first(where: { $0.path == "\(path).\(child)" })?.summary {
                lines.append("\(inner)# \(summary)")
            }
            lines += sectionLines("\(path).\(child)", indent: inner)
        }
        return lines
    }

    static func processorLines() -> [String] {
        var lines = [
            "# The chain, in order. Each entry: name, config (see `clipper processors`), timeout_ms, on_error.",
            "# on_error: retry max_attempts times with exponential backoff, then: "
                + (ProcessorEntrySpec.then.choices ?? []).joined(separator: " | ") + ".",
            "processors:",
        ]
        for name in ClipperConfiguration.defaultChain {
            lines.append("  - name: \(name)")
            let shipped = shippedChain[name]
            if let timeout = shipped?.timeoutMS { lines.append("    timeout_ms: \(timeout)") }
            if let config = shipped?.config, !config.isEmpty {
                lines.append("    config:")
                for (key, value) in config { lines.append("      \(key): \(value)") }
            }
            if name == processorShowingErrorPolicy {
                let policy = ProcessorEntrySpec.onError.map { "\($0.name): \($0.defaultValue.templateText)" }
                lines.append("    on_error: { \(policy.joined(separator: ", ")) }")
            }
        }
        return lines
    }

    /// The doc line, with the range or choices, as wrapped comment lines.
    static func comment(for field: ConfigField, indent: String) -> [String] {
        var text = field.description
        if let choices = field.choices { text += " One of: " + choices.joined(separator: " | ") + "." }
        if let range = field.range {
            text += " Range: \(ConfigField.bound(range.lowerBound))–\(ConfigField.bound(range.upperBound))."
        }
        return wrap(text, width: 116 - indent.count).map { "\(indent)# \($0)" }
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " \(word)"
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// A value in YAML flow style.
    static func render(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): quotedIfNeeded(text)
        case .array(let items) where items.count == 1: render(items[0])
        case .array(let items): "[" + items.map(render).joined(separator: ", ") + "]"
        case .object(let members):
            "{"
                + members.keys.sorted().map { "\(quotedIfNeeded($0)): \(render(members[$0] ?? .null))" }
                .joined(separator: ", ") + "}"
        default: value.settingDescription
        }
    }

    static func quotedIfNeeded(_ text: String) -> String {
        let special = "[]{}&*!|>'\"%@,#?:-`"
        let needsQuotes =
            text.isEmpty || text.contains(": ") || text.contains(" #")
            || text.first.map { special.contains($0) || $0 == " " } == true
            || ["true", "false", "null", "yes", "no", "~"].contains(text.lowercased()) || Double(text) != nil
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }
}
