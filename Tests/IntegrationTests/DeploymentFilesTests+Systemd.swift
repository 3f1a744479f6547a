import ClipperWorker
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The systemd units: lint before start, no restart loop on a record a processor refuses, EPERM for filtered
/// system calls, documentation the install steps really install, and units systemd itself accepts.
extension DeploymentFilesTests {
    static let units = ["deploy/systemd/clipper.service", "deploy/systemd/clipper@.service"]

    static func unitText(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every `Key=value` of the unit (comments skipped), in order; keys may repeat.
    static func settings(of unit: String) -> [(key: String, value: String)] {
        unit.split(separator: "\n").compactMap { line in
            guard !line.hasPrefix("#"), !line.hasPrefix("["), let equals = line.firstIndex(of: "=") else { return nil }
            return (String(line[..<equals]), String(line[line.index(after: equals)...]))
        }
    }

    static func values(_ key: String, in unit: String) -> [String] {
        settings(of: unit).filter { $0.key == key }.map(\.value)
    }

    @Test(arguments: units) func theUnitLintsTheConfigItRunsBeforeStarting(_ path: String) throws {
        let unit = try Self.unitText(path)
        let start = try #require(Self.values("ExecStart", in: unit).first)
        let configPath = try #require(start.firstMatch(of: /--config (\S+?)'?$/)?.output.1, "\(start)")
        let pre = Self.values("ExecStartPre", in: unit)
        #expect(pre.contains { $0.contains("/usr/local/bin/clipper lint --config \(configPath)") }, "\(path): \(pre)")
    }

    @Test(arguments: units) func aRecordAProcessorRefusesDoesNotRestartLoop(_ path: String) throws {
        // `clipper run --help` documents the exit status of a processor with on_error.then: fail.
        let help = try CommandRun([try WorkerTestEnvironment.clipperBinary(), "run", "--help"], timeout: 60)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let status = try #require(text.firstMatch(of: /(\d+): a processor with on_error\.then: fail/)?.output.1, "\(text)")
        let unit = try Self.unitText(path)
        #expect(Self.values("RestartPreventExitStatus", in: unit) == [String(status)], "\(path)")
        #expect(Self.values("Restart", in: unit) == ["on-failure"])
    }

    @Test(arguments: units) func filteredSystemCallsFailWithEPERM(_ path: String) throws {
        let unit = try Self.unitText(path)
        #expect(Self.values("SystemCallErrorNumber", in: unit) == ["EPERM"], "\(path)")
        #expect(Self.values("SystemCallFilter", in: unit) == ["@system-service", "~@privileged"], "\(path)")
    }

    @Test(arguments: units) func theDocumentationTheUnitNamesIsInstalledByItsInstallSteps(_ path: String) throws {
        let unit = try Self.unitText(path)
        let documentation = Self.values("Documentation", in: unit)
        #expect(!documentation.isEmpty, "\(path) has no Documentation=")
        let installSteps = unit.split(separator: "\n").filter { $0.hasPrefix("#   install ") || $0.hasPrefix("#   cp ") }
        for link in documentation {
            guard link.hasPrefix("file://") else { continue }
            let installed = String(link.dropFirst("file://".count))
            let words = try #require(
                installSteps.map { $0.split(separator: " ").map(String.init) }.first { $0.contains(installed) },
                "\(path): no install step copies anything to \(installed)")
            let source = try #require(words.firstIndex(of: installed).map { words[$0 - 1] })
            #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(String(source)).path), "\(source)")
        }
    }

    @Test(arguments: units) func systemdAcceptsTheUnit(_ path: String) throws {
        let analyze = "/usr/bin/systemd-analyze"
        guard FileManager.default.isExecutableFile(atPath: analyze) else { return }  // not a systemd machine
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clipper-units-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // systemd checks that ExecStart= and ExecStartPre= are executable: point them at the binary just built.
        let unit = try Self.unitText(path).replacingOccurrences(
            of: "/usr/local/bin/clipper", with: try WorkerTestEnvironment.clipperBinary())
        let name = path.hasSuffix("@.service") ? "clipper@1.service" : "clipper.service"
        try Data(unit.utf8).write(to: directory.appendingPathComponent(name))
        let result = try CommandRun([analyze, "verify", directory.appendingPathComponent(name).path], timeout: 60)
        #expect(result.status == 0 && result.output.isEmpty, "systemd-analyze verify \(path):\n\(result.output)")
    }

    @Test func withoutHOSTNAMEInTheEnvironmentTheWorkerIDIsTheHostName() throws {
        // systemd starts services with a near-empty environment and no HOSTNAME.
        let result = try CommandRun(
            [try WorkerTestEnvironment.clipperBinary(), "print-config", "--config", "Config/clipper.yaml"],
            in: Self.root, environment: ["PATH": "/usr/bin:/bin"], timeout: 60)
        var buffer = [CChar](repeating: 0, count: 256)
        _ = gethostname(&buffer, 255)
        let hostName = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        try #require(!hostName.isEmpty && hostName != "clipper")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.contains("worker_id: \(hostName)\n"), "\(result.stdout)")
    }

    @Test func theVersionIsWrittenOnce() throws {
        let result = try CommandRun([try WorkerTestEnvironment.clipperBinary(), "--version"], timeout: 60)
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == PipelineIdentity.clipperVersion)
        let sources = try FileManager.default.subpathsOfDirectory(atPath: Self.root.appendingPathComponent("Sources").path)
        let quoted = "\"\(PipelineIdentity.clipperVersion)\""
        let writers = try sources.filter { $0.hasSuffix(".swift") }.filter {
            try String(contentsOf: Self.root.appendingPathComponent("Sources/\($0)"), encoding: .utf8).contains(quoted)
        }
        #expect(writers == ["ClipperWorker/Pipeline/PipelineIdentity.swift"], "the version string \(quoted) is in \(writers)")
    }
}
