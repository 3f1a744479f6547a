import Dispatch
import Foundation
import Synchronization

/// A second SIGTERM or SIGINT while a graceful shutdown is under way exits at once (status 130), as operators
/// expect from a second Ctrl-C. The first one is left to swift-service-lifecycle.
enum SecondSignal {
    static let count = Atomic<Int>(0)
    nonisolated(unsafe) static var sources: [any DispatchSourceSignal] = []

    static func install() {
        for signalNumber in [SIGTERM, SIGINT] {
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                if count.add(1, ordering: .relaxed).newValue >= 2 {
                    FileHandle.standardError.write(Data("clipper: second signal, exiting now\n".utf8))
                    exit(130)
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
