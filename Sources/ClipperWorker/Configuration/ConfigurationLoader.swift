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
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ConfigProblems([ConfigProblem(
                path: file.path, message: "cannot read the file (\(error.localizedDescription)); check the --config path")])
        }
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
            throw ConfigProblems([ConfigProblem(path: "(file)", message: "not valid YAML: \(error)")])
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

        var kafka = top.object("kafka")
        var topics = kafka.object("topics")
        let input = topics.raw("input")
        let inputTopics: [String] =
            switch input {
            case .string(let topic): [topic]
            case .array(let items): items.compactMap(\.stringValue)
            default: ["articles.raw"]
            }
        let outputTopic = topics.string("output", default: "articles.enriched")
        let deadLetterTopic = topics.string("dead_letter", default: "articles.dlq")
        topics.finish()
        var securityReader = kafka.object("security")
        let security = ClipperConfiguration.Security(
            protocolName: securityReader.oneOf(
                "protocol", ["plaintext", "ssl", "sasl_plaintext", "sasl_ssl"], default: "plaintext"),
            saslMechanism: securityReader.optionalString("sasl_mechanism"),
            saslUsername: securityReader.optionalString("sasl_username"),
            saslPassword: securityReader.optionalString("sasl_password"),
            caLocation: securityReader.optionalString("ca_location"),
            certificateLocation: securityReader.optionalString("certificate_location"),
            keyLocation: securityReader.optionalString("key_location"),
            keyPassword: securityReader.optionalString("key_password"))
        if let mechanism = security.saslMechanism,
            !["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"].contains(mechanism)
        {
            problems.add("kafka.security.sasl_mechanism", "must be PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512")
        }
        if security.protocolName.hasPrefix("sasl"), security.saslUsername == nil || security.saslPassword == nil {
            problems.add("kafka.security", "protocol \(security.protocolName) needs sasl_username and sasl_password")
        }
        securityReader.finish()
        let kafkaSection = ClipperConfiguration.KafkaSection(
            bootstrapServers: kafka.string("bootstrap_servers", default: "localhost:9092"),
            groupID: kafka.string("group_id", default: "clipper"),
            clientID: kafka.string("client_id", default: "clipper"),
            inputTopics: inputTopics,
            outputTopic: outputTopic,
            deadLetterTopic: deadLetterTopic,
            security: security,
            consumerProperties: kafka.stringMap("consumer_properties"),
            producerProperties: kafka.stringMap("producer_properties"),
            sessionTimeoutMS: kafka.int("session_timeout_ms", default: 45_000, range: 1_000...3_600_000),
            autoOffsetReset: kafka.oneOf("auto_offset_reset", ["earliest", "latest"], default: "earliest"),
            commitIntervalMS: kafka.int("commit_interval_ms", default: 1_000, range: 10...600_000))
        kafka.finish()

        var worker = top.object("worker")
        let workerSection = ClipperConfiguration.WorkerSection(
            workerID: worker.string("worker_id", default: ProcessInfo.processInfo.hostName),
            maxRecordBytes: worker.int("max_record_bytes", default: 1_048_576, range: 1_024...104_857_600),
            maxInFlightPerPartition: worker.int("max_in_flight_per_partition", default: 1024, range: 1...100_000),
            maxInFlightBytes: worker.int("max_in_flight_bytes", default: 67_108_864, range: 65_536...8_589_934_592),
            drainTimeoutMS: worker.int("drain_timeout_ms", default: 20_000, range: 0...600_000),
            closeTimeoutMS: worker.int("close_timeout_ms", default: 10_000, range: 100...600_000),
            stateDirectory: worker.string("state_dir", default: "state"),
            stuckProcessorMS: worker.int("stuck_processor_ms", default: 60_000, range: 100...3_600_000))
        worker.finish()

        let processors = readProcessors(top.raw("processors"), problems: problems, catalog: catalog)

        var http = top.object("http")
        let httpSection = ClipperConfiguration.HTTPSection(
            enabled: http.bool("enabled", default: true),
            host: http.string("host", default: "127.0.0.1"),
            port: http.int("port", default: 9464, range: 0...65_535))
        http.finish()

        var log = top.object("log")
        let logSection = ClipperConfiguration.LogSection(
            level: log.oneOf(
                "level", ["trace", "debug", "info", "notice", "warning", "error", "critical"], default: "info"),
            format: log.oneOf("format", ["json", "text"], default: "json"))
        log.finish()
        top.finish()

        return ClipperConfiguration(
            kafka: kafkaSection, worker: workerSection, processors: processors, http: httpSection, log: logSection,
            directory: directory)
    }

    static let defaultProcessors = ["normalize", "language", "entities", "dedup"]

    static func readProcessors(_ value: JSONValue?, problems: ProblemCollector, catalog: ProcessorCatalog?)
        -> [ProcessorSpec]
    {
        guard let value else { return defaultProcessors.map { ProcessorSpec(name: $0) } }
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
                maxAttempts: policyReader.int("max_attempts", default: 3, range: 1...100),
                backoffMilliseconds: policyReader.int("backoff_ms", default: 100, range: 0...600_000),
                maxBackoffMilliseconds: policyReader.int("max_backoff_ms", default: 5_000, range: 0...3_600_000),
                finally: ErrorPolicy.FinalAction(
                    rawValue: policyReader.oneOf(
                        "then", ErrorPolicy.FinalAction.allCases.map(\.rawValue), default: "dead_letter"))
                    ?? .deadLetter)
            policyReader.finish()
            let timeout = reader.int("timeout_ms", default: 30_000, range: 1...3_600_000)
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
