import ClipperCatalog
import Foundation
import Testing

@testable import ClipperWorker

#if canImport(Glibc)
    import Glibc
#endif

/// `worker_id: ${HOSTNAME:clipper}` (the shipped file) names the real host even where HOSTNAME is not exported,
/// as under systemd.
@Suite struct WorkerIDDefaultTests {
    static var machineName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        _ = gethostname(&buffer, 255)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func hostnameFallsBackToTheMachinesNameWhenTheEnvironmentLacksIt() throws {
        let name = Self.machineName
        try #require(!name.isEmpty && name != "clipper", "this test needs a host name other than clipper")
        let configuration = try ConfigurationLoader.parse(
            "worker:\n  worker_id: ${HOSTNAME:clipper}\n", directory: URL(fileURLWithPath: "/tmp"), environment: [:])
        #expect(configuration.worker.workerID == name)
    }

    @Test func theShippedConfigNamesTheHostWithoutHOSTNAME() throws {
        let file = CatalogPaths.repositoryRoot.appending(path: "Config/clipper.yaml")
        let configuration = try ConfigurationLoader.load(file: file, environment: [:], catalog: .builtIn)
        #expect(configuration.worker.workerID == Self.machineName)
    }

    @Test func anExportedHostnameStillWins() throws {
        let configuration = try ConfigurationLoader.parse(
            "worker:\n  worker_id: ${HOSTNAME:clipper}\n", directory: URL(fileURLWithPath: "/tmp"),
            environment: ["HOSTNAME": "web-7-2"])
        #expect(configuration.worker.workerID == "web-7-2")
    }

    @Test func otherUnsetVariablesStillUseTheirFallback() throws {
        let configuration = try ConfigurationLoader.parse(
            "worker:\n  worker_id: ${CLIPPER_NOT_SET_ANYWHERE:fallback-id}\n", directory: URL(fileURLWithPath: "/tmp"),
            environment: [:])
        #expect(configuration.worker.workerID == "fallback-id")
    }
}
