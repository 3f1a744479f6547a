import Foundation

extension ProcessorCatalog {
    /// The catalog as Markdown: per processor its name, version, status, folder, summary, the sections it writes
    /// and its settings table (`clipper processors --format markdown`).
    ///
    /// ```swift
    /// print(ProcessorCatalog(entries).markdownReference())
    /// ```
    public func markdownReference() -> String {
        entries.map { entry in
            let descriptor = entry.descriptor
            var text = "## \(descriptor.name) \(descriptor.version) (\(descriptor.status.rawValue))\n\n"
            text += "\(descriptor.summary)\n\n"
            text +=
                "Folder: `Plugins/\(entry.folder)`. Writes: "
                + descriptor.writes.map(\.rawValue).sorted().map { "`\($0)`" }.joined(separator: ", ") + ".\n\n"
            text += descriptor.configFields.isEmpty ? "No settings.\n" : SettingsTable.markdown(descriptor.configFields)
            return text
        }.joined(separator: "\n")
    }

    /// The catalog as JSON (`clipper processors --format json`): an array of descriptors with their settings
    /// (type, default, range, choices, secret flag, description, examples) and example count.
    ///
    /// ```swift
    /// let data = try ProcessorCatalog(entries).jsonReference()
    /// ```
    public func jsonReference() throws -> Data {
        let value = JSONValue.array(
            entries.map { entry in
                let descriptor = entry.descriptor
                return [
                    "name": .string(descriptor.name),
                    "version": .string(descriptor.version),
                    "status": .string(descriptor.status.rawValue),
                    "summary": .string(descriptor.summary),
                    "folder": .string("Plugins/\(entry.folder)"),
                    "writes": .array(descriptor.writes.map(\.rawValue).sorted().map { .string($0) }),
                    "config": .array(descriptor.configFields.map(\.reference)),
                    "examples": .number(Double(descriptor.examples.count)),
                ]
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

extension ConfigField {
    /// The field as a JSON object, for machine-readable references.
    ///
    /// ```swift
    /// field.reference["default"] // the default value
    /// ```
    public var reference: JSONValue {
        var members: [String: JSONValue] = [
            "name": .string(name), "type": .string(type.rawValue), "default": defaultValue,
            "description": .string(description), "secret": .bool(isSecret),
        ]
        if let range { members["range"] = [.number(range.lowerBound), .number(range.upperBound)] }
        if let choices { members["choices"] = .array(choices.map { .string($0) }) }
        if !examples.isEmpty { members["examples"] = .array(examples) }
        return .object(members)
    }
}
