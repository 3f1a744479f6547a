import Foundation
import Logging
import Synchronization

/// A swift-log handler that writes one JSON object per line to stderr: `ts`, `level`, `logger`, `msg`, `source`
/// (the module that logged, or `librdkafka` for the client library's own lines), and the
/// metadata (`kafka.topic`, `kafka.partition`, `kafka.offset`, `doc_id`, `processor`, …) as top-level fields.
///
/// Written here because swift-log ships only a plain-text stream handler, and the JSON shape operators search
/// (flat keys, RFC 3339 time) is a dozen lines.
///
/// ```swift
/// LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: .info) }
/// ```
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    let sink: LogSink

    public init(label: String, level: Logger.Level = .info, sink: LogSink = .standardError) {
        self.label = label
        self.logLevel = level
        self.sink = sink
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: Any] = [
            "ts": Timestamps.rfc3339(Date()),
            "level": event.level.rawValue,
            "logger": label,
            "msg": "\(event.message)",
            "source": event.source,
        ]
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        for (key, value) in merged { fields[key] = Self.plain(value) }
        guard
            var data = try? JSONSerialization.data(
                withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])
        else { return }
        data.append(0x0A)
        sink.write(data)
    }

    static func plain(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array(let items): items.map(plain)
        case .dictionary(let members): members.mapValues(plain)
        }
    }
}

/// Where log lines go. Writes are serialised so lines never interleave.
public final class LogSink: Sendable {
    let handle: FileHandle
    let lock = Mutex(())

    public init(handle: FileHandle) { self.handle = handle }

    public static let standardError = LogSink(handle: .standardError)

    func write(_ data: Data) {
        lock.withLock { _ in handle.write(data) }
    }
}
