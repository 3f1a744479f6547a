import ClipperCore

/// The Markdown reference of the config file (`clipper config --docs`): one table per section from
/// ``SettingsSpec``, then the keys of a processor entry.
///
/// ```swift
/// print(ConfigReference.markdown())
/// ```
public enum ConfigReference {
    public static func markdown() -> String {
        var text = """
            # Clipper configuration reference

            Generated from the settings spec (`clipper config --docs`). Any value may be a `${VAR}` or
            `${VAR:default}` reference to the environment. `clipper lint --config FILE` checks a file against these
            rules; `clipper print-config` shows the resolved values with secrets redacted.

            """
        for section in SettingsSpec.sections {
            let settings = SettingsSpec.all.filter { $0.section == section.path }
            text += "\n## `\(section.path)`\n\n\(section.summary)\n\n"
            text += SettingsTable.markdown(settings.map(\.field))
            let fromEnvironment = settings.compactMap { setting in
                setting.environment.map { "`\(setting.field.name)` from `$\($0.variable)`" }
            }
            if !fromEnvironment.isEmpty {
                text += "\nThe shipped file reads " + fromEnvironment.joined(separator: ", ") + ".\n"
            }
        }
        text +=
            "\n## `processors[]`\n\nThe chain, in order: a processor name, or an entry with `name`, `config` "
            + "(see `clipper processors --format markdown`), `timeout_ms` and `on_error`.\n\n"
        text += SettingsTable.markdown([ProcessorEntrySpec.timeout])
        text += "\n### `on_error`\n\n" + SettingsTable.markdown(ProcessorEntrySpec.onError)
        return text
    }
}
