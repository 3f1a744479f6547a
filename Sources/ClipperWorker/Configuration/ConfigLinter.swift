import ClipperCore
import ClipperKafka
import Foundation

/// Everything `clipper lint` checks: the YAML and its keys, processor names and settings (against each
/// descriptor), and the raw librdkafka properties (by librdkafka itself).
///
/// ```swift
/// for problem in ConfigLinter.lint(file: URL(fileURLWithPath: "Config/clipper.yaml"), catalog: .builtIn) { print(problem) }
/// ```
public enum ConfigLinter {
    /// Every problem of `file`, each with the line and column of its key when the key is in the file.
    public static func lint(
        file: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
        catalog: ProcessorCatalog
    ) -> [ConfigProblem] {
        let problems = unlocated(file: file, environment: environment, catalog: catalog)
        guard !problems.isEmpty, let text = try? String(contentsOf: file, encoding: .utf8) else { return problems }
        return ConfigLocator.locate(problems, in: text)
    }

    static func unlocated(file: URL, environment: [String: String], catalog: ProcessorCatalog) -> [ConfigProblem] {
        let configuration: ClipperConfiguration
        do {
            configuration = try ConfigurationLoader.load(file: file, environment: environment, catalog: catalog)
        } catch let problems as ConfigProblems {
            return problems.problems
        } catch {
            return [ConfigProblem(path: "(file)", message: "\(error)")]
        }
        var problems: [ConfigProblem] = []
        do {
            try configuration.consumerSettings.validate()
        } catch {
            problems.append(ConfigProblem(path: "kafka.consumer_properties", message: Self.describe(error)))
        }
        do {
            try configuration.producerSettings.validate()
        } catch {
            problems.append(ConfigProblem(path: "kafka.producer_properties", message: Self.describe(error)))
        }
        if let problem = ConfigurationRules.checkRecordSize(configuration) { problems.append(problem) }
        let environment = configuration.processorEnvironmentForLint
        for (index, spec) in configuration.processors.enumerated() {
            do {
                _ = try catalog.makeStep(spec, environment: environment)
            } catch let error as ProcessorSetupError {
                problems.append(
                    ConfigProblem(
                        path: "processors[\(index)]" + (error.key.map { ".config.\($0)" } ?? ""), message: error.message
                    ))
            } catch {
                problems.append(ConfigProblem(path: "processors[\(index)]", message: "\(error)"))
            }
        }
        return problems
    }

    static func describe(_ error: any Error) -> String {
        if let kafkaError = error as? KafkaError { return kafkaError.text + "; " + kafkaError.message }
        return "\(error)"
    }
}

extension ClipperConfiguration {
    /// Processor environment for linting: state goes to a temporary folder so lint never touches real state.
    var processorEnvironmentForLint: ProcessorEnvironment {
        ProcessorEnvironment(
            configDirectory: directory,
            stateDirectory: FileManager.default.temporaryDirectory.appending(path: "clipper-lint-\(getpid())"))
    }
}
