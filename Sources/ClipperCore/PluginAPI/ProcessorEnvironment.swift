import Foundation
// `Logger` is part of the plugin API (`environment.logger`), so a plugin that imports ClipperCore can log without
// declaring swift-log itself.
@_exported import Logging

/// What a processor gets once, at start-up: where to find files and keep state, and a logger.
///
/// ```swift
/// let watchlist = environment.resolve("watchlist.yaml") // relative to the config file's folder
/// ```
public struct ProcessorEnvironment: Sendable {
    /// Folder of the config file; relative paths in processor settings resolve against it.
    public var configDirectory: URL
    /// A folder the processor may keep state in (created on demand), shared by workers that share the disk.
    public var stateDirectory: URL
    public var logger: Logger

    public init(
        configDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        stateDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appending(path: "state"),
        logger: Logger = Logger(label: "clipper.processor")
    ) {
        self.configDirectory = configDirectory
        self.stateDirectory = stateDirectory
        self.logger = logger
    }

    /// Resolves `path` against ``configDirectory`` unless it is absolute.
    public func resolve(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : configDirectory.appending(path: path)
    }
}
