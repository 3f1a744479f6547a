import ClipperCore
import Foundation

extension ClipperConfiguration {
    /// The processor environment: config folder, state folder (`worker.state_dir`, relative to the config file's
    /// folder), logger.
    ///
    /// ```swift
    /// let chain = try ProcessorCatalog.builtIn.makeChain(configuration.processors,
    ///                                                    environment: configuration.processorEnvironment)
    /// ```
    public var processorEnvironment: ProcessorEnvironment {
        let stateURL =
            worker.stateDirectory.hasPrefix("/")
            ? URL(fileURLWithPath: worker.stateDirectory)
            : directory.appending(path: worker.stateDirectory)
        return ProcessorEnvironment(configDirectory: directory, stateDirectory: stateURL)
    }
}
