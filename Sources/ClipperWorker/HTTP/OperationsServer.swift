import Foundation
import Hummingbird
import Logging
import Prometheus

/// The HTTP endpoint operators scrape and probe: `/livez`, `/readyz`, `/metrics` (Prometheus text format).
///
/// ```swift
/// let server = OperationsServer(host: "127.0.0.1", port: 9464, health: { worker.healthReport() }, logger: logger)
/// try await server.makeApplication().runService()
/// ```
public struct OperationsServer: Sendable {
    public let host: String
    public let port: Int
    public let health: @Sendable () -> HealthReport
    public let registry: PrometheusCollectorRegistry
    public let logger: Logger

    public init(
        host: String, port: Int, registry: PrometheusCollectorRegistry = MetricsBootstrap.registry,
        health: @escaping @Sendable () -> HealthReport, logger: Logger
    ) {
        self.host = host
        self.port = port
        self.registry = registry
        self.health = health
        self.logger = logger
    }

    /// A Hummingbird application (a swift-service-lifecycle `Service`) serving the three routes.
    public func makeApplication() -> some ApplicationProtocol {
        let router = Router()
        let health = health
        let registry = registry
        router.get("livez") { _, _ -> Response in
            let report = health()
            return Self.plain(
                report.isLive ? .ok : .serviceUnavailable,
                report.isLive ? "live\n" : report.livenessProblems.joined(separator: "\n") + "\n")
        }
        router.get("readyz") { _, _ -> Response in
            let report = health()
            return Self.plain(
                report.isReady ? .ok : .serviceUnavailable,
                report.isReady ? "ready\n" : report.readinessProblems.joined(separator: "\n") + "\n")
        }
        router.get("metrics") { _, _ -> Response in
            let buffer = MetricsBootstrap.exposition(of: registry)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        return Application(
            router: router, configuration: .init(address: .hostname(host, port: port), serverName: "clipper"),
            logger: logger)
    }

    static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
