import ArgumentParser
import ClipperCatalog
import ClipperWorker
import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// `clipper run`: the service.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the worker: consume raw articles, enrich them, publish enriched records.",
        discussion: """
            SIGTERM or SIGINT: stop taking new records, finish the ones in flight (worker.drain_timeout_ms), flush \
            the producer, commit, close (under worker.close_timeout_ms), exit 0. A second signal exits at once. Exit \
            status 2: the close watchdog fired; 3: a processor with on_error.then: fail failed; 4: a fatal Kafka \
            client error (what was delivered is committed first).
            """)

    @Option(name: [.customShort("c"), .long], help: "Config file (YAML).")
    var config: String = "Config/clipper.yaml"

    func run() async throws {
        let configuration = try ConfigurationLoader.load(file: URL(fileURLWithPath: config), catalog: .builtIn)
        LoggingBootstrap.bootstrap(format: configuration.log.format, level: configuration.log.level)
        let logger = Logger(label: "clipper")
        try await Self.serve(configuration: configuration, logger: logger)
    }

    /// Runs a worker plus the operations endpoint until shutdown. Shared with `demo` and `replay`.
    static func serve(configuration: ClipperConfiguration, worker: Worker? = nil, logger: Logger) async throws {
        let worker = try worker ?? Worker(configuration: configuration, catalog: .builtIn, logger: logger)
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(
                service: WorkerService(worker: worker), successTerminationBehavior: .gracefullyShutdownGroup,
                failureTerminationBehavior: .gracefullyShutdownGroup)
        ]
        if configuration.http.enabled {
            let server = OperationsServer(
                host: configuration.http.host, port: configuration.http.port,
                health: { worker.healthReport() }, logger: logger)
            services.insert(.init(service: server.makeApplication()), at: 0)
            logger.info(
                "operations endpoint",
                metadata: [
                    "url": "http://\(configuration.http.host):\(configuration.http.port)/metrics"
                ])
        }
        SecondSignal.install()
        let group = ServiceGroup(
            configuration: .init(
                services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch let error as WorkerError {
            logger.critical("\(error)", metadata: ["exit_status": "\(error.exitCode)"])
            throw ExitCode(error.exitCode)
        }
    }
}
