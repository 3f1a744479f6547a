import ClipperCore
import Foundation
import PostgresNIO

/// A parsed `postgres://user:password@host:port/database?sslmode=…` URL, the way `postgres_url` is given.
///
/// `sslmode` follows libpq: `disable`, `prefer` (the default: TLS when the server offers it, certificate not
/// checked), `require` (TLS or fail, certificate not checked), `verify-full` (TLS, certificate and host name
/// checked against the system roots, or `sslrootcert=/path/ca.pem`). The password is never part of
/// ``redacted``, which is what logs and error messages show.
///
/// ```swift
/// let url = try PostgresURL("postgres://clipper:s3cret@db.internal:5432/clipper?sslmode=require")
/// url.redacted // "postgres://clipper:***@db.internal:5432/clipper?sslmode=require"
/// url.endpoint // "db.internal:5432/clipper"
/// ```
public struct PostgresURL: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var sslMode: SSLMode
    /// A PEM file of trusted roots for `verify-full`; the system roots when nil.
    public var rootCertificatePath: String?

    public enum SSLMode: String, Sendable, Hashable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    /// Parses `text`; throws ``ProcessorSetupError`` (key `postgres_url`) naming what is wrong, never the password.
    public init(_ text: String) throws {
        func fail(_ message: String) -> ProcessorSetupError {
            ProcessorSetupError(
                processor: "dedup", key: "postgres_url",
                message: "\(message) in \(URLRedaction.redactPassword(in: text)); expected "
                    + "postgres://user:password@host:5432/database?sslmode=prefer")
        }
        guard let components = URLComponents(string: text) else { throw fail("not a URL") }
        guard ["postgres", "postgresql"].contains(components.scheme ?? "") else {
            throw fail("the scheme must be postgres://")
        }
        guard let host = components.host, !host.isEmpty else { throw fail("no host") }
        guard let user = components.user, !user.isEmpty else { throw fail("no user name") }
        self.host = host
        port = components.port ?? 5432
        username = user.removingPercentEncoding ?? user
        password = components.password.map { $0.removingPercentEncoding ?? $0 }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? username : path
        let query = Dictionary(
            (components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { _, last in last })
        let mode = query["sslmode"] ?? "prefer"
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw fail("sslmode \"\(mode)\" is not one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.sslMode = sslMode
        rootCertificatePath = query["sslrootcert"]
    }

    /// `host:port/database`: what logs and readiness messages name.
    public var endpoint: String { "\(host):\(port)/\(database)" }

    /// The URL with the password masked.
    public var redacted: String {
        "postgres://\(username)\(password == nil ? "" : ":" + URLRedaction.mask)@\(endpoint)?sslmode=\(sslMode.rawValue)"
    }

    /// The postgres-nio client configuration for this URL.
    func clientConfiguration() throws -> PostgresClient.Configuration {
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        let tls: PostgresClient.Configuration.TLS
        switch sslMode {
        case .disable:
            tls = .disable
        case .prefer, .require:
            tlsConfiguration.certificateVerification = .none
            tls = sslMode == .prefer ? .prefer(tlsConfiguration) : .require(tlsConfiguration)
        case .verifyFull:
            if let rootCertificatePath {
                tlsConfiguration.trustRoots = .file(rootCertificatePath)
            }
            tls = .require(tlsConfiguration)
        }
        return PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
    }
}
