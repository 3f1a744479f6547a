import ClipperCore
import Foundation

/// `clipper lint --connect`: builds each processor of a config file and, for those that talk to an outside service
/// (``ConnectionChecking``, such as `dedup` with `store: postgres`), reaches the service and reports what it found.
///
/// ```swift
/// for line in await ConnectionChecker.check(file: URL(fileURLWithPath: "Config/clipper.yaml"), catalog: .builtIn) {
///     print(line)
/// }
/// // "processors[3] dedup: postgresql db:5432/clipper reachable, dedup schema version 2"
/// ```
public enum ConnectionChecker {
    /// One result per checked processor.
    public struct Result: Sendable, CustomStringConvertible {
        public var path: String
        public var processor: String
        /// The processor's report, or what went wrong.
        public var message: String
        public var isReachable: Bool

        public var description: String { "\(path) \(processor): \(message)" }
    }

    public static func check(
        file: URL, environment: [String: String] = ProcessInfo.processInfo.environment,
        catalog: ProcessorCatalog
    ) async -> [Result] {
        guard let configuration = try? ConfigurationLoader.load(file: file, environment: environment, catalog: catalog)
        else { return [] }
        var results: [Result] = []
        for (index, spec) in configuration.processors.enumerated() {
            guard let step = try? catalog.makeStep(spec, environment: configuration.processorEnvironmentForLint),
                let check = step.processor.connectionCheck
            else { continue }
            let path = "processors[\(index)]"
            do {
                let report = try await check()
                results.append(Result(path: path, processor: spec.name, message: report, isReachable: true))
            } catch {
                results.append(Result(path: path, processor: spec.name, message: "\(error)", isReachable: false))
            }
        }
        return results
    }
}
