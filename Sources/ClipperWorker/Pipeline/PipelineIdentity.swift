import ClipperCore
import Foundation

/// Who produced a record: the Clipper version plus a hash of the chain (names, versions, settings), the worker id
/// and, for replays, the replay id. Stamped into `processing` and the dead-letter headers.
///
/// ```swift
/// let identity = PipelineIdentity(workerID: "host-1", chain: chain)
/// identity.pipelineVersion // "clipper/0.1.0+3f9a0c1d2e4b"
/// ```
public struct PipelineIdentity: Sendable, Hashable {
    public static let clipperVersion = "0.1.0"

    public var pipelineVersion: String
    public var workerID: String
    public var replayID: String?

    public init(workerID: String, chain: ProcessorChain, specs: [ProcessorSpec] = [], replayID: String? = nil) {
        let description = chain.steps.map { "\($0.processor.descriptor.name)@\($0.processor.descriptor.version)" }
            .joined(separator: ",")
        let settings = specs.map { spec in
            "\(spec.name):"
                + spec.settings.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
        }.joined(separator: "|")
        let hash = DocumentID.sha256Hex(description + "#" + settings).prefix(12)
        pipelineVersion = "clipper/\(Self.clipperVersion)+\(hash)"
        self.workerID = workerID
        self.replayID = replayID
    }
}
