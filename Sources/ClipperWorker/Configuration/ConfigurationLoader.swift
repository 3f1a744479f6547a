import ClipperCore
import Foundation
import Yams

/// Loads and checks a config file: YAML, `${VAR}` / `${VAR:default}` interpolation from the environment, strict
/// keys. Every problem is reported at once, one line each, naming the key and the fix.
///
/// ```swift
/// do {
///     let configuration = try ConfigurationLoader.load(file: url)
/// } catch let problems as ConfigProblems {
///     print(problems) // kafka.bootstrap_server: unknown key; did you mean "bootstrap_servers"?
/// }
/// ```
public enum ConfigurationLoader {
    /// Reads `file`. `environment` supplies `${VAR}` values (the process environment by default).
    public static func load(
        file: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
        catalog: ProcessorCatalog? = nil
    ) throws -> ClipperConfiguration {
        let text = try ConfigProblems.readText(of: file, what: "the file", hint: "check the --config path")
        return try parse(text, directory: file.deletingLastPathComponent(), environment: environment, catalog: catalog)
    }

    /// Parses YAML text.
    public static func parse(
        _ text: String, directory: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
        catalog: ProcessorCatalog? = nil
    ) throws -> ClipperConfiguration {
        let problems = ProblemCollector()
        let root: JSONValue
        do {
            root = JSONValue(yaml: try Yams.load(yaml: text))
        } catch {
            throw ConfigProblems([ConfigLocator.syntaxProblem(error)])
        }
        let interpolated = EnvironmentInterpolation.apply(root, environment: environment, path: "", problems: problems)
        let configuration = read(interpolated, directory: directory, problems: problems, catalog: catalog)
        if !problems.problems.isEmpty { throw ConfigProblems(problems.problems) }
        return configuration
    }

    static func read(
        _ root: JSONValue, directory: URL, problems: ProblemCollector, catalog: ProcessorCatalog?
    ) -> ClipperConfiguration {
        var top = ObjectReader(path: "", value: root, problems: problems)
        for section in SettingsSpec.sections where !section.path.contains(".") { _ = top.raw(section.path) }
        var configuration = SettingsReader.read(top.members, directory: directory, problems: problems)
        let processors = top.raw("processors")
        configuration.processors = readProcessors(processors, problems: problems, catalog: catalog)
        top.finish()
        checkSecurity(configuration.kafka.security, problems: problems)
        ConfigurationRules.checkTopics(configuration.kafka, problems: problems)
        ConfigurationRules.checkProcessors(processors, problems: problems)
        return configuration
    }

    /// Rules that join several keys.
    static func checkSecurity(_ security: ClipperConfiguration.Security, problems: ProblemCollector) {
        if security.protocolName.hasPrefix("sasl"), security.saslUsername == nil || security.saslPassword == nil {
            problems.add("kafka.security", "protocol \(security.protocolName) needs sasl_username and sasl_password")
        }
    }

    static func readProcessors(_ value: JSONValue?, problems: ProblemCollector, catalog: ProcessorCatalog?)
        -> [ProcessorSpec]
    {
        guard let value else { return ClipperConfiguration.defaultChain.map { ProcessorSpec(name: $0) } }
        guard case .array(let items) = value else {
            problems.add("processors", "expected a list of processors, e.g. - name: normalize")
            return []
        }
        var specs: [ProcessorSpec] = []
        for (index, item) in items.enumerated() {
            let path = "processors[\(index)]"
            if case .string(let name) = item {
                specs.append(ProcessorSpec(name: name))
                continue
            }
            var reader = ObjectReader(path: path, value: item, problems: problems)
            guard let name = reader.optionalString("name") else {
                problems.add(path + ".name", "missing; name the processor, e.g. name: language")
                reader.finish()
                continue
            }
            let settings = reader.raw("config")?.objectValue ?? [:]
            var policyReader = reader.object("on_error")
            let policy = ErrorPolicy(
                maxAttempts: policyReader.int(ProcessorEntrySpec.maxAttempts),
                backoffMilliseconds: policyReader.int(ProcessorEntrySpec.backoff),
                maxBackoffMilliseconds: policyReader.int(ProcessorEntrySpec.maxBackoff),
                finally: ErrorPolicy.FinalAction(rawValue: policyReader.string(ProcessorEntrySpec.then))
                    ?? ProcessorEntrySpec.policy.finally)
            policyReader.finish()
            let timeout = reader.int(ProcessorEntrySpec.timeout)
            reader.finish()
            if let catalog {
                if let entry = catalog.entry(named: name) {
                    for problem in ConfigurationDecoder.lint(settings, descriptor: entry.descriptor) {
                        problems.add("\(path).config.\(problem.key ?? "")", problem.message)
                    }
                } else {
                    problems.add(
                        path + ".name",
                        "no processor named \"\(name)\"\(Suggestion.didYouMean(name, among: catalog.names)); "
                            + "`clipper processors` lists them")
                }
            }
            specs.append(ProcessorSpec(name: name, settings: settings, policy: policy, timeout: .milliseconds(timeout)))
        }
        return specs
    }
}
