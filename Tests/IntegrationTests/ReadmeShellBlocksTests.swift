import Foundation
import Testing

/// The README's shell blocks marked `<!-- readme-test: runs -->` (those that need no broker or database and end by
/// themselves) run as written, with `clipper` being the binary under test, in a scratch folder holding a copy of
/// `Config/`.
@Suite struct ReadmeShellBlocksTests {
    static let marker = "<!-- readme-test: runs -->"

    /// The body of every fenced `sh` block right after the marker.
    static func markedBlocks(_ readme: String) -> [String] {
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [String] = []
        var index = 0
        while index < lines.count {
            defer { index += 1 }
            guard lines[index].trimmingCharacters(in: .whitespaces) == marker,
                index + 1 < lines.count, lines[index + 1].hasPrefix("```sh")
            else { continue }
            let body = lines[(index + 2)...].prefix { !$0.hasPrefix("```") }
            blocks.append(body.joined(separator: "\n"))
            index += body.count + 2
        }
        return blocks
    }

    @Test func theMarkerFindsOnlyTheBlockAfterIt() {
        let text = "```sh\nnot me\n```\n\(Self.marker)\n```sh\necho one\necho two\n```\n```sh\nnor me\n```\n"
        #expect(Self.markedBlocks(text) == ["echo one\necho two"])
    }

    @Test(.timeLimit(.minutes(5))) func theReadmesOfflineShellBlocksRunAsWritten() throws {
        let root = DeploymentFilesTests.root
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = Self.markedBlocks(readme)
        try #require(!blocks.isEmpty, "no block in README.md is marked \(Self.marker)")
        let binary = try WorkerTestEnvironment.clipperBinary()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("clipper-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: root.appendingPathComponent("Config"), to: directory.appendingPathComponent("Config"))
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CLIPPER_") }
        environment["CLIPPER_UNDER_TEST"] = binary
        for (number, block) in blocks.enumerated() {
            // Each line on its own, so a failure names the command.
            for line in block.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let script = "set -euo pipefail\nclipper() { \"$CLIPPER_UNDER_TEST\" \"$@\"; }\n\(line)\n"
                let result = try CommandRun(
                    ["/bin/bash", "-c", script], in: directory, environment: environment, timeout: 180)
                #expect(result.status == 0, "README block \(number + 1): `\(line)` exited \(result.status):\n\(result.stderr.suffix(2000))")
            }
        }
        // The block promises a page to look at.
        if blocks.joined().contains("clipper report -o report.html") {
            let page = try String(contentsOf: directory.appendingPathComponent("report.html"), encoding: .utf8)
            #expect(page.contains("<svg"), "report.html has no chart")
        }
    }
}
