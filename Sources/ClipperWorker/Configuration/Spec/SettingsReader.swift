import ClipperCore
import Foundation

/// Reads the `kafka`, `worker`, `http` and `log` sections of a config file by walking ``SettingsSpec``: each key is
/// converted, checked against its range or choices, and stored; a missing key takes its default; an unknown key is
/// reported with a "did you mean" hint. Every problem is collected, none stops the reading.
///
/// ```swift
/// let problems = ProblemCollector()
/// let configuration = SettingsReader.read(root, directory: folder, problems: problems)
/// ```
enum SettingsReader {
    static func read(_ root: [String: JSONValue], directory: URL, problems: ProblemCollector) -> ClipperConfiguration {
        var configuration = ClipperConfiguration.defaults(directory: directory)
        for section in SettingsSpec.sections {
            let members = self.members(of: section.path, in: root, problems: problems)
            let settings = SettingsSpec.all.filter { $0.section == section.path }
            for setting in settings {
                guard let value = members[setting.field.name], value != .null else { continue }
                switch setting.field.coerce(value) {
                case .success(let checked): setting.store(checked, &configuration)
                case .failure(let problem): problems.add(setting.path, problem.message)
                }
            }
            let known = settings.map(\.field.name) + childSections(of: section.path)
            for key in members.keys.sorted() where !known.contains(key) {
                let hint = Suggestion.didYouMean(key, among: known)
                problems.add(
                    "\(section.path).\(key)",
                    "unknown key\(hint.isEmpty ? "; known keys: \(known.joined(separator: ", "))" : hint)")
            }
        }
        return configuration
    }

    /// The mapping at a dotted path; a non-mapping is a problem and reads as empty.
    static func members(of path: String, in root: [String: JSONValue], problems: ProblemCollector)
        -> [String: JSONValue]
    {
        var current: JSONValue = .object(root)
        for key in path.split(separator: ".") {
            current = current[String(key)] ?? .null
        }
        switch current {
        case .object(let members): return members
        case .null: return [:]
        default:
            problems.add(path, "expected a mapping of settings")
            return [:]
        }
    }

    /// The names of the sections nested directly in `path`, e.g. `topics` and `security` in `kafka`.
    static func childSections(of path: String) -> [String] {
        SettingsSpec.sections.compactMap { section in
            guard section.path.hasPrefix(path + ".") else { return nil }
            let rest = section.path.dropFirst(path.count + 1)
            return rest.contains(".") ? nil : String(rest)
        }
    }
}

extension ClipperConfiguration {
    /// The configuration of an empty file: every setting at its default, the default chain.
    ///
    /// ```swift
    /// ClipperConfiguration.defaults(directory: URL(fileURLWithPath: "/tmp")).http.port // 9464
    /// ```
    public static func defaults(directory: URL) -> ClipperConfiguration {
        var configuration = ClipperConfiguration(
            kafka: KafkaSection(), worker: WorkerSection(), processors: [], http: HTTPSection(), log: LogSection(),
            directory: directory)
        for setting in SettingsSpec.all { setting.store(setting.effectiveDefault, &configuration) }
        configuration.processors = ClipperConfiguration.defaultChain.map { ProcessorSpec(name: $0) }
        return configuration
    }
}
