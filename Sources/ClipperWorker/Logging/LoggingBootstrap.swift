import Foundation
import Logging
import Synchronization

/// Sets up swift-log once per process: JSON lines or text on stderr at the configured level.
///
/// ```swift
/// LoggingBootstrap.bootstrap(format: "json", level: "info")
/// ```
public enum LoggingBootstrap {
    static let done = Atomic<Bool>(false)

    public static func bootstrap(format: String, level: String) {
        guard !done.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let logLevel = Logger.Level(rawValue: level) ?? .info
        if format == "json" {
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: logLevel) }
        } else {
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = logLevel
                return handler
            }
        }
    }
}
